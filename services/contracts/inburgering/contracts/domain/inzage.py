"""Whose placements and contracts a caller may see.

A gemeente sees its own placements; a regio (centrumgemeente) the contracts of the
samenwerkingsverbanden it leads, not other gemeenten's placements; an aanbieder only its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GemeenteInzage:
    gemeentecodes: frozenset[str]


@dataclass(frozen=True)
class RegioInzage:
    lead_gemeentecodes: frozenset[str]


@dataclass(frozen=True)
class AanbiederInzage:
    kvk: str


@dataclass(frozen=True)
class BeheerInzage:
    """Functional management of the platform: every aanbieder."""
