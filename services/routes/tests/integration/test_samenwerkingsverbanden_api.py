"""Policy per samenwerkingsverband through the API, on PostgreSQL: precedence gemeente's own >
samenwerkingsverband's > platform default, from an ingangsdatum on, named in the advice."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from inburgering.shared.auth import Rol
from inburgering.shared.events.vocabulary import Ambitie

pytestmark = pytest.mark.integration

REGIO = ("GM0772", "GM0796")
HBO_30 = {"ambitie": Ambitie.HBO, "leeftijd": 30}


async def richt_op(client, auth, naam: str = "Zuidoost-Brabant", codes=REGIO) -> dict:
    response = await client.post(
        "/samenwerkingsverbanden",
        json={"naam": naam, "gemeentecodes": list(codes)},
        headers=auth(*codes, rol=Rol.REGIO),
    )
    assert response.status_code == 201, response.text
    return response.json()


async def beleid(client, headers, verband_id: str, leeftijd: int, ingang: str):
    return await client.post(
        f"/samenwerkingsverbanden/{verband_id}/beleid",
        json={"onderwijsrouteMaxLeeftijd": leeftijd, "ingangsdatum": ingang},
        headers=headers,
    )


async def advies_van(client, auth, inburgeraar_id: uuid.UUID) -> dict:
    [advies] = (
        await client.get(
            "/leerroute-adviezen", params={"inburgeraarId": str(inburgeraar_id)}, headers=auth()
        )
    ).json()
    return advies


async def test_the_group_policy_applies_unless_the_gemeente_has_its_own(
    client, auth, make_event, deliver, klok
) -> None:
    verband = await richt_op(client, auth)
    assert verband["gemeentecodes"] == list(REGIO) and verband["geldend"] is None
    regio = auth(*REGIO, rol=Rol.REGIO)
    gezet = await beleid(client, regio, verband["id"], 32, "2026-12-01")
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

    await deliver(voor, at=datetime(2026, 11, 30, 12, 0, tzinfo=UTC))
    await deliver(eindhoven, at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    await deliver(helmond, at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))

    oud = await advies_van(client, auth, voor.inburgeraar_id)
    assert (oud["geadviseerdeLeerroute"], oud["beleid"]["bron"]) == ("b1-route", "standaard")
    groep = await advies_van(client, auth, eindhoven.inburgeraar_id)
    assert groep["geadviseerdeLeerroute"] == "onderwijsroute"
    assert groep["beleid"] == {
        "onderwijsrouteMaxLeeftijd": 32,
        "ingangsdatum": "2026-12-01",
        "bron": "samenwerkingsverband",
        "samenwerkingsverbandId": verband["id"],
    }
    assert (
        "Beleid: de onderwijsroute tot 32 jaar, vastgesteld door samenwerkingsverband "
        "Zuidoost-Brabant met ingang van 2026-12-01." in groep["uitleg"]
    )
    apart = await advies_van(client, lambda: auth("GM0796"), helmond.inburgeraar_id)
    assert (apart["geadviseerdeLeerroute"], apart["beleid"]["bron"]) == ("b1-route", "gemeente")
    assert "vastgesteld door gemeente GM0796" in " ".join(apart["uitleg"])

    gemeente = (await client.get("/gemeentebeleid/GM0772", headers=regio)).json()
    assert gemeente["geldend"]["bron"] == "samenwerkingsverband"
    gelezen = await client.get(f"/samenwerkingsverbanden/{verband['id']}", headers=auth())
    assert gelezen.json()["geldend"]["onderwijsrouteMaxLeeftijd"] == 32


async def test_only_a_client_acting_for_every_member_sets_the_group_policy(client, auth) -> None:
    verband = await richt_op(client, auth)

    eén_lid = await beleid(client, auth("GM0772"), verband["id"], 30, "2027-01-01")
    terugwerkend = await beleid(
        client, auth(*REGIO, rol=Rol.REGIO), verband["id"], 30, "2026-11-28"
    )
    aanbieder = await beleid(client, auth(rol=Rol.AANBIEDER), verband["id"], 30, "2027-01-01")

    assert eén_lid.status_code == 403 and "GM0796" in eén_lid.json()["detail"]
    assert (terugwerkend.status_code, terugwerkend.json()["code"]) == (
        400,
        "beleid-met-terugwerkende-kracht",
    )
    assert aanbieder.status_code == 403
    assert (await client.get(f"/samenwerkingsverbanden/{verband['id']}", headers=auth())).json()[
        "versies"
    ] == []


async def test_another_tenants_samenwerkingsverband_is_not_found(client, auth) -> None:
    verband = await richt_op(client, auth, codes=("GM0794", "GM0820"))
    buiten = auth("GM0772")

    lezen = await client.get(f"/samenwerkingsverbanden/{verband['id']}", headers=buiten)
    zetten = await beleid(client, buiten, verband["id"], 30, "2027-01-01")
    onbekend = await client.get(f"/samenwerkingsverbanden/{uuid.uuid4()}", headers=buiten)
    lijst = await client.get("/samenwerkingsverbanden", headers=buiten)

    for response in (lezen, zetten, onbekend):
        assert (response.status_code, response.json()["code"]) == (
            404,
            "samenwerkingsverband-niet-gevonden",
        )
    assert verband["id"] not in [v["id"] for v in lijst.json()]


async def test_a_gemeente_belongs_to_one_samenwerkingsverband_and_acts_for_its_own(
    client, auth
) -> None:
    await richt_op(client, auth)

    tweede = await client.post(
        "/samenwerkingsverbanden",
        json={"naam": "Ander verband", "gemeentecodes": ["GM0796", "GM0794"]},
        headers=auth("GM0796", "GM0794", rol=Rol.REGIO),
    )
    namens_ander = await client.post(
        "/samenwerkingsverbanden",
        json={"naam": "Te ruim", "gemeentecodes": ["GM0794", "GM0820"]},
        headers=auth("GM0794"),
    )
    ongeldig = await client.post(
        "/samenwerkingsverbanden", json={"naam": "", "gemeentecodes": ["0772"]}, headers=auth()
    )
    nul = await client.post(
        "/samenwerkingsverbanden",
        json={"naam": "a\x00b", "gemeentecodes": ["GM0772"]},
        headers=auth(),
    )

    assert (tweede.status_code, tweede.json()["code"]) == (
        409,
        "gemeente-al-in-samenwerkingsverband",
    )
    assert "GM0796" in tweede.json()["detail"]
    assert namens_ander.status_code == 403 and "GM0820" in namens_ander.json()["detail"]
    assert ongeldig.status_code == 400
    namen = {p["name"] for p in ongeldig.json()["invalidParams"]}
    assert {n.split(".")[1] for n in namen} == {"naam", "gemeentecodes"}, namen
    assert nul.status_code == 400
