from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters.tables import aanbieder, contract, samenwerkingsverband
from inburgering.contracts.domain.errors import ContractNietGevonden
from inburgering.contracts.domain.inzage import AanbiederInzage, RegioInzage
from inburgering.shared.persistence import UnitOfWork


def contracten_query() -> Select:
    return select(
        contract.c.id,
        contract.c.samenwerkingsverband_id,
        aanbieder.c.kvk.label("aanbieder_kvk"),
        contract.c.leerroute,
        contract.c.capaciteit,
        contract.c.geplaatst,
        contract.c.prijs_eenheid,
        contract.c.prijs_bedrag,
        contract.c.status,
        contract.c.versie,
        contract.c.doelgroep,
        contract.c.perceel_code,
        contract.c.perceel_naam,
        contract.c.periode_start_date,
        contract.c.periode_eind_date,
        contract.c.verlengingsopties,
    ).select_from(
        contract.join(aanbieder, aanbieder.c.id == contract.c.aanbieder_id).join(
            samenwerkingsverband,
            samenwerkingsverband.c.id == contract.c.samenwerkingsverband_id,
        )
    )


def _binnen(inzage: RegioInzage | AanbiederInzage) -> ColumnElement[bool]:
    if isinstance(inzage, AanbiederInzage):
        return aanbieder.c.kvk == inzage.kvk
    return samenwerkingsverband.c.lead_gemeentecode.in_(sorted(inzage.lead_gemeentecodes))


async def geef_contract(
    uow: UnitOfWork, contract_id: uuid.UUID, inzage: RegioInzage | AanbiederInzage
) -> RowMapping:
    result = await uow.session.execute(
        contracten_query().where(contract.c.id == contract_id, _binnen(inzage))
    )
    row = result.mappings().first()
    if row is None:
        raise ContractNietGevonden(f"Contract {contract_id} bestaat niet.")
    return row


async def lijst_contracten(
    uow: UnitOfWork, inzage: RegioInzage | AanbiederInzage, *, limit: int, offset: int
) -> list[RowMapping]:
    """A regio sees the contracts of the samenwerkingsverbanden it leads; an aanbieder its own."""
    query = contracten_query().where(_binnen(inzage))
    result = await uow.session.execute(
        query.order_by(contract.c.leerroute, contract.c.id).limit(limit).offset(offset)
    )
    return list(result.mappings().all())
