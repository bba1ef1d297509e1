"""The gemeente's steps: complete the dossier, submit the referral to a programme's cohort, and
after a refusal submit it again as a new attempt."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

import structlog
from sqlalchemy import select

from inburgering.referrals.adapters import repository
from inburgering.referrals.adapters.tables import cohort, opleiding
from inburgering.referrals.domain.checklist import Dossier
from inburgering.referrals.domain.errors import (
    AanmeldtermijnVerstreken,
    CohortNietGevonden,
    CohortVol,
    NiveauPastNiet,
    OngeldigeOvergang,
)
from inburgering.referrals.domain.inzage import GemeenteInzage
from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.domain.pad import Stap, volgende
from inburgering.referrals.domain.poging import (
    Cohortkeuze,
    poging_na_indiening,
    vereis_later_of_andere_opleiding,
)
from inburgering.referrals.handlers import indiening_timer, termijn
from inburgering.shared.events.referrals import VerwijzingIngediend
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)

_GEWIJZIGD = "De verwijzing is intussen gewijzigd; haal haar opnieuw op."


async def voltooi_dossier(
    uow: UnitOfWork,
    verwijzing_id: uuid.UUID,
    inzage: GemeenteInzage,
    dossier: Dossier,
    nu: datetime,
) -> None:
    row = await repository.laad(uow.session, verwijzing_id, inzage)
    van = VerwijzingStatus(row["status"])
    naar = volgende(van, Stap.VOLTOOI_DOSSIER)
    if not await repository.zet_status(
        uow.session,
        verwijzing_id,
        van=van,
        naar=naar,
        nu=nu,
        poging=row["poging"],
        diplomawaardering=dossier.diplomawaardering,
        taalniveau=dossier.taalniveau,
        uaf_begeleiding=dossier.uaf_begeleiding,
        geboortejaar=dossier.geboortejaar,
    ):
        raise OngeldigeOvergang(_GEWIJZIGD)
    await uow.commit()


@dataclass(frozen=True)
class DienIn:
    verwijzing_id: uuid.UUID
    cohort_id: uuid.UUID


async def dien_in(
    uow: UnitOfWork,
    command: DienIn,
    inzage: GemeenteInzage,
    nu: datetime,
    vandaag: date,
    *,
    nadert_dagen: int,
) -> None:
    """Submit to a cohort, taking one of its places; a full cohort is a 409, never overbooked.

    After a refusal the same call submits again, as the next attempt: to a later cohort of the
    refused programme or to another programme. The earlier institution then no longer sees it.
    """
    session = uow.session
    row = await repository.laad(session, command.verwijzing_id, inzage)
    van = VerwijzingStatus(row["status"])
    naar = volgende(van, Stap.DIEN_IN)
    poging = poging_na_indiening(van, row["poging"])
    gekozen = (
        (
            await session.execute(
                select(cohort, opleiding.c.niveau, opleiding.c.instelling_id)
                .join(opleiding, opleiding.c.id == cohort.c.opleiding_id)
                .where(cohort.c.id == command.cohort_id)
            )
        )
        .mappings()
        .first()
    )
    if gekozen is None:
        raise CohortNietGevonden(f"Cohort {command.cohort_id} bestaat niet.")
    if gekozen["niveau"] != row["niveau"]:
        raise NiveauPastNiet(
            f"De verwijzing is naar {row['niveau']}, de opleiding is {gekozen['niveau']}."
        )
    if poging > row["poging"]:
        eerdere = (await repository.pogingen_van(session, [command.verwijzing_id]))[
            command.verwijzing_id
        ]
        vereis_later_of_andere_opleiding(
            [Cohortkeuze(p["opleiding_id"], p["start_date"]) for p in eerdere.values()],
            Cohortkeuze(gekozen["opleiding_id"], gekozen["start_date"]),
        )
    if vandaag > gekozen["aanmeld_deadline_date"]:
        raise AanmeldtermijnVerstreken(
            f"Aanmelden kon tot en met {gekozen['aanmeld_deadline_date'].isoformat()}."
        )
    if not await repository.claim_plaats(session, command.cohort_id):
        raise CohortVol(f"Cohort {command.cohort_id} heeft geen vrije plaatsen meer.")
    # A concurrent step on the same referral loses here, and its claimed place rolls back.
    if not await repository.zet_status(
        session,
        command.verwijzing_id,
        van=van,
        naar=naar,
        nu=nu,
        poging=poging,
        cohort_id=command.cohort_id,
        afwijzingsreden=None,
    ):
        raise OngeldigeOvergang(_GEWIJZIGD)
    await repository.registreer_poging(session, command.verwijzing_id, poging, command.cohort_id)
    await uow.publish(
        VerwijzingIngediend(
            verwijzing_id=command.verwijzing_id,
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            instelling_id=gekozen["instelling_id"],
            opleiding_id=gekozen["opleiding_id"],
            cohort_id=command.cohort_id,
            startdatum=gekozen["start_date"],
            poging=poging,
        )
    )
    await indiening_timer.stop(uow, command.verwijzing_id)
    await termijn.plan(
        uow,
        command.verwijzing_id,
        instelling_id=gekozen["instelling_id"],
        cohort_id=command.cohort_id,
        startdatum=gekozen["start_date"],
        dagen_vooraf=nadert_dagen,
    )
    await uow.commit()
    log.info(
        "verwijzing.ingediend",
        verwijzing_id=str(command.verwijzing_id),
        cohort_id=str(command.cohort_id),
        poging=poging,
    )
