"""The inburgeringstermijn started by the first PIP adopted here, the durable timers that
announce its windows, and the look-ups. What DUO reports about it: termijn_van_duo.py."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date

import structlog
from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from inburgering.routes.adapters.tables import inburgeringstermijn, termijn_verlenging
from inburgering.routes.domain.errors import TermijnNietGevonden
from inburgering.routes.domain.kalender import begin_van_dag
from inburgering.routes.domain.termijn import (
    ROUTEWIJZIGING_VENSTER_SLUIT,
    TERMIJN_VERLOOPT,
    VERLENGINGSVENSTER_GEOPEND,
    Inburgeringstermijn,
    Signaaltermijnen,
    signaaldata,
)
from inburgering.routes.handlers._sql import insert_or_nothing
from inburgering.shared.events.intake import PipVastgesteld
from inburgering.shared.events.routes import (
    InburgeringstermijnGestart,
    RoutewijzigingVensterSluit,
    TermijnVerloopt,
    VerlengingsvensterGeopend,
)
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Clock, Timer, Timers

log = structlog.get_logger(__name__)

BRON_PIP = "pip"
BRON_DUO = "duo"
SIGNALEN = (ROUTEWIJZIGING_VENSTER_SLUIT, VERLENGINGSVENSTER_GEOPEND, TERMIJN_VERLOOPT)


async def when_pip_vastgesteld_start_termijn(
    uow: UnitOfWork,
    event: PipVastgesteld,
    envelope: Envelope,
    *,
    timers: Timers,
    vooraf: Signaaltermijnen,
    clock: Clock,
) -> None:
    """Only the first PIP starts the termijn ([Wi] 11); a later PIP, or the first one adopted
    again after bezwaar, finds it started and leaves it as it is."""
    if not event.eerste_pip:
        return
    termijn = Inburgeringstermijn.na_eerste_pip(event.dagtekening)
    result = await uow.session.execute(
        insert_or_nothing(
            uow.session,
            inburgeringstermijn,
            ["inburgeraar_id"],
            inburgeraar_id=event.inburgeraar_id,
            gemeentecode=event.gemeentecode,
            bron=BRON_PIP,
            eerste_pip_id=event.pip_id,
            dagtekening_eerste_pip_date=event.dagtekening,
            start_date=termijn.startdatum,
            oorspronkelijke_eind_date=termijn.einddatum,
            eind_date=termijn.einddatum,
            routewijziging_sluit_date=termijn.routewijziging_venster_sluit,
            verlengingsvenster_open_date=termijn.verlengingsvenster_opent,
            gestart_at=clock(),
        )
    )
    if result.rowcount != 1:
        log.info("termijn.al_gestart", pip_versie=event.versie)
        return
    await plan_signalen(uow.session, timers, event.inburgeraar_id, signaaldata(termijn, vooraf))
    await uow.publish(
        InburgeringstermijnGestart(
            inburgeraar_id=event.inburgeraar_id,
            gemeentecode=event.gemeentecode,
            pip_id=event.pip_id,
            startdatum=termijn.startdatum,
            einddatum=termijn.einddatum,
        )
    )


async def publiceer_signaal(uow: UnitOfWork, timer: Timer) -> None:
    """Fires in the scheduler's transaction: the event and the fired mark commit together."""
    row = (
        (
            await uow.session.execute(
                select(inburgeringstermijn).where(
                    inburgeringstermijn.c.inburgeraar_id == uuid.UUID(timer.aggregate_id)
                )
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        log.error("termijn.signaal_zonder_termijn", timer=timer.name)
        return
    termijn = termijn_uit_rij(row)
    ids = {"inburgeraar_id": row["inburgeraar_id"], "gemeentecode": row["gemeentecode"]}
    if timer.name == ROUTEWIJZIGING_VENSTER_SLUIT:
        await uow.publish(
            RoutewijzigingVensterSluit(**ids, sluitdatum=termijn.routewijziging_venster_sluit)
        )
    elif timer.name == VERLENGINGSVENSTER_GEOPEND:
        await uow.publish(VerlengingsvensterGeopend(**ids, einddatum=termijn.einddatum))
    elif timer.name == TERMIJN_VERLOOPT:
        await uow.publish(TermijnVerloopt(**ids, einddatum=termijn.einddatum))


async def termijn_van(uow: UnitOfWork, inburgeraar_id: uuid.UUID) -> Inburgeringstermijn | None:
    row = (
        (
            await uow.session.execute(
                select(inburgeringstermijn).where(
                    inburgeringstermijn.c.inburgeraar_id == inburgeraar_id
                )
            )
        )
        .mappings()
        .first()
    )
    return None if row is None else termijn_uit_rij(row)


async def geef_termijn(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> tuple[RowMapping, list[RowMapping]]:
    """The termijn and its extensions; another tenant's termijn is reported as not found."""
    row = (
        (
            await uow.session.execute(
                select(inburgeringstermijn).where(
                    inburgeringstermijn.c.inburgeraar_id == inburgeraar_id,
                    inburgeringstermijn.c.gemeentecode.in_(list(gemeentecodes)),
                )
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise TermijnNietGevonden(f"Er is geen inburgeringstermijn voor {inburgeraar_id}.")
    verlengingen = await uow.session.execute(
        select(termijn_verlenging)
        .where(termijn_verlenging.c.inburgeraar_id == inburgeraar_id)
        .order_by(termijn_verlenging.c.verwerkt_at)
    )
    return row, list(verlengingen.mappings().all())


def termijn_uit_rij(row: RowMapping) -> Inburgeringstermijn:
    return Inburgeringstermijn(startdatum=row["start_date"], einddatum=row["eind_date"])


async def plan_signalen(
    session: AsyncSession,
    timers: Timers,
    inburgeraar_id: uuid.UUID,
    data: Mapping[str, date],
    rearm: bool = False,
) -> None:
    """One timer per signal, due at the start of its Dutch day; `rearm` for a deadline that moved
    (a signal that already fired announces the new date)."""
    for naam, dag in data.items():
        await timers.schedule(
            session,
            name=naam,
            aggregate_id=str(inburgeraar_id),
            due_at=begin_van_dag(dag),
            rearm=rearm,
        )
