"""Replaying DUO's notifications, one per gebeurtenis, against the DUO simulator: the resulting
state of the inburgeraar, the events, and the visible history."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from inburgering.duosim import spec
from inburgering.duosim.personen import Persoon, plichtig
from inburgering.intake.adapters.tables import inburgeraar, leerbaarheidstoets, timer
from inburgering.shared.auth import Rol
from inburgering.shared.testing.service import bearer
from services.intake.tests.integration.conftest import HELMOND_OIN, Omgeving

pytestmark = pytest.mark.integration

BSN = "999900006"
EINDHOVEN = bearer(gemeentecodes=["GM0772"])


async def persoon(omgeving: Omgeving, bsn: str = BSN) -> dict[str, Any]:
    async with omgeving.runtime.engine.connect() as conn:
        row = await conn.execute(select(inburgeraar).where(inburgeraar.c.gemeentecode == "GM0772"))
        [found] = [dict(r) for r in row.mappings()]
    vault = omgeving.runtime.parts.state["bsn_vault"]
    assert vault.lookup_hash(bsn) == found["bsn_hash"]
    return found


async def timers(omgeving: Omgeving) -> dict[str, dict[str, Any]]:
    async with omgeving.runtime.engine.connect() as conn:
        rows = await conn.execute(select(timer).where(timer.c.name.like("pip-termijn-%")))
        return {r["name"]: dict(r) for r in rows.mappings()}


async def melden(omgeving: Omgeving, gebeurtenis_id: str, bsn: str = BSN, **kw: Any) -> uuid.UUID:
    bericht_id = await omgeving.stuur(gebeurtenis_id, bsn, **kw)
    await omgeving.verwerk()
    return bericht_id


async def ingeschreven(omgeving: Omgeving, p: Persoon | None = None) -> dict[str, Any]:
    omgeving.duo.personen[BSN] = p or plichtig(BSN)
    await melden(omgeving, "SS101")
    return await persoon(omgeving)


def payloads(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r["payload"] for r in rows]


@pytest.mark.parametrize("gebeurtenis", ["SS101", "SS128", "SS129"])
async def test_a_new_inburgeringsplichtige_is_registered_with_the_pip_deadline_planned(
    omgeving: Omgeving, gebeurtenis: str
) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN, kennisgeving="2026-09-01")
    bericht_id = await melden(omgeving, gebeurtenis)

    p = await persoon(omgeving)
    assert (p["status"], p["bron"], p["doelgroep"]) == ("actief", "duo", "asielstatushouder")
    assert (p["kennisgeving_date"], p["plicht_start_date"]) == (date(2026, 9, 1), date(2026, 8, 15))
    assert p["geboortedatum"] is None
    [aangemeld] = await omgeving.events("inburgeraar-aangemeld")
    assert aangemeld["payload"] == {
        "inburgeraarId": str(p["id"]),
        "gemeentecode": "GM0772",
        "doelgroep": "asielstatushouder",
    }
    assert (await omgeving.notificatie(bericht_id))["status"] == "verwerkt"
    planned = await timers(omgeving)
    # 10 weeks after DUO's written notice: 2026-11-10; nadert 14 days before.
    assert planned["pip-termijn-verstreken"]["payload"]["uiterlijk"] == "2026-11-10"
    assert planned["pip-termijn-nadert"]["due_at"].date() == date(2026, 10, 26)
    history = await omgeving.client.get(
        f"/v1/inburgeraars/{p['id']}/duo-gebeurtenissen", headers=EINDHOVEN
    )
    assert [g["gebeurtenisId"] for g in history.json()] == [gebeurtenis]


async def test_ss139_counts_the_pip_deadline_from_settling_when_that_is_later(
    omgeving: Omgeving,
) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN, kennisgeving="2026-09-01")
    await omgeving.stuur("SS139", BSN, registratie=omgeving.klok.nu.replace(month=10, day=20))
    await omgeving.verwerk()

    p = await persoon(omgeving)
    assert p["vestiging_date"] == date(2026, 10, 20)
    assert (await timers(omgeving))["pip-termijn-verstreken"]["payload"][
        "uiterlijk"
    ] == "2026-12-29"


async def test_a_person_the_gemeente_registered_is_brought_up_to_date_not_duplicated(
    omgeving: Omgeving,
) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN, asiel=False)
    created = await omgeving.client.post(
        "/v1/inburgeraars",
        json={
            "bsn": BSN,
            "gemeentecode": "GM0772",
            "doelgroep": "asielstatushouder",
            "geboortedatum": "1990-01-01",
        },
        headers=EINDHOVEN,
    )
    assert created.status_code == 201
    await melden(omgeving, "SS101")

    p = await persoon(omgeving)
    assert (p["id"], p["status"], p["bron"]) == (
        uuid.UUID(created.json()["id"]),
        "actief",
        "gemeente",
    )
    assert len(await omgeving.events("inburgeraar-aangemeld")) == 1
    [gewijzigd] = payloads(await omgeving.events("doelgroep-gewijzigd"))
    assert gewijzigd["doelgroep"] == "gezinsmigrant"


async def test_ss120_a_move_without_pip_restarts_ten_weeks_from_settling(
    omgeving: Omgeving,
) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN)
    await omgeving.stuur("SS120", BSN, registratie=omgeving.klok.nu)
    await omgeving.verwerk()

    p = await persoon(omgeving)
    assert (p["verhuisd"], p["vestiging_date"], p["vergrendelde_leerroute"]) == (
        True,
        date(2026, 11, 2),
        None,
    )
    assert (await timers(omgeving))["pip-termijn-verstreken"]["payload"][
        "uiterlijk"
    ] == "2027-01-11"


async def test_ss121_a_move_with_the_previous_gemeentes_pip_locks_its_leerroute(
    omgeving: Omgeving,
) -> None:
    omgeving.duo.personen[BSN] = plichtig(
        BSN,
        pip={"gemeentecode": "0794", "pip": {"dagtekeningPip": "2026-03-02", "leerroute": "O"}},
        eerste_dagtekening=date(2026, 3, 2),
        termijn={"startdatum": "2026-03-03", "einddatum": "2029-03-03"},
    )
    await melden(omgeving, "SS121")

    p = await persoon(omgeving)
    assert (p["vorige_gemeentecode"], p["vergrendelde_leerroute"]) == ("GM0794", "onderwijsroute")
    assert (p["termijn_start_date"], p["termijn_eind_date"]) == (date(2026, 3, 3), date(2029, 3, 3))
    assert p["verhuisd"] is True


@pytest.mark.parametrize(
    ("gebeurtenis", "asiel", "doelgroep"),
    [("SS124", False, "gezinsmigrant"), ("SS125", True, "asielstatushouder")],
)
async def test_a_changed_doelgroep_is_published(
    omgeving: Omgeving, gebeurtenis: str, asiel: bool, doelgroep: str
) -> None:
    p = await ingeschreven(omgeving, plichtig(BSN, asiel=not asiel))
    omgeving.duo.personen[BSN].doelgroep = plichtig(BSN, asiel=asiel).doelgroep
    await melden(omgeving, gebeurtenis)

    assert (await persoon(omgeving))["doelgroep"] == doelgroep
    [event] = payloads(await omgeving.events("doelgroep-gewijzigd"))
    assert event == {
        "inburgeraarId": str(p["id"]),
        "gemeentecode": "GM0772",
        "doelgroep": doelgroep,
    }


@pytest.mark.parametrize(
    ("gebeurtenis", "status", "reden"),
    [
        ("SS109", "tijdelijk-vrijgesteld", "tijdelijke-vrijstelling"),
        ("SS110", "beeindigd", "beeindigd"),
        ("SS111", "beeindigd", "beeindigd"),
    ],
)
async def test_a_withdrawn_or_ended_obligation_stops_the_pip_deadline(
    omgeving: Omgeving, gebeurtenis: str, status: str, reden: str
) -> None:
    p = await ingeschreven(omgeving)
    omgeving.duo.personen[BSN].inburgeringsplicht = {
        "indicatorInburgeringsplicht": False,
        "einddatum": "2026-10-31",
        "redenGeenInburgeringsplicht": "Overlijden" if gebeurtenis == "SS111" else "Overig",
    }
    await melden(omgeving, gebeurtenis)

    assert (await persoon(omgeving))["status"] == status
    [event] = payloads(await omgeving.events("inburgeringsplicht-beeindigd"))
    assert event == {
        "inburgeraarId": str(p["id"]),
        "gemeentecode": "GM0772",
        "reden": reden,
        "perDatum": "2026-10-31",
    }
    planned = await timers(omgeving)
    # "nadert" (26 October) fired before the obligation ended; "verstreken" never will.
    assert planned["pip-termijn-nadert"]["fired_at"] is not None
    assert planned["pip-termijn-verstreken"]["cancelled_at"] is not None
    omgeving.klok.nu = omgeving.klok.nu.replace(year=2027)
    await omgeving.verwerk()
    assert await omgeving.events("pip-termijn-verstreken") == []


@pytest.mark.parametrize(
    ("gebeurtenis", "reden"),
    [("SS106", "diploma"), ("SS107", "vrijstelling"), ("SS108", "ontheffing")],
)
async def test_a_met_obligation_is_published_with_its_reason(
    omgeving: Omgeving, gebeurtenis: str, reden: str
) -> None:
    await ingeschreven(omgeving)
    duo_persoon = omgeving.duo.personen[BSN]
    duo_persoon.inburgeringsplicht = {
        "indicatorInburgeringsplicht": False,
        "einddatum": "2026-10-30",
        "redenGeenInburgeringsplicht": "Inburgeringsplicht voldaan",
    }
    duo_persoon.vrijstellingen = [
        {
            "GeheleVrijstelling": {
                "oordeel": "Toekenning",
                "reden": "DIP",
                "datumOordeel": "2026-10-30",
            }
        }
    ]
    duo_persoon.ontheffingen = [
        {
            "GeheleOntheffing": {
                "oordeel": "Toekenning",
                "grond": "MED",
                "datumOordeel": "2026-10-30",
            }
        }
    ]
    await melden(omgeving, gebeurtenis)

    assert (await persoon(omgeving))["status"] == "voldaan"
    [event] = payloads(await omgeving.events("inburgeringsplicht-voldaan"))
    assert (event["reden"], event["perDatum"]) == (reden, "2026-10-30")


async def test_lbt_registration_is_recorded_and_the_result_published_with_the_cesuur_of_its_date(
    omgeving: Omgeving,
) -> None:
    p = await ingeschreven(omgeving)
    await melden(omgeving, "SS137")
    omgeving.duo.personen[BSN].lbt_resultaten = [
        {
            "resultaat": "B1-route niet haalbaar",
            "behaaldeScore": "29,00",
            "benodigdeScore": "31,00",
            "datumAfname": "2023-04-11",
        },
        {
            "resultaat": "B1-route haalbaar",
            "behaaldeScore": "29,00",
            "benodigdeScore": "28,00",
            "datumAfname": "2026-10-01",
        },
    ]
    await melden(omgeving, "SS131")

    async with omgeving.runtime.engine.connect() as conn:
        [toets] = (await conn.execute(select(leerbaarheidstoets))).mappings().all()
    assert (toets["score"], toets["cesuur"], toets["uitslag"]) == (29, 28, "b1-haalbaar")
    [event] = payloads(await omgeving.events("leerbaarheidstoets-uitslag-bekend"))
    assert event == {
        "inburgeraarId": str(p["id"]),
        "gemeentecode": "GM0772",
        "uitslag": "b1-haalbaar",
        "afgenomenOp": "2026-10-01",
    }
    history = await omgeving.client.get(
        f"/v1/inburgeraars/{p['id']}/duo-gebeurtenissen", headers=EINDHOVEN
    )
    assert [g["gebeurtenisId"] for g in history.json()] == ["SS101", "SS137", "SS131"]


async def test_ss102_stores_duos_termijn_and_changes_are_published_as_verlengd(
    omgeving: Omgeving,
) -> None:
    p = await ingeschreven(omgeving)
    omgeving.duo.personen[BSN].termijn = {"startdatum": "2026-11-03", "einddatum": "2029-11-03"}
    await melden(omgeving, "SS102")
    assert (await persoon(omgeving))["termijn_eind_date"] == date(2029, 11, 3)
    assert await omgeving.events("inburgeringstermijn-verlengd") == []

    for gebeurtenis, einde in (
        ("SS103", "2030-05-03"),
        ("SS104", "2030-11-03"),
        ("SS130", "2031-02-03"),
    ):
        omgeving.duo.personen[BSN].termijn = {
            "startdatum": "2026-11-03",
            "einddatum": einde,
            "verlengingsgrondcode": "4B",
            "verlengingsgrondomschrijving": "Aanzienlijke inspanningen",
        }
        await melden(omgeving, gebeurtenis)

    assert [
        e["nieuweEinddatum"]
        for e in payloads(await omgeving.events("inburgeringstermijn-verlengd"))
    ] == [
        "2030-05-03",
        "2030-11-03",
        "2031-02-03",
    ]
    assert (await persoon(omgeving))["termijn_eind_date"] == date(2031, 2, 3)
    assert p["id"] == (await persoon(omgeving))["id"]


async def test_ss199_publishes_the_latest_exam_results(omgeving: Omgeving) -> None:
    await ingeschreven(omgeving)
    omgeving.duo.personen[BSN].examens = [
        {"examendatum": "2026-06-01", "resultaat": "Gezakt", "onderdeel": "LE", "niveau": "B1"},
        {"examendatum": "2026-10-15", "resultaat": "Geslaagd", "onderdeel": "LE", "niveau": "B1"},
        {"examendatum": "2026-10-15", "resultaat": "Geslaagd", "onderdeel": "KNM"},
    ]
    await melden(omgeving, "SS199")

    events = payloads(await omgeving.events("examenuitslag-bekend"))
    assert [(e["onderdeel"], e["resultaat"], e["niveau"]) for e in events] == [
        ("LE", "Geslaagd", "B1"),
        ("KNM", "Geslaagd", None),
    ]


@pytest.mark.parametrize(
    "gebeurtenis", ["SS113", "SS114", "SS115", "SS116", "SS117", "SS118", "SS119"]
)
async def test_duos_decisions_on_requests_are_recorded_and_visible(
    omgeving: Omgeving, gebeurtenis: str
) -> None:
    p = await ingeschreven(omgeving)
    omgeving.duo.personen[BSN].vrijstellingen = [
        {
            "TijdelijkeVrijstelling": {
                "oordeel": "Afwijzing",
                "reden": "OPL",
                "datumOordeel": "2026-10-20",
            }
        }
    ]
    omgeving.duo.personen[BSN].ontheffingen = [
        {
            "GedeeltelijkeOntheffing": {
                "oordeel": "Afwijzing",
                "grond": "MED",
                "datumOordeel": "2026-10-21",
            }
        }
    ]
    await melden(omgeving, gebeurtenis)

    history = (
        await omgeving.client.get(
            f"/v1/inburgeraars/{p['id']}/duo-gebeurtenissen", headers=EINDHOVEN
        )
    ).json()
    assert history[-1]["gebeurtenisId"] == gebeurtenis
    assert history[-1]["omschrijving"].startswith("Verzoek")
    if gebeurtenis in ("SS114", "SS115", "SS116", "SS117"):
        assert history[-1]["toelichting"] == "TijdelijkeVrijstelling: Afwijzing OPL 2026-10-20"
    if gebeurtenis in ("SS118", "SS119"):
        assert history[-1]["toelichting"] == "GedeeltelijkeOntheffing: Afwijzing MED 2026-10-21"
    tilburg = await omgeving.client.get(
        f"/v1/inburgeraars/{p['id']}/duo-gebeurtenissen", headers=bearer(gemeentecodes=["GM0855"])
    )
    assert tilburg.status_code == 404


async def test_an_unknown_gebeurtenis_is_parked_and_listed_for_a_person(omgeving: Omgeving) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN)
    bericht_id = await melden(omgeving, "SS998")

    stored = await omgeving.notificatie(bericht_id)
    assert (stored["status"], stored["reden"]) == ("geparkeerd", "Onbekende gebeurtenis SS998.")
    geparkeerd = await omgeving.client.get(
        "/v1/duo-notificaties", params={"status": "geparkeerd"}, headers=EINDHOVEN
    )
    assert [(n["berichtId"], n["gebeurtenisId"]) for n in geparkeerd.json()] == [
        (str(bericht_id), "SS998")
    ]
    assert BSN not in geparkeerd.text
    beheer = await omgeving.client.get(
        "/v1/duo-notificaties", params={"status": "geparkeerd"}, headers=bearer(Rol.BEHEER)
    )
    assert len(beheer.json()) == 1
    tilburg = await omgeving.client.get(
        "/v1/duo-notificaties", headers=bearer(gemeentecodes=["GM0855"])
    )
    assert tilburg.json() == []
    aanbieder = await omgeving.client.get("/v1/duo-notificaties", headers=bearer(Rol.AANBIEDER))
    assert aanbieder.status_code == 403


async def test_a_notification_for_an_unknown_person_is_parked_until_a_person_resolves_it(
    omgeving: Omgeving,
) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN)
    omgeving.duo.personen[BSN].lbt_resultaten = [
        {
            "resultaat": "B1-route haalbaar",
            "behaaldeScore": "30,00",
            "benodigdeScore": "28,00",
            "datumAfname": "2026-10-01",
        }
    ]
    bericht_id = await melden(omgeving, "SS131")
    assert (await omgeving.notificatie(bericht_id))["status"] == "geparkeerd"
    assert await omgeving.events("leerbaarheidstoets-uitslag-bekend") == []

    await melden(omgeving, "SS101")
    again = await omgeving.client.post(
        f"/v1/duo-notificaties/{bericht_id}/opnieuw-verwerken", headers=EINDHOVEN
    )
    assert again.json()["status"] == "ontvangen"
    await omgeving.verwerk()

    assert (await omgeving.notificatie(bericht_id))["status"] == "verwerkt"
    assert len(await omgeving.events("leerbaarheidstoets-uitslag-bekend")) == 1


async def test_a_notification_with_only_a_vnummer_is_parked(omgeving: Omgeving) -> None:
    bericht_id = await melden(omgeving, "SS101", bsn=None, v_nummer=1234567890)
    stored = await omgeving.notificatie(bericht_id)
    assert stored["status"] == "geparkeerd"
    assert "V-nummer" in stored["reden"]
    assert "1234567890" not in str(stored)


async def test_a_notification_for_helmond_is_handled_for_helmond_only(omgeving: Omgeving) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN, gemeentecode="0794")
    await melden(omgeving, "SS101", doel=HELMOND_OIN)

    helmond = await omgeving.client.get(
        "/v1/inburgeraars", headers=bearer(gemeentecodes=["GM0794"])
    )
    assert len(helmond.json()) == 1
    assert (await omgeving.client.get("/v1/inburgeraars", headers=EINDHOVEN)).json() == []


def _api_van(path: str) -> str:
    onderdeel = path.split("/")[4]
    return {
        "inburgeringsplicht": "Inburgeringsplicht",
        "doelgroep": "Inburgeringsplicht",
        "lbt": "Leerbaarheidstoets",
        "inburgeringstermijn": "Inburgeringstermijn",
        "examens": "Examen",
        "vrijstellingen": "Vrijstelling",
        "ontheffingen": "Ontheffing",
        "PIP": "PIP",
    }[onderdeel]


async def test_every_request_to_duo_and_every_event_follows_the_contracts_without_a_bsn(
    omgeving: Omgeving,
) -> None:
    if not spec.beschikbaar():
        pytest.skip(f"DUO's spec files are not at {spec.REFERENCE}")
    omgeving.duo.personen[BSN] = plichtig(
        BSN,
        pip={"gemeentecode": "0794", "pip": {"dagtekeningPip": "2026-03-02", "leerroute": "B"}},
        termijn={"startdatum": "2026-03-03", "einddatum": "2029-03-03"},
        examens=[{"examendatum": "2026-10-15", "resultaat": "Geslaagd", "onderdeel": "KNM"}],
        lbt_resultaten=[
            {
                "resultaat": "B1-route haalbaar",
                "behaaldeScore": "29,00",
                "benodigdeScore": "28,00",
                "datumAfname": "2026-10-01",
            }
        ],
    )
    for gebeurtenis in (
        "SS121",
        "SS124",
        "SS131",
        "SS102",
        "SS103",
        "SS199",
        "SS114",
        "SS118",
        "SS107",
    ):
        await melden(omgeving, gebeurtenis)

    assert len(omgeving.verzoeken_aan_duo) >= 12
    for request in omgeving.verzoeken_aan_duo:
        path = request.url.path.removeprefix("/v1")
        assert (
            spec.verzoek_fouten(
                _api_van(request.url.path), request.method, path, dict(request.headers)
            )
            == []
        )
    events = await omgeving.events()
    assert {e["event_type"].removeprefix("nl.inburgering.") for e in events} == {
        "inburgeraar-aangemeld",
        "leerbaarheidstoets-uitslag-bekend",
        "inburgeringstermijn-bekend",
        "inburgeringstermijn-verlengd",
        "examenuitslag-bekend",
        "inburgeringsplicht-voldaan",
    }
    for event in events:
        assert BSN not in str(event)
