from __future__ import annotations

import uuid

import pytest

from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration


@pytest.fixture
async def geplaatst(regio, vastgesteld, verwerk):
    """One placement at the valid provider (Best) and one on the waiting list (Helmond)."""
    bij_aanbieder = vastgesteld(regio.lid)
    wachtend = vastgesteld(regio.buitenstaander)
    await verwerk(*bij_aanbieder)
    await verwerk(*wachtend)
    return bij_aanbieder[0], wachtend[0]


async def test_the_aanbieder_sees_only_placements_at_its_own_kvk(api, regio, geplaatst, auth):
    event, _ = geplaatst
    response = await api.get("/plaatsingen", headers=auth(Rol.AANBIEDER, kvk=regio.kvk_geldig))
    assert response.status_code == 200
    [gelezen] = response.json()
    assert gelezen["inburgeraarId"] == str(event.inburgeraar_id)
    assert gelezen["aanbiederKvk"] == regio.kvk_geldig
    assert gelezen["contractId"] == str(regio.contract_geldig)
    assert gelezen["status"] == "aangevraagd"
    assert gelezen["leerroute"] == "b1-route"
    assert gelezen["gemeentecode"] == regio.lid
    assert set(gelezen) == {
        "id",
        "inburgeraarId",
        "gemeentecode",
        "leerroute",
        "doelgroep",
        "contractId",
        "aanbiederKvk",
        "status",
        "aangevraagdOp",
        "startdatum",
        "einddatum",
        "eindeReden",
    }
    assert gelezen["doelgroep"] == "asielstatushouder"
    assert gelezen["startdatum"] is None and gelezen["einddatum"] is None
    assert gelezen["aangevraagdOp"].endswith("Z")

    een = await api.get(
        f"/plaatsingen/{gelezen['id']}", headers=auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    )
    assert een.status_code == 200
    assert een.json() == gelezen


async def test_another_aanbieder_gets_404_and_empty_lists(api, regio, geplaatst, auth):
    event, _ = geplaatst
    eigen = (
        await api.get("/plaatsingen", headers=auth(Rol.AANBIEDER, kvk=regio.kvk_geldig))
    ).json()
    plaatsing_id = eigen[0]["id"]
    for kvk in (regio.kvk_geschorst, regio.kvk_ander, "99999999"):
        headers = auth(Rol.AANBIEDER, kvk=kvk)
        lijst = await api.get("/plaatsingen", headers=headers)
        assert lijst.status_code == 200 and lijst.json() == []
        gefilterd = await api.get(
            "/plaatsingen", params={"inburgeraarId": str(event.inburgeraar_id)}, headers=headers
        )
        assert gefilterd.json() == []
        een = await api.get(f"/plaatsingen/{plaatsing_id}", headers=headers)
        assert een.status_code == 404
        assert een.headers["content-type"] == "application/problem+json"
        assert een.json()["code"] == "plaatsing-niet-gevonden"


async def test_a_gemeente_sees_its_own_placements_including_the_waiting_list(
    api, regio, geplaatst, auth
):
    bij_aanbieder, wachtend = geplaatst
    helmond = await api.get("/plaatsingen", headers=auth(Rol.GEMEENTE, gemeentecodes=("GM0794",)))
    [rij] = helmond.json()
    assert rij["inburgeraarId"] == str(wachtend.inburgeraar_id)
    assert rij["status"] == "wachtlijst"
    assert rij["contractId"] is None and rij["aanbiederKvk"] is None

    beide = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid, regio.buitenstaander))
    assert len((await api.get("/plaatsingen", headers=beide)).json()) == 2
    gefilterd = await api.get(
        "/plaatsingen", params={"inburgeraarId": str(bij_aanbieder.inburgeraar_id)}, headers=beide
    )
    assert [r["inburgeraarId"] for r in gefilterd.json()] == [str(bij_aanbieder.inburgeraar_id)]


async def test_another_gemeente_gets_404_and_empty_lists(api, regio, geplaatst, auth):
    bij_aanbieder, _ = geplaatst
    best = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    [rij] = (await api.get("/plaatsingen", headers=best)).json()
    # The lead gemeente buys for Best but does not see Best's case-level data.
    for codes in (("GM0855",), (regio.lead,)):
        ander = auth(Rol.GEMEENTE, gemeentecodes=codes)
        assert (await api.get("/plaatsingen", headers=ander)).json() == []
        gefilterd = await api.get(
            "/plaatsingen",
            params={"inburgeraarId": str(bij_aanbieder.inburgeraar_id)},
            headers=ander,
        )
        assert gefilterd.json() == []
        assert (await api.get(f"/plaatsingen/{rij['id']}", headers=ander)).status_code == 404
    assert (await api.get(f"/plaatsingen/{uuid.uuid4()}", headers=best)).status_code == 404


async def test_placements_are_closed_to_other_roles_and_to_callers_without_a_token(
    api, regio, geplaatst, auth
):
    for rol in (Rol.REGIO, Rol.INSTELLING, Rol.BEHEER, Rol.DUO):
        headers = auth(rol, gemeentecodes=(regio.lid,))
        assert (await api.get("/plaatsingen", headers=headers)).status_code == 403
        assert (await api.get(f"/plaatsingen/{uuid.uuid4()}", headers=headers)).status_code == 403
    assert (await api.get("/plaatsingen")).status_code == 401
    zonder_kvk = await api.get("/plaatsingen", headers=auth(Rol.AANBIEDER))
    assert zonder_kvk.status_code == 403
    assert zonder_kvk.json()["code"] == "geen-kvk-nummer"


