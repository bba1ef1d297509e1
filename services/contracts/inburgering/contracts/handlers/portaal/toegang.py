"""What every provider report starts with: the placement, within the caller's inzage.

Another provider's placement does not exist for the caller; each access is logged without
personal data.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import structlog
from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters.tables import aanbieder, plaatsing
from inburgering.contracts.domain import traject
from inburgering.contracts.domain.errors import (
    DatumInDeToekomst,
    DatumVoorStart,
    PlaatsingNietGevonden,
)
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.toewijzing import vandaag
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


async def neem(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage, handeling: Handeling
) -> RowMapping:
    """The placement at this provider, locked for this transaction, if the handeling fits."""
    result = await uow.session.execute(
        select(
            plaatsing,
            aanbieder.c.kvk.label("aanbieder_kvk"),
            aanbieder.c.keurmerk_status,
            aanbieder.c.keurmerk_geldig_tot,
            aanbieder.c.taalschakel,
            aanbieder.c.duo_instellingsnummer,
        )
        .select_from(plaatsing.join(aanbieder, aanbieder.c.id == plaatsing.c.aanbieder_id))
        .where(plaatsing.c.id == plaatsing_id, aanbieder.c.kvk == inzage.kvk)
        .with_for_update(of=plaatsing)
    )
    row = result.mappings().first()
    if row is None:
        raise PlaatsingNietGevonden(f"Plaatsing {plaatsing_id} bestaat niet.")
    log.info(
        "plaatsing.portaal",
        plaatsing_id=str(plaatsing_id),
        aanbieder_kvk=inzage.kvk,
        handeling=str(handeling),
    )
    traject.na(row["status"], handeling)
    return row


async def zet(uow: UnitOfWork, plaatsing_id: uuid.UUID, **values: Any) -> None:
    await uow.session.execute(
        update(plaatsing).where(plaatsing.c.id == plaatsing_id).values(**values)
    )


def niet_in_de_toekomst(dag: date, wat: str) -> None:
    if dag > vandaag():
        raise DatumInDeToekomst(f"{wat} {dag.isoformat()} ligt in de toekomst.")


def niet_voor_start(row: RowMapping, dag: date, wat: str) -> None:
    start = row["startdatum"]
    if start is not None and dag < start:
        raise DatumVoorStart(f"{wat} {dag.isoformat()} ligt voor de start op {start.isoformat()}.")
