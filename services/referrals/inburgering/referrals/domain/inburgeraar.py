"""What this service knows of an inburgeraar: the gemeente and the leerroute routes decided."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from inburgering.referrals.domain.errors import LeerrouteWijktAf
from inburgering.shared.events.vocabulary import Leerroute, Opleidingsniveau
from inburgering.shared.http.problems import InvalidParam


@dataclass(frozen=True)
class BekendeInburgeraar:
    inburgeraar_id: uuid.UUID
    gemeentecode: str
    leerroute: Leerroute
    opleidingsniveau: Opleidingsniveau | None


def leerroute_voor_verwijzing(bekend: BekendeInburgeraar, opgegeven: Leerroute | None) -> Leerroute:
    """The referral starts from the leerroute the person follows. Routes decides it, so a
    different one in a request is a mistake to point out, not a change to make here."""
    if opgegeven is not None and opgegeven is not bekend.leerroute:
        raise LeerrouteWijktAf(
            f"De opgegeven leerroute ({opgegeven}) wijkt af van de vastgestelde leerroute "
            f"({bekend.leerroute}); laat `leerroute` weg of geef de vastgestelde.",
            [
                InvalidParam(
                    name="body.leerroute",
                    code="leerroute-wijkt-af",
                    reason=f"De vastgestelde leerroute is '{bekend.leerroute}'.",
                )
            ],
        )
    return bekend.leerroute
