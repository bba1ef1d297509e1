from __future__ import annotations

import asyncio
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import create_async_engine

from inburgering.routes.adapters.tables import metadata
from inburgering.routes.bootstrap import build_parts
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.persistence.migrations import downgrade, upgrade

pytestmark = pytest.mark.integration

# The last revision with routes' own samenwerkingsverbanden.
VOOR_CONTRACTS = "853cfe3faf7d"


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


async def test_the_migrations_create_exactly_the_declared_tables_on_sqlite(tmp_path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/routes.db"
    migrations_dir = build_parts(RoutesSettings(database_url=url)).migrations_dir
    await asyncio.to_thread(upgrade, migrations_dir, url)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"compare_type": True}), metadata
                )
            )
    finally:
        await engine.dispose()
    assert diff == []


async def test_verbanden_made_in_routes_go_and_advices_keep_their_policy(postgres_url) -> None:
    """Routes' own verbanden have no leerroute, no lead and an id contracts never issued, so no
    event will ever replace them: the reshaping drops them with their policy versions."""
    migrations_dir = build_parts(RoutesSettings(database_url=postgres_url)).migrations_dir
    await asyncio.to_thread(upgrade, migrations_dir, postgres_url, VOOR_CONTRACTS)
    ids = {"verband": uuid.uuid4(), "advies": uuid.uuid4(), "persoon": uuid.uuid4()}
    engine = create_async_engine(postgres_url)
    try:
        async with engine.begin() as conn:
            for statement in (
                "INSERT INTO samenwerkingsverband VALUES (:verband, 'Zuidoost-Brabant', now())",
                "INSERT INTO samenwerkingsverband_lid VALUES ('GM0772', :verband)",
                "INSERT INTO samenwerkingsverbandbeleid VALUES (:verband, '2026-12-01', 32, now())",
                "INSERT INTO leerroute_advies (id, inburgeraar_id, gemeentecode, intake_id, "
                "doelgroep, leerbaarheidstoets, ambitie, opleidingsniveau, leeftijd, regel, "
                "regelset_versie, onderwijsroute_max_leeftijd, beleid_ingangs_date, beleid_bron, "
                "beleid_samenwerkingsverband_id, uitleg, status, geadviseerd_at) VALUES (:advies, "
                ":persoon, 'GM0772', :persoon, 'asielstatushouder', 'b1-haalbaar', 'hbo', 'wo', "
                "30, 'onderwijsroute', '2026.1', 32, '2026-12-01', 'samenwerkingsverband', "
                ":verband, '[]', 'geadviseerd', now())",
            ):
                await conn.execute(text(statement), ids)

        await asyncio.to_thread(upgrade, migrations_dir, postgres_url)

        async with engine.connect() as conn:
            over = {
                table: (await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one()
                for table in (
                    "samenwerkingsverband",
                    "samenwerkingsverband_lid",
                    "samenwerkingsverbandbeleid",
                )
            }
            advies = (
                (
                    await conn.execute(
                        text(
                            "SELECT onderwijsroute_max_leeftijd, beleid_bron, "
                            "beleid_samenwerkingsverband_id FROM leerroute_advies"
                        )
                    )
                )
                .mappings()
                .one()
            )
        await asyncio.to_thread(downgrade, migrations_dir, postgres_url, VOOR_CONTRACTS)
    finally:
        await engine.dispose()

    assert over == dict.fromkeys(over, 0)
    assert dict(advies) == {
        "onderwijsroute_max_leeftijd": 32,
        "beleid_bron": "samenwerkingsverband",
        "beleid_samenwerkingsverband_id": ids["verband"],
    }
