"""The pathway through the gemeente and institution APIs, with its events, on PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import cohort, outbox_message

pytestmark = pytest.mark.integration

ADMIT_AND_START = [("intake", None), ("toelatingsbesluit", {"toegelaten": True}), ("start", None)]


async def events(runtime) -> list[tuple[str, dict]]:
    async with runtime.engine.connect() as conn:
        rows = await conn.execute(
            select(outbox_message.c.event_type, outbox_message.c.payload).order_by(
                outbox_message.c.position
            )
        )
        return [(t.removeprefix("nl.inburgering."), p) for t, p in rows]


async def bezet(runtime, cohort_id) -> int:
    async with runtime.engine.connect() as conn:
        query = select(cohort.c.bezet).where(cohort.c.id == cohort_id)
        return (await conn.execute(query)).scalar_one()


async def test_the_whole_pathway_is_recorded_with_timestamps_deadlines_and_events(
    client, runtime, pad
):
    verwijzing_id = await pad.ingediend()
    for stap, body in [*ADMIT_AND_START, ("afronding", {"uitkomst": "afgerond"})]:
        response = await pad.stap(verwijzing_id, stap, body)
        assert response.status_code == 200, response.text

    seen = await client.get(f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN))
    seen = seen.json()
    assert seen["status"] == "afgerond"
    assert (seen["instellingId"], seen["cohortId"]) == (str(pad.FONTYS), str(pad.FONTYS_COHORT))
    assert [(s["status"], s["deadline"]) for s in seen["stappen"]] == [
        ("aangemaakt", None),
        ("dossier-compleet", "2027-06-15"),
        ("ingediend", "2027-06-15"),
        ("intake-gehouden", "2027-09-01"),
        ("toegelaten", "2027-09-01"),
        ("gestart", "2027-09-01"),
        ("afgerond", "2029-02-28"),
    ]
    assert all(s["bereiktOp"] for s in seen["stappen"])
    assert seen["overstapB1RouteVoorgesteld"] is False
    published = await events(runtime)
    assert [name for name, _ in published] == [
        "verwijzing-aangemaakt",
        "verwijzing-ingediend",
        "toelating-besloten",
        "verwijzing-gestart",
        "verwijzing-afgerond",
    ]
    _, submitted = published[1]
    assert submitted["instellingId"] == str(pad.FONTYS)
    assert submitted["cohortId"] == str(pad.FONTYS_COHORT)
    assert submitted["startdatum"] == "2027-09-01"
    assert await bezet(runtime, pad.FONTYS_COHORT) == 1


async def test_the_dossier_shows_its_checklist_and_the_student_finance_age_flag(client, pad):
    verwijzing = await pad.maak()
    assert verwijzing["checklist"][0]["uitkomst"] == "onbekend"

    await client.put(
        f"/verwijzingen/{verwijzing['id']}/dossier",
        json={**pad.DOSSIER, "geboortejaar": 1995},
        headers=pad.gemeente(pad.EINDHOVEN),
    )
    body = (await pad.dien_in(verwijzing["id"])).json()

    assert body["dossier"] == {**pad.DOSSIER, "geboortejaar": 1995}
    checks = {c["item"]: c["uitkomst"] for c in body["checklist"]}
    # Born in 1995, at the September 2027 start 31 or 32: no student finance.
    assert checks["studiefinanciering-leeftijd"] == "niet-voldaan"
    # B1 now, B2 required by the start: flagged, not refused.
    assert checks["taalniveau-eis-bij-start"] == "niet-voldaan"
    assert checks["binnen-aanmeldtermijn"] == "voldaan"


async def test_a_refusal_carries_its_reason_and_frees_the_place(runtime, pad):
    verwijzing_id = await pad.ingediend()
    await pad.stap(verwijzing_id, "intake")
    assert await bezet(runtime, pad.FONTYS_COHORT) == 1

    refused = await pad.stap(
        verwijzing_id, "toelatingsbesluit", {"toegelaten": False, "reden": "taalniveau-onvoldoende"}
    )

    assert refused.status_code == 200
    assert (refused.json()["status"], refused.json()["afwijzingsreden"]) == (
        "afgewezen",
        "taalniveau-onvoldoende",
    )
    assert await bezet(runtime, pad.FONTYS_COHORT) == 0
    name, payload = (await events(runtime))[-1]
    assert name == "toelating-besloten"
    assert (payload["toegelaten"], payload["reden"]) == (False, "taalniveau-onvoldoende")


async def test_a_drop_out_from_the_onderwijsroute_suggests_the_b1_route(client, runtime, pad):
    verwijzing_id = await pad.ingediend()
    for stap, body in ADMIT_AND_START:
        assert (await pad.stap(verwijzing_id, stap, body)).status_code == 200

    ended = await pad.stap(verwijzing_id, "afronding", {"uitkomst": "beeindigd", "reden": "uitval"})

    assert ended.json()["beeindigingsreden"] == "uitval"
    seen = await client.get(f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN))
    assert (seen.json()["status"], seen.json()["overstapB1RouteVoorgesteld"]) == ("beeindigd", True)
    name, payload = (await events(runtime))[-1]
    assert name == "verwijzing-beeindigd"
    assert (payload["reden"], payload["overstapB1RouteVoorgesteld"]) == ("uitval", True)


async def test_a_drop_out_after_a_referral_from_the_b1_route_suggests_no_switch(
    client, runtime, pad
):
    verwijzing = await pad.maak(leerroute="b1-route")
    await client.put(
        f"/verwijzingen/{verwijzing['id']}/dossier",
        json=pad.DOSSIER,
        headers=pad.gemeente(pad.EINDHOVEN),
    )
    assert (await pad.dien_in(verwijzing["id"])).status_code == 200
    for stap, body in ADMIT_AND_START:
        assert (await pad.stap(verwijzing["id"], stap, body)).status_code == 200

    await pad.stap(verwijzing["id"], "afronding", {"uitkomst": "beeindigd", "reden": "verhuisd"})

    name, payload = (await events(runtime))[-1]
    assert (name, payload["overstapB1RouteVoorgesteld"]) == ("verwijzing-beeindigd", False)


@pytest.mark.parametrize(
    ("stap", "body"),
    [
        ("toelatingsbesluit", {"toegelaten": True}),
        ("start", None),
        ("afronding", {"uitkomst": "afgerond"}),
    ],
)
async def test_an_institution_step_out_of_order_is_a_409_problem(runtime, pad, stap, body):
    verwijzing_id = await pad.ingediend()
    before = await events(runtime)

    response = await pad.stap(verwijzing_id, stap, body)

    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "ongeldige-statusovergang"
    assert await events(runtime) == before


async def test_submitting_twice_or_before_the_dossier_is_a_409(client, runtime, pad):
    fresh = await pad.maak()
    early = await pad.dien_in(fresh["id"])
    submitted = await pad.ingediend()
    again = await pad.dien_in(submitted)
    redo = await client.put(
        f"/verwijzingen/{submitted}/dossier", json=pad.DOSSIER, headers=pad.gemeente(pad.EINDHOVEN)
    )

    assert [r.status_code for r in (early, again, redo)] == [409, 409, 409]
    assert {r.json()["code"] for r in (early, again, redo)} == {"ongeldige-statusovergang"}
    assert await bezet(runtime, pad.FONTYS_COHORT) == 1


async def test_a_referral_to_the_wrong_level_or_after_the_deadline_is_refused(client, pad):
    wrong_level = await pad.dien_in(await pad.compleet(niveau="wo"))
    programmes = await client.get(
        "/opleidingen", params={"instellingId": str(pad.FONTYS)}, headers=pad.gemeente()
    )
    closed = await client.post(
        f"/opleidingen/{programmes.json()[0]['id']}/cohorten",
        json={
            "aanmelddeadline": "2026-01-01",
            "startdatum": "2026-02-01",
            "einddatum": "2027-06-30",
            "plaatsen": 5,
        },
        headers=pad.instelling(pad.FONTYS),
    )
    too_late = await pad.dien_in(await pad.compleet(), closed.json()["id"])

    assert (wrong_level.status_code, wrong_level.json()["code"]) == (409, "niveau-past-niet")
    assert (too_late.status_code, too_late.json()["code"]) == (409, "aanmeldtermijn-verstreken")


async def test_an_unknown_cohort_is_a_404(pad):
    response = await pad.dien_in(await pad.compleet(), uuid.uuid4())

    assert (response.status_code, response.json()["code"]) == (404, "cohort-niet-gevonden")


async def test_a_refusal_needs_a_reason_and_an_admission_has_none(pad):
    verwijzing_id = await pad.ingediend()
    await pad.stap(verwijzing_id, "intake")

    without = await pad.stap(verwijzing_id, "toelatingsbesluit", {"toegelaten": False})
    with_reason = await pad.stap(
        verwijzing_id, "toelatingsbesluit", {"toegelaten": True, "reden": "overig"}
    )
    ended_without = await pad.stap(verwijzing_id, "afronding", {"uitkomst": "beeindigd"})

    assert [r.status_code for r in (without, with_reason, ended_without)] == [400, 400, 400]
