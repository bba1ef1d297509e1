"""Who exists for which gemeente: learned from every leerroute decision and change of routes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import and_, func, select

from inburgering.referrals.adapters.tables import inburgeraar
from inburgering.referrals.domain.errors import InburgeraarNietGevonden
from inburgering.referrals.domain.inburgeraar import BekendeInburgeraar
from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Leerroute, Opleidingsniveau
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.persistence.sql import upsert


def _utc(moment: datetime) -> datetime:
    # SQLite keeps the wall time only; one zone keeps the stored moments comparable.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


async def _onthoud(
    uow: UnitOfWork,
    *,
    inburgeraar_id: uuid.UUID,
    gemeentecode: str,
    leerroute: Leerroute,
    opleidingsniveau: Opleidingsniveau | None,
    sinds: datetime,
) -> None:
    """Insert or bring up to date in one statement, so redeliveries and concurrent consumers
    converge on the latest decision. The gemeente never changes: an id belongs to one for good."""
    sinds = _utc(sinds)
    insert = upsert(uow.session, inburgeraar).values(
        id=inburgeraar_id,
        gemeentecode=gemeentecode,
        leerroute=leerroute,
        opleidingsniveau=opleidingsniveau,
        bekend_sinds_at=sinds,
        leerroute_sinds_at=sinds,
    )
    nieuw = insert.excluded
    await uow.session.execute(
        insert.on_conflict_do_update(
            index_elements=[inburgeraar.c.id],
            set_={
                "leerroute": nieuw.leerroute,
                "leerroute_sinds_at": nieuw.leerroute_sinds_at,
                # A change of leerroute does not carry the intake's level: keep the known one.
                "opleidingsniveau": func.coalesce(
                    nieuw.opleidingsniveau, inburgeraar.c.opleidingsniveau
                ),
            },
            where=and_(
                inburgeraar.c.gemeentecode == nieuw.gemeentecode,
                inburgeraar.c.leerroute_sinds_at <= nieuw.leerroute_sinds_at,
            ),
        )
    )


async def onthoud_besluit(uow: UnitOfWork, event: LeerrouteVastgesteld, envelope: Envelope) -> None:
    await _onthoud(
        uow,
        inburgeraar_id=event.inburgeraar_id,
        gemeentecode=event.gemeentecode,
        leerroute=event.leerroute,
        opleidingsniveau=event.opleidingsniveau,
        sinds=envelope.time,
    )


async def when_leerroute_gewijzigd_werk_leerroute_bij(
    uow: UnitOfWork, event: LeerrouteGewijzigd, envelope: Envelope
) -> None:
    """A change also makes the person known: their decision may never have been seen here (it
    came before this service kept track of people). The consumer commits."""
    await _onthoud(
        uow,
        inburgeraar_id=event.inburgeraar_id,
        gemeentecode=event.gemeentecode,
        leerroute=event.leerroute,
        opleidingsniveau=None,
        sinds=envelope.time,
    )


async def bekende_inburgeraar(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecode: str
) -> BekendeInburgeraar:
    """Another gemeente's inburgeraar and an unknown id get the same answer."""
    result = await uow.session.execute(
        select(inburgeraar).where(
            inburgeraar.c.id == inburgeraar_id, inburgeraar.c.gemeentecode == gemeentecode
        )
    )
    row = result.mappings().first()
    if row is None:
        raise InburgeraarNietGevonden(
            f"Inburgeraar {inburgeraar_id} is bij deze dienst (nog) niet bekend voor gemeente "
            f"{gemeentecode}: een verwijzing kan pas nadat de leerroute is vastgesteld."
        )
    niveau = row["opleidingsniveau"]
    return BekendeInburgeraar(
        inburgeraar_id=row["id"],
        gemeentecode=row["gemeentecode"],
        leerroute=Leerroute(row["leerroute"]),
        opleidingsniveau=Opleidingsniveau(niveau) if niveau is not None else None,
    )
