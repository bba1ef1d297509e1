"""Name and address of the inburgeraar, and when a provider may see them ([Bi] art. 9.2.3):
the gemeente gives a cursusinstelling name and address of the people it placed there, nothing
more and no longer than the placement runs."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

GRONDSLAG_CONTACTGEGEVENS = "Bi art. 9.2.3"


@dataclass(frozen=True)
class Naam:
    geslachtsnaam: str
    voornamen: str | None = None
    voorvoegsel: str | None = None


@dataclass(frozen=True)
class Adres:
    straatnaam: str
    huisnummer: int
    postcode: str
    woonplaats: str
    huisnummertoevoeging: str | None = None


@dataclass(frozen=True)
class Contactgegevens:
    naam: Naam
    adres: Adres | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contactgegevens:
        adres = data.get("adres")
        return cls(naam=Naam(**data["naam"]), adres=Adres(**adres) if adres else None)


class Inzage(StrEnum):
    """A provider's view of one placement's contact data."""

    ACTIEF = "actief"  # accepted or running: the provider needs to reach the person
    AFGEWEZEN = "afgewezen"  # this provider refused; the placement may go to another one
    BEEINDIGD = "beeindigd"  # completed, dropped out, withdrawn or ended: for good


class Plaatsingsfeit(StrEnum):
    GEACCEPTEERD = "geaccepteerd"  # plaatsing-geaccepteerd, traject-gestart
    AFGEWEZEN = "afgewezen"  # plaatsing-afgewezen
    GEEINDIGD = "geeindigd"  # traject-afgerond/-uitgevallen/-beeindigd, plaatsing-ingetrokken


@dataclass(frozen=True)
class Toegang:
    inzage: Inzage
    aanbieder_kvk: str | None


def volgende_toegang(
    huidig: Toegang | None, feit: Plaatsingsfeit, aanbieder_kvk: str | None
) -> Toegang | None:
    """The provider access after a fact about the placement; None means: leave it as it is.

    An ended placement never opens again (a late or replayed acceptance must not grant access);
    a refusal only closes the access of the provider that refused, because contracts re-allocates
    the same placement to another provider."""
    if huidig is not None and huidig.inzage is Inzage.BEEINDIGD:
        return None
    if feit is Plaatsingsfeit.GEEINDIGD:
        kvk = aanbieder_kvk or (huidig.aanbieder_kvk if huidig else None)
        return Toegang(Inzage.BEEINDIGD, kvk)
    if feit is Plaatsingsfeit.GEACCEPTEERD:
        return Toegang(Inzage.ACTIEF, aanbieder_kvk)
    if huidig is not None and huidig.aanbieder_kvk == aanbieder_kvk:
        return Toegang(Inzage.AFGEWEZEN, aanbieder_kvk)
    return None
