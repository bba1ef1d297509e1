"""The brede intake's content on PostgreSQL: LBT by pass mark, and health data kept apart."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import jwt
import pytest
from sqlalchemy import select

from inburgering.intake.adapters.tables import (
    brede_intake,
    gezondheid,
    outbox_message,
    verwerkingslog,
)
from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.settings import DEV_JWT_SECRET
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime

pytestmark = pytest.mark.integration

PSYCHISCH = "Slaapt slecht sinds de vlucht; traumabehandeling loopt"
LICHAMELIJK = "Chronische rugklachten"
GEZONDHEID = {"lichamelijk": LICHAMELIJK, "psychisch": PSYCHISCH}


def token(gemeentecodes: list[str], *, subject: str = "klantmanager-1", **extra: Any) -> dict:
    """A gemeente token with extra claims (the shared dev minter knows only the standard ones)."""
    minted = mint_dev_token(
        DEV_JWT_SECRET, rol=Rol.GEMEENTE, subject=subject, gemeentecodes=gemeentecodes
    )
    claims = jwt.decode(minted, options={"verify_signature": False})
    return {"Authorization": f"Bearer {jwt.encode({**claims, **extra}, DEV_JWT_SECRET)}"}


EINDHOVEN = bearer(gemeentecodes=["GM0772"])
EINDHOVEN_ZORG = token(["GM0772"], gezondheid=True)
TILBURG_ZORG = token(["GM0855"], gezondheid=True)
AANMELDING = {
    "bsn": "999990019",
    "gemeentecode": "GM0772",
    "doelgroep": "asielstatushouder",
    "geboortedatum": "2000-05-17",
}
INTAKE = {
    "leerbaarheidstoetsScore": 29,
    "leerbaarheidstoetsDatum": "2023-04-12",
    "opleidingsniveau": "mbo",
    "ambitie": "werk",
    "afgerondDatum": "2026-11-02",
    "opleiding": "Middelbare school in Aleppo, 10 jaar",
    "werkervaringJaren": 6,
    "werkervaring": "Elektricien",
    "taalniveau": "a1",
    "zelfredzaamheid": "beperkt-zelfredzaam",
    "vveAantalKinderen": 2,
    "vveMogelijkheden": "Peuterspeelzaal in de wijk",
    "mogelijkhedenWerkEnParticipatie": "Leerwerkplek installatietechniek",
    "rechtOpAlleenSprekenMeegedeeld": True,
    "alfabetisering": "AA",
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


@pytest.fixture
async def inburgeraar_id(client: httpx.AsyncClient) -> str:
    response = await client.post("/v1/inburgeraars", json=AANMELDING, headers=EINDHOVEN)
    assert response.status_code == 201
    return response.json()["id"]


async def _rows(runtime: ServiceRuntime, table: Any) -> list[dict]:
    async with runtime.engine.connect() as conn:
        return [dict(r) for r in (await conn.execute(select(table))).mappings()]


async def _afronden(
    client: httpx.AsyncClient,
    inburgeraar_id: str,
    headers: dict[str, str] = EINDHOVEN_ZORG,
    **body: Any,
) -> httpx.Response:
    return await client.post(
        f"/v1/inburgeraars/{inburgeraar_id}/brede-intake", json={**INTAKE, **body}, headers=headers
    )


async def test_the_outcome_follows_from_score_and_the_pass_mark_on_the_test_date(
    client: httpx.AsyncClient, runtime: ServiceRuntime, inburgeraar_id: str
) -> None:
    response = await _afronden(client, inburgeraar_id)

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["leerbaarheidstoets"] == "b1-haalbaar"  # 29 >= 28 on 2023-04-12
    assert body["leerbaarheidstoetsCesuur"] == 28
    read = await client.get(f"/v1/inburgeraars/{inburgeraar_id}/brede-intake", headers=EINDHOVEN)
    assert read.status_code == 200
    assert read.json() == body
    for field in (
        "werkervaring",
        "zelfredzaamheid",
        "vveAantalKinderen",
        "taalniveau",
        "alfabetisering",
    ):
        assert read.json()[field] == INTAKE[field]
    [afgerond] = [
        e
        for e in await _rows(runtime, outbox_message)
        if e["event_type"] == "nl.inburgering.intake-afgerond"
    ]
    assert afgerond["payload"]["leerbaarheidstoets"] == "b1-haalbaar"
    assert afgerond["payload"]["alfabetisering"] == "AA"


async def test_an_outcome_the_pass_mark_contradicts_is_a_400_and_nothing_is_stored(
    client: httpx.AsyncClient, runtime: ServiceRuntime, inburgeraar_id: str
) -> None:
    response = await _afronden(
        client,
        inburgeraar_id,
        leerbaarheidstoets="b1-haalbaar",
        leerbaarheidstoetsDatum="2023-04-11",  # cesuur 31: 29 is not enough
        gezondheid=GEZONDHEID,
    )

    assert response.status_code == 400
    assert response.json()["code"] == "leerbaarheidstoets-uitslag-wijkt-af"
    assert await _rows(runtime, brede_intake) == []
    assert await _rows(runtime, gezondheid) == []
    assert [e["event_type"] for e in await _rows(runtime, outbox_message)] == [
        "nl.inburgering.inburgeraar-aangemeld"
    ]


async def test_not_taken_because_of_an_impairment_keeps_working(
    client: httpx.AsyncClient, inburgeraar_id: str
) -> None:
    response = await client.post(
        f"/v1/inburgeraars/{inburgeraar_id}/brede-intake",
        json={
            "leerbaarheidstoets": "niet-afgenomen-beperking",
            "leerbaarheidstoetsBeperking": "visueel",
            "opleidingsniveau": "geen",
            "ambitie": "participatie",
            "afgerondDatum": "2026-11-02",
            "rechtOpAlleenSprekenMeegedeeld": True,
        },
        headers=EINDHOVEN,
    )
    assert response.status_code == 201, response.text
    assert response.json()["leerbaarheidstoetsBeperking"] == "visueel"
    assert response.json()["leerbaarheidstoetsScore"] is None


async def test_the_intake_is_refused_when_the_right_to_talk_alone_was_not_told(
    client: httpx.AsyncClient, runtime: ServiceRuntime, inburgeraar_id: str
) -> None:
    response = await _afronden(client, inburgeraar_id, rechtOpAlleenSprekenMeegedeeld=False)
    assert response.status_code == 400
    assert response.json()["code"] == "recht-op-alleen-spreken-niet-meegedeeld"
    assert await _rows(runtime, brede_intake) == []


async def test_health_is_stored_encrypted_apart_and_never_in_the_intake_or_the_outbox(
    client: httpx.AsyncClient, runtime: ServiceRuntime, inburgeraar_id: str
) -> None:
    response = await _afronden(client, inburgeraar_id, gezondheid=GEZONDHEID)

    assert response.status_code == 201, response.text
    assert "gezondheid" not in response.json()
    assert PSYCHISCH not in response.text
    read = await client.get(
        f"/v1/inburgeraars/{inburgeraar_id}/brede-intake", headers=EINDHOVEN_ZORG
    )
    assert read.status_code == 200
    assert PSYCHISCH not in read.text and LICHAMELIJK not in read.text
    [stored] = await _rows(runtime, gezondheid)
    assert str(stored["inburgeraar_id"]) == inburgeraar_id
    assert PSYCHISCH.encode() not in stored["versleuteld"]
    assert b"rugklachten" not in stored["versleuteld"]
    vault = runtime.parts.state["gezondheid_vault"]
    assert (
        vault.decrypt(
            stored["versleuteld"], inburgeraar_id=stored["inburgeraar_id"].bytes
        ).psychisch
        == PSYCHISCH
    )
    [intake_row] = await _rows(runtime, brede_intake)
    assert PSYCHISCH not in str(intake_row) and "rugklachten" not in str(intake_row)
    outbox = await _rows(runtime, outbox_message)
    assert "nl.inburgering.intake-afgerond" in [e["event_type"] for e in outbox]
    for event in outbox:
        assert "rugklachten" not in str(event) and "traumabehandeling" not in str(event)
        assert "gezondheid" not in str(event["payload"])


async def test_health_can_be_read_only_with_the_claim_and_every_read_is_recorded(
    client: httpx.AsyncClient, runtime: ServiceRuntime, inburgeraar_id: str
) -> None:
    assert (await _afronden(client, inburgeraar_id, gezondheid=GEZONDHEID)).status_code == 201
    url = f"/v1/inburgeraars/{inburgeraar_id}/brede-intake/gezondheid"
    schrijven = await _rows(runtime, verwerkingslog)
    assert [(r["handeling"], r["doel"]) for r in schrijven] == [("vastleggen", "brede-intake")]

    zonder_claim = await client.get(url, params={"doel": "pip"}, headers=EINDHOVEN)
    claim_niet_waar = await client.get(
        url, params={"doel": "pip"}, headers=token(["GM0772"], gezondheid="true")
    )
    for refused in (zonder_claim, claim_niet_waar):
        assert refused.status_code == 403
        assert refused.json()["code"] == "gezondheid-niet-bevoegd"
        assert PSYCHISCH not in refused.text
    elders = await client.get(url, params={"doel": "pip"}, headers=TILBURG_ZORG)
    assert elders.status_code == 404
    assert elders.json()["code"] == "inburgeraar-niet-gevonden"
    assert len(await _rows(runtime, verwerkingslog)) == 1  # refusals processed nothing

    eerste = await client.get(url, params={"doel": "pip"}, headers=EINDHOVEN_ZORG)
    tweede = await client.get(
        url,
        params={"doel": "ondersteuning-en-begeleiding"},
        headers=token(["GM0772"], subject="begeleider-7", gezondheid=True),
    )

    assert eerste.status_code == tweede.status_code == 200
    assert eerste.json() == {
        "inburgeraarId": inburgeraar_id,
        "lichamelijk": LICHAMELIJK,
        "psychisch": PSYCHISCH,
        "gevolgenVoorInburgering": None,
    }
    reads = sorted(
        (r for r in await _rows(runtime, verwerkingslog) if r["handeling"] == "lezen"),
        key=lambda r: r["verwerkt_at"],
    )
    assert [(r["actor"], r["doel"], str(r["inburgeraar_id"])) for r in reads] == [
        ("klantmanager-1", "pip", inburgeraar_id),
        ("begeleider-7", "ondersteuning-en-begeleiding", inburgeraar_id),
    ]
    assert all(r["gemeentecode"] == "GM0772" and r["gegevens"] == "gezondheid" for r in reads)
    assert all(PSYCHISCH not in str(r) for r in reads)


async def test_health_cannot_be_recorded_without_the_claim(
    client: httpx.AsyncClient, runtime: ServiceRuntime, inburgeraar_id: str
) -> None:
    response = await _afronden(client, inburgeraar_id, gezondheid=GEZONDHEID, headers=EINDHOVEN)
    assert response.status_code == 403
    assert await _rows(runtime, brede_intake) == []
    assert await _rows(runtime, gezondheid) == []


async def test_reading_health_needs_a_purpose_and_an_existing_record(
    client: httpx.AsyncClient, runtime: ServiceRuntime, inburgeraar_id: str
) -> None:
    url = f"/v1/inburgeraars/{inburgeraar_id}/brede-intake/gezondheid"
    assert (await client.get(url, headers=EINDHOVEN_ZORG)).status_code == 400
    assert (
        await client.get(url, params={"doel": "nieuwsgierigheid"}, headers=EINDHOVEN_ZORG)
    ).status_code == 400
    geen = await client.get(url, params={"doel": "pip"}, headers=EINDHOVEN_ZORG)
    assert geen.status_code == 404
    assert geen.json()["code"] == "gezondheid-niet-gevonden"
    onbekend = await client.get(
        f"/v1/inburgeraars/{uuid.uuid4()}/brede-intake/gezondheid",
        params={"doel": "pip"},
        headers=EINDHOVEN_ZORG,
    )
    assert onbekend.json()["code"] == "inburgeraar-niet-gevonden"
    assert await _rows(runtime, verwerkingslog) == []


async def test_another_gemeente_cannot_read_the_intake(
    client: httpx.AsyncClient, inburgeraar_id: str
) -> None:
    assert (await _afronden(client, inburgeraar_id)).status_code == 201
    url = f"/v1/inburgeraars/{inburgeraar_id}/brede-intake"
    assert (await client.get(url, headers=TILBURG_ZORG)).status_code == 404
    assert (await client.get(url, headers=bearer(Rol.BEHEER))).status_code == 403
