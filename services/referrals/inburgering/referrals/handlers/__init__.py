"""Referral use cases, one module per actor: the reaction to routes, gemeente, instelling, reads."""

from inburgering.referrals.handlers.aanmaken import (
    MaakVerwijzing,
    maak_verwijzing,
    when_leerroute_vastgesteld_maak_verwijzing,
)
from inburgering.referrals.handlers.inburgeraars import when_leerroute_gewijzigd_werk_leerroute_bij

__all__ = [
    "MaakVerwijzing",
    "maak_verwijzing",
    "when_leerroute_gewijzigd_werk_leerroute_bij",
    "when_leerroute_vastgesteld_maak_verwijzing",
]
