"""Which provider may read a person's contact data: kept per placement from contracts' events.
Idempotency comes from the inbox; a republished event with a fresh id changes nothing either,
because the rules in `domain/contactgegevens.py` give the same access for the same fact."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update

from inburgering.intake.adapters.tables import aanbieder_inzage
from inburgering.intake.domain.contactgegevens import (
    Inzage,
    Plaatsingsfeit,
    Toegang,
    volgende_toegang,
)
from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.contracts import (
    PlaatsingAfgewezen,
    PlaatsingGeaccepteerd,
    PlaatsingIngetrokken,
    TrajectAfgerond,
    TrajectBeeindigd,
    TrajectGestart,
    TrajectUitgevallen,
)
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork

FEITEN: dict[type[IntegrationEvent], Plaatsingsfeit] = {
    PlaatsingGeaccepteerd: Plaatsingsfeit.GEACCEPTEERD,
    TrajectGestart: Plaatsingsfeit.GEACCEPTEERD,
    PlaatsingAfgewezen: Plaatsingsfeit.AFGEWEZEN,
    TrajectAfgerond: Plaatsingsfeit.GEEINDIGD,
    TrajectUitgevallen: Plaatsingsfeit.GEEINDIGD,
    TrajectBeeindigd: Plaatsingsfeit.GEEINDIGD,
    PlaatsingIngetrokken: Plaatsingsfeit.GEEINDIGD,
}


async def when_plaatsing_gewijzigd(uow: UnitOfWork, event: IntegrationEvent, _: Envelope) -> None:
    feit = FEITEN[type(event)]
    plaatsing_id = event.plaatsing_id  # type: ignore[attr-defined]
    row = (
        await uow.session.execute(
            select(aanbieder_inzage.c.inzage, aanbieder_inzage.c.aanbieder_kvk).where(
                aanbieder_inzage.c.plaatsing_id == plaatsing_id
            )
        )
    ).first()
    huidig = Toegang(Inzage(row.inzage), row.aanbieder_kvk) if row is not None else None
    volgende = volgende_toegang(huidig, feit, getattr(event, "aanbieder_kvk", None))
    if volgende is None or volgende == huidig:
        return
    values = {
        "inzage": volgende.inzage,
        "aanbieder_kvk": volgende.aanbieder_kvk,
        "gewijzigd_at": datetime.now(UTC),
    }
    if row is None:
        await uow.session.execute(
            aanbieder_inzage.insert().values(
                plaatsing_id=plaatsing_id,
                inburgeraar_id=event.inburgeraar_id,  # type: ignore[attr-defined]
                gemeentecode=event.gemeentecode,  # type: ignore[attr-defined]
                **values,
            )
        )
    else:
        await uow.session.execute(
            update(aanbieder_inzage)
            .where(aanbieder_inzage.c.plaatsing_id == plaatsing_id)
            .values(**values)
        )
