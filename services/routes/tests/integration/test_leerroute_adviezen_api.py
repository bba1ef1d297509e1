from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest

from inburgering.shared.auth import Rol
from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    LeerbaarheidstoetsUitslag,
    Opleidingsniveau,
)

pytestmark = pytest.mark.integration

PROBLEM_JSON = "application/problem+json"


async def advies_van(client, auth, inburgeraar_id: uuid.UUID) -> dict:
    response = await client.get(
        "/leerroute-adviezen", params={"inburgeraarId": str(inburgeraar_id)}, headers=auth()
    )
    assert response.status_code == 200, response.text
    [advies] = response.json()
    return advies


async def test_the_advice_is_listed_with_its_explanation(client, auth, handle) -> None:
    event = await handle(ambitie=Ambitie.WERK, leeftijd=31)

    advies = await advies_van(client, auth, event.inburgeraar_id)

    assert set(advies) == {
        "id",
        "inburgeraarId",
        "gemeentecode",
        "geadviseerdeLeerroute",
        "regel",
        "regelsetVersie",
        "beleid",
        "alfabetisering",
        "uitleg",
        "status",
        "vastgesteldeLeerroute",
        "taalniveaus",
        "motivering",
        "geadviseerdOp",
        "vastgesteldOp",
        "gewijzigdOp",
        "termijn",
    }
    assert advies["inburgeraarId"] == str(event.inburgeraar_id)
    assert (advies["geadviseerdeLeerroute"], advies["regel"]) == ("b1-route", "R-B1-HAALBAAR")
    assert advies["regelsetVersie"] == "2026.1"
    assert advies["beleid"] == {
        "onderwijsrouteMaxLeeftijd": 28,
        "ingangsdatum": None,
        "bron": "standaard",
        "samenwerkingsverbandId": None,
    }
    assert advies["alfabetisering"] is None
    assert advies["taalniveaus"] == dict.fromkeys(
        ("lezen", "luisteren", "schrijven", "spreken"), "B1"
    )
    assert advies["termijn"] is None
    assert advies["uitleg"][0] == "Uitslag van de leerbaarheidstoets: B1 haalbaar."
    assert (advies["status"], advies["vastgesteldeLeerroute"]) == ("geadviseerd", None)
    assert advies["vastgesteldOp"] is None
    assert advies["geadviseerdOp"].endswith("Z")

    one = await client.get(f"/leerroute-adviezen/{advies['id']}", headers=auth())
    assert one.status_code == 200
    assert one.json() == advies
    assert one.headers["API-Version"] == "0.3.0"


async def test_confirming_the_advice_publishes_leerroute_vastgesteld(
    client, auth, handle, outbox
) -> None:
    event = await handle(
        doelgroep=Doelgroep.GEZINSMIGRANT,
        ambitie=Ambitie.HBO,
        opleidingsniveau=Opleidingsniveau.MBO,
        leeftijd=24,
    )
    advies = await advies_van(client, auth, event.inburgeraar_id)

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/vaststellen", json={}, headers=auth()
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["vastgesteldeLeerroute"]) == ("vastgesteld", "onderwijsroute")
    assert body["vastgesteldOp"] is not None
    [row] = await outbox("leerroute-vastgesteld")
    assert (row["topic"], row["aggregate_id"]) == ("routes.leerroute", str(event.inburgeraar_id))
    assert row["payload"] == {
        "adviesId": advies["id"],
        "inburgeraarId": str(event.inburgeraar_id),
        "gemeentecode": "GM0772",
        "leerroute": "onderwijsroute",
        "afwijkendVanAdvies": False,
        "doelgroep": "gezinsmigrant",
        "ambitie": "hbo",
        "opleidingsniveau": "mbo",
    }


async def test_deviating_without_motivering_is_refused_and_writes_nothing(
    client, auth, handle, outbox
) -> None:
    event = await handle()
    advies = await advies_van(client, auth, event.inburgeraar_id)

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/vaststellen",
        json={"leerroute": "z-route"},
        headers=auth(),
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["code"] == "motivering-vereist"
    assert "motivering" in response.json()["detail"]
    assert await advies_van(client, auth, event.inburgeraar_id) == advies
    assert await outbox("leerroute-vastgesteld") == []


