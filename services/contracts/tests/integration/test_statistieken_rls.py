"""Under row-level security, as the service runs in production: the lead's view across its
members reads their rows (the platform scope), and a gemeente's own view only its own."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from inburgering.contracts.bootstrap import build_parts
from inburgering.contracts.settings import ContractsSettings
from inburgering.shared.auth import Rol
from inburgering.shared.events.intake import InburgeraarAangemeld
from inburgering.shared.events.vocabulary import Doelgroep
from inburgering.shared.persistence import tenancy
from inburgering.shared.persistence.migrations import upgrade
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.testing.postgres import APP_ROLE, as_role, ensure_app_role

pytestmark = pytest.mark.integration


@pytest.fixture
async def als_dienst(
    postgres_url: str, runtime: ServiceRuntime
) -> AsyncIterator[httpx.AsyncClient]:
    """The API on a connection that owns no table, bound by the policies."""
    settings = ContractsSettings(
        database_url=as_role(postgres_url),
        roles="api",
        kafka_create_topics=False,
        seed_demo_data=False,
    )
    parts = build_parts(settings)
    await ensure_app_role()
    # Already at head: this only grants the service's role its DML.
    await asyncio.to_thread(upgrade, parts.migrations_dir, postgres_url, grant_to=APP_ROLE)
    dienst = ServiceRuntime(parts)
    transport = httpx.ASGITransport(app=dienst.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test/v1") as client:
        yield client
    await dienst.engine.dispose()


async def test_the_lead_counts_its_members_rows_and_a_gemeente_only_its_own(
    postgres_url, als_dienst, auth, regio, bezorg
):
    for code, aantal in ((regio.lid, 6), (regio.lead, 5), (regio.buitenstaander, 7)):
        for _ in range(aantal):
            await bezorg(
                InburgeraarAangemeld(
                    inburgeraar_id=uuid.uuid4(),
                    gemeentecode=code,
                    doelgroep=Doelgroep.GEZINSMIGRANT,
                )
            )
    # The policies are on for this connection: without a scope it sees no row at all.
    engine = create_async_engine(as_role(postgres_url))
    try:
        with tenancy.scoped(None):
            async with engine.connect() as conn:
                assert (await conn.execute(text("SELECT count(*) FROM pijplijn"))).scalar() == 0
    finally:
        await engine.dispose()

    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    params = {"samenwerkingsverbandId": str(regio.verband_id)}
    verband = (
        await als_dienst.get("/statistieken/inburgeraars", params=params, headers=lead)
    ).json()
    assert verband["totaal"] == {"aantal": 11, "onderdrukt": False}
    assert {r["gemeentecode"]: r["aantal"] for r in verband["perGemeente"]} == {
        regio.lead: 5,
        regio.lid: 6,
    }
    beheer = (await als_dienst.get("/statistieken/inburgeraars", headers=auth(Rol.BEHEER))).json()
    assert beheer["totaal"]["aantal"] == 18
    eigen = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    assert (await als_dienst.get("/statistieken/inburgeraars", headers=eigen)).json()["totaal"] == {
        "aantal": 6,
        "onderdrukt": False,
    }
