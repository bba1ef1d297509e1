"""Membership of a samenwerkingsverband over time: who may join when, and how it ends. No I/O.

A gemeente is a member from its ingangsdatum until (not on) its einddatum. Rows are never
removed, so the question "was this gemeente a member on that day" always has an answer; a
gemeente that left and joins again gets a second membership."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inburgering.contracts.domain.errors import (
    GeenLopendLidmaatschap,
    LidmaatschapOverlapt,
    OngeldigLidmaatschap,
)
from inburgering.contracts.domain.model import Periode


class LidRol(StrEnum):
    """What a gemeente does in the verband (domain.md 9.1 "Regional structures")."""

    INKOOP = "inkoop"
    CONTRACTBEHEER = "contractbeheer"
    UITVOERING = "uitvoering"


@dataclass(frozen=True)
class Lidmaatschap:
    gemeentecode: str
    ingangsdatum: date
    einddatum: date | None
    rollen: frozenset[LidRol]

    def geldt_op(self, dag: date) -> bool:
        return self.ingangsdatum <= dag and (self.einddatum is None or dag < self.einddatum)

    def overlapt(self, ander: Lidmaatschap) -> bool:
        eerst_eind = self.einddatum or date.max
        ander_eind = ander.einddatum or date.max
        return self.ingangsdatum < ander_eind and ander.ingangsdatum < eerst_eind


def leden_op(lidmaatschappen: Iterable[Lidmaatschap], dag: date) -> frozenset[str]:
    return frozenset(lid.gemeentecode for lid in lidmaatschappen if lid.geldt_op(dag))


def nieuw_lid(
    bestaande: Sequence[Lidmaatschap], nieuw: Lidmaatschap, periode: Periode
) -> Lidmaatschap:
    """The new membership, if it starts within the verband's period and overlaps none of the
    same gemeente's memberships."""
    if not periode.omvat(nieuw.ingangsdatum):
        raise OngeldigLidmaatschap(
            f"De ingangsdatum {nieuw.ingangsdatum} ligt buiten de looptijd van het "
            f"samenwerkingsverband ({periode.start} tot en met {periode.eind})."
        )
    if nieuw.einddatum is not None and nieuw.einddatum <= nieuw.ingangsdatum:
        raise OngeldigLidmaatschap("Een lidmaatschap eindigt na zijn ingangsdatum.")
    for lid in bestaande:
        if lid.gemeentecode == nieuw.gemeentecode and lid.overlapt(nieuw):
            raise LidmaatschapOverlapt(
                f"{nieuw.gemeentecode} is al lid vanaf {lid.ingangsdatum}"
                + (f" tot {lid.einddatum}" if lid.einddatum else "")
                + "; beëindig dat lidmaatschap eerst."
            )
    return nieuw


def beeindig(bestaande: Sequence[Lidmaatschap], gemeentecode: str, einddatum: date) -> Lidmaatschap:
    """The gemeente's open membership, ended on einddatum. Its running placements stay: the
    verband no longer places for it from that day."""
    open_ = [lid for lid in bestaande if lid.gemeentecode == gemeentecode and lid.einddatum is None]
    if not open_:
        raise GeenLopendLidmaatschap(
            f"{gemeentecode} heeft geen lopend lidmaatschap van dit samenwerkingsverband."
        )
    [lid] = open_
    if einddatum <= lid.ingangsdatum:
        raise OngeldigLidmaatschap(
            f"Het lidmaatschap van {gemeentecode} begon op {lid.ingangsdatum}; het kan pas "
            "daarna eindigen."
        )
    return Lidmaatschap(lid.gemeentecode, lid.ingangsdatum, einddatum, lid.rollen)
