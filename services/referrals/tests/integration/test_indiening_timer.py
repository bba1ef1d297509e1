"""A referral not yet submitted gets a durable timer before the next registration deadline at
its level: it fires once, survives a restart, and never fires once the referral was submitted."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import timer
from inburgering.referrals.seed import (
    DEMO_COHORTEN,
    INSTELLINGEN,
    cohort_id,
    instelling_id,
    opleiding_id,
)
from inburgering.shared.events.referrals import Onderwijsniveau
from inburgering.shared.runtime import ServiceRuntime

pytestmark = pytest.mark.integration

NADERT = "nl.inburgering.verwijzing-indiening-nadert"
# The first open hbo deadline after 1 December 2026 is 15 June 2027 (the September cohorts);
# with 14 days' lead the timer is due on 1 June (Amsterdam midnight, 31 May 22:00 UTC).
VOOR = datetime(2027, 5, 31, 21, 59, tzinfo=UTC)
OP = datetime(2027, 5, 31, 22, 0, tzinfo=UTC)
# cohortId → (instellingId, opleidingId) of the demo hbo cohorts starting in September 2027.
SEPTEMBER_HBO = {
    str(cohort_id(i.sleutel, o.sleutel, DEMO_COHORTEN[0][1])): (
        str(instelling_id(i.sleutel)),
        str(opleiding_id(i.sleutel, o.sleutel)),
    )
    for i in INSTELLINGEN
    for o in i.opleidingen
    if o.niveau is Onderwijsniveau.HBO
}


@pytest.fixture
def runtime(dienst) -> ServiceRuntime:
    """The shared `client` and `pad` fixtures then drive this clock-controlled service."""
    return dienst.runtime


async def test_it_fires_once_the_lead_time_before_the_next_registration_deadline(dienst, pad):
    verwijzing_id = await pad.compleet()  # a complete dossier is not yet a submission

    dienst.klok.nu = VOOR
    assert await dienst.vuur() == 0
    dienst.klok.nu = OP
    assert await dienst.vuur() == 1
    assert await dienst.vuur() == 0

    gelezen = await pad.client.get(
        f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN)
    )
    [melding] = await dienst.meldingen(NADERT)
    assert {k: melding[k] for k in ("verwijzingId", "inburgeraarId", "gemeentecode")} == {
        "verwijzingId": verwijzing_id,
        "inburgeraarId": gelezen.json()["inburgeraarId"],
        "gemeentecode": pad.EINDHOVEN,
    }
    assert melding["aanmelddeadline"] == "2027-06-15"
    assert SEPTEMBER_HBO[melding["cohortId"]] == (melding["instellingId"], melding["opleidingId"])


async def test_the_timer_survives_a_restart_and_still_fires_once(dienst, pad):
    verwijzing = await pad.maak()

    await dienst.herstart()
    dienst.klok.nu = OP
    assert await dienst.vuur() == 1
    await dienst.herstart()
    assert await dienst.vuur() == 0

    assert [m["verwijzingId"] for m in await dienst.meldingen(NADERT)] == [verwijzing["id"]]


async def test_the_submission_cancels_the_timer(dienst, pad):
    await pad.ingediend()
    open_ = await pad.compleet()

    dienst.klok.nu = OP
    assert await dienst.vuur() == 1

    assert [m["verwijzingId"] for m in await dienst.meldingen(NADERT)] == [open_]


@pytest.mark.parametrize("dienst", [{"indiening_nadert_dagen": 30}], indirect=True)
async def test_the_lead_time_is_a_setting(dienst, pad):
    await pad.maak()

    dienst.klok.nu = datetime(2027, 5, 15, 21, 59, tzinfo=UTC)  # 16 May: 30 days before
    assert await dienst.vuur() == 0
    dienst.klok.nu = datetime(2027, 5, 15, 22, 0, tzinfo=UTC)
    assert await dienst.vuur() == 1


async def test_without_an_open_cohort_at_its_level_no_timer_is_planned(dienst, pad):
    dienst.klok.nu = datetime(2028, 3, 1, 9, 0, tzinfo=UTC)  # after every demo deadline

    await pad.maak()

    async with dienst.runtime.engine.connect() as conn:
        assert (await conn.execute(select(timer.c.id))).all() == []


async def test_a_referral_proposed_on_a_leerroute_decision_gets_the_timer(
    dienst, besluit, envelope_for
):
    """Through the handler the bootstrap registered, bound to the lead-time setting and to the
    service clock (1 December 2026 here)."""
    event = besluit()
    registration = dienst.runtime.parts.handlers.get(event.event_type())
    assert registration is not None
    async with dienst.runtime.uow() as uow:
        await registration.handler(uow, event, envelope_for(event))
        await uow.commit()

    async with dienst.runtime.engine.connect() as conn:
        [(due, payload)] = (await conn.execute(select(timer.c.due_at, timer.c.payload))).all()
    assert due.astimezone(UTC) == OP
    assert date.fromisoformat(payload["aanmelddeadline"]) == DEMO_COHORTEN[0][0]
