"""The deadline of a submitted referral as a durable timer: planned on submission, cancelled
on the admission decision, fired once per attempt otherwise."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from inburgering.referrals.adapters import repository
from inburgering.referrals.adapters.tables import timer
from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.domain.termijn import WACHT_OP_BESLUIT, nadert_op
from inburgering.shared.events.referrals import VerwijzingTermijnNadert
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Timer, Timers

NADERT = "verwijzing-termijn-nadert"
TIMERS = Timers(timer)
# Cohort dates are Dutch calendar days.
_NL = ZoneInfo("Europe/Amsterdam")


async def plan(
    uow: UnitOfWork,
    verwijzing_id: uuid.UUID,
    *,
    instelling_id: uuid.UUID,
    cohort_id: uuid.UUID,
    startdatum: date,
    dagen_vooraf: int,
) -> None:
    """In the submission's transaction; the person's id and gemeente are read when it fires.

    A resubmission re-arms the timer its earlier attempt's decision cancelled (or fired)."""
    await TIMERS.schedule(
        uow.session,
        name=NADERT,
        aggregate_id=str(verwijzing_id),
        due_at=datetime.combine(nadert_op(startdatum, dagen_vooraf), time.min, tzinfo=_NL),
        payload={
            "instellingId": str(instelling_id),
            "cohortId": str(cohort_id),
            "startdatum": startdatum.isoformat(),
        },
        rearm=True,
    )


async def stop(uow: UnitOfWork, verwijzing_id: uuid.UUID) -> None:
    await TIMERS.cancel(uow.session, name=NADERT, aggregate_id=str(verwijzing_id))


async def termijn_nadert(uow: UnitOfWork, timer: Timer) -> None:
    row = await repository.kern(uow.session, uuid.UUID(timer.aggregate_id))
    # The decision cancels the timer; this guards a step that bypassed the cancellation.
    if row is None or VerwijzingStatus(row["status"]) not in WACHT_OP_BESLUIT:
        return
    await uow.publish(
        VerwijzingTermijnNadert(
            verwijzing_id=uuid.UUID(timer.aggregate_id),
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            instelling_id=uuid.UUID(timer.payload["instellingId"]),
            cohort_id=uuid.UUID(timer.payload["cohortId"]),
            startdatum=date.fromisoformat(timer.payload["startdatum"]),
        )
    )
