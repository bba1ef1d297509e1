"""The demand forecast of a samenwerkingsverband: course places needed per quarter against the
places its contracts still have. No I/O; every figure names its components.

The model, in the order a person travels (each stage counts people not yet further):

- on the waiting list: needs a place now (factor 1);
- leerroute decided, no placement, gezinsmigrant: may ask for one (factor: placement rate of
  gezinsmigranten); an asielstatushouder's decision is placed at once, so it is never here;
- advised this leerroute, not decided: decided as advised at the adoption rate, then placed at
  the doelgroep's placement rate; needs the place now;
- registered, no advice yet: takes this leerroute at the route share of its gemeente and
  doelgroep, then the placement rate; needs the place a quarter later (the intake takes time);
- the influx a gemeente expects per half year (half in each quarter): route share times
  placement rate, a quarter after arrival.

Rates are learned from the region's own decisions: per gemeente and doelgroep once there are
MIN_WAARNEMINGEN decisions, else over the region's member gemeenten, else the documented
default. Only the first quarter's demand includes the pipeline; later quarters add influx.
Capacity: the free places of the verband's active contracts, used up quarter by quarter by the
contracts running at the quarter's start (those ending first are used first; a place of an
ended contract is gone). Places of a contract that ends within the horizon and has extension
options are reported as `verlengbaar`. Demand that no running contract can take carries over;
the shortfall of a quarter is that backlog rounded up, and the first quarter with one is the
forecast's shortfall.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from inburgering.contracts.domain.lidmaatschap import Lidmaatschap
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

MIN_WAARNEMINGEN = 20
# Before the region has history. No national distribution of the leerroutes is published
# (domain.md 7); these are planning assumptions, to be replaced by the region's own figures.
STANDAARD_ROUTEAANDEEL = {
    Leerroute.B1_ROUTE: Fraction(6, 10),
    Leerroute.Z_ROUTE: Fraction(3, 10),
    Leerroute.ONDERWIJSROUTE: Fraction(1, 10),
}
STANDAARD_OVERNAME_ADVIES = Fraction(9, 10)
# Asielstatushouders are offered a course by law ([Wi] 16.1); gezinsmigranten and overige
# migranten arrange and pay their own, a gemeente helps some gezinsmigranten on request.
STANDAARD_PLAATSINGSKANS = {
    Doelgroep.ASIELSTATUSHOUDER: Fraction(1),
    Doelgroep.GEZINSMIGRANT: Fraction(3, 10),
    Doelgroep.OVERIGE_MIGRANT: Fraction(0),
}
INSTROOM_VERTRAGING_KWARTALEN = 1


@dataclass(frozen=True, order=True)
class Kwartaal:
    jaar: int
    nummer: int

    @classmethod
    def van(cls, dag: date) -> Kwartaal:
        return cls(dag.year, (dag.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.jaar, 3 * (self.nummer - 1) + 1, 1)

    @property
    def halfjaar(self) -> str:
        return f"{self.jaar}-H{1 if self.nummer <= 2 else 2}"

    def plus(self, kwartalen: int) -> Kwartaal:
        index = self.jaar * 4 + self.nummer - 1 + kwartalen
        return Kwartaal(index // 4, index % 4 + 1)

    def __str__(self) -> str:
        return f"{self.jaar}-K{self.nummer}"


@dataclass(frozen=True)
class Persoon:
    """A person of the pipeline as the forecast sees them: codes and stages, nothing else."""

    gemeentecode: str
    doelgroep: Doelgroep | None
    geadviseerde_leerroute: Leerroute | None
    vastgestelde_leerroute: Leerroute | None
    afgesloten: bool
    heeft_plaatsing: bool
    aangemeld: bool = True


@dataclass(frozen=True)
class ContractStand:
    contract_id: str
    vrij: int
    periode_start: date
    periode_eind: date
    verlengingsopties: int
    actief: bool


@dataclass(frozen=True)
class Instroom:
    gemeentecode: str
    halfjaar: str
    asielstatushouders: int
    gezinsmigranten: int


@dataclass(frozen=True)
class Kans:
    """A rate with where it came from: the gemeente's own figures, the region's, or the default."""

    waarde: Fraction
    bron: str
    waarnemingen: int


@dataclass(frozen=True)
class Component:
    bron: str
    gemeentecode: str
    doelgroep: str | None
    aantal: int
    factor: Fraction
    kansen: Mapping[str, Kans]

    @property
    def verwachting(self) -> Fraction:
        return self.aantal * self.factor


@dataclass(frozen=True)
class KwartaalPrognose:
    kwartaal: Kwartaal
    componenten: Sequence[Component]
    vraag: Fraction
    cumulatieve_vraag: Fraction
    # Free places of the contracts running at the quarter's start, before its demand.
    vrije_plaatsen: Fraction
    # Of those, places of contracts that end within the horizon and may be extended.
    verlengbaar: Fraction
    # Demand no running contract can take, carried over; the shortfall is it rounded up.
    onvervuld: Fraction
    tekort: int


@dataclass(frozen=True)
class Prognose:
    leerroute: Leerroute
    kwartalen: Sequence[KwartaalPrognose]
    eerste_tekort: KwartaalPrognose | None = field(default=None)


def _leden_op(leden: Iterable[Lidmaatschap], dag: date) -> set[str]:
    return {lid.gemeentecode for lid in leden if lid.geldt_op(dag)}


class Kansen:
    """The rates learned from the region's decisions."""

    def __init__(self, personen: Sequence[Persoon], leerroute: Leerroute) -> None:
        self.leerroute = leerroute
        besloten = [p for p in personen if p.vastgestelde_leerroute is not None]
        self._besluiten = Counter((p.gemeentecode, p.doelgroep) for p in besloten)
        self._op_route = Counter(
            (p.gemeentecode, p.doelgroep) for p in besloten if p.vastgestelde_leerroute is leerroute
        )
        geadviseerd = [p for p in besloten if p.geadviseerde_leerroute is leerroute]
        self._advies = (
            len(geadviseerd),
            sum(p.vastgestelde_leerroute is leerroute for p in geadviseerd),
        )
        gezin = [p for p in besloten if p.doelgroep is Doelgroep.GEZINSMIGRANT]
        self._gezin = (len(gezin), sum(p.heeft_plaatsing for p in gezin))

    def routeaandeel(self, gemeentecode: str, doelgroep: Doelgroep | None) -> Kans:
        eigen = self._besluiten[(gemeentecode, doelgroep)]
        if eigen >= MIN_WAARNEMINGEN:
            return Kans(
                Fraction(self._op_route[(gemeentecode, doelgroep)], eigen), "gemeente", eigen
            )
        regio = sum(n for (_, d), n in self._besluiten.items() if d == doelgroep)
        if regio >= MIN_WAARNEMINGEN:
            op_route = sum(n for (_, d), n in self._op_route.items() if d == doelgroep)
            return Kans(Fraction(op_route, regio), "regio", regio)
        return Kans(STANDAARD_ROUTEAANDEEL[self.leerroute], "standaard", regio)

    def overname_advies(self) -> Kans:
        totaal, gevolgd = self._advies
        if totaal >= MIN_WAARNEMINGEN:
            return Kans(Fraction(gevolgd, totaal), "regio", totaal)
        return Kans(STANDAARD_OVERNAME_ADVIES, "standaard", totaal)

    def plaatsingskans(self, doelgroep: Doelgroep | None) -> Kans:
        if doelgroep is Doelgroep.GEZINSMIGRANT:
            totaal, geplaatst = self._gezin
            if totaal >= MIN_WAARNEMINGEN:
                return Kans(Fraction(geplaatst, totaal), "regio", totaal)
        # An unknown doelgroep is counted as the group the gemeente must place.
        groep = doelgroep or Doelgroep.ASIELSTATUSHOUDER
        return Kans(
            STANDAARD_PLAATSINGSKANS[groep],
            "wet" if groep is Doelgroep.ASIELSTATUSHOUDER else "standaard",
            0,
        )


