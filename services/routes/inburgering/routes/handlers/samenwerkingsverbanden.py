"""Samenwerkingsverbanden: named groups of gemeenten that set leerroute policy together."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError

from inburgering.routes.adapters.tables import (
    samenwerkingsverband,
    samenwerkingsverband_lid,
    samenwerkingsverbandbeleid,
)
from inburgering.routes.domain.beleid import Beleidsbron, nieuw_beleid
from inburgering.routes.domain.errors import (
    GemeenteAlInSamenwerkingsverband,
    SamenwerkingsverbandNietGevonden,
)
from inburgering.routes.handlers._sql import insert_or_replace
from inburgering.shared.persistence import UnitOfWork


@dataclass(frozen=True)
class Verband:
    id: uuid.UUID
    naam: str
    gemeentecodes: tuple[str, ...]
    versies: tuple[RowMapping, ...]


async def richt_op(
    uow: UnitOfWork, naam: str, gemeentecodes: Collection[str], nu: datetime
) -> uuid.UUID:
    """A gemeente already in another samenwerkingsverband is refused: with two, which group's
    policy applied to it would depend on chance."""
    al_lid = (
        (
            await uow.session.execute(
                select(samenwerkingsverband_lid.c.gemeentecode)
                .where(samenwerkingsverband_lid.c.gemeentecode.in_(sorted(gemeentecodes)))
                .order_by(samenwerkingsverband_lid.c.gemeentecode)
                .with_for_update()
            )
        )
        .scalars()
        .all()
    )
    if al_lid:
        raise GemeenteAlInSamenwerkingsverband(
            f"{', '.join(al_lid)} hoort al bij een samenwerkingsverband."
        )
    verband_id = uuid.uuid4()
    await uow.session.execute(
        samenwerkingsverband.insert().values(id=verband_id, naam=naam, aangemaakt_at=nu)
    )
    try:
        await uow.session.execute(
            samenwerkingsverband_lid.insert(),
            [
                {"gemeentecode": g, "samenwerkingsverband_id": verband_id}
                for g in sorted(gemeentecodes)
            ],
        )
        await uow.commit()
    except IntegrityError:
        # A concurrent request made one of them a member first.
        raise GemeenteAlInSamenwerkingsverband(
            "Een van deze gemeenten is zojuist lid geworden van een ander samenwerkingsverband."
        ) from None
    return verband_id


async def leg_beleid_vast(
    uow: UnitOfWork,
    verband: Verband,
    onderwijsroute_max_leeftijd: int,
    ingangsdatum: date,
    vandaag: date,
    nu: datetime,
) -> None:
    """As for a gemeente's own policy: from tomorrow at the earliest, and a version not yet in
    force may be replaced."""
    nieuw_beleid(
        onderwijsroute_max_leeftijd,
        ingangsdatum,
        vandaag,
        Beleidsbron.SAMENWERKINGSVERBAND,
        verband.naam,
    )
    await uow.session.execute(
        insert_or_replace(
            uow.session,
            samenwerkingsverbandbeleid,
            ["samenwerkingsverband_id", "ingangs_date"],
            samenwerkingsverband_id=verband.id,
            ingangs_date=ingangsdatum,
            onderwijsroute_max_leeftijd=onderwijsroute_max_leeftijd,
            vastgelegd_at=nu,
        )
    )
    await uow.commit()


async def geef(uow: UnitOfWork, verband_id: uuid.UUID, zichtbaar_voor: Iterable[str]) -> Verband:
    """Visible to whoever acts for one of its members; to anyone else it does not exist."""
    gevonden = await _lees(uow, zichtbaar_voor, verband_id)
    if not gevonden:
        raise SamenwerkingsverbandNietGevonden(f"Samenwerkingsverband {verband_id} bestaat niet.")
    return gevonden[0]


async def lijst(uow: UnitOfWork, zichtbaar_voor: Iterable[str]) -> list[Verband]:
    return await _lees(uow, zichtbaar_voor)


async def _lees(
    uow: UnitOfWork, zichtbaar_voor: Iterable[str], verband_id: uuid.UUID | None = None
) -> list[Verband]:
    zichtbaar = (
        select(samenwerkingsverband_lid.c.samenwerkingsverband_id)
        .where(samenwerkingsverband_lid.c.gemeentecode.in_(sorted(zichtbaar_voor)))
        .scalar_subquery()
    )
    query = select(samenwerkingsverband).where(samenwerkingsverband.c.id.in_(zichtbaar))
    if verband_id is not None:
        query = query.where(samenwerkingsverband.c.id == verband_id)
    rows = (
        (
            await uow.session.execute(
                query.order_by(samenwerkingsverband.c.aangemaakt_at, samenwerkingsverband.c.id)
            )
        )
        .mappings()
        .all()
    )
    ids = [r["id"] for r in rows]
    leden = (
        (
            await uow.session.execute(
                select(samenwerkingsverband_lid)
                .where(samenwerkingsverband_lid.c.samenwerkingsverband_id.in_(ids))
                .order_by(samenwerkingsverband_lid.c.gemeentecode)
            )
        )
        .mappings()
        .all()
    )
    versies = (
        (
            await uow.session.execute(
                select(samenwerkingsverbandbeleid)
                .where(samenwerkingsverbandbeleid.c.samenwerkingsverband_id.in_(ids))
                .order_by(samenwerkingsverbandbeleid.c.ingangs_date)
            )
        )
        .mappings()
        .all()
    )
    return [
        Verband(
            id=r["id"],
            naam=r["naam"],
            gemeentecodes=tuple(
                lid["gemeentecode"] for lid in leden if lid["samenwerkingsverband_id"] == r["id"]
            ),
            versies=tuple(v for v in versies if v["samenwerkingsverband_id"] == r["id"]),
        )
        for r in rows
    ]
