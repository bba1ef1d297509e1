"""Contract changes are versioned; shares per gemeente hold; the lead gemeente decides."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import plaatsing
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration


@pytest.fixture
def lead(regio, auth):
    return auth(Rol.REGIO, gemeentecodes=(regio.lead,))


async def statussen(runtime) -> dict[str, list[str]]:
    async with runtime.uow() as uow:
        rows = await uow.session.execute(
            select(plaatsing.c.gemeentecode, plaatsing.c.status).order_by(
                plaatsing.c.aangevraagd_at
            )
        )
        uitkomst: dict[str, list[str]] = {}
        for code, status in rows.all():
            uitkomst.setdefault(code, []).append(status)
        return uitkomst


async def test_a_change_becomes_a_new_version_and_keeps_the_old_one(api, regio, lead, auth):
    pad = f"/contracten/{regio.contract_geldig}"
    gewijzigd = await api.patch(
        pad,
        json={"capaciteit": 8, "prijsBedrag": "9650.00", "toelichting": "verlenging 1 gelicht"},
        headers=lead,
    )
    assert gewijzigd.status_code == 200, gewijzigd.text
    assert (gewijzigd.json()["versie"], gewijzigd.json()["capaciteit"]) == (2, 8)
    assert gewijzigd.json()["prijsBedrag"] == "9650.00"

    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    versies = (await api.get(f"{pad}/versies", headers=eigen)).json()
    assert [(v["versie"], v["capaciteit"], v["prijsBedrag"]) for v in versies] == [
        (1, 5, None),
        (2, 8, "9650.00"),
    ]
    assert versies[1]["toelichting"] == "verlenging 1 gelicht"
    assert (await api.get(pad, headers=eigen)).json()["versie"] == 2


async def test_a_change_that_breaks_the_rules_is_refused_and_changes_nothing(
    api, regio, lead, vastgesteld, verwerk
):
    for _ in range(3):
        await verwerk(*vastgesteld(regio.lid))
    pad = f"/contracten/{regio.contract_geldig}"
    te_klein = await api.patch(pad, json={"capaciteit": 2}, headers=lead)
    assert te_klein.status_code == 409
    assert te_klein.json()["code"] == "capaciteit-onder-bezetting"
    niets = await api.patch(pad, json={"capaciteit": 5}, headers=lead)
    assert niets.json()["code"] == "ongeldige-contractwijziging"
    buitenstaander = await api.patch(
        pad,
        json={"aandelen": [{"gemeentecode": regio.buitenstaander, "capaciteit": 1}]},
        headers=lead,
    )
    assert buitenstaander.status_code == 400
    aandeel_te_klein = await api.patch(
        pad, json={"aandelen": [{"gemeentecode": regio.lid, "capaciteit": 2}]}, headers=lead
    )
    assert aandeel_te_klein.status_code == 409
    assert len((await api.get(f"{pad}/versies", headers=lead)).json()) == 1


async def test_only_the_lead_gemeente_changes_a_contract(api, regio, auth):
    pad = f"/contracten/{regio.contract_geldig}"
    for codes in ((regio.lid,), ("GM0855",)):
        ander = auth(Rol.REGIO, gemeentecodes=codes)
        response = await api.patch(pad, json={"capaciteit": 9}, headers=ander)
        assert response.status_code == 404
        assert response.json()["code"] == "contract-niet-gevonden"
        assert (await api.get(f"{pad}/versies", headers=ander)).status_code == 404
    for rol in (Rol.GEMEENTE, Rol.AANBIEDER, Rol.BEHEER):
        headers = auth(rol, gemeentecodes=(regio.lead,), kvk=regio.kvk_geldig)
        assert (await api.patch(pad, json={"capaciteit": 9}, headers=headers)).status_code == 403
    vreemd = auth(Rol.AANBIEDER, kvk=regio.kvk_ander)
    assert (await api.get(f"{pad}/versies", headers=vreemd)).status_code == 404
    assert (await api.get(pad, headers=vreemd)).status_code == 404


async def test_a_share_caps_a_gemeente_and_more_capacity_serves_the_waiting_list(
    api, runtime, regio, lead, vastgesteld, verwerk
):
    pad = f"/contracten/{regio.contract_geldig}"
    gedeeld = await api.patch(
        pad, json={"aandelen": [{"gemeentecode": regio.lid, "capaciteit": 2}]}, headers=lead
    )
    assert gedeeld.status_code == 200, gedeeld.text
    for _ in range(3):
        await verwerk(*vastgesteld(regio.lid))
    await verwerk(*vastgesteld(regio.lead))
    assert await statussen(runtime) == {
        regio.lid: ["aangevraagd", "aangevraagd", "wachtlijst"],
        regio.lead: ["aangevraagd"],
    }
    ruimer = await api.patch(
        pad, json={"aandelen": [{"gemeentecode": regio.lid, "capaciteit": 3}]}, headers=lead
    )
    assert ruimer.status_code == 200
    assert (await statussen(runtime))[regio.lid] == ["aangevraagd"] * 3
    versies = (await api.get(f"{pad}/versies", headers=lead)).json()
    assert [v["aandelen"] for v in versies] == [
        [],
        [{"gemeentecode": regio.lid, "capaciteit": 2}],
        [{"gemeentecode": regio.lid, "capaciteit": 3}],
    ]
