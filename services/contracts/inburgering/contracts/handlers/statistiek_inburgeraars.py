"""Counting the region's pipeline (table `pijplijn`) for the statistics: groups of people
alike in what the statistics show, never one person's row."""

from __future__ import annotations

from sqlalchemy import func, select

from inburgering.contracts.adapters.tables import pijplijn
from inburgering.contracts.domain.inburgeraarstatistiek import Groep
from inburgering.contracts.domain.statistiek import Bereik, Pijplijnstand, status
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.persistence import UnitOfWork


async def tel_inburgeraars(uow: UnitOfWork, bereik: Bereik) -> list[Groep]:
    """Under row-level security a gemeente's transaction sees only its own rows; a lead's or
    beheer's runs with the platform scope, so the members' rows are filtered here."""
    kolommen = (
        pijplijn.c.gemeentecode,
        pijplijn.c.vastgestelde_leerroute,
        pijplijn.c.doelgroep,
        pijplijn.c.eerste_pip_op,
        pijplijn.c.afsluiting,
        pijplijn.c.geadviseerd_op.is_not(None).label("geadviseerd"),
        pijplijn.c.intake_afgerond_op.is_not(None).label("intake_afgerond"),
    )
    query = select(*kolommen, func.count().label("aantal")).group_by(*kolommen)
    if bereik.gemeentecodes is not None:
        query = query.where(pijplijn.c.gemeentecode.in_(sorted(bereik.gemeentecodes)))
    rows = (await uow.session.execute(query)).mappings().all()
    return [
        Groep(
            gemeentecode=row["gemeentecode"],
            leerroute=Leerroute(row["vastgestelde_leerroute"])
            if row["vastgestelde_leerroute"]
            else None,
            doelgroep=Doelgroep(row["doelgroep"]) if row["doelgroep"] else None,
            eerste_pip_op=row["eerste_pip_op"],
            status=status(
                Pijplijnstand(
                    afsluiting=row["afsluiting"],
                    pip_vastgesteld=row["eerste_pip_op"] is not None,
                    leerroute_vastgesteld=row["vastgestelde_leerroute"] is not None,
                    geadviseerd=bool(row["geadviseerd"]),
                    intake_afgerond=bool(row["intake_afgerond"]),
                )
            ),
            aantal=row["aantal"],
        )
        for row in rows
    ]
