"""A suspended or withdrawn keurmerk stops new placements but not running ones."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import contract, outbox_message, plaatsing
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration

START = date.today() - timedelta(days=40)


async def mijlpaal_events(runtime) -> list[dict]:
    async with runtime.uow() as uow:
        query = select(outbox_message.c.payload).where(
            outbox_message.c.event_type == "nl.inburgering.urenmijlpaal-bereikt"
        )
        return list((await uow.session.execute(query)).scalars().all())


@pytest.mark.parametrize("status", ["geschorst", "ingetrokken"])
async def test_a_lost_keurmerk_stops_new_placements_but_not_running_ones(
    api, runtime, regio, vastgesteld, verwerk, auth, status
):
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    lopend, _ = vastgesteld(regio.lid)
    await verwerk(lopend, _)
    [rij] = (await api.get("/plaatsingen", headers=eigen)).json()
    await api.post(f"/plaatsingen/{rij['id']}/acceptatie", headers=eigen)
    await api.post(
        f"/plaatsingen/{rij['id']}/start", json={"startdatum": START.isoformat()}, headers=eigen
    )

    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    gewijzigd = await api.put(
        f"/aanbieders/{regio.kvk_geldig}/keurmerk", json={"status": status}, headers=lead
    )
    assert gewijzigd.status_code == 200, gewijzigd.text
    assert gewijzigd.json()["keurmerk"]["status"] == status

    nieuw, envelope = vastgesteld(regio.lid)
    await verwerk(nieuw, envelope)
    async with runtime.uow() as uow:
        query = select(plaatsing.c.status).where(plaatsing.c.inburgeraar_id == nieuw.inburgeraar_id)
        assert (await uow.session.execute(query)).scalar_one() == "wachtlijst"
        bezet = select(contract.c.geplaatst).where(contract.c.id == regio.contract_geldig)
        assert (await uow.session.execute(bezet)).scalar_one() == 1

    # The running course goes on: attendance, milestones and completion still work.
    for dag in range(17):
        response = await api.post(
            f"/plaatsingen/{rij['id']}/aanwezigheid",
            json={"datum": (START + timedelta(days=dag)).isoformat(), "aanwezigUren": "24"},
            headers=eigen,
        )
        assert response.status_code == 201, response.text
    [mijlpaal] = await mijlpaal_events(runtime)
    assert mijlpaal["mijlpaal"] == 400
    # Hours after losing the keurmerk are not at a recognised institution.
    assert mijlpaal["erkendeInstelling"] is False
    afgerond = await api.post(
        f"/plaatsingen/{rij['id']}/afronding",
        json={"einddatum": date.today().isoformat()},
        headers=eigen,
    )
    assert afgerond.status_code == 200
    assert afgerond.json()["status"] == "afgerond"


async def test_a_restored_keurmerk_offers_free_places_to_the_waiting_list(
    api, runtime, regio, vastgesteld, verwerk, auth
):
    beheer = auth(Rol.BEHEER)
    await api.put(
        f"/aanbieders/{regio.kvk_geldig}/keurmerk", json={"status": "geschorst"}, headers=beheer
    )
    wachtend, envelope = vastgesteld(regio.lid)
    await verwerk(wachtend, envelope)
    hersteld = await api.put(
        f"/aanbieders/{regio.kvk_geldig}/keurmerk",
        json={"status": "geldig", "nummer": "KI-2031", "geldigTot": "2099-12-31"},
        headers=beheer,
    )
    assert hersteld.json()["keurmerk"] == {
        "status": "geldig",
        "nummer": "KI-2031",
        "geldigVan": None,
        "geldigTot": "2099-12-31",
    }
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    [rij] = (await api.get("/plaatsingen", headers=eigen)).json()
    assert rij["inburgeraarId"] == str(wachtend.inburgeraar_id)
    assert rij["status"] == "aangevraagd"


async def test_who_may_see_and_change_a_keurmerk(api, regio, auth):
    pad = f"/aanbieders/{regio.kvk_geldig}"
    body = {"status": "geschorst"}
    # A lead gemeente that did not contract the provider does not see it.
    for headers in (
        auth(Rol.REGIO, gemeentecodes=("GM0855",)),
        auth(Rol.REGIO, gemeentecodes=(regio.lid,)),
    ):
        assert (await api.get(pad, headers=headers)).status_code == 404
        geweigerd = await api.put(f"{pad}/keurmerk", json=body, headers=headers)
        assert geweigerd.status_code == 404
        assert geweigerd.json()["code"] == "aanbieder-niet-gevonden"
    for rol in (Rol.GEMEENTE, Rol.AANBIEDER, Rol.INSTELLING, Rol.DUO):
        headers = auth(rol, gemeentecodes=(regio.lead,), kvk=regio.kvk_geldig)
        assert (await api.put(f"{pad}/keurmerk", json=body, headers=headers)).status_code == 403
    eigen = await api.get(pad, headers=auth(Rol.AANBIEDER, kvk=regio.kvk_geldig))
    assert eigen.status_code == 200
    assert eigen.json()["keurmerk"]["status"] == "geldig"
    ander = await api.get(pad, headers=auth(Rol.AANBIEDER, kvk=regio.kvk_ander))
    assert ander.status_code == 404
    lead = await api.get(pad, headers=auth(Rol.REGIO, gemeentecodes=(regio.lead,)))
    assert lead.json()["kvk"] == regio.kvk_geldig
    ongeldig = await api.put(f"{pad}/keurmerk", json={"status": "kwijt"}, headers=auth(Rol.BEHEER))
    assert ongeldig.status_code == 400
