"""The statistics' vocabulary: whose figures a view counts, where a person stands in the
pipeline, the cohort of the first PIP, and the median duration. No I/O."""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inburgering.contracts.domain.tijdvakken import Periodesoort, tijdvakken
from inburgering.shared.statistiek.onderdrukking import DREMPEL, Cijfer


class Weergave(StrEnum):
    # A gemeente's own gemeentecodes: never suppressed.
    EIGEN = "eigen"
    # The members of a samenwerkingsverband, for its lead gemeente (or beheer): suppressed.
    SAMENWERKINGSVERBAND = "samenwerkingsverband"
    # Every gemeente, for beheer: suppressed.
    PROVINCIE = "provincie"


@dataclass(frozen=True)
class Bereik:
    """Whose figures a view counts."""

    weergave: Weergave
    # None: every gemeente (the province view).
    gemeentecodes: frozenset[str] | None
    samenwerkingsverband_id: uuid.UUID | None = None
    peildatum: date | None = None

    @property
    def onderdrukt(self) -> bool:
        """Small cells are hidden in every view that crosses gemeenten."""
        return self.weergave is not Weergave.EIGEN


class PijplijnStatus(StrEnum):
    """How far an inburgeraar has come, in the order the stages are reached."""

    AANGEMELD = "aangemeld"
    INTAKE_AFGEROND = "intake-afgerond"
    GEADVISEERD = "geadviseerd"
    LEERROUTE_VASTGESTELD = "leerroute-vastgesteld"
    PIP_VASTGESTELD = "pip-vastgesteld"
    VOLDAAN = "voldaan"
    BEEINDIGD = "beeindigd"


@dataclass(frozen=True)
class Pijplijnstand:
    """Which stages of a person's pipeline row are filled in."""

    afsluiting: str | None
    pip_vastgesteld: bool
    leerroute_vastgesteld: bool
    geadviseerd: bool
    intake_afgerond: bool


def status(stand: Pijplijnstand) -> PijplijnStatus:
    """The furthest stage reached. Events arrive in any order, so a later stage counts even when
    an earlier one was never heard of; the end of the obligation outranks everything."""
    if stand.afsluiting is not None:
        return PijplijnStatus(stand.afsluiting)
    if stand.pip_vastgesteld:
        return PijplijnStatus.PIP_VASTGESTELD
    if stand.leerroute_vastgesteld:
        return PijplijnStatus.LEERROUTE_VASTGESTELD
    if stand.geadviseerd:
        return PijplijnStatus.GEADVISEERD
    if stand.intake_afgerond:
        return PijplijnStatus.INTAKE_AFGEROND
    return PijplijnStatus.AANGEMELD


class Cohortperiode(StrEnum):
    MAAND = "maand"
    KWARTAAL = "kwartaal"


def cohort(eerste_pip_op: date | None, periode: Cohortperiode) -> str | None:
    """The month ("2026-03") or quarter ("2026-K1") of the first PIP; None without one."""
    if eerste_pip_op is None:
        return None
    return tijdvakken(Periodesoort(periode), eerste_pip_op, eerste_pip_op)[0].label


@dataclass(frozen=True)
class Mediaan:
    dagen: float | None
    onderdrukt: bool


def mediaan(duren: Sequence[int], aantal: Cijfer, *, onderdrukken: bool) -> Mediaan:
    """The median over fewer than DREMPEL durations is hidden across gemeenten, and so is any
    median whose count is hidden: it would tell that count is at least DREMPEL."""
    if onderdrukken and (aantal.onderdrukt or 0 < len(duren) < DREMPEL):
        return Mediaan(None, True)
    if not duren:
        return Mediaan(None, False)
    return Mediaan(float(statistics.median(duren)), False)
