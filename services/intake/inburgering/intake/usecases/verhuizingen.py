"""The history of moves on the inburgeraar read model: each settling DUO reported, oldest first."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.tables import verhuizing
from inburgering.shared.persistence import UnitOfWork


async def verhuizingen_van(
    uow: UnitOfWork, inburgeraar_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[RowMapping]]:
    """Only for ids the caller already found within its tenant scope."""
    ids = list(inburgeraar_ids)
    per_persoon: dict[uuid.UUID, list[RowMapping]] = defaultdict(list)
    if not ids:
        return per_persoon
    result = await uow.session.execute(
        select(verhuizing)
        .where(verhuizing.c.inburgeraar_id.in_(ids))
        .order_by(verhuizing.c.gevestigd_date, verhuizing.c.id)
    )
    for row in result.mappings():
        per_persoon[row["inburgeraar_id"]].append(row)
    return per_persoon