async def test_deviating_with_motivering_is_recorded_as_deviating(
    client, auth, handle, outbox
) -> None:
    event = await handle()
    advies = await advies_van(client, auth, event.inburgeraar_id)

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/vaststellen",
        json={"leerroute": "z-route", "motivering": "Proeflessen wijzen op de Z-route."},
        headers=auth(),
    )

    assert response.status_code == 200, response.text
    assert response.json()["vastgesteldeLeerroute"] == "z-route"
    assert response.json()["geadviseerdeLeerroute"] == "b1-route"
    assert response.json()["motivering"] == "Proeflessen wijzen op de Z-route."
    [row] = await outbox("leerroute-vastgesteld")
    assert (row["payload"]["leerroute"], row["payload"]["afwijkendVanAdvies"]) == ("z-route", True)
    assert "motivering" not in row["payload"]


async def test_a_second_vaststellen_conflicts(client, auth, handle, outbox) -> None:
    event = await handle()
    advies = await advies_van(client, auth, event.inburgeraar_id)
    url = f"/leerroute-adviezen/{advies['id']}/vaststellen"
    assert (await client.post(url, json={}, headers=auth())).status_code == 200

    again = await client.post(
        url, json={"leerroute": "z-route", "motivering": "toch anders"}, headers=auth()
    )

    assert again.status_code == 409
    assert again.headers["content-type"] == PROBLEM_JSON
    assert again.json()["code"] == "advies-al-vastgesteld"
    assert (await advies_van(client, auth, event.inburgeraar_id))["vastgesteldeLeerroute"] == (
        "b1-route"
    )
    assert len(await outbox("leerroute-vastgesteld")) == 1


async def test_without_an_advice_a_person_chooses_with_reasons(client, auth, handle) -> None:
    event = await handle(leerbaarheidstoets=LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING)
    advies = await advies_van(client, auth, event.inburgeraar_id)
    assert advies["geadviseerdeLeerroute"] is None
    url = f"/leerroute-adviezen/{advies['id']}/vaststellen"

    zonder_route = await client.post(url, json={"motivering": "reden"}, headers=auth())
    zonder_reden = await client.post(url, json={"leerroute": "z-route"}, headers=auth())
    gemotiveerd = await client.post(
        url, json={"leerroute": "z-route", "motivering": "Toets niet afneembaar."}, headers=auth()
    )

    assert (zonder_route.status_code, zonder_route.json()["code"]) == (400, "leerroute-vereist")
    assert (zonder_reden.status_code, zonder_reden.json()["code"]) == (400, "motivering-vereist")
    assert gemotiveerd.status_code == 200, gemotiveerd.text
    assert gemotiveerd.json()["vastgesteldeLeerroute"] == "z-route"


async def test_another_gemeente_cannot_see_or_decide_the_advice(
    client, auth, handle, outbox
) -> None:
    event = await handle()
    advies = await advies_van(client, auth, event.inburgeraar_id)
    andere = auth("GM0796")

    get = await client.get(f"/leerroute-adviezen/{advies['id']}", headers=andere)
    post = await client.post(
        f"/leerroute-adviezen/{advies['id']}/vaststellen", json={}, headers=andere
    )
    lijst = await client.get("/leerroute-adviezen", headers=andere)
    gefilterd = await client.get(
        "/leerroute-adviezen", params={"inburgeraarId": str(event.inburgeraar_id)}, headers=andere
    )

    assert (get.status_code, get.json()["code"]) == (404, "advies-niet-gevonden")
    assert (post.status_code, post.json()["code"]) == (404, "advies-niet-gevonden")
    assert (lijst.status_code, lijst.json()) == (200, [])
    assert (gefilterd.status_code, gefilterd.json()) == (200, [])
    assert (await advies_van(client, auth, event.inburgeraar_id))["status"] == "geadviseerd"
    assert await outbox("leerroute-vastgesteld") == []


