"""Allocating a placement to a contract, or putting it on the waiting list.

Used for a new placement, for one a provider rejected, and for the waiting list when places
come free. The ranking sees a snapshot; the claim decides, so lost races fall through to the
next contract and capacity is never overbooked.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import structlog
from sqlalchemy import select, update

from inburgering.contracts.adapters import repository, rotatie
from inburgering.contracts.adapters.tables import plaatsing
from inburgering.contracts.domain.allocatie import (
    Aanvraag,
    Allocatiebeleid,
    rangschik,
    verantwoordelijk_verband,
)
from inburgering.contracts.domain.bezetting import passeert_drempel
from inburgering.contracts.domain.model import PlaatsingStatus, Toewijzingsbeleid
from inburgering.shared.events.contracts import (
    CapaciteitBijnaUitgeput,
    CapaciteitUitgeput,
    PlaatsingAangevraagd,
)
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.kalender import nederlandse_datum
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


def vandaag(nu: datetime | None = None) -> date:
    """Contract periods and keurmerk validity are Dutch calendar dates."""
    return nederlandse_datum(nu or datetime.now(UTC))


@dataclass(frozen=True)
class Toewijzingsregels:
    beleid: Allocatiebeleid = Allocatiebeleid.LAAGSTE_BEZETTING
    drempel_procent: int = 90


@dataclass(frozen=True)
class TePlaatsen:
    """A placement as the allocation needs it; never who the person is."""

    id: uuid.UUID
    inburgeraar_id: uuid.UUID
    gemeentecode: str
    leerroute: Leerroute
    doelgroep: Doelgroep


async def wijs_toe(
    uow: UnitOfWork,
    te_plaatsen: TePlaatsen,
    regels: Toewijzingsregels,
    *,
    meld_uitgeput: bool = True,
) -> bool:
    """Place at the preferred contract with room (True), or leave it waiting (False).

    The caller holds the placement (inserted or locked in this transaction) and commits.
    """
    session = uow.session
    p = te_plaatsen
    aanvraag = Aanvraag(
        gemeentecode=p.gemeentecode,
        leerroute=p.leerroute,
        doelgroep=p.doelgroep,
        peildatum=vandaag(),
        uitgesloten_aanbieders=await repository.afgewezen_door(session, p.id),
    )
    verbanden = await repository.verbanden_met_lid(
        session, p.gemeentecode, p.leerroute, aanvraag.peildatum
    )
    verantwoordelijk = verantwoordelijk_verband(verbanden, aanvraag)
    toewijzing = (
        verantwoordelijk.toewijzingsbeleid
        if verantwoordelijk
        else Toewijzingsbeleid.VOORKEURSVOLGORDE
    )
    laatst_gekozen = None
    if verantwoordelijk and toewijzing is Toewijzingsbeleid.ROTATIE:
        # Locked before the contracts are read, so the occupancy seen is the latest.
        laatst_gekozen = await rotatie.neem_rotatie(session, verantwoordelijk.id)
    contracten = await repository.actieve_contracten_van(session, verbanden)
    volgorde = rangschik(
        contracten, aanvraag, regels.beleid, toewijzing, laatst_gekozen=laatst_gekozen
    )
    for contract in volgorde:
        bezetting = await repository.claim_plaats(session, contract.id, p.gemeentecode)
        if bezetting is None:
            continue
        if verantwoordelijk and toewijzing is Toewijzingsbeleid.ROTATIE:
            await rotatie.zet_rotatie(session, verantwoordelijk.id, contract.id)
        verband = contract.samenwerkingsverband
        await _zet(
            uow,
            p.id,
            status=PlaatsingStatus.AANGEVRAAGD,
            samenwerkingsverband_id=verband.id,
            contract_id=contract.id,
            aanbieder_id=contract.aanbieder.id,
        )
        await uow.publish(
            PlaatsingAangevraagd(
                plaatsing_id=p.id,
                inburgeraar_id=p.inburgeraar_id,
                gemeentecode=p.gemeentecode,
                leerroute=p.leerroute,
                contract_id=contract.id,
                aanbieder_kvk=contract.aanbieder.kvk,
            )
        )
        if passeert_drempel(bezetting.capaciteit, bezetting.geplaatst, regels.drempel_procent):
            await uow.publish(
                CapaciteitBijnaUitgeput(
                    contract_id=contract.id,
                    samenwerkingsverband_id=verband.id,
                    lead_gemeentecode=verband.lead_gemeentecode,
                    leerroute=contract.leerroute,
                    aanbieder_kvk=contract.aanbieder.kvk,
                    capaciteit=bezetting.capaciteit,
                    geplaatst=bezetting.geplaatst,
                    drempel_procent=regels.drempel_procent,
                ),
                gemeentecode=verband.lead_gemeentecode,
            )
        return True

    verband = verantwoordelijk
    await _zet(
        uow,
        p.id,
        status=PlaatsingStatus.WACHTLIJST,
        samenwerkingsverband_id=verband.id if verband else None,
        contract_id=None,
        aanbieder_id=None,
    )
    if meld_uitgeput:
        await uow.publish(
            CapaciteitUitgeput(
                plaatsing_id=p.id,
                inburgeraar_id=p.inburgeraar_id,
                gemeentecode=p.gemeentecode,
                leerroute=p.leerroute,
                samenwerkingsverband_id=verband.id if verband else None,
                lead_gemeentecode=verband.lead_gemeentecode if verband else None,
            )
        )
        log.info("plaatsing.wachtlijst", leerroute=str(p.leerroute), gedekt=verband is not None)
    return False


async def werk_wachtlijst_af(
    uow: UnitOfWork,
    verband_ids: Iterable[uuid.UUID],
    regels: Toewijzingsregels,
    *,
    hoogstens: int = 50,
) -> int:
    """Offer freed or new places to the longest-waiting placements of these verbanden.

    Placements another transaction is handling are skipped rather than waited for.
    """
    ids = sorted(set(verband_ids))
    if not ids:
        return 0
    result = await uow.session.execute(
        select(plaatsing)
        .where(
            plaatsing.c.status == PlaatsingStatus.WACHTLIJST,
            plaatsing.c.samenwerkingsverband_id.in_(ids),
        )
        .order_by(plaatsing.c.aangevraagd_at, plaatsing.c.id)
        .limit(hoogstens)
        .with_for_update(skip_locked=True)
    )
    geplaatst = 0
    for row in result.mappings().all():
        if await wijs_toe(uow, te_plaatsen(row), regels, meld_uitgeput=False):
            geplaatst += 1
    return geplaatst


def te_plaatsen(row: Mapping[str, Any]) -> TePlaatsen:
    return TePlaatsen(
        id=row["id"],
        inburgeraar_id=row["inburgeraar_id"],
        gemeentecode=row["gemeentecode"],
        leerroute=Leerroute(row["leerroute"]),
        doelgroep=Doelgroep(row["doelgroep"]),
    )


async def _zet(uow: UnitOfWork, plaatsing_id: uuid.UUID, **values: object) -> None:
    await uow.session.execute(
        update(plaatsing).where(plaatsing.c.id == plaatsing_id).values(**values)
    )
