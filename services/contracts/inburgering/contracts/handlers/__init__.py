"""Contracts use cases: the reaction to a decided leerroute and the reads behind the API."""

from inburgering.contracts.handlers.contracten import lijst_contracten
from inburgering.contracts.handlers.plaatsingen import geef_plaatsing, geef_uren, lijst_plaatsingen
from inburgering.contracts.handlers.samenwerkingsverbanden import lijst_samenwerkingsverbanden
from inburgering.contracts.handlers.vraag_plaatsing_aan import (
    VraagPlaatsingAan,
    vraag_plaatsing_aan_op_verzoek,
    when_leerroute_vastgesteld_vraag_plaatsing_aan,
)

__all__ = [
    "VraagPlaatsingAan",
    "geef_plaatsing",
    "geef_uren",
    "lijst_contracten",
    "lijst_plaatsingen",
    "lijst_samenwerkingsverbanden",
    "vraag_plaatsing_aan_op_verzoek",
    "when_leerroute_vastgesteld_vraag_plaatsing_aan",
]
