"""A referral comes into being: proposed on a leerroute decision, or made by a case manager."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import structlog
from sqlalchemy import select

from inburgering.referrals.adapters import repository
from inburgering.referrals.adapters.tables import netwerk_gemeente, verwijzing
from inburgering.referrals.domain.errors import GemeenteNietInNetwerk
from inburgering.referrals.domain.inburgeraar import leerroute_voor_verwijzing
from inburgering.referrals.domain.kandidaat import verwijzingsniveau
from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.domain.termijn import STANDAARD_DAGEN_VOORAF
from inburgering.referrals.handlers import inburgeraars, indiening_timer
from inburgering.shared.events.referrals import Onderwijsniveau, VerwijzingAangemaakt
from inburgering.shared.events.routes import LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Leerroute, Opleidingsniveau
from inburgering.shared.kalender import nederlandse_datum
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.persistence.sql import insert_unless_present
from inburgering.shared.scheduling import Clock
from inburgering.shared.scheduling.timers import utc_now

log = structlog.get_logger(__name__)


async def _netwerkgemeenten(uow: UnitOfWork, gemeentecode: str) -> set[str]:
    result = await uow.session.execute(
        select(netwerk_gemeente.c.gemeentecode).where(
            netwerk_gemeente.c.gemeentecode == gemeentecode
        )
    )
    return set(result.scalars().all())


async def _maak(
    uow: UnitOfWork,
    *,
    inburgeraar_id: uuid.UUID,
    gemeentecode: str,
    niveau: Onderwijsniveau,
    leerroute: Leerroute,
    opleidingsniveau: Opleidingsniveau | None,
    advies_id: uuid.UUID | None,
    nu: datetime,
    indiening_nadert_dagen: int,
) -> uuid.UUID | None:
    verwijzing_id = uuid.uuid4()
    created = await uow.session.execute(
        insert_unless_present(uow.session, verwijzing, ["advies_id"]).values(
            id=verwijzing_id,
            inburgeraar_id=inburgeraar_id,
            advies_id=advies_id,
            gemeentecode=gemeentecode,
            niveau=niveau,
            leerroute=leerroute,
            opleidingsniveau=opleidingsniveau,
            status=VerwijzingStatus.AANGEMAAKT,
            aangemaakt_at=nu,
        )
    )
    # The same decision can arrive under another event id (a replay, a republish): the
    # referral and its event exist once per advies.
    if created.rowcount != 1:
        return None
    await repository.registreer_stap(
        uow.session, verwijzing_id, VerwijzingStatus.AANGEMAAKT, nu, poging=1
    )
    await indiening_timer.plan(
        uow,
        verwijzing_id,
        niveau=niveau,
        vandaag=nederlandse_datum(nu),
        dagen_vooraf=indiening_nadert_dagen,
    )
    await uow.publish(
        VerwijzingAangemaakt(
            verwijzing_id=verwijzing_id,
            inburgeraar_id=inburgeraar_id,
            gemeentecode=gemeentecode,
            niveau=niveau,
        )
    )
    log.info(
        "verwijzing.aangemaakt",
        verwijzing_id=str(verwijzing_id),
        gemeentecode=gemeentecode,
        niveau=str(niveau),
    )
    return verwijzing_id


async def when_leerroute_vastgesteld_maak_verwijzing(
    uow: UnitOfWork,
    event: LeerrouteVastgesteld,
    envelope: Envelope,
    *,
    indiening_nadert_dagen: int = STANDAARD_DAGEN_VOORAF,
    klok: Clock = utc_now,
) -> None:
    """Propose a referral for an onderwijsroute towards hbo/wo; the consumer commits.

    Every decision, also one that leads to no proposal, makes the person known for the gemeente:
    a case manager may refer from any leerroute later. The bootstrap binds
    `indiening_nadert_dagen` to the setting and `klok` to the service clock (the submission
    timer counts from the referral's creation day)."""
    await inburgeraars.onthoud_besluit(uow, event, envelope)
    niveau = verwijzingsniveau(event, await _netwerkgemeenten(uow, event.gemeentecode))
    if niveau is None:
        return
    await _maak(
        uow,
        inburgeraar_id=event.inburgeraar_id,
        gemeentecode=event.gemeentecode,
        niveau=niveau,
        leerroute=event.leerroute,
        opleidingsniveau=event.opleidingsniveau,
        advies_id=event.advies_id,
        nu=klok(),
        indiening_nadert_dagen=indiening_nadert_dagen,
    )


@dataclass(frozen=True)
class MaakVerwijzing:
    """A case manager refers by hand, from whatever leerroute the person follows; without a
    leerroute or education level, the ones known from the decision are taken."""

    inburgeraar_id: uuid.UUID
    gemeentecode: str
    niveau: Onderwijsniveau
    leerroute: Leerroute | None = None
    opleidingsniveau: Opleidingsniveau | None = None


async def maak_verwijzing(
    uow: UnitOfWork,
    command: MaakVerwijzing,
    nu: datetime,
    *,
    indiening_nadert_dagen: int = STANDAARD_DAGEN_VOORAF,
) -> uuid.UUID:
    if command.gemeentecode not in await _netwerkgemeenten(uow, command.gemeentecode):
        raise GemeenteNietInNetwerk(
            f"Gemeente {command.gemeentecode} neemt niet deel aan het hbo/wo-netwerk."
        )
    # Network membership says nothing about a person, so it may come first; from here on an
    # unknown id and another gemeente's inburgeraar must get the same answer.
    bekend = await inburgeraars.bekende_inburgeraar(
        uow, command.inburgeraar_id, command.gemeentecode
    )
    verwijzing_id = await _maak(
        uow,
        inburgeraar_id=command.inburgeraar_id,
        gemeentecode=command.gemeentecode,
        niveau=command.niveau,
        leerroute=leerroute_voor_verwijzing(bekend, command.leerroute),
        opleidingsniveau=command.opleidingsniveau or bekend.opleidingsniveau,
        advies_id=None,
        nu=nu,
        indiening_nadert_dagen=indiening_nadert_dagen,
    )
    assert verwijzing_id is not None, "without an advies there is nothing to collide with"
    await uow.commit()
    return verwijzing_id
