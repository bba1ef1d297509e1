"""Views for the lead gemeente (rol regio): aggregate figures only, never case files."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from inburgering.contracts.api.dependencies import regio_inzage
from inburgering.contracts.api.schemas import (
    BenuttingRead,
    GemeenteAantal,
    UitgavenContract,
    UitgavenEenheid,
    UitgavenRead,
    WachtlijstRead,
)
from inburgering.contracts.domain.uitgaven import per_prijs_eenheid
from inburgering.contracts.handlers import overzichten
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/overzichten", tags=["Overzichten centrumgemeente"])

Van = Annotated[date | None, Query(description="Eerste dag van de periode")]
Tot = Annotated[date | None, Query(description="Laatste dag van de periode")]


@router.get(
    "/benutting", response_model=list[BenuttingRead], responses=problem_responses(400, 401, 403)
)
async def benutting(
    principal: CurrentPrincipal, uow: UowDep, van: Van = None, tot: Tot = None
) -> list[BenuttingRead]:
    """Benutting per contract van de samenwerkingsverbanden die de regio trekt, met het aantal
    plaatsingen per gemeente in de periode."""
    inzage = regio_inzage(principal)
    async with uow:
        rows = await overzichten.benutting(uow, inzage, overzichten.Periode(van, tot))
    return [
        BenuttingRead(
            contract_id=r["id"],
            samenwerkingsverband_id=r["samenwerkingsverband_id"],
            aanbieder_kvk=r["aanbieder_kvk"],
            leerroute=r["leerroute"],
            capaciteit=r["capaciteit"],
            geplaatst=r["geplaatst"],
            bezetting_procent=round(100 * r["geplaatst"] / r["capaciteit"], 1)
            if r["capaciteit"]
            else 100.0,
            plaatsingen_in_periode=sum(r["per_gemeente"].values()),
            per_gemeente=[
                GemeenteAantal(gemeentecode=code, plaatsingen=aantal)
                for code, aantal in sorted(r["per_gemeente"].items())
            ],
        )
        for r in rows
    ]


@router.get("/uitgaven", response_model=UitgavenRead, responses=problem_responses(400, 401, 403))
async def uitgaven(
    principal: CurrentPrincipal, uow: UowDep, van: Van = None, tot: Tot = None
) -> UitgavenRead:
    """Uitgaven per prijseenheid en per contract in de periode: gestarte trajecten, aanwezige
    uren of afgeronde modules maal de afgesproken prijs."""
    inzage = regio_inzage(principal)
    async with uow:
        rows = await overzichten.uitgaven(uow, inzage, overzichten.Periode(van, tot))
    totalen = per_prijs_eenheid(levering for _, levering in rows)
    return UitgavenRead(
        per_prijs_eenheid=[
            UitgavenEenheid(prijs_eenheid=eenheid, eenheden=eenheden, bedrag=bedrag)
            for eenheid, (eenheden, bedrag) in sorted(totalen.items())
        ],
        per_contract=[
            UitgavenContract(
                contract_id=c["id"],
                aanbieder_kvk=c["aanbieder_kvk"],
                leerroute=c["leerroute"],
                prijs_eenheid=levering.prijs_eenheid,
                prijs_bedrag=levering.prijs_bedrag,
                eenheden=levering.eenheden,
                bedrag=levering.bedrag,
            )
            for c, levering in rows
        ],
    )


@router.get(
    "/wachtlijst", response_model=list[WachtlijstRead], responses=problem_responses(400, 401, 403)
)
async def wachtlijst(principal: CurrentPrincipal, uow: UowDep) -> list[WachtlijstRead]:
    """Wachtende plaatsingen per samenwerkingsverband, gemeente en leerroute (aantallen)."""
    inzage = regio_inzage(principal)
    async with uow:
        rows = await overzichten.wachtlijst(uow, inzage)
    return [
        WachtlijstRead(
            samenwerkingsverband_id=r["samenwerkingsverband_id"],
            gemeentecode=r["gemeentecode"],
            leerroute=r["leerroute"],
            aantal=r["aantal"],
            langst_wachtend_sinds=r["wachtend_sinds"],
        )
        for r in rows
    ]
