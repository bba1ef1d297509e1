"""Founding a samenwerkingsverband and keeping its membership: the region set up through the API.

Beheer may found a verband for any lead gemeente; a gemeente founds one it leads itself. After
that only the lead (or beheer) changes its members; a member that is not the lead may look but
not change, and anyone else is told the verband does not exist."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import structlog
from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import (
    plaatsing,
    samenwerkingsverband,
    samenwerkingsverband_lid,
)
from inburgering.contracts.domain import lidmaatschap
from inburgering.contracts.domain.errors import (
    OngeldigSamenwerkingsverband,
    SamenwerkingsverbandBeheerVerboden,
    SamenwerkingsverbandNietGevonden,
)
from inburgering.contracts.domain.inzage import BeheerInzage, RegioInzage
from inburgering.contracts.domain.lidmaatschap import Lidmaatschap
from inburgering.contracts.domain.model import Periode, PlaatsingStatus, Toewijzingsbeleid
from inburgering.contracts.handlers.toewijzing import (
    Toewijzingsregels,
    te_plaatsen,
    vandaag,
    wijs_toe,
)
from inburgering.shared.events.contracts import Lidmaatschap as EventLidmaatschap
from inburgering.shared.events.contracts import SamenwerkingsverbandGewijzigd
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)

Beheerder = RegioInzage | BeheerInzage


@dataclass(frozen=True)
class RichtOp:
    naam: str
    leerroute: Leerroute
    lead_gemeentecode: str
    periode: Periode
    leden: Sequence[Lidmaatschap]
    toewijzingsbeleid: Toewijzingsbeleid = Toewijzingsbeleid.VOORKEURSVOLGORDE


async def richt_op(
    uow: UnitOfWork, opdracht: RichtOp, wie: Beheerder, regels: Toewijzingsregels
) -> uuid.UUID:
    """Found the verband with its first members; commits and returns its id."""
    if isinstance(wie, RegioInzage) and opdracht.lead_gemeentecode not in wie.lead_gemeentecodes:
        raise SamenwerkingsverbandBeheerVerboden(
            "Een gemeente richt alleen een samenwerkingsverband op dat zij zelf trekt."
        )
    if opdracht.periode.eind < opdracht.periode.start:
        raise OngeldigSamenwerkingsverband("De looptijd eindigt voor hij begint.")
    leden: list[Lidmaatschap] = []
    for lid in opdracht.leden:
        leden.append(lidmaatschap.nieuw_lid(leden, lid, opdracht.periode))
    verband_id = uuid.uuid4()
    await uow.session.execute(
        insert(samenwerkingsverband).values(
            id=verband_id,
            naam=opdracht.naam,
            leerroute=opdracht.leerroute,
            lead_gemeentecode=opdracht.lead_gemeentecode,
            periode_start_date=opdracht.periode.start,
            periode_eind_date=opdracht.periode.eind,
            toewijzingsbeleid=opdracht.toewijzingsbeleid,
        )
    )
    for lid in leden:
        await _voeg_in(uow, verband_id, lid)
    await _neem_wachtenden_op(uow, opdracht.leerroute, leden, regels)
    await meld(uow, verband_id)
    log.info("samenwerkingsverband.opgericht", verband_id=str(verband_id), leden=len(leden))
    await uow.commit()
    return verband_id


async def geef_verband(uow: UnitOfWork, verband_id: uuid.UUID, wie: Beheerder) -> RowMapping:
    """A verband the caller leads or ever was a member of (beheer: any); else not found."""
    query = select(samenwerkingsverband).where(samenwerkingsverband.c.id == verband_id)
    if isinstance(wie, RegioInzage):
        codes = sorted(wie.lead_gemeentecodes)
        query = query.where(
            or_(
                samenwerkingsverband.c.lead_gemeentecode.in_(codes),
                samenwerkingsverband.c.id.in_(
                    select(samenwerkingsverband_lid.c.samenwerkingsverband_id).where(
                        samenwerkingsverband_lid.c.gemeentecode.in_(codes)
                    )
                ),
            )
        )
    row = (await uow.session.execute(query)).mappings().first()
    if row is None:
        raise SamenwerkingsverbandNietGevonden(f"Samenwerkingsverband {verband_id} bestaat niet.")
    return row


async def _te_beheren(uow: UnitOfWork, verband_id: uuid.UUID, wie: Beheerder) -> RowMapping:
    row = await geef_verband(uow, verband_id, wie)
    if isinstance(wie, RegioInzage) and row["lead_gemeentecode"] not in wie.lead_gemeentecodes:
        raise SamenwerkingsverbandBeheerVerboden(
            f"Alleen {row['lead_gemeentecode']} als trekker wijzigt de leden."
        )
    return row


async def lidmaatschappen(
    uow: UnitOfWork, verband_id: uuid.UUID, wie: Beheerder
) -> list[Lidmaatschap]:
    await geef_verband(uow, verband_id, wie)
    return await repository.lidmaatschappen_van(uow.session, verband_id)


async def voeg_lid_toe(
    uow: UnitOfWork,
    verband_id: uuid.UUID,
    wie: Beheerder,
    lid: Lidmaatschap,
    regels: Toewijzingsregels,
) -> None:
    row = await _te_beheren(uow, verband_id, wie)
    bestaande = await repository.lidmaatschappen_van(uow.session, verband_id)
    periode = Periode(row["periode_start_date"], row["periode_eind_date"])
    await _voeg_in(uow, verband_id, lidmaatschap.nieuw_lid(bestaande, lid, periode))
    await _neem_wachtenden_op(uow, Leerroute(row["leerroute"]), [lid], regels)
    await meld(uow, verband_id, volgende_versie=True)
    log.info("samenwerkingsverband.lid_toegevoegd", verband_id=str(verband_id))
    await uow.commit()


async def beeindig_lidmaatschap(
    uow: UnitOfWork, verband_id: uuid.UUID, wie: Beheerder, gemeentecode: str, einddatum: date
) -> None:
    await _te_beheren(uow, verband_id, wie)
    bestaande = await repository.lidmaatschappen_van(uow.session, verband_id)
    geeindigd = lidmaatschap.beeindig(bestaande, gemeentecode, einddatum)
    await uow.session.execute(
        update(samenwerkingsverband_lid)
        .where(
            samenwerkingsverband_lid.c.samenwerkingsverband_id == verband_id,
            samenwerkingsverband_lid.c.gemeentecode == gemeentecode,
            samenwerkingsverband_lid.c.ingangsdatum == geeindigd.ingangsdatum,
        )
        .values(einddatum=einddatum)
    )
    await meld(uow, verband_id, volgende_versie=True)
    log.info("samenwerkingsverband.lid_beeindigd", verband_id=str(verband_id))
    await uow.commit()


async def _voeg_in(uow: UnitOfWork, verband_id: uuid.UUID, lid: Lidmaatschap) -> None:
    await uow.session.execute(
        insert(samenwerkingsverband_lid).values(
            samenwerkingsverband_id=verband_id,
            gemeentecode=lid.gemeentecode,
            ingangsdatum=lid.ingangsdatum,
            einddatum=lid.einddatum,
            rollen=sorted(lid.rollen),
        )
    )


async def meld(uow: UnitOfWork, verband_id: uuid.UUID, *, volgende_versie: bool = False) -> None:
    """Publish the verband as it now stands, so routes and the gemeenten follow the region."""
    if volgende_versie:
        await uow.session.execute(
            update(samenwerkingsverband)
            .where(samenwerkingsverband.c.id == verband_id)
            .values(versie=samenwerkingsverband.c.versie + 1)
        )
    row = (
        (
            await uow.session.execute(
                select(samenwerkingsverband).where(samenwerkingsverband.c.id == verband_id)
            )
        )
        .mappings()
        .one()
    )
    leden = await repository.lidmaatschappen_van(uow.session, verband_id)
    await uow.publish(
        SamenwerkingsverbandGewijzigd(
            samenwerkingsverband_id=verband_id,
            versie=row["versie"],
            benaming=row["naam"],
            leerroute=row["leerroute"],
            lead_gemeentecode=row["lead_gemeentecode"],
            periode_start=row["periode_start_date"],
            periode_eind=row["periode_eind_date"],
            leden=[
                EventLidmaatschap(
                    gemeentecode=lid.gemeentecode,
                    ingangsdatum=lid.ingangsdatum,
                    einddatum=lid.einddatum,
                    rollen=sorted(lid.rollen),
                )
                for lid in leden
            ],
        ),
        gemeentecode=row["lead_gemeentecode"],
    )


async def _neem_wachtenden_op(
    uow: UnitOfWork,
    leerroute: Leerroute,
    leden: Sequence[Lidmaatschap],
    regels: Toewijzingsregels,
) -> None:
    """People of a new member who waited because no verband covered them now wait at this one
    (or are placed at once, if it already has a contract with room)."""
    dag = vandaag()
    codes = sorted(lid.gemeentecode for lid in leden if lid.geldt_op(dag))
    if not codes:
        return
    result = await uow.session.execute(
        select(plaatsing)
        .where(
            and_(
                plaatsing.c.status == PlaatsingStatus.WACHTLIJST,
                plaatsing.c.samenwerkingsverband_id.is_(None),
                plaatsing.c.leerroute == leerroute,
                plaatsing.c.gemeentecode.in_(codes),
            )
        )
        .order_by(plaatsing.c.aangevraagd_at, plaatsing.c.id)
        .with_for_update(skip_locked=True)
    )
    for row in result.mappings().all():
        await wijs_toe(uow, te_plaatsen(row), regels, meld_uitgeput=False)