def bereken(
    *,
    leerroute: Leerroute,
    leden: Sequence[Lidmaatschap],
    personen: Sequence[Persoon],
    wachtlijst: Mapping[str, int],
    instroom: Sequence[Instroom],
    contracten: Sequence[ContractStand],
    peildatum: date,
    aantal_kwartalen: int,
) -> Prognose:
    """The forecast from the peildatum's quarter on, for aantal_kwartalen quarters."""
    kansen = Kansen(personen, leerroute)
    eerste = Kwartaal.van(peildatum)
    horizon = [eerste.plus(i) for i in range(aantal_kwartalen)]
    laatste_dag = horizon[-1].plus(1).start
    uit: list[KwartaalPrognose] = []
    cumulatief = Fraction(0)
    onvervuld = Fraction(0)
    # Places still free per contract, used up quarter by quarter; a place of a contract that
    # has ended is gone, so places that run out first are used first.
    rest = {c.contract_id: Fraction(c.vrij) for c in contracten if c.actief}
    for kwartaal in horizon:
        dag = max(kwartaal.start, peildatum)
        leden_nu = _leden_op(leden, dag)
        componenten = _instroom(kwartaal, leden_nu, instroom, kansen)
        if kwartaal == eerste:
            componenten = _pijplijn_nu(leden_nu, personen, wachtlijst, kansen) + componenten
        if kwartaal == eerste.plus(1):
            componenten = _aangemeld(leden_nu, personen, kansen) + componenten
        vraag = sum((c.verwachting for c in componenten), Fraction(0))
        cumulatief += vraag
        lopend = sorted(
            (c for c in contracten if c.actief and c.periode_start <= dag <= c.periode_eind),
            key=lambda c: (c.periode_eind, c.contract_id),
        )
        vrij = sum((rest[c.contract_id] for c in lopend), Fraction(0))
        verlengbaar = sum(
            rest[c.contract_id]
            for c in lopend
            if c.verlengingsopties > 0 and c.periode_eind < laatste_dag
        )
        onvervuld += vraag
        for c in lopend:
            genomen = min(rest[c.contract_id], onvervuld)
            rest[c.contract_id] -= genomen
            onvervuld -= genomen
        uit.append(
            KwartaalPrognose(
                kwartaal,
                componenten,
                vraag,
                cumulatief,
                vrij,
                verlengbaar,
                onvervuld,
                math.ceil(onvervuld),
            )
        )
    eerste_tekort = next((k for k in uit if k.tekort > 0), None)
    return Prognose(leerroute, uit, eerste_tekort)


