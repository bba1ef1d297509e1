"""Telling a database that is away from a fault of the work itself, and waiting the first out.

Background work (consumers, relay, timers) must survive a restarting or failing-over database:
an event is never parked, nor a process stopped, because PostgreSQL was briefly unreachable.
What counts as "away": connection refused or reset, a connection the server ended (admin
shutdown, failover), a connection SQLAlchemy invalidated, and timeouts while connecting."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from tenacity import AsyncRetrying, retry_if_exception, wait_exponential

log = structlog.get_logger(__name__)
T = TypeVar("T")

# asyncpg's errors for a connection that is gone or not there yet, by name: the driver is not
# imported here so that SQLite-only installs need nothing more.
_AWAY = {
    "ConnectionDoesNotExistError",
    "ConnectionFailureError",
    "CannotConnectNowError",
    "AdminShutdownError",
    "CrashShutdownError",
    "InterfaceError",
    "TooManyConnectionsError",
}


def database_unavailable(exc: BaseException) -> bool:
    """Whether `exc` says the database cannot be reached, rather than the work being wrong."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    if isinstance(exc, ConnectionError | TimeoutError | asyncio.TimeoutError):
        return True
    if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError | PermissionError):
        return True
    orig = getattr(exc, "orig", None) or exc.__cause__
    if orig is not None and orig is not exc:
        if type(orig).__name__ in _AWAY:
            return True
        return database_unavailable(orig) if isinstance(orig, BaseException) else False
    return type(exc).__name__ in _AWAY


async def wait_out(
    operation: Callable[[], Awaitable[T]],
    *,
    what: str,
    initial_seconds: float = 0.2,
    max_seconds: float = 5.0,
) -> T:
    """Run `operation`, retrying for as long as the database is away (backing off to
    `max_seconds` between tries); any other error is raised at once."""
    async for attempt in AsyncRetrying(
        retry=retry_if_exception(database_unavailable),
        wait=wait_exponential(multiplier=initial_seconds, max=max_seconds),
        before_sleep=lambda state: log.warning(
            "database.unavailable_waiting",
            what=what,
            tries=state.attempt_number,
            error=type(state.outcome.exception()).__name__ if state.outcome else None,
        ),
        reraise=True,
    ):
        with attempt:
            return await operation()
    raise AssertionError("unreachable")  # pragma: no cover
