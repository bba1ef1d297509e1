from __future__ import annotations

import asyncio

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from inburgering.contracts.adapters.tables import metadata
from inburgering.shared.persistence.migrations import downgrade, upgrade

pytestmark = pytest.mark.integration


async def test_the_migrations_build_exactly_the_tables_the_code_uses(runtime, postgres_url):
    engine = create_async_engine(postgres_url)
    try:
        async with engine.connect() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), metadata)
            )
    finally:
        await engine.dispose()
    assert differences == []


async def test_the_migrations_downgrade_to_an_empty_database(runtime, postgres_url):
    migrations_dir = runtime.parts.migrations_dir
    await asyncio.to_thread(downgrade, migrations_dir, postgres_url, "base")
    engine = create_async_engine(postgres_url)
    try:
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
    finally:
        await engine.dispose()
    assert set(tables) <= {"alembic_version"}
    await asyncio.to_thread(upgrade, migrations_dir, postgres_url)
