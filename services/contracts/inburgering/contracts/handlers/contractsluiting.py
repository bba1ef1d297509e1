"""A lead gemeente records a contract it concluded with a provider for its verband.

The first version of the terms is kept like every later one; places on an active contract go
to the verband's waiting list at once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import structlog
from sqlalchemy import insert, select
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import (
    aanbieder,
    contract,
    contract_aandeel,
    contract_versie,
)
from inburgering.contracts.domain.contractversie import Voorwaarden, eerste_voorwaarden
from inburgering.contracts.domain.errors import (
    AanbiederNietGevonden,
    SamenwerkingsverbandBeheerVerboden,
)
from inburgering.contracts.domain.inzage import RegioInzage
from inburgering.contracts.handlers.contracten import contracten_query
from inburgering.contracts.handlers.contractwijziging import versie_rij
from inburgering.contracts.handlers.toewijzing import (
    Toewijzingsregels,
    vandaag,
    werk_wachtlijst_af,
)
from inburgering.contracts.handlers.verbandbeheer import Beheerder, geef_verband
from inburgering.shared.events.vocabulary import Doelgroep
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class SluitContract:
    samenwerkingsverband_id: uuid.UUID
    aanbieder_kvk: str
    perceel_code: str | None
    perceel_naam: str | None
    doelgroep: Doelgroep | None
    voorwaarden: Voorwaarden
    toelichting: str | None = None


async def geleid_verband(uow: UnitOfWork, verband_id: uuid.UUID, wie: Beheerder) -> RowMapping:
    """The verband, when the caller leads it (or is beheer); a member that does not lead may see
    it but not contract for it, and anyone else is told it does not exist."""
    verband = await geef_verband(uow, verband_id, wie)
    if isinstance(wie, RegioInzage) and verband["lead_gemeentecode"] not in wie.lead_gemeentecodes:
        raise SamenwerkingsverbandBeheerVerboden(
            f"Alleen {verband['lead_gemeentecode']} als trekker sluit contracten voor dit verband."
        )
    return verband


async def sluit(
    uow: UnitOfWork,
    opdracht: SluitContract,
    wie: Beheerder,
    *,
    door: str,
    regels: Toewijzingsregels,
) -> uuid.UUID:
    """Only the verband's lead (or beheer); commits and returns the contract's id."""
    verband = await geleid_verband(uow, opdracht.samenwerkingsverband_id, wie)
    aanbieder_id = (
        await uow.session.execute(
            select(aanbieder.c.id).where(aanbieder.c.kvk == opdracht.aanbieder_kvk)
        )
    ).scalar()
    if aanbieder_id is None:
        raise AanbiederNietGevonden(
            f"Aanbieder met KvK-nummer {opdracht.aanbieder_kvk} is niet geregistreerd."
        )
    leden = await repository.leden_van(uow.session, [verband["id"]], vandaag())
    v = eerste_voorwaarden(opdracht.voorwaarden, frozenset(leden[verband["id"]]))
    contract_id = await schrijf(uow, verband, aanbieder_id, opdracht, v, door=door)
    if v.status.plaatst:
        await werk_wachtlijst_af(uow, [verband["id"]], regels)
    await uow.commit()
    return contract_id


async def schrijf(
    uow: UnitOfWork,
    verband: RowMapping,
    aanbieder_id: uuid.UUID,
    opdracht: SluitContract,
    v: Voorwaarden,
    *,
    door: str,
) -> uuid.UUID:
    """The contract with its shares and first version; the caller checked the terms."""
    session = uow.session
    contract_id = uuid.uuid4()
    await session.execute(
        insert(contract).values(
            id=contract_id,
            samenwerkingsverband_id=verband["id"],
            aanbieder_id=aanbieder_id,
            leerroute=verband["leerroute"],
            doelgroep=opdracht.doelgroep,
            capaciteit=v.capaciteit,
            geplaatst=0,
            prijs_eenheid=v.prijs_eenheid,
            prijs_bedrag=v.prijs_bedrag,
            status=v.status,
            periode_start_date=v.periode.start,
            periode_eind_date=v.periode.eind,
            verlengingsopties=v.verlengingsopties,
            versie=1,
            perceel_code=opdracht.perceel_code,
            perceel_naam=opdracht.perceel_naam,
        )
    )
    if v.aandelen:
        await session.execute(
            insert(contract_aandeel),
            [
                {"contract_id": contract_id, "gemeentecode": code, "capaciteit": cap}
                for code, cap in sorted(v.aandelen.items())
            ],
        )
    await session.execute(
        insert(contract_versie).values(versie_rij(contract_id, 1, v, door, opdracht.toelichting))
    )
    log.info("contract.gesloten", contract_id=str(contract_id), capaciteit=v.capaciteit)
    return contract_id


async def gesloten(uow: UnitOfWork, contract_id: uuid.UUID) -> RowMapping:
    """The contract just concluded, as the API shows contracts."""
    result = await uow.session.execute(contracten_query().where(contract.c.id == contract_id))
    return result.mappings().one()
