"""What DUO reports about the inburgeringstermijn: the termijn it registered (SS102, and SS121
for someone who moved in with the previous gemeente's PIP) and its extensions (SS103, SS104,
SS130). DUO enforces the termijn, so its dates are the ones the windows count from ([Wi] 11,
[Wi] 12, [Bi] 4.5.1, [Bi] 5.4.1), also for someone who never had a PIP here."""

from __future__ import annotations

import uuid
from datetime import date

import structlog
from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import inburgeringstermijn, termijn_verlenging
from inburgering.routes.domain.errors import TermijnNietGevonden
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.domain.termijn import (
    TERMIJN_VERLOOPT,
    VERLENGINGSVENSTER_GEOPEND,
    Inburgeringstermijn,
    Signaaltermijnen,
    komende_signaaldata,
    oorspronkelijk_einde,
    signaaldata,
)
from inburgering.routes.handlers._sql import insert_or_nothing
from inburgering.routes.handlers.termijn import (
    BRON_DUO,
    SIGNALEN,
    plan_signalen,
    termijn_uit_rij,
)
from inburgering.shared.events.intake import InburgeringstermijnBekend, InburgeringstermijnVerlengd
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Clock, Timers

log = structlog.get_logger(__name__)

# An extension moves the end, so these two follow it; the 18 months count from the fixed start.
NA_VERLENGING = (VERLENGINGSVENSTER_GEOPEND, TERMIJN_VERLOOPT)


async def when_termijn_bekend_neem_over(
    uow: UnitOfWork,
    event: InburgeringstermijnBekend,
    envelope: Envelope,
    *,
    timers: Timers,
    vooraf: Signaaltermijnen,
    clock: Clock,
) -> None:
    """Someone who moved in gets DUO's termijn with its windows; for a termijn already known
    (the first PIP here) DUO's registration is a confirmation, or the correction that counts."""
    duo = Inburgeringstermijn(startdatum=event.startdatum, einddatum=event.einddatum)
    row = await _vergrendeld(uow, event.inburgeraar_id)
    if row is None:
        await _neem_over(uow, event.inburgeraar_id, event.gemeentecode, duo, timers, vooraf, clock)
        return
    bekend = termijn_uit_rij(row)
    if bekend == duo:
        return
    log.warning("termijn.gecorrigeerd_door_duo", aanleiding=event.aanleiding.value)
    await _werk_bij(uow, event.inburgeraar_id, duo, oorspronkelijk_einde(duo.startdatum))
    voor, na = signaaldata(bekend, vooraf), signaaldata(duo, vooraf)
    verschoven = [naam for naam in SIGNALEN if voor[naam] != na[naam]]
    await _herplan(uow, timers, event.inburgeraar_id, duo, vooraf, clock, verschoven)


async def when_termijn_verlengd_verschuif_einde(
    uow: UnitOfWork,
    event: InburgeringstermijnVerlengd,
    envelope: Envelope,
    *,
    timers: Timers,
    vooraf: Signaaltermijnen,
    clock: Clock,
) -> None:
    """An extension for a termijn not known here (someone who moved in) takes DUO's termijn over
    with it. Only an older event without DUO's start still raises: after its retries it goes to
    the dead-letter topic for a person to look at, rather than being lost."""
    row = await _vergrendeld(uow, event.inburgeraar_id)
    if row is None:
        if event.startdatum is None:
            raise TermijnNietGevonden("Verlenging voor een inburgeraar zonder bekende termijn.")
        duo = Inburgeringstermijn(startdatum=event.startdatum, einddatum=event.nieuwe_einddatum)
        await _neem_over(uow, event.inburgeraar_id, event.gemeentecode, duo, timers, vooraf, clock)
        return
    verlengd = termijn_uit_rij(row).verlengd_tot(event.nieuwe_einddatum)
    if verlengd is None:
        log.info("termijn.verlenging_zonder_effect")
        return
    await _werk_bij(uow, event.inburgeraar_id, verlengd)
    await uow.session.execute(
        termijn_verlenging.insert().values(
            id=uuid.uuid4(),
            inburgeraar_id=event.inburgeraar_id,
            vorige_eind_date=row["eind_date"],
            nieuwe_eind_date=verlengd.einddatum,
            verwerkt_at=clock(),
        )
    )
    # Re-armed: a window that already opened opens again before the new end ("telkens", [Wi] 12).
    await _herplan(uow, timers, event.inburgeraar_id, verlengd, vooraf, clock, NA_VERLENGING)


async def _vergrendeld(uow: UnitOfWork, inburgeraar_id: uuid.UUID) -> RowMapping | None:
    result = await uow.session.execute(
        select(inburgeringstermijn)
        .where(inburgeringstermijn.c.inburgeraar_id == inburgeraar_id)
        .with_for_update()
    )
    return result.mappings().first()


async def _neem_over(
    uow: UnitOfWork,
    inburgeraar_id: uuid.UUID,
    gemeentecode: str,
    termijn: Inburgeringstermijn,
    timers: Timers,
    vooraf: Signaaltermijnen,
    clock: Clock,
) -> None:
    nu = clock()
    result = await uow.session.execute(
        insert_or_nothing(
            uow.session,
            inburgeringstermijn,
            ["inburgeraar_id"],
            inburgeraar_id=inburgeraar_id,
            gemeentecode=gemeentecode,
            bron=BRON_DUO,
            start_date=termijn.startdatum,
            oorspronkelijke_eind_date=oorspronkelijk_einde(termijn.startdatum),
            eind_date=termijn.einddatum,
            routewijziging_sluit_date=termijn.routewijziging_venster_sluit,
            verlengingsvenster_open_date=termijn.verlengingsvenster_opent,
            gestart_at=nu,
        )
    )
    if result.rowcount != 1:
        return
    log.info("termijn.overgenomen_van_duo")
    komend = komende_signaaldata(termijn, vooraf, vandaag(nu))
    await plan_signalen(uow.session, timers, inburgeraar_id, komend)


async def _werk_bij(
    uow: UnitOfWork,
    inburgeraar_id: uuid.UUID,
    termijn: Inburgeringstermijn,
    oorspronkelijk: date | None = None,
) -> None:
    values = {
        "start_date": termijn.startdatum,
        "eind_date": termijn.einddatum,
        "routewijziging_sluit_date": termijn.routewijziging_venster_sluit,
        "verlengingsvenster_open_date": termijn.verlengingsvenster_opent,
    }
    if oorspronkelijk is not None:
        values["oorspronkelijke_eind_date"] = oorspronkelijk
    await uow.session.execute(
        inburgeringstermijn.update()
        .where(inburgeringstermijn.c.inburgeraar_id == inburgeraar_id)
        .values(**values)
    )


async def _herplan(
    uow: UnitOfWork,
    timers: Timers,
    inburgeraar_id: uuid.UUID,
    termijn: Inburgeringstermijn,
    vooraf: Signaaltermijnen,
    clock: Clock,
    namen: list[str] | tuple[str, ...],
) -> None:
    """Moved signals are re-armed; one whose deadline has now passed is no longer announced."""
    komend = komende_signaaldata(termijn, vooraf, vandaag(clock()))
    await plan_signalen(
        uow.session,
        timers,
        inburgeraar_id,
        {naam: komend[naam] for naam in namen if naam in komend},
        rearm=True,
    )
    for naam in namen:
        if naam not in komend:
            await timers.cancel(uow.session, name=naam, aggregate_id=str(inburgeraar_id))
