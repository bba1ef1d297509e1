from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import inspect, text
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
        "verwijzing_poging",
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


async def test_a_referral_submitted_before_attempts_existed_becomes_attempt_1(postgres_url):
    migrations_dir = build_parts(ReferralsSettings(database_url=postgres_url)).migrations_dir
    await asyncio.to_thread(upgrade, migrations_dir, postgres_url, "6ff5f80666ea")
    ids = {k: uuid.uuid4() for k in ("instelling", "opleiding", "cohort", "verwijzing")}
    engine = create_async_engine(postgres_url)
    try:
        async with engine.begin() as conn:
            for statement in (
                "INSERT INTO instelling VALUES (:instelling, 'Fontys', 'hbo')",
                "INSERT INTO opleiding (id, instelling_id, naam, soort, niveau) "
                "VALUES (:opleiding, :instelling, 'Pre-bachelor', 'pre-bachelor-hbo', 'hbo')",
                "INSERT INTO cohort (id, opleiding_id, aanmeld_deadline_date, start_date, "
                "eind_date, plaatsen) VALUES (:cohort, :opleiding, '2027-06-15', '2027-09-01', "
                "'2029-02-28', 16)",
                "INSERT INTO verwijzing (id, inburgeraar_id, gemeentecode, niveau, status, "
                "aangemaakt_at, cohort_id, afwijzingsreden) VALUES (:verwijzing, :verwijzing, "
                "'GM0772', 'hbo', 'afgewezen', now(), :cohort, 'overig')",
                "INSERT INTO verwijzing_stap VALUES (:verwijzing, 'ingediend', now())",
            ):
                await conn.execute(text(statement), ids)

        await asyncio.to_thread(upgrade, migrations_dir, postgres_url)

        async with engine.connect() as conn:
            poging = (await conn.execute(text("SELECT * FROM verwijzing_poging"))).mappings().all()
            stap = (await conn.execute(text("SELECT poging FROM verwijzing_stap"))).scalar_one()
            huidig = (await conn.execute(text("SELECT poging FROM verwijzing"))).scalar_one()
    finally:
        await engine.dispose()
    assert [dict(p) for p in poging] == [
        {
            "verwijzing_id": ids["verwijzing"],
            "poging": 1,
            "cohort_id": ids["cohort"],
            "afwijzingsreden": "overig",
        }
    ]
    assert (stap, huidig) == (1, 1)
