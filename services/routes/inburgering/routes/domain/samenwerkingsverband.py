"""A samenwerkingsverband as the contracts service publishes it, kept here to know whose policy
applies to whom. Contracts decides the membership; routes only reads it.

A verband buys one leerroute for its members, so a region has a verband per leerroute, each with
members of its own. A gemeente is a member from its ingangsdatum until (not on) its einddatum."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from inburgering.routes.domain.errors import BeleidAlleenDoorLead
from inburgering.shared.events.vocabulary import Leerroute


@dataclass(frozen=True)
class Lidmaatschap:
    gemeentecode: str
    ingangsdatum: date
    einddatum: date | None = None

    def geldt_op(self, dag: date) -> bool:
        return self.ingangsdatum <= dag and (self.einddatum is None or dag < self.einddatum)


@dataclass(frozen=True)
class Samenwerkingsverband:
    id: UUID
    naam: str
    leerroute: Leerroute
    lead_gemeentecode: str
    periode_start: date
    periode_eind: date
    versie: int
    lidmaatschappen: tuple[Lidmaatschap, ...] = ()

    def leden_op(self, dag: date) -> tuple[str, ...]:
        leden = {lid.gemeentecode for lid in self.lidmaatschappen if lid.geldt_op(dag)}
        return tuple(sorted(leden))

    def dekt(self, gemeentecode: str, leerroute: Leerroute, dag: date) -> bool:
        """Whether the verband buys this leerroute for the gemeente on that day: the same test
        contracts applies when it places someone, so both services name the same verband."""
        return (
            self.leerroute is leerroute
            and self.periode_start <= dag <= self.periode_eind
            and any(
                lid.gemeentecode == gemeentecode and lid.geldt_op(dag)
                for lid in self.lidmaatschappen
            )
        )


def verantwoordelijk_verband(
    verbanden: Iterable[Samenwerkingsverband], gemeentecode: str, leerroute: Leerroute, dag: date
) -> Samenwerkingsverband | None:
    """The verband that buys the leerroute for the gemeente on that day, if any. Contracts does
    not forbid membership of two verbanden for one leerroute; then, as in contracts' allocation,
    the one with the lowest id counts, so the choice is the same in every process."""
    dekkend = [v for v in verbanden if v.dekt(gemeentecode, leerroute, dag)]
    return min(dekkend, key=lambda v: v.id) if dekkend else None


def vereis_lead(verband: Samenwerkingsverband, namens: Iterable[str]) -> None:
    """The lead gemeente speaks for the verband, as it does in contracts: a member that is not
    the lead may read the verband's policy but not set it."""
    if verband.lead_gemeentecode not in set(namens):
        raise BeleidAlleenDoorLead(
            f"Alleen {verband.lead_gemeentecode} als lead-gemeente stelt het beleid van "
            f"samenwerkingsverband {verband.naam} vast."
        )
