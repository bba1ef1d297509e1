"""Who manages the network: beheer always; a regio only while acting for a lead gemeente."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from inburgering.referrals.domain.errors import GeenLeadGemeente, LaatsteLeadGemeente


@dataclass(frozen=True)
class Netwerkbeheerder:
    """The caller managing the network; `gemeentecodes` is None for beheer (platform-wide)."""

    gemeentecodes: frozenset[str] | None

    @property
    def is_beheer(self) -> bool:
        return self.gemeentecodes is None


def vereis_lead(beheerder: Netwerkbeheerder, leads: Collection[str]) -> None:
    """A regio manages the network only for a gemeente that leads it."""
    if beheerder.gemeentecodes is not None and not beheerder.gemeentecodes & set(leads):
        raise GeenLeadGemeente("Deze client handelt niet namens een lead-gemeente van het netwerk.")


def vereis_beheer_voor_lead(beheerder: Netwerkbeheerder, lead: bool) -> None:
    """Appointing a lead is a decision of the cooperation, recorded by beheer, not by a lead."""
    if lead and not beheerder.is_beheer:
        raise GeenLeadGemeente("Alleen beheer wijst een lead-gemeente aan.")


def vereis_overblijvende_lead(verwijderd: str, leads: Collection[str]) -> None:
    """The network always keeps a lead, or nobody but beheer could manage it any more."""
    if set(leads) == {verwijderd}:
        raise LaatsteLeadGemeente(f"{verwijderd} is de laatste lead-gemeente van het netwerk.")
