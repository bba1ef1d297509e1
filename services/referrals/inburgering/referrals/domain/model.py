"""The hbo/wo network's vocabulary."""

from __future__ import annotations

from enum import StrEnum


class InstellingSoort(StrEnum):
    HBO = "hbo"
    WO = "wo"


class OpleidingSoort(StrEnum):
    PRE_BACHELOR_HBO = "pre-bachelor-hbo"
    PRE_BACHELOR_WO = "pre-bachelor-wo"
    SCHAKELJAAR = "schakeljaar"
    TAALSCHAKELTRAJECT = "taalschakeltraject"


class VerwijzingStatus(StrEnum):
    """The steps of the pathway, in the order they are reached."""

    AANGEMAAKT = "aangemaakt"
    DOSSIER_COMPLEET = "dossier-compleet"
    INGEDIEND = "ingediend"
    INTAKE_GEHOUDEN = "intake-gehouden"
    TOEGELATEN = "toegelaten"
    AFGEWEZEN = "afgewezen"
    GESTART = "gestart"
    AFGEROND = "afgerond"
    BEEINDIGD = "beeindigd"


class Taalniveau(StrEnum):
    """CEFR level; Staatsexamen NT2 programma I is B1, programma II (hbo/wo) is B2."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"

    @property
    def rang(self) -> int:
        return list(Taalniveau).index(self)


class Diplomawaardering(StrEnum):
    """The Dutch level a foreign diploma compares to, per the diploma valuation (IDW)."""

    HAVO = "havo"
    VWO = "vwo"
    MBO = "mbo"
    HBO_BACHELOR = "hbo-bachelor"
    WO_BACHELOR = "wo-bachelor"
    WO_MASTER = "wo-master"
    NIET_VERGELIJKBAAR = "niet-vergelijkbaar"


class Uitkomst(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet-voldaan"
    ONBEKEND = "onbekend"
