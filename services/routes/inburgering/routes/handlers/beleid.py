"""Each gemeente's own policy values, in versions that take effect on a date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import gemeentebeleid
from inburgering.routes.domain.beleid import Beleid, nieuw_beleid
from inburgering.routes.handlers._sql import insert_or_replace
from inburgering.shared.persistence import UnitOfWork


async def geldend_beleid(
    uow: UnitOfWork, gemeentecode: str, datum: date, standaard: Beleid
) -> Beleid:
    row = (
        await uow.session.execute(
            select(gemeentebeleid)
            .where(
                gemeentebeleid.c.gemeentecode == gemeentecode,
                gemeentebeleid.c.ingangs_date <= datum,
            )
            .order_by(gemeentebeleid.c.ingangs_date.desc())
            .limit(1)
        )
    ).first()
    if row is None:
        return standaard
    return Beleid(row.onderwijsroute_max_leeftijd, row.ingangs_date)


async def leg_beleid_vast(
    uow: UnitOfWork,
    gemeentecode: str,
    onderwijsroute_max_leeftijd: int,
    ingangsdatum: date,
    vandaag: date,
    nu: datetime,
) -> Beleid:
    """A version not yet in force may still be replaced: no advice can have used it."""
    beleid = nieuw_beleid(onderwijsroute_max_leeftijd, ingangsdatum, vandaag)
    await uow.session.execute(
        insert_or_replace(
            uow.session,
            gemeentebeleid,
            ["gemeentecode", "ingangs_date"],
            gemeentecode=gemeentecode,
            ingangs_date=ingangsdatum,
            onderwijsroute_max_leeftijd=onderwijsroute_max_leeftijd,
            vastgelegd_at=nu,
        )
    )
    await uow.commit()
    return beleid


async def beleidsversies(uow: UnitOfWork, gemeentecode: str) -> list[RowMapping]:
    result = await uow.session.execute(
        select(gemeentebeleid)
        .where(gemeentebeleid.c.gemeentecode == gemeentecode)
        .order_by(gemeentebeleid.c.ingangs_date)
    )
    return list(result.mappings().all())
