"""Tenant scope on every endpoint: an institution sees only referrals to its own programmes,
a gemeente only its own; anything else is the same 404 as an unknown id."""

from __future__ import annotations

import uuid

import pytest

from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration

INSTELLING_STAPPEN = [
    ("intake", {}),
    ("toelatingsbesluit", {"toegelaten": True}),
    ("start", {}),
    ("afronding", {"uitkomst": "afgerond"}),
]


async def test_an_institution_sees_only_referrals_to_its_own_programmes(client, pad):
    to_fontys = await pad.ingediend()
    to_tiu = await pad.ingediend(cohort=pad.TIU_COHORT, niveau="wo")
    not_submitted = await pad.compleet()

    fontys = await client.get("/aanmeldingen", headers=pad.instelling(pad.FONTYS))
    tiu = await client.get("/aanmeldingen", headers=pad.instelling(pad.TIU))
    stranger = await client.get("/aanmeldingen", headers=pad.instelling(uuid.uuid4()))

    assert [a["id"] for a in fontys.json()] == [to_fontys]
    assert [a["id"] for a in tiu.json()] == [to_tiu]
    assert stranger.json() == []
    for other in (to_tiu, not_submitted):
        one = await client.get(f"/aanmeldingen/{other}", headers=pad.instelling(pad.FONTYS))
        assert (one.status_code, one.json()["code"]) == (404, "verwijzing-niet-gevonden")


async def test_the_institution_reads_the_minimum_the_pathway_needs(client, pad):
    verwijzing_id = await pad.ingediend()

    seen = await client.get(f"/aanmeldingen/{verwijzing_id}", headers=pad.instelling(pad.FONTYS))

    body = seen.json()
    assert body["dossier"] == pad.DOSSIER
    assert "inburgeraarId" not in body
    assert "geboortejaar" not in body["dossier"]
    assert "checklist" not in body
    assert {"opleidingsniveau", "pogingen", "poging"}.isdisjoint(body)
    assert (body["status"], body["cohortId"]) == ("ingediend", str(pad.FONTYS_COHORT))


@pytest.mark.parametrize(("stap", "body"), INSTELLING_STAPPEN)
async def test_every_institution_step_on_another_institutions_referral_is_a_404(
    client, pad, stap, body
):
    verwijzing_id = await pad.ingediend()
    before = await client.get(f"/aanmeldingen/{verwijzing_id}", headers=pad.instelling(pad.FONTYS))

    response = await pad.stap(verwijzing_id, stap, body, door=pad.TIU)
    unknown = await pad.stap(str(uuid.uuid4()), stap, body, door=pad.TIU)

    assert (response.status_code, response.json()["code"]) == (404, "verwijzing-niet-gevonden")
    assert unknown.json()["code"] == response.json()["code"]
    after = await client.get(f"/aanmeldingen/{verwijzing_id}", headers=pad.instelling(pad.FONTYS))
    assert after.json() == before.json()


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("PUT", "/dossier", {"diplomawaardering": "vwo", "taalniveau": "B2"}),
        ("POST", "/indiening", {"cohortId": "COHORT"}),
    ],
)
async def test_every_gemeente_endpoint_on_another_gemeentes_referral_is_a_404(
    client, pad, method, suffix, body
):
    verwijzing_id = await pad.compleet(pad.EINDHOVEN)
    if body and body.get("cohortId") == "COHORT":
        body = {"cohortId": str(pad.FONTYS_COHORT)}

    response = await client.request(
        method,
        f"/verwijzingen/{verwijzing_id}{suffix}",
        json=body,
        headers=pad.gemeente(pad.TILBURG),
    )

    assert (response.status_code, response.json()["code"]) == (404, "verwijzing-niet-gevonden")
    own = await client.get(f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN))
    assert own.json()["status"] == "dossier-compleet"
    listed = await client.get("/verwijzingen", headers=pad.gemeente(pad.TILBURG))
    assert listed.json() == []


async def test_a_gemeente_sees_its_referrals_outcome_but_not_the_institution_endpoints(client, pad):
    verwijzing_id = await pad.ingediend()

    as_institution = await client.get(
        f"/aanmeldingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN)
    )

    assert as_institution.status_code == 403


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"rol": Rol.INSTELLING}, id="no-instelling-claim"),
        pytest.param({"rol": Rol.INSTELLING, "instelling": "fontys"}, id="not-an-id"),
        pytest.param({"rol": Rol.AANBIEDER, "kvk": "12345678"}, id="aanbieder"),
    ],
)
async def test_institution_endpoints_need_an_institution_id(client, auth, claims):
    response = await client.get("/aanmeldingen", headers=auth(**claims))
    assert response.status_code == 403


async def test_a_gemeente_may_not_create_a_referral_for_another_gemeente(client, pad):
    response = await client.post(
        "/verwijzingen",
        json={
            "inburgeraarId": str(uuid.uuid4()),
            "gemeentecode": pad.TILBURG,
            "niveau": "hbo",
            "leerroute": "b1-route",
        },
        headers=pad.gemeente(pad.EINDHOVEN),
    )
    assert response.status_code == 403
