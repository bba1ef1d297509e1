"""The inburgeringstermijn and the windows and signals that hang off it.

[Wi] 11: three years, starting the day after the dagtekening of the first PIP; a later PIP (also
one adopted again after bezwaar) never moves the start. [Wi] 12 / [Bi] 4.5.1: DUO extends it, and
one may apply from six months before its end. [Bi] 5.4.1: the leerroute changes only within 18
months of the start.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from inburgering.routes.domain.kalender import min_dagen, plus_jaren, plus_maanden

DUUR_JAREN = 3
ROUTEWIJZIGING_MAANDEN = 18
VERLENGINGSVENSTER_MAANDEN = 6

ROUTEWIJZIGING_VENSTER_SLUIT = "routewijziging-venster-sluit"
VERLENGINGSVENSTER_GEOPEND = "verlengingsvenster-geopend"
TERMIJN_VERLOOPT = "termijn-verloopt"


@dataclass(frozen=True)
class Inburgeringstermijn:
    startdatum: date
    einddatum: date

    @classmethod
    def na_eerste_pip(cls, dagtekening: date) -> Inburgeringstermijn:
        start = dagtekening + timedelta(days=1)
        return cls(startdatum=start, einddatum=oorspronkelijk_einde(start))

    @property
    def routewijziging_venster_sluit(self) -> date:
        """The first day on which a change of leerroute is no longer allowed."""
        return plus_maanden(self.startdatum, ROUTEWIJZIGING_MAANDEN)

    @property
    def verlengingsvenster_opent(self) -> date:
        return plus_maanden(self.einddatum, -VERLENGINGSVENSTER_MAANDEN)

    def routewijziging_toegestaan_op(self, datum: date) -> bool:
        return datum < self.routewijziging_venster_sluit

    def verlengd_tot(self, nieuwe_einddatum: date) -> Inburgeringstermijn | None:
        """The termijn after an extension; None when the date extends nothing (a repeated or
        outdated notice), since an extension never shortens the termijn."""
        if nieuwe_einddatum <= self.einddatum:
            return None
        return replace(self, einddatum=nieuwe_einddatum)


def oorspronkelijk_einde(startdatum: date) -> date:
    """The end before any extension ([Wi] 11), exclusive as in DUO's Inburgeringstermijn API."""
    return plus_jaren(startdatum, DUUR_JAREN)


@dataclass(frozen=True)
class Signaaltermijnen:
    """How far ahead the case manager is warned; policy, not law."""

    routewijziging_dagen_vooraf: int
    termijn_verloopt_dagen_vooraf: int


def signaaldata(termijn: Inburgeringstermijn, vooraf: Signaaltermijnen) -> dict[str, date]:
    """The day on which each signal is due, by signal name."""
    return {
        ROUTEWIJZIGING_VENSTER_SLUIT: min_dagen(
            termijn.routewijziging_venster_sluit, vooraf.routewijziging_dagen_vooraf
        ),
        VERLENGINGSVENSTER_GEOPEND: termijn.verlengingsvenster_opent,
        TERMIJN_VERLOOPT: min_dagen(termijn.einddatum, vooraf.termijn_verloopt_dagen_vooraf),
    }


def komende_signaaldata(
    termijn: Inburgeringstermijn, vooraf: Signaaltermijnen, vandaag: date
) -> dict[str, date]:
    """The signals whose deadline is still ahead on `vandaag`. Someone who moves in at month 20
    has no route-change window left to announce; one whose due day already passed, but whose
    deadline has not, is announced at once."""
    nog_open = {
        ROUTEWIJZIGING_VENSTER_SLUIT: termijn.routewijziging_venster_sluit > vandaag,
        VERLENGINGSVENSTER_GEOPEND: termijn.einddatum > vandaag,
        TERMIJN_VERLOOPT: termijn.einddatum > vandaag,
    }
    return {naam: dag for naam, dag in signaaldata(termijn, vooraf).items() if nog_open[naam]}
