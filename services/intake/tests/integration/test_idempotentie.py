"""A backoffice that lost the answer to a registration can recover: the same request with the
same Idempotency-Key returns the original 201 and id; without a key, the 409 names its own
inburgeraar."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select

from inburgering.intake.adapters.tables import idempotentie, inburgeraar, outbox_message
from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime

pytestmark = pytest.mark.integration

EINDHOVEN = bearer(gemeentecodes=["GM0772"], subject="backoffice-eindhoven")
ANDER_SYSTEEM = bearer(gemeentecodes=["GM0772"], subject="ander-systeem")
TILBURG = bearer(gemeentecodes=["GM0855"])
AANMELDING = {
    "bsn": "999990019",
    "gemeentecode": "GM0772",
    "doelgroep": "asielstatushouder",
    "geboortedatum": "2000-05-17",
}


@pytest.fixture
async def runtime(postgres_url: str) -> AsyncIterator[ServiceRuntime]:
    settings = IntakeSettings(database_url=postgres_url, roles="api", kafka_create_topics=False)
    runtime = await migrated_runtime(build_parts(settings))
    yield runtime
    await runtime.engine.dispose()


@pytest.fixture
async def client(runtime: ServiceRuntime) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(runtime) as client:
        yield client


async def aantallen(runtime: ServiceRuntime) -> tuple[int, int]:
    async with runtime.engine.connect() as conn:
        personen = (await conn.execute(select(func.count()).select_from(inburgeraar))).scalar()
        events = (await conn.execute(select(func.count()).select_from(outbox_message))).scalar()
    return personen, events


async def test_a_retry_with_the_same_key_returns_the_original_answer(client, runtime):
    sleutel = {"Idempotency-Key": "aanmelding-2026-000123"}
    eerste = await client.post(
        "/v1/inburgeraars", json=AANMELDING, headers={**EINDHOVEN, **sleutel}
    )
    assert eerste.status_code == 201, eerste.text
    # The answer was lost on the way; the backoffice sends the same request again.
    opnieuw = await client.post(
        "/v1/inburgeraars", json=AANMELDING, headers={**EINDHOVEN, **sleutel}
    )
    assert opnieuw.status_code == 201
    assert opnieuw.json() == eerste.json()
    assert opnieuw.headers["location"] == eerste.headers["location"]
    assert opnieuw.headers["idempotent-replayed"] == "true"
    assert await aantallen(runtime) == (1, 1)

    # The same key for another request is a mistake the client must hear about.
    ander = await client.post(
        "/v1/inburgeraars",
        json={**AANMELDING, "bsn": "999990032"},
        headers={**EINDHOVEN, **sleutel},
    )
    assert (ander.status_code, ander.json()["code"]) == (422, "idempotency-key-hergebruikt")
    # Keys belong to one client: another system's same key is its own request.
    ander_systeem = await client.post(
        "/v1/inburgeraars", json=AANMELDING, headers={**ANDER_SYSTEEM, **sleutel}
    )
    assert ander_systeem.status_code == 409
    assert await aantallen(runtime) == (1, 1)


async def test_without_a_key_the_conflict_names_the_gemeentes_own_inburgeraar(client, runtime):
    eerste = await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)
    conflict = await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "inburgeraar-al-aangemeld"
    assert conflict.json()["inburgeraarId"] == eerste.json()["id"]
    # Another gemeente registering the same person is a registration of its own, not a link.
    elders = await client.post(
        "/v1/inburgeraars", json={**AANMELDING, "gemeentecode": "GM0855"}, headers=TILBURG
    )
    assert elders.status_code == 201
    assert elders.json()["id"] != eerste.json()["id"]


async def test_a_bad_key_or_no_token_is_refused_and_nothing_remembered(client, runtime):
    te_lang = await client.post(
        "/v1/inburgeraars",
        json=AANMELDING,
        headers={**EINDHOVEN, "Idempotency-Key": "x" * 201},
    )
    assert (te_lang.status_code, te_lang.json()["code"]) == (400, "ongeldige-idempotency-key")
    zonder_token = await client.post(
        "/v1/inburgeraars", json=AANMELDING, headers={"Idempotency-Key": "k-1"}
    )
    assert zonder_token.status_code == 401
    assert await aantallen(runtime) == (0, 0)


async def test_a_gemeente_finds_its_own_inburgeraar_by_bsn_in_the_body_and_the_search_is_logged(
    client, runtime
):
    eigen = await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)
    await client.post(
        "/v1/inburgeraars", json={**AANMELDING, "gemeentecode": "GM0855"}, headers=TILBURG
    )
    gevonden = await client.post(
        "/v1/inburgeraars/_zoek", json={"bsn": AANMELDING["bsn"]}, headers=EINDHOVEN
    )
    assert gevonden.status_code == 200, gevonden.text
    assert [p["id"] for p in gevonden.json()] == [eigen.json()["id"]]
    assert AANMELDING["bsn"] not in gevonden.text
    niemand = await client.post(
        "/v1/inburgeraars/_zoek", json={"bsn": "999990032"}, headers=EINDHOVEN
    )
    assert niemand.json() == []
    privacy = bearer(gemeentecodes=["GM0772"], permissions=["privacy"])
    log = await client.get(
        "/v1/dataverwerkingen", params={"inburgeraarId": eigen.json()["id"]}, headers=privacy
    )
    assert "POST /v1/inburgeraars/_zoek" in [r["naam"] for r in log.json()]


async def test_a_remembered_request_cannot_be_traced_back_to_its_bsn(client, runtime):
    """A plain hash of the body could be reversed by trying every nine-digit BSN; the
    fingerprint is an HMAC under the service's own key."""
    body = json.dumps(AANMELDING).encode()
    response = await client.post(
        "/v1/inburgeraars",
        content=body,
        headers={**EINDHOVEN, "Idempotency-Key": "k-bsn", "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text
    async with runtime.engine.connect() as conn:
        [opgeslagen] = (await conn.execute(select(idempotentie.c.verzoek_hash))).scalars().all()
    assert opgeslagen != hashlib.sha256(b"/v1/inburgeraars\n" + body).hexdigest()
    assert opgeslagen == runtime.parts.idempotency_fingerprint(b"/v1/inburgeraars\n" + body)
