"""Referral use cases: the reaction to a leerroute decision and the queries behind the API."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

import structlog
from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.referrals.adapters.sql import insert_unless_present
from inburgering.referrals.adapters.tables import (
    instelling,
    netwerk_gemeente,
    opleiding,
    verwijzing,
)
from inburgering.referrals.domain.errors import VerwijzingNietGevonden
from inburgering.referrals.domain.kandidaat import verwijzingsniveau
from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.shared.events.referrals import VerwijzingAangemaakt
from inburgering.shared.events.routes import LeerrouteVastgesteld
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


async def when_leerroute_vastgesteld_maak_verwijzing(
    uow: UnitOfWork, event: LeerrouteVastgesteld, envelope: Envelope
) -> None:
    """Propose a referral for an onderwijsroute towards hbo/wo; the consumer commits."""
    in_netwerk = await uow.session.execute(
        select(netwerk_gemeente.c.gemeentecode).where(
            netwerk_gemeente.c.gemeentecode == event.gemeentecode
        )
    )
    niveau = verwijzingsniveau(event, set(in_netwerk.scalars().all()))
    if niveau is None:
        return
    verwijzing_id = uuid.uuid4()
    created = await uow.session.execute(
        insert_unless_present(uow.session, verwijzing, ["advies_id"]).values(
            id=verwijzing_id,
            inburgeraar_id=event.inburgeraar_id,
            advies_id=event.advies_id,
            gemeentecode=event.gemeentecode,
            niveau=niveau,
            status=VerwijzingStatus.AANGEMAAKT,
            aangemaakt_at=datetime.now(UTC),
        )
    )
    # The same decision can arrive under another event id (a replay, a republish): the
    # referral and its event exist once per advies.
    if created.rowcount != 1:
        return
    await uow.publish(
        VerwijzingAangemaakt(
            verwijzing_id=verwijzing_id,
            inburgeraar_id=event.inburgeraar_id,
            gemeentecode=event.gemeentecode,
            niveau=niveau,
        )
    )
    log.info(
        "verwijzing.aangemaakt",
        verwijzing_id=str(verwijzing_id),
        gemeentecode=event.gemeentecode,
        niveau=str(niveau),
        event_id=envelope.id,
    )


_VERWIJZING_COLUMNS = (
    verwijzing.c.id,
    verwijzing.c.inburgeraar_id,
    verwijzing.c.gemeentecode,
    verwijzing.c.niveau,
    verwijzing.c.status,
    verwijzing.c.aangemaakt_at,
)


async def lijst_verwijzingen(
    uow: UnitOfWork,
    gemeentecodes: Iterable[str],
    *,
    inburgeraar_id: uuid.UUID | None = None,
    limit: int,
    offset: int,
) -> list[RowMapping]:
    query = select(*_VERWIJZING_COLUMNS).where(verwijzing.c.gemeentecode.in_(list(gemeentecodes)))
    if inburgeraar_id is not None:
        query = query.where(verwijzing.c.inburgeraar_id == inburgeraar_id)
    result = await uow.session.execute(
        query.order_by(verwijzing.c.aangemaakt_at, verwijzing.c.id).limit(limit).offset(offset)
    )
    return list(result.mappings().all())


async def geef_verwijzing(
    uow: UnitOfWork, verwijzing_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    """Another tenant's referral is reported as not found, so existence does not leak."""
    result = await uow.session.execute(
        select(*_VERWIJZING_COLUMNS).where(
            verwijzing.c.id == verwijzing_id,
            verwijzing.c.gemeentecode.in_(list(gemeentecodes)),
        )
    )
    row = result.mappings().first()
    if row is None:
        raise VerwijzingNietGevonden(f"Verwijzing {verwijzing_id} bestaat niet.")
    return row


async def lijst_opleidingen(uow: UnitOfWork, *, limit: int, offset: int) -> list[RowMapping]:
    result = await uow.session.execute(
        select(
            opleiding.c.id,
            opleiding.c.naam,
            opleiding.c.soort,
            opleiding.c.niveau,
            opleiding.c.instelling_id,
            instelling.c.naam.label("instelling_naam"),
        )
        .join(instelling, instelling.c.id == opleiding.c.instelling_id)
        .order_by(instelling.c.naam, opleiding.c.naam, opleiding.c.id)
        .limit(limit)
        .offset(offset)
    )
    return list(result.mappings().all())
