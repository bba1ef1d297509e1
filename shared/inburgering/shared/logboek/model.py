"""What a logregel says, and the register of processing activities it points into."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class Status(StrEnum):
    """The standard's status codes: a refused request (4xx) is UNSET, only a failure is ERROR."""

    UNSET = "UNSET"
    OK = "OK"
    ERROR = "ERROR"

    @classmethod
    def of_http(cls, status_code: int) -> Status:
        if status_code >= 500:
            return cls.ERROR
        return cls.OK if status_code < 400 else cls.UNSET


@dataclass(frozen=True)
class Verwerkingsactiviteit:
    """An entry of the gemeente's register van verwerkingsactiviteiten (AVG art. 30)."""

    code: str
    omschrijving: str
    grondslag: str
    # Route templates (prefixes, without /v1) and incoming event types that perform it.
    paden: Sequence[str] = ()
    gebeurtenissen: Sequence[str] = ()


LOGBOEK_RAADPLEGEN = Verwerkingsactiviteit(
    code="logboek-raadplegen",
    omschrijving="De privacy officer raadpleegt de verwerkingen van een inburgeraar",
    grondslag="AVG art. 5 lid 2 en art. 15 (verantwoording, inzage)",
    paden=("/dataverwerkingen",),
)


@dataclass(frozen=True)
class Register:
    """A service's processing activities; the most specific path prefix wins."""

    prefix: str
    standaard: Verwerkingsactiviteit
    activiteiten: Sequence[Verwerkingsactiviteit] = ()
    # Route templates whose resources are persons themselves: their `id` is the betrokkene.
    persoonsresources: frozenset[str] = frozenset()

    def _all(self) -> tuple[Verwerkingsactiviteit, ...]:
        return (*self.activiteiten, LOGBOEK_RAADPLEGEN, self.standaard)

    def uri(self, activiteit: Verwerkingsactiviteit) -> str:
        return self.prefix + activiteit.code

    def voor_pad(self, path: str) -> Verwerkingsactiviteit:
        best, length = self.standaard, -1
        for activiteit in self._all():
            for pad in activiteit.paden:
                matches = path == pad or path.startswith(pad.rstrip("/") + "/")
                if matches and len(pad) > length:
                    best, length = activiteit, len(pad)
        return best

    def voor_gebeurtenis(self, event_type: str) -> Verwerkingsactiviteit:
        for activiteit in self._all():
            if event_type in activiteit.gebeurtenissen:
                return activiteit
        return self.standaard


@dataclass(frozen=True)
class Logregel:
    """One action on one betrokkene (data subject), in the standard's terms."""

    trace_id: str
    span_id: str
    parent_span_id: str | None
    naam: str
    start: datetime
    eind: datetime
    status: Status
    verwerkingsactiviteit: str
    # The platform's pseudonym for the person: never the BSN (the standard recommends this).
    betrokkene: UUID
    gemeentecode: str | None
