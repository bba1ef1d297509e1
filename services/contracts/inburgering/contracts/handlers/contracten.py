from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters.tables import aanbieder, contract, samenwerkingsverband
from inburgering.contracts.domain.inzage import AanbiederInzage, RegioInzage
from inburgering.shared.persistence import UnitOfWork


async def lijst_contracten(
    uow: UnitOfWork, inzage: RegioInzage | AanbiederInzage, *, limit: int, offset: int
) -> list[RowMapping]:
    """A regio sees the contracts of the samenwerkingsverbanden it leads; an aanbieder its own."""
    query = select(
        contract.c.id,
        contract.c.samenwerkingsverband_id,
        aanbieder.c.kvk.label("aanbieder_kvk"),
        contract.c.leerroute,
        contract.c.capaciteit,
        contract.c.geplaatst,
        contract.c.prijs_eenheid,
        contract.c.status,
    ).select_from(
        contract.join(aanbieder, aanbieder.c.id == contract.c.aanbieder_id).join(
            samenwerkingsverband,
            samenwerkingsverband.c.id == contract.c.samenwerkingsverband_id,
        )
    )
    if isinstance(inzage, AanbiederInzage):
        query = query.where(aanbieder.c.kvk == inzage.kvk)
    else:
        query = query.where(
            samenwerkingsverband.c.lead_gemeentecode.in_(sorted(inzage.lead_gemeentecodes))
        )
    result = await uow.session.execute(
        query.order_by(contract.c.leerroute, contract.c.id).limit(limit).offset(offset)
    )
    return list(result.mappings().all())
