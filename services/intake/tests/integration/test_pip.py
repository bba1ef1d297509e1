"""The PIP as a versioned beschikking: a concept from the decided leerroute, vastgesteld with a
dagtekening, published, and reliably reported to DUO."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from inburgering.duosim import spec
from inburgering.duosim.personen import plichtig
from inburgering.intake.usecases.pips import when_leerroute_vastgesteld
from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Ambitie, Doelgroep, Leerroute, Opleidingsniveau
from inburgering.shared.messaging import Envelope
from inburgering.shared.testing.service import bearer
from services.intake.tests.integration.conftest import Omgeving

pytestmark = pytest.mark.integration

BSN = "999900006"
EINDHOVEN = bearer(gemeentecodes=["GM0772"])


async def inburgeraar_met_concept(omgeving: Omgeving, route: Leerroute = Leerroute.B1_ROUTE) -> str:
    omgeving.duo.personen[BSN] = plichtig(BSN, begindatum="2026-08-15")
    await omgeving.stuur("SS101", BSN)
    await omgeving.verwerk()
    [persoon] = (await omgeving.client.get("/v1/inburgeraars", headers=EINDHOVEN)).json()
    await deliver(
        omgeving,
        LeerrouteVastgesteld(
            advies_id=uuid.uuid4(),
            inburgeraar_id=uuid.UUID(persoon["id"]),
            gemeentecode="GM0772",
            leerroute=route,
            afwijkend_van_advies=False,
            doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            ambitie=Ambitie.WERK,
            opleidingsniveau=Opleidingsniveau.MBO,
        ),
    )
    return persoon["id"]


async def deliver(omgeving: Omgeving, event: Any) -> None:
    envelope = Envelope(
        id=str(uuid.uuid4()),
        source="urn:nld:oin:00000000000000000000:systeem:inburgering-routes",
        type=event.event_type(),
        time=datetime.now(UTC),
        gemeentecode=event.gemeentecode,
        data=event.to_data(),
    )
    registration = omgeving.runtime.parts.handlers.get(event.event_type())
    assert registration is not None and registration.handler is when_leerroute_vastgesteld
    async with omgeving.runtime.uow() as uow:
        await registration.handler(uow, event, envelope)
        await uow.commit()


async def pips(omgeving: Omgeving, inburgeraar_id: str) -> list[dict[str, Any]]:
    response = await omgeving.client.get(
        f"/v1/inburgeraars/{inburgeraar_id}/pips", headers=EINDHOVEN
    )
    assert response.status_code == 200
    return response.json()


async def vaststellen(omgeving: Omgeving, inburgeraar_id: str, pip_id: str, **body: Any) -> Any:
    return await omgeving.client.post(
        f"/v1/inburgeraars/{inburgeraar_id}/pips/{pip_id}/vaststellen",
        json={"dagtekening": "2026-11-02", **body},
        headers=EINDHOVEN,
    )


async def test_the_decided_leerroute_becomes_a_concept_pip(omgeving: Omgeving) -> None:
    inburgeraar_id = await inburgeraar_met_concept(omgeving, Leerroute.ONDERWIJSROUTE)

    [concept] = await pips(omgeving, inburgeraar_id)
    assert (concept["versie"], concept["status"], concept["leerroute"]) == (
        1,
        "concept",
        "onderwijsroute",
    )
    assert concept["duoMelding"] is None


async def test_adopting_the_first_pip_publishes_it_starts_the_termijn_and_reports_to_duo(
    omgeving: Omgeving,
) -> None:
    inburgeraar_id = await inburgeraar_met_concept(omgeving)
    [concept] = await pips(omgeving, inburgeraar_id)

    response = await vaststellen(
        omgeving,
        inburgeraar_id,
        concept["id"],
        geschatteIntensiteitB1Route=600,
        intensiteitPvtUren=12,
        aantalVoortgangsgesprekken=4,
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["eerstePip"], body["niveau"]) == ("vastgesteld", True, "B1")
    assert body["duoMelding"]["status"] == "wachtend"
    [event] = await omgeving.events("pip-vastgesteld")
    assert event["payload"] == {
        "inburgeraarId": inburgeraar_id,
        "pipId": concept["id"],
        "gemeentecode": "GM0772",
        "versie": 1,
        "eerstePip": True,
        "dagtekening": "2026-11-02",
        "leerroute": "b1-route",
    }
    persoon = (
        await omgeving.client.get(f"/v1/inburgeraars/{inburgeraar_id}", headers=EINDHOVEN)
    ).json()
    assert (persoon["termijnStartdatum"], persoon["termijnEinddatum"]) == (
        "2026-11-03",
        "2029-11-03",
    )

    await omgeving.verwerk()

    [melding] = [r for r in omgeving.verzoeken_aan_duo if r.method == "POST"]
    sent = {
        "dagtekeningPip": "2026-11-02",
        "leerroute": "B",
        "niveau": "B1",
        "geschatteIntensiteitB1Route": 600,
    }
    assert melding.url.path == f"/v1/personen/{BSN}/PIP"
    assert __import__("json").loads(melding.content) == sent
    if spec.beschikbaar():
        assert (
            spec.verzoek_fouten("PIP", "POST", f"/personen/{BSN}/PIP", dict(melding.headers), sent)
            == []
        )
    [pip] = await pips(omgeving, inburgeraar_id)
    assert (pip["duoMelding"]["status"], pip["duoMelding"]["pogingen"]) == ("afgeleverd", 1)
    assert omgeving.duo.personen[BSN].termijn == {
        "startdatum": "2026-11-03",
        "einddatum": "2029-11-03",
    }
    assert await omgeving.events("pip-termijn-verstreken") == []


async def test_a_melding_waits_while_duo_is_down_and_is_delivered_later(omgeving: Omgeving) -> None:
    inburgeraar_id = await inburgeraar_met_concept(omgeving)
    [concept] = await pips(omgeving, inburgeraar_id)
    assert (await vaststellen(omgeving, inburgeraar_id, concept["id"])).status_code == 200
    omgeving.duo.storing = True

    await omgeving.verwerk()
    [pip] = await pips(omgeving, inburgeraar_id)
    melding = pip["duoMelding"]
    assert (melding["status"], melding["pogingen"], melding["laatsteFout"]) == (
        "wachtend",
        1,
        "DUO antwoordde 503",
    )
    assert melding["volgendePogingOp"] == (
        omgeving.klok.nu + timedelta(seconds=60)
    ).isoformat().replace("+00:00", "Z")

    omgeving.duo.storing = False
    omgeving.klok.nu += timedelta(minutes=1)
    await omgeving.verwerk()
    [pip] = await pips(omgeving, inburgeraar_id)
    assert (pip["duoMelding"]["status"], pip["duoMelding"]["pogingen"]) == ("afgeleverd", 2)


async def test_duos_refusal_is_kept_visible(omgeving: Omgeving) -> None:
    inburgeraar_id = await inburgeraar_met_concept(omgeving)
    # DUO knows a later settling date than the gemeente: it refuses the dagtekening.
    omgeving.duo.personen[BSN].vestiging = date(2026, 11, 5)
    [concept] = await pips(omgeving, inburgeraar_id)
    assert (await vaststellen(omgeving, inburgeraar_id, concept["id"])).status_code == 200

    await omgeving.verwerk()
    await omgeving.verwerk()

    [pip] = await pips(omgeving, inburgeraar_id)
    assert pip["duoMelding"]["status"] == "afgewezen"
    assert pip["duoMelding"]["pogingen"] == 1
    assert "vestiging" in pip["duoMelding"]["laatsteFout"]


@pytest.mark.parametrize(
    ("route", "body", "fout"),
    [
        (Leerroute.ONDERWIJSROUTE, {"niveau": "A2"}, "A2 kan niet met de onderwijsroute"),
        (Leerroute.Z_ROUTE, {"niveau": "B1"}, "B1 kan niet met de Z-route"),
        (Leerroute.B1_ROUTE, {"niveau": "A2"}, "A2 kan niet met de B1-route in het eerste PIP"),
        (Leerroute.Z_ROUTE, {"geschatteIntensiteitB1Route": 400}, "geschatte intensiteit"),
        (Leerroute.B1_ROUTE, {"dagtekening": "2026-08-14"}, "start van de inburgeringsplicht"),
    ],
)
async def test_duos_rules_are_checked_before_adopting(
    omgeving: Omgeving, route: Leerroute, body: dict[str, Any], fout: str
) -> None:
    inburgeraar_id = await inburgeraar_met_concept(omgeving, route)
    [concept] = await pips(omgeving, inburgeraar_id)

    response = await vaststellen(omgeving, inburgeraar_id, concept["id"], **body)

    assert response.status_code == 400
    assert response.json()["code"] == "pip-ongeldig"
    assert fout.lower() in response.json()["detail"].lower()
    assert await omgeving.events("pip-vastgesteld") == []
    [still] = await pips(omgeving, inburgeraar_id)
    assert still["status"] == "concept"


async def test_a_changed_leerroute_makes_a_new_version_that_replaces_the_first(
    omgeving: Omgeving,
) -> None:
    inburgeraar_id = await inburgeraar_met_concept(omgeving)
    [eerste] = await pips(omgeving, inburgeraar_id)
    assert (await vaststellen(omgeving, inburgeraar_id, eerste["id"])).status_code == 200
    assert (await vaststellen(omgeving, inburgeraar_id, eerste["id"])).status_code == 409
    await deliver(
        omgeving,
        LeerrouteGewijzigd(
            advies_id=uuid.uuid4(),
            inburgeraar_id=uuid.UUID(inburgeraar_id),
            gemeentecode="GM0772",
            vorige_leerroute=Leerroute.B1_ROUTE,
            leerroute=Leerroute.Z_ROUTE,
            ingangsdatum=date(2027, 1, 4),
        ),
    )
    [_, tweede] = await pips(omgeving, inburgeraar_id)
    assert (tweede["versie"], tweede["status"], tweede["leerroute"]) == (2, "concept", "z-route")

    too_early = await vaststellen(omgeving, inburgeraar_id, tweede["id"], dagtekening="2026-11-01")
    assert too_early.status_code == 400
    response = await vaststellen(omgeving, inburgeraar_id, tweede["id"], dagtekening="2027-01-04")

    assert response.status_code == 200
    [v1, v2] = await pips(omgeving, inburgeraar_id)
    assert (v1["status"], v2["status"], v2["eerstePip"]) == ("vervangen", "vastgesteld", False)
    [_, event] = await omgeving.events("pip-vastgesteld")
    assert (event["payload"]["versie"], event["payload"]["eerstePip"]) == (2, False)
    persoon = (
        await omgeving.client.get(f"/v1/inburgeraars/{inburgeraar_id}", headers=EINDHOVEN)
    ).json()
    assert persoon["termijnStartdatum"] == "2026-11-03"  # the first PIP fixed it


async def test_another_gemeente_cannot_see_or_adopt_the_pip(omgeving: Omgeving) -> None:
    inburgeraar_id = await inburgeraar_met_concept(omgeving)
    [concept] = await pips(omgeving, inburgeraar_id)
    tilburg = bearer(gemeentecodes=["GM0855"])

    listed = await omgeving.client.get(f"/v1/inburgeraars/{inburgeraar_id}/pips", headers=tilburg)
    adopted = await omgeving.client.post(
        f"/v1/inburgeraars/{inburgeraar_id}/pips/{concept['id']}/vaststellen",
        json={"dagtekening": "2026-11-02"},
        headers=tilburg,
    )
    assert (listed.status_code, adopted.status_code) == (404, 404)


async def test_the_pip_deadline_pauses_for_a_third_party_and_fires_once_after_receipt(
    omgeving: Omgeving,
) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN, kennisgeving="2026-10-30")  # due 2027-01-08
    await omgeving.stuur("SS101", BSN)
    await omgeving.verwerk()
    [persoon] = (await omgeving.client.get("/v1/inburgeraars", headers=EINDHOVEN)).json()
    url = f"/v1/inburgeraars/{persoon['id']}/pip-termijn"

    paused = await omgeving.client.put(url, json={"wachtOpDerde": True}, headers=EINDHOVEN)
    assert paused.json() == {"uiterlijk": None}
    omgeving.klok.nu = datetime(2027, 2, 1, tzinfo=UTC)
    await omgeving.verwerk()
    assert await omgeving.events("pip-termijn-nadert") == []

    resumed = await omgeving.client.put(
        url,
        json={"wachtOpDerde": False, "derdeInformatieOntvangenOp": "2027-02-01"},
        headers=EINDHOVEN,
    )
    assert resumed.json() == {"uiterlijk": "2027-02-15"}
    await omgeving.verwerk()  # nadert (1 Feb) is due at once
    omgeving.klok.nu = datetime(2027, 2, 15, 22, 0, tzinfo=UTC)  # 23:00 in Amsterdam: still in time
    await omgeving.verwerk()
    assert await omgeving.events("pip-termijn-verstreken") == []
    omgeving.klok.nu = datetime(2027, 2, 16, 0, 0, tzinfo=UTC)
    await omgeving.verwerk()
    await omgeving.verwerk()

    [nadert] = payloads(await omgeving.events("pip-termijn-nadert"))
    [verstreken] = payloads(await omgeving.events("pip-termijn-verstreken"))
    assert (
        nadert
        == verstreken
        == {
            "inburgeraarId": persoon["id"],
            "gemeentecode": "GM0772",
            "uiterlijk": "2027-02-15",
        }
    )
    other = await omgeving.client.put(
        url, json={"wachtOpDerde": True}, headers=bearer(gemeentecodes=["GM0855"])
    )
    assert other.status_code == 404


def payloads(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r["payload"] for r in rows]


async def test_a_gemeente_without_a_configured_oin_sees_its_melding_refused_not_retried(
    omgeving: Omgeving,
) -> None:
    best = bearer(gemeentecodes=["GM0753"])
    created = await omgeving.client.post(
        "/v1/inburgeraars",
        json={
            "bsn": BSN,
            "gemeentecode": "GM0753",
            "doelgroep": "gezinsmigrant",
            "geboortedatum": "1990-01-01",
        },
        headers=best,
    )
    inburgeraar_id = created.json()["id"]
    await deliver(
        omgeving,
        LeerrouteVastgesteld(
            advies_id=uuid.uuid4(),
            inburgeraar_id=uuid.UUID(inburgeraar_id),
            gemeentecode="GM0753",
            leerroute=Leerroute.Z_ROUTE,
            afwijkend_van_advies=False,
            doelgroep=Doelgroep.GEZINSMIGRANT,
            ambitie=Ambitie.PARTICIPATIE,
            opleidingsniveau=Opleidingsniveau.GEEN,
        ),
    )
    [concept] = (
        await omgeving.client.get(f"/v1/inburgeraars/{inburgeraar_id}/pips", headers=best)
    ).json()
    adopted = await omgeving.client.post(
        f"/v1/inburgeraars/{inburgeraar_id}/pips/{concept['id']}/vaststellen",
        json={"dagtekening": "2026-11-02"},
        headers=best,
    )
    assert adopted.status_code == 200

    await omgeving.verwerk()
    assert await omgeving.verwerk() == 0
    [pip] = (
        await omgeving.client.get(f"/v1/inburgeraars/{inburgeraar_id}/pips", headers=best)
    ).json()
    assert pip["duoMelding"]["status"] == "afgewezen"
    assert "Geen OIN ingesteld voor GM0753" in pip["duoMelding"]["laatsteFout"]
    assert omgeving.verzoeken_aan_duo == []
