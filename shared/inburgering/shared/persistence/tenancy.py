"""Defence in depth for tenant isolation: on PostgreSQL every transaction tells the database which
gemeenten it may see, and row-level security on the case tables enforces it (ADR 0006). The
application's own filters stay the first line; this one holds when a filter is forgotten.

The scope travels in a context variable: an API request sets it from the verified caller, the
background roles (relay, consumer, timers, workers) set it to all gemeenten because they act for
the platform. Unset means nothing: the policies then show no row at all (fail closed)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar, Token
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, event, text

if TYPE_CHECKING:
    from inburgering.shared.auth.principal import Principal

SETTING = "inburgering.gemeentecodes"
ALL = "*"

_scope: ContextVar[str | None] = ContextVar("inburgering_tenant_scope", default=None)


def current() -> str | None:
    return _scope.get()


def set_scope(value: str | None) -> Token[str | None]:
    return _scope.set(value)


def scope_of(principal: Principal) -> str:
    """A gemeente sees its own gemeenten; the other roles are scoped by the application on other
    keys (the provider's kvk, the institution, the region's samenwerkingsverband)."""
    from inburgering.shared.auth.principal import Rol

    if principal.rol is Rol.GEMEENTE:
        return ",".join(sorted(principal.gemeentecodes))
    return ALL


@contextlib.contextmanager
def scoped(value: str | None) -> Iterator[None]:
    token = _scope.set(value)
    try:
        yield
    finally:
        _scope.reset(token)


def as_platform() -> contextlib.AbstractContextManager[None]:
    """For work done for the platform rather than for one caller: relay, consumers, timers."""
    return scoped(ALL)


@event.listens_for(Engine, "begin")
def _tell_the_database(connection: Connection) -> None:
    """Every transaction, through a session or a bare connection (the relay and the workers use
    those), starts by naming its scope."""
    if connection.dialect.name != "postgresql":
        return
    # is_local: the setting ends with the transaction, so a pooled connection keeps nothing.
    connection.execute(
        text("SELECT set_config(:name, :value, true)"),
        {"name": SETTING, "value": _scope.get() or ""},
    )
