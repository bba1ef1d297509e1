"""Row-level security as the services use it: the service's role owns nothing, each transaction
carries its tenant scope, and an unset scope shows nothing (fail closed)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from inburgering.shared.persistence import migrations, tenancy
from inburgering.shared.persistence.database import create_engine, session_factory
from inburgering.shared.testing.postgres import (
    APP_ROLE,
    as_role,
    create_database,
    drop_database,
    ensure_app_role,
)

pytestmark = pytest.mark.integration

MIGRATIONS = Path(__file__).parent / "rls_migrations"


@pytest.fixture
async def app_sessions() -> AsyncIterator:
    owner_url = await create_database("rls")
    await ensure_app_role()
    await asyncio.to_thread(migrations.upgrade, MIGRATIONS, owner_url, grant_to=APP_ROLE)
    owner = create_engine(owner_url)
    async with owner.begin() as conn:
        await conn.execute(
            text("INSERT INTO dossier (gemeentecode) VALUES ('GM0772'), ('GM0772'), ('GM0855')")
        )
    await owner.dispose()
    engine = create_engine(as_role(owner_url))
    try:
        yield session_factory(engine)
    finally:
        await engine.dispose()
        await drop_database(owner_url)


async def _codes(sessions) -> list[str]:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        rows = await session.execute(text("SELECT gemeentecode FROM dossier ORDER BY 1"))
        return [row[0] for row in rows]


async def test_without_a_scope_the_service_role_sees_no_row(app_sessions) -> None:  # type: ignore[no-untyped-def]
    with tenancy.scoped(None):
        assert await _codes(app_sessions) == []


async def test_a_gemeente_scope_sees_only_its_own_rows(app_sessions) -> None:  # type: ignore[no-untyped-def]
    with tenancy.scoped("GM0772"):
        assert await _codes(app_sessions) == ["GM0772", "GM0772"]
    with tenancy.scoped("GM0855,GM0772"):
        assert await _codes(app_sessions) == ["GM0772", "GM0772", "GM0855"]
    with tenancy.scoped("GM0363"):
        assert await _codes(app_sessions) == []


async def test_the_platform_scope_sees_every_row(app_sessions) -> None:  # type: ignore[no-untyped-def]
    with tenancy.as_platform():
        assert await _codes(app_sessions) == ["GM0772", "GM0772", "GM0855"]


async def test_a_scoped_transaction_cannot_write_or_change_another_gemeentes_rows(
    app_sessions,  # type: ignore[no-untyped-def]
) -> None:
    with tenancy.scoped("GM0772"):
        async with app_sessions() as session:
            with pytest.raises(DBAPIError, match="row-level security"):
                await session.execute(text("INSERT INTO dossier (gemeentecode) VALUES ('GM0855')"))
        async with app_sessions() as session:
            moved = await session.execute(
                text("UPDATE dossier SET gemeentecode = 'GM0772' WHERE gemeentecode = 'GM0855'")
            )
            deleted = await session.execute(
                text("DELETE FROM dossier WHERE gemeentecode = 'GM0855'")
            )
            await session.commit()
        assert (moved.rowcount, deleted.rowcount) == (0, 0)
    with tenancy.as_platform():
        assert await _codes(app_sessions) == ["GM0772", "GM0772", "GM0855"]


async def test_the_scope_ends_with_the_transaction(app_sessions) -> None:  # type: ignore[no-untyped-def]
    """A pooled connection must not carry one request's scope into the next."""
    with tenancy.as_platform():
        assert len(await _codes(app_sessions)) == 3
    async with app_sessions() as session:
        setting = await session.scalar(
            text("SELECT current_setting('inburgering.gemeentecodes', true)")
        )
    assert setting in ("", None)


async def test_the_service_role_does_not_own_the_table_and_cannot_lift_the_policy(
    app_sessions,  # type: ignore[no-untyped-def]
) -> None:
    async with app_sessions() as session:
        with pytest.raises(DBAPIError, match="owner"):
            await session.execute(text("ALTER TABLE dossier DISABLE ROW LEVEL SECURITY"))


async def test_a_bare_connection_is_scoped_like_a_session(app_sessions) -> None:  # type: ignore[no-untyped-def]
    """The relay and the workers use connections without a session: same scope, same policy."""
    engine = app_sessions.kw["bind"]
    for scope, expected in ((None, 0), ("GM0855", 1), (tenancy.ALL, 3)):
        with tenancy.scoped(scope):
            async with engine.connect() as conn:
                assert await conn.scalar(text("SELECT count(*) FROM dossier")) == expected