async def test_an_invalid_inburgeraar_id_is_a_400(api, regio, auth):
    response = await api.get(
        "/plaatsingen",
        params={"inburgeraarId": "geen-uuid"},
        headers=auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,)),
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "query.inburgeraarId"


async def test_samenwerkingsverbanden_are_listed_for_members_and_leads_only(api, regio, auth):
    for rol, code in ((Rol.GEMEENTE, regio.lid), (Rol.REGIO, regio.lead)):
        response = await api.get(
            "/samenwerkingsverbanden", headers=auth(rol, gemeentecodes=(code,))
        )
        assert response.status_code == 200
        assert response.json() == [
            {
                "id": str(regio.verband_id),
                "naam": "Test B1-route",
                "leerroute": "b1-route",
                "leadGemeentecode": regio.lead,
                "leden": sorted([regio.lead, regio.lid]),
                "toewijzingsbeleid": "voorkeursvolgorde",
                "periodeStart": "2020-01-01",
                "periodeEind": "2099-12-31",
            }
        ]
    buiten = auth(Rol.GEMEENTE, gemeentecodes=(regio.buitenstaander,))
    assert (await api.get("/samenwerkingsverbanden", headers=buiten)).json() == []
    aanbieder = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    assert (await api.get("/samenwerkingsverbanden", headers=aanbieder)).status_code == 403


async def test_contracts_are_listed_for_the_leading_regio_and_the_own_aanbieder(
    api, regio, geplaatst, auth
):
    lead = await api.get("/contracten", headers=auth(Rol.REGIO, gemeentecodes=(regio.lead,)))
    assert lead.status_code == 200
    assert {c["id"] for c in lead.json()} == {
        str(regio.contract_geldig),
        str(regio.contract_geschorst),
        str(regio.contract_ander),
    }

    eigen = await api.get("/contracten", headers=auth(Rol.AANBIEDER, kvk=regio.kvk_geldig))
    assert eigen.json() == [
        {
            "id": str(regio.contract_geldig),
            "samenwerkingsverbandId": str(regio.verband_id),
            "aanbiederKvk": regio.kvk_geldig,
            "leerroute": "b1-route",
            "capaciteit": 5,
            "geplaatst": 1,
            "prijsEenheid": "traject",
            "prijsBedrag": None,
            "status": "actief",
            "versie": 1,
            "doelgroep": None,
            "perceel": None,
            "periodeStart": "2020-01-01",
            "periodeEind": "2099-12-31",
            "verlengingsopties": 0,
        }
    ]

    # A member that does not lead, and a stranger, see no contracts.
    for codes in ((regio.lid,), ("GM0855",)):
        lijst = await api.get("/contracten", headers=auth(Rol.REGIO, gemeentecodes=codes))
        assert lijst.json() == []
    vreemd = await api.get("/contracten", headers=auth(Rol.AANBIEDER, kvk="99999999"))
    assert vreemd.json() == []
    gemeente = auth(Rol.GEMEENTE, gemeentecodes=(regio.lead,))
    assert (await api.get("/contracten", headers=gemeente)).status_code == 403


async def test_the_openapi_document_declares_problem_responses(api):
    spec = (await api.get("/openapi.json")).json()
    assert set(spec["paths"]) == {
        "/plaatsingen",
        "/plaatsingen/{plaatsing_id}",
        "/plaatsingen/{plaatsing_id}/uren",
        "/plaatsingen/{plaatsing_id}/acceptatie",
        "/plaatsingen/{plaatsing_id}/afwijzing",
        "/plaatsingen/{plaatsing_id}/start",
        "/plaatsingen/{plaatsing_id}/aanwezigheid",
        "/plaatsingen/{plaatsing_id}/voortgangsrapportages",
        "/plaatsingen/{plaatsing_id}/examenresultaten",
        "/plaatsingen/{plaatsing_id}/afronding",
        "/plaatsingen/{plaatsing_id}/uitval",
        "/samenwerkingsverbanden",
        "/samenwerkingsverbanden/{samenwerkingsverband_id}",
        "/samenwerkingsverbanden/{samenwerkingsverband_id}/leden",
        "/samenwerkingsverbanden/{samenwerkingsverband_id}/leden/{gemeentecode}",
        "/samenwerkingsverbanden/{samenwerkingsverband_id}/toewijzingsbeleid",
        "/samenwerkingsverbanden/{samenwerkingsverband_id}/contractregister",
        "/samenwerkingsverbanden/{samenwerkingsverband_id}/prognose",
        "/instroomverwachtingen",
        "/instroomverwachtingen/{gemeentecode}/{halfjaar}",
        "/aanbieders",
        "/contracten",
        "/contracten/{contract_id}",
        "/contracten/{contract_id}/versies",
        "/aanbieders/{kvk}",
        "/aanbieders/{kvk}/keurmerk",
        "/aanbieders/{kvk}/locaties",
        "/overzichten/benutting",
        "/overzichten/uitgaven",
        "/overzichten/wachtlijst",
        "/statistieken/inburgeraars",
        "/statistieken/uitkomsten",
        "/dataverwerkingen",
    }
    for pad, methoden in spec["paths"].items():
        for methode, operatie in methoden.items():
            assert {"401", "403"} <= set(operatie["responses"]), (methode, pad)
            if "{" in pad:
                assert "404" in operatie["responses"], (methode, pad)
    een = spec["paths"]["/plaatsingen/{plaatsing_id}"]["get"]["responses"]
    assert {"200", "400", "401", "403", "404"} <= set(een)
    assert "application/problem+json" in een["404"]["content"]
    assert "API-Version" in een["200"]["headers"]
