"""Loading referrals within a caller's view, moving them along, and claiming cohort places."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from inburgering.referrals.adapters.tables import (
    cohort,
    opleiding,
    verwijzing,
    verwijzing_poging,
    verwijzing_stap,
)
from inburgering.referrals.domain.errors import VerwijzingNietGevonden
from inburgering.referrals.domain.inzage import GemeenteInzage, Inzage
from inburgering.referrals.domain.model import VerwijzingStatus


def met_programma() -> Select[Any]:
    """A referral with its cohort's dates and its programme's institution and requirements."""
    return select(
        verwijzing,
        cohort.c.opleiding_id,
        cohort.c.aanmeld_deadline_date,
        cohort.c.start_date,
        cohort.c.eind_date,
        opleiding.c.instelling_id,
        opleiding.c.taalniveau_bij_start,
        opleiding.c.diplomawaardering_vereist,
    ).select_from(
        verwijzing.outerjoin(cohort, cohort.c.id == verwijzing.c.cohort_id).outerjoin(
            opleiding, opleiding.c.id == cohort.c.opleiding_id
        )
    )


def binnen(query: Select[Any], inzage: Inzage) -> Select[Any]:
    """Only what the caller may see; for an institution that is what was submitted to it."""
    if isinstance(inzage, GemeenteInzage):
        return query.where(verwijzing.c.gemeentecode.in_(sorted(inzage.gemeentecodes)))
    return query.where(opleiding.c.instelling_id == inzage.instelling_id)


async def laad(session: AsyncSession, verwijzing_id: uuid.UUID, inzage: Inzage) -> RowMapping:
    """Another tenant's referral is reported as not found, so existence does not leak."""
    result = await session.execute(
        binnen(met_programma(), inzage).where(verwijzing.c.id == verwijzing_id)
    )
    row = result.mappings().first()
    if row is None:
        raise VerwijzingNietGevonden(f"Verwijzing {verwijzing_id} bestaat niet.")
    return row


async def zet_status(
    session: AsyncSession,
    verwijzing_id: uuid.UUID,
    *,
    van: VerwijzingStatus,
    naar: VerwijzingStatus,
    nu: datetime,
    poging: int,
    **values: object,
) -> bool:
    """Move on only if the status is still `van`: of two concurrent steps one wins. The step
    is recorded under attempt `poging`, which becomes the referral's current attempt."""
    result = await session.execute(
        update(verwijzing)
        .where(verwijzing.c.id == verwijzing_id, verwijzing.c.status == van)
        .values(status=naar, poging=poging, **values)
    )
    if result.rowcount != 1:
        return False
    await registreer_stap(session, verwijzing_id, naar, nu, poging)
    return True


async def registreer_stap(
    session: AsyncSession,
    verwijzing_id: uuid.UUID,
    status: VerwijzingStatus,
    nu: datetime,
    poging: int,
) -> None:
    await session.execute(
        insert(verwijzing_stap).values(
            verwijzing_id=verwijzing_id, poging=poging, status=status, bereikt_at=nu
        )
    )


Stapregel = tuple[int, VerwijzingStatus, datetime]
"""(poging, status, bereikt_at)"""


async def stappen_van(
    session: AsyncSession, verwijzing_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[Stapregel]]:
    ids = list(verwijzing_ids)
    stappen: dict[uuid.UUID, list[Stapregel]] = defaultdict(list)
    if not ids:
        return stappen
    result = await session.execute(
        select(verwijzing_stap)
        .where(verwijzing_stap.c.verwijzing_id.in_(ids))
        .order_by(verwijzing_stap.c.poging, verwijzing_stap.c.bereikt_at)
    )
    for row in result.mappings():
        stappen[row["verwijzing_id"]].append(
            (row["poging"], VerwijzingStatus(row["status"]), row["bereikt_at"])
        )
    return stappen


async def pogingen_van(
    session: AsyncSession, verwijzing_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, dict[int, RowMapping]]:
    """Each submission with its cohort's dates and its programme's institution and requirements."""
    ids = list(verwijzing_ids)
    pogingen: dict[uuid.UUID, dict[int, RowMapping]] = defaultdict(dict)
    if not ids:
        return pogingen
    result = await session.execute(
        select(
            verwijzing_poging,
            cohort.c.opleiding_id,
            cohort.c.aanmeld_deadline_date,
            cohort.c.start_date,
            cohort.c.eind_date,
            opleiding.c.instelling_id,
            opleiding.c.taalniveau_bij_start,
            opleiding.c.diplomawaardering_vereist,
        )
        .join(cohort, cohort.c.id == verwijzing_poging.c.cohort_id)
        .join(opleiding, opleiding.c.id == cohort.c.opleiding_id)
        .where(verwijzing_poging.c.verwijzing_id.in_(ids))
        .order_by(verwijzing_poging.c.poging)
    )
    for row in result.mappings():
        pogingen[row["verwijzing_id"]][row["poging"]] = row
    return pogingen


async def registreer_poging(
    session: AsyncSession, verwijzing_id: uuid.UUID, poging: int, cohort_id: uuid.UUID
) -> None:
    await session.execute(
        insert(verwijzing_poging).values(
            verwijzing_id=verwijzing_id, poging=poging, cohort_id=cohort_id
        )
    )


async def wijs_poging_af(
    session: AsyncSession, verwijzing_id: uuid.UUID, poging: int, reden: str | None
) -> None:
    await session.execute(
        update(verwijzing_poging)
        .where(
            verwijzing_poging.c.verwijzing_id == verwijzing_id,
            verwijzing_poging.c.poging == poging,
        )
        .values(afwijzingsreden=reden)
    )


async def claim_plaats(session: AsyncSession, cohort_id: uuid.UUID) -> bool:
    """Take one place if one is free at this moment; False when others took the last one.

    The condition is re-evaluated under the row lock (PostgreSQL) or the database lock
    (SQLite), so concurrent submissions can never take more places than the cohort has.
    """
    result = await session.execute(
        update(cohort)
        .where(cohort.c.id == cohort_id, cohort.c.bezet < cohort.c.plaatsen)
        .values(bezet=cohort.c.bezet + 1)
    )
    return result.rowcount == 1


async def geef_plaats_vrij(session: AsyncSession, cohort_id: uuid.UUID) -> None:
    await session.execute(
        update(cohort)
        .where(cohort.c.id == cohort_id, cohort.c.bezet > 0)
        .values(bezet=cohort.c.bezet - 1)
    )


async def kern(session: AsyncSession, verwijzing_id: uuid.UUID) -> RowMapping | None:
    """Whose referral it is and where it stands: what a timer needs before it speaks."""
    result = await session.execute(
        select(verwijzing.c.inburgeraar_id, verwijzing.c.gemeentecode, verwijzing.c.status).where(
            verwijzing.c.id == verwijzing_id
        )
    )
    return result.mappings().first()
