from __future__ import annotations

import uuid
from datetime import date

from inburgering.contracts.domain import traject
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.portaal.toegang import neem, niet_in_de_toekomst, zet
from inburgering.shared.events.contracts import TrajectGestart
from inburgering.shared.persistence import UnitOfWork


async def meld_start(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage, startdatum: date
) -> None:
    row = await neem(uow, plaatsing_id, inzage, Handeling.STARTEN)
    niet_in_de_toekomst(startdatum, "De startdatum")
    await zet(
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
            aanbieder_duo_instellingsnummer=row["duo_instellingsnummer"],
        )
    )
    await uow.commit()
