from __future__ import annotations

import uuid

from inburgering.contracts.domain import traject
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.portaal.toegang import neem, zet
from inburgering.shared.events.contracts import PlaatsingGeaccepteerd
from inburgering.shared.persistence import UnitOfWork


async def accepteer(uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage) -> None:
    row = await neem(uow, plaatsing_id, inzage, Handeling.ACCEPTEREN)
    await zet(uow, plaatsing_id, status=traject.na(row["status"], Handeling.ACCEPTEREN))
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
