"""Two fields of the brede intake with a rule of their own: the alfabetisering (DUO's values) and
the statement that the person was told of the right to talk alone ([Wi] 14, [Bi] 5.2), which is
required after a transition period."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from inburgering.intake.adapters.tables import brede_intake, outbox_message
from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime
from services.intake.tests.integration.test_brede_intake import AANMELDING, INTAKE

pytestmark = pytest.mark.integration

EINDHOVEN = bearer(gemeentecodes=["GM0772"])
NOOIT = "2999-01-01"


async def runtime_met(postgres_url: str, verplicht_vanaf: str) -> ServiceRuntime:
    settings = IntakeSettings(
        database_url=postgres_url,
        roles="api",
        kafka_create_topics=False,
        recht_op_alleen_spreken_verplicht_vanaf=verplicht_vanaf,
    )
    return await migrated_runtime(build_parts(settings))


async def rows(runtime: ServiceRuntime, table: Any) -> list[dict[str, Any]]:
    async with runtime.engine.connect() as conn:
        return [dict(r) for r in (await conn.execute(select(table))).mappings()]


async def afronden(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    created = await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)
    assert created.status_code == 201, created.text
    return await client.post(
        f"/v1/inburgeraars/{created.json()['id']}/brede-intake", json=body, headers=EINDHOVEN
    )


@pytest.fixture
async def runtime(postgres_url: str) -> AsyncIterator[ServiceRuntime]:
    runtime = await runtime_met(postgres_url, NOOIT)
    yield runtime
    await runtime.engine.dispose()


async def test_alfabetisering_outside_duos_values_is_a_400_and_nothing_is_stored(
    runtime: ServiceRuntime,
) -> None:
    async with api_client(runtime) as client:
        response = await afronden(client, {**INTAKE, "alfabetisering": "B"})
    assert response.status_code == 400
    assert await rows(runtime, brede_intake) == []


async def test_without_alfabetisering_the_intake_and_its_event_leave_it_empty(
    runtime: ServiceRuntime,
) -> None:
    zonder = {k: v for k, v in INTAKE.items() if k != "alfabetisering"}
    async with api_client(runtime) as client:
        response = await afronden(client, zonder)

    assert response.status_code == 201, response.text
    assert response.json()["alfabetisering"] is None
    [afgerond] = [
        e
        for e in await rows(runtime, outbox_message)
        if e["event_type"] == "nl.inburgering.intake-afgerond"
    ]
    assert afgerond["payload"]["alfabetisering"] is None


@pytest.mark.parametrize(
    ("verplicht_vanaf", "status"),
    [
        # Before the end of the transition period an older client's intake is recorded unknown.
        (NOOIT, 201),
        # After it, [Bi] art. 5.2 makes the statement part of every new brede intake.
        ("2020-01-01", 400),
    ],
)
async def test_an_intake_without_the_right_to_talk_alone_is_refused_after_the_transition(
    postgres_url: str, verplicht_vanaf: str, status: int
) -> None:
    runtime = await runtime_met(postgres_url, verplicht_vanaf)
    zonder = {k: v for k, v in INTAKE.items() if k != "rechtOpAlleenSprekenMeegedeeld"}
    try:
        async with api_client(runtime) as client:
            response = await afronden(client, zonder)
        assert response.status_code == status, response.text
        if status == 201:
            assert response.json()["rechtOpAlleenSprekenMeegedeeld"] is None
        else:
            assert response.json()["code"] == "recht-op-alleen-spreken-onbekend"
            assert await rows(runtime, brede_intake) == []
    finally:
        await runtime.engine.dispose()
