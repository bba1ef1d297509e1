"""Municipal policy the rules apply, versioned by the date it takes effect.

A new version only applies from a future date, so an advice already given (or one for an intake
completed earlier) is never judged by a policy that did not yet exist. Policy comes from three
sources: the gemeente's own versions win over those of its samenwerkingsverband, which win over
the platform default. A samenwerkingsverband buys one leerroute, so a policy value is read from
the verband of the leerroute it concerns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from inburgering.routes.domain.errors import (
    BeleidMetTerugwerkendeKracht,
    BeleidVoorAndereLeerroute,
)
from inburgering.shared.events.vocabulary import Leerroute

# The age limit is a condition for entering the onderwijsroute, so the samenwerkingsverband that
# sets it for a gemeente is the one that buys the onderwijsroute for it. A policy value for
# another leerroute gets its own entry and is read from that leerroute's verband.
LEERROUTE_VAN_BELEID = Leerroute.ONDERWIJSROUTE


class Beleidsbron(StrEnum):
    GEMEENTE = "gemeente"
    SAMENWERKINGSVERBAND = "samenwerkingsverband"
    STANDAARD = "standaard"


@dataclass(frozen=True)
class Beleid:
    """The law itself sets no age limit for the onderwijsroute; gemeenten do ("tot 28 jaar")."""

    onderwijsroute_max_leeftijd: int
    # None: the service-wide default, not a version the gemeente set itself.
    ingangsdatum: date | None = None
    bron: Beleidsbron = Beleidsbron.STANDAARD
    # Who set it: the gemeentecode or the samenwerkingsverband's name; None for the default.
    vastgesteld_door: str | None = None
    samenwerkingsverband_id: UUID | None = None


def beleid_op(versies: Sequence[Beleid], datum: date, standaard: Beleid) -> Beleid:
    geldend = [v for v in versies if v.ingangsdatum is not None and v.ingangsdatum <= datum]
    if not geldend:
        return standaard
    return max(geldend, key=lambda v: v.ingangsdatum or date.min)


def geldend_beleid(
    eigen: Sequence[Beleid], verband: Sequence[Beleid], datum: date, standaard: Beleid
) -> Beleid:
    """The gemeente's own version in force on `datum`, else its samenwerkingsverband's, else the
    platform default: a gemeente that set its own policy keeps it whatever the group decides."""
    return beleid_op(eigen, datum, beleid_op(verband, datum, standaard))


def nieuw_beleid(
    onderwijsroute_max_leeftijd: int,
    ingangsdatum: date,
    vandaag: date,
    bron: Beleidsbron = Beleidsbron.GEMEENTE,
    vastgesteld_door: str | None = None,
) -> Beleid:
    if ingangsdatum <= vandaag:
        raise BeleidMetTerugwerkendeKracht(
            f"Nieuw beleid gaat op zijn vroegst morgen in (ingangsdatum {ingangsdatum.isoformat()} "
            "ligt niet na vandaag): gegeven adviezen houden het beleid waarmee ze zijn berekend."
        )
    return Beleid(onderwijsroute_max_leeftijd, ingangsdatum, bron, vastgesteld_door)


def vereis_leerroute_van_beleid(verband_leerroute: Leerroute, naam: str) -> None:
    """A verband sets only policy for the leerroute it buys: a value for another leerroute would
    never be read, because that leerroute's verband is asked for it."""
    if verband_leerroute is not LEERROUTE_VAN_BELEID:
        raise BeleidVoorAndereLeerroute(
            f"Samenwerkingsverband {naam} koopt de {verband_leerroute} in; de leeftijdsgrens geldt "
            f"voor de {LEERROUTE_VAN_BELEID} en wordt vastgesteld door het samenwerkingsverband "
            f"voor de {LEERROUTE_VAN_BELEID}."
        )


def herkomst(beleid: Beleid) -> str:
    """The policy's source in the words of the advice's explanation."""
    grens = f"Beleid: de onderwijsroute tot {beleid.onderwijsroute_max_leeftijd} jaar"
    if beleid.bron is Beleidsbron.STANDAARD or beleid.ingangsdatum is None:
        return f"{grens}, het standaardbeleid van het platform."
    door = (
        f"gemeente {beleid.vastgesteld_door}"
        if beleid.bron is Beleidsbron.GEMEENTE
        else f"samenwerkingsverband {beleid.vastgesteld_door}"
    )
    return f"{grens}, vastgesteld door {door} met ingang van {beleid.ingangsdatum.isoformat()}."
