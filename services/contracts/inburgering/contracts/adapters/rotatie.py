"""Where the rotation of a samenwerkingsverband stands, durable across restarts.

Taking the rotation locks its row until the transaction ends, so concurrent allocations in one
verband take turns: each sees the contract the previous one chose.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from inburgering.contracts.adapters.repository import insert_ignoring_conflicts
from inburgering.contracts.adapters.tables import toewijzing_rotatie


async def neem_rotatie(session: AsyncSession, verband_id: uuid.UUID) -> uuid.UUID | None:
    """The contract the rotation chose last, with the rotation locked for this transaction."""
    await session.execute(
        insert_ignoring_conflicts(
            session,
            toewijzing_rotatie,
            {
                "samenwerkingsverband_id": verband_id,
                "laatste_contract_id": None,
                "bijgewerkt_at": datetime.now(UTC),
            },
        )
    )
    result = await session.execute(
        select(toewijzing_rotatie.c.laatste_contract_id)
        .where(toewijzing_rotatie.c.samenwerkingsverband_id == verband_id)
        .with_for_update()
    )
    return result.scalar_one()


async def zet_rotatie(session: AsyncSession, verband_id: uuid.UUID, contract_id: uuid.UUID) -> None:
    await session.execute(
        update(toewijzing_rotatie)
        .where(toewijzing_rotatie.c.samenwerkingsverband_id == verband_id)
        .values(laatste_contract_id=contract_id, bijgewerkt_at=datetime.now(UTC))
    )
