"""The skeleton flow across the four services as separate processes, on the real broker."""

from __future__ import annotations

import pytest

from tests.e2e.flow import run_skeleton_flow
from tests.e2e.platform import RunningPlatform

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]


async def test_hbo_ambition_ends_in_a_placement_and_a_referral_on_postgres(
    postgres_platform: RunningPlatform,
) -> None:
    result = await run_skeleton_flow(postgres_platform, bsn="999990019", ambitie="hbo")

    assert result.advies["vastgesteldeLeerroute"] == "onderwijsroute"
    assert result.plaatsing["status"] == "aangevraagd"
    assert result.plaatsing["leerroute"] == "onderwijsroute"
    assert result.verwijzing is not None
    assert result.verwijzing["niveau"] == "hbo"
    assert result.verwijzing["inburgeraarId"] == result.inburgeraar_id


async def test_work_ambition_ends_in_a_b1_placement(postgres_platform: RunningPlatform) -> None:
    result = await run_skeleton_flow(
        postgres_platform, bsn="999990032", gemeentecode="GM0753", ambitie="werk"
    )

    assert result.advies["vastgesteldeLeerroute"] == "b1-route"
    assert result.plaatsing["leerroute"] == "b1-route"
    assert result.plaatsing["gemeentecode"] == "GM0753"
    assert result.verwijzing is None


async def test_the_same_flow_runs_on_embedded_sqlite(sqlite_platform: RunningPlatform) -> None:
    result = await run_skeleton_flow(sqlite_platform, bsn="999990044", ambitie="wo")

    assert result.advies["vastgesteldeLeerroute"] == "onderwijsroute"
    assert result.plaatsing["status"] == "aangevraagd"
    assert result.verwijzing is not None
    assert result.verwijzing["niveau"] == "wo"
