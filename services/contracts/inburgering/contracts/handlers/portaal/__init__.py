"""The provider portal: what an aanbieder reports about its own placements, one use case per
module.

Every use case locks the placement within the caller's inzage first (`toegang`), checks the
transition with the domain state machine, and publishes its event in the same transaction.
"""

from inburgering.contracts.handlers.portaal.aanwezigheid import meld_aanwezigheid
from inburgering.contracts.handlers.portaal.acceptatie import accepteer
from inburgering.contracts.handlers.portaal.afronding import rond_af
from inburgering.contracts.handlers.portaal.afwijzing import WijsAf, wijs_af
from inburgering.contracts.handlers.portaal.examenresultaat import (
    Examenresultaat,
    meld_examenresultaat,
)
from inburgering.contracts.handlers.portaal.start import meld_start
from inburgering.contracts.handlers.portaal.uitval import meld_uitval
from inburgering.contracts.handlers.portaal.voortgang import Voortgang, meld_voortgang

__all__ = [
    "Examenresultaat",
    "Voortgang",
    "WijsAf",
    "accepteer",
    "meld_aanwezigheid",
    "meld_examenresultaat",
    "meld_start",
    "meld_uitval",
    "meld_voortgang",
    "rond_af",
    "wijs_af",
]
