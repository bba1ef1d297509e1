from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from inburgering.referrals.bootstrap import build_parts
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.persistence.migrations import downgrade, upgrade

pytestmark = pytest.mark.integration


async def tables_in(url: str) -> set[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def test_schema_upgrades_downgrades_and_upgrades_again(postgres_url):
    migrations_dir = build_parts(ReferralsSettings(database_url=postgres_url)).migrations_dir
    service_tables = {
        "instelling",
        "opleiding",
        "netwerk_gemeente",
        "verwijzing",
        "verwijzing_stap",
        "cohort",
        "outbox_message",
        "processed_message",
    }

    await asyncio.to_thread(upgrade, migrations_dir, postgres_url)
    assert service_tables <= await tables_in(postgres_url)

    await asyncio.to_thread(downgrade, migrations_dir, postgres_url, "base")
    assert await tables_in(postgres_url) == {"alembic_version"}

    await asyncio.to_thread(upgrade, migrations_dir, postgres_url)
    assert service_tables <= await tables_in(postgres_url)
