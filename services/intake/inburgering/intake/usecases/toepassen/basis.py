"""What every gebeurtenis handler shares: the notification being applied and its person.

Each handler checks first (raising Parkeren before any write) and then writes; it returns the
inburgeraar concerned and an optional note for the case history."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.tables import inburgeraar
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.duo_gegevens import doelgroep_van_duo
from inburgering.intake.domain.gebeurtenissen import Gebeurtenis
from inburgering.intake.usecases.duo_raadpleging import Opgehaald
from inburgering.shared.events.vocabulary import Doelgroep
from inburgering.shared.kalender import nederlandse_datum
from inburgering.shared.persistence import UnitOfWork

Uitkomst = tuple[uuid.UUID, str | None]


class Parkeren(Exception):
    """The notification needs a person: kept, listed, never lost."""


@dataclass
class Verwerking:
    uow: UnitOfWork
    ctx: IntakeContext
    notificatie: RowMapping
    gebeurtenis: Gebeurtenis
    bsn: str
    persoon: RowMapping | None
    opgehaald: Opgehaald

    @property
    def gemeentecode(self) -> str:
        return self.notificatie["gemeentecode"]

    @property
    def registratiedatum(self) -> date:
        """The Dutch day DUO registered the gebeurtenis: R1 and R2 count their ten weeks from it."""
        moment: datetime = self.notificatie["registratie_at"]
        # Stored in UTC; SQLite hands it back without its zone.
        return nederlandse_datum(moment if moment.tzinfo else moment.replace(tzinfo=UTC))

    def bekende_persoon(self) -> RowMapping:
        if self.persoon is None:
            raise Parkeren("De persoon is niet bekend als inburgeraar van deze gemeente.")
        return self.persoon

    async def wijzig(self, **values: Any) -> None:
        await self.uow.session.execute(
            update(inburgeraar)
            .where(inburgeraar.c.id == self.bekende_persoon()["id"])
            .values(**values)
        )


def datum(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


def plicht_van(v: Verwerking) -> dict[str, Any]:
    plicht = v.opgehaald.plicht or {}
    if not plicht.get("indicatorInburgeringsplicht"):
        raise Parkeren("DUO meldt voor deze persoon (nog) geen inburgeringsplicht.")
    return plicht


def doelgroep_van(v: Verwerking) -> Doelgroep:
    gegevens = v.opgehaald.doelgroep or {}
    return doelgroep_van_duo(gegevens.get("indeling"), gegevens.get("gedetailleerdeDoelgroep"))
