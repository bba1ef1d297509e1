"""The PIP deadline as durable timers: planned when its facts change, fired once each."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.tables import inburgeraar, pip
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.errors import InburgeraarNietGevonden
from inburgering.intake.domain.pip import PipStatus
from inburgering.intake.domain.pip_termijn import (
    PipTermijnFeiten,
    nadert_op,
    pip_uiterlijk,
    verstreken_op,
)
from inburgering.shared.events.intake import PipTermijnNadert, PipTermijnVerstreken
from inburgering.shared.kalender import begin_van_dag
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Timer

NADERT = "pip-termijn-nadert"
VERSTREKEN = "pip-termijn-verstreken"


def feiten_van(persoon: RowMapping) -> PipTermijnFeiten:
    return PipTermijnFeiten(
        kennisgeving=persoon["kennisgeving_date"],
        vestiging=persoon["vestiging_date"],
        na_verhuizing=persoon["verhuisd"],
        wacht_op_derde=persoon["pip_wacht_op_derde"],
        derde_informatie_ontvangen=persoon["pip_derde_ontvangen_date"],
    )


async def plan_pip_termijn(
    uow: UnitOfWork, ctx: IntakeContext, inburgeraar_id: UUID
) -> date | None:
    """(Re)plan both timers from the current facts; cancel them when no PIP is due."""
    persoon = (
        (await uow.session.execute(select(inburgeraar).where(inburgeraar.c.id == inburgeraar_id)))
        .mappings()
        .one()
    )
    uiterlijk = None
    if persoon["status"] == "actief" and not await _heeft_vastgesteld_pip(uow, inburgeraar_id):
        uiterlijk = pip_uiterlijk(feiten_van(persoon))
    aggregate = str(inburgeraar_id)
    if uiterlijk is None:
        await stop_pip_termijn(uow, ctx, inburgeraar_id)
        return None
    payload = {"uiterlijk": uiterlijk.isoformat(), "gemeentecode": persoon["gemeentecode"]}
    dagen = ctx.settings.pip_termijn_nadert_dagen
    for name, dag in (
        (NADERT, nadert_op(uiterlijk, dagen)),
        (VERSTREKEN, verstreken_op(uiterlijk)),
    ):
        await ctx.timers.schedule(
            uow.session,
            name=name,
            aggregate_id=aggregate,
            due_at=begin_van_dag(dag),
            payload=payload,
        )
    return uiterlijk


async def stop_pip_termijn(uow: UnitOfWork, ctx: IntakeContext, inburgeraar_id: UUID) -> None:
    for name in (NADERT, VERSTREKEN):
        await ctx.timers.cancel(uow.session, name=name, aggregate_id=str(inburgeraar_id))


async def pip_termijn_nadert(uow: UnitOfWork, timer: Timer) -> None:
    await uow.publish(
        PipTermijnNadert(
            inburgeraar_id=UUID(timer.aggregate_id),
            gemeentecode=timer.payload["gemeentecode"],
            uiterlijk=date.fromisoformat(timer.payload["uiterlijk"]),
        )
    )


async def pip_termijn_verstreken(uow: UnitOfWork, timer: Timer) -> None:
    await uow.publish(
        PipTermijnVerstreken(
            inburgeraar_id=UUID(timer.aggregate_id),
            gemeentecode=timer.payload["gemeentecode"],
            uiterlijk=date.fromisoformat(timer.payload["uiterlijk"]),
        )
    )


async def _heeft_vastgesteld_pip(uow: UnitOfWork, inburgeraar_id: UUID) -> bool:
    result = await uow.session.execute(
        select(pip.c.id).where(
            pip.c.inburgeraar_id == inburgeraar_id, pip.c.status == PipStatus.VASTGESTELD
        )
    )
    return result.first() is not None


async def pauzeer_of_hervat(
    uow: UnitOfWork,
    ctx: IntakeContext,
    inburgeraar_id: UUID,
    gemeentecodes: Iterable[str],
    *,
    wacht_op_derde: bool,
    ontvangen: date | None,
) -> date | None:
    """[Bi] 5.3.2: paused only while waiting for a third party; due two weeks after receipt."""
    found = await uow.session.execute(
        select(inburgeraar.c.id).where(
            inburgeraar.c.id == inburgeraar_id, inburgeraar.c.gemeentecode.in_(list(gemeentecodes))
        )
    )
    if found.first() is None:
        raise InburgeraarNietGevonden(f"Inburgeraar {inburgeraar_id} bestaat niet.")
    await uow.session.execute(
        update(inburgeraar)
        .where(inburgeraar.c.id == inburgeraar_id)
        .values(pip_wacht_op_derde=wacht_op_derde, pip_derde_ontvangen_date=ontvangen)
    )
    uiterlijk = await plan_pip_termijn(uow, ctx, inburgeraar_id)
    await uow.commit()
    return uiterlijk
