"""The influx a gemeente expects per half year: its input to the demand forecast."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import instroomverwachting
from inburgering.contracts.domain.prognose import Instroom
from inburgering.shared.persistence import UnitOfWork


async def leg_vast(uow: UnitOfWork, verwachting: Instroom) -> None:
    """Replaces the gemeente's earlier figure for that half year; commits."""
    await repository.upsert(
        uow.session,
        instroomverwachting,
        {**verwachting.__dict__, "vastgelegd_at": datetime.now(UTC)},
        ["gemeentecode", "halfjaar"],
    )
    await uow.commit()


async def van(uow: UnitOfWork, gemeentecodes: Iterable[str]) -> list[Instroom]:
    rijen = await uow.session.execute(
        select(instroomverwachting)
        .where(instroomverwachting.c.gemeentecode.in_(sorted(gemeentecodes)))
        .order_by(instroomverwachting.c.gemeentecode, instroomverwachting.c.halfjaar)
    )
    return [
        Instroom(r["gemeentecode"], r["halfjaar"], r["asielstatushouders"], r["gezinsmigranten"])
        for r in rijen.mappings()
    ]
