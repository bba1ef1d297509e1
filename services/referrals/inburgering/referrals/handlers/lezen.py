"""Queries behind the API: referrals within the caller's view, and the provincial counts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.engine import RowMapping

from inburgering.referrals.adapters import repository
from inburgering.referrals.adapters.repository import Stapregel
from inburgering.referrals.adapters.tables import cohort, opleiding, verwijzing
from inburgering.referrals.domain.checklist import ChecklistItem, Dossier, Feiten, checklist
from inburgering.referrals.domain.inzage import Inzage
from inburgering.referrals.domain.model import Diplomawaardering, Taalniveau, VerwijzingStatus
from inburgering.referrals.domain.pad import deadline
from inburgering.shared.kalender import nederlandse_datum
from inburgering.shared.persistence import UnitOfWork


@dataclass(frozen=True)
class Stapmoment:
    poging: int
    status: VerwijzingStatus
    bereikt_op: datetime | None
    deadline: date | None


@dataclass(frozen=True)
class Pogingbeeld:
    """One submission: its cohort, programme and institution, refusal reason and checklist."""

    poging: int
    row: RowMapping
    checklist: list[ChecklistItem]


@dataclass(frozen=True)
class Verwijzingsbeeld:
    row: RowMapping
    dossier: Dossier | None
    stappen: list[Stapmoment]
    # The current attempt's checklist; each earlier attempt keeps its own in `pogingen`.
    checklist: list[ChecklistItem]
    pogingen: list[Pogingbeeld]


def _dossier(row: RowMapping) -> Dossier | None:
    if row["diplomawaardering"] is None or row["taalniveau"] is None:
        return None
    return Dossier(
        diplomawaardering=Diplomawaardering(row["diplomawaardering"]),
        taalniveau=Taalniveau(row["taalniveau"]),
        uaf_begeleiding=row["uaf_begeleiding"],
        geboortejaar=row["geboortejaar"],
    )


def _dag(moment: datetime) -> date:
    """The Dutch day of a stored moment: it is held against the cohort's aanmelddeadline."""
    # Stored in UTC; SQLite hands it back without its zone.
    return nederlandse_datum(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def _checklist(
    dossier: Dossier | None, programma: RowMapping, ingediend: datetime | None
) -> list[ChecklistItem]:
    """`programma` has the cohort's dates and the programme's requirements (empty before a
    cohort is chosen)."""
    return checklist(
        Feiten(
            dossier=dossier,
            taalniveau_bij_start=(
                Taalniveau(programma["taalniveau_bij_start"])
                if programma["taalniveau_bij_start"]
                else None
            ),
            diplomawaardering_vereist=programma["diplomawaardering_vereist"] is not False,
            aanmelddeadline=programma["aanmeld_deadline_date"],
            startdatum=programma["start_date"],
            ingediend_op=_dag(ingediend) if ingediend else None,
        )
    )


def _beeld(
    row: RowMapping, bereikt: list[Stapregel], pogingen: dict[int, RowMapping]
) -> Verwijzingsbeeld:
    dossier = _dossier(row)
    ingediend = {p: op for p, status, op in bereikt if status is VerwijzingStatus.INGEDIEND}

    def _deadline(poging: int, status: VerwijzingStatus) -> date | None:
        cohort = pogingen.get(poging)
        if cohort is None:
            return deadline(status, None, None, None)
        return deadline(
            status, cohort["aanmeld_deadline_date"], cohort["start_date"], cohort["eind_date"]
        )

    return Verwijzingsbeeld(
        row,
        dossier,
        [Stapmoment(p, status, op, _deadline(p, status)) for p, status, op in bereikt],
        _checklist(dossier, row, ingediend.get(row["poging"])),
        [
            Pogingbeeld(nummer, poging, _checklist(dossier, poging, ingediend.get(nummer)))
            for nummer, poging in sorted(pogingen.items())
        ],
    )


async def lijst(
    uow: UnitOfWork,
    inzage: Inzage,
    *,
    inburgeraar_id: uuid.UUID | None = None,
    cohort_id: uuid.UUID | None = None,
    limit: int,
    offset: int,
) -> list[Verwijzingsbeeld]:
    query = repository.binnen(repository.met_programma(), inzage)
    if inburgeraar_id is not None:
        query = query.where(verwijzing.c.inburgeraar_id == inburgeraar_id)
    if cohort_id is not None:
        query = query.where(verwijzing.c.cohort_id == cohort_id)
    result = await uow.session.execute(
        query.order_by(verwijzing.c.aangemaakt_at, verwijzing.c.id).limit(limit).offset(offset)
    )
    rows = list(result.mappings().all())
    ids = [row["id"] for row in rows]
    stappen = await repository.stappen_van(uow.session, ids)
    pogingen = await repository.pogingen_van(uow.session, ids)
    return [_beeld(row, stappen[row["id"]], pogingen[row["id"]]) for row in rows]


async def geef(uow: UnitOfWork, verwijzing_id: uuid.UUID, inzage: Inzage) -> Verwijzingsbeeld:
    row = await repository.laad(uow.session, verwijzing_id, inzage)
    stappen = await repository.stappen_van(uow.session, [verwijzing_id])
    pogingen = await repository.pogingen_van(uow.session, [verwijzing_id])
    return _beeld(row, stappen[verwijzing_id], pogingen[verwijzing_id])


async def overzicht(uow: UnitOfWork, gemeentecodes: frozenset[str] | None) -> list[RowMapping]:
    """Counts only: per gemeente, institution, programme, cohort and status; None = all."""
    query = (
        select(
            verwijzing.c.gemeentecode,
            opleiding.c.instelling_id,
            cohort.c.opleiding_id,
            verwijzing.c.cohort_id,
            verwijzing.c.status,
            func.count().label("aantal"),
        )
        .select_from(
            verwijzing.outerjoin(cohort, cohort.c.id == verwijzing.c.cohort_id).outerjoin(
                opleiding, opleiding.c.id == cohort.c.opleiding_id
            )
        )
        .group_by(
            verwijzing.c.gemeentecode,
            opleiding.c.instelling_id,
            cohort.c.opleiding_id,
            verwijzing.c.cohort_id,
            verwijzing.c.status,
        )
        .order_by(
            verwijzing.c.gemeentecode,
            opleiding.c.instelling_id,
            cohort.c.opleiding_id,
            verwijzing.c.cohort_id,
            verwijzing.c.status,
        )
    )
    if gemeentecodes is not None:
        query = query.where(verwijzing.c.gemeentecode.in_(sorted(gemeentecodes)))
    return list((await uow.session.execute(query)).mappings().all())
