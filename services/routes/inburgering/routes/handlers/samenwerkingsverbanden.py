"""Samenwerkingsverbanden as the contracts service publishes them, and the policy their lead
gemeente sets here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, and_, delete, or_, select
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import (
    samenwerkingsverband,
    samenwerkingsverband_lid,
    samenwerkingsverbandbeleid,
)
from inburgering.routes.domain.beleid import (
    Beleidsbron,
    nieuw_beleid,
    vereis_leerroute_van_beleid,
)
from inburgering.routes.domain.errors import SamenwerkingsverbandNietGevonden
from inburgering.routes.domain.samenwerkingsverband import (
    Lidmaatschap,
    Samenwerkingsverband,
    vereis_lead,
)
from inburgering.routes.handlers._sql import insert_or_replace, insert_or_replace_older
from inburgering.shared.events.contracts import SamenwerkingsverbandGewijzigd
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Clock

lid = samenwerkingsverband_lid


@dataclass(frozen=True)
class VerbandMetBeleid:
    verband: Samenwerkingsverband
    versies: tuple[RowMapping, ...]


async def when_samenwerkingsverband_gewijzigd_neem_over(
    uow: UnitOfWork, event: SamenwerkingsverbandGewijzigd, envelope: Envelope, *, clock: Clock
) -> None:
    """Replace routes' copy with the verband as contracts now has it; the caller (the consumer)
    commits. Contracts' versie orders the events, so a redelivery or an older version arriving
    late changes nothing and the copy never goes back."""
    vervangen = await uow.session.execute(
        insert_or_replace_older(
            uow.session,
            samenwerkingsverband,
            ["id"],
            "versie",
            id=event.samenwerkingsverband_id,
            naam=event.benaming,
            leerroute=event.leerroute,
            lead_gemeentecode=event.lead_gemeentecode,
            periode_start_date=event.periode_start,
            periode_eind_date=event.periode_eind,
            versie=event.versie,
            bijgewerkt_at=clock(),
        )
    )
    if vervangen.rowcount != 1:
        return
    await uow.session.execute(
        delete(lid).where(lid.c.samenwerkingsverband_id == event.samenwerkingsverband_id)
    )
    if event.leden:
        await uow.session.execute(
            lid.insert(),
            [
                {
                    "samenwerkingsverband_id": event.samenwerkingsverband_id,
                    "gemeentecode": lidmaatschap.gemeentecode,
                    "ingangs_date": lidmaatschap.ingangsdatum,
                    "eind_date": lidmaatschap.einddatum,
                    "rollen": sorted(lidmaatschap.rollen),
                }
                for lidmaatschap in event.leden
            ],
        )


async def leg_beleid_vast(
    uow: UnitOfWork,
    verband_id: uuid.UUID,
    namens: Iterable[str],
    onderwijsroute_max_leeftijd: int,
    ingangsdatum: date,
    vandaag: date,
    nu: datetime,
) -> None:
    """As for a gemeente's own policy: from tomorrow at the earliest, and a version not yet in
    force may be replaced. Only the lead sets it, and only for the leerroute the verband buys."""
    codes = frozenset(namens)
    verband = (await geef(uow, verband_id, codes, vandaag)).verband
    vereis_lead(verband, codes)
    vereis_leerroute_van_beleid(verband.leerroute, verband.naam)
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


async def geef(
    uow: UnitOfWork, verband_id: uuid.UUID, zichtbaar_voor: Iterable[str], vandaag: date
) -> VerbandMetBeleid:
    """Visible to whoever acts for its lead or for one of today's members; to anyone else it does
    not exist."""
    gevonden = await lijst(uow, zichtbaar_voor, vandaag, verband_id)
    if not gevonden:
        raise SamenwerkingsverbandNietGevonden(f"Samenwerkingsverband {verband_id} bestaat niet.")
    return gevonden[0]


async def lijst(
    uow: UnitOfWork,
    zichtbaar_voor: Iterable[str],
    vandaag: date,
    verband_id: uuid.UUID | None = None,
) -> list[VerbandMetBeleid]:
    codes = sorted(zichtbaar_voor)
    query = select(samenwerkingsverband).where(
        or_(
            samenwerkingsverband.c.lead_gemeentecode.in_(codes),
            samenwerkingsverband.c.id.in_(
                select(lid.c.samenwerkingsverband_id).where(
                    lid.c.gemeentecode.in_(codes), lid_op(vandaag)
                )
            ),
        )
    )
    if verband_id is not None:
        query = query.where(samenwerkingsverband.c.id == verband_id)
    verbanden = await _lees(uow, query)
    versies = (
        (
            await uow.session.execute(
                select(samenwerkingsverbandbeleid)
                .where(
                    samenwerkingsverbandbeleid.c.samenwerkingsverband_id.in_(
                        [v.id for v in verbanden]
                    )
                )
                .order_by(samenwerkingsverbandbeleid.c.ingangs_date)
            )
        )
        .mappings()
        .all()
    )
    return [
        VerbandMetBeleid(v, tuple(r for r in versies if r["samenwerkingsverband_id"] == v.id))
        for v in verbanden
    ]


async def verbanden_met_lid(
    uow: UnitOfWork, gemeentecode: str, leerroute: Leerroute, dag: date
) -> list[Samenwerkingsverband]:
    """The verbanden for this leerroute with the gemeente as a member on that day."""
    return await _lees(
        uow,
        select(samenwerkingsverband).where(
            samenwerkingsverband.c.leerroute == leerroute,
            samenwerkingsverband.c.id.in_(
                select(lid.c.samenwerkingsverband_id).where(
                    lid.c.gemeentecode == gemeentecode, lid_op(dag)
                )
            ),
        ),
    )


def lid_op(dag: date) -> ColumnElement[bool]:
    return and_(lid.c.ingangs_date <= dag, or_(lid.c.eind_date.is_(None), lid.c.eind_date > dag))


async def _lees(uow: UnitOfWork, query: Select) -> list[Samenwerkingsverband]:
    rows = (
        (
            await uow.session.execute(
                query.order_by(samenwerkingsverband.c.naam, samenwerkingsverband.c.id)
            )
        )
        .mappings()
        .all()
    )
    leden = (
        (
            await uow.session.execute(
                select(lid)
                .where(lid.c.samenwerkingsverband_id.in_([r["id"] for r in rows]))
                .order_by(lid.c.gemeentecode, lid.c.ingangs_date)
            )
        )
        .mappings()
        .all()
    )
    return [
        Samenwerkingsverband(
            id=r["id"],
            naam=r["naam"],
            leerroute=Leerroute(r["leerroute"]),
            lead_gemeentecode=r["lead_gemeentecode"],
            periode_start=r["periode_start_date"],
            periode_eind=r["periode_eind_date"],
            versie=r["versie"],
            lidmaatschappen=tuple(
                Lidmaatschap(m["gemeentecode"], m["ingangs_date"], m["eind_date"])
                for m in leden
                if m["samenwerkingsverband_id"] == r["id"]
            ),
        )
        for r in rows
    ]
