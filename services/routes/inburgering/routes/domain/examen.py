"""Completion by exam, from DUO's result per exam part (SS199): the inburgeringsexamen of the
B1-route ([Wi] 7.1; [Bi] 3.3–3.5), at A2 for a skill scaled down ([Wi] 17.3; [Bi] 5.5), and the
onderwijsroute's fallback: B1 in all four skills plus KNM counts as the exam ([Wi] 8.4)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from inburgering.routes.domain.taal import Taalniveau
from inburgering.routes.domain.voorwaarde import Voorwaarde
from inburgering.shared.events.routes import Vaardigheid

GESLAAGD = "Geslaagd"

ARTIKEL_KNM = "art. 7 lid 1 Wet inburgering 2021, art. 3.4 Besluit inburgering 2021"
ARTIKEL_TAAL_B1 = "art. 7 lid 1 Wet inburgering 2021, art. 3.3 Besluit inburgering 2021"
ARTIKEL_TAAL_A2 = (
    "art. 7 lid 1 en art. 17 lid 3 Wet inburgering 2021, art. 5.5 Besluit inburgering 2021"
)
ARTIKEL_ONDERWIJSROUTE = "art. 8 lid 1, 2 en 4 Wet inburgering 2021"


class Onderdeel(StrEnum):
    """DUO's codes for the exam parts."""

    KNM = "KNM"
    LEZEN = "LE"
    LUISTEREN = "LU"
    SCHRIJVEN = "SC"
    SPREKEN = "SP"


TAALONDERDELEN = {
    Vaardigheid.LEZEN: Onderdeel.LEZEN,
    Vaardigheid.LUISTEREN: Onderdeel.LUISTEREN,
    Vaardigheid.SCHRIJVEN: Onderdeel.SCHRIJVEN,
    Vaardigheid.SPREKEN: Onderdeel.SPREKEN,
}
_CODES = frozenset(o.value for o in Onderdeel)
# A pass at a higher level also shows the lower one (B2 is Staatsexamen NT2 programma II).
_RANG = {"A2": 1, "B1": 2, "B2": 3}


@dataclass(frozen=True)
class Uitslag:
    onderdeel: str
    resultaat: str
    niveau: str | None


def behaald(uitslagen: Iterable[Uitslag]) -> dict[Onderdeel, str | None]:
    """Per exam part the highest level passed (KNM has no level). A later fail never undoes a
    pass, and passes from before a change of route count ([Bi] 5.4.4). A language part passed
    without a known level shows nothing, so it is left out rather than guessed."""
    beste: dict[Onderdeel, str | None] = {}
    for u in uitslagen:
        if u.resultaat != GESLAAGD or u.onderdeel not in _CODES:
            continue
        onderdeel = Onderdeel(u.onderdeel)
        if onderdeel is Onderdeel.KNM:
            beste[onderdeel] = None
        elif u.niveau in _RANG and _rang(u.niveau) > _rang(beste.get(onderdeel)):
            beste[onderdeel] = u.niveau
    return beste


def _rang(niveau: str | None) -> int:
    return _RANG.get(niveau or "", 0)


def _taal_gehaald(behaalde: Mapping[Onderdeel, str | None], v: Vaardigheid, vereist: str) -> bool:
    onderdeel = TAALONDERDELEN[v]
    return onderdeel in behaalde and _rang(behaalde[onderdeel]) >= _rang(vereist)


def _stand(behaalde: Mapping[Onderdeel, str | None], onderdeel: Onderdeel) -> str:
    if onderdeel not in behaalde:
        return "nog niet behaald"
    return f"behaald op {behaalde[onderdeel]}" if behaalde[onderdeel] else "behaald"


def b1_route(
    behaalde: Mapping[Onderdeel, str | None], a2_vaardigheden: Collection[Vaardigheid]
) -> Iterable[Voorwaarde]:
    """The inburgeringsexamen: KNM plus the four skills at B1, or at A2 where scaled down."""
    yield Voorwaarde(
        "examen-knm",
        "B1-route",
        ARTIKEL_KNM,
        "Het examenonderdeel Kennis van de Nederlandse Maatschappij is behaald "
        f"({_stand(behaalde, Onderdeel.KNM)}).",
        Onderdeel.KNM in behaalde,
    )
    for v, onderdeel in TAALONDERDELEN.items():
        afgeschaald = v in a2_vaardigheden
        vereist = Taalniveau.A2 if afgeschaald else Taalniveau.B1
        yield Voorwaarde(
            f"examen-{v}",
            "R9" if afgeschaald else "B1-route",
            ARTIKEL_TAAL_A2 if afgeschaald else ARTIKEL_TAAL_B1,
            f"Het examenonderdeel {v} is behaald op ten minste {vereist}"
            f"{' (afgeschaald naar A2)' if afgeschaald else ''} ({_stand(behaalde, onderdeel)}).",
            _taal_gehaald(behaalde, v, vereist),
        )


def onderwijsroute(behaalde: Mapping[Onderdeel, str | None]) -> Voorwaarde:
    """The taalschakeltraject's diploma is not reported to this service; the fallback of [Wi]
    8.4 is, through the exam results."""
    ontbreekt = [str(v) for v in TAALONDERDELEN if not _taal_gehaald(behaalde, v, Taalniveau.B1)]
    if Onderdeel.KNM not in behaalde:
        ontbreekt.append("KNM")
    return Voorwaarde(
        "taalschakeltraject-of-examen",
        "onderwijsroute",
        ARTIKEL_ONDERWIJSROUTE,
        "Het taalschakeltraject is met een diploma afgerond (hier niet gevolgd), of lezen, "
        "luisteren, schrijven en spreken zijn op B1 behaald en KNM ook, wat als "
        "inburgeringsexamen geldt (art. 8 lid 4)"
        + (f"; nog niet behaald: {', '.join(ontbreekt)}." if ontbreekt else "."),
        not ontbreekt,
        niet_gevolgd=True,
    )
