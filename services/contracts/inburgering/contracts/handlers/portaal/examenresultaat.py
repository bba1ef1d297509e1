from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from inburgering.contracts.adapters.tables import examenresultaat
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.meldingen import Examenonderdeel
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.portaal.toegang import neem, niet_in_de_toekomst
from inburgering.shared.persistence import UnitOfWork


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
    await neem(uow, plaatsing_id, inzage, Handeling.EXAMENRESULTAAT_MELDEN)
    niet_in_de_toekomst(resultaat.examendatum, "De examendatum")
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
