from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from inburgering.referrals.adapters.tables import metadata
from inburgering.referrals.bootstrap import build_parts
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.persistence import tenancy
from inburgering.shared.persistence.migrations import downgrade, upgrade
from inburgering.shared.testing.postgres import APP_ROLE, as_role, ensure_app_role

pytestmark = pytest.mark.integration

EINDHOVEN, TILBURG = "GM0772", "GM0855"


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
        "inburgeraar",
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


@pytest.mark.parametrize("database", ["postgres", "sqlite"])
async def test_the_migrations_create_exactly_the_declared_tables(
    database: str, postgres_url: str, tmp_path: Path
):
    url = postgres_url if database == "postgres" else f"sqlite+aiosqlite:///{tmp_path}/r.db"
    migrations_dir = build_parts(ReferralsSettings(database_url=url)).migrations_dir
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


async def _zichtbaar(url: str, scope: str | None) -> list[str]:
    engine = create_async_engine(url)
    try:
        with tenancy.scoped(scope):
            async with engine.connect() as conn:
                rows = await conn.execute(text("SELECT gemeentecode FROM inburgeraar ORDER BY 1"))
                return [row[0] for row in rows]
    finally:
        await engine.dispose()


async def test_the_known_inburgeraars_are_case_data_under_row_level_security(postgres_url):
    migrations_dir = build_parts(ReferralsSettings(database_url=postgres_url)).migrations_dir
    await ensure_app_role()
    await asyncio.to_thread(upgrade, migrations_dir, postgres_url, grant_to=APP_ROLE)
    owner = create_async_engine(postgres_url)
    try:
        async with owner.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO inburgeraar VALUES (:a, :eindhoven, 'b1-route', NULL, now(), "
                    "now()), (:b, :tilburg, 'onderwijsroute', 'wo', now(), now())"
                ),
                {"a": uuid.uuid4(), "b": uuid.uuid4(), "eindhoven": EINDHOVEN, "tilburg": TILBURG},
            )
            policies = await conn.execute(
                text(
                    "SELECT c.relname, c.relrowsecurity, p.polname FROM pg_class c "
                    "LEFT JOIN pg_policy p ON p.polrelid = c.oid "
                    "WHERE c.relname IN ('verwijzing', 'inburgeraar') ORDER BY 1"
                )
            )
            rls = [tuple(row) for row in policies]
    finally:
        await owner.dispose()
    # The same policy as the referrals themselves.
    assert rls == [("inburgeraar", True, "gemeente_scope"), ("verwijzing", True, "gemeente_scope")]

    service = as_role(postgres_url)
    assert await _zichtbaar(service, None) == []
    assert await _zichtbaar(service, EINDHOVEN) == [EINDHOVEN]
    assert await _zichtbaar(service, tenancy.ALL) == [EINDHOVEN, TILBURG]
    engine = create_async_engine(service)
    try:
        with tenancy.scoped(EINDHOVEN), pytest.raises(DBAPIError, match="row-level security"):
            async with engine.begin() as conn:
                await conn.execute(
                    text(
                        "INSERT INTO inburgeraar VALUES (:id, :tilburg, 'z-route', NULL, now(), "
                        "now())"
                    ),
                    {"id": uuid.uuid4(), "tilburg": TILBURG},
                )
    finally:
        await engine.dispose()


async def test_a_referral_proposed_on_a_decision_makes_its_person_known(postgres_url):
    """Only a proposal proves the person's gemeente; a referral made by hand before the check
    existed may name anyone, so it makes no one known."""
    migrations_dir = build_parts(ReferralsSettings(database_url=postgres_url)).migrations_dir
    await asyncio.to_thread(upgrade, migrations_dir, postgres_url, "7f23059e4e8b")
    voorgesteld, met_de_hand = uuid.uuid4(), uuid.uuid4()
    insert = text(
        "INSERT INTO verwijzing (id, inburgeraar_id, advies_id, gemeentecode, niveau, leerroute, "
        "opleidingsniveau, status, aangemaakt_at) VALUES (:id, :persoon, :advies, :gemeente, "
        "'hbo', :leerroute, :niveau, 'aangemaakt', :op)"
    )
    referrals = [
        (voorgesteld, uuid.uuid4(), "onderwijsroute", "mbo", datetime(2026, 10, 1, tzinfo=UTC)),
        (voorgesteld, uuid.uuid4(), "onderwijsroute", "hbo", datetime(2026, 11, 1, tzinfo=UTC)),
        (met_de_hand, None, "b1-route", None, datetime(2026, 11, 2, tzinfo=UTC)),
    ]
    engine = create_async_engine(postgres_url)
    try:
        async with engine.begin() as conn:
            for persoon, advies, leerroute, niveau, op in referrals:
                await conn.execute(
                    insert,
                    {
                        "id": uuid.uuid4(),
                        "persoon": persoon,
                        "advies": advies,
                        "gemeente": EINDHOVEN,
                        "leerroute": leerroute,
                        "niveau": niveau,
                        "op": op,
                    },
                )

        await asyncio.to_thread(upgrade, migrations_dir, postgres_url)

        async with engine.connect() as conn:
            bekend = (
                await conn.execute(
                    text(
                        "SELECT id, gemeentecode, leerroute, opleidingsniveau, "
                        "leerroute_sinds_at FROM inburgeraar"
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    assert [tuple(row) for row in bekend] == [
        (voorgesteld, EINDHOVEN, "onderwijsroute", "hbo", datetime(2026, 11, 1, tzinfo=UTC))
    ]
