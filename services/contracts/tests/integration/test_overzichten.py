"""The lead gemeente's views: utilisation, spend and waiting list, as aggregate figures only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import plaatsing
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration

START = (date.today() - timedelta(days=10)).isoformat()


@pytest.fixture
async def bezet(api, regio, vastgesteld, verwerk, auth):
    """Best 4 and Eindhoven 1 placed (full), Best 2 waiting, Helmond 1 outside any verband."""
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    await api.patch(
        f"/contracten/{regio.contract_geldig}", json={"prijsBedrag": "1000.00"}, headers=lead
    )
    for code in [regio.lid] * 4 + [regio.lead] + [regio.lid] * 2 + [regio.buitenstaander]:
        await verwerk(*vastgesteld(code))
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    for rij in (await api.get("/plaatsingen", headers=eigen)).json()[:2]:
        await api.post(f"/plaatsingen/{rij['id']}/acceptatie", headers=eigen)
        await api.post(f"/plaatsingen/{rij['id']}/start", json={"startdatum": START}, headers=eigen)
    return lead


async def test_utilisation_per_contract_and_gemeente(api, regio, bezet):
    response = await api.get("/overzichten/benutting", headers=bezet)
    assert response.status_code == 200
    per_contract = {r["contractId"]: r for r in response.json()}
    assert set(per_contract) == {
        str(regio.contract_geldig),
        str(regio.contract_geschorst),
        str(regio.contract_ander),
    }
    vol = per_contract[str(regio.contract_geldig)]
    assert (vol["capaciteit"], vol["geplaatst"], vol["bezettingProcent"]) == (5, 5, 100.0)
    assert vol["plaatsingenInPeriode"] == 5
    assert vol["perGemeente"] == [
        {"gemeentecode": regio.lid, "plaatsingen": 4},
        {"gemeentecode": regio.lead, "plaatsingen": 1},
    ]
    assert per_contract[str(regio.contract_geschorst)]["geplaatst"] == 0

    morgen = (date.today() + timedelta(days=1)).isoformat()
    later = await api.get("/overzichten/benutting", params={"van": morgen}, headers=bezet)
    assert {r["plaatsingenInPeriode"] for r in later.json()} == {0}


async def test_spend_by_price_unit(api, regio, bezet):
    response = await api.get("/overzichten/uitgaven", headers=bezet)
    assert response.status_code == 200
    body = response.json()
    assert body["perPrijsEenheid"] == [
        {"prijsEenheid": "traject", "eenheden": "2", "bedrag": "2000.00"}
    ]
    [geldig] = [c for c in body["perContract"] if c["contractId"] == str(regio.contract_geldig)]
    assert (geldig["eenheden"], geldig["bedrag"]) == ("2", "2000.00")
    voor_de_start = (date.today() - timedelta(days=30)).isoformat()
    vroeg = await api.get("/overzichten/uitgaven", params={"tot": voor_de_start}, headers=bezet)
    assert vroeg.json()["perPrijsEenheid"][0]["bedrag"] == "0.00"


async def test_waiting_placements_are_counted_not_listed(api, runtime, regio, bezet):
    response = await api.get("/overzichten/wachtlijst", headers=bezet)
    [rij] = response.json()
    assert (rij["samenwerkingsverbandId"], rij["gemeentecode"], rij["aantal"]) == (
        str(regio.verband_id),
        regio.lid,
        2,
    )
    async with runtime.uow() as uow:
        rows = (await uow.session.execute(select(plaatsing.c.id, plaatsing.c.inburgeraar_id))).all()
    teksten = [
        (await api.get(f"/overzichten/{naam}", headers=bezet)).text
        for naam in ("benutting", "uitgaven", "wachtlijst")
    ]
    for plaatsing_id, inburgeraar_id in rows:
        for tekst in teksten:
            assert str(plaatsing_id) not in tekst and str(inburgeraar_id) not in tekst


async def test_the_views_are_for_the_lead_gemeente_only(api, regio, bezet, auth):
    for codes in (("GM0855",), (regio.lid,)):
        ander = auth(Rol.REGIO, gemeentecodes=codes)
        for naam in ("benutting", "wachtlijst"):
            assert (await api.get(f"/overzichten/{naam}", headers=ander)).json() == []
        leeg = (await api.get("/overzichten/uitgaven", headers=ander)).json()
        assert leeg == {"perPrijsEenheid": [], "perContract": [], "perPeriode": None}
    for rol in (Rol.GEMEENTE, Rol.AANBIEDER, Rol.BEHEER):
        headers = auth(rol, gemeentecodes=(regio.lead,), kvk=regio.kvk_geldig)
        assert (await api.get("/overzichten/benutting", headers=headers)).status_code == 403
