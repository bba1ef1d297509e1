from __future__ import annotations

import asyncio

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from inburgering.routes.adapters.tables import metadata
from inburgering.shared.persistence.migrations import downgrade

pytestmark = pytest.mark.integration


async def test_migrations_create_exactly_the_declared_tables(runtime) -> None:
    async with runtime.engine.connect() as conn:
        diff = await conn.run_sync(
            lambda sync: compare_metadata(
                MigrationContext.configure(sync, opts={"compare_type": True}), metadata
            )
        )
    assert diff == []


async def test_migrations_downgrade_to_an_empty_database(runtime, postgres_url) -> None:
    await asyncio.to_thread(downgrade, runtime.parts.migrations_dir, postgres_url, "base")
    async with runtime.engine.connect() as conn:
        tables = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
    assert set(tables) <= {"alembic_version"}
