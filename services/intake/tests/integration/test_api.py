"""The intake API on real PostgreSQL: what it stores, what it publishes, and what it refuses."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import select

from inburgering.intake.adapters.tables import inburgeraar, outbox_message
from inburgering.intake.bootstrap import VERSION, build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.auth import Rol
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime

pytestmark = pytest.mark.integration

EINDHOVEN = bearer(gemeentecodes=["GM0772"])
TILBURG = bearer(gemeentecodes=["GM0855"])
AANMELDING = {
    "bsn": "999990019",
    "gemeentecode": "GM0772",
    "doelgroep": "asielstatushouder",
    "geboortedatum": "2000-05-17",
}
INTAKE = {
    "leerbaarheidstoets": "b1-haalbaar",
    "opleidingsniveau": "mbo",
    "ambitie": "werk",
    "afgerondDatum": "2026-11-02",
    "rechtOpAlleenSprekenMeegedeeld": True,
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


async def _outbox(runtime: ServiceRuntime) -> list[dict]:
    async with runtime.engine.connect() as conn:
        rows = await conn.execute(select(outbox_message).order_by(outbox_message.c.position))
        return [dict(row) for row in rows.mappings()]


async def test_registering_stores_the_bsn_protected_and_publishes_without_it(
    client: httpx.AsyncClient, runtime: ServiceRuntime
) -> None:
    response = await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)

    assert response.status_code == 201
    body = response.json()
    assert "bsn" not in body
    assert response.headers["location"] == f"/v1/inburgeraars/{body['id']}"
    assert response.headers["api-version"] == VERSION
    async with runtime.engine.connect() as conn:
        stored = (await conn.execute(select(inburgeraar))).mappings().one()
    assert AANMELDING["bsn"] not in stored["bsn_hash"]
    assert AANMELDING["bsn"].encode() not in stored["bsn_encrypted"]
    vault = runtime.parts.state["bsn_vault"]
    assert vault.decrypt(stored["bsn_encrypted"], context=stored["id"].bytes) == AANMELDING["bsn"]
    [event] = await _outbox(runtime)
    assert event["event_type"] == "nl.inburgering.inburgeraar-aangemeld"
    assert event["aggregate_id"] == body["id"]
    assert AANMELDING["bsn"] not in str(event)


async def test_completing_the_intake_publishes_intake_afgerond_with_the_age(
    client: httpx.AsyncClient, runtime: ServiceRuntime
) -> None:
    created = (await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)).json()

    response = await client.post(
        f"/v1/inburgeraars/{created['id']}/brede-intake", json=INTAKE, headers=EINDHOVEN
    )

    assert response.status_code == 201
    afgerond = (await _outbox(runtime))[-1]
    assert afgerond["event_type"] == "nl.inburgering.intake-afgerond"
    assert afgerond["payload"] == {
        "inburgeraarId": created["id"],
        "intakeId": response.json()["id"],
        "gemeentecode": "GM0772",
        "doelgroep": "asielstatushouder",
        "leerbaarheidstoets": "b1-haalbaar",
        "opleidingsniveau": "mbo",
        "ambitie": "werk",
        "leeftijd": 26,
        "alfabetisering": None,  # this intake did not record it
    }
    again = await client.post(
        f"/v1/inburgeraars/{created['id']}/brede-intake", json=INTAKE, headers=EINDHOVEN
    )
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


async def test_invalid_registration_names_every_invalid_field_and_writes_nothing(
    client: httpx.AsyncClient, runtime: ServiceRuntime
) -> None:
    response = await client.post(
        "/v1/inburgeraars",
        json={"bsn": "12", "gemeentecode": "Eindhoven", "doelgroep": "toerist"},
        headers=EINDHOVEN,
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["api-version"] == VERSION
    named = {p["name"] for p in response.json()["invalidParams"]}
    assert named == {"body.bsn", "body.gemeentecode", "body.doelgroep", "body.geboortedatum"}
    assert await _outbox(runtime) == []


async def test_invalid_intake_names_every_invalid_field(client: httpx.AsyncClient) -> None:
    created = (await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)).json()

    response = await client.post(
        f"/v1/inburgeraars/{created['id']}/brede-intake",
        json={
            "leerbaarheidstoets": "misschien",
            "ambitie": "astronaut",
            "afgerondDatum": "gisteren",
        },
        headers=EINDHOVEN,
    )

    assert response.status_code == 400
    named = {p["name"] for p in response.json()["invalidParams"]}
    assert named == {
        "body.leerbaarheidstoets",
        "body.opleidingsniveau",
        "body.ambitie",
        "body.afgerondDatum",
    }


async def test_a_bsn_failing_the_elfproef_is_a_400(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/inburgeraars", json={**AANMELDING, "bsn": "999990018"}, headers=EINDHOVEN
    )
    assert response.status_code == 400
    [param] = response.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("body.bsn", "ongeldig-bsn")
    assert "999990018" not in response.text


async def test_the_same_bsn_twice_in_one_gemeente_is_a_conflict(client: httpx.AsyncClient) -> None:
    assert (
        await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)
    ).status_code == 201
    again = await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)
    assert again.status_code == 409


async def test_another_gemeente_cannot_see_or_change_an_inburgeraar(
    client: httpx.AsyncClient,
) -> None:
    created = (await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)).json()

    assert (
        await client.get(f"/v1/inburgeraars/{created['id']}", headers=TILBURG)
    ).status_code == 404
    assert (await client.get("/v1/inburgeraars", headers=TILBURG)).json() == []
    intake = await client.post(
        f"/v1/inburgeraars/{created['id']}/brede-intake", json=INTAKE, headers=TILBURG
    )
    assert intake.status_code == 404
    own = await client.get("/v1/inburgeraars", headers=EINDHOVEN)
    assert [i["id"] for i in own.json()] == [created["id"]]


async def test_a_gemeente_cannot_register_for_another_gemeente(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/inburgeraars", json={**AANMELDING, "gemeentecode": "GM0855"}, headers=EINDHOVEN
    )
    assert response.status_code == 403


@pytest.mark.parametrize("rol", [Rol.AANBIEDER, Rol.INSTELLING, Rol.BEHEER])
async def test_other_roles_get_no_case_files(client: httpx.AsyncClient, rol: Rol) -> None:
    response = await client.get("/v1/inburgeraars", headers=bearer(rol, gemeentecodes=["GM0772"]))
    assert response.status_code == 403


async def test_without_a_token_only_health_and_the_openapi_document_answer(
    client: httpx.AsyncClient,
) -> None:
    assert (await client.get("/v1/inburgeraars")).status_code == 401
    assert (await client.get("/health")).status_code == 200
    document = await client.get("/v1/openapi.json")
    assert document.status_code == 200
    assert document.json()["servers"] == [{"url": "/v1"}]
