"""What a provider reports about a placement (row 12 of the data exchanges); no I/O.

Reason codes are closed lists on purpose: free text about a person's circumstances could carry
health or other special data into events and logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from inburgering.contracts.domain.errors import OngeldigeAanwezigheid


class AfwijzingsReden(StrEnum):
    GEEN_PLEK = "geen-plek"
    NIVEAU_PAST_NIET = "niveau-past-niet"
    LOCATIE_ONBEREIKBAAR = "locatie-onbereikbaar"
    OVERIG = "overig"


class Afwezigheid(StrEnum):
    GEOORLOOFD = "geoorloofd"
    ONGEOORLOOFD = "ongeoorloofd"


class Inzet(StrEnum):
    VOLDOENDE = "voldoende"
    ONVOLDOENDE = "onvoldoende"


class Examenonderdeel(StrEnum):
    LEZEN = "lezen"
    LUISTEREN = "luisteren"
    SCHRIJVEN = "schrijven"
    SPREKEN = "spreken"
    KNM = "knm"


class UitvalReden(StrEnum):
    VERHUISD = "verhuisd"
    WERK = "werk"
    ONTHEFFING = "ontheffing"
    NIET_MEER_VERSCHENEN = "niet-meer-verschenen"
    OVERIG = "overig"


@dataclass(frozen=True)
class Aanwezigheidsmelding:
    """One lesson day: hours attended, and hours missed with whether that was excused."""

    datum: date
    aanwezig_uren: Decimal
    afwezig_uren: Decimal = Decimal(0)
    afwezigheid: Afwezigheid | None = None

    def __post_init__(self) -> None:
        if self.aanwezig_uren < 0 or self.afwezig_uren < 0:
            raise OngeldigeAanwezigheid("Uren kunnen niet negatief zijn.")
        if self.aanwezig_uren + self.afwezig_uren == 0:
            raise OngeldigeAanwezigheid("Een lesdag zonder uren valt niet te melden.")
        if self.afwezig_uren > 0 and self.afwezigheid is None:
            raise OngeldigeAanwezigheid("Bij afwezige uren hoort geoorloofd of ongeoorloofd.")
        if self.afwezig_uren == 0 and self.afwezigheid is not None:
            raise OngeldigeAanwezigheid("Afwezigheid zonder afwezige uren klopt niet.")
