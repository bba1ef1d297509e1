"""A refused referral is submitted again as a new attempt: the earlier attempt's history stays
readable, the places follow the attempts, and only the current institution sees it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import cohort, outbox_message
from inburgering.referrals.seed import cohort_id, instelling_id

pytestmark = pytest.mark.integration

AVANS = instelling_id("avans")
# Avans schakeljaar Breda, September 2027: another institution's hbo programme.
AVANS_COHORT = cohort_id("avans", "schakeljaar", date(2027, 9, 1))
# The same Fontys programme as FONTYS_COHORT, a later cohort: February 2028, deadline 15 January.
FONTYS_LATER = cohort_id("fontys", "pre-bachelor-eindhoven", date(2028, 2, 1))
AFWIJZING = {"toegelaten": False, "reden": "taalniveau-onvoldoende"}


async def afgewezen(pad) -> str:
    verwijzing_id = await pad.ingediend()
    assert (await pad.stap(verwijzing_id, "intake")).status_code == 200
    assert (await pad.stap(verwijzing_id, "toelatingsbesluit", AFWIJZING)).status_code == 200
    return verwijzing_id


async def bezet(runtime, *cohorten) -> list[int]:
    async with runtime.engine.connect() as conn:
        result = await conn.execute(
            select(cohort.c.id, cohort.c.bezet).where(cohort.c.id.in_(cohorten))
        )
        rows = {row.id: row.bezet for row in result}
    return [rows[c] for c in cohorten]


async def events(runtime, *names: str) -> list[dict]:
    async with runtime.engine.connect() as conn:
        rows = await conn.execute(
            select(outbox_message.c.payload)
            .where(outbox_message.c.event_type.in_([f"nl.inburgering.{n}" for n in names]))
            .order_by(outbox_message.c.position)
        )
        return [row[0] for row in rows]


async def test_a_refused_referral_is_submitted_again_to_another_programme_as_attempt_2(
    client, runtime, pad
):
    verwijzing_id = await afgewezen(pad)

    again = await pad.dien_in(verwijzing_id, AVANS_COHORT)

    assert again.status_code == 200, again.text
    body = again.json()
    assert (body["status"], body["poging"], body["afwijzingsreden"]) == ("ingediend", 2, None)
    assert (body["instellingId"], body["cohortId"]) == (str(AVANS), str(AVANS_COHORT))
    # The first attempt's steps keep their timestamps and the Fontys cohort's deadlines.
    assert [(s["poging"], s["status"], s["deadline"]) for s in body["stappen"]] == [
        (1, "aangemaakt", None),
        (1, "dossier-compleet", "2027-06-15"),
        (1, "ingediend", "2027-06-15"),
        (1, "intake-gehouden", "2027-09-01"),
        (1, "afgewezen", "2027-09-01"),
        (2, "ingediend", "2027-06-15"),
    ]
    assert all(s["bereiktOp"] for s in body["stappen"])
    assert [
        (p["poging"], p["instellingId"], p["cohortId"], p["afwijzingsreden"])
        for p in body["pogingen"]
    ] == [
        (1, str(pad.FONTYS), str(pad.FONTYS_COHORT), "taalniveau-onvoldoende"),
        (2, str(AVANS), str(AVANS_COHORT), None),
    ]
    for poging in body["pogingen"]:
        checks = {c["item"]: c["uitkomst"] for c in poging["checklist"]}
        assert checks["binnen-aanmeldtermijn"] == "voldaan"
    # The place follows the attempt: Fontys freed it on the refusal, Avans holds it now.
    assert await bezet(runtime, pad.FONTYS_COHORT, AVANS_COHORT) == [0, 1]


async def test_the_events_carry_the_attempt(runtime, pad):
    verwijzing_id = await afgewezen(pad)
    assert (await pad.dien_in(verwijzing_id, AVANS_COHORT)).status_code == 200
    assert (await pad.stap(verwijzing_id, "intake", door=AVANS)).status_code == 200
    admitted = await pad.stap(verwijzing_id, "toelatingsbesluit", {"toegelaten": True}, AVANS)
    assert admitted.status_code == 200, admitted.text

    ingediend = await events(runtime, "verwijzing-ingediend")
    besloten = await events(runtime, "toelating-besloten")

    assert [(e["poging"], e["instellingId"], e["cohortId"]) for e in ingediend] == [
        (1, str(pad.FONTYS), str(pad.FONTYS_COHORT)),
        (2, str(AVANS), str(AVANS_COHORT)),
    ]
    assert [(e["poging"], e["toegelaten"], e["reden"]) for e in besloten] == [
        (1, False, "taalniveau-onvoldoende"),
        (2, True, None),
    ]


async def test_the_earlier_institution_loses_sight_and_the_new_one_gains_it(pad):
    verwijzing_id = await afgewezen(pad)
    assert (await pad.stap(verwijzing_id, "toelatingsbesluit", AFWIJZING)).status_code == 409
    before = await pad.client.get(f"/aanmeldingen/{verwijzing_id}", headers=pad.instelling(AVANS))

    assert (await pad.dien_in(verwijzing_id, AVANS_COHORT)).status_code == 200

    fontys = pad.instelling(pad.FONTYS)
    old_one = await pad.client.get(f"/aanmeldingen/{verwijzing_id}", headers=fontys)
    old_list = await pad.client.get("/aanmeldingen", headers=fontys)
    old_step = await pad.stap(verwijzing_id, "intake", door=pad.FONTYS)
    new_one = await pad.client.get(f"/aanmeldingen/{verwijzing_id}", headers=pad.instelling(AVANS))
    new_list = await pad.client.get("/aanmeldingen", headers=pad.instelling(AVANS))

    assert before.status_code == 404
    assert (old_one.status_code, old_one.json()["code"]) == (404, "verwijzing-niet-gevonden")
    assert verwijzing_id not in {a["id"] for a in old_list.json()}
    assert old_step.status_code == 404
    assert new_one.status_code == 200
    assert [a["id"] for a in new_list.json()] == [verwijzing_id]
    # Only the current submission: not the refusal at another institution, nor its reason.
    assert [s["status"] for s in new_one.json()["stappen"]] == ["ingediend"]
    assert new_one.json()["afwijzingsreden"] is None
    assert "pogingen" not in new_one.json() and "poging" not in new_one.json()


async def test_the_same_programme_is_tried_again_only_in_a_later_cohort(runtime, pad):
    verwijzing_id = await afgewezen(pad)

    same = await pad.dien_in(verwijzing_id, pad.FONTYS_COHORT)
    later = await pad.dien_in(verwijzing_id, FONTYS_LATER)

    assert (same.status_code, same.json()["code"]) == (409, "herindiening-vereist-later-cohort")
    assert same.headers["content-type"].startswith("application/problem+json")
    assert later.status_code == 200, later.text
    assert (later.json()["poging"], later.json()["cohortId"]) == (2, str(FONTYS_LATER))
    # Fontys keeps sight: the new attempt is again to one of its programmes.
    seen = await pad.client.get(
        f"/aanmeldingen/{verwijzing_id}", headers=pad.instelling(pad.FONTYS)
    )
    assert [(s["status"], s["deadline"]) for s in seen.json()["stappen"]] == [
        ("ingediend", "2028-01-15")
    ]
    assert await bezet(runtime, pad.FONTYS_COHORT, FONTYS_LATER) == [0, 1]


async def test_a_third_attempt_follows_a_second_refusal(pad):
    verwijzing_id = await afgewezen(pad)
    assert (await pad.dien_in(verwijzing_id, AVANS_COHORT)).status_code == 200
    await pad.stap(verwijzing_id, "intake", door=AVANS)
    await pad.stap(verwijzing_id, "toelatingsbesluit", AFWIJZING, AVANS)

    third = await pad.dien_in(verwijzing_id, FONTYS_LATER)

    assert third.status_code == 200, third.text
    assert [(p["poging"], p["afwijzingsreden"]) for p in third.json()["pogingen"]] == [
        (1, "taalniveau-onvoldoende"),
        (2, "taalniveau-onvoldoende"),
        (3, None),
    ]


async def test_an_admitted_or_open_referral_cannot_be_resubmitted(pad):
    open_ = await pad.ingediend()
    admitted = await pad.ingediend()
    await pad.stap(admitted, "intake")
    await pad.stap(admitted, "toelatingsbesluit", {"toegelaten": True})

    responses = [await pad.dien_in(v, AVANS_COHORT) for v in (open_, admitted)]

    assert [(r.status_code, r.json()["code"]) for r in responses] == [
        (409, "ongeldige-statusovergang"),
        (409, "ongeldige-statusovergang"),
    ]


async def test_another_gemeente_cannot_resubmit(pad):
    verwijzing_id = await afgewezen(pad)

    response = await pad.dien_in(verwijzing_id, AVANS_COHORT, gemeentecode=pad.TILBURG)

    assert (response.status_code, response.json()["code"]) == (404, "verwijzing-niet-gevonden")