def _pijplijn_nu(
    leden: set[str], personen: Sequence[Persoon], wachtlijst: Mapping[str, int], kansen: Kansen
) -> list[Component]:
    componenten = [
        Component("wachtlijst", code, None, aantal, Fraction(1), {})
        for code, aantal in sorted(wachtlijst.items())
        if code in leden and aantal
    ]
    open_ = [p for p in personen if p.gemeentecode in leden and not p.afgesloten]
    route = kansen.leerroute
    besloten = Counter(
        (p.gemeentecode, p.doelgroep)
        for p in open_
        if p.vastgestelde_leerroute is route
        and not p.heeft_plaatsing
        and p.doelgroep is Doelgroep.GEZINSMIGRANT
    )
    for (code, doelgroep), aantal in sorted(besloten.items(), key=_sleutel):
        kans = kansen.plaatsingskans(doelgroep)
        componenten.append(
            Component("vastgesteld", code, str(doelgroep), aantal, kans.waarde, {"plaatsing": kans})
        )
    geadviseerd = Counter(
        (p.gemeentecode, p.doelgroep)
        for p in open_
        if p.vastgestelde_leerroute is None and p.geadviseerde_leerroute is route
    )
    for (code, doelgroep), aantal in sorted(geadviseerd.items(), key=_sleutel):
        overname, plaatsing = kansen.overname_advies(), kansen.plaatsingskans(doelgroep)
        componenten.append(
            Component(
                "geadviseerd",
                code,
                _str(doelgroep),
                aantal,
                overname.waarde * plaatsing.waarde,
                {"overname": overname, "plaatsing": plaatsing},
            )
        )
    return componenten


def _aangemeld(leden: set[str], personen: Sequence[Persoon], kansen: Kansen) -> list[Component]:
    wachtend = Counter(
        (p.gemeentecode, p.doelgroep)
        for p in personen
        if p.gemeentecode in leden
        and not p.afgesloten
        and p.aangemeld
        and p.vastgestelde_leerroute is None
        and p.geadviseerde_leerroute is None
    )
    uit = []
    for (code, doelgroep), aantal in sorted(wachtend.items(), key=_sleutel):
        aandeel, plaatsing = kansen.routeaandeel(code, doelgroep), kansen.plaatsingskans(doelgroep)
        uit.append(
            Component(
                "aangemeld",
                code,
                _str(doelgroep),
                aantal,
                aandeel.waarde * plaatsing.waarde,
                {"routeaandeel": aandeel, "plaatsing": plaatsing},
            )
        )
    return uit


def _instroom(
    kwartaal: Kwartaal, leden: set[str], instroom: Sequence[Instroom], kansen: Kansen
) -> list[Component]:
    aankomst = kwartaal.plus(-INSTROOM_VERTRAGING_KWARTALEN).halfjaar
    uit = []
    for regel in sorted(instroom, key=lambda r: r.gemeentecode):
        if regel.halfjaar != aankomst or regel.gemeentecode not in leden:
            continue
        for doelgroep, aantal in (
            (Doelgroep.ASIELSTATUSHOUDER, regel.asielstatushouders),
            (Doelgroep.GEZINSMIGRANT, regel.gezinsmigranten),
        ):
            if not aantal:
                continue
            aandeel, plaatsing = (
                kansen.routeaandeel(regel.gemeentecode, doelgroep),
                kansen.plaatsingskans(doelgroep),
            )
            uit.append(
                Component(
                    "instroom",
                    regel.gemeentecode,
                    str(doelgroep),
                    aantal,
                    Fraction(1, 2) * aandeel.waarde * plaatsing.waarde,
                    {
                        "kwartaaldeel": Kans(Fraction(1, 2), "halfjaar", 0),
                        "routeaandeel": aandeel,
                        "plaatsing": plaatsing,
                    },
                )
            )
    return uit


def _sleutel(item: tuple[tuple[str, Doelgroep | None], int]) -> tuple[str, str]:
    (code, doelgroep), _ = item
    return code, _str(doelgroep) or ""


def _str(doelgroep: Doelgroep | None) -> str | None:
    return str(doelgroep) if doelgroep else None
