"""Who is calling, in which role, and for which tenants."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from inburgering.shared.http.problems import Forbidden


class Rol(StrEnum):
    GEMEENTE = "gemeente"
    REGIO = "regio"
    AANBIEDER = "aanbieder"
    INSTELLING = "instelling"
    BEHEER = "beheer"
    DUO = "duo"


@dataclass(frozen=True)
class Principal:
    """The verified caller: a role plus the tenant scope the token grants."""

    subject: str
    rol: Rol
    gemeentecodes: frozenset[str] = field(default_factory=frozenset)
    kvk: str | None = None
    instelling: str | None = None
    # Extra permissions granted by boolean claims, e.g. `gezondheid` for health data ([Bi] 9.11).
    permissions: frozenset[str] = field(default_factory=frozenset)

    def require(self, *roles: Rol) -> None:
        if self.rol not in roles:
            raise Forbidden(f"De rol '{self.rol}' mag dit niet.")

    def acts_for(self, gemeentecode: str) -> bool:
        return self.rol in (Rol.GEMEENTE, Rol.REGIO) and gemeentecode in self.gemeentecodes

    def require_gemeente(self, gemeentecode: str) -> None:
        """A gemeente acts only for its own gemeentecodes."""
        self.require(Rol.GEMEENTE)
        if gemeentecode not in self.gemeentecodes:
            raise Forbidden(f"Deze client handelt niet namens {gemeentecode}.")
