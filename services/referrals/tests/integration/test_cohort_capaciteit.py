"""Places per cohort are never exceeded, however many submissions race for them."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from sqlalchemy import func, select

from inburgering.referrals.adapters.tables import cohort, verwijzing

pytestmark = pytest.mark.integration

PLAATSEN, INDIENINGEN = 7, 24


async def klein_cohort(client, pad, startdatum: str = "2027-09-01") -> str:
    """A cohort of PLAATSEN places in the first Fontys programme."""
    programmes = await client.get(
        "/opleidingen", params={"instellingId": str(pad.FONTYS)}, headers=pad.gemeente()
    )
    klein = await client.post(
        f"/opleidingen/{programmes.json()[0]['id']}/cohorten",
        json={
            "aanmelddeadline": "2027-06-15",
            "startdatum": startdatum,
            "einddatum": "2029-02-28",
            "plaatsen": PLAATSEN,
        },
        headers=pad.instelling(pad.FONTYS),
    )
    assert klein.status_code == 201, klein.text
    return klein.json()["id"]


async def ingenomen(runtime, cohort_id) -> tuple[int, int]:
    """(places taken, referrals submitted to the cohort)"""
    async with runtime.engine.connect() as conn:
        taken = (
            await conn.execute(select(cohort.c.bezet).where(cohort.c.id == cohort_id))
        ).scalar_one()
        submitted = (
            await conn.execute(
                select(func.count()).where(
                    verwijzing.c.cohort_id == cohort_id, verwijzing.c.status == "ingediend"
                )
            )
        ).scalar_one()
    return taken, submitted


async def test_concurrent_submissions_never_take_more_places_than_the_cohort_has(
    client, runtime, pad
):
    cohort_id = await klein_cohort(client, pad)
    ready = [await pad.compleet() for _ in range(INDIENINGEN)]

    responses = await asyncio.gather(*(pad.dien_in(v, cohort_id) for v in ready))

    statuses = Counter(r.status_code for r in responses)
    assert statuses == {200: PLAATSEN, 409: INDIENINGEN - PLAATSEN}
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"cohort-vol"}
    assert await ingenomen(runtime, cohort_id) == (PLAATSEN, PLAATSEN)


async def test_the_same_referral_submitted_concurrently_takes_one_place(client, runtime, pad):
    verwijzing_id = await pad.compleet()

    responses = await asyncio.gather(*(pad.dien_in(verwijzing_id) for _ in range(5)))

    assert sorted(r.status_code for r in responses) == [200, 409, 409, 409, 409]
    async with runtime.engine.connect() as conn:
        taken = (
            await conn.execute(select(cohort.c.bezet).where(cohort.c.id == pad.FONTYS_COHORT))
        ).scalar_one()
    assert taken == 1


async def test_concurrent_resubmissions_after_refusals_never_overbook_either(client, runtime, pad):
    """Every racer is a refused referral submitted again: each 200 is a resubmission's place."""
    # Starts after the refusing cohort, so the same programme may be tried again.
    cohort_id = await klein_cohort(client, pad, startdatum="2027-10-01")
    refused = []
    for _ in range(INDIENINGEN):
        verwijzing_id = await pad.ingediend()
        await pad.stap(verwijzing_id, "intake")
        besluit = {"toegelaten": False, "reden": "overig"}
        assert (await pad.stap(verwijzing_id, "toelatingsbesluit", besluit)).status_code == 200
        refused.append(verwijzing_id)

    responses = await asyncio.gather(*(pad.dien_in(v, cohort_id) for v in refused))

    statuses = Counter(r.status_code for r in responses)
    assert statuses == {200: PLAATSEN, 409: INDIENINGEN - PLAATSEN}
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"cohort-vol"}
    assert await ingenomen(runtime, cohort_id) == (PLAATSEN, PLAATSEN)


async def test_the_same_refused_referral_resubmitted_concurrently_is_one_attempt(
    client, runtime, pad
):
    cohort_id = await klein_cohort(client, pad, startdatum="2027-10-01")
    verwijzing_id = await pad.ingediend()
    await pad.stap(verwijzing_id, "intake")
    await pad.stap(verwijzing_id, "toelatingsbesluit", {"toegelaten": False, "reden": "overig"})

    responses = await asyncio.gather(*(pad.dien_in(verwijzing_id, cohort_id) for _ in range(5)))

    assert sorted(r.status_code for r in responses) == [200, 409, 409, 409, 409]
    assert await ingenomen(runtime, cohort_id) == (1, 1)
    seen = await client.get(f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN))
    assert [p["poging"] for p in seen.json()["pogingen"]] == [1, 2]
