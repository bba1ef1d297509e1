"""Placements: automatic for asielstatushouders, on the gemeente's request for gezinsmigranten."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from inburgering.contracts.adapters.tables import outbox_message, plaatsing
from inburgering.shared.auth import Rol
from inburgering.shared.events.vocabulary import Doelgroep

pytestmark = pytest.mark.integration


async def aantallen(runtime) -> tuple[int, int]:
    async with runtime.uow() as uow:
        s = uow.session
        plaatsingen = (await s.execute(select(func.count()).select_from(plaatsing))).scalar()
        berichten = (await s.execute(select(func.count()).select_from(outbox_message))).scalar()
    return plaatsingen, berichten


@pytest.mark.parametrize("doelgroep", [Doelgroep.GEZINSMIGRANT, Doelgroep.OVERIGE_MIGRANT])
async def test_a_decided_leerroute_places_only_asielstatushouders(
    runtime, regio, vastgesteld, verwerk, doelgroep
):
    event, envelope = vastgesteld(regio.lid)
    await verwerk(event.model_copy(update={"doelgroep": doelgroep}), envelope)
    assert await aantallen(runtime) == (0, 0)


def verzoek(regio, **wijziging) -> dict:
    return {
        "inburgeraarId": str(uuid.uuid4()),
        "gemeentecode": regio.lid,
        "leerroute": "b1-route",
        "doelgroep": "gezinsmigrant",
        "leerrouteBesluitId": str(uuid.uuid4()),
        **wijziging,
    }


async def besloten(vastgesteld, verwerk, gemeentecode: str, **wijziging) -> dict:
    """A gezinsmigrant whose leerroute routes decided, as the request names it."""
    event, envelope = vastgesteld(gemeentecode)
    event = event.model_copy(update={"doelgroep": Doelgroep.GEZINSMIGRANT})
    await verwerk(event, envelope)
    return {
        "inburgeraarId": str(event.inburgeraar_id),
        "gemeentecode": gemeentecode,
        "leerroute": str(event.leerroute),
        "doelgroep": "gezinsmigrant",
        "leerrouteBesluitId": str(event.advies_id),
        **wijziging,
    }


async def test_a_gemeente_arranges_a_course_for_a_gezinsmigrant(
    api, runtime, regio, auth, vastgesteld, verwerk
):
    best = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    body = await besloten(vastgesteld, verwerk, regio.lid)
    response = await api.post("/plaatsingen", json=body, headers=best)
    assert response.status_code == 201, response.text
    gelezen = response.json()
    assert response.headers["Location"] == f"/v1/plaatsingen/{gelezen['id']}"
    assert gelezen["doelgroep"] == "gezinsmigrant"
    assert gelezen["status"] == "aangevraagd"
    assert gelezen["contractId"] == str(regio.contract_geldig)
    assert await aantallen(runtime) == (1, 1)
    aanbieder = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    assert (await api.get(f"/plaatsingen/{gelezen['id']}", headers=aanbieder)).status_code == 200

    nogmaals = await api.post("/plaatsingen", json=body, headers=best)
    assert nogmaals.status_code == 409
    assert nogmaals.json()["code"] == "plaatsing-bestaat-al"
    assert await aantallen(runtime) == (1, 1)


async def test_a_request_outside_the_rules_is_refused(api, runtime, regio, auth):
    best = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    asiel = await api.post(
        "/plaatsingen", json=verzoek(regio, doelgroep="asielstatushouder"), headers=best
    )
    assert asiel.status_code == 400
    assert asiel.json()["code"] == "geen-plaatsing-op-verzoek"
    helmond = auth(Rol.GEMEENTE, gemeentecodes=(regio.buitenstaander,))
    assert (await api.post("/plaatsingen", json=verzoek(regio), headers=helmond)).status_code == 403
    for rol in (Rol.REGIO, Rol.AANBIEDER, Rol.BEHEER):
        headers = auth(rol, gemeentecodes=(regio.lid,), kvk=regio.kvk_geldig)
        assert (
            await api.post("/plaatsingen", json=verzoek(regio), headers=headers)
        ).status_code == 403
    assert await aantallen(runtime) == (0, 0)


def _antwoord(response) -> tuple[int, str, list]:
    problem = response.json()
    return response.status_code, problem["code"], problem.get("invalidParams", [])


async def test_another_gemeentes_person_answers_like_a_missing_one_and_stays_theirs(
    api, runtime, regio, auth, vastgesteld, verwerk
):
    """Gemeente Eindhoven names Best's inburgeraar and decision: the same 404 as for random
    ids, nothing stored, and Best's own decision afterwards still places its person."""
    eindhoven = auth(Rol.GEMEENTE, gemeentecodes=(regio.lead,))
    event, envelope = vastgesteld(regio.lid)
    van_best = {
        "inburgeraarId": str(event.inburgeraar_id),
        "gemeentecode": regio.lead,
        "leerroute": "b1-route",
        "doelgroep": "gezinsmigrant",
        "leerrouteBesluitId": str(event.advies_id),
    }
    # Before Best's decision arrives, and after it (as a gezinsmigrant's, so nothing is placed).
    voor = await api.post("/plaatsingen", json=van_best, headers=eindhoven)
    await verwerk(event.model_copy(update={"doelgroep": Doelgroep.GEZINSMIGRANT}), envelope)
    na = await api.post("/plaatsingen", json=van_best, headers=eindhoven)
    willekeurig = await api.post(
        "/plaatsingen", json=verzoek(regio, gemeentecode=regio.lead), headers=eindhoven
    )
    eigen_persoon_ander_besluit = await api.post(
        "/plaatsingen",
        json={**van_best, "inburgeraarId": str(uuid.uuid4())},
        headers=eindhoven,
    )
    assert _antwoord(voor) == _antwoord(na) == _antwoord(willekeurig)
    assert _antwoord(eigen_persoon_ander_besluit) == _antwoord(willekeurig)
    assert _antwoord(willekeurig) == (404, "leerroutebesluit-niet-gevonden", [])
    assert await aantallen(runtime) == (0, 0)

    best = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    eigen = await api.post(
        "/plaatsingen", json={**van_best, "gemeentecode": regio.lid}, headers=best
    )
    assert eigen.status_code == 201, eigen.text
    assert eigen.json()["gemeentecode"] == regio.lid


async def test_a_request_that_contradicts_the_decision_names_each_field(
    api, runtime, regio, auth, vastgesteld, verwerk
):
    best = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    body = await besloten(vastgesteld, verwerk, regio.lid, leerroute="z-route")
    response = await api.post("/plaatsingen", json=body, headers=best)
    status, code, params = _antwoord(response)
    assert (status, code) == (400, "plaatsing-wijkt-af-van-besluit")
    assert [p["name"] for p in params] == ["body.leerroute"]
    assert "b1-route" in params[0]["reason"]

    event, envelope = vastgesteld(regio.lid)
    await verwerk(event, envelope)  # an asielstatushouder's decision: placed automatically
    als_gezinsmigrant = {
        "inburgeraarId": str(event.inburgeraar_id),
        "gemeentecode": regio.lid,
        "leerroute": "b1-route",
        "doelgroep": "gezinsmigrant",
        "leerrouteBesluitId": str(event.advies_id),
    }
    response = await api.post("/plaatsingen", json=als_gezinsmigrant, headers=best)
    assert _antwoord(response)[:2] == (400, "plaatsing-wijkt-af-van-besluit")
    assert [p["name"] for p in _antwoord(response)[2]] == ["body.doelgroep"]
    assert await aantallen(runtime) == (1, 1)  # only the automatic placement
