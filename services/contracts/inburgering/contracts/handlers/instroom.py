"""The influx a gemeente expects per half year: its input to the demand forecast."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import instroomverwachting
from inburgering.shared.persistence import UnitOfWork


@dataclass(frozen=True)
class Instroomverwachting:
    gemeentecode: str
    halfjaar: str
    asielstatushouders: int
    gezinsmigranten: int


async def leg_vast(uow: UnitOfWork, verwachting: Instroomverwachting) -> None:
    """Replaces the gemeente's earlier figure for that half year; commits."""
    await repository.upsert(
        uow.session,
        instroomverwachting,
        {**verwachting.__dict__, "vastgelegd_at": datetime.now(UTC)},
        ["gemeentecode", "halfjaar"],
    )
    await uow.commit()


async def van(uow: UnitOfWork, gemeentecodes: Iterable[str]) -> list[Instroomverwachting]:
    rijen = await uow.session.execute(
        select(instroomverwachting)
        .where(instroomverwachting.c.gemeentecode.in_(sorted(gemeentecodes)))
        .order_by(instroomverwachting.c.gemeentecode, instroomverwachting.c.halfjaar)
    )
    return [
        Instroomverwachting(
            r["gemeentecode"], r["halfjaar"], r["asielstatushouders"], r["gezinsmigranten"]
        )
        for r in rijen.mappings()
    ]
