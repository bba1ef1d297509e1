from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import aanwezigheid, urenmijlpaal
from inburgering.contracts.domain import traject
from inburgering.contracts.domain.errors import AanwezigheidAlGemeld
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.meldingen import Aanwezigheidsmelding
from inburgering.contracts.domain.model import Aanbieder, KeurmerkStatus
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.portaal.toegang import (
    neem,
    niet_in_de_toekomst,
    niet_voor_start,
)
from inburgering.contracts.handlers.toewijzing import vandaag
from inburgering.shared.events.contracts import UrenMijlpaalBereikt
from inburgering.shared.persistence import UnitOfWork


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
    row = await neem(uow, plaatsing_id, inzage, Handeling.AANWEZIGHEID_MELDEN)
    niet_in_de_toekomst(melding.datum, "De lesdag")
    niet_voor_start(row, melding.datum, "De lesdag")
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
