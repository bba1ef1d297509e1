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


async def test_a_gemeente_arranges_a_course_for_a_gezinsmigrant(api, runtime, regio, auth):
    best = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    body = verzoek(regio)
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
