"""NT2 course hours as the contracts service reports them, for the A2 scaling-down rule."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from inburgering.routes.adapters.tables import nt2_uren
from inburgering.routes.handlers._sql import insert_or_raise
from inburgering.shared.events.contracts import UrenMijlpaalBereikt
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Clock


async def when_urenmijlpaal_bereikt_tel_nt2_uren(
    uow: UnitOfWork, event: UrenMijlpaalBereikt, envelope: Envelope, *, clock: Clock
) -> None:
    """Only hours at a keurmerk or taalschakel institution count ([Wi] 17.3). The reported total
    per placement only grows, so a late or repeated milestone never lowers it."""
    if not event.erkende_instelling:
        return
    await uow.session.execute(
        insert_or_raise(
            uow.session,
            nt2_uren,
            ["inburgeraar_id", "plaatsing_id"],
            "uren_erkend",
            inburgeraar_id=event.inburgeraar_id,
            plaatsing_id=event.plaatsing_id,
            gemeentecode=event.gemeentecode,
            uren_erkend=event.uren_totaal,
            bijgewerkt_at=clock(),
        )
    )


async def erkende_nt2_uren(uow: UnitOfWork, inburgeraar_id: uuid.UUID) -> float:
    """Summed over placements: a person may follow NT2 at more than one institution."""
    total = await uow.session.execute(
        select(func.coalesce(func.sum(nt2_uren.c.uren_erkend), 0.0)).where(
            nt2_uren.c.inburgeraar_id == inburgeraar_id
        )
    )
    return float(total.scalar_one())
