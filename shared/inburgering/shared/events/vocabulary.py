"""Values shared by the events of several producers (Wi2021 and GGM terms)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from inburgering.shared.events.base import GEMEENTECODE_PATTERN

Gemeentecode = Annotated[
    str, Field(pattern=GEMEENTECODE_PATTERN, description="CBS-code van de gemeente, bv. GM0772")
]


class Leerroute(StrEnum):
    B1_ROUTE = "b1-route"
    ONDERWIJSROUTE = "onderwijsroute"
    Z_ROUTE = "z-route"


class Doelgroep(StrEnum):
    ASIELSTATUSHOUDER = "asielstatushouder"
    GEZINSMIGRANT = "gezinsmigrant"
    OVERIGE_MIGRANT = "overige-migrant"


class LeerbaarheidstoetsUitslag(StrEnum):
    B1_HAALBAAR = "b1-haalbaar"
    B1_NIET_HAALBAAR = "b1-niet-haalbaar"
    NIET_AFGENOMEN_BEPERKING = "niet-afgenomen-beperking"


class Opleidingsniveau(StrEnum):
    GEEN = "geen"
    PRIMAIR = "primair"
    VOORTGEZET = "voortgezet"
    MBO = "mbo"
    HBO = "hbo"
    WO = "wo"


class Alfabetisering(StrEnum):
    """The intake's indicator of literacy, which the leerroute advice names among its facts."""

    A = "A"  # not literate in any script
    AA = "AA"  # literate in another script than the Latin one
    NVT = "NVT"  # literate in the Latin script


class Ambitie(StrEnum):
    WERK = "werk"
    PARTICIPATIE = "participatie"
    MBO = "mbo"
    HBO = "hbo"
    WO = "wo"
