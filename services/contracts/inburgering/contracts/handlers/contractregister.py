"""Uploading and downloading a verband's contract register (CSV), for the procurement team.

An upload is checked whole — the file itself, then each line against what is stored — and
written in one transaction, or refused with every problem and nothing stored. A line that is
already there with the same terms changes nothing, so the same file can be uploaded again."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import structlog
from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters.tables import aanbieder, contract, samenwerkingsverband
from inburgering.contracts.domain.contractregister import Fout, OngeldigRegister, Registerregel
from inburgering.contracts.domain.contractversie import Voorwaarden, eerste_voorwaarden
from inburgering.contracts.domain.errors import DomainError
from inburgering.contracts.domain.model import Periode
from inburgering.contracts.handlers import aanbiederregistratie
from inburgering.contracts.handlers.aanbieders import WijzigKeurmerk
from inburgering.contracts.handlers.contractsluiting import SluitContract, geleid_verband, schrijf
from inburgering.contracts.handlers.toewijzing import Toewijzingsregels, werk_wachtlijst_af
from inburgering.contracts.handlers.verbandbeheer import Beheerder
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)

# The terms a line states, compared with a stored contract of the same lot and provider.
_VOORWAARDEN = (
    "capaciteit",
    "prijs_eenheid",
    "prijs_bedrag",
    "periode_start",
    "periode_eind",
    "verlengingsopties",
    "status",
    "doelgroep",
    "perceel_naam",
)


@dataclass(frozen=True)
class Resultaat:
    aangemaakt: int
    ongewijzigd: int
    aanbieders_geregistreerd: int


def _opslag(regel: Registerregel) -> dict[str, object]:
    return {
        "capaciteit": regel.capaciteit,
        "prijs_eenheid": str(regel.prijs_eenheid),
        "prijs_bedrag": regel.prijs_bedrag,
        "periode_start": regel.periode_start,
        "periode_eind": regel.periode_eind,
        "verlengingsopties": regel.verlengingsopties,
        "status": str(regel.status),
        "doelgroep": str(regel.doelgroep) if regel.doelgroep else None,
        "perceel_naam": regel.perceel_naam,
    }


def _voorwaarden(regel: Registerregel) -> Voorwaarden:
    return Voorwaarden(
        capaciteit=regel.capaciteit,
        prijs_eenheid=regel.prijs_eenheid,
        prijs_bedrag=regel.prijs_bedrag,
        status=regel.status,
        periode=Periode(regel.periode_start, regel.periode_eind),
        verlengingsopties=regel.verlengingsopties,
    )


async def _bestaande(uow: UnitOfWork, verband_id: uuid.UUID) -> dict[tuple[str, str], RowMapping]:
    result = await uow.session.execute(
        select(contract, aanbieder.c.kvk.label("aanbieder_kvk"))
        .join(aanbieder, aanbieder.c.id == contract.c.aanbieder_id)
        .where(contract.c.samenwerkingsverband_id == verband_id)
        .with_for_update(of=contract)
    )
    return {
        (row["perceel_code"], row["aanbieder_kvk"]): row
        for row in result.mappings()
        if row["perceel_code"] is not None
    }


async def importeer(
    uow: UnitOfWork,
    verband_id: uuid.UUID,
    wie: Beheerder,
    regels: list[Registerregel],
    *,
    door: str,
    toewijzing: Toewijzingsregels,
    regelnummers: list[int],
) -> Resultaat:
    """Store the register's new contracts (and providers) in one transaction; commits."""
    verband = await geleid_verband(uow, verband_id, wie)
    # One upload per verband at a time: a second, concurrent one sees the first one's contracts.
    await uow.session.execute(
        select(samenwerkingsverband.c.id)
        .where(samenwerkingsverband.c.id == verband_id)
        .with_for_update()
    )
    bestaande = await _bestaande(uow, verband_id)
    kvks = sorted({r.aanbieder_kvk for r in regels})
    bekend = dict(
        (
            await uow.session.execute(
                select(aanbieder.c.kvk, aanbieder.c.id).where(aanbieder.c.kvk.in_(kvks))
            )
        ).all()
    )
    fouten: list[Fout] = []
    nieuw: list[tuple[int, Registerregel]] = []
    ongewijzigd = 0
    for nummer, regel in zip(regelnummers, regels, strict=True):
        row = bestaande.get(regel.sleutel)
        if row is not None:
            verschil = [k for k in _VOORWAARDEN if _opgeslagen(row, k) != _opslag(regel)[k]]
            if verschil:
                fouten += [
                    Fout(
                        nummer,
                        kolom,
                        "Dit contract bestaat al met andere voorwaarden; wijzig "
                        "het met PATCH /contracten/{id} (een nieuwe versie).",
                    )
                    for kolom in verschil
                ]
            else:
                ongewijzigd += 1
            continue
        if regel.aanbieder_kvk not in bekend and regel.aanbieder_naam is None:
            fouten.append(
                Fout(
                    nummer,
                    "aanbieder_naam",
                    "Verplicht voor een aanbieder die nog niet geregistreerd is.",
                )
            )
            continue
        try:
            eerste_voorwaarden(_voorwaarden(regel), frozenset())
        except DomainError as fout:
            fouten.append(Fout(nummer, None, fout.detail))
            continue
        nieuw.append((nummer, regel))
    if fouten:
        raise OngeldigRegister(fouten)

    geregistreerd = 0
    for _, regel in nieuw:
        if regel.aanbieder_kvk not in bekend:
            bekend[regel.aanbieder_kvk] = await aanbiederregistratie.schrijf(uow, _aanbieder(regel))
            geregistreerd += 1
        await schrijf(
            uow,
            verband,
            bekend[regel.aanbieder_kvk],
            SluitContract(
                samenwerkingsverband_id=verband_id,
                aanbieder_kvk=regel.aanbieder_kvk,
                perceel_code=regel.perceel_code,
                perceel_naam=regel.perceel_naam,
                doelgroep=regel.doelgroep,
                voorwaarden=_voorwaarden(regel),
                toelichting="Contractregister (CSV)",
            ),
            _voorwaarden(regel),
            door=door,
        )
    if any(regel.status.plaatst for _, regel in nieuw):
        await werk_wachtlijst_af(uow, [verband_id], toewijzing)
    log.info("contractregister.geimporteerd", aangemaakt=len(nieuw), ongewijzigd=ongewijzigd)
    await uow.commit()
    return Resultaat(len(nieuw), ongewijzigd, geregistreerd)


