"""A contract's lifecycle: concept, actief, verlengd by using an option, beeindigd."""

from __future__ import annotations

import pytest

from inburgering.contracts.handlers.toewijzing import vandaag
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration


async def test_a_concept_places_nobody_until_in_force_and_an_extension_uses_an_option(
    api, auth, regio, vastgesteld, verwerk
):
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    # The test region's only open contract is full for this test: a new lot as concept.
    vol = await api.patch(
        f"/contracten/{regio.contract_geldig}", json={"status": "opgeschort"}, headers=lead
    )
    assert vol.status_code == 200, vol.text
    eind = vandaag().replace(year=vandaag().year + 1)
    concept = await api.post(
        "/contracten",
        json={
            "samenwerkingsverbandId": str(regio.verband_id),
            "aanbiederKvk": regio.kvk_geldig,
            "perceel": {"code": "B1-2", "naam": "Tweede perceel"},
            "capaciteit": 5,
            "prijsEenheid": "traject",
            "periodeStart": str(vandaag()),
            "periodeEind": str(eind),
            "verlengingsopties": 1,
            "status": "concept",
        },
        headers=lead,
    )
    assert concept.status_code == 201, concept.text
    pad = f"/contracten/{concept.json()['id']}"
    await verwerk(*vastgesteld(regio.lid))
    best = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    [wachtend] = (await api.get("/plaatsingen", headers=best)).json()
    assert wachtend["status"] == "wachtlijst"

    # In force: the waiting list is served from it.
    actief = await api.patch(pad, json={"status": "actief"}, headers=lead)
    assert actief.json()["status"] == "actief"
    [geplaatst] = (await api.get("/plaatsingen", headers=best)).json()
    assert geplaatst["contractId"] == concept.json()["id"]

    # Not straight to verlengd, and not past the end without lengthening it.
    direct = await api.patch(pad, json={"status": "verlengd"}, headers=lead)
    assert (direct.status_code, direct.json()["code"]) == (400, "ongeldige-contractwijziging")
    korter = await api.patch(pad, json={"verlengenTot": str(eind)}, headers=lead)
    assert korter.status_code == 400
    verlengd = await api.patch(
        pad, json={"verlengenTot": str(eind.replace(year=eind.year + 2))}, headers=lead
    )
    assert verlengd.status_code == 200, verlengd.text
    assert (verlengd.json()["status"], verlengd.json()["verlengingsopties"]) == ("verlengd", 0)
    assert verlengd.json()["periodeEind"] == str(eind.replace(year=eind.year + 2))
    geen_optie = await api.patch(
        pad, json={"verlengenTot": str(eind.replace(year=eind.year + 4))}, headers=lead
    )
    assert geen_optie.status_code == 400
    assert "geen verlengingsoptie" in geen_optie.json()["detail"]
    # A verlengd contract still places.
    await verwerk(*vastgesteld(regio.lid))
    statussen = [p["status"] for p in (await api.get("/plaatsingen", headers=best)).json()]
    assert statussen == ["aangevraagd", "aangevraagd"]

    versies = (await api.get(f"{pad}/versies", headers=lead)).json()
    assert [v["status"] for v in versies] == ["concept", "actief", "verlengd"]
    beeindigd = await api.patch(pad, json={"status": "beeindigd"}, headers=lead)
    assert beeindigd.json()["status"] == "beeindigd"
    terug = await api.patch(pad, json={"status": "actief"}, headers=lead)
    assert terug.status_code == 400
    assert "beëindigd" in terug.json()["detail"]


async def test_a_new_contract_starts_as_concept_or_in_force(api, auth, regio):
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    response = await api.post(
        "/contracten",
        json={
            "samenwerkingsverbandId": str(regio.verband_id),
            "aanbiederKvk": regio.kvk_geldig,
            "capaciteit": 5,
            "prijsEenheid": "traject",
            "periodeStart": "2026-01-01",
            "periodeEind": "2027-01-01",
            "status": "verlengd",
        },
        headers=lead,
    )
    assert response.status_code == 400
