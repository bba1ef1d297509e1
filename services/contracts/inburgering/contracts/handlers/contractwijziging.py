"""Changing a contract: the lead gemeente agrees new terms, which become a new version."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import structlog
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import (
    contract,
    contract_aandeel,
    contract_versie,
    plaatsing,
    samenwerkingsverband,
)
from inburgering.contracts.domain.contractversie import (
    Bezetting,
    Voorwaarden,
    Wijziging,
    nieuwe_voorwaarden,
)
from inburgering.contracts.domain.errors import ContractNietGevonden
from inburgering.contracts.domain.inzage import AanbiederInzage, RegioInzage
from inburgering.contracts.domain.model import (
    ZONDER_PLAATS,
    ContractStatus,
    Periode,
    PlaatsingStatus,
)
from inburgering.contracts.handlers.contracten import geef_contract
from inburgering.contracts.handlers.toewijzing import (
    Toewijzingsregels,
    vandaag,
    werk_wachtlijst_af,
)
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)

# A placement holds its place from allocation on; a rejection or a withdrawal gives it back.
_BEZET = sorted(s for s in PlaatsingStatus if s not in ZONDER_PLAATS)


async def _contract_van_lead(
    uow: UnitOfWork, contract_id: uuid.UUID, inzage: RegioInzage
) -> RowMapping:
    result = await uow.session.execute(
        select(contract)
        .join(samenwerkingsverband, samenwerkingsverband.c.id == contract.c.samenwerkingsverband_id)
        .where(
            contract.c.id == contract_id,
            samenwerkingsverband.c.lead_gemeentecode.in_(sorted(inzage.lead_gemeentecodes)),
        )
        .with_for_update(of=contract)
    )
    row = result.mappings().first()
    if row is None:
        raise ContractNietGevonden(f"Contract {contract_id} bestaat niet.")
    return row


async def _aandelen(uow: UnitOfWork, contract_id: uuid.UUID) -> dict[str, int]:
    result = await uow.session.execute(
        select(contract_aandeel.c.gemeentecode, contract_aandeel.c.capaciteit).where(
            contract_aandeel.c.contract_id == contract_id
        )
    )
    return {key: value for key, value in result.all()}


async def _geplaatst_per_gemeente(uow: UnitOfWork, contract_id: uuid.UUID) -> dict[str, int]:
    result = await uow.session.execute(
        select(plaatsing.c.gemeentecode, func.count())
        .where(plaatsing.c.contract_id == contract_id, plaatsing.c.status.in_(_BEZET))
        .group_by(plaatsing.c.gemeentecode)
    )
    return {key: value for key, value in result.all()}


def _voorwaarden(row: RowMapping, aandelen: dict[str, int]) -> Voorwaarden:
    return Voorwaarden(
        capaciteit=row["capaciteit"],
        prijs_eenheid=row["prijs_eenheid"],
        prijs_bedrag=row["prijs_bedrag"],
        status=ContractStatus(row["status"]),
        periode=Periode(row["periode_start_date"], row["periode_eind_date"]),
        verlengingsopties=row["verlengingsopties"],
        aandelen=aandelen,
    )


def versie_rij(
    contract_id: uuid.UUID, versie: int, v: Voorwaarden, door: str, toelichting: str | None
) -> dict[str, Any]:
    return {
        "contract_id": contract_id,
        "versie": versie,
        "capaciteit": v.capaciteit,
        "prijs_eenheid": v.prijs_eenheid,
        "prijs_bedrag": v.prijs_bedrag,
        "status": v.status,
        "periode_start_date": v.periode.start,
        "periode_eind_date": v.periode.eind,
        "verlengingsopties": v.verlengingsopties,
        "aandelen": [
            {"gemeentecode": code, "capaciteit": cap} for code, cap in sorted(v.aandelen.items())
        ],
        "toelichting": toelichting,
        "gewijzigd_door": door,
        "gewijzigd_at": datetime.now(UTC),
    }


async def wijzig_contract(
    uow: UnitOfWork,
    contract_id: uuid.UUID,
    inzage: RegioInzage,
    wijziging: Wijziging,
    *,
    door: str,
    toelichting: str | None,
    regels: Toewijzingsregels,
) -> None:
    row = await _contract_van_lead(uow, contract_id, inzage)
    session = uow.session
    huidig = _voorwaarden(row, await _aandelen(uow, contract_id))
    leden = await repository.leden_van(session, [row["samenwerkingsverband_id"]], vandaag())
    per_gemeente = await _geplaatst_per_gemeente(uow, contract_id)
    nieuw = nieuwe_voorwaarden(
        huidig,
        wijziging,
        Bezetting(
            geplaatst=row["geplaatst"],
            per_gemeente=per_gemeente,
            leden=frozenset(leden[row["samenwerkingsverband_id"]]),
        ),
    )
    versie = row["versie"] + 1
    await session.execute(
        update(contract)
        .where(contract.c.id == contract_id)
        .values(
            capaciteit=nieuw.capaciteit,
            prijs_bedrag=nieuw.prijs_bedrag,
            status=nieuw.status,
            periode_eind_date=nieuw.periode.eind,
            verlengingsopties=nieuw.verlengingsopties,
            versie=versie,
        )
    )
    if nieuw.aandelen != huidig.aandelen:
        await session.execute(
            delete(contract_aandeel).where(contract_aandeel.c.contract_id == contract_id)
        )
        if nieuw.aandelen:
            await session.execute(
                insert(contract_aandeel),
                [
                    {
                        "contract_id": contract_id,
                        "gemeentecode": code,
                        "capaciteit": cap,
                        "geplaatst": per_gemeente.get(code, 0),
                    }
                    for code, cap in nieuw.aandelen.items()
                ],
            )
    await session.execute(
        insert(contract_versie).values(versie_rij(contract_id, versie, nieuw, door, toelichting))
    )
    log.info("contract.gewijzigd", contract_id=str(contract_id), versie=versie)
    if nieuw.status.plaatst:
        await werk_wachtlijst_af(uow, [row["samenwerkingsverband_id"]], regels)
    await uow.commit()


async def lijst_versies(
    uow: UnitOfWork, contract_id: uuid.UUID, inzage: RegioInzage | AanbiederInzage
) -> list[RowMapping]:
    await geef_contract(uow, contract_id, inzage)
    result = await uow.session.execute(
        select(contract_versie)
        .where(contract_versie.c.contract_id == contract_id)
        .order_by(contract_versie.c.versie)
    )
    return list(result.mappings().all())
