"""Reading placements' outcomes for the statistics: one row per placement that started or was
ended by a route change, with its gemeente, leerroute, contract and dates; never its id or
whose it is."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from inburgering.contracts.adapters.tables import aanbieder, contract, plaatsing
from inburgering.contracts.domain.model import PlaatsingStatus
from inburgering.contracts.domain.statistiek import Bereik, Weergave
from inburgering.contracts.domain.uitkomststatistiek import Afloop, uitkomst
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.persistence import UnitOfWork

_MET_UITKOMST = sorted(
    {
        PlaatsingStatus.GESTART,
        PlaatsingStatus.AFGEROND,
        PlaatsingStatus.UITGEVALLEN,
        PlaatsingStatus.INGETROKKEN,
        PlaatsingStatus.BEEINDIGD,
    }
)


async def aflopen(uow: UnitOfWork, bereik: Bereik) -> list[Afloop]:
    """A verband's outcomes are those of the placements it made, whichever member they were
    for; the other views count the placements of their gemeenten."""
    query = select(
        plaatsing.c.gemeentecode,
        plaatsing.c.leerroute,
        plaatsing.c.contract_id,
        plaatsing.c.status,
        plaatsing.c.einde_reden,
        plaatsing.c.startdatum,
        plaatsing.c.einddatum,
    ).where(plaatsing.c.status.in_(_MET_UITKOMST))
    if bereik.weergave is Weergave.SAMENWERKINGSVERBAND:
        query = query.where(plaatsing.c.samenwerkingsverband_id == bereik.samenwerkingsverband_id)
    elif bereik.gemeentecodes is not None:
        query = query.where(plaatsing.c.gemeentecode.in_(sorted(bereik.gemeentecodes)))
    gevonden = []
    for row in (await uow.session.execute(query)).mappings():
        soort = uitkomst(PlaatsingStatus(row["status"]), row["einde_reden"])
        if soort is None:
            continue
        start, eind = row["startdatum"], row["einddatum"]
        gevonden.append(
            Afloop(
                gemeentecode=row["gemeentecode"],
                leerroute=Leerroute(row["leerroute"]),
                contract_id=row["contract_id"],
                uitkomst=soort,
                duur_dagen=(eind - start).days if start and eind else None,
            )
        )
    return gevonden


async def contracten_van(
    uow: UnitOfWork, verband_id: uuid.UUID
) -> dict[uuid.UUID, tuple[Leerroute, str]]:
    """The verband's contracts with their leerroute and the provider's KvK number."""
    result = await uow.session.execute(
        select(contract.c.id, contract.c.leerroute, aanbieder.c.kvk)
        .join(aanbieder, aanbieder.c.id == contract.c.aanbieder_id)
        .where(contract.c.samenwerkingsverband_id == verband_id)
    )
    return {row.id: (Leerroute(row.leerroute), row.kvk) for row in result}
