from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from inburgering.routes.api.dependencies import NuDep
from inburgering.routes.api.voortgang_schemas import (
    MapRead,
    MapUpdate,
    ParticipatieActiviteitCreate,
    PvtRead,
    PvtUpdate,
    Teller,
    UrenaftrekCreate,
    VoortgangRead,
    VoorwaardeRead,
    ZRouteEindgesprekUpdate,
)
from inburgering.routes.domain.voortgang import Aftreknorm
from inburgering.routes.handlers import voortgang as voortgangen
from inburgering.routes.handlers.voortgang import Stand
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/inburgeraars/{inburgeraar_id}", tags=["Voortgang"])

SCHRIJFFOUTEN = problem_responses(400, 401, 403, 404, 409)


def _read(stand: Stand) -> VoortgangRead:
    feiten, voortgang = stand.feiten, stand.voortgang
    return VoortgangRead(
        inburgeraar_id=stand.inburgeraar_id,
        gemeentecode=stand.gemeentecode,
        leerroute=feiten.leerroute,
        doelgroep=feiten.doelgroep,
        cursusuren=Teller(
            geregistreerd=feiten.cursusuren,
            norm=voortgang.cursus_norm,
            aftrek=feiten.aftrek.get(Aftreknorm.CURSUSUREN, 0.0),
        ),
        participatie_uren=Teller(
            geregistreerd=feiten.participatie_uren,
            norm=voortgang.participatie_norm,
            aftrek=feiten.aftrek.get(Aftreknorm.PARTICIPATIE_UREN, 0.0),
        ),
        pvt=PvtRead(uren=feiten.pvt.uren, ondertekend_op=feiten.pvt.ondertekend_op),
        map=MapRead(
            status=feiten.map.status, uren=feiten.map.uren, eindgesprek_op=feiten.map.eindgesprek_op
        ),
        z_route_eindgesprek_op=feiten.z_eindgesprek_op,
        voorwaarden=[
            VoorwaardeRead(
                code=v.code,
                regel=v.regel,
                artikel=v.artikel,
                omschrijving=v.omschrijving,
                vervuld=v.vervuld,
                niet_gevolgd=v.niet_gevolgd,
            )
            for v in voortgang.voorwaarden
        ],
        ontbreekt=[v.code for v in voortgang.ontbreekt],
        voorwaarden_vervuld=voortgang.afgerond,
        afronding_bereikt_op=stand.afronding_bereikt_op,
    )


@router.get(
    "/voortgang", response_model=VoortgangRead, responses=problem_responses(400, 401, 403, 404)
)
async def geef_voortgang(
    inburgeraar_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> VoortgangRead:
    """De voortgang naar afronding: de tellers (cursusuren, participatie-uren met hun norm), PVT,
    MAP, het eindgesprek van de Z-route en de behaalde examenonderdelen (B1-route, en de
    onderwijsroute via art. 8 lid 4 Wi2021), met per afrondingsvoorwaarde de regel en het artikel
    (R10: art. 3.14 Bi2021; R11: art. 6 Wi2021, art. 3.1–3.2 Bi2021; examen: art. 7 lid 1 en 17
    lid 3 Wi2021, art. 3.3–3.4 en 5.5 Bi2021) en wat nog ontbreekt."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        return _read(await voortgangen.geef_stand(uow, inburgeraar_id, principal.gemeentecodes))


@router.put("/pvt", response_model=VoortgangRead, responses=SCHRIJFFOUTEN)
async def leg_pvt_vast(
    inburgeraar_id: UUID, body: PvtUpdate, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> VoortgangRead:
    """Registreer de gevolgde uren van het participatieverklaringstraject en de ondertekening
    (ten minste 12 uur en de ondertekening, in elke leerroute: art. 6 lid 4–5 Wi2021)."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        return _read(
            await voortgangen.leg_pvt_vast(
                uow, inburgeraar_id, body.uren, body.ondertekend_op, principal.gemeentecodes, nu
            )
        )


@router.put("/map", response_model=VoortgangRead, responses=SCHRIJFFOUTEN)
async def leg_map_vast(
    inburgeraar_id: UUID, body: MapUpdate, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> VoortgangRead:
    """Registreer de status en uren van de module Arbeidsmarkt en Participatie; `afgerond` met de
    dag van het eindgesprek met de gemeente (art. 6 lid 6 Wi2021; niet in de onderwijsroute)."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        return _read(
            await voortgangen.leg_map_vast(
                uow,
                inburgeraar_id,
                body.status,
                body.uren,
                body.eindgesprek_op,
                principal.gemeentecodes,
                nu,
            )
        )


@router.put("/z-route-eindgesprek", response_model=VoortgangRead, responses=SCHRIJFFOUTEN)
async def leg_z_route_eindgesprek_vast(
    inburgeraar_id: UUID,
    body: ZRouteEindgesprekUpdate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> VoortgangRead:
    """Registreer het eindgesprek van de Z-route. Alleen de gemeente voert het
    (art. 3.14 lid 4 Bi2021: niet te mandateren aan een aanbieder)."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        return _read(
            await voortgangen.leg_z_eindgesprek_vast(
                uow, inburgeraar_id, body.gehouden_op, principal.gemeentecodes, nu
            )
        )


@router.post(
    "/participatie-activiteiten",
    response_model=VoortgangRead,
    status_code=201,
    responses=SCHRIJFFOUTEN,
)
async def voeg_participatie_activiteit_toe(
    inburgeraar_id: UUID,
    body: ParticipatieActiviteitCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> VoortgangRead:
    """Registreer uren zelfredzaamheids-, activerings- of participatieactiviteiten (Z-route,
    asielstatushouders: 800 uur min de uren PVT en MAP, art. 3.14 lid 2 en 5 Bi2021)."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        return _read(
            await voortgangen.voeg_participatie_toe(
                uow,
                inburgeraar_id,
                body.datum,
                body.uren,
                body.omschrijving,
                principal.gemeentecodes,
                nu,
            )
        )


@router.post("/urenaftrek", response_model=VoortgangRead, status_code=201, responses=SCHRIJFFOUTEN)
async def trek_uren_af(
    inburgeraar_id: UUID,
    body: UrenaftrekCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> VoortgangRead:
    """Trek uren af van een norm van de Z-route: uren uit de brede intake (art. 3.14 lid 6
    Bi2021) of uit voorafgaand vso, praktijkonderwijs of entree (art. 3.14 lid 9 en 10 Bi2021).
    Een norm komt nooit onder nul; ook vóór een wijziging naar de Z-route te registreren."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        return _read(
            await voortgangen.trek_uren_af(
                uow,
                inburgeraar_id,
                body.norm,
                body.grond,
                body.uren,
                principal.gemeentecodes,
                nu,
            )
        )
