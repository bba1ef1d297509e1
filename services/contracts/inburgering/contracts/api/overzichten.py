"""Views for the lead gemeente (rol regio): aggregate figures only, never case files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError

from inburgering.contracts.api.dependencies import regio_inzage
from inburgering.contracts.api.schemas import (
    BenuttingRead,
    BenuttingTijdvak,
    GemeenteAantal,
    UitgavenContract,
    UitgavenEenheid,
    UitgavenRead,
    UitgavenTijdvak,
    WachtlijstRead,
)
from inburgering.contracts.domain.model import PrijsEenheid
from inburgering.contracts.domain.tijdvakken import (
    MAX_TIJDVAKKEN,
    Periodesoort,
    Tijdvak,
    aantal_tijdvakken,
    tijdvakken,
)
from inburgering.contracts.domain.uitgaven import per_prijs_eenheid
from inburgering.contracts.handlers import overzichten, overzichten_per_tijdvak
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/overzichten", tags=["Overzichten centrumgemeente"])

Van = Annotated[date | None, Query(description="Eerste dag van de periode")]
Tot = Annotated[date | None, Query(description="Laatste dag van de periode")]
PeriodeQ = Annotated[
    Periodesoort | None,
    Query(description="Splits de cijfers per maand, kwartaal of jaar; vraagt `van` en `tot`"),
]


def _tijdvakken(periode: Periodesoort | None, van: date | None, tot: date | None) -> list[Tijdvak]:
    """The periods asked for, or a 400 that names every query parameter that is wrong."""
    if periode is None:
        return []
    fouten: list[dict[str, Any]] = [
        {"loc": ("query", naam), "type": "missing", "msg": "Verplicht bij `periode`."}
        for naam, waarde in (("van", van), ("tot", tot))
        if waarde is None
    ]
    if van is not None and tot is not None:
        if van > tot:
            fouten.append(
                {"loc": ("query", "tot"), "type": "voor_van", "msg": "`tot` ligt voor `van`."}
            )
        elif aantal_tijdvakken(periode, van, tot) > MAX_TIJDVAKKEN:
            fouten.append(
                {
                    "loc": ("query", "periode"),
                    "type": "te_veel_perioden",
                    "msg": f"Meer dan {MAX_TIJDVAKKEN} perioden; kies een grotere eenheid.",
                }
            )
    if fouten:
        raise RequestValidationError(fouten)
    assert van is not None and tot is not None
    return tijdvakken(periode, van, tot)


def _aantallen(per_gemeente: dict[str, int]) -> list[GemeenteAantal]:
    return [
        GemeenteAantal(gemeentecode=code, plaatsingen=aantal)
        for code, aantal in sorted(per_gemeente.items())
    ]


def _eenheden(totalen: dict[PrijsEenheid, tuple[Decimal, Decimal]]) -> list[UitgavenEenheid]:
    return [
        UitgavenEenheid(prijs_eenheid=eenheid, eenheden=eenheden, bedrag=bedrag)
        for eenheid, (eenheden, bedrag) in sorted(totalen.items())
    ]


@router.get(
    "/benutting", response_model=list[BenuttingRead], responses=problem_responses(400, 401, 403)
)
async def benutting(
    principal: CurrentPrincipal,
    uow: UowDep,
    van: Van = None,
    tot: Tot = None,
    periode: PeriodeQ = None,
) -> list[BenuttingRead]:
    """Benutting per contract van de samenwerkingsverbanden die de regio trekt, met het aantal
    plaatsingen per gemeente in de periode; met `periode` ook per maand, kwartaal of jaar."""
    inzage = regio_inzage(principal)
    vakken = _tijdvakken(periode, van, tot)
    async with uow:
        rows = await overzichten.benutting(uow, inzage, overzichten.Periode(van, tot))
        per_vak = await overzichten_per_tijdvak.benutting_per_tijdvak(
            uow, [r["id"] for r in rows], vakken
        )
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
            per_gemeente=_aantallen(r["per_gemeente"]),
            per_periode=[
                BenuttingTijdvak(
                    periode=vak.label,
                    van=vak.van,
                    tot=vak.tot,
                    plaatsingen=sum(per_vak[r["id"]][i].values()),
                    per_gemeente=_aantallen(per_vak[r["id"]][i]),
                )
                for i, vak in enumerate(vakken)
            ]
            if periode
            else None,
        )
        for r in rows
    ]


@router.get("/uitgaven", response_model=UitgavenRead, responses=problem_responses(400, 401, 403))
async def uitgaven(
    principal: CurrentPrincipal,
    uow: UowDep,
    van: Van = None,
    tot: Tot = None,
    periode: PeriodeQ = None,
) -> UitgavenRead:
    """Uitgaven per prijseenheid en per contract in de periode: gestarte trajecten, aanwezige
    uren of afgeronde modules maal de afgesproken prijs; met `periode` ook per maand, kwartaal
    of jaar."""
    inzage = regio_inzage(principal)
    vakken = _tijdvakken(periode, van, tot)
    async with uow:
        rows = await overzichten.uitgaven(uow, inzage, overzichten.Periode(van, tot))
        per_vak = await overzichten_per_tijdvak.uitgaven_per_tijdvak(
            uow, [c for c, _ in rows], vakken
        )
    return UitgavenRead(
        per_prijs_eenheid=_eenheden(per_prijs_eenheid(levering for _, levering in rows)),
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
        per_periode=[
            UitgavenTijdvak(
                periode=vak.label,
                van=vak.van,
                tot=vak.tot,
                per_prijs_eenheid=_eenheden(totalen),
                bedrag=sum((bedrag for _, bedrag in totalen.values()), Decimal(0)),
            )
            for vak, totalen in per_vak
        ]
        if periode
        else None,
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
