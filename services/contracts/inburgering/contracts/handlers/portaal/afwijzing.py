from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import plaatsing_afwijzing
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.meldingen import AfwijzingsReden
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.portaal.toegang import neem
from inburgering.contracts.handlers.toewijzing import (
    Toewijzingsregels,
    te_plaatsen,
    werk_wachtlijst_af,
    wijs_toe,
)
from inburgering.shared.events.contracts import PlaatsingAfgewezen
from inburgering.shared.persistence import UnitOfWork


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
    row = await neem(uow, plaatsing_id, inzage, Handeling.AFWIJZEN)
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
