"""Provider A cannot see or change provider B's placements: 404 on every endpoint."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from inburgering.contracts.adapters.tables import outbox_message, plaatsing
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration

DAG = (date.today() - timedelta(days=3)).isoformat()

ENDPOINTS = [
    ("GET", "", None),
    ("GET", "/uren", None),
    ("GET", "/examenresultaten", None),
    ("POST", "/acceptatie", None),
    ("POST", "/afwijzing", {"reden": "geen-plek"}),
    ("POST", "/start", {"startdatum": DAG}),
    ("POST", "/aanwezigheid", {"datum": DAG, "aanwezigUren": "3"}),
    ("POST", "/voortgangsrapportages", {"peildatum": DAG, "inzet": "voldoende"}),
    (
        "POST",
        "/examenresultaten",
        {"onderdeel": "knm", "examendatum": DAG, "niveau": "A2", "behaald": True},
    ),
    ("POST", "/afronding", {"einddatum": DAG}),
    ("POST", "/uitval", {"einddatum": DAG, "reden": "werk"}),
]


async def toestand(runtime) -> tuple:
    async with runtime.uow() as uow:
        s = uow.session
        statussen = (await s.execute(select(plaatsing.c.id, plaatsing.c.status))).all()
        berichten = (await s.execute(select(func.count()).select_from(outbox_message))).scalar()
    return sorted(statussen), berichten


@pytest.fixture
async def plaatsing_a(api, regio, vastgesteld, verwerk, auth):
    await verwerk(*vastgesteld(regio.lid))
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    [rij] = (await api.get("/plaatsingen", headers=eigen)).json()
    return rij["id"]


async def test_the_test_covers_every_endpoint_on_a_placement(api):
    spec = (await api.get("/openapi.json")).json()
    gedeclareerd = {
        (methode.upper(), pad.removeprefix("/plaatsingen/{plaatsing_id}"))
        for pad, methoden in spec["paths"].items()
        if pad.startswith("/plaatsingen/{plaatsing_id}")
        for methode in methoden
    }
    assert gedeclareerd == {(m, p) for m, p, _ in ENDPOINTS}


@pytest.mark.parametrize("gestart", [False, True], ids=["aangevraagd", "gestart"])
async def test_another_provider_gets_404_on_every_endpoint_and_changes_nothing(
    api, runtime, regio, auth, plaatsing_a, gestart
):
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    if gestart:
        await api.post(f"/plaatsingen/{plaatsing_a}/acceptatie", headers=eigen)
        await api.post(f"/plaatsingen/{plaatsing_a}/start", json={"startdatum": DAG}, headers=eigen)
    voor = await toestand(runtime)
    for methode, pad, body in ENDPOINTS:
        for kvk in (regio.kvk_ander, regio.kvk_geschorst, "99999999"):
            vreemd = auth(Rol.AANBIEDER, kvk=kvk)
            response = await api.request(
                methode, f"/plaatsingen/{plaatsing_a}{pad}", json=body, headers=vreemd
            )
            assert response.status_code == 404, (methode, pad, kvk, response.text)
            assert response.json()["code"] == "plaatsing-niet-gevonden"
            # Indistinguishable from a placement that does not exist at all.
            onbekend = await api.request(
                methode, f"/plaatsingen/{uuid.uuid4()}{pad}", json=body, headers=vreemd
            )
            assert onbekend.status_code == 404
            assert onbekend.json()["code"] == response.json()["code"]
    assert await toestand(runtime) == voor
    # The own provider still can: the 404s were about who asked, not about the placement.
    assert (await api.get(f"/plaatsingen/{plaatsing_a}", headers=eigen)).status_code == 200


async def test_only_the_provider_itself_reports(api, runtime, regio, auth, plaatsing_a):
    voor = await toestand(runtime)
    for methode, pad, body in ENDPOINTS:
        if methode != "POST":
            continue
        for rol in (Rol.GEMEENTE, Rol.REGIO, Rol.BEHEER, Rol.INSTELLING, Rol.DUO):
            headers = auth(rol, gemeentecodes=(regio.lid, regio.lead))
            response = await api.request(
                methode, f"/plaatsingen/{plaatsing_a}{pad}", json=body, headers=headers
            )
            assert response.status_code == 403, (pad, rol, response.text)
        zonder_token = await api.request(methode, f"/plaatsingen/{plaatsing_a}{pad}", json=body)
        assert zonder_token.status_code == 401
    assert await toestand(runtime) == voor
