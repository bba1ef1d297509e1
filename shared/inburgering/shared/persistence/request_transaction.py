"""One database transaction per API request: the state change, its outbox events and its
processing-log record commit together, on one pooled connection.

A use case still says `await uow.commit()` where its work is done. Inside a request that commit
is held until the answer is known, so the processing log (which names the betrokkenen found in
the answer) joins the same transaction: an answer is never given without its log record, and
now no change is kept without it either. A read leaves its transaction open for the log instead
of rolling it back and opening another. When a request opens a second unit of work, the work
committed before is committed for real first, so a use case that commits and then goes on sees
exactly what it saw before. Uncommitted writes are rolled back as before; whether a block wrote
is read off the statements it ran (anything but a SELECT counts as a write)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

SCOPE_KEY = "inburgering.transactie"
_WROTE = "inburgering.schreef"


@event.listens_for(Engine, "begin")
def _clean(connection: Any) -> None:
    connection.info[_WROTE] = False


@event.listens_for(Engine, "before_cursor_execute")
def _note_writes(connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if not statement.lstrip()[:6].upper() == "SELECT":
        connection.info[_WROTE] = True


async def connected(sessions: async_sessionmaker[AsyncSession]) -> AsyncSession:
    """A session with its transaction begun (and its tenant scope set). A connection the server
    dropped (restart, failover) is found here by the first statement instead of by a ping per
    checkout: the pool then discards its older connections and one retry gets a live one."""
    for attempt in (1, 2):
        session = sessions()
        try:
            await session.connection()
            return session
        except DBAPIError as exc:
            await session.close()
            if attempt == 2 or not exc.connection_invalidated:
                raise
    raise AssertionError("unreachable")


class RequestTransaction:
    """Held by the request's processing-log middleware; units of work join it."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self._committed_pending = False
        self._after_commit: list[Callable[[], None]] = []

    @property
    def begun(self) -> bool:
        return self._session is not None

    @property
    def pending(self) -> bool:
        """Whether committed work waits for the final commit."""
        return self._committed_pending

    async def enter(self) -> AsyncSession:
        """The request's session for a new unit of work; earlier committed work is made final."""
        if self._session is None:
            self._session = await connected(self._sessions)
        elif self._committed_pending:
            await self.commit()
        return self._session

    async def session(self) -> AsyncSession:
        if self._session is None:
            self._session = await connected(self._sessions)
        return self._session

    def commit_later(self, after: Callable[[], None] | None = None) -> None:
        self._committed_pending = True
        if after is not None:
            self._after_commit.append(after)

    async def leave(self, failed: bool) -> None:
        """A unit of work ends: a failure or uncommitted writes are rolled back (with whatever
        this block and no commit covered); a clean read stays open for the log."""
        session = self._session
        if session is None:
            return
        if failed:
            await self.rollback()
        elif not self._committed_pending and await self._wrote(session):
            await session.rollback()

    async def commit(self) -> None:
        if self._session is None:
            return
        await self._session.commit()
        self._committed_pending = False
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            callback()

    async def rollback(self) -> None:
        if self._session is not None:
            await self._session.rollback()
        self._committed_pending = False
        self._after_commit.clear()

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            try:
                await session.rollback()
            finally:
                await session.close()

    @staticmethod
    async def _wrote(session: AsyncSession) -> bool:
        if not session.in_transaction():
            return False
        connection = await session.connection()
        return bool(connection.info.get(_WROTE))
