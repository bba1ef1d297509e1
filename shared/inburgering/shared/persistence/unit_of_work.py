"""One database transaction: the state change and its outbox events commit or roll back together.

Inside an API request the unit of work joins the request's transaction (see
`request_transaction`), so the processing log commits with it."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

# Imported for its effect: every transaction tells PostgreSQL its tenant scope.
from inburgering.shared.persistence import tenancy  # noqa: F401
from inburgering.shared.persistence.request_transaction import RequestTransaction, connected

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
        request: RequestTransaction | None = None,
    ) -> None:
        self._sessions = sessions
        self._outbox = outbox
        self._on_commit = on_commit
        self._request = request
        self._published = 0

    async def __aenter__(self) -> Self:
        if self._request is not None:
            self.session = await self._request.enter()
        else:
            self.session = await connected(self._sessions)
        self._published = 0
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._request is not None:
            await self._request.leave(failed=exc_type is not None)
            return
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
        if self._request is not None:
            self._request.commit_later(self._on_commit if self._published else None)
            self._published = 0
            return
        await self.session.commit()
        if self._published and self._on_commit is not None:
            self._on_commit()
        self._published = 0
