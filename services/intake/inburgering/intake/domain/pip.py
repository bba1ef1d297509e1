"""The PIP as a versioned beschikking, and DUO's rules for registering one (DUO README, PIP)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

# DUO's codes for the leerroute (PIP API, schema Leerroute).
DUO_LEERROUTE = {Leerroute.B1_ROUTE: "B", Leerroute.ONDERWIJSROUTE: "O", Leerroute.Z_ROUTE: "Z"}
LEERROUTE_VAN_DUO = {code: route for route, code in DUO_LEERROUTE.items()}
TERMIJN_JAREN = 3


class PipStatus(StrEnum):
    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"
    VERVANGEN = "vervangen"


class Niveau(StrEnum):
    A2 = "A2"
    B1 = "B1"


@dataclass(frozen=True)
class PipVoorstel:
    leerroute: Leerroute
    dagtekening: date
    niveau: Niveau | None = None
    geschatte_intensiteit_b1: int | None = None


@dataclass(frozen=True)
class PipContext:
    """What DUO checks a PIP against; dates the gemeente does not know are None."""

    doelgroep: Doelgroep
    eerste_pip: bool
    plicht_start: date | None = None
    vestiging: date | None = None
    dagtekening_eerste_pip: date | None = None
    dagtekening_actuele_pip: date | None = None
    vergrendelde_leerroute: Leerroute | None = None


def pip_overtredingen(voorstel: PipVoorstel, context: PipContext) -> list[str]:
    """DUO registers a PIP only when all of these hold; the gemeente checks them first."""
    fouten: list[str] = []
    dag = voorstel.dagtekening
    if context.plicht_start and dag < context.plicht_start:
        fouten.append("De dagtekening ligt voor de start van de inburgeringsplicht.")
    if context.vestiging and dag < context.vestiging:
        fouten.append("De dagtekening ligt voor de vestiging in de gemeente.")
    eerdere = [d for d in (context.dagtekening_eerste_pip, context.dagtekening_actuele_pip) if d]
    if not context.eerste_pip and any(dag < d for d in eerdere):
        fouten.append("De dagtekening ligt voor die van het eerste of het actuele PIP.")
    route, niveau = voorstel.leerroute, voorstel.niveau
    if context.vergrendelde_leerroute and route is not context.vergrendelde_leerroute:
        fouten.append("Na een verhuizing blijft de leerroute van het vorige PIP gelden.")
    if niveau is Niveau.A2 and route is Leerroute.ONDERWIJSROUTE:
        fouten.append("Niveau A2 kan niet met de onderwijsroute.")
    if niveau is Niveau.B1 and route is Leerroute.Z_ROUTE:
        fouten.append("Niveau B1 kan niet met de Z-route.")
    if niveau is Niveau.A2 and route is Leerroute.B1_ROUTE and context.eerste_pip:
        fouten.append("Niveau A2 kan niet met de B1-route in het eerste PIP.")
    if voorstel.geschatte_intensiteit_b1 is not None and (
        route is not Leerroute.B1_ROUTE or context.doelgroep is not Doelgroep.ASIELSTATUSHOUDER
    ):
        fouten.append("Een geschatte intensiteit hoort alleen bij de B1-route van asielmigranten.")
    return fouten


def effectief_niveau(voorstel: PipVoorstel) -> Niveau | None:
    """DUO sets B1 when no niveau is given for the B1-route or the onderwijsroute."""
    if voorstel.niveau is None and voorstel.leerroute is not Leerroute.Z_ROUTE:
        return Niveau.B1
    return voorstel.niveau


def is_eerste_pip(
    *, eerder_pip_hier: bool, pip_vorige_gemeente: bool, termijn_bij_duo: bool
) -> bool:
    """Whether a PIP adopted now is the first of the obligation, the one that starts the termijn
    ([Wi] 11). A move in without a PIP (SS120) does not count: that person's first PIP is still
    to be adopted, here. A PIP of the previous gemeente (SS121) or a termijn DUO already
    registered means the first PIP was adopted elsewhere."""
    return not (eerder_pip_hier or pip_vorige_gemeente or termijn_bij_duo)


@dataclass(frozen=True)
class Inburgeringstermijn:
    startdatum: date
    einddatum: date


def termijn_na_eerste_pip(dagtekening: date) -> Inburgeringstermijn:
    """[Wi] art. 11: three years from the day after the dagtekening of the first PIP."""
    start = dagtekening + timedelta(days=1)
    return Inburgeringstermijn(start, plus_jaren(start, TERMIJN_JAREN))


def plus_jaren(dag: date, jaren: int) -> date:
    """Same day and month; 29 February becomes 28 February in a year without it."""
    try:
        return dag.replace(year=dag.year + jaren)
    except ValueError:
        return dag.replace(year=dag.year + jaren, day=28)
