"""Whose referrals a statistics view counts, and whether small counts are hidden; no I/O."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from inburgering.referrals.domain.statistiek_errors import StatistiekAlleenVoorLead


class Weergave(StrEnum):
    # A gemeente's own gemeentecodes: never suppressed.
    EIGEN = "eigen"
    # The whole network, for a lead gemeente: suppressed.
    NETWERK = "netwerk"
    # The whole province, for beheer: suppressed.
    PROVINCIE = "provincie"


@dataclass(frozen=True)
class Bereik:
    weergave: Weergave
    # None: every gemeente.
    gemeentecodes: frozenset[str] | None

    @property
    def onderdrukt(self) -> bool:
        return self.weergave is not Weergave.EIGEN


def eigen(gemeentecodes: frozenset[str]) -> Bereik:
    return Bereik(Weergave.EIGEN, gemeentecodes)


def netwerk(gemeentecodes: frozenset[str], leads: Collection[str]) -> Bereik:
    """A regio sees the network's figures only while acting for one of its lead gemeenten."""
    if not gemeentecodes & set(leads):
        raise StatistiekAlleenVoorLead(
            "Deze client handelt niet namens een lead-gemeente van het netwerk."
        )
    return Bereik(Weergave.NETWERK, None)


def provincie() -> Bereik:
    return Bereik(Weergave.PROVINCIE, None)
