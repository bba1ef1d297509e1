"""The services' own case tables under row-level security, on the platform the e2e suite runs: the
services connect as a role that owns nothing, so every flow in this suite already runs under the
policies; here the policies themselves are checked on the tables a flow filled."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from inburgering.shared.persistence import tenancy
from inburgering.shared.persistence.database import create_engine, session_factory
from inburgering.shared.testing.postgres import as_role
from tests.e2e.flow import random_bsn, run_skeleton_flow
from tests.e2e.platform import RunningPlatform

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

EINDHOVEN = "GM0772"
CASE_TABLES = {
    "intake": ["inburgeraar", "brede_intake", "contactgegevens"],
    "routes": ["leerroute_advies"],
    "contracts": ["plaatsing", "leerroutebesluit"],
    "referrals": ["verwijzing", "inburgeraar"],
    "subscriptions": ["gebeurtenis"],
}


async def _count(url: str, table: str, scope: str | None, inburgeraar_id: str) -> int:
    engine = create_engine(url)
    key = {"inburgeraar": "id", "gebeurtenis": "sleutel"}.get(table, "inburgeraar_id")
    query = f"SELECT count(*) FROM {table} WHERE CAST({key} AS text) = :id"
    try:
        with tenancy.scoped(scope):
            async with session_factory(engine)() as session:
                return int(await session.scalar(text(query), {"id": inburgeraar_id}) or 0)
    finally:
        await engine.dispose()


async def test_the_service_role_sees_a_case_only_in_its_gemeentes_scope(
    postgres_platform: RunningPlatform,
) -> None:
    flow = await run_skeleton_flow(postgres_platform, bsn=random_bsn(), ambitie="hbo")
    seen: dict[str, dict[str, int]] = {}
    for service, tables in CASE_TABLES.items():
        owner = postgres_platform.owner_urls[service]
        for table in tables:
            seen[f"{service}.{table}"] = {
                "owner": await _count(owner, table, None, flow.inburgeraar_id),
                "unscoped": await _count(as_role(owner), table, None, flow.inburgeraar_id),
                "Tilburg": await _count(as_role(owner), table, "GM0855", flow.inburgeraar_id),
                "Eindhoven": await _count(as_role(owner), table, EINDHOVEN, flow.inburgeraar_id),
                "platform": await _count(as_role(owner), table, tenancy.ALL, flow.inburgeraar_id),
            }
    for name, counts in seen.items():
        assert counts["owner"] > 0, (name, counts)
        assert counts["unscoped"] == 0, (name, counts)
        assert counts["Tilburg"] == 0, (name, counts)
        assert counts["Eindhoven"] == counts["owner"], (name, counts)
        assert counts["platform"] == counts["owner"], (name, counts)
