"""A contract change makes a new version of its terms; the rules a change must keep. No I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from inburgering.contracts.domain.errors import (
    CapaciteitOnderBezetting,
    OngeldigContract,
    OngeldigeWijziging,
)
from inburgering.contracts.domain.model import (
    CONTRACT_OVERGANGEN,
    ContractStatus,
    Periode,
    PrijsEenheid,
)


@dataclass(frozen=True)
class Voorwaarden:
    capaciteit: int
    prijs_eenheid: PrijsEenheid
    prijs_bedrag: Decimal | None
    status: ContractStatus
    periode: Periode
    verlengingsopties: int
    # Capacity reserved per member gemeente; empty when the capacity is shared freely.
    aandelen: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Wijziging:
    """Only the given terms change."""

    capaciteit: int | None = None
    prijs_bedrag: Decimal | None = None
    status: ContractStatus | None = None
    periode_eind: date | None = None
    verlengingsopties: int | None = None
    aandelen: Mapping[str, int] | None = None
    # Use one extension option: the contract runs until this day and is then `verlengd`.
    verlengen_tot: date | None = None


@dataclass(frozen=True)
class Bezetting:
    geplaatst: int
    per_gemeente: Mapping[str, int]
    leden: frozenset[str]


def _verleng(huidig: Voorwaarden, w: Wijziging) -> Wijziging:
    """An extension as the plain changes it makes; refused without an option left, on a
    contract not in force, or when it does not lengthen the period."""
    assert w.verlengen_tot is not None
    if w.status is not None or w.periode_eind is not None or w.verlengingsopties is not None:
        raise OngeldigeWijziging(
            "Verlengen gaat alleen samen met capaciteit, prijs en aandelen, niet met status, "
            "einddatum of opties."
        )
    if not huidig.status.plaatst:
        raise OngeldigeWijziging(f"Een contract met status {huidig.status} wordt niet verlengd.")
    if huidig.verlengingsopties < 1:
        raise OngeldigeWijziging("Dit contract heeft geen verlengingsoptie meer.")
    if w.verlengen_tot <= huidig.periode.eind:
        raise OngeldigeWijziging(
            f"Een verlenging loopt tot na de huidige einddatum {huidig.periode.eind}."
        )
    return replace(
        w,
        verlengen_tot=None,
        status=ContractStatus.VERLENGD,
        periode_eind=w.verlengen_tot,
        verlengingsopties=huidig.verlengingsopties - 1,
    )


def nieuwe_voorwaarden(huidig: Voorwaarden, w: Wijziging, bezetting: Bezetting) -> Voorwaarden:
    if w.verlengen_tot is not None:
        w = _verleng(huidig, w)
    elif w.status is not None and w.status != huidig.status:
        toegestaan = CONTRACT_OVERGANGEN[huidig.status]
        if w.status not in toegestaan:
            raise OngeldigeWijziging(
                f"Van {huidig.status} naar {w.status} kan niet; wel naar: "
                + (", ".join(sorted(toegestaan)) or "niets (het contract is beëindigd)")
                + ". Verlengen gaat met `verlengenTot`."
            )
    nieuw = replace(
        huidig,
        capaciteit=huidig.capaciteit if w.capaciteit is None else w.capaciteit,
        prijs_bedrag=huidig.prijs_bedrag if w.prijs_bedrag is None else w.prijs_bedrag,
        status=w.status or huidig.status,
        periode=Periode(huidig.periode.start, w.periode_eind or huidig.periode.eind),
        verlengingsopties=(
            huidig.verlengingsopties if w.verlengingsopties is None else w.verlengingsopties
        ),
        aandelen=huidig.aandelen if w.aandelen is None else dict(w.aandelen),
    )
    if nieuw == huidig:
        raise OngeldigeWijziging("De wijziging verandert niets aan het contract.")
    if nieuw.periode.eind < nieuw.periode.start:
        raise OngeldigeWijziging("Het contract kan niet eindigen voor het begint.")
    # Taken places stay taken: a contract never shrinks below what it already placed.
    if nieuw.capaciteit < bezetting.geplaatst:
        raise CapaciteitOnderBezetting(
            f"Er zijn al {bezetting.geplaatst} trajecten geplaatst; "
            f"capaciteit {nieuw.capaciteit} is te laag."
        )
    buiten = set(nieuw.aandelen) - bezetting.leden
    if buiten:
        raise OngeldigeWijziging(
            f"Alleen leden van het samenwerkingsverband krijgen een aandeel: {sorted(buiten)}."
        )
    if sum(nieuw.aandelen.values()) > nieuw.capaciteit:
        raise OngeldigeWijziging("De aandelen samen zijn groter dan de capaciteit.")
    for code, aandeel in nieuw.aandelen.items():
        if aandeel < bezetting.per_gemeente.get(code, 0):
            raise CapaciteitOnderBezetting(
                f"{code} heeft al {bezetting.per_gemeente[code]} plaatsingen op dit contract."
            )
    return nieuw


def eerste_voorwaarden(v: Voorwaarden, leden: frozenset[str]) -> Voorwaarden:
    """The terms a new contract starts with: a period that runs forward, shares only for
    current members, and no more shared out than there is."""
    if v.periode.eind < v.periode.start:
        raise OngeldigContract("Het contract kan niet eindigen voor het begint.")
    if v.status not in (ContractStatus.CONCEPT, ContractStatus.ACTIEF):
        raise OngeldigContract(f"Een nieuw contract is concept of actief, niet {v.status}.")
    buiten = set(v.aandelen) - leden
    if buiten:
        raise OngeldigContract(
            f"Alleen leden van het samenwerkingsverband krijgen een aandeel: {sorted(buiten)}."
        )
    if sum(v.aandelen.values()) > v.capaciteit:
        raise OngeldigContract("De aandelen samen zijn groter dan de capaciteit.")
    return v
