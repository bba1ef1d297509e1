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
    AANGEMAAKT = "aangemaakt"
