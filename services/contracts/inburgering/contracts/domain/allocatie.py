"""Which contract a placement goes to: the qualifying contracts, ranked by a configurable policy.

Two layers of policy: the service-wide preference order (`Allocatiebeleid`, by occupancy), and the
samenwerkingsverband's own `Toewijzingsbeleid` on top of it: keep that order, rotate, or prefer a
provider teaching in the inburgeraar's gemeente.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from uuid import UUID

from inburgering.contracts.domain.model import (
    Contract,
    Samenwerkingsverband,
    Toewijzingsbeleid,
)
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute


class Allocatiebeleid(StrEnum):
    LAAGSTE_BEZETTING = "laagste-bezetting"
    MEESTE_VRIJE_PLAATSEN = "meeste-vrije-plaatsen"


@dataclass(frozen=True)
class Aanvraag:
    """What a placement request is about; never who the person is."""

    gemeentecode: str
    leerroute: Leerroute
    doelgroep: Doelgroep
    peildatum: date
    # Providers that already rejected this placement are not asked again.
    uitgesloten_aanbieders: frozenset[UUID] = field(default_factory=frozenset)


def komt_in_aanmerking(contract: Contract, aanvraag: Aanvraag) -> bool:
    return (
        contract.status.plaatst
        and contract.leerroute is aanvraag.leerroute
        and contract.periode.omvat(aanvraag.peildatum)
        and contract.doelgroep in (None, aanvraag.doelgroep)
        and contract.samenwerkingsverband.dekt(
            aanvraag.gemeentecode, aanvraag.leerroute, aanvraag.peildatum
        )
        and contract.aanbieder.mag_leveren(aanvraag.leerroute, aanvraag.peildatum)
        and contract.aanbieder.id not in aanvraag.uitgesloten_aanbieders
        and contract.vrije_plaatsen > 0
    )


def rangschik(
    contracten: Iterable[Contract],
    aanvraag: Aanvraag,
    beleid: Allocatiebeleid = Allocatiebeleid.LAAGSTE_BEZETTING,
    toewijzing: Toewijzingsbeleid = Toewijzingsbeleid.VOORKEURSVOLGORDE,
    *,
    laatst_gekozen: UUID | None = None,
) -> list[Contract]:
    """The qualifying contracts in the order they are tried; the contract id breaks ties.

    `laatst_gekozen` is where the rotation stands: the contract it chose last time.
    """
    kandidaten = [c for c in contracten if komt_in_aanmerking(c, aanvraag)]
    if beleid is Allocatiebeleid.MEESTE_VRIJE_PLAATSEN:
        voorkeur = sorted(kandidaten, key=lambda c: (-c.vrije_plaatsen, c.id))
    else:
        voorkeur = sorted(kandidaten, key=lambda c: (c.bezetting, c.id))
    if toewijzing is Toewijzingsbeleid.ROTATIE:
        return roteer(voorkeur, laatst_gekozen)
    if toewijzing is Toewijzingsbeleid.LOCATIE:
        # A stable sort: within each group the preference order stays.
        return sorted(voorkeur, key=lambda c: aanvraag.gemeentecode not in c.aanbieder.locaties)
    return voorkeur


def roteer(contracten: Iterable[Contract], laatst_gekozen: UUID | None) -> list[Contract]:
    """Round robin in contract-id order: the one after the last chosen comes first, the last
    chosen comes last, so each qualifying contract gets its turn."""
    kring = sorted(contracten, key=lambda c: c.id)
    if laatst_gekozen is None:
        return kring
    return [c for c in kring if c.id > laatst_gekozen] + [
        c for c in kring if c.id <= laatst_gekozen
    ]


def kies_contract(
    contracten: Iterable[Contract],
    aanvraag: Aanvraag,
    beleid: Allocatiebeleid = Allocatiebeleid.LAAGSTE_BEZETTING,
    toewijzing: Toewijzingsbeleid = Toewijzingsbeleid.VOORKEURSVOLGORDE,
    *,
    laatst_gekozen: UUID | None = None,
) -> Contract | None:
    """The preferred contract, or None when no qualifying contract has room."""
    voorkeur = rangschik(contracten, aanvraag, beleid, toewijzing, laatst_gekozen=laatst_gekozen)
    return voorkeur[0] if voorkeur else None


def verantwoordelijk_verband(
    verbanden: Iterable[Samenwerkingsverband], aanvraag: Aanvraag
) -> Samenwerkingsverband | None:
    """The samenwerkingsverband that buys this leerroute for the gemeente, if any.

    A gemeente in two verbanden for one leerroute waits on, and is allocated by the policy of,
    the one with the lowest id, so the choice is the same in every process.
    """
    dekkend = [
        v
        for v in verbanden
        if v.dekt(aanvraag.gemeentecode, aanvraag.leerroute, aanvraag.peildatum)
    ]
    return min(dekkend, key=lambda v: v.id) if dekkend else None
