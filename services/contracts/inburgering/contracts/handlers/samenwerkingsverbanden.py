from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import structlog
from sqlalchemy import or_, select, update

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import samenwerkingsverband, samenwerkingsverband_lid
from inburgering.contracts.domain.errors import SamenwerkingsverbandNietGevonden
from inburgering.contracts.domain.inzage import RegioInzage
from inburgering.contracts.domain.model import Toewijzingsbeleid
from inburgering.contracts.handlers.toewijzing import vandaag
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


async def lijst_samenwerkingsverbanden(
    uow: UnitOfWork, gemeentecodes: Iterable[str], *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """The samenwerkingsverbanden the gemeenten are a member of or lead, with their members."""
    codes = sorted(gemeentecodes)
    result = await uow.session.execute(
        select(samenwerkingsverband)
        .where(
            or_(
                samenwerkingsverband.c.lead_gemeentecode.in_(codes),
                samenwerkingsverband.c.id.in_(
                    select(samenwerkingsverband_lid.c.samenwerkingsverband_id).where(
                        samenwerkingsverband_lid.c.gemeentecode.in_(codes)
                    )
                ),
            )
        )
        .order_by(samenwerkingsverband.c.leerroute, samenwerkingsverband.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = list(result.mappings().all())
    leden = await repository.leden_van(uow.session, [row["id"] for row in rows], vandaag())
    return [{**row, "leden": leden[row["id"]]} for row in rows]


async def geef_geleid_verband(
    uow: UnitOfWork, verband_id: uuid.UUID, inzage: RegioInzage
) -> dict[str, Any]:
    """A verband the caller leads; any other is reported as not found."""
    result = await uow.session.execute(
        select(samenwerkingsverband).where(
            samenwerkingsverband.c.id == verband_id,
            samenwerkingsverband.c.lead_gemeentecode.in_(sorted(inzage.lead_gemeentecodes)),
        )
    )
    row = result.mappings().first()
    if row is None:
        raise SamenwerkingsverbandNietGevonden(f"Samenwerkingsverband {verband_id} bestaat niet.")
    leden = await repository.leden_van(uow.session, [verband_id], vandaag())
    return {**row, "leden": leden[verband_id]}


async def stel_toewijzingsbeleid_in(
    uow: UnitOfWork, verband_id: uuid.UUID, inzage: RegioInzage, beleid: Toewijzingsbeleid
) -> None:
    """Only the lead gemeente decides how its verband allocates; the next allocation uses it.
    A rotation resumes where it stood if the verband switches back to it."""
    await geef_geleid_verband(uow, verband_id, inzage)
    await uow.session.execute(
        update(samenwerkingsverband)
        .where(samenwerkingsverband.c.id == verband_id)
        .values(toewijzingsbeleid=beleid)
    )
    log.info("samenwerkingsverband.toewijzingsbeleid", verband_id=str(verband_id), beleid=beleid)
    await uow.commit()
