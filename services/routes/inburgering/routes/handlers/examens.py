"""DUO's exam results (SS199, reported by intake): kept per part and day, then the completion
of the B1-route or the onderwijsroute is judged again."""

from __future__ import annotations

from inburgering.routes.adapters.tables import examenuitslag
from inburgering.routes.handlers._sql import insert_or_replace
from inburgering.routes.handlers.voortgang import controleer_afronding
from inburgering.shared.events.intake import ExamenuitslagBekend
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Clock


async def when_examenuitslag_bekend_toets_afronding(
    uow: UnitOfWork, event: ExamenuitslagBekend, envelope: Envelope, *, clock: Clock
) -> None:
    """Kept even before an advice exists or in the Z-route, where exams are optional ([Bi]
    3.14.7): a pass counts after a later change of route ([Bi] 5.4.4). A result DUO reports
    again for the same part and day replaces the earlier one, as a correction."""
    nu = clock()
    await uow.session.execute(
        insert_or_replace(
            uow.session,
            examenuitslag,
            ["inburgeraar_id", "onderdeel", "examen_date"],
            inburgeraar_id=event.inburgeraar_id,
            onderdeel=event.onderdeel,
            examen_date=event.examendatum,
            gemeentecode=event.gemeentecode,
            resultaat=event.resultaat,
            niveau=event.niveau,
            ontvangen_at=nu,
        )
    )
    await controleer_afronding(uow, event.inburgeraar_id, nu)
