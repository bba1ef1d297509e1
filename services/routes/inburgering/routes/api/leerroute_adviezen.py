from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query
from sqlalchemy.engine import RowMapping

from inburgering.routes.api.dependencies import NuDep
from inburgering.routes.api.schemas import (
    AfschalingCreate,
    BeleidRead,
    LeerrouteAdviesRead,
    TermijnSamenvatting,
    VaststellingCreate,
    WijzigingCreate,
    WijzigingRead,
)
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.domain.taal import taalniveaus
from inburgering.routes.handlers import adviezen, wijzigen
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/leerroute-adviezen", tags=["Leerrouteadviezen"])


def _read(row: RowMapping) -> LeerrouteAdviesRead:
    termijn = None
    if row["termijn_start_date"] is not None:
        termijn = TermijnSamenvatting(
            startdatum=row["termijn_start_date"],
            einddatum=row["termijn_eind_date"],
            routewijziging_venster_sluit=row["routewijziging_sluit_date"],
            verlengingsvenster_opent=row["verlengingsvenster_open_date"],
        )
    return LeerrouteAdviesRead(
        id=row["id"],
        inburgeraar_id=row["inburgeraar_id"],
        gemeentecode=row["gemeentecode"],
        geadviseerde_leerroute=row["geadviseerde_leerroute"],
        regel=row["regel"],
        regelset_versie=row["regelset_versie"],
        beleid=BeleidRead(
            onderwijsroute_max_leeftijd=row["onderwijsroute_max_leeftijd"],
            ingangsdatum=row["beleid_ingangs_date"],
            bron=row["beleid_bron"],
            samenwerkingsverband_id=row["beleid_samenwerkingsverband_id"],
        ),
        alfabetisering=row["alfabetisering"],
        uitleg=row["uitleg"],
        status=row["status"],
        vastgestelde_leerroute=row["vastgestelde_leerroute"],
        taalniveaus=taalniveaus(row["a2_vaardigheden"]),
        motivering=row["motivering"],
        geadviseerd_op=row["geadviseerd_at"],
        vastgesteld_op=row["vastgesteld_at"],
        gewijzigd_op=row["gewijzigd_at"],
        termijn=termijn,
    )


@router.get(
    "",
    response_model=list[LeerrouteAdviesRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_leerroute_adviezen(
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
    inburgeraar_id: Annotated[
        UUID | None, Query(alias="inburgeraarId", description="Alleen de adviezen van deze persoon")
    ] = None,
    gemeentecode: Annotated[
        str | None,
        Query(pattern=r"^GM\d{4}$", description="Alleen deze gemeente (een van die van de client)"),
    ] = None,
    leerroute: Annotated[
        Leerroute | None,
        Query(description="De huidige leerroute: de vastgestelde, of anders de geadviseerde"),
    ] = None,
    status: Annotated[Literal["geadviseerd", "vastgesteld"] | None, Query()] = None,
    deadline_binnen_weken: Annotated[
        int | None,
        Query(
            alias="deadlineBinnenWeken",
            ge=0,
            le=520,
            description="Alleen wie vanaf vandaag binnen zoveel weken een termijndatum heeft",
        ),
    ] = None,
    deadline: Annotated[
        Literal["routewijziging", "verlengingsvenster", "einde"] | None,
        Query(
            description=(
                "Welke termijndatum `deadlineBinnenWeken` bedoelt: het sluiten van het "
                "routewijzigingsvenster, het openen van het verlengingsvenster of het einde van "
                "de termijn; weglaten: elk daarvan"
            )
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[LeerrouteAdviesRead]:
    """De leerrouteadviezen van de gemeenten waarvoor de client handelt, met hun termijn."""
    principal.require(Rol.GEMEENTE)
    codes = principal.gemeentecodes
    if gemeentecode is not None:
        codes = codes & {gemeentecode}
    periode = None
    if deadline_binnen_weken is not None:
        van = vandaag(nu)
        periode = (van, van + timedelta(weeks=deadline_binnen_weken))
    async with uow:
        rows = await adviezen.lijst_adviezen(
            uow,
            codes,
            inburgeraar_id=inburgeraar_id,
            leerroute=leerroute,
            status=status,
            deadline=deadline,
            deadline_tot=periode,
            limit=limit,
            offset=offset,
        )
    return [_read(row) for row in rows]


@router.get(
    "/{advies_id}",
    response_model=LeerrouteAdviesRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_leerroute_advies(
    advies_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> LeerrouteAdviesRead:
    """Eén leerrouteadvies met zijn uitleg; een advies van een andere gemeente bestaat hier niet."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await adviezen.geef_advies(uow, advies_id, principal.gemeentecodes)
    return _read(row)


@router.post(
    "/{advies_id}/vaststellen",
    response_model=LeerrouteAdviesRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def stel_leerroute_vast(
    advies_id: UUID, body: VaststellingCreate, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> LeerrouteAdviesRead:
    """Stel de leerroute vast: bevestig het advies, of wijk er gemotiveerd van af."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await adviezen.stel_leerroute_vast(
            uow, advies_id, body.leerroute, body.motivering, principal.gemeentecodes, nu
        )
    return _read(row)


@router.post(
    "/{advies_id}/wijzigen",
    response_model=LeerrouteAdviesRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def wijzig_leerroute(
    advies_id: UUID, body: WijzigingCreate, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> LeerrouteAdviesRead:
    """Wijzig de vastgestelde leerroute (art. 17 lid 2 Wi2021; art. 5.4 Bi2021).

    Kan tot 18 maanden na aanvang van de inburgeringstermijn; onderwijsroute → B1-route kan
    altijd, net als een wijziging na een aangewezen niet-vrijstellende opleiding. Een weigering
    is een 409 die de regel noemt. Elke wijziging publiceert `leerroute-gewijzigd`, waarop een
    nieuwe versie van het PIP volgt."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await wijzigen.wijzig_leerroute(
            uow, advies_id, body.leerroute, body.grond, body.motivering, principal.gemeentecodes, nu
        )
    return _read(row)


@router.post(
    "/{advies_id}/afschalen",
    response_model=LeerrouteAdviesRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def schaal_af_naar_a2(
    advies_id: UUID, body: AfschalingCreate, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> LeerrouteAdviesRead:
    """Schaal de B1-route af naar A2 voor een of meer vaardigheden (art. 17 lid 3 Wi2021).

    Alleen vanuit de B1-route en na in totaal ten minste 600 uur NT2 bij een instelling met
    keurmerk of een taalschakelinstelling (zoals gemeld door de aanbieders), met een motivering.
    Publiceert `afschaling-a2-besloten`."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await wijzigen.schaal_af_naar_a2(
            uow, advies_id, body.vaardigheden, body.motivering, principal.gemeentecodes, nu
        )
    return _read(row)


@router.get(
    "/{advies_id}/wijzigingen",
    response_model=list[WijzigingRead],
    responses=problem_responses(400, 401, 403, 404),
)
async def lijst_wijzigingen(
    advies_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> list[WijzigingRead]:
    """De wijzigingen en afschalingen van de leerroute, oudste eerst."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await wijzigen.lijst_wijzigingen(uow, advies_id, principal.gemeentecodes)
    return [
        WijzigingRead(
            id=row["id"],
            soort=row["soort"],
            vorige_leerroute=row["vorige_leerroute"],
            leerroute=row["leerroute"],
            grond=row["grond"],
            vaardigheden=row["vaardigheden"],
            nt2_uren=row["nt2_uren"],
            motivering=row["motivering"],
            ingangsdatum=row["ingangs_date"],
            besloten_op=row["besloten_at"],
        )
        for row in rows
    ]
