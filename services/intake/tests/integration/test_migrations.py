"""The migrations create exactly the declared tables, on PostgreSQL and on embedded SQLite."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from inburgering.intake.adapters.tables import metadata
from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.persistence.migrations import downgrade
from inburgering.shared.testing.service import migrated_runtime

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("database", ["postgres", "sqlite"])
async def test_migrations_match_the_tables_and_downgrade_to_empty(
    database: str, postgres_url: str, tmp_path: Path
) -> None:
    url = postgres_url if database == "postgres" else f"sqlite+aiosqlite:///{tmp_path / 'i.db'}"
    runtime = await migrated_runtime(
        build_parts(IntakeSettings(database_url=url, kafka_create_topics=False))
    )
    try:
        async with runtime.engine.connect() as conn:
            diff = await conn.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"compare_type": True}), metadata
                )
            )
        assert diff == []
        await asyncio.to_thread(downgrade, runtime.parts.migrations_dir, url, "base")
        async with runtime.engine.connect() as conn:
            tables = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
        assert set(tables) <= {"alembic_version"}
    finally:
        await runtime.engine.dispose()