def _opgeslagen(row: RowMapping, kolom: str) -> object:
    waarde = row[
        {"periode_start": "periode_start_date", "periode_eind": "periode_eind_date"}.get(
            kolom, kolom
        )
    ]
    return waarde


def _aanbieder(regel: Registerregel) -> aanbiederregistratie.RegistreerAanbieder:
    assert regel.aanbieder_naam is not None
    return aanbiederregistratie.RegistreerAanbieder(
        kvk=regel.aanbieder_kvk,
        naam=regel.aanbieder_naam,
        keurmerk=(
            WijzigKeurmerk(status=regel.keurmerk_status, geldig_tot=regel.keurmerk_geldig_tot)
            if regel.keurmerk_status
            else None
        ),
        taalschakel=regel.taalschakel,
        duo_instellingsnummer=regel.duo_instellingsnummer,
        locaties=(),
        contact_email=None,
        contact_telefoon=None,
    )


async def exporteer(uow: UnitOfWork, verband_id: uuid.UUID, wie: Beheerder) -> list[dict]:
    """The verband's contracts as register lines, in the columns an upload reads."""
    await geleid_verband(uow, verband_id, wie)
    result = await uow.session.execute(
        select(contract, aanbieder)
        .with_only_columns(
            contract.c.perceel_code,
            contract.c.perceel_naam,
            aanbieder.c.kvk.label("aanbieder_kvk"),
            aanbieder.c.naam.label("aanbieder_naam"),
            contract.c.doelgroep,
            contract.c.capaciteit,
            contract.c.prijs_eenheid,
            contract.c.prijs_bedrag,
            contract.c.periode_start_date.label("periode_start"),
            contract.c.periode_eind_date.label("periode_eind"),
            contract.c.verlengingsopties,
            contract.c.status,
            aanbieder.c.keurmerk_status,
            aanbieder.c.keurmerk_geldig_tot,
            aanbieder.c.taalschakel,
            aanbieder.c.duo_instellingsnummer,
        )
        .join_from(contract, aanbieder, aanbieder.c.id == contract.c.aanbieder_id)
        .where(contract.c.samenwerkingsverband_id == verband_id)
        .order_by(contract.c.perceel_code, aanbieder.c.kvk)
    )
    return [dict(row) for row in result.mappings()]
