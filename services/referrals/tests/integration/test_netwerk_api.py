"""Institutions maintain their own programmes and cohorts; everyone reads the catalogue."""

from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.integration

COHORT = {
    "aanmelddeadline": "2027-12-01",
    "startdatum": "2028-02-01",
    "einddatum": "2029-07-31",
    "plaatsen": 12,
}


async def nieuwe_opleiding(client, pad) -> dict:
    response = await client.post(
        "/opleidingen",
        json={
            "naam": "Pre-master bèta",
            "soort": "schakeljaar",
            "niveau": "wo",
            "engelsNiveau": "vwo-6",
            "wiskundeNiveau": "vwo wiskunde B",
        },
        headers=pad.instelling(pad.TIU),
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_an_institution_adds_a_programme_with_its_entry_requirements(client, pad):
    created = await nieuwe_opleiding(client, pad)

    own = await client.get(
        "/opleidingen", params={"instellingId": str(pad.TIU), "limit": 200}, headers=pad.gemeente()
    )

    assert created["instellingId"] == str(pad.TIU)
    assert (created["taalniveauBijStart"], created["engelsNiveau"]) == ("B2", "vwo-6")
    assert created["id"] in {o["id"] for o in own.json()}


async def test_an_institution_opens_cohorts_that_every_role_can_read(client, pad):
    opleiding = await nieuwe_opleiding(client, pad)

    created = await client.post(
        f"/opleidingen/{opleiding['id']}/cohorten", json=COHORT, headers=pad.instelling(pad.TIU)
    )
    listed = await client.get(
        f"/opleidingen/{opleiding['id']}/cohorten", headers=pad.gemeente(pad.EINDHOVEN)
    )

    assert created.status_code == 201
    assert created.json()["vrijePlaatsen"] == 12
    assert listed.json() == [created.json()]


async def test_another_institutions_programme_cannot_be_given_cohorts(client, pad):
    opleiding = await nieuwe_opleiding(client, pad)

    foreign = await client.post(
        f"/opleidingen/{opleiding['id']}/cohorten", json=COHORT, headers=pad.instelling(pad.FONTYS)
    )
    as_gemeente = await client.post(
        f"/opleidingen/{opleiding['id']}/cohorten", json=COHORT, headers=pad.gemeente(pad.TILBURG)
    )
    unknown = await client.get(f"/opleidingen/{uuid.uuid4()}/cohorten", headers=pad.gemeente())

    assert (foreign.status_code, foreign.json()["code"]) == (404, "opleiding-niet-gevonden")
    assert as_gemeente.status_code == 403
    assert unknown.status_code == 404


async def test_places_can_change_but_never_below_the_places_taken(client, pad):
    await pad.ingediend()
    await pad.ingediend()
    fontys = await client.get(
        "/opleidingen",
        params={"instellingId": str(pad.FONTYS), "limit": 200},
        headers=pad.gemeente(),
    )
    opleiding_id = next(o["id"] for o in fontys.json() if o["naam"] == "Pre-bachelor Eindhoven")
    path = f"/opleidingen/{opleiding_id}/cohorten/{pad.FONTYS_COHORT}"

    too_low = await client.patch(path, json={"plaatsen": 1}, headers=pad.instelling(pad.FONTYS))
    fine = await client.patch(path, json={"plaatsen": 2}, headers=pad.instelling(pad.FONTYS))
    foreign = await client.patch(path, json={"plaatsen": 30}, headers=pad.instelling(pad.TIU))

    assert (too_low.status_code, too_low.json()["code"]) == (409, "cohort-plaatsen-te-laag")
    assert (fine.status_code, fine.json()["plaatsen"], fine.json()["vrijePlaatsen"]) == (200, 2, 0)
    assert foreign.status_code == 404
    full = await pad.dien_in(await pad.compleet())
    assert (full.status_code, full.json()["code"]) == (409, "cohort-vol")


async def test_cohort_dates_must_be_in_order(client, pad):
    opleiding = await nieuwe_opleiding(client, pad)
    response = await client.post(
        f"/opleidingen/{opleiding['id']}/cohorten",
        json={**COHORT, "einddatum": "2028-01-01"},
        headers=pad.instelling(pad.TIU),
    )
    assert response.status_code == 400
