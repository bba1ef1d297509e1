"""Referral statistics: counts only, never a referral. A gemeente sees its own figures as they
are; a lead gemeente of the network and beheer see the network with small counts hidden
(domain/onderdrukking.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from inburgering.referrals.api.statistiek_schemas import (
    StatistiekAantal,
    StatistiekCel,
    StatistiekInstelling,
    StatistiekOpleiding,
    StatistiekStatus,
    VerwijzingenStatistiekRead,
)
from inburgering.referrals.domain import statistiek, verwijzingstatistiek
from inburgering.referrals.handlers import statistiek as tellingen
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep
from inburgering.shared.statistiek.onderdrukking import Cijfer

router = APIRouter(prefix="/statistieken", tags=["Statistieken"])


def _aantal(cijfer: Cijfer) -> dict[str, Any]:
    return {"aantal": cijfer.aantal, "onderdrukt": cijfer.onderdrukt}


def _naam_eerst(naam: str | None) -> tuple[bool, str]:
    return (naam is None, naam or "")


@router.get(
    "/verwijzingen",
    response_model=VerwijzingenStatistiekRead,
    responses=problem_responses(400, 401, 403),
)
async def verwijzingen(principal: CurrentPrincipal, uow: UowDep) -> VerwijzingenStatistiekRead:
    """Aantallen verwijzingen per instelling, opleiding (van de huidige poging) en status. Een
    gemeente ziet haar eigen cijfers volledig; een lead-gemeente van het netwerk (rol regio) en
    beheer zien het hele netwerk, met aantallen van 1 tot en met 4 onderdrukt."""
    principal.require(Rol.GEMEENTE, Rol.REGIO, Rol.BEHEER)
    async with uow:
        if principal.rol is Rol.GEMEENTE:
            bereik = statistiek.eigen(principal.gemeentecodes)
        elif principal.rol is Rol.REGIO:
            bereik = statistiek.netwerk(
                principal.gemeentecodes, await tellingen.lead_gemeenten(uow)
            )
        else:
            bereik = statistiek.provincie()
        groepen = await tellingen.tel_verwijzingen(uow, bereik)
        instellingen, opleidingen = await tellingen.catalogus(uow)
    t = verwijzingstatistiek.tabellen(
        groepen,
        {o: i for o, (i, _) in opleidingen.items()},
        instellingen,
        onderdrukken=bereik.onderdrukt,
    )
    return VerwijzingenStatistiekRead(
        weergave=bereik.weergave,
        kleine_aantallen_onderdrukt=bereik.onderdrukt,
        totaal=StatistiekAantal(**_aantal(t.totaal)),
        per_instelling=sorted(
            (
                StatistiekInstelling(instelling_id=i, naam=instellingen.get(i), **_aantal(c))
                for i, c in t.per_instelling.items()
            ),
            key=lambda rij: _naam_eerst(rij.naam),
        ),
        per_opleiding=sorted(
            (
                StatistiekOpleiding(
                    opleiding_id=o,
                    instelling_id=opleidingen[o][0] if o in opleidingen else None,
                    naam=opleidingen[o][1] if o in opleidingen else None,
                    **_aantal(c),
                )
                for o, c in t.per_opleiding.items()
            ),
            key=lambda rij: (
                *_naam_eerst(instellingen.get(rij.instelling_id)),
                *_naam_eerst(rij.naam),
            ),
        ),
        per_status=[StatistiekStatus(status=s, **_aantal(c)) for s, c in t.per_status.items()],
        cellen=None
        if t.cellen is None
        else [
            StatistiekCel(
                instelling_id=cel.instelling_id,
                opleiding_id=cel.opleiding_id,
                status=cel.status,
                aantal=cel.aantal,
            )
            for cel in t.cellen
        ],
    )
