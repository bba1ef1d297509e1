"""Reading placements, always within the caller's inzage."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import (
    aanbieder,
    examenresultaat,
    plaatsing,
    urenmijlpaal,
)
from inburgering.contracts.domain.errors import PlaatsingNietGevonden
from inburgering.contracts.domain.inzage import AanbiederInzage, GemeenteInzage
from inburgering.shared.persistence import UnitOfWork


def _plaatsingen() -> Select:
    return select(
        plaatsing.c.id,
        plaatsing.c.inburgeraar_id,
        plaatsing.c.gemeentecode,
        plaatsing.c.leerroute,
        plaatsing.c.doelgroep,
        plaatsing.c.contract_id,
        aanbieder.c.kvk.label("aanbieder_kvk"),
        plaatsing.c.status,
        plaatsing.c.aangevraagd_at,
        plaatsing.c.startdatum,
        plaatsing.c.einddatum,
        plaatsing.c.einde_reden,
    ).select_from(plaatsing.outerjoin(aanbieder, aanbieder.c.id == plaatsing.c.aanbieder_id))


def _binnen(inzage: GemeenteInzage | AanbiederInzage) -> ColumnElement[bool]:
    if isinstance(inzage, AanbiederInzage):
        return aanbieder.c.kvk == inzage.kvk
    return plaatsing.c.gemeentecode.in_(sorted(inzage.gemeentecodes))


async def lijst_plaatsingen(
    uow: UnitOfWork,
    inzage: GemeenteInzage | AanbiederInzage,
    *,
    inburgeraar_id: uuid.UUID | None = None,
    limit: int,
    offset: int,
) -> list[RowMapping]:
    query = _plaatsingen().where(_binnen(inzage))
    if inburgeraar_id is not None:
        query = query.where(plaatsing.c.inburgeraar_id == inburgeraar_id)
    result = await uow.session.execute(
        query.order_by(plaatsing.c.aangevraagd_at, plaatsing.c.id).limit(limit).offset(offset)
    )
    return list(result.mappings().all())


async def geef_plaatsing(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: GemeenteInzage | AanbiederInzage
) -> RowMapping:
    """A placement outside the inzage is reported as not found, so existence does not leak."""
    result = await uow.session.execute(
        _plaatsingen().where(plaatsing.c.id == plaatsing_id, _binnen(inzage))
    )
    row = result.mappings().first()
    if row is None:
        raise PlaatsingNietGevonden(f"Plaatsing {plaatsing_id} bestaat niet.")
    return row


async def geef_uren(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: GemeenteInzage | AanbiederInzage
) -> tuple[repository.Uren, list[int]]:
    """Attendance totals and milestones reached, for the provider and the placing gemeente."""
    await geef_plaatsing(uow, plaatsing_id, inzage)
    uren = await repository.uren_van(uow.session, plaatsing_id)
    mijlpalen = await uow.session.execute(
        select(urenmijlpaal.c.mijlpaal)
        .where(urenmijlpaal.c.plaatsing_id == plaatsing_id)
        .order_by(urenmijlpaal.c.mijlpaal)
    )
    return uren, list(mijlpalen.scalars().all())


async def geef_examenresultaten(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: GemeenteInzage | AanbiederInzage
) -> list[RowMapping]:
    """What the provider reported of the exams, for the placing gemeente and the provider. The
    completion check follows DUO's own results ([Bi] 9.2.5), not these reports."""
    await geef_plaatsing(uow, plaatsing_id, inzage)
    result = await uow.session.execute(
        select(examenresultaat)
        .where(examenresultaat.c.plaatsing_id == plaatsing_id)
        .order_by(examenresultaat.c.examendatum, examenresultaat.c.gemeld_at)
    )
    return list(result.mappings().all())
