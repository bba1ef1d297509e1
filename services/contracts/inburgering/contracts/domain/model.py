"""Samenwerkingsverbanden, aanbieders and contracts as the allocation rules see them; no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from uuid import UUID

from inburgering.shared.events.vocabulary import Doelgroep, Leerroute


class KeurmerkStatus(StrEnum):
    """Blik op Werk Keurmerk Inburgeren ([Wi] 16.3, 32; [Bi] 8.2)."""

    GELDIG = "geldig"
    GESCHORST = "geschorst"
    INGETROKKEN = "ingetrokken"


class ContractStatus(StrEnum):
    """A contract's lifecycle: agreed but not in force (concept), in force (actief), in force
    after an extension option was used (verlengd), paused (opgeschort), ended (beeindigd)."""

    CONCEPT = "concept"
    ACTIEF = "actief"
    VERLENGD = "verlengd"
    OPGESCHORT = "opgeschort"
    BEEINDIGD = "beeindigd"

    @property
    def plaatst(self) -> bool:
        """Whether new placements may go to a contract in this state."""
        return self in (ContractStatus.ACTIEF, ContractStatus.VERLENGD)


# The status changes a PATCH may make; `verlengd` comes only from using an extension option.
CONTRACT_OVERGANGEN: dict[ContractStatus, frozenset[ContractStatus]] = {
    ContractStatus.CONCEPT: frozenset({ContractStatus.ACTIEF, ContractStatus.BEEINDIGD}),
    ContractStatus.ACTIEF: frozenset({ContractStatus.OPGESCHORT, ContractStatus.BEEINDIGD}),
    ContractStatus.VERLENGD: frozenset({ContractStatus.OPGESCHORT, ContractStatus.BEEINDIGD}),
    ContractStatus.OPGESCHORT: frozenset({ContractStatus.ACTIEF, ContractStatus.BEEINDIGD}),
    ContractStatus.BEEINDIGD: frozenset(),
}


class PrijsEenheid(StrEnum):
    TRAJECT = "traject"
    UUR = "uur"
    MODULE = "module"


class PlaatsingStatus(StrEnum):
    WACHTLIJST = "wachtlijst"
    AANGEVRAAGD = "aangevraagd"
    GEACCEPTEERD = "geaccepteerd"
    GESTART = "gestart"
    AFGEROND = "afgerond"
    UITGEVALLEN = "uitgevallen"
    # Ended by the gemeente side, e.g. because the leerroute changed: before the start
    # (ingetrokken, the place is freed) or during the course (beeindigd).
    INGETROKKEN = "ingetrokken"
    BEEINDIGD = "beeindigd"


# Statuses in which a placement holds no place of a contract's capacity.
ZONDER_PLAATS = frozenset({PlaatsingStatus.WACHTLIJST, PlaatsingStatus.INGETROKKEN})


class EindeReden(StrEnum):
    """Why the gemeente side ended a placement (ingetrokken or beeindigd)."""

    LEERROUTE_GEWIJZIGD = "leerroute-gewijzigd"


class Toewijzingsbeleid(StrEnum):
    """How a samenwerkingsverband picks among its qualifying contracts."""

    VOORKEURSVOLGORDE = "voorkeursvolgorde"
    ROTATIE = "rotatie"
    LOCATIE = "locatie"


class Aanleiding(StrEnum):
    """Why a placement exists: the gemeente must offer asielstatushouders a course ([Wi] 16.1);
    for a gezinsmigrant it only arranges one on request."""

    LEERROUTE_VASTGESTELD = "leerroute-vastgesteld"
    VERZOEK_GEMEENTE = "verzoek-gemeente"
    # The leerroute changed and the gemeente must still offer a course on the new one.
    LEERROUTE_GEWIJZIGD = "leerroute-gewijzigd"


def mag_op_verzoek_geplaatst_worden(doelgroep: Doelgroep) -> bool:
    """Asielstatushouders are placed automatically from the leerroute decision; a gezinsmigrant
    pays and chooses, but the gemeente may still arrange the course."""
    return doelgroep is Doelgroep.GEZINSMIGRANT


def plaatst_automatisch(doelgroep: Doelgroep) -> bool:
    return doelgroep is Doelgroep.ASIELSTATUSHOUDER


@dataclass(frozen=True)
class Periode:
    start: date
    eind: date

    def omvat(self, dag: date) -> bool:
        return self.start <= dag <= self.eind


@dataclass(frozen=True)
class Aanbieder:
    id: UUID
    kvk: str
    # None: no keurmerk at all, as for a taalschakel institution under the Inspectie.
    keurmerk_status: KeurmerkStatus | None
    keurmerk_geldig_tot: date | None
    taalschakel: bool
    # CBS codes of the gemeenten where the provider teaches.
    locaties: frozenset[str] = frozenset()

    def heeft_geldig_keurmerk(self, peildatum: date) -> bool:
        if self.keurmerk_status is not KeurmerkStatus.GELDIG:
            return False
        return self.keurmerk_geldig_tot is None or peildatum <= self.keurmerk_geldig_tot

    def mag_leveren(self, leerroute: Leerroute, peildatum: date) -> bool:
        # The onderwijsroute is a taalschakeltraject under Inspectie oversight, outside the
        # keurmerk ([Wi] 8.2); B1- and Z-route courses need a valid keurmerk ([Wi] 16.3).
        if leerroute is Leerroute.ONDERWIJSROUTE:
            return self.taalschakel
        return self.heeft_geldig_keurmerk(peildatum)

    def is_erkend(self, peildatum: date) -> bool:
        """Hours count as course hours at a recognised institution: keurmerk or taalschakel."""
        return self.taalschakel or self.heeft_geldig_keurmerk(peildatum)


@dataclass(frozen=True)
class Samenwerkingsverband:
    id: UUID
    leerroute: Leerroute
    lead_gemeentecode: str
    leden: frozenset[str]
    periode: Periode
    toewijzingsbeleid: Toewijzingsbeleid = Toewijzingsbeleid.VOORKEURSVOLGORDE

    def dekt(self, gemeentecode: str, leerroute: Leerroute, peildatum: date) -> bool:
        return (
            self.leerroute is leerroute
            and gemeentecode in self.leden
            and self.periode.omvat(peildatum)
        )


@dataclass(frozen=True)
class Contract:
    id: UUID
    samenwerkingsverband: Samenwerkingsverband
    aanbieder: Aanbieder
    leerroute: Leerroute
    # None: the lot is open to every doelgroep.
    doelgroep: Doelgroep | None
    capaciteit: int
    geplaatst: int
    status: ContractStatus
    periode: Periode

    @property
    def vrije_plaatsen(self) -> int:
        return max(self.capaciteit - self.geplaatst, 0)

    @property
    def bezetting(self) -> Fraction:
        return Fraction(self.geplaatst, self.capaciteit) if self.capaciteit > 0 else Fraction(1)
