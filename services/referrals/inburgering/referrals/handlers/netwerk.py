"""The programme catalogue; each institution maintains its own programmes and cohorts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select, update
from sqlalchemy.engine import RowMapping

from inburgering.referrals.adapters.tables import cohort, instelling, opleiding
from inburgering.referrals.domain.errors import (
    CohortNietGevonden,
    CohortPlaatsenTeLaag,
    OpleidingNietGevonden,
)
from inburgering.referrals.domain.model import OpleidingSoort, Taalniveau
from inburgering.shared.events.referrals import Onderwijsniveau
from inburgering.shared.persistence import UnitOfWork

_OPLEIDING_COLUMNS = (
    opleiding.c.id,
    opleiding.c.naam,
    opleiding.c.soort,
    opleiding.c.niveau,
    opleiding.c.instelling_id,
    instelling.c.naam.label("instelling_naam"),
    opleiding.c.taalniveau_bij_start,
    opleiding.c.engels_niveau,
    opleiding.c.wiskunde_niveau,
    opleiding.c.diplomawaardering_vereist,
)


async def lijst_opleidingen(
    uow: UnitOfWork, *, instelling_id: uuid.UUID | None = None, limit: int, offset: int
) -> list[RowMapping]:
    query = select(*_OPLEIDING_COLUMNS).join(
        instelling, instelling.c.id == opleiding.c.instelling_id
    )
    if instelling_id is not None:
        query = query.where(opleiding.c.instelling_id == instelling_id)
    result = await uow.session.execute(
        query.order_by(instelling.c.naam, opleiding.c.naam, opleiding.c.id)
        .limit(limit)
        .offset(offset)
    )
    return list(result.mappings().all())


async def geef_opleiding(uow: UnitOfWork, opleiding_id: uuid.UUID) -> RowMapping:
    result = await uow.session.execute(
        select(*_OPLEIDING_COLUMNS)
        .join(instelling, instelling.c.id == opleiding.c.instelling_id)
        .where(opleiding.c.id == opleiding_id)
    )
    row = result.mappings().first()
    if row is None:
        raise OpleidingNietGevonden(f"Opleiding {opleiding_id} bestaat niet.")
    return row


@dataclass(frozen=True)
class NieuweOpleiding:
    naam: str
    soort: OpleidingSoort
    niveau: Onderwijsniveau
    taalniveau_bij_start: Taalniveau
    engels_niveau: str | None
    wiskunde_niveau: str | None
    diplomawaardering_vereist: bool


async def maak_opleiding(
    uow: UnitOfWork, instelling_id: uuid.UUID, nieuw: NieuweOpleiding
) -> uuid.UUID:
    opleiding_id = uuid.uuid4()
    await uow.session.execute(
        insert(opleiding).values(
            id=opleiding_id,
            instelling_id=instelling_id,
            naam=nieuw.naam,
            soort=nieuw.soort,
            niveau=nieuw.niveau,
            taalniveau_bij_start=nieuw.taalniveau_bij_start,
            engels_niveau=nieuw.engels_niveau,
            wiskunde_niveau=nieuw.wiskunde_niveau,
            diplomawaardering_vereist=nieuw.diplomawaardering_vereist,
        )
    )
    await uow.commit()
    return opleiding_id


@dataclass(frozen=True)
class Toelatingseisen:
    taalniveau_bij_start: Taalniveau
    engels_niveau: str | None
    wiskunde_niveau: str | None
    diplomawaardering_vereist: bool


async def wijzig_toelatingseisen(
    uow: UnitOfWork, opleiding_id: uuid.UUID, instelling_id: uuid.UUID, eisen: Toelatingseisen
) -> RowMapping:
    """The checklists of referrals to the programme follow: they are drawn up when read."""
    await eigen_opleiding(uow, opleiding_id, instelling_id)
    await uow.session.execute(
        update(opleiding)
        .where(opleiding.c.id == opleiding_id)
        .values(
            taalniveau_bij_start=eisen.taalniveau_bij_start,
            engels_niveau=eisen.engels_niveau,
            wiskunde_niveau=eisen.wiskunde_niveau,
            diplomawaardering_vereist=eisen.diplomawaardering_vereist,
        )
    )
    await uow.commit()
    return await geef_opleiding(uow, opleiding_id)


async def eigen_opleiding(
    uow: UnitOfWork, opleiding_id: uuid.UUID, instelling_id: uuid.UUID
) -> RowMapping:
    """Another institution's programme is not found: only the owner maintains it."""
    row = await geef_opleiding(uow, opleiding_id)
    if row["instelling_id"] != instelling_id:
        raise OpleidingNietGevonden(f"Opleiding {opleiding_id} bestaat niet.")
    return row


async def lijst_cohorten(uow: UnitOfWork, opleiding_id: uuid.UUID) -> list[RowMapping]:
    await geef_opleiding(uow, opleiding_id)
    result = await uow.session.execute(
        select(cohort)
        .where(cohort.c.opleiding_id == opleiding_id)
        .order_by(cohort.c.start_date, cohort.c.id)
    )
    return list(result.mappings().all())


@dataclass(frozen=True)
class NieuwCohort:
    aanmelddeadline: date
    startdatum: date
    einddatum: date
    plaatsen: int


async def maak_cohort(
    uow: UnitOfWork, opleiding_id: uuid.UUID, instelling_id: uuid.UUID, nieuw: NieuwCohort
) -> RowMapping:
    await eigen_opleiding(uow, opleiding_id, instelling_id)
    cohort_id = uuid.uuid4()
    await uow.session.execute(
        insert(cohort).values(
            id=cohort_id,
            opleiding_id=opleiding_id,
            aanmeld_deadline_date=nieuw.aanmelddeadline,
            start_date=nieuw.startdatum,
            eind_date=nieuw.einddatum,
            plaatsen=nieuw.plaatsen,
            bezet=0,
        )
    )
    await uow.commit()
    return await _cohort(uow, cohort_id)


async def wijzig_plaatsen(
    uow: UnitOfWork,
    opleiding_id: uuid.UUID,
    cohort_id: uuid.UUID,
    instelling_id: uuid.UUID,
    plaatsen: int,
) -> RowMapping:
    """Change the number of places; never below the places already taken."""
    await eigen_opleiding(uow, opleiding_id, instelling_id)
    huidig = await _cohort(uow, cohort_id)
    if huidig["opleiding_id"] != opleiding_id:
        raise CohortNietGevonden(f"Cohort {cohort_id} bestaat niet.")
    result = await uow.session.execute(
        update(cohort)
        .where(cohort.c.id == cohort_id, cohort.c.bezet <= plaatsen)
        .values(plaatsen=plaatsen)
    )
    if result.rowcount != 1:
        raise CohortPlaatsenTeLaag(f"Er zijn al {huidig['bezet']} plaatsen bezet.")
    await uow.commit()
    return await _cohort(uow, cohort_id)


async def _cohort(uow: UnitOfWork, cohort_id: uuid.UUID) -> RowMapping:
    row = (
        (await uow.session.execute(select(cohort).where(cohort.c.id == cohort_id)))
        .mappings()
        .first()
    )
    if row is None:
        raise CohortNietGevonden(f"Cohort {cohort_id} bestaat niet.")
    return row
