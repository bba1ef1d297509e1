"""Who is a candidate for a referral towards hbo/wo (domain.md §5)."""

from __future__ import annotations

from collections.abc import Container

from inburgering.shared.events.referrals import Onderwijsniveau
from inburgering.shared.events.routes import LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Ambitie, Leerroute

_NIVEAU_PER_AMBITIE = {Ambitie.HBO: Onderwijsniveau.HBO, Ambitie.WO: Onderwijsniveau.WO}


def verwijzingsniveau(
    besluit: LeerrouteVastgesteld, netwerkgemeenten: Container[str]
) -> Onderwijsniveau | None:
    """The level to refer to, or None when this leerroute decision leads to no referral.

    Only the onderwijsroute prepares for education; an mbo ambition lies outside this hbo/wo
    network; and a gemeente outside the provincial network has no arrangement with its
    institutions to refer anyone to.
    """
    if besluit.leerroute is not Leerroute.ONDERWIJSROUTE:
        return None
    niveau = _NIVEAU_PER_AMBITIE.get(besluit.ambitie)
    if niveau is None or besluit.gemeentecode not in netwerkgemeenten:
        return None
    return niveau
