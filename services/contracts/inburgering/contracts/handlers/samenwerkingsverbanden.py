from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import or_, select

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import samenwerkingsverband, samenwerkingsverband_lid
from inburgering.shared.persistence import UnitOfWork


async def lijst_samenwerkingsverbanden(
    uow: UnitOfWork, gemeentecodes: Iterable[str], *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """The samenwerkingsverbanden the gemeenten are a member of or lead, with their members."""
    codes = sorted(gemeentecodes)
    result = await uow.session.execute(
        select(samenwerkingsverband)
        .where(
            or_(
                samenwerkingsverband.c.lead_gemeentecode.in_(codes),
                samenwerkingsverband.c.id.in_(
                    select(samenwerkingsverband_lid.c.samenwerkingsverband_id).where(
                        samenwerkingsverband_lid.c.gemeentecode.in_(codes)
                    )
                ),
            )
        )
        .order_by(samenwerkingsverband.c.leerroute, samenwerkingsverband.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = list(result.mappings().all())
    leden = await repository.leden_van(uow.session, [row["id"] for row in rows])
    return [{**row, "leden": leden[row["id"]]} for row in rows]
