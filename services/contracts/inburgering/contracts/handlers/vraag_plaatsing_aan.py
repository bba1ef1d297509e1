"""Reaction to a decided leerroute: request a placement at a contracted provider, or wait."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy import update

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import plaatsing
from inburgering.contracts.domain.allocatie import (
    Aanvraag,
    Allocatiebeleid,
    rangschik,
    verantwoordelijk_verband,
)
from inburgering.contracts.domain.model import PlaatsingStatus
from inburgering.shared.events.contracts import CapaciteitUitgeput, PlaatsingAangevraagd
from inburgering.shared.events.routes import LeerrouteVastgesteld
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)

# Contract periods and keurmerk validity are Dutch calendar dates.
_NL = ZoneInfo("Europe/Amsterdam")


async def when_leerroute_vastgesteld_vraag_plaatsing_aan(
    uow: UnitOfWork,
    event: LeerrouteVastgesteld,
    envelope: Envelope,
    *,
    beleid: Allocatiebeleid = Allocatiebeleid.LAAGSTE_BEZETTING,
) -> None:
    """One placement per leerroute decision; the caller commits.

    Every doelgroep gets a placement for now. Wi2021 obliges the gemeente to offer a course
    only to asielstatushouders ([Wi] 16.1); gezinsmigranten and overige migranten choose and
    pay themselves. Restricting placements to asielstatushouders is still to be built.
    """
    session = uow.session
    nu = datetime.now(UTC)
    plaatsing_id = uuid.uuid4()
    # Recorded first, so that a second delivery of the same decision, even a concurrent one,
    # finds the unique key taken and changes nothing (and claims no capacity).
    nieuw = await session.execute(
        repository.insert_ignoring_conflicts(
            session,
            plaatsing,
            {
                "id": plaatsing_id,
                "inburgeraar_id": event.inburgeraar_id,
                "leerroute_besluit_id": event.advies_id,
                "gemeentecode": event.gemeentecode,
                "leerroute": event.leerroute,
                "status": PlaatsingStatus.WACHTLIJST,
                "aangevraagd_at": nu,
            },
        )
    )
    if nieuw.rowcount != 1:
        log.info("plaatsing.al_aangevraagd", event_id=envelope.id)
        return

    aanvraag = Aanvraag(
        gemeentecode=event.gemeentecode,
        leerroute=event.leerroute,
        doelgroep=event.doelgroep,
        peildatum=nu.astimezone(_NL).date(),
    )
    verbanden = await repository.verbanden_met_lid(session, event.gemeentecode, event.leerroute)
    contracten = await repository.actieve_contracten_van(session, verbanden)
    for contract in rangschik(contracten, aanvraag, beleid):
        # The ranking saw a snapshot; the claim decides. Lost races fall through to the next.
        if not await repository.claim_plaats(session, contract.id):
            continue
        await _zet(
            uow,
            plaatsing_id,
            status=PlaatsingStatus.AANGEVRAAGD,
            samenwerkingsverband_id=contract.samenwerkingsverband.id,
            contract_id=contract.id,
            aanbieder_id=contract.aanbieder.id,
        )
        await uow.publish(
            PlaatsingAangevraagd(
                plaatsing_id=plaatsing_id,
                inburgeraar_id=event.inburgeraar_id,
                gemeentecode=event.gemeentecode,
                leerroute=event.leerroute,
                contract_id=contract.id,
                aanbieder_kvk=contract.aanbieder.kvk,
            )
        )
        return

    verband = verantwoordelijk_verband(verbanden, aanvraag)
    if verband is not None:
        await _zet(uow, plaatsing_id, samenwerkingsverband_id=verband.id)
    await uow.publish(
        CapaciteitUitgeput(
            plaatsing_id=plaatsing_id,
            inburgeraar_id=event.inburgeraar_id,
            gemeentecode=event.gemeentecode,
            leerroute=event.leerroute,
            samenwerkingsverband_id=verband.id if verband else None,
            lead_gemeentecode=verband.lead_gemeentecode if verband else None,
        )
    )
    log.info("plaatsing.wachtlijst", leerroute=str(event.leerroute), gedekt=verband is not None)


async def _zet(uow: UnitOfWork, plaatsing_id: uuid.UUID, **values: object) -> None:
    await uow.session.execute(
        update(plaatsing).where(plaatsing.c.id == plaatsing_id).values(**values)
    )
