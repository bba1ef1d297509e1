"""The leerroute decisions this service knows, and which gemeente each belongs to.

Routes publishes every decision; contracts keeps them all (not only those it places itself), so
that a gemeente asking for a placement can only name a decision about one of its own people."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import leerroutebesluit
from inburgering.contracts.domain.errors import LeerroutebesluitNietGevonden
from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.persistence import UnitOfWork


async def leg_vast(uow: UnitOfWork, event: LeerrouteVastgesteld) -> None:
    """Idempotent: a redelivered decision finds its row and changes nothing."""
    await uow.session.execute(
        repository.insert_ignoring_conflicts(
            uow.session,
            leerroutebesluit,
            {
                "id": event.advies_id,
                "inburgeraar_id": event.inburgeraar_id,
                "gemeentecode": event.gemeentecode,
                "leerroute": event.leerroute,
                "doelgroep": event.doelgroep,
                "vastgesteld_at": datetime.now(UTC),
            },
        )
    )


async def werk_bij(uow: UnitOfWork, event: LeerrouteGewijzigd) -> None:
    await uow.session.execute(
        update(leerroutebesluit)
        .where(
            leerroutebesluit.c.id == event.advies_id,
            leerroutebesluit.c.inburgeraar_id == event.inburgeraar_id,
            leerroutebesluit.c.gemeentecode == event.gemeentecode,
        )
        .values(leerroute=event.leerroute)
    )


async def van_gemeente(
    uow: UnitOfWork, besluit_id: uuid.UUID, inburgeraar_id: uuid.UUID, gemeentecode: str
) -> RowMapping:
    """The decision, only when it is about this inburgeraar of this gemeente.

    Another gemeente's decision answers exactly like one that does not exist, so that a
    request reveals nothing of other gemeenten's people."""
    result = await uow.session.execute(
        select(leerroutebesluit).where(
            leerroutebesluit.c.id == besluit_id,
            leerroutebesluit.c.inburgeraar_id == inburgeraar_id,
            leerroutebesluit.c.gemeentecode == gemeentecode,
        )
    )
    row = result.mappings().first()
    if row is None:
        raise LeerroutebesluitNietGevonden(
            f"Leerroutebesluit {besluit_id} van inburgeraar {inburgeraar_id} is bij deze "
            f"dienst (nog) niet bekend voor gemeente {gemeentecode}."
        )
    return row
