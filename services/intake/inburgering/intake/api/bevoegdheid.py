"""Claim-based permissions on top of the role: who may process health data ([Bi] art. 9.11)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from inburgering.intake.domain.brede_intake import Verwerker
from inburgering.shared.auth import CurrentPrincipal, Principal, Rol

GEZONDHEID_CLAIM = "gezondheid"


def _gezondheid_bevoegd(principal: CurrentPrincipal) -> bool:
    """A gemeente token with `"gezondheid": true`: given only to staff who need it for the task."""
    return principal.rol is Rol.GEMEENTE and GEZONDHEID_CLAIM in principal.permissions


GezondheidBevoegd = Annotated[bool, Depends(_gezondheid_bevoegd)]


def verwerker(principal: Principal) -> Verwerker:
    return Verwerker(actor=principal.subject, rol=str(principal.rol))
