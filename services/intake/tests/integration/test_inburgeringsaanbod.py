"""Once a provider placement has started, the inburgeringsaanbod is reported to DUO per its
Inburgeringsaanbod spec: queued once per placement, retried while DUO is down, its outcome
readable under the inburgeraar."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from inburgering.duosim import spec
from inburgering.intake.usecases.inburgeringsaanbod import when_traject_gestart
from inburgering.shared.events.contracts import TrajectGestart
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.messaging import Envelope
from inburgering.shared.testing.service import bearer
from services.intake.tests.integration.conftest import Omgeving
from services.intake.tests.integration.test_pip import (
    BSN,
    EINDHOVEN,
    inburgeraar_met_concept,
    pips,
    vaststellen,
)

pytestmark = pytest.mark.integration

KEMPEN_KVK = "90012345"  # DUO instellingsnummer 0000100001 (development settings)
DOMMEL_KVK = "90034567"  # its keurmerk is suspended: DUO refuses an aanbod there
ONBEKEND_KVK = "99999999"  # not in the development settings
PEELLAND = "0000100002"  # a Cursusinstelling the DUO simulator knows, with keurmerk


async def met_pip_en_intake(omgeving: Omgeving, alfabetisering: str | None = "AA") -> str:
    inburgeraar_id = await inburgeraar_met_concept(omgeving)
    intake: dict[str, Any] = {
        "leerbaarheidstoetsScore": 30,
        "leerbaarheidstoetsDatum": "2026-10-01",
        "opleidingsniveau": "voortgezet",
        "ambitie": "werk",
        "afgerondDatum": "2026-10-20",
        "geboortedatum": "1995-03-01",
        "rechtOpAlleenSprekenMeegedeeld": True,
    }
    if alfabetisering:
        intake["alfabetisering"] = alfabetisering
    response = await omgeving.client.post(
        f"/v1/inburgeraars/{inburgeraar_id}/brede-intake", json=intake, headers=EINDHOVEN
    )
    assert response.status_code == 201, response.text
    [concept] = await pips(omgeving, inburgeraar_id)
    assert (await vaststellen(omgeving, inburgeraar_id, concept["id"])).status_code == 200
    return inburgeraar_id


def gestart(
    inburgeraar_id: str,
    kvk: str = KEMPEN_KVK,
    plaatsing_id: uuid.UUID | None = None,
    instellingsnummer: str | None = None,
) -> TrajectGestart:
    """Without an instellingsnummer: a provider registered in contracts without one."""
    return TrajectGestart(
        plaatsing_id=plaatsing_id or uuid.uuid4(),
        inburgeraar_id=uuid.UUID(inburgeraar_id),
        gemeentecode="GM0772",
        leerroute=Leerroute.B1_ROUTE,
        aanbieder_kvk=kvk,
        startdatum=date(2026, 11, 16),
        aanbieder_duo_instellingsnummer=instellingsnummer,
    )


async def deliver(omgeving: Omgeving, event: TrajectGestart) -> None:
    """As the consumer does: a fresh envelope each time, as when contracts publishes again."""
    envelope = Envelope(
        id=str(uuid.uuid4()),
        source="urn:nld:oin:00000000000000000000:systeem:inburgering-contracts",
        type=event.event_type(),
        time=datetime.now(UTC),
        gemeentecode=event.gemeentecode,
        data=event.to_data(),
    )
    registration = omgeving.runtime.parts.handlers.get(event.event_type())
    assert registration is not None
    assert registration.handler.func is when_traject_gestart  # type: ignore[attr-defined]
    async with omgeving.runtime.uow() as uow:
        await registration.handler(uow, event, envelope)
        await uow.commit()


async def aanbod(omgeving: Omgeving, inburgeraar_id: str, headers: Any = EINDHOVEN) -> Any:
    return await omgeving.client.get(
        f"/v1/inburgeraars/{inburgeraar_id}/inburgeringsaanbod", headers=headers
    )


def aanbod_posts(omgeving: Omgeving) -> list[Any]:
    return [r for r in omgeving.verzoeken_aan_duo if "/Inburgeringsaanbod/" in r.url.path]


@pytest.mark.parametrize(
    ("kvk", "instellingsnummer", "nummer"),
    [
        pytest.param(ONBEKEND_KVK, PEELLAND, PEELLAND, id="event-number-for-an-unconfigured-kvk"),
        pytest.param(KEMPEN_KVK, PEELLAND, PEELLAND, id="event-number-over-the-configured-one"),
        pytest.param(KEMPEN_KVK, None, "0000100001", id="configured-fallback-without-event-number"),
    ],
)
async def test_a_started_placement_is_reported_to_duo_per_its_spec(
    omgeving: Omgeving, kvk: str, instellingsnummer: str | None, nummer: str
) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    await omgeving.verwerk()  # the PIP melding
    event = gestart(inburgeraar_id, kvk=kvk, instellingsnummer=instellingsnummer)

    await deliver(omgeving, event)
    [wachtend] = (await aanbod(omgeving, inburgeraar_id)).json()
    assert wachtend["duoMelding"]["status"] == "wachtend"
    await omgeving.verwerk()

    [verzoek] = aanbod_posts(omgeving)
    path = f"/personen/{BSN}/Inburgeringsaanbod/{nummer}"
    sent = {
        "datumInburgeringsaanbod": "2026-11-16",
        "verwachteStartdatumOpleiding": "2026-11-16",
        "indicatorAlfabetiseringsonderwijs": "AA",
    }
    assert (verzoek.method, verzoek.url.path) == ("POST", f"/v1{path}")
    assert json.loads(verzoek.content) == sent
    assert verzoek.headers["bron"] == "00000001001000772000"
    if spec.beschikbaar():
        fouten = spec.verzoek_fouten(
            "Inburgeringsaanbod", "POST", path, dict(verzoek.headers), sent
        )
        assert fouten == []
    assert omgeving.duo.personen[BSN].inburgeringsaanbod == {nummer: sent}
    response = await omgeving.client.get(
        f"/v1/inburgeraars/{inburgeraar_id}/inburgeringsaanbod/{event.plaatsing_id}",
        headers=EINDHOVEN,
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["aanbiederKvk"], body["leerroute"], body["startdatum"]) == (
        kvk,
        "b1-route",
        "2026-11-16",
    )
    assert (body["duoMelding"]["status"], body["duoMelding"]["pogingen"]) == ("afgeleverd", 1)
    assert (await aanbod(omgeving, inburgeraar_id)).json() == [body]


async def test_the_aanbod_is_retried_with_backoff_after_duo_failed(omgeving: Omgeving) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    await omgeving.verwerk()  # the PIP melding
    await deliver(omgeving, gestart(inburgeraar_id))
    omgeving.duo.storing = True

    await omgeving.verwerk()
    [melding] = (await aanbod(omgeving, inburgeraar_id)).json()
    assert (
        melding["duoMelding"]["status"],
        melding["duoMelding"]["pogingen"],
        melding["duoMelding"]["laatsteFout"],
    ) == ("wachtend", 1, "DUO antwoordde 503")
    assert melding["duoMelding"]["volgendePogingOp"] == (
        omgeving.klok.nu + timedelta(seconds=60)
    ).isoformat().replace("+00:00", "Z")

    omgeving.duo.storing = False
    omgeving.klok.nu += timedelta(seconds=59)
    assert await omgeving.verwerk() == 0
    omgeving.klok.nu += timedelta(seconds=1)
    await omgeving.verwerk()

    [melding] = (await aanbod(omgeving, inburgeraar_id)).json()
    assert (melding["duoMelding"]["status"], melding["duoMelding"]["pogingen"]) == (
        "afgeleverd",
        2,
    )
    assert len(aanbod_posts(omgeving)) == 2


async def test_the_aanbod_waits_until_duo_registered_the_pip(omgeving: Omgeving) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    await deliver(omgeving, gestart(inburgeraar_id))
    omgeving.duo.storing = True

    await omgeving.verwerk()
    [melding] = (await aanbod(omgeving, inburgeraar_id)).json()
    assert melding["duoMelding"]["status"] == "wachtend"
    assert "PIP is nog niet bij DUO geregistreerd" in melding["duoMelding"]["laatsteFout"]
    assert aanbod_posts(omgeving) == []

    omgeving.duo.storing = False
    deadline = omgeving.klok.nu + timedelta(days=1)
    while (await aanbod(omgeving, inburgeraar_id)).json()[0]["duoMelding"]["status"] == "wachtend":
        assert omgeving.klok.nu < deadline, "the aanbod was never delivered"
        omgeving.klok.nu += timedelta(minutes=5)
        await omgeving.verwerk()

    [melding] = (await aanbod(omgeving, inburgeraar_id)).json()
    assert melding["duoMelding"]["status"] == "afgeleverd"
    posts = [(o.path, o.status) for o in omgeving.duo.ontvangen if o.method == "POST"]
    assert posts.index((f"/v1/personen/{BSN}/PIP", 201)) < posts.index(
        (f"/v1/personen/{BSN}/Inburgeringsaanbod/0000100001", 201)
    )


async def test_a_redelivered_traject_gestart_reports_the_aanbod_once(omgeving: Omgeving) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    await omgeving.verwerk()
    event = gestart(inburgeraar_id)

    await deliver(omgeving, event)
    await deliver(omgeving, event)
    await omgeving.verwerk()
    await deliver(omgeving, event)
    await omgeving.verwerk()

    assert len((await aanbod(omgeving, inburgeraar_id)).json()) == 1
    assert len(aanbod_posts(omgeving)) == 1


async def test_duos_refusal_is_kept_visible_and_not_retried(omgeving: Omgeving) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    await omgeving.verwerk()
    await deliver(omgeving, gestart(inburgeraar_id, kvk=DOMMEL_KVK))

    await omgeving.verwerk()
    assert await omgeving.verwerk() == 0

    [melding] = (await aanbod(omgeving, inburgeraar_id)).json()
    assert melding["duoMelding"]["status"] == "afgewezen"
    assert "BoW-keurmerk" in melding["duoMelding"]["laatsteFout"]
    assert len(aanbod_posts(omgeving)) == 1


@pytest.mark.parametrize(
    ("alfabetisering", "kvk", "fout"),
    [
        (None, KEMPEN_KVK, "alfabetisering"),
        ("NVT", ONBEKEND_KVK, "registreer de aanbieder met zijn DUO-instellingsnummer"),
    ],
)
async def test_an_aanbod_that_cannot_be_built_is_refused_without_calling_duo(
    omgeving: Omgeving, alfabetisering: str | None, kvk: str, fout: str
) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving, alfabetisering)
    await omgeving.verwerk()
    await deliver(omgeving, gestart(inburgeraar_id, kvk=kvk))

    await omgeving.verwerk()

    [melding] = (await aanbod(omgeving, inburgeraar_id)).json()
    assert melding["duoMelding"]["status"] == "afgewezen"
    assert fout in melding["duoMelding"]["laatsteFout"]
    assert aanbod_posts(omgeving) == []


async def test_no_aanbod_is_reported_for_a_gezinsmigrant(omgeving: Omgeving) -> None:
    created = await omgeving.client.post(
        "/v1/inburgeraars",
        json={
            "bsn": BSN,
            "gemeentecode": "GM0772",
            "doelgroep": "gezinsmigrant",
            "geboortedatum": "1990-01-01",
        },
        headers=EINDHOVEN,
    )
    inburgeraar_id = created.json()["id"]

    await deliver(omgeving, gestart(inburgeraar_id))

    assert (await aanbod(omgeving, inburgeraar_id)).json() == []
    assert await omgeving.verwerk() == 0


async def test_another_gemeente_cannot_see_the_aanbod(omgeving: Omgeving) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    event = gestart(inburgeraar_id)
    await deliver(omgeving, event)
    helmond = bearer(gemeentecodes=["GM0794"])
    pad = f"/v1/inburgeraars/{inburgeraar_id}/inburgeringsaanbod"

    assert (await omgeving.client.get(pad, headers=helmond)).status_code == 404
    other = await omgeving.client.get(f"{pad}/{event.plaatsing_id}", headers=helmond)
    assert other.status_code == 404
    assert other.json()["code"] == "inburgeraar-niet-gevonden"
    missing = await omgeving.client.get(f"{pad}/{uuid.uuid4()}", headers=EINDHOVEN)
    assert missing.status_code == 404
    assert missing.json()["code"] == "inburgeringsaanbod-niet-gevonden"
