"""The provider portal: what an aanbieder reports about its own placements.

Every use case locks the placement within the caller's inzage first (another provider's
placement does not exist for it), checks the transition with the domain state machine, and
publishes its event in the same transaction. Each access is logged without personal data.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import structlog
from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import (
    aanbieder,
    aanwezigheid,
    examenresultaat,
    plaatsing,
    plaatsing_afwijzing,
    urenmijlpaal,
    voortgangsrapportage,
)
from inburgering.contracts.domain import traject
from inburgering.contracts.domain.errors import (
    AanwezigheidAlGemeld,
    DatumInDeToekomst,
    DatumVoorStart,
    PlaatsingNietGevonden,
)
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.meldingen import (
    Aanwezigheidsmelding,
    AfwijzingsReden,
    Examenonderdeel,
    Inzet,
    UitvalReden,
)
from inburgering.contracts.domain.model import Aanbieder, KeurmerkStatus
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.toewijzing import (
    Toewijzingsregels,
    te_plaatsen,
    vandaag,
    werk_wachtlijst_af,
    wijs_toe,
)
from inburgering.shared.events.contracts import (
    PlaatsingAfgewezen,
    PlaatsingGeaccepteerd,
    TrajectAfgerond,
    TrajectGestart,
    TrajectUitgevallen,
    UrenMijlpaalBereikt,
    VoortgangGerapporteerd,
)
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


async def _neem(
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


async def _zet(uow: UnitOfWork, plaatsing_id: uuid.UUID, **values: Any) -> None:
    await uow.session.execute(
        update(plaatsing).where(plaatsing.c.id == plaatsing_id).values(**values)
    )


def _niet_in_de_toekomst(dag: date, wat: str) -> None:
    if dag > vandaag():
        raise DatumInDeToekomst(f"{wat} {dag.isoformat()} ligt in de toekomst.")


def _niet_voor_start(row: RowMapping, dag: date, wat: str) -> None:
    start = row["startdatum"]
    if start is not None and dag < start:
        raise DatumVoorStart(f"{wat} {dag.isoformat()} ligt voor de start op {start.isoformat()}.")


async def accepteer(uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage) -> None:
    row = await _neem(uow, plaatsing_id, inzage, Handeling.ACCEPTEREN)
    await _zet(uow, plaatsing_id, status=traject.na(row["status"], Handeling.ACCEPTEREN))
    await uow.publish(
        PlaatsingGeaccepteerd(
            plaatsing_id=plaatsing_id,
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            leerroute=row["leerroute"],
            contract_id=row["contract_id"],
            aanbieder_kvk=row["aanbieder_kvk"],
        )
    )
    await uow.commit()


@dataclass(frozen=True)
class WijsAf:
    reden: AfwijzingsReden
    toelichting: str | None = None


async def wijs_af(
    uow: UnitOfWork,
    plaatsing_id: uuid.UUID,
    inzage: AanbiederInzage,
    command: WijsAf,
    regels: Toewijzingsregels,
) -> None:
    """Free the place, allocate the placement elsewhere (or let it wait), and offer the freed
    place to the waiting list of the same samenwerkingsverband."""
    row = await _neem(uow, plaatsing_id, inzage, Handeling.AFWIJZEN)
    session = uow.session
    await session.execute(
        plaatsing_afwijzing.insert().values(
            id=uuid.uuid4(),
            plaatsing_id=plaatsing_id,
            aanbieder_id=row["aanbieder_id"],
            contract_id=row["contract_id"],
            reden=command.reden,
            toelichting=command.toelichting,
            afgewezen_at=datetime.now(UTC),
        )
    )
    await repository.geef_plaats_terug(session, row["contract_id"], row["gemeentecode"])
    await uow.publish(
        PlaatsingAfgewezen(
            plaatsing_id=plaatsing_id,
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            leerroute=row["leerroute"],
            contract_id=row["contract_id"],
            aanbieder_kvk=row["aanbieder_kvk"],
            reden=command.reden,
        )
    )
    await wijs_toe(uow, te_plaatsen(row), regels)
    if row["samenwerkingsverband_id"] is not None:
        await werk_wachtlijst_af(uow, [row["samenwerkingsverband_id"]], regels)
    await uow.commit()


async def meld_start(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage, startdatum: date
) -> None:
    row = await _neem(uow, plaatsing_id, inzage, Handeling.STARTEN)
    _niet_in_de_toekomst(startdatum, "De startdatum")
    await _zet(
        uow,
        plaatsing_id,
        status=traject.na(row["status"], Handeling.STARTEN),
        startdatum=startdatum,
    )
    await uow.publish(
        TrajectGestart(
            plaatsing_id=plaatsing_id,
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            leerroute=row["leerroute"],
            aanbieder_kvk=row["aanbieder_kvk"],
            startdatum=startdatum,
        )
    )
    await uow.commit()


def _erkend(row: RowMapping) -> bool:
    status = row["keurmerk_status"]
    return Aanbieder(
        id=row["aanbieder_id"],
        kvk=row["aanbieder_kvk"],
        keurmerk_status=KeurmerkStatus(status) if status else None,
        keurmerk_geldig_tot=row["keurmerk_geldig_tot"],
        taalschakel=row["taalschakel"],
    ).is_erkend(vandaag())


async def meld_aanwezigheid(
    uow: UnitOfWork,
    plaatsing_id: uuid.UUID,
    inzage: AanbiederInzage,
    melding: Aanwezigheidsmelding,
) -> repository.Uren:
    """Record one lesson day; publish each hour milestone the attended hours pass, once."""
    row = await _neem(uow, plaatsing_id, inzage, Handeling.AANWEZIGHEID_MELDEN)
    _niet_in_de_toekomst(melding.datum, "De lesdag")
    _niet_voor_start(row, melding.datum, "De lesdag")
    session = uow.session
    nieuw = await session.execute(
        repository.insert_ignoring_conflicts(
            session,
            aanwezigheid,
            {
                "id": uuid.uuid4(),
                "plaatsing_id": plaatsing_id,
                "datum": melding.datum,
                "aanwezig_uren": melding.aanwezig_uren,
                "afwezig_uren": melding.afwezig_uren,
                "afwezigheid": melding.afwezigheid,
                "gemeld_at": datetime.now(UTC),
            },
        )
    )
    if nieuw.rowcount != 1:
        raise AanwezigheidAlGemeld(f"De lesdag {melding.datum.isoformat()} is al gemeld.")
    uren = await repository.uren_van(session, plaatsing_id)
    voor = uren.aanwezig - melding.aanwezig_uren
    for mijlpaal in traject.gepasseerde_mijlpalen(float(voor), float(uren.aanwezig)):
        bereikt = await session.execute(
            repository.insert_ignoring_conflicts(
                session,
                urenmijlpaal,
                {
                    "plaatsing_id": plaatsing_id,
                    "mijlpaal": mijlpaal,
                    "bereikt_at": datetime.now(UTC),
                },
            )
        )
        if bereikt.rowcount != 1:
            continue
        await uow.publish(
            UrenMijlpaalBereikt(
                plaatsing_id=plaatsing_id,
                inburgeraar_id=row["inburgeraar_id"],
                gemeentecode=row["gemeentecode"],
                mijlpaal=mijlpaal,
                uren_totaal=float(uren.aanwezig),
                erkende_instelling=_erkend(row),
            )
        )
    await uow.commit()
    return uren


@dataclass(frozen=True)
class Voortgang:
    peildatum: date
    inzet: Inzet
    taalniveau: str | None = None
    modules_afgerond: int = 0


async def meld_voortgang(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage, voortgang: Voortgang
) -> uuid.UUID:
    row = await _neem(uow, plaatsing_id, inzage, Handeling.VOORTGANG_MELDEN)
    _niet_in_de_toekomst(voortgang.peildatum, "De peildatum")
    rapportage_id = uuid.uuid4()
    await uow.session.execute(
        voortgangsrapportage.insert().values(
            id=rapportage_id,
            plaatsing_id=plaatsing_id,
            peildatum=voortgang.peildatum,
            inzet=voortgang.inzet,
            taalniveau=voortgang.taalniveau,
            modules_afgerond=voortgang.modules_afgerond,
            gemeld_at=datetime.now(UTC),
        )
    )
    uren = await repository.uren_van(uow.session, plaatsing_id)
    await uow.publish(
        VoortgangGerapporteerd(
            plaatsing_id=plaatsing_id,
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            aanbieder_kvk=row["aanbieder_kvk"],
            peildatum=voortgang.peildatum,
            inzet=voortgang.inzet,
            taalniveau=voortgang.taalniveau,
            uren_aanwezig=float(uren.aanwezig),
            uren_geoorloofd_afwezig=float(uren.geoorloofd_afwezig),
            uren_ongeoorloofd_afwezig=float(uren.ongeoorloofd_afwezig),
        )
    )
    await uow.commit()
    return rapportage_id


@dataclass(frozen=True)
class Examenresultaat:
    onderdeel: Examenonderdeel
    examendatum: date
    niveau: str
    behaald: bool


async def meld_examenresultaat(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage, resultaat: Examenresultaat
) -> uuid.UUID:
    """Stored for the gemeente's view only: DUO is the source of exam results ([Bi] 9.2.5) and
    tells the gemeente itself, so no event."""
    await _neem(uow, plaatsing_id, inzage, Handeling.EXAMENRESULTAAT_MELDEN)
    _niet_in_de_toekomst(resultaat.examendatum, "De examendatum")
    resultaat_id = uuid.uuid4()
    await uow.session.execute(
        examenresultaat.insert().values(
            id=resultaat_id,
            plaatsing_id=plaatsing_id,
            onderdeel=resultaat.onderdeel,
            examendatum=resultaat.examendatum,
            niveau=resultaat.niveau,
            behaald=resultaat.behaald,
            gemeld_at=datetime.now(UTC),
        )
    )
    await uow.commit()
    return resultaat_id


async def rond_af(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage, einddatum: date
) -> None:
    row = await _neem(uow, plaatsing_id, inzage, Handeling.AFRONDEN)
    _niet_in_de_toekomst(einddatum, "De einddatum")
    _niet_voor_start(row, einddatum, "De einddatum")
    await _zet(
        uow,
        plaatsing_id,
        status=traject.na(row["status"], Handeling.AFRONDEN),
        einddatum=einddatum,
    )
    uren = await repository.uren_van(uow.session, plaatsing_id)
    await uow.publish(
        TrajectAfgerond(
            plaatsing_id=plaatsing_id,
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            leerroute=row["leerroute"],
            aanbieder_kvk=row["aanbieder_kvk"],
            einddatum=einddatum,
            uren_aanwezig=float(uren.aanwezig),
        )
    )
    await uow.commit()


async def meld_uitval(
    uow: UnitOfWork,
    plaatsing_id: uuid.UUID,
    inzage: AanbiederInzage,
    einddatum: date,
    reden: UitvalReden,
) -> None:
    row = await _neem(uow, plaatsing_id, inzage, Handeling.UITVALLEN)
    _niet_in_de_toekomst(einddatum, "De einddatum")
    _niet_voor_start(row, einddatum, "De einddatum")
    await _zet(
        uow,
        plaatsing_id,
        status=traject.na(row["status"], Handeling.UITVALLEN),
        einddatum=einddatum,
        uitval_reden=reden,
    )
    uren = await repository.uren_van(uow.session, plaatsing_id)
    await uow.publish(
        TrajectUitgevallen(
            plaatsing_id=plaatsing_id,
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            leerroute=row["leerroute"],
            aanbieder_kvk=row["aanbieder_kvk"],
            einddatum=einddatum,
            reden=reden,
            uren_aanwezig=float(uren.aanwezig),
        )
    )
    await uow.commit()
