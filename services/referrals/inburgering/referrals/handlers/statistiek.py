"""Counting referrals for the statistics: per programme and status, never one referral."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from inburgering.referrals.adapters.tables import (
    cohort,
    instelling,
    netwerk_gemeente,
    opleiding,
    verwijzing,
)
from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.domain.statistiek import Bereik
from inburgering.referrals.domain.verwijzingstatistiek import Verwijzinggroep
from inburgering.shared.persistence import UnitOfWork


async def lead_gemeenten(uow: UnitOfWork) -> list[str]:
    result = await uow.session.execute(
        select(netwerk_gemeente.c.gemeentecode).where(netwerk_gemeente.c.lead)
    )
    return list(result.scalars())


async def tel_verwijzingen(uow: UnitOfWork, bereik: Bereik) -> list[Verwijzinggroep]:
    """By the current attempt's programme. A gemeente's transaction sees only its own rows
    under row-level security; a lead's or beheer's runs with the platform scope."""
    query = (
        select(cohort.c.opleiding_id, verwijzing.c.status, func.count().label("aantal"))
        .select_from(verwijzing.outerjoin(cohort, cohort.c.id == verwijzing.c.cohort_id))
        .group_by(cohort.c.opleiding_id, verwijzing.c.status)
    )
    if bereik.gemeentecodes is not None:
        query = query.where(verwijzing.c.gemeentecode.in_(sorted(bereik.gemeentecodes)))
    rows = (await uow.session.execute(query)).all()
    return [Verwijzinggroep(o, VerwijzingStatus(s), n) for o, s, n in rows]


async def catalogus(
    uow: UnitOfWork,
) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, tuple[uuid.UUID, str]]]:
    """Institutions by id with their name; programmes by id with institution and name."""
    instellingen = await uow.session.execute(select(instelling.c.id, instelling.c.naam))
    opleidingen = await uow.session.execute(
        select(opleiding.c.id, opleiding.c.instelling_id, opleiding.c.naam)
    )
    return (
        {i: naam for i, naam in instellingen.all()},
        {o: (i, naam) for o, i, naam in opleidingen.all()},
    )
