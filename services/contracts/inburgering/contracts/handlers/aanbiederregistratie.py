"""Registering a course provider: beheer, or a lead gemeente about to contract it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from sqlalchemy import insert

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import aanbieder, aanbieder_locatie
from inburgering.contracts.domain.errors import AanbiederBestaatAl
from inburgering.contracts.handlers.aanbieders import WijzigKeurmerk
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class RegistreerAanbieder:
    kvk: str
    naam: str
    keurmerk: WijzigKeurmerk | None
    taalschakel: bool
    duo_instellingsnummer: str | None
    locaties: Sequence[str]
    contact_email: str | None
    contact_telefoon: str | None


async def registreer(uow: UnitOfWork, opdracht: RegistreerAanbieder) -> None:
    """One provider per KvK number, whoever registered it first; commits."""
    await schrijf(uow, opdracht)
    await uow.commit()


async def schrijf(uow: UnitOfWork, opdracht: RegistreerAanbieder) -> uuid.UUID:
    """The provider and its locations, in the caller's transaction; returns its id."""
    aanbieder_id = uuid.uuid4()
    keurmerk = opdracht.keurmerk
    nieuw = await uow.session.execute(
        repository.insert_ignoring_conflicts(
            uow.session,
            aanbieder,
            {
                "id": aanbieder_id,
                "kvk": opdracht.kvk,
                "naam": opdracht.naam,
                "keurmerk_status": keurmerk.status if keurmerk else None,
                "keurmerk_nummer": keurmerk.nummer if keurmerk else None,
                "keurmerk_geldig_van": keurmerk.geldig_van if keurmerk else None,
                "keurmerk_geldig_tot": keurmerk.geldig_tot if keurmerk else None,
                "taalschakel": opdracht.taalschakel,
                "duo_instellingsnummer": opdracht.duo_instellingsnummer,
                "contact_email": opdracht.contact_email,
                "contact_telefoon": opdracht.contact_telefoon,
            },
        )
    )
    if nieuw.rowcount != 1:
        raise AanbiederBestaatAl(
            f"Aanbieder {opdracht.kvk} is al geregistreerd; wijzig keurmerk of locaties daar."
        )
    if opdracht.locaties:
        await uow.session.execute(
            insert(aanbieder_locatie),
            [
                {"aanbieder_id": aanbieder_id, "gemeentecode": code}
                for code in sorted(set(opdracht.locaties))
            ],
        )
    log.info("aanbieder.geregistreerd", aanbieder_kvk=opdracht.kvk)
    return aanbieder_id
