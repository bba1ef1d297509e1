"""The institution's steps on a referral submitted to one of its programmes."""

from __future__ import annotations

import uuid
from datetime import datetime

import structlog
from sqlalchemy.engine import RowMapping

from inburgering.referrals.adapters import repository
from inburgering.referrals.domain.errors import OngeldigeOvergang
from inburgering.referrals.domain.inzage import InstellingInzage
from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.domain.pad import Stap, volgende
from inburgering.referrals.handlers import termijn
from inburgering.shared.events.referrals import (
    Afwijzingsreden,
    Beeindigingsreden,
    ToelatingBesloten,
    VerwijzingAfgerond,
    VerwijzingBeeindigd,
    VerwijzingGestart,
)
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


async def _zet(
    uow: UnitOfWork,
    verwijzing_id: uuid.UUID,
    inzage: InstellingInzage,
    stap: Stap,
    nu: datetime,
    **values: object,
) -> RowMapping:
    """Take the step if it fits the current status; the row as it was before is returned."""
    row = await repository.laad(uow.session, verwijzing_id, inzage)
    van = VerwijzingStatus(row["status"])
    naar = volgende(van, stap)
    if not await repository.zet_status(
        uow.session, verwijzing_id, van=van, naar=naar, nu=nu, poging=row["poging"], **values
    ):
        raise OngeldigeOvergang("De verwijzing is intussen gewijzigd; haal haar opnieuw op.")
    log.info("verwijzing.stap", verwijzing_id=str(verwijzing_id), status=str(naar))
    return row


def _wie(row: RowMapping) -> dict[str, object]:
    return {
        "verwijzing_id": row["id"],
        "inburgeraar_id": row["inburgeraar_id"],
        "gemeentecode": row["gemeentecode"],
        "instelling_id": row["instelling_id"],
        "cohort_id": row["cohort_id"],
    }


async def registreer_intake(
    uow: UnitOfWork, verwijzing_id: uuid.UUID, inzage: InstellingInzage, nu: datetime
) -> None:
    await _zet(uow, verwijzing_id, inzage, Stap.HOUD_INTAKE, nu)
    await uow.commit()


async def besluit_toelating(
    uow: UnitOfWork,
    verwijzing_id: uuid.UUID,
    inzage: InstellingInzage,
    nu: datetime,
    *,
    toegelaten: bool,
    reden: Afwijzingsreden | None,
) -> None:
    if toegelaten:
        row = await _zet(uow, verwijzing_id, inzage, Stap.LAAT_TOE, nu)
    else:
        row = await _zet(uow, verwijzing_id, inzage, Stap.WIJS_AF, nu, afwijzingsreden=reden)
        # The attempt keeps its reason when a resubmission opens the next one.
        await repository.wijs_poging_af(uow.session, verwijzing_id, row["poging"], reden)
        # A refused person does not take the place up: another referral may have it.
        await repository.geef_plaats_vrij(uow.session, row["cohort_id"])
    await termijn.stop(uow, verwijzing_id)
    await uow.publish(
        ToelatingBesloten(
            **_wie(row),
            toegelaten=toegelaten,
            reden=None if toegelaten else reden,
            poging=row["poging"],
        )
    )
    await uow.commit()


async def start(
    uow: UnitOfWork, verwijzing_id: uuid.UUID, inzage: InstellingInzage, nu: datetime
) -> None:
    row = await _zet(uow, verwijzing_id, inzage, Stap.START, nu)
    await uow.publish(VerwijzingGestart(**_wie(row)))
    await uow.commit()


async def rond_af(
    uow: UnitOfWork, verwijzing_id: uuid.UUID, inzage: InstellingInzage, nu: datetime
) -> None:
    row = await _zet(uow, verwijzing_id, inzage, Stap.ROND_AF, nu)
    await uow.publish(VerwijzingAfgerond(**_wie(row)))
    await uow.commit()


async def beeindig(
    uow: UnitOfWork,
    verwijzing_id: uuid.UUID,
    inzage: InstellingInzage,
    nu: datetime,
    reden: Beeindigingsreden,
) -> None:
    row = await _zet(uow, verwijzing_id, inzage, Stap.BEEINDIG, nu, beeindigingsreden=reden)
    await uow.publish(
        VerwijzingBeeindigd(
            **_wie(row),
            reden=reden,
            # From the onderwijsroute the switch to B1 is always allowed ([Bi] 5.4.1).
            overstap_b1_route_voorgesteld=row["leerroute"] == Leerroute.ONDERWIJSROUTE,
        )
    )
    await uow.commit()
