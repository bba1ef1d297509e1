"""What each kind of gebeurtenis changes for the inburgeraar, and which events it publishes;
one module per group of gebeurtenissen."""

from inburgering.intake.usecases.toepassen.basis import Parkeren, Uitkomst, Verwerking
from inburgering.intake.usecases.toepassen.plicht import (
    alleen_vastleggen,
    doelgroep_gewijzigd,
    plicht_beeindigd,
    plicht_voldaan,
    verzoek_beoordeeld,
)
from inburgering.intake.usecases.toepassen.registratie import gevestigd, nieuwe_plichtige
from inburgering.intake.usecases.toepassen.termijn import termijn_gestart, termijn_gewijzigd
from inburgering.intake.usecases.toepassen.toetsen import examenuitslag, lbt_uitslag

__all__ = [
    "Parkeren",
    "Uitkomst",
    "Verwerking",
    "alleen_vastleggen",
    "doelgroep_gewijzigd",
    "examenuitslag",
    "gevestigd",
    "lbt_uitslag",
    "nieuwe_plichtige",
    "plicht_beeindigd",
    "plicht_voldaan",
    "termijn_gestart",
    "termijn_gewijzigd",
    "verzoek_beoordeeld",
]
