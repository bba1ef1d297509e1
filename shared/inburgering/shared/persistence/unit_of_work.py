"""One database transaction: the state change and its outbox events commit or roll back together."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

# Imported for its effect: every transaction tells PostgreSQL its tenant scope.
from inburgering.shared.persistence import tenancy  # noqa: F401

if TYPE_CHECKING:
    from inburgering.shared.events.base import IntegrationEvent
    from inburgering.shared.messaging.outbox import Outbox


class UnitOfWork:
    """Use as `async with uow:`; nothing is kept unless `commit()` is called."""

    session: AsyncSession

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        outbox: Outbox,
        on_commit: Callable[[], None] | None = None,
    ) -> None:
        self._sessions = sessions
        self._outbox = outbox
        self._on_commit = on_commit
        self._published = 0

    async def __aenter__(self) -> Self:
        self.session = self._sessions()
        self._published = 0
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()

    async def publish(self, event: IntegrationEvent, *, gemeentecode: str | None = None) -> None:
        """Append an event to the outbox in this transaction."""
        await self._outbox.append(self.session, event, gemeentecode=gemeentecode)
        self._published += 1

    async def commit(self) -> None:
        if self._published:
            await self._outbox.notify(self.session)
        await self.session.commit()
        if self._published and self._on_commit is not None:
            self._on_commit()
        self._published = 0
