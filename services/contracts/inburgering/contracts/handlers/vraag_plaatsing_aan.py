"""A placement is requested: for an asielstatushouder when the leerroute is decided, for a
gezinsmigrant when the gemeente asks for one."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import plaatsing
from inburgering.contracts.domain.errors import (
    GeenPlaatsingOpVerzoek,
    PlaatsingBestaatAl,
    PlaatsingWijktAfVanBesluit,
)
from inburgering.contracts.domain.model import (
    Aanleiding,
    PlaatsingStatus,
    mag_op_verzoek_geplaatst_worden,
    plaatst_automatisch,
)
from inburgering.contracts.handlers import leerroutebesluiten, pijplijn
from inburgering.contracts.handlers.toewijzing import TePlaatsen, Toewijzingsregels, wijs_toe
from inburgering.shared.events.routes import LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.http.problems import InvalidParam
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


async def when_leerroute_vastgesteld_vraag_plaatsing_aan(
    uow: UnitOfWork,
    event: LeerrouteVastgesteld,
    envelope: Envelope,
    *,
    regels: Toewijzingsregels | None = None,
) -> None:
    """One placement per leerroute decision of an asielstatushouder; the caller commits.

    The gemeente must offer asielstatushouders a course ([Wi] 16.1); gezinsmigranten and
    overige migranten choose and pay themselves, so their decisions place nobody here.
    """
    await leerroutebesluiten.leg_vast(uow, event)
    await pijplijn.bij_besluit(uow, event, envelope)
    if not plaatst_automatisch(event.doelgroep):
        log.info("plaatsing.niet_automatisch", doelgroep=str(event.doelgroep))
        return
    nieuw = await registreer(
        uow,
        inburgeraar_id=event.inburgeraar_id,
        leerroute_besluit_id=event.advies_id,
        gemeentecode=event.gemeentecode,
        leerroute=event.leerroute,
        doelgroep=event.doelgroep,
        aanleiding=Aanleiding.LEERROUTE_VASTGESTELD,
    )
    if nieuw is None:
        log.info("plaatsing.al_aangevraagd", event_id=envelope.id)
        return
    await wijs_toe(uow, nieuw, regels or Toewijzingsregels())


@dataclass(frozen=True)
class VraagPlaatsingAan:
    inburgeraar_id: uuid.UUID
    leerroute_besluit_id: uuid.UUID
    gemeentecode: str
    leerroute: Leerroute
    doelgroep: Doelgroep


async def vraag_plaatsing_aan_op_verzoek(
    uow: UnitOfWork, command: VraagPlaatsingAan, regels: Toewijzingsregels
) -> uuid.UUID:
    """The gemeente arranges a course for a gezinsmigrant; commits and returns the placement.

    Only for a decision this service received about one of the gemeente's own people: any other
    id answers as a missing one, and can neither take another gemeente's key nor make that
    person look like this gemeente's."""
    if not mag_op_verzoek_geplaatst_worden(command.doelgroep):
        raise GeenPlaatsingOpVerzoek(
            f"Een plaatsing op verzoek is er alleen voor gezinsmigranten, niet voor "
            f"'{command.doelgroep}'; asielstatushouders worden geplaatst zodra de leerroute "
            "is vastgesteld."
        )
    besluit = await leerroutebesluiten.van_gemeente(
        uow, command.leerroute_besluit_id, command.inburgeraar_id, command.gemeentecode
    )
    _past_bij(command, besluit)
    nieuw = await registreer(
        uow,
        inburgeraar_id=command.inburgeraar_id,
        leerroute_besluit_id=command.leerroute_besluit_id,
        gemeentecode=command.gemeentecode,
        leerroute=command.leerroute,
        doelgroep=command.doelgroep,
        aanleiding=Aanleiding.VERZOEK_GEMEENTE,
    )
    if nieuw is None:
        raise PlaatsingBestaatAl(
            f"Voor leerroutebesluit {command.leerroute_besluit_id} is al een plaatsing."
        )
    await wijs_toe(uow, nieuw, regels)
    await uow.commit()
    return nieuw.id


def _past_bij(command: VraagPlaatsingAan, besluit: Mapping[str, Any]) -> None:
    afwijkend = [
        InvalidParam(
            name=f"body.{veld}",
            code="wijkt-af-van-besluit",
            reason=f"Het leerroutebesluit zegt '{besluit[kolom]}'.",
        )
        for veld, kolom, gevraagd in (
            ("leerroute", "leerroute", command.leerroute),
            ("doelgroep", "doelgroep", command.doelgroep),
        )
        if str(gevraagd) != besluit[kolom]
    ]
    if afwijkend:
        raise PlaatsingWijktAfVanBesluit(
            f"{len(afwijkend)} veld(en) wijken af van leerroutebesluit "
            f"{command.leerroute_besluit_id}: " + ", ".join(p.name for p in afwijkend),
            afwijkend,
        )


async def registreer(
    uow: UnitOfWork,
    *,
    inburgeraar_id: uuid.UUID,
    leerroute_besluit_id: uuid.UUID,
    gemeentecode: str,
    leerroute: Leerroute,
    doelgroep: Doelgroep,
    aanleiding: Aanleiding,
) -> TePlaatsen | None:
    """Record the placement as waiting, or None when this decision already has one.

    Recorded first, so that a second delivery of the same decision, even a concurrent one,
    finds the unique key taken and changes nothing (and claims no capacity).
    """
    session = uow.session
    plaatsing_id = uuid.uuid4()
    nieuw = await session.execute(
        repository.insert_ignoring_conflicts(
            session,
            plaatsing,
            {
                "id": plaatsing_id,
                "inburgeraar_id": inburgeraar_id,
                "leerroute_besluit_id": leerroute_besluit_id,
                "gemeentecode": gemeentecode,
                "leerroute": leerroute,
                "doelgroep": doelgroep,
                "aanleiding": aanleiding,
                "status": PlaatsingStatus.WACHTLIJST,
                "aangevraagd_at": datetime.now(UTC),
            },
        )
    )
    if nieuw.rowcount != 1:
        return None
    return TePlaatsen(plaatsing_id, inburgeraar_id, gemeentecode, leerroute, doelgroep)
