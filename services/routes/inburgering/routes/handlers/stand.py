"""One inburgeraar's progress as read from the database: the facts the completion rules judge."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import (
    cursusuren,
    examenuitslag,
    participatie_activiteit,
    urenaftrek,
    voortgang,
)
from inburgering.routes.domain.examen import Uitslag, behaald
from inburgering.routes.domain.voortgang import (
    Aftreknorm,
    Map,
    MapStatus,
    Pvt,
    Voortgang,
    Voortgangsfeiten,
    beoordeel,
)
from inburgering.shared.events.routes import Vaardigheid
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.persistence import UnitOfWork


@dataclass(frozen=True)
class Stand:
    """One inburgeraar's progress as the API shows it."""

    inburgeraar_id: uuid.UUID
    gemeentecode: str
    feiten: Voortgangsfeiten
    voortgang: Voortgang
    afronding_bereikt_op: datetime | None


async def _som(uow: UnitOfWork, column: Any, where: Any) -> float:
    total = await uow.session.execute(select(func.coalesce(func.sum(column), 0.0)).where(where))
    return float(total.scalar_one())


async def _uitslagen(uow: UnitOfWork, inburgeraar_id: uuid.UUID) -> list[Uitslag]:
    rows = await uow.session.execute(
        select(examenuitslag.c.onderdeel, examenuitslag.c.resultaat, examenuitslag.c.niveau).where(
            examenuitslag.c.inburgeraar_id == inburgeraar_id
        )
    )
    return [Uitslag(r.onderdeel, r.resultaat, r.niveau) for r in rows]


async def _aftrek(uow: UnitOfWork, inburgeraar_id: uuid.UUID) -> dict[Aftreknorm, float]:
    rows = await uow.session.execute(
        select(urenaftrek.c.norm, func.sum(urenaftrek.c.uren))
        .where(urenaftrek.c.inburgeraar_id == inburgeraar_id)
        .group_by(urenaftrek.c.norm)
    )
    return {Aftreknorm(norm): float(uren) for norm, uren in rows}


async def stand_van(uow: UnitOfWork, advies: RowMapping) -> Stand:
    inburgeraar_id = advies["inburgeraar_id"]
    row = (
        (
            await uow.session.execute(
                select(voortgang).where(voortgang.c.inburgeraar_id == inburgeraar_id)
            )
        )
        .mappings()
        .first()
    )
    route = advies["vastgestelde_leerroute"]
    feiten = Voortgangsfeiten(
        leerroute=Leerroute(route) if route else None,
        doelgroep=Doelgroep(advies["doelgroep"]),
        # Hours from every placement count, also from before a change to the Z-route ([Bi] 5.4.4).
        cursusuren=await _som(
            uow, cursusuren.c.uren_aanwezig, cursusuren.c.inburgeraar_id == inburgeraar_id
        ),
        participatie_uren=await _som(
            uow,
            participatie_activiteit.c.uren,
            participatie_activiteit.c.inburgeraar_id == inburgeraar_id,
        ),
        pvt=Pvt(row["pvt_uren"], row["pvt_ondertekend_date"]) if row else Pvt(),
        map=(
            Map(MapStatus(row["map_status"]), row["map_uren"], row["map_eindgesprek_date"])
            if row
            else Map()
        ),
        z_eindgesprek_op=row["z_eindgesprek_date"] if row else None,
        # Exam passes count whatever the route was when they were taken ([Bi] 5.4.4).
        examens=behaald(await _uitslagen(uow, inburgeraar_id)),
        a2_vaardigheden=frozenset(Vaardigheid(v) for v in advies["a2_vaardigheden"]),
        aftrek=await _aftrek(uow, inburgeraar_id),
    )
    return Stand(
        inburgeraar_id=inburgeraar_id,
        gemeentecode=advies["gemeentecode"],
        feiten=feiten,
        voortgang=beoordeel(feiten),
        afronding_bereikt_op=row["afronding_bereikt_at"] if row else None,
    )
