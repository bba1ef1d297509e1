"""The region's pipeline, kept from the events of intake and routes: who is registered, has an
intake, an advice, a decided leerroute, a first PIP, or has finished. Each event sets only the
stage it tells of, so events from different services may arrive in any order."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import pijplijn
from inburgering.shared.events.intake import (
    DoelgroepGewijzigd,
    InburgeraarAangemeld,
    InburgeringsplichtBeeindigd,
    InburgeringsplichtVoldaan,
    IntakeAfgerond,
    PipVastgesteld,
)
from inburgering.shared.events.routes import (
    LeerrouteGeadviseerd,
    LeerrouteGewijzigd,
    LeerrouteVastgesteld,
)
from inburgering.shared.kalender import nederlandse_datum
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork


def _dag(envelope: Envelope) -> date:
    # Legal and statistical dates are Dutch calendar dates.
    return nederlandse_datum(envelope.time)


async def werk_bij(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecode: str, **stand: Any
) -> None:
    """Set these stage columns of the person's row, creating it when it is the first event.
    The gemeente is never changed: an inburgeraar id belongs to one gemeente for good."""
    await repository.upsert(
        uow.session,
        pijplijn,
        {"inburgeraar_id": inburgeraar_id, "gemeentecode": gemeentecode, **stand},
        ["inburgeraar_id"],
        bijwerken=list(stand),
    )


async def when_inburgeraar_aangemeld(
    uow: UnitOfWork, event: InburgeraarAangemeld, envelope: Envelope
) -> None:
    await werk_bij(
        uow,
        event.inburgeraar_id,
        event.gemeentecode,
        doelgroep=str(event.doelgroep),
        aangemeld_op=_dag(envelope),
    )


async def when_intake_afgerond(uow: UnitOfWork, event: IntakeAfgerond, envelope: Envelope) -> None:
    await werk_bij(
        uow,
        event.inburgeraar_id,
        event.gemeentecode,
        doelgroep=str(event.doelgroep),
        intake_afgerond_op=_dag(envelope),
    )


async def when_doelgroep_gewijzigd(
    uow: UnitOfWork, event: DoelgroepGewijzigd, envelope: Envelope
) -> None:
    await werk_bij(uow, event.inburgeraar_id, event.gemeentecode, doelgroep=str(event.doelgroep))


async def when_leerroute_geadviseerd(
    uow: UnitOfWork, event: LeerrouteGeadviseerd, envelope: Envelope
) -> None:
    await werk_bij(
        uow,
        event.inburgeraar_id,
        event.gemeentecode,
        geadviseerde_leerroute=str(event.leerroute) if event.leerroute else None,
        geadviseerd_op=_dag(envelope),
    )


async def bij_besluit(uow: UnitOfWork, event: LeerrouteVastgesteld, envelope: Envelope) -> None:
    await werk_bij(
        uow,
        event.inburgeraar_id,
        event.gemeentecode,
        doelgroep=str(event.doelgroep),
        vastgestelde_leerroute=str(event.leerroute),
        vastgesteld_op=_dag(envelope),
    )


async def bij_wijziging(uow: UnitOfWork, event: LeerrouteGewijzigd) -> None:
    await werk_bij(
        uow, event.inburgeraar_id, event.gemeentecode, vastgestelde_leerroute=str(event.leerroute)
    )


async def when_pip_vastgesteld(uow: UnitOfWork, event: PipVastgesteld, envelope: Envelope) -> None:
    if event.eerste_pip:
        await werk_bij(
            uow, event.inburgeraar_id, event.gemeentecode, eerste_pip_op=event.dagtekening
        )


async def when_inburgeringsplicht_beeindigd(
    uow: UnitOfWork, event: InburgeringsplichtBeeindigd, envelope: Envelope
) -> None:
    await werk_bij(
        uow,
        event.inburgeraar_id,
        event.gemeentecode,
        afsluiting="beeindigd",
        afgesloten_op=event.per_datum or _dag(envelope),
    )


async def when_inburgeringsplicht_voldaan(
    uow: UnitOfWork, event: InburgeringsplichtVoldaan, envelope: Envelope
) -> None:
    await werk_bij(
        uow,
        event.inburgeraar_id,
        event.gemeentecode,
        afsluiting="voldaan",
        afgesloten_op=event.per_datum or _dag(envelope),
    )
