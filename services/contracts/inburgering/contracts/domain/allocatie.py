"""Which contract a placement goes to: the qualifying contracts, ranked by a configurable policy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from uuid import UUID

from inburgering.contracts.domain.model import Contract, ContractStatus, Samenwerkingsverband
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
        contract.status is ContractStatus.ACTIEF
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
) -> list[Contract]:
    """The qualifying contracts in order of preference; the contract id breaks ties."""
    kandidaten = [c for c in contracten if komt_in_aanmerking(c, aanvraag)]
    if beleid is Allocatiebeleid.MEESTE_VRIJE_PLAATSEN:
        return sorted(kandidaten, key=lambda c: (-c.vrije_plaatsen, c.id))
    return sorted(kandidaten, key=lambda c: (c.bezetting, c.id))


def kies_contract(
    contracten: Iterable[Contract],
    aanvraag: Aanvraag,
    beleid: Allocatiebeleid = Allocatiebeleid.LAAGSTE_BEZETTING,
) -> Contract | None:
    """The preferred contract, or None when no qualifying contract has room."""
    voorkeur = rangschik(contracten, aanvraag, beleid)
    return voorkeur[0] if voorkeur else None


def verantwoordelijk_verband(
    verbanden: Iterable[Samenwerkingsverband], aanvraag: Aanvraag
) -> Samenwerkingsverband | None:
    """The samenwerkingsverband that buys this leerroute for the gemeente, if any."""
    dekkend = [
        v
        for v in verbanden
        if v.dekt(aanvraag.gemeentecode, aanvraag.leerroute, aanvraag.peildatum)
    ]
    return min(dekkend, key=lambda v: v.id) if dekkend else None
