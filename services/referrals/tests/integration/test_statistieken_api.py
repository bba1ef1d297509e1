"""Referral statistics: a gemeente sees its own figures as they are; a lead gemeente of the
network and beheer see the network with small counts hidden; nobody else sees anything."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import verwijzing
from inburgering.referrals.seed import opleiding_id
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration

PAD = "/statistieken/verwijzingen"
VERBORGEN = {"aantal": None, "onderdrukt": True}
FONTYS_EINDHOVEN = str(opleiding_id("fontys", "pre-bachelor-eindhoven"))
TIU_PRE_BACHELOR = str(opleiding_id("tilburg-university", "pre-bachelor"))


def getoond(aantal: int) -> dict:
    return {"aantal": aantal, "onderdrukt": False}


def per(rijen: list[dict], sleutel: str) -> dict:
    return {r[sleutel]: {"aantal": r["aantal"], "onderdrukt": r["onderdrukt"]} for r in rijen}


@pytest.fixture
async def netwerk(pad):
    """Eindhoven 5 submitted to Fontys; Tilburg 4 submitted to Tilburg University and 1 not
    yet submitted."""
    for _ in range(5):
        await pad.ingediend(pad.EINDHOVEN)
    for _ in range(4):
        await pad.ingediend(pad.TILBURG, cohort=pad.TIU_COHORT, niveau="wo")
    await pad.maak(pad.TILBURG)
    return pad


async def test_a_gemeente_sees_its_own_4_as_it_is(client, auth, netwerk):
    response = await client.get(PAD, headers=auth(netwerk.TILBURG))
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["weergave"], body["kleineAantallenOnderdrukt"]) == ("eigen", False)
    assert body["totaal"] == getoond(5)
    instellingen = per(body["perInstelling"], "instellingId")
    assert instellingen[str(netwerk.TIU)] == getoond(4)
    assert instellingen[None] == getoond(1)
    assert instellingen[str(netwerk.FONTYS)] == getoond(0)
    assert per(body["perOpleiding"], "opleidingId")[TIU_PRE_BACHELOR] == getoond(4)
    assert per(body["perStatus"], "status")["ingediend"] == getoond(4)
    assert sorted((c["opleidingId"] or "", c["status"], c["aantal"]) for c in body["cellen"]) == [
        ("", "aangemaakt", 1),
        (TIU_PRE_BACHELOR, "ingediend", 4),
    ]


async def test_the_lead_sees_that_4_hidden_next_to_a_shown_5_and_the_complement_hidden(
    client, auth, netwerk
):
    response = await client.get(PAD, headers=auth(netwerk.EINDHOVEN, rol=Rol.REGIO))
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["weergave"], body["kleineAantallenOnderdrukt"]) == ("netwerk", True)
    assert body["totaal"] == getoond(10)
    instellingen = per(body["perInstelling"], "instellingId")
    assert instellingen[str(netwerk.TIU)] == VERBORGEN
    assert instellingen[None] == VERBORGEN
    assert instellingen[str(netwerk.FONTYS)] == getoond(5)
    opleidingen = per(body["perOpleiding"], "opleidingId")
    assert opleidingen[TIU_PRE_BACHELOR] == VERBORGEN
    assert opleidingen[FONTYS_EINDHOVEN] == getoond(5)
    # One referral not yet submitted is hidden; 10 - 9 would show it, so the 9 is hidden too.
    statussen = per(body["perStatus"], "status")
    assert statussen["aangemaakt"] == VERBORGEN
    assert statussen["ingediend"] == VERBORGEN
    assert statussen["toegelaten"] == getoond(0)
    assert body["cellen"] is None


async def test_beheer_sees_the_province_the_same_way(client, auth, netwerk):
    body = (await client.get(PAD, headers=auth(rol=Rol.BEHEER))).json()
    assert (body["weergave"], body["totaal"]) == ("provincie", getoond(10))
    assert per(body["perInstelling"], "instellingId")[str(netwerk.TIU)] == VERBORGEN


async def test_a_regio_that_does_not_lead_the_network_is_refused(client, auth, netwerk):
    response = await client.get(PAD, headers=auth(netwerk.TILBURG, rol=Rol.REGIO))
    assert (response.status_code, response.json()["code"]) == (403, "statistiek-alleen-voor-lead")


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"rol": Rol.INSTELLING, "instelling": "x"}, id="instelling"),
        pytest.param({"rol": Rol.AANBIEDER, "kvk": "90012345"}, id="aanbieder"),
        pytest.param({"rol": Rol.DUO}, id="duo"),
    ],
)
async def test_institutions_providers_and_duo_get_no_statistics(client, auth, claims):
    assert (await client.get(PAD, headers=auth("GM0772", **claims))).status_code == 403


async def test_no_view_lists_a_referral_or_a_person(client, auth, runtime, netwerk):
    teksten = [
        (await client.get(PAD, headers=headers)).text
        for headers in (
            auth(netwerk.TILBURG, netwerk.EINDHOVEN),
            auth(netwerk.EINDHOVEN, rol=Rol.REGIO),
            auth(rol=Rol.BEHEER),
        )
    ]
    async with runtime.uow() as uow:
        rows = (
            await uow.session.execute(select(verwijzing.c.id, verwijzing.c.inburgeraar_id))
        ).all()
    assert len(rows) == 10
    assert not [i for row in rows for i in row for tekst in teksten if str(i) in tekst]
    assert all("inburgeraarId" not in tekst for tekst in teksten)
