"""Changing and scaling down a decided leerroute through the API ([Wi] 17.2–17.3)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from inburgering.shared.events.vocabulary import Ambitie, Opleidingsniveau

from .conftest import pip_vastgesteld, uren_mijlpaal

pytestmark = pytest.mark.integration

PROBLEM_JSON = "application/problem+json"
DAGTEKENING = date(2026, 11, 20)  # the termijn starts 2026-11-21; changes until 2028-05-20


async def vastgesteld(client, auth, handle, deliver, **feiten) -> tuple[dict, uuid.UUID]:
    """An inburgeraar with a decided leerroute (the advice confirmed) and a first PIP."""
    event = await handle(**feiten)
    [advies] = (
        await client.get(
            "/leerroute-adviezen",
            params={"inburgeraarId": str(event.inburgeraar_id)},
            headers=auth(),
        )
    ).json()
    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/vaststellen", json={}, headers=auth()
    )
    assert response.status_code == 200, response.text
    await deliver(pip_vastgesteld(event.inburgeraar_id, DAGTEKENING))
    return response.json(), event.inburgeraar_id


ONDERWIJS = {"ambitie": Ambitie.HBO, "opleidingsniveau": Opleidingsniveau.WO, "leeftijd": 22}


async def test_a_change_within_18_months_publishes_leerroute_gewijzigd(
    client, auth, handle, deliver, outbox, klok
) -> None:
    advies, persoon = await vastgesteld(client, auth, handle, deliver)
    klok.op(date(2028, 5, 20))

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "z-route", "motivering": "Voortgang blijft ver achter."},
        headers=auth(),
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["vastgesteldeLeerroute"], body["geadviseerdeLeerroute"]) == ("z-route", "b1-route")
    assert body["gewijzigdOp"] is not None
    assert body["termijn"]["routewijzigingVensterSluit"] == "2028-05-21"
    [row] = await outbox("leerroute-gewijzigd")
    assert row["payload"] == {
        "adviesId": advies["id"],
        "inburgeraarId": str(persoon),
        "gemeentecode": "GM0772",
        "vorigeLeerroute": "b1-route",
        "leerroute": "z-route",
        "ingangsdatum": "2028-05-20",
    }
    [wijziging] = (
        await client.get(f"/leerroute-adviezen/{advies['id']}/wijzigingen", headers=auth())
    ).json()
    assert (wijziging["soort"], wijziging["grond"]) == ("wijziging", "voortgang")
    assert wijziging["motivering"] == "Voortgang blijft ver achter."


async def test_a_change_after_18_months_is_refused_naming_the_rule(
    client, auth, handle, deliver, outbox, klok
) -> None:
    advies, _ = await vastgesteld(client, auth, handle, deliver)
    klok.op(date(2028, 5, 21))

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "z-route", "motivering": "Voortgang blijft ver achter."},
        headers=auth(),
    )

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["code"] == "routewijziging-venster-gesloten"
    assert "art. 17 lid 2" in problem["title"]
    assert "Regel R4" in problem["detail"]
    assert "art. 5.4 Besluit inburgering 2021" in problem["detail"]
    assert "2026-11-21" in problem["detail"] and "2028-05-21" in problem["detail"]
    assert await outbox("leerroute-gewijzigd") == []
    unchanged = (await client.get(f"/leerroute-adviezen/{advies['id']}", headers=auth())).json()
    assert unchanged["vastgesteldeLeerroute"] == "b1-route"


async def test_onderwijsroute_to_b1_is_allowed_after_18_months(
    client, auth, handle, deliver, outbox, klok
) -> None:
    advies, _ = await vastgesteld(client, auth, handle, deliver, **ONDERWIJS)
    assert advies["vastgesteldeLeerroute"] == "onderwijsroute"
    klok.op(date(2029, 6, 1))

    naar_z = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "z-route", "motivering": "Taalschakeltraject gestopt."},
        headers=auth(),
    )
    naar_b1 = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "b1-route", "motivering": "Taalschakeltraject gestopt."},
        headers=auth(),
    )

    assert naar_z.status_code == 409
    assert naar_b1.status_code == 200, naar_b1.text
    [row] = await outbox("leerroute-gewijzigd")
    assert (row["payload"]["vorigeLeerroute"], row["payload"]["leerroute"]) == (
        "onderwijsroute",
        "b1-route",
    )


async def test_after_a_non_exempting_course_a_change_is_allowed_later(
    client, auth, handle, deliver, klok
) -> None:
    advies, _ = await vastgesteld(client, auth, handle, deliver)
    klok.op(date(2029, 1, 1))

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={
            "leerroute": "z-route",
            "grond": "niet-vrijstellende-opleiding",
            "motivering": "Aangewezen opleiding afgebroken.",
        },
        headers=auth(),
    )

    assert response.status_code == 200, response.text


async def test_an_undecided_leerroute_cannot_change(client, auth, handle) -> None:
    event = await handle()
    [advies] = (
        await client.get(
            "/leerroute-adviezen",
            params={"inburgeraarId": str(event.inburgeraar_id)},
            headers=auth(),
        )
    ).json()

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "z-route", "motivering": "x"},
        headers=auth(),
    )

    assert (response.status_code, response.json()["code"]) == (409, "leerroute-niet-vastgesteld")


async def test_a_change_without_motivering_is_a_400(client, auth, handle, deliver) -> None:
    advies, _ = await vastgesteld(client, auth, handle, deliver)
    leeg = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "z-route", "motivering": " "},
        headers=auth(),
    )
    ontbreekt = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "z-route"},
        headers=auth(),
    )
    assert (leeg.status_code, leeg.json()["code"]) == (400, "motivering-vereist")
    assert ontbreekt.status_code == 400
    assert {p["name"] for p in ontbreekt.json()["invalidParams"]} == {"body.motivering"}


async def test_another_gemeente_cannot_change_or_scale_down(
    client, auth, handle, deliver, outbox
) -> None:
    advies, _ = await vastgesteld(client, auth, handle, deliver)
    andere = auth("GM0796")

    wijzigen = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "z-route", "motivering": "x"},
        headers=andere,
    )
    afschalen = await client.post(
        f"/leerroute-adviezen/{advies['id']}/afschalen",
        json={"vaardigheden": ["spreken"], "motivering": "x"},
        headers=andere,
    )
    historie = await client.get(f"/leerroute-adviezen/{advies['id']}/wijzigingen", headers=andere)

    for response in (wijzigen, afschalen, historie):
        assert (response.status_code, response.json()["code"]) == (404, "advies-niet-gevonden")
    assert await outbox("leerroute-gewijzigd") == []


async def test_scaling_down_counts_only_hours_at_recognised_institutions(
    client, auth, handle, deliver, outbox
) -> None:
    advies, persoon = await vastgesteld(client, auth, handle, deliver)
    eerste, tweede = uuid.uuid4(), uuid.uuid4()
    await deliver(uren_mijlpaal(persoon, 420.0, plaatsing_id=eerste))
    await deliver(uren_mijlpaal(persoon, 800.0, plaatsing_id=tweede, erkend=False, mijlpaal=800))
    url = f"/leerroute-adviezen/{advies['id']}/afschalen"
    verzoek = {"vaardigheden": ["spreken", "schrijven"], "motivering": "Alle lessen gevolgd."}

    te_weinig = await client.post(url, json=verzoek, headers=auth())

    assert te_weinig.status_code == 409
    assert te_weinig.json()["code"] == "onvoldoende-nt2-uren"
    assert "Regel R9" in te_weinig.json()["detail"]
    assert "420 uur" in te_weinig.json()["detail"]

    # A second recognised placement brings the total to 620; a late, lower report changes nothing.
    await deliver(uren_mijlpaal(persoon, 200.0, plaatsing_id=tweede))
    await deliver(uren_mijlpaal(persoon, 150.0, plaatsing_id=tweede))
    genoeg = await client.post(url, json=verzoek, headers=auth())

    assert genoeg.status_code == 200, genoeg.text
    assert genoeg.json()["taalniveaus"] == {
        "lezen": "B1",
        "luisteren": "B1",
        "schrijven": "A2",
        "spreken": "A2",
    }
    [row] = await outbox("afschaling-a2-besloten")
    assert row["payload"] == {
        "adviesId": advies["id"],
        "inburgeraarId": str(persoon),
        "gemeentecode": "GM0772",
        "vaardigheden": ["schrijven", "spreken"],
        "nt2Uren": 620.0,
        "ingangsdatum": "2026-11-28",
    }
    nogmaals = await client.post(
        url, json={"vaardigheden": ["spreken"], "motivering": "x"}, headers=auth()
    )
    assert (nogmaals.status_code, nogmaals.json()["code"]) == (409, "vaardigheid-al-afgeschaald")


async def test_scaling_down_is_only_possible_from_the_b1_route(
    client, auth, handle, deliver, outbox
) -> None:
    advies, persoon = await vastgesteld(client, auth, handle, deliver, **ONDERWIJS)
    await deliver(uren_mijlpaal(persoon, 900.0, plaatsing_id=uuid.uuid4(), mijlpaal=800))

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/afschalen",
        json={"vaardigheden": ["spreken"], "motivering": "Alle lessen gevolgd."},
        headers=auth(),
    )

    assert (response.status_code, response.json()["code"]) == (
        409,
        "afschaling-alleen-vanuit-b1-route",
    )
    assert "art. 17 lid 3" in response.json()["detail"]
    assert await outbox("afschaling-a2-besloten") == []


async def test_a_route_change_resets_a_scaling_down(client, auth, handle, deliver, klok) -> None:
    advies, persoon = await vastgesteld(client, auth, handle, deliver)
    await deliver(uren_mijlpaal(persoon, 600.0, plaatsing_id=uuid.uuid4(), mijlpaal=600))
    basis = f"/leerroute-adviezen/{advies['id']}"
    await client.post(
        f"{basis}/afschalen", json={"vaardigheden": ["spreken"], "motivering": "x"}, headers=auth()
    )
    klok.op(date(2026, 12, 1))

    gewijzigd = await client.post(
        f"{basis}/wijzigen", json={"leerroute": "z-route", "motivering": "y"}, headers=auth()
    )

    assert set(gewijzigd.json()["taalniveaus"].values()) == {"B1"}
    historie = (await client.get(f"{basis}/wijzigingen", headers=auth())).json()
    assert [(h["soort"], h["leerroute"]) for h in historie] == [
        ("afschaling", "b1-route"),
        ("wijziging", "z-route"),
    ]
    assert historie[0]["vaardigheden"] == ["spreken"]
    assert historie[0]["nt2Uren"] == 600.0
