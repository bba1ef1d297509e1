"""The registration deadline of a referral not yet submitted, as a durable timer: planned when
the referral is made, before the next open cohort's aanmelddeadline at its level; cancelled by
the submission; fired once otherwise."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from inburgering.referrals.adapters import repository
from inburgering.referrals.adapters.tables import cohort, opleiding, timer
from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.domain.termijn import NOG_NIET_INGEDIEND, nadert_op
from inburgering.shared.events.referrals import Onderwijsniveau, VerwijzingIndieningNadert
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Timer, Timers

NADERT = "verwijzing-indiening-nadert"
TIMERS = Timers(timer)
# Cohort dates are Dutch calendar days.
_NL = ZoneInfo("Europe/Amsterdam")


async def plan(
    uow: UnitOfWork,
    verwijzing_id: uuid.UUID,
    *,
    niveau: Onderwijsniveau,
    vandaag: date,
    dagen_vooraf: int,
) -> None:
    """In the creation's transaction. No cohort is chosen yet, so the deadline that matters is
    the first one still open at the referral's level with a place left; without one, no timer."""
    volgend = (
        (
            await uow.session.execute(
                select(
                    cohort.c.id,
                    cohort.c.opleiding_id,
                    cohort.c.aanmeld_deadline_date,
                    opleiding.c.instelling_id,
                )
                .join(opleiding, opleiding.c.id == cohort.c.opleiding_id)
                .where(
                    opleiding.c.niveau == niveau,
                    cohort.c.aanmeld_deadline_date >= vandaag,
                    cohort.c.bezet < cohort.c.plaatsen,
                )
                .order_by(cohort.c.aanmeld_deadline_date, cohort.c.id)
                .limit(1)
            )
        )
        .mappings()
        .first()
    )
    if volgend is None:
        return
    deadline = volgend["aanmeld_deadline_date"]
    await TIMERS.schedule(
        uow.session,
        name=NADERT,
        aggregate_id=str(verwijzing_id),
        due_at=datetime.combine(nadert_op(deadline, dagen_vooraf), time.min, tzinfo=_NL),
        payload={
            "instellingId": str(volgend["instelling_id"]),
            "opleidingId": str(volgend["opleiding_id"]),
            "cohortId": str(volgend["id"]),
            "aanmelddeadline": deadline.isoformat(),
        },
    )


async def stop(uow: UnitOfWork, verwijzing_id: uuid.UUID) -> None:
    await TIMERS.cancel(uow.session, name=NADERT, aggregate_id=str(verwijzing_id))


async def indiening_nadert(uow: UnitOfWork, timer: Timer) -> None:
    row = await repository.kern(uow.session, uuid.UUID(timer.aggregate_id))
    # The submission cancels the timer; this guards a step that bypassed the cancellation.
    if row is None or VerwijzingStatus(row["status"]) not in NOG_NIET_INGEDIEND:
        return
    await uow.publish(
        VerwijzingIndieningNadert(
            verwijzing_id=uuid.UUID(timer.aggregate_id),
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            instelling_id=uuid.UUID(timer.payload["instellingId"]),
            opleiding_id=uuid.UUID(timer.payload["opleidingId"]),
            cohort_id=uuid.UUID(timer.payload["cohortId"]),
            aanmelddeadline=date.fromisoformat(timer.payload["aanmelddeadline"]),
        )
    )