async def test_unknown_advice_is_not_found(client, auth) -> None:
    response = await client.get(f"/leerroute-adviezen/{uuid.uuid4()}", headers=auth())
    assert (response.status_code, response.json()["code"]) == (404, "advies-niet-gevonden")


async def test_the_list_pages_and_filters(client, auth, handle, klok) -> None:
    eerste = await handle()
    klok.nu += timedelta(minutes=1)
    tweede = await handle()
    await handle(gemeentecode="GM0796")

    alles = (await client.get("/leerroute-adviezen", headers=auth())).json()
    pagina = (
        await client.get("/leerroute-adviezen", params={"limit": 1, "offset": 1}, headers=auth())
    ).json()
    beide = (await client.get("/leerroute-adviezen", headers=auth("GM0772", "GM0796"))).json()

    assert [a["inburgeraarId"] for a in alles] == [
        str(eerste.inburgeraar_id),
        str(tweede.inburgeraar_id),
    ]
    assert [a["inburgeraarId"] for a in pagina] == [str(tweede.inburgeraar_id)]
    assert len(beide) == 3


async def test_invalid_input_is_a_400_naming_each_invalid_field(client, auth, handle) -> None:
    event = await handle()
    advies = await advies_van(client, auth, event.inburgeraar_id)

    body = await client.post(
        f"/leerroute-adviezen/{advies['id']}/vaststellen",
        json={"leerroute": "a2-route", "motivering": "x" * 4001, "extra": 1},
        headers=auth(),
    )
    query = await client.get(
        "/leerroute-adviezen",
        params={"inburgeraarId": "geen-uuid", "limit": 0},
        headers=auth(),
    )

    assert body.status_code == 400
    assert body.headers["content-type"] == PROBLEM_JSON
    assert {p["name"] for p in body.json()["invalidParams"]} == {
        "body.leerroute",
        "body.motivering",
        "body.extra",
    }
    assert query.status_code == 400
    assert {p["name"] for p in query.json()["invalidParams"]} == {
        "query.inburgeraarId",
        "query.limit",
    }


async def test_a_token_is_required_and_only_gemeenten_may_use_the_api(client, auth) -> None:
    anoniem = await client.get("/leerroute-adviezen")
    aanbieder = await client.get("/leerroute-adviezen", headers=auth(rol=Rol.AANBIEDER))

    assert (anoniem.status_code, anoniem.json()["code"]) == (401, "niet-geauthenticeerd")
    assert (aanbieder.status_code, aanbieder.json()["code"]) == (403, "geen-toegang")


async def test_openapi_documents_the_problem_responses(client) -> None:
    spec = (await client.get("/openapi.json")).json()
    vaststellen = spec["paths"]["/leerroute-adviezen/{advies_id}/vaststellen"]["post"]
    assert set(vaststellen["responses"]) >= {"200", "400", "401", "403", "404", "409"}
    assert "API-Version" in vaststellen["responses"]["200"]["headers"]
    assert "application/problem+json" in vaststellen["responses"]["409"]["content"]
    for actie in ("wijzigen", "afschalen"):
        post = spec["paths"][f"/leerroute-adviezen/{{advies_id}}/{actie}"]["post"]
        assert set(post["responses"]) >= {"200", "400", "401", "403", "404", "409"}
    assert "/inburgeringstermijnen/{inburgeraar_id}" in spec["paths"]


async def test_concurrent_decisions_on_one_advice_let_exactly_one_win(
    client, auth, handle, outbox
) -> None:
    event = await handle()
    advies = await advies_van(client, auth, event.inburgeraar_id)
    url = f"/leerroute-adviezen/{advies['id']}/vaststellen"
    keuzes = [{}, {"leerroute": "z-route", "motivering": "proefles"}] * 3

    responses = await asyncio.gather(*(client.post(url, json=k, headers=auth()) for k in keuzes))

    assert sorted(r.status_code for r in responses) == [200, 409, 409, 409, 409, 409]
    [row] = await outbox("leerroute-vastgesteld")
    winner = next(r.json() for r in responses if r.status_code == 200)
    assert row["payload"]["leerroute"] == winner["vastgesteldeLeerroute"]
