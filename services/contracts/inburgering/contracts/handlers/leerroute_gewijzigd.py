"""A decided leerroute changed: placements on the old route end, and where the gemeente must
offer the course, a placement on the new route is requested.

Not started yet: the placement is withdrawn and its place freed for the waiting list. Running:
the course is ended (not a drop-out) and its place stays used, as a started traject is bought.
"""

from __future__ import annotations

import uuid
from datetime import date

import structlog
from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import aanbieder, plaatsing
from inburgering.contracts.domain import traject
from inburgering.contracts.domain.model import (
    Aanleiding,
    EindeReden,
    PlaatsingStatus,
    plaatst_automatisch,
)
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers import leerroutebesluiten, pijplijn
from inburgering.contracts.handlers.toewijzing import (
    Toewijzingsregels,
    werk_wachtlijst_af,
    wijs_toe,
)
from inburgering.contracts.handlers.vraag_plaatsing_aan import registreer
from inburgering.shared.events.contracts import PlaatsingIngetrokken, TrajectBeeindigd
from inburgering.shared.events.routes import LeerrouteGewijzigd
from inburgering.shared.events.vocabulary import Doelgroep
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)

_LOPEND = sorted(s for s in PlaatsingStatus if traject.bij_nieuwe_leerroute(s) is not None)


def besluit_van_wijziging(event: LeerrouteGewijzigd) -> uuid.UUID:
    """The change keeps the advies id of the decision it changes; the placement on the new
    route gets an id derived from the change, so a redelivery finds it taken."""
    wijziging = f"{event.vorige_leerroute}:{event.leerroute}:{event.ingangsdatum.isoformat()}"
    return uuid.uuid5(event.advies_id, f"leerroute-gewijzigd:{wijziging}")


async def _lopende_plaatsingen(uow: UnitOfWork, event: LeerrouteGewijzigd) -> list[RowMapping]:
    result = await uow.session.execute(
        select(plaatsing, aanbieder.c.kvk.label("aanbieder_kvk"))
        .select_from(plaatsing.outerjoin(aanbieder, aanbieder.c.id == plaatsing.c.aanbieder_id))
        .where(
            plaatsing.c.inburgeraar_id == event.inburgeraar_id,
            plaatsing.c.leerroute == event.vorige_leerroute,
            plaatsing.c.status.in_(_LOPEND),
        )
        .order_by(plaatsing.c.aangevraagd_at, plaatsing.c.id)
        .with_for_update(of=plaatsing)
    )
    return list(result.mappings().all())


async def _zet(uow: UnitOfWork, plaatsing_id: uuid.UUID, **values: object) -> None:
    await uow.session.execute(
        update(plaatsing).where(plaatsing.c.id == plaatsing_id).values(**values)
    )


async def _trek_in(uow: UnitOfWork, row: RowMapping) -> None:
    if row["contract_id"] is not None:
        await repository.geef_plaats_terug(uow.session, row["contract_id"], row["gemeentecode"])
    await _zet(
        uow,
        row["id"],
        status=traject.na(row["status"], Handeling.INTREKKEN),
        einde_reden=EindeReden.LEERROUTE_GEWIJZIGD,
    )
    await uow.publish(
        PlaatsingIngetrokken(
            plaatsing_id=row["id"],
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            leerroute=row["leerroute"],
            contract_id=row["contract_id"],
            aanbieder_kvk=row["aanbieder_kvk"],
            reden=EindeReden.LEERROUTE_GEWIJZIGD,
        )
    )


async def _beeindig(uow: UnitOfWork, row: RowMapping, ingangsdatum: date) -> None:
    # The course ends when the new route takes effect, never before it started.
    einddatum = max(ingangsdatum, row["startdatum"] or ingangsdatum)
    await _zet(
        uow,
        row["id"],
        status=traject.na(row["status"], Handeling.BEEINDIGEN),
        einddatum=einddatum,
        einde_reden=EindeReden.LEERROUTE_GEWIJZIGD,
    )
    uren = await repository.uren_van(uow.session, row["id"])
    await uow.publish(
        TrajectBeeindigd(
            plaatsing_id=row["id"],
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            leerroute=row["leerroute"],
            aanbieder_kvk=row["aanbieder_kvk"],
            einddatum=einddatum,
            reden=EindeReden.LEERROUTE_GEWIJZIGD,
            uren_aanwezig=float(uren.aanwezig),
        )
    )


async def when_leerroute_gewijzigd_herplaats(
    uow: UnitOfWork,
    event: LeerrouteGewijzigd,
    envelope: Envelope,
    *,
    regels: Toewijzingsregels | None = None,
) -> None:
    """End the placements on the old route; place an asielstatushouder on the new one ([Wi]
    16.1). The caller commits. A gezinsmigrant's course was arranged on request, so the gemeente
    requests a new one itself if it wants to."""
    regels = regels or Toewijzingsregels()
    await leerroutebesluiten.werk_bij(uow, event)
    await pijplijn.bij_wijziging(uow, event)
    lopend = await _lopende_plaatsingen(uow, event)
    if not lopend:
        log.info("plaatsing.routewijziging_zonder_plaatsing", event_id=envelope.id)
        return
    vrijgekomen: set[uuid.UUID] = set()
    for row in lopend:
        if traject.bij_nieuwe_leerroute(row["status"]) is Handeling.BEEINDIGEN:
            await _beeindig(uow, row, event.ingangsdatum)
            continue
        if row["contract_id"] is not None and row["samenwerkingsverband_id"] is not None:
            vrijgekomen.add(row["samenwerkingsverband_id"])
        await _trek_in(uow, row)
    if any(plaatst_automatisch(Doelgroep(row["doelgroep"])) for row in lopend):
        nieuw = await registreer(
            uow,
            inburgeraar_id=event.inburgeraar_id,
            leerroute_besluit_id=besluit_van_wijziging(event),
            gemeentecode=event.gemeentecode,
            leerroute=event.leerroute,
            doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            aanleiding=Aanleiding.LEERROUTE_GEWIJZIGD,
        )
        if nieuw is not None:
            await wijs_toe(uow, nieuw, regels)
    await werk_wachtlijst_af(uow, vrijgekomen, regels)
