"""Policy per samenwerkingsverband on PostgreSQL: the verbanden come from contracts'
samenwerkingsverband-gewijzigd; precedence gemeente's own > samenwerkingsverband's > platform
default, from an ingangsdatum on, read from the verband of the leerroute the policy concerns in
which the gemeente is a member on the day the intake was completed."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime

import pytest

from inburgering.shared.auth import Rol
from inburgering.shared.events.vocabulary import Ambitie, Leerroute

from .conftest import samenwerkingsverband_gewijzigd

pytestmark = pytest.mark.integration

HBO_30 = {"ambitie": Ambitie.HBO, "leeftijd": 30}
SINDS = date(2026, 1, 1)
REGIO = {"GM0772": (SINDS, None), "GM0796": (SINDS, None)}


def om_12_uur(dag: date) -> datetime:
    return datetime(dag.year, dag.month, dag.day, 12, 0, tzinfo=UTC)


async def beleid(client, headers, verband_id, leeftijd: int, ingang: str):
    return await client.post(
        f"/samenwerkingsverbanden/{verband_id}/beleid",
        json={"onderwijsrouteMaxLeeftijd": leeftijd, "ingangsdatum": ingang},
        headers=headers,
    )


async def advies_van(client, auth, inburgeraar_id: uuid.UUID, gemeentecode: str) -> dict:
    [advies] = (
        await client.get(
            "/leerroute-adviezen",
            params={"inburgeraarId": str(inburgeraar_id)},
            headers=auth(gemeentecode),
        )
    ).json()
    return advies


async def lees(client, auth, verband_id, *codes: str):
    return await client.get(f"/samenwerkingsverbanden/{verband_id}", headers=auth(*codes))


async def test_the_group_policy_applies_unless_the_gemeente_has_its_own(
    client, auth, make_event, deliver, klok
) -> None:
    verband_id = uuid.uuid4()
    await deliver(samenwerkingsverband_gewijzigd(verband_id, leden=REGIO))
    gezet = await beleid(client, auth("GM0772"), verband_id, 32, "2026-12-01")
    assert gezet.status_code == 201, gezet.text
    eigen = await client.post(
        "/gemeentebeleid/GM0796",
        json={"onderwijsrouteMaxLeeftijd": 25, "ingangsdatum": "2026-12-01"},
        headers=auth("GM0796"),
    )
    assert eigen.status_code == 201, eigen.text
    eindhoven, helmond = make_event(**HBO_30), make_event(gemeentecode="GM0796", **HBO_30)
    voor = make_event(**HBO_30)
    klok.op(date(2026, 12, 2))

    await deliver(voor, at=om_12_uur(date(2026, 11, 30)))
    await deliver(eindhoven, at=om_12_uur(date(2026, 12, 1)))
    await deliver(helmond, at=om_12_uur(date(2026, 12, 1)))

    oud = await advies_van(client, auth, voor.inburgeraar_id, "GM0772")
    assert (oud["geadviseerdeLeerroute"], oud["beleid"]["bron"]) == ("b1-route", "standaard")
    groep = await advies_van(client, auth, eindhoven.inburgeraar_id, "GM0772")
    assert groep["geadviseerdeLeerroute"] == "onderwijsroute"
    assert groep["beleid"] == {
        "onderwijsrouteMaxLeeftijd": 32,
        "ingangsdatum": "2026-12-01",
        "bron": "samenwerkingsverband",
        "samenwerkingsverbandId": str(verband_id),
    }
    assert (
        "Beleid: de onderwijsroute tot 32 jaar, vastgesteld door samenwerkingsverband "
        "Zuidoost-Brabant met ingang van 2026-12-01." in groep["uitleg"]
    )
    apart = await advies_van(client, auth, helmond.inburgeraar_id, "GM0796")
    assert (apart["geadviseerdeLeerroute"], apart["beleid"]["bron"]) == ("b1-route", "gemeente")
    assert "vastgesteld door gemeente GM0796" in " ".join(apart["uitleg"])

    gemeente = (await client.get("/gemeentebeleid/GM0772", headers=auth("GM0772"))).json()
    assert gemeente["geldend"]["bron"] == "samenwerkingsverband"
    gelezen = (await lees(client, auth, verband_id, "GM0796")).json()
    assert gelezen["geldend"]["onderwijsrouteMaxLeeftijd"] == 32
    assert {k: gelezen[k] for k in ("leerroute", "leadGemeentecode", "gemeentecodes")} == {
        "leerroute": "onderwijsroute",
        "leadGemeentecode": "GM0772",
        "gemeentecodes": ["GM0772", "GM0796"],
    }


async def test_the_onderwijsroute_policy_comes_from_the_onderwijsroute_verband_only(
    client, auth, make_event, deliver
) -> None:
    """GM0794 buys the onderwijsroute with Eindhoven but not the B1-route; GM0796 buys only the
    B1-route with Eindhoven. The age limit is an onderwijsroute matter."""
    onderwijs, b1 = uuid.uuid4(), uuid.uuid4()
    await deliver(
        samenwerkingsverband_gewijzigd(
            onderwijs, leden={"GM0772": (SINDS, None), "GM0794": (SINDS, None)}
        )
    )
    await deliver(
        samenwerkingsverband_gewijzigd(
            b1, leden=REGIO, lead="GM0796", leerroute=Leerroute.B1_ROUTE, benaming="B1 Brabant"
        )
    )
    gezet = await beleid(client, auth("GM0772"), onderwijs, 32, "2026-11-29")
    voor_b1 = await beleid(client, auth("GM0796"), b1, 35, "2026-11-29")
    assert gezet.status_code == 201, gezet.text
    assert (voor_b1.status_code, voor_b1.json()["code"]) == (409, "beleid-voor-andere-leerroute")

    lid, geen_lid = (
        make_event(gemeentecode="GM0794", **HBO_30),
        make_event(gemeentecode="GM0796", **HBO_30),
    )
    await deliver(lid, at=om_12_uur(date(2026, 12, 1)))
    await deliver(geen_lid, at=om_12_uur(date(2026, 12, 1)))

    advies = await advies_van(client, auth, lid.inburgeraar_id, "GM0794")
    assert advies["geadviseerdeLeerroute"] == "onderwijsroute"
    assert (advies["beleid"]["bron"], advies["beleid"]["samenwerkingsverbandId"]) == (
        "samenwerkingsverband",
        str(onderwijs),
    )
    anders = await advies_van(client, auth, geen_lid.inburgeraar_id, "GM0796")
    assert (anders["geadviseerdeLeerroute"], anders["beleid"]["bron"]) == ("b1-route", "standaard")
    lijst = (await client.get("/samenwerkingsverbanden", headers=auth("GM0796"))).json()
    assert [(v["id"], v["leerroute"], v["versies"]) for v in lijst] == [(str(b1), "b1-route", [])]


async def test_a_membership_ended_before_the_peildatum_does_not_count(
    client, auth, make_event, deliver, klok
) -> None:
    verband_id = uuid.uuid4()
    await deliver(samenwerkingsverband_gewijzigd(verband_id, leden=REGIO))
    gezet = await beleid(client, auth("GM0772"), verband_id, 32, "2026-11-29")
    assert gezet.status_code == 201, gezet.text
    # Helmond leaves: a member until, not on, 1 December.
    await deliver(
        samenwerkingsverband_gewijzigd(
            verband_id,
            leden={"GM0772": (SINDS, None), "GM0796": (SINDS, date(2026, 12, 1))},
            versie=2,
        )
    )
    laatste_dag, na_vertrek = (
        make_event(gemeentecode="GM0796", **HBO_30),
        make_event(gemeentecode="GM0796", **HBO_30),
    )
    klok.op(date(2026, 12, 2))

    await deliver(na_vertrek, at=om_12_uur(date(2026, 12, 1)))
    # Delivered late: the membership on the day the intake was completed counts, not today's.
    await deliver(laatste_dag, at=om_12_uur(date(2026, 11, 30)))

    toen = await advies_van(client, auth, laatste_dag.inburgeraar_id, "GM0796")
    assert (toen["geadviseerdeLeerroute"], toen["beleid"]["bron"]) == (
        "onderwijsroute",
        "samenwerkingsverband",
    )
    nu = await advies_van(client, auth, na_vertrek.inburgeraar_id, "GM0796")
    assert (nu["geadviseerdeLeerroute"], nu["beleid"]["bron"]) == ("b1-route", "standaard")
    assert (await lees(client, auth, verband_id, "GM0796")).status_code == 404
    assert (await lees(client, auth, verband_id, "GM0772")).json()["gemeentecodes"] == ["GM0772"]


async def test_a_lower_or_equal_versie_is_ignored_and_a_redelivery_changes_nothing(
    client, auth, deliver
) -> None:
    verband_id = uuid.uuid4()
    drie_leden = {**REGIO, "GM0794": (SINDS, None)}
    versie_2 = samenwerkingsverband_gewijzigd(verband_id, leden=drie_leden, versie=2)

    await deliver(versie_2)
    await deliver(samenwerkingsverband_gewijzigd(verband_id, leden=REGIO, versie=1))
    await deliver(
        samenwerkingsverband_gewijzigd(verband_id, leden=REGIO, versie=2, benaming="Anders")
    )
    na_oudere = (await lees(client, auth, verband_id, "GM0772")).json()
    await deliver(versie_2)
    na_herhaling = (await lees(client, auth, verband_id, "GM0772")).json()
    await deliver(samenwerkingsverband_gewijzigd(verband_id, leden=REGIO, versie=3))
    bijgewerkt = (await lees(client, auth, verband_id, "GM0772")).json()

    assert (na_oudere["versie"], na_oudere["naam"], na_oudere["gemeentecodes"]) == (
        2,
        "Zuidoost-Brabant",
        ["GM0772", "GM0794", "GM0796"],
    )
    assert na_herhaling == na_oudere
    assert (bijgewerkt["versie"], bijgewerkt["gemeentecodes"]) == (3, ["GM0772", "GM0796"])


async def test_concurrent_versions_end_at_the_highest(client, auth, deliver) -> None:
    verband_id = uuid.uuid4()
    versies = [
        samenwerkingsverband_gewijzigd(
            verband_id, leden={f"GM{800 + n:04d}": (SINDS, None), **REGIO}, versie=n
        )
        for n in range(1, 6)
    ]

    await asyncio.gather(*(deliver(v) for v in reversed(versies)), deliver(versies[-1]))

    gelezen = (await lees(client, auth, verband_id, "GM0772")).json()
    assert (gelezen["versie"], gelezen["gemeentecodes"]) == (5, ["GM0772", "GM0796", "GM0805"])


async def test_only_the_lead_sets_the_group_policy(client, auth, deliver) -> None:
    verband_id = uuid.uuid4()
    await deliver(samenwerkingsverband_gewijzigd(verband_id, leden=REGIO))

    lid = await beleid(client, auth("GM0796"), verband_id, 30, "2027-01-01")
    vreemde = await beleid(client, auth("GM0855"), verband_id, 30, "2027-01-01")
    terugwerkend = await beleid(client, auth("GM0772"), verband_id, 30, "2026-11-28")
    aanbieder = await beleid(client, auth(rol=Rol.AANBIEDER), verband_id, 30, "2027-01-01")
    regio = await beleid(client, auth("GM0772", rol=Rol.REGIO), verband_id, 30, "2027-01-01")

    assert (lid.status_code, lid.json()["code"]) == (403, "beleid-alleen-door-lead")
    assert "GM0772" in lid.json()["detail"]
    assert (vreemde.status_code, vreemde.json()["code"]) == (
        404,
        "samenwerkingsverband-niet-gevonden",
    )
    assert (terugwerkend.status_code, terugwerkend.json()["code"]) == (
        400,
        "beleid-met-terugwerkende-kracht",
    )
    assert aanbieder.status_code == 403
    assert regio.status_code == 201, regio.text
    assert [v["onderwijsrouteMaxLeeftijd"] for v in regio.json()["versies"]] == [30]


async def test_another_tenants_samenwerkingsverband_is_not_found(client, auth, deliver) -> None:
    verband_id = uuid.uuid4()
    await deliver(
        samenwerkingsverband_gewijzigd(
            verband_id,
            leden={"GM0794": (SINDS, None), "GM0820": (SINDS, None)},
            lead="GM0794",
        )
    )
    buiten = auth("GM0772")

    lezen = await client.get(f"/samenwerkingsverbanden/{verband_id}", headers=buiten)
    onbekend = await client.get(f"/samenwerkingsverbanden/{uuid.uuid4()}", headers=buiten)
    lijst = await client.get("/samenwerkingsverbanden", headers=buiten)
    oprichten = await client.post(
        "/samenwerkingsverbanden",
        json={"naam": "Eigen verband", "gemeentecodes": ["GM0772"]},
        headers=buiten,
    )

    for response in (lezen, onbekend):
        assert (response.status_code, response.json()["code"]) == (
            404,
            "samenwerkingsverband-niet-gevonden",
        )
    assert lijst.json() == []
    # Founding one is contracts' business now.
    assert oprichten.status_code == 405
