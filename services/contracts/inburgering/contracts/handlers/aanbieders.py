"""Aanbieders and their keurmerk: seen by themselves, by beheer, and by the lead gemeenten that
contracted them; changed by beheer or such a lead gemeente."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import structlog
from sqlalchemy import ColumnElement, delete, insert, select, true, update
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters.repository import locaties_van
from inburgering.contracts.adapters.tables import (
    aanbieder,
    aanbieder_locatie,
    contract,
    samenwerkingsverband,
)
from inburgering.contracts.domain.errors import AanbiederNietGevonden
from inburgering.contracts.domain.inzage import AanbiederInzage, BeheerInzage, RegioInzage
from inburgering.contracts.domain.model import KeurmerkStatus
from inburgering.contracts.handlers.toewijzing import Toewijzingsregels, werk_wachtlijst_af
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)

Inzage = AanbiederInzage | BeheerInzage | RegioInzage


def _binnen(inzage: Inzage) -> ColumnElement[bool]:
    if isinstance(inzage, BeheerInzage):
        return true()
    if isinstance(inzage, AanbiederInzage):
        return aanbieder.c.kvk == inzage.kvk
    gecontracteerd = select(contract.c.aanbieder_id).join(
        samenwerkingsverband, samenwerkingsverband.c.id == contract.c.samenwerkingsverband_id
    )
    return aanbieder.c.id.in_(
        gecontracteerd.where(
            samenwerkingsverband.c.lead_gemeentecode.in_(sorted(inzage.lead_gemeentecodes))
        )
    )


async def geef_aanbieder(uow: UnitOfWork, kvk: str, inzage: Inzage) -> RowMapping:
    result = await uow.session.execute(
        select(aanbieder).where(aanbieder.c.kvk == kvk, _binnen(inzage))
    )
    row = result.mappings().first()
    if row is None:
        raise AanbiederNietGevonden(f"Aanbieder met KvK-nummer {kvk} bestaat niet.")
    return row


async def geef_locaties(uow: UnitOfWork, row: RowMapping) -> list[str]:
    return sorted((await locaties_van(uow.session, [row["id"]]))[row["id"]])


async def wijzig_locaties(
    uow: UnitOfWork, kvk: str, inzage: BeheerInzage | RegioInzage, gemeentecodes: list[str]
) -> None:
    """Replace the gemeenten where the provider teaches; they steer the `locatie` policy."""
    row = await geef_aanbieder(uow, kvk, inzage)
    session = uow.session
    await session.execute(
        delete(aanbieder_locatie).where(aanbieder_locatie.c.aanbieder_id == row["id"])
    )
    if gemeentecodes:
        await session.execute(
            insert(aanbieder_locatie),
            [
                {"aanbieder_id": row["id"], "gemeentecode": code}
                for code in sorted(set(gemeentecodes))
            ],
        )
    log.info("aanbieder.locaties_gewijzigd", aanbieder_kvk=kvk, aantal=len(set(gemeentecodes)))
    await uow.commit()


@dataclass(frozen=True)
class WijzigKeurmerk:
    status: KeurmerkStatus
    nummer: str | None = None
    geldig_van: date | None = None
    geldig_tot: date | None = None


async def wijzig_keurmerk(
    uow: UnitOfWork,
    kvk: str,
    inzage: BeheerInzage | RegioInzage,
    wijziging: WijzigKeurmerk,
    regels: Toewijzingsregels,
) -> None:
    """A suspended or withdrawn keurmerk stops new placements at once; running placements go
    on ([Bi] 8.2 suspends the mark, not the courses in progress). A restored keurmerk offers
    the provider's free places to the waiting list."""
    row = await geef_aanbieder(uow, kvk, inzage)
    await uow.session.execute(
        update(aanbieder)
        .where(aanbieder.c.id == row["id"])
        .values(
            keurmerk_status=wijziging.status,
            keurmerk_nummer=wijziging.nummer or row["keurmerk_nummer"],
            keurmerk_geldig_van=wijziging.geldig_van or row["keurmerk_geldig_van"],
            keurmerk_geldig_tot=wijziging.geldig_tot or row["keurmerk_geldig_tot"],
        )
    )
    log.info(
        "aanbieder.keurmerk_gewijzigd",
        aanbieder_kvk=kvk,
        van=row["keurmerk_status"],
        naar=str(wijziging.status),
    )
    if wijziging.status is KeurmerkStatus.GELDIG:
        verbanden = await uow.session.execute(
            select(contract.c.samenwerkingsverband_id).where(contract.c.aanbieder_id == row["id"])
        )
        await werk_wachtlijst_af(uow, verbanden.scalars().all(), regels)
    await uow.commit()
