"""Progress toward completing the obligation: the PVT and the MAP in every route (R11) and the
Z-route's hour norms and eindgesprek (R10). Each condition names the rule and article it comes
from, so a case manager sees what is still missing and why."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from inburgering.routes.domain import examen
from inburgering.routes.domain.errors import DatumInDeToekomst, EindgesprekVereist
from inburgering.routes.domain.examen import Onderdeel
from inburgering.routes.domain.voorwaarde import Voorwaarde
from inburgering.shared.events.routes import Vaardigheid
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

__all__ = ["Voorwaarde"]

PVT_MINIMUM_UREN = 12
Z_ROUTE_CURSUSUREN = 800
Z_ROUTE_PARTICIPATIEUREN = 800

ARTIKEL_PVT = "art. 6 lid 4 en 5 Wet inburgering 2021, art. 3.1 Besluit inburgering 2021"
ARTIKEL_MAP = "art. 6 lid 6 en art. 8 lid 3 Wet inburgering 2021, art. 3.2 Besluit inburgering 2021"
ARTIKEL_Z_CURSUS = "art. 3.14 lid 2 en 3 Besluit inburgering 2021"
ARTIKEL_Z_PARTICIPATIE = "art. 3.14 lid 2 en 5 Besluit inburgering 2021"
ARTIKEL_Z_EINDGESPREK = "art. 3.14 lid 2 tot en met 4 Besluit inburgering 2021"
ARTIKEL_LEERROUTE = "art. 6 lid 1 en art. 15 Wet inburgering 2021"


class Aftrekgrond(StrEnum):
    """Why hours are deducted from a Z-route norm; the gemeente judges and registers it."""

    # Activities during the brede intake that meet the norm ([Bi] 3.14.6).
    BREDE_INTAKE = "brede-intake"
    # vso, praktijkonderwijs or entree in the two years before the PIP ([Bi] 3.14.9–10).
    VOORAFGAAND_ONDERWIJS = "voorafgaand-onderwijs"


class Aftreknorm(StrEnum):
    CURSUSUREN = "z-route-cursusuren"
    PARTICIPATIE_UREN = "z-route-participatie-uren"


class MapStatus(StrEnum):
    NIET_GESTART = "niet-gestart"
    GESTART = "gestart"
    AFGEROND = "afgerond"


@dataclass(frozen=True)
class Pvt:
    uren: float = 0.0
    ondertekend_op: date | None = None


@dataclass(frozen=True)
class Map:
    status: MapStatus = MapStatus.NIET_GESTART
    uren: float = 0.0
    eindgesprek_op: date | None = None


@dataclass(frozen=True)
class Voortgangsfeiten:
    """What is known of one inburgeraar; hours are totals so far."""

    leerroute: Leerroute | None
    doelgroep: Doelgroep
    cursusuren: float = 0.0
    participatie_uren: float = 0.0
    pvt: Pvt = Pvt()
    map: Map = Map()
    z_eindgesprek_op: date | None = None
    # The highest level passed per exam part, from DUO's results; KNM has no level.
    examens: Mapping[Onderdeel, str | None] = field(default_factory=dict)
    a2_vaardigheden: frozenset[Vaardigheid] = frozenset()
    # Hours the gemeente deducted from each Z-route norm ([Bi] 3.14.6, 3.14.9–10).
    aftrek: Mapping[Aftreknorm, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Voortgang:
    cursusuren: float
    participatie_uren: float
    # 800 minus deducted hours; None outside the Z-route.
    cursus_norm: float | None
    # 800 minus the PVT and MAP hours; None when the route or target group has no such norm.
    participatie_norm: float | None
    voorwaarden: tuple[Voorwaarde, ...]

    @property
    def ontbreekt(self) -> tuple[Voorwaarde, ...]:
        return tuple(v for v in self.voorwaarden if not v.vervuld)

    @property
    def afgerond(self) -> bool:
        return not self.ontbreekt


def participatie_norm(pvt_uren: float, map_uren: float, aftrek: float = 0.0) -> float:
    """PVT and MAP hours are deducted from the 800 participation hours ([Bi] 3.14.5), and so are
    the hours the gemeente deducts on another ground ([Bi] 3.14.6, 3.14.9–10)."""
    return max(0.0, Z_ROUTE_PARTICIPATIEUREN - pvt_uren - map_uren - aftrek)


def cursus_norm(aftrek: float = 0.0) -> float:
    return max(0.0, Z_ROUTE_CURSUSUREN - aftrek)


def _participatie_norm(f: Voortgangsfeiten) -> float:
    return participatie_norm(f.pvt.uren, f.map.uren, f.aftrek.get(Aftreknorm.PARTICIPATIE_UREN, 0))


def _cursus_norm(f: Voortgangsfeiten) -> float:
    return cursus_norm(f.aftrek.get(Aftreknorm.CURSUSUREN, 0.0))


def telt_participatie(leerroute: Leerroute | None, doelgroep: Doelgroep) -> bool:
    """Only asielstatushouders in the Z-route owe participation hours; gezinsmigranten owe the
    course hours and the eindgesprek only ([Bi] 3.14.2–3)."""
    return leerroute is Leerroute.Z_ROUTE and doelgroep is Doelgroep.ASIELSTATUSHOUDER


def beoordeel(feiten: Voortgangsfeiten) -> Voortgang:
    return Voortgang(
        cursusuren=feiten.cursusuren,
        participatie_uren=feiten.participatie_uren,
        cursus_norm=_cursus_norm(feiten) if feiten.leerroute is Leerroute.Z_ROUTE else None,
        participatie_norm=(
            _participatie_norm(feiten)
            if telt_participatie(feiten.leerroute, feiten.doelgroep)
            else None
        ),
        voorwaarden=tuple(_voorwaarden(feiten)),
    )


def _voorwaarden(f: Voortgangsfeiten) -> Iterable[Voorwaarde]:
    if f.leerroute is None:
        yield Voorwaarde(
            "leerroute-vastgesteld",
            "PIP",
            ARTIKEL_LEERROUTE,
            "De leerroute is vastgesteld; pas dan ligt vast wat nog moet.",
            False,
        )
        return
    yield Voorwaarde(
        "pvt-uren",
        "R11",
        ARTIKEL_PVT,
        f"Ten minste {PVT_MINIMUM_UREN} uur participatieverklaringstraject "
        f"(geregistreerd: {f.pvt.uren:g}).",
        f.pvt.uren >= PVT_MINIMUM_UREN,
    )
    yield Voorwaarde(
        "pvt-ondertekend",
        "R11",
        ARTIKEL_PVT,
        "De participatieverklaring is ondertekend.",
        f.pvt.ondertekend_op is not None,
    )
    if f.leerroute is not Leerroute.ONDERWIJSROUTE:
        yield Voorwaarde(
            "map-afgerond",
            "R11",
            ARTIKEL_MAP,
            "De module Arbeidsmarkt en Participatie is afgerond met het eindgesprek.",
            f.map.status is MapStatus.AFGEROND,
        )
    if f.leerroute is Leerroute.Z_ROUTE:
        yield from _z_route(f)
    elif f.leerroute is Leerroute.B1_ROUTE:
        yield from examen.b1_route(f.examens, f.a2_vaardigheden)
    else:
        yield examen.onderwijsroute(f.examens)


def _z_route(f: Voortgangsfeiten) -> Iterable[Voorwaarde]:
    yield Voorwaarde(
        "z-route-cursusuren",
        "R10",
        ARTIKEL_Z_CURSUS,
        f"Ten minste {_cursus_norm(f):g} uur cursus (NT2 en KNM) bij een instelling met "
        f"keurmerk{_aftrek(f, Aftreknorm.CURSUSUREN)} (geregistreerd: {f.cursusuren:g}).",
        f.cursusuren >= _cursus_norm(f),
    )
    if telt_participatie(f.leerroute, f.doelgroep):
        norm = _participatie_norm(f)
        yield Voorwaarde(
            "z-route-participatie-uren",
            "R10",
            ARTIKEL_Z_PARTICIPATIE,
            f"Ten minste {norm:g} uur participatieactiviteiten: {Z_ROUTE_PARTICIPATIEUREN} min "
            f"de uren PVT en MAP{_aftrek(f, Aftreknorm.PARTICIPATIE_UREN)} "
            f"(geregistreerd: {f.participatie_uren:g}).",
            f.participatie_uren >= norm,
        )
    yield Voorwaarde(
        "z-route-eindgesprek",
        "R10",
        ARTIKEL_Z_EINDGESPREK,
        "Het eindgesprek van de Z-route is door de gemeente gehouden.",
        f.z_eindgesprek_op is not None,
    )


def registreer_pvt(uren: float, ondertekend_op: date | None, vandaag: date) -> Pvt:
    _niet_in_de_toekomst(ondertekend_op, vandaag, "ondertekendOp")
    return Pvt(uren=uren, ondertekend_op=ondertekend_op)


def registreer_map(
    status: MapStatus, uren: float, eindgesprek_op: date | None, vandaag: date
) -> Map:
    """The MAP ends with the eindgesprek with the gemeente ([Wi] 6.6): afgerond needs its date,
    and a held eindgesprek means the module is afgerond."""
    if (status is MapStatus.AFGEROND) != (eindgesprek_op is not None):
        raise EindgesprekVereist(
            f"Regel R11 ({ARTIKEL_MAP}): de MAP is afgerond als, en alleen als, het eindgesprek "
            "is gehouden; geef status 'afgerond' samen met 'eindgesprekOp'."
        )
    _niet_in_de_toekomst(eindgesprek_op, vandaag, "eindgesprekOp")
    return Map(status=status, uren=uren, eindgesprek_op=eindgesprek_op)


def registreer_z_eindgesprek(gehouden_op: date, vandaag: date) -> date:
    _niet_in_de_toekomst(gehouden_op, vandaag, "gehoudenOp")
    return gehouden_op


def registreer_participatie(datum: date, vandaag: date) -> date:
    _niet_in_de_toekomst(datum, vandaag, "datum")
    return datum


def _niet_in_de_toekomst(datum: date | None, vandaag: date, veld: str) -> None:
    if datum is not None and datum > vandaag:
        raise DatumInDeToekomst(f"'{veld}' ({datum}) ligt na vandaag ({vandaag}).")


def _aftrek(f: Voortgangsfeiten, norm: Aftreknorm) -> str:
    uren = f.aftrek.get(norm, 0.0)
    return f", na aftrek van {uren:g} uur (art. 3.14 lid 6, 9 en 10 Bi2021)" if uren else ""
