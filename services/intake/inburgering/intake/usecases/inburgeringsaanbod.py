"""When a provider placement has started the gemeente reports the inburgeringsaanbod to DUO
([Wi] art. 16; [Bi] 9.2.2): queued once per placement, delivered like the PIP melding."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import structlog
from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.tables import duo_melding, inburgeraar
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.errors import (
    InburgeraarNietGevonden,
    InburgeringsaanbodAlAfgeleverd,
    InburgeringsaanbodNietGevonden,
)
from inburgering.intake.domain.inburgeringsaanbod import moet_gemeld
from inburgering.intake.usecases.aanbieder_inzage import when_plaatsing_gewijzigd
from inburgering.intake.usecases.meldingen import MELDING_TIMER, MeldingSoort, MeldingStatus, plan
from inburgering.shared.events.contracts import TrajectGestart
from inburgering.shared.events.vocabulary import Doelgroep
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


async def when_traject_gestart(
    uow: UnitOfWork, event: TrajectGestart, envelope: Envelope, *, ctx: IntakeContext
) -> None:
    """Queue the melding of the aanbod; a redelivered or republished start queues nothing new.
    A started placement also keeps the provider's access to the contact data."""
    await when_plaatsing_gewijzigd(uow, event, envelope)
    persoon = (
        (
            await uow.session.execute(
                select(inburgeraar.c.id, inburgeraar.c.doelgroep).where(
                    inburgeraar.c.id == event.inburgeraar_id,
                    inburgeraar.c.gemeentecode == event.gemeentecode,
                )
            )
        )
        .mappings()
        .first()
    )
    if persoon is None:
        log.warning("aanbod.onbekende_inburgeraar", event_type=envelope.type)
        return
    if not moet_gemeld(Doelgroep(persoon["doelgroep"])):
        log.info("aanbod.niet_gemeld", reden="geen asielstatushouder")
        return
    bestaand = await uow.session.execute(
        select(duo_melding.c.id).where(duo_melding.c.plaatsing_id == event.plaatsing_id)
    )
    if bestaand.first() is not None:
        return
    await plan(
        uow,
        ctx,
        soort=MeldingSoort.INBURGERINGSAANBOD,
        inburgeraar_id=event.inburgeraar_id,
        gemeentecode=event.gemeentecode,
        plaatsing_id=event.plaatsing_id,
        aanbieder_kvk=event.aanbieder_kvk,
        aanbieder_duo_instellingsnummer=event.aanbieder_duo_instellingsnummer,
        leerroute=event.leerroute.value,
        startdatum=event.startdatum,
    )


async def lijst_aanbod_meldingen(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> list[RowMapping]:
    await _eigen_inburgeraar(uow, inburgeraar_id, gemeentecodes)
    result = await uow.session.execute(
        _aanbod()
        .where(duo_melding.c.inburgeraar_id == inburgeraar_id)
        .order_by(duo_melding.c.aangemaakt_at, duo_melding.c.id)
    )
    return list(result.mappings().all())


async def geef_aanbod_melding(
    uow: UnitOfWork,
    inburgeraar_id: uuid.UUID,
    plaatsing_id: uuid.UUID,
    gemeentecodes: Iterable[str],
) -> RowMapping:
    await _eigen_inburgeraar(uow, inburgeraar_id, gemeentecodes)
    row = (
        (
            await uow.session.execute(
                _aanbod().where(
                    duo_melding.c.inburgeraar_id == inburgeraar_id,
                    duo_melding.c.plaatsing_id == plaatsing_id,
                )
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise InburgeringsaanbodNietGevonden(
            f"Er is geen inburgeringsaanbod voor plaatsing {plaatsing_id}."
        )
    return row


async def meld_opnieuw(
    uow: UnitOfWork,
    ctx: IntakeContext,
    inburgeraar_id: uuid.UUID,
    plaatsing_id: uuid.UUID,
    gemeentecodes: Iterable[str],
) -> RowMapping:
    """Queue a refused or parked melding again once its cause is fixed (e.g. the fallback
    instellingsnummer is configured, the keurmerk restored): the same melding, its attempts
    counted on. Asking again while it waits changes nothing; a delivered one is not sent twice."""
    row = await geef_aanbod_melding(uow, inburgeraar_id, plaatsing_id, gemeentecodes)
    if row["status"] == MeldingStatus.AFGELEVERD:
        raise InburgeringsaanbodAlAfgeleverd(
            f"Het inburgeringsaanbod voor plaatsing {plaatsing_id} is al afgeleverd."
        )
    if row["status"] in (MeldingStatus.AFGEWEZEN, MeldingStatus.GEPARKEERD):
        nu = ctx.clock()
        await uow.session.execute(
            update(duo_melding)
            .where(duo_melding.c.id == row["id"])
            .values(status=MeldingStatus.WACHTEND, volgende_poging_at=nu, afgerond_at=None)
        )
        await ctx.timers.schedule(
            uow.session,
            name=MELDING_TIMER,
            aggregate_id=f"{row['id']}#opnieuw{row['pogingen']}",
            due_at=nu,
            payload={"meldingId": str(row["id"])},
        )
        row = await geef_aanbod_melding(uow, inburgeraar_id, plaatsing_id, gemeentecodes)
    await uow.commit()
    return row


def _aanbod():  # type: ignore[no-untyped-def]
    return select(duo_melding).where(duo_melding.c.soort == MeldingSoort.INBURGERINGSAANBOD)


async def _eigen_inburgeraar(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> None:
    """Another tenant's inburgeraar is reported as not found, so existence does not leak."""
    found = await uow.session.execute(
        select(inburgeraar.c.id).where(
            inburgeraar.c.id == inburgeraar_id,
            inburgeraar.c.gemeentecode.in_(list(gemeentecodes)),
        )
    )
    if found.first() is None:
        raise InburgeraarNietGevonden(f"Inburgeraar {inburgeraar_id} bestaat niet.")
