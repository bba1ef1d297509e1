"""Policy values in versions that take effect on a date, set by a gemeente for itself or by a
samenwerkingsverband for its members."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import gemeentebeleid, samenwerkingsverbandbeleid
from inburgering.routes.domain import beleid as domein
from inburgering.routes.domain.beleid import (
    LEERROUTE_VAN_BELEID,
    Beleid,
    Beleidsbron,
    nieuw_beleid,
)
from inburgering.routes.domain.samenwerkingsverband import verantwoordelijk_verband
from inburgering.routes.handlers._sql import insert_or_replace
from inburgering.routes.handlers.samenwerkingsverbanden import verbanden_met_lid
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.persistence import UnitOfWork

EIGEN = Beleidsbron.GEMEENTE


async def geldend_beleid(
    uow: UnitOfWork, gemeentecode: str, datum: date, standaard: Beleid
) -> Beleid:
    """The policy in force for the gemeente on `datum`, with the source it came from."""
    eigen = [
        Beleid(r["onderwijsroute_max_leeftijd"], r["ingangs_date"], EIGEN, gemeentecode)
        for r in await beleidsversies(uow, gemeentecode, tot=datum)
    ]
    van_verband = await verbandbeleid(uow, gemeentecode, LEERROUTE_VAN_BELEID, datum)
    return domein.geldend_beleid(eigen, van_verband, datum, standaard)


async def verbandbeleid(
    uow: UnitOfWork, gemeentecode: str, leerroute: Leerroute, datum: date
) -> list[Beleid]:
    """The policy versions, up to `datum`, of the samenwerkingsverband that buys `leerroute` for
    the gemeente on `datum`: membership on that day counts, not today's, so a late delivery gives
    the advice the gemeente would have had then."""
    verband = verantwoordelijk_verband(
        await verbanden_met_lid(uow, gemeentecode, leerroute, datum), gemeentecode, leerroute, datum
    )
    if verband is None:
        return []
    rows = (
        await uow.session.execute(
            select(samenwerkingsverbandbeleid).where(
                samenwerkingsverbandbeleid.c.samenwerkingsverband_id == verband.id,
                samenwerkingsverbandbeleid.c.ingangs_date <= datum,
            )
        )
    ).mappings()
    return [
        Beleid(
            r["onderwijsroute_max_leeftijd"],
            r["ingangs_date"],
            Beleidsbron.SAMENWERKINGSVERBAND,
            verband.naam,
            verband.id,
        )
        for r in rows
    ]


async def leg_beleid_vast(
    uow: UnitOfWork,
    gemeentecode: str,
    onderwijsroute_max_leeftijd: int,
    ingangsdatum: date,
    vandaag: date,
    nu: datetime,
) -> Beleid:
    """A version not yet in force may still be replaced: no advice can have used it."""
    beleid = nieuw_beleid(
        onderwijsroute_max_leeftijd, ingangsdatum, vandaag, Beleidsbron.GEMEENTE, gemeentecode
    )
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


async def beleidsversies(
    uow: UnitOfWork, gemeentecode: str, tot: date | None = None
) -> list[RowMapping]:
    query = select(gemeentebeleid).where(gemeentebeleid.c.gemeentecode == gemeentecode)
    if tot is not None:
        query = query.where(gemeentebeleid.c.ingangs_date <= tot)
    result = await uow.session.execute(query.order_by(gemeentebeleid.c.ingangs_date))
    return list(result.mappings().all())
