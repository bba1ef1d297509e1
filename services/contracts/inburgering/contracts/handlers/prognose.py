"""The demand forecast of a samenwerkingsverband from what is stored, and the shortfall signal.

The figures come from the region's pipeline (kept from intake's and routes' events), the
waiting list, the influx the member gemeenten expect and the verband's contracts; the rules are
in domain/prognose.py."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, date, datetime

import structlog
from sqlalchemy import delete, exists, select, update
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import (
    contract,
    pijplijn,
    plaatsing,
    samenwerkingsverband,
    tekortsignaal,
)
from inburgering.contracts.domain import prognose
from inburgering.contracts.domain.model import ContractStatus, PlaatsingStatus
from inburgering.contracts.domain.prognose import ContractStand, Persoon, Prognose
from inburgering.contracts.handlers import instroom
from inburgering.contracts.handlers.contractsluiting import geleid_verband
from inburgering.contracts.handlers.verbandbeheer import Beheerder
from inburgering.shared.events.contracts import CapaciteitstekortVerwacht
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


def _enum(soort: type, waarde: str | None):  # type: ignore[no-untyped-def]
    return soort(waarde) if waarde else None


async def _bereken(
    uow: UnitOfWork, verband: RowMapping, peildatum: date, aantal_kwartalen: int
) -> Prognose:
    session = uow.session
    leden = await repository.lidmaatschappen_van(session, verband["id"])
    codes = sorted({lid.gemeentecode for lid in leden})
    geplaatst = exists().where(plaatsing.c.inburgeraar_id == pijplijn.c.inburgeraar_id)
    rijen = await session.execute(
        select(pijplijn, geplaatst.label("heeft_plaatsing")).where(
            pijplijn.c.gemeentecode.in_(codes)
        )
    )
    personen = [
        Persoon(
            gemeentecode=r["gemeentecode"],
            doelgroep=_enum(Doelgroep, r["doelgroep"]),
            geadviseerde_leerroute=_enum(Leerroute, r["geadviseerde_leerroute"]),
            vastgestelde_leerroute=_enum(Leerroute, r["vastgestelde_leerroute"]),
            afgesloten=r["afsluiting"] is not None,
            heeft_plaatsing=bool(r["heeft_plaatsing"]),
            aangemeld=r["aangemeld_op"] is not None or r["intake_afgerond_op"] is not None,
        )
        for r in rijen.mappings()
    ]
    wachtend = await session.execute(
        select(plaatsing.c.gemeentecode).where(
            plaatsing.c.status == PlaatsingStatus.WACHTLIJST,
            plaatsing.c.leerroute == verband["leerroute"],
            plaatsing.c.gemeentecode.in_(codes),
        )
    )
    verwacht = await instroom.van(uow, codes)
    contracten = await session.execute(
        select(contract).where(contract.c.samenwerkingsverband_id == verband["id"])
    )
    return prognose.bereken(
        leerroute=Leerroute(verband["leerroute"]),
        leden=leden,
        personen=personen,
        wachtlijst=Counter(wachtend.scalars().all()),
        instroom=verwacht,
        contracten=[
            ContractStand(
                contract_id=str(r["id"]),
                vrij=max(r["capaciteit"] - r["geplaatst"], 0),
                periode_start=r["periode_start_date"],
                periode_eind=r["periode_eind_date"],
                verlengingsopties=r["verlengingsopties"],
                actief=ContractStatus(r["status"]).plaatst,
            )
            for r in contracten.mappings()
        ],
        peildatum=peildatum,
        aantal_kwartalen=aantal_kwartalen,
    )


async def geef(
    uow: UnitOfWork, verband_id: uuid.UUID, wie: Beheerder, peildatum: date, aantal_kwartalen: int
) -> tuple[RowMapping, Prognose]:
    """The forecast for the verband's lead (or beheer); anyone else as for the verband itself."""
    verband = await geleid_verband(uow, verband_id, wie)
    return verband, await _bereken(uow, verband, peildatum, aantal_kwartalen)


async def signaleer_tekorten(uow: UnitOfWork, peildatum: date, aantal_kwartalen: int) -> int:
    """Forecast every verband; publish a shortfall once, and again when it changes. Commits;
    returns how many signals were published."""
    verbanden = (await uow.session.execute(select(samenwerkingsverband))).mappings().all()
    gepubliceerd = 0
    for verband in verbanden:
        uitkomst = await _bereken(uow, verband, peildatum, aantal_kwartalen)
        if await _signaleer(uow, verband, uitkomst, peildatum):
            gepubliceerd += 1
    await uow.commit()
    return gepubliceerd


async def _signaleer(
    uow: UnitOfWork, verband: RowMapping, uitkomst: Prognose, peildatum: date
) -> bool:
    session = uow.session
    vorig = (
        (
            await session.execute(
                select(tekortsignaal)
                .where(tekortsignaal.c.samenwerkingsverband_id == verband["id"])
                .with_for_update()
            )
        )
        .mappings()
        .first()
    )
    tekort = uitkomst.eerste_tekort
    if tekort is None:
        if vorig is not None:
            # Solved (more capacity, less demand): a new shortfall later is signalled afresh.
            await session.execute(
                delete(tekortsignaal).where(
                    tekortsignaal.c.samenwerkingsverband_id == verband["id"]
                )
            )
        return False
    nu = (str(tekort.kwartaal), tekort.tekort)
    if vorig is not None and (vorig["kwartaal"], vorig["tekort"]) == nu:
        return False
    waarden = {"kwartaal": nu[0], "tekort": nu[1], "gesignaleerd_at": datetime.now(UTC)}
    if vorig is None:
        nieuw = await session.execute(
            repository.insert_ignoring_conflicts(
                session, tekortsignaal, {"samenwerkingsverband_id": verband["id"], **waarden}
            )
        )
        if nieuw.rowcount != 1:
            return False  # another process signalled it just now
    else:
        await session.execute(
            update(tekortsignaal)
            .where(tekortsignaal.c.samenwerkingsverband_id == verband["id"])
            .values(**waarden)
        )
    await uow.publish(
        CapaciteitstekortVerwacht(
            samenwerkingsverband_id=verband["id"],
            lead_gemeentecode=verband["lead_gemeentecode"],
            leerroute=verband["leerroute"],
            kwartaal=nu[0],
            tekort=nu[1],
            vrije_plaatsen=round(float(tekort.vrije_plaatsen), 2),
            peildatum=peildatum,
        ),
        gemeentecode=verband["lead_gemeentecode"],
    )
    log.info("prognose.tekort_verwacht", verband_id=str(verband["id"]), kwartaal=nu[0])
    return True
