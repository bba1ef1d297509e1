from __future__ import annotations

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter

from inburgering.routes.api.dependencies import NuDep
from inburgering.routes.api.samenwerkingsverband_schemas import SamenwerkingsverbandRead
from inburgering.routes.api.schemas import BeleidCreate, BeleidRead
from inburgering.routes.domain.beleid import Beleidsbron
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.handlers import samenwerkingsverbanden as verbanden
from inburgering.routes.handlers.samenwerkingsverbanden import VerbandMetBeleid
from inburgering.shared.auth import CurrentPrincipal, Principal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/samenwerkingsverbanden", tags=["Samenwerkingsverbanden"])


def _read(gelezen: VerbandMetBeleid, nu: datetime) -> SamenwerkingsverbandRead:
    verband = gelezen.verband
    versies = [
        BeleidRead(
            onderwijsroute_max_leeftijd=v["onderwijsroute_max_leeftijd"],
            ingangsdatum=v["ingangs_date"],
            bron=Beleidsbron.SAMENWERKINGSVERBAND,
            samenwerkingsverband_id=verband.id,
        )
        for v in gelezen.versies
    ]
    geldend = [v for v in versies if v.ingangsdatum and v.ingangsdatum <= vandaag(nu)]
    return SamenwerkingsverbandRead(
        id=verband.id,
        naam=verband.naam,
        leerroute=verband.leerroute,
        lead_gemeentecode=verband.lead_gemeentecode,
        periode_start=verband.periode_start,
        periode_eind=verband.periode_eind,
        versie=verband.versie,
        gemeentecodes=list(verband.leden_op(vandaag(nu))),
        geldend=geldend[-1] if geldend else None,
        versies=versies,
    )


def _zichtbaar(principal: Principal) -> frozenset[str]:
    principal.require(Rol.GEMEENTE, Rol.REGIO)
    return principal.gemeentecodes


@router.get(
    "", response_model=list[SamenwerkingsverbandRead], responses=problem_responses(401, 403)
)
async def lijst_samenwerkingsverbanden(
    principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> list[SamenwerkingsverbandRead]:
    """De samenwerkingsverbanden waarvan een gemeente van de client vandaag lid of lead-gemeente
    is, met hun leerroute, hun leden van vandaag en hun beleidsversies.

    Samenwerkingsverbanden en hun leden beheert de contracts-dienst; deze dienst neemt ze over
    uit de gebeurtenis `samenwerkingsverband-gewijzigd`. Per leerroute is er een eigen
    samenwerkingsverband, met eigen leden.

    Rollen: `gemeente` en `regio`, voor de eigen gemeentecodes."""
    async with uow:
        return [
            _read(v, nu) for v in await verbanden.lijst(uow, _zichtbaar(principal), vandaag(nu))
        ]


@router.get(
    "/{samenwerkingsverband_id}",
    response_model=SamenwerkingsverbandRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_samenwerkingsverband(
    samenwerkingsverband_id: UUID,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> SamenwerkingsverbandRead:
    """Het samenwerkingsverband (id uit de contracts-dienst) met zijn beleidsversies; zichtbaar
    voor wie namens de lead-gemeente of een lid van vandaag handelt, voor anderen 404."""
    async with uow:
        return _read(
            await verbanden.geef(uow, samenwerkingsverband_id, _zichtbaar(principal), vandaag(nu)),
            nu,
        )


@router.post(
    "/{samenwerkingsverband_id}/beleid",
    response_model=SamenwerkingsverbandRead,
    status_code=201,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def leg_samenwerkingsverbandbeleid_vast(
    samenwerkingsverband_id: UUID,
    body: BeleidCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> SamenwerkingsverbandRead:
    """Leg een beleidsversie van het samenwerkingsverband vast, vanaf `ingangsdatum` (op zijn
    vroegst morgen). Het geldt voor elke gemeente die op de peildatum van een advies lid is van
    dit samenwerkingsverband en op die dag geen eigen beleid heeft.

    De leeftijdsgrens van de onderwijsroute stelt alleen een samenwerkingsverband voor de
    onderwijsroute vast; bij een samenwerkingsverband voor een andere leerroute geeft dit 409.

    Rollen: `gemeente` en `regio`, namens de lead-gemeente; een lid dat geen lead is krijgt
    403, wie geen lid of lead vertegenwoordigt 404."""
    codes = _zichtbaar(principal)
    async with uow:
        await verbanden.leg_beleid_vast(
            uow,
            samenwerkingsverband_id,
            codes,
            body.onderwijsroute_max_leeftijd,
            body.ingangsdatum,
            vandaag(nu),
            nu,
        )
    async with uow:
        return _read(await verbanden.geef(uow, samenwerkingsverband_id, codes, vandaag(nu)), nu)
