from __future__ import annotations

import uuid
from datetime import date

from inburgering.contracts.adapters import repository
from inburgering.contracts.domain import traject
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.meldingen import UitvalReden
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.portaal.toegang import (
    neem,
    niet_in_de_toekomst,
    niet_voor_start,
    zet,
)
from inburgering.shared.events.contracts import TrajectUitgevallen
from inburgering.shared.persistence import UnitOfWork


async def meld_uitval(
    uow: UnitOfWork,
    plaatsing_id: uuid.UUID,
    inzage: AanbiederInzage,
    einddatum: date,
    reden: UitvalReden,
) -> None:
    row = await neem(uow, plaatsing_id, inzage, Handeling.UITVALLEN)
    niet_in_de_toekomst(einddatum, "De einddatum")
    niet_voor_start(row, einddatum, "De einddatum")
    await zet(
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
