"""The provider portal: an aanbieder reports about its own placements only.

A placement at another provider answers 404 on every endpoint, exactly like one that does not
exist; a report that does not fit the placement's status answers 409.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from inburgering.contracts.api.dependencies import RegelsDep, portaal_inzage
from inburgering.contracts.api.plaatsingen import plaatsing_read
from inburgering.contracts.api.schemas import (
    AanwezigheidCreate,
    AfrondingCreate,
    AfwijzingCreate,
    ExamenresultaatCreate,
    Gemeld,
    PlaatsingRead,
    StartCreate,
    UitvalCreate,
    UrenRead,
    VoortgangCreate,
)
from inburgering.contracts.domain.meldingen import Aanwezigheidsmelding
from inburgering.contracts.handlers import geef_plaatsing, geef_uren, portaal
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/plaatsingen", tags=["Aanbiederportaal"])

_FOUTEN = problem_responses(400, 401, 403, 404, 409)


async def _gelezen(uow: UowDep, plaatsing_id: UUID, principal: CurrentPrincipal) -> PlaatsingRead:
    async with uow:
        return plaatsing_read(await geef_plaatsing(uow, plaatsing_id, portaal_inzage(principal)))


@router.post("/{plaatsing_id}/acceptatie", response_model=PlaatsingRead, responses=_FOUTEN)
async def accepteer(plaatsing_id: UUID, principal: CurrentPrincipal, uow: UowDep) -> PlaatsingRead:
    """Accepteer een aangevraagde plaatsing."""
    inzage = portaal_inzage(principal)
    async with uow:
        await portaal.accepteer(uow, plaatsing_id, inzage)
    return await _gelezen(uow, plaatsing_id, principal)


@router.post("/{plaatsing_id}/afwijzing", status_code=204, responses=_FOUTEN)
async def wijs_af(
    plaatsing_id: UUID,
    body: AfwijzingCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    regels: RegelsDep,
) -> Response:
    """Wijs een aangevraagde plaatsing af; de plaats komt vrij en de plaatsing gaat naar een
    andere aanbieder of op de wachtlijst. Daarna is de plaatsing voor deze aanbieder niet meer
    zichtbaar."""
    inzage = portaal_inzage(principal)
    command = portaal.WijsAf(reden=body.reden, toelichting=body.toelichting)
    async with uow:
        await portaal.wijs_af(uow, plaatsing_id, inzage, command, regels)
    return Response(status_code=204)


@router.post("/{plaatsing_id}/start", response_model=PlaatsingRead, responses=_FOUTEN)
async def meld_start(
    plaatsing_id: UUID, body: StartCreate, principal: CurrentPrincipal, uow: UowDep
) -> PlaatsingRead:
    """Meld de start van het traject van een geaccepteerde plaatsing."""
    inzage = portaal_inzage(principal)
    async with uow:
        await portaal.meld_start(uow, plaatsing_id, inzage, body.startdatum)
    return await _gelezen(uow, plaatsing_id, principal)


@router.post(
    "/{plaatsing_id}/aanwezigheid", status_code=201, response_model=UrenRead, responses=_FOUTEN
)
async def meld_aanwezigheid(
    plaatsing_id: UUID, body: AanwezigheidCreate, principal: CurrentPrincipal, uow: UowDep
) -> UrenRead:
    """Meld de aanwezigheid op één lesdag; afwezigheid is geoorloofd of ongeoorloofd. Het
    antwoord geeft de totalen en de bereikte urenmijlpalen."""
    inzage = portaal_inzage(principal)
    melding = Aanwezigheidsmelding(
        datum=body.datum,
        aanwezig_uren=body.aanwezig_uren,
        afwezig_uren=body.afwezig_uren,
        afwezigheid=body.afwezigheid,
    )
    async with uow:
        await portaal.meld_aanwezigheid(uow, plaatsing_id, inzage, melding)
    async with uow:
        uren, mijlpalen = await geef_uren(uow, plaatsing_id, inzage)
    return UrenRead(
        uren_aanwezig=float(uren.aanwezig),
        uren_geoorloofd_afwezig=float(uren.geoorloofd_afwezig),
        uren_ongeoorloofd_afwezig=float(uren.ongeoorloofd_afwezig),
        mijlpalen=mijlpalen,
    )


@router.post(
    "/{plaatsing_id}/voortgangsrapportages",
    status_code=201,
    response_model=Gemeld,
    responses=_FOUTEN,
)
async def meld_voortgang(
    plaatsing_id: UUID, body: VoortgangCreate, principal: CurrentPrincipal, uow: UowDep
) -> Gemeld:
    """Rapporteer voortgang en inzet aan de gemeente."""
    inzage = portaal_inzage(principal)
    voortgang = portaal.Voortgang(
        peildatum=body.peildatum,
        inzet=body.inzet,
        taalniveau=body.taalniveau,
        modules_afgerond=body.modules_afgerond,
    )
    async with uow:
        return Gemeld(id=await portaal.meld_voortgang(uow, plaatsing_id, inzage, voortgang))


@router.post(
    "/{plaatsing_id}/examenresultaten",
    status_code=201,
    response_model=Gemeld,
    responses=_FOUTEN,
)
async def meld_examenresultaat(
    plaatsing_id: UUID, body: ExamenresultaatCreate, principal: CurrentPrincipal, uow: UowDep
) -> Gemeld:
    """Leg een examenresultaat vast dat de aanbieder van DUO kreeg."""
    inzage = portaal_inzage(principal)
    resultaat = portaal.Examenresultaat(
        onderdeel=body.onderdeel,
        examendatum=body.examendatum,
        niveau=body.niveau,
        behaald=body.behaald,
    )
    async with uow:
        return Gemeld(id=await portaal.meld_examenresultaat(uow, plaatsing_id, inzage, resultaat))


@router.post("/{plaatsing_id}/afronding", response_model=PlaatsingRead, responses=_FOUTEN)
async def rond_af(
    plaatsing_id: UUID, body: AfrondingCreate, principal: CurrentPrincipal, uow: UowDep
) -> PlaatsingRead:
    """Meld dat het traject is afgerond."""
    inzage = portaal_inzage(principal)
    async with uow:
        await portaal.rond_af(uow, plaatsing_id, inzage, body.einddatum)
    return await _gelezen(uow, plaatsing_id, principal)


@router.post("/{plaatsing_id}/uitval", response_model=PlaatsingRead, responses=_FOUTEN)
async def meld_uitval(
    plaatsing_id: UUID, body: UitvalCreate, principal: CurrentPrincipal, uow: UowDep
) -> PlaatsingRead:
    """Meld dat de deelnemer is uitgevallen."""
    inzage = portaal_inzage(principal)
    async with uow:
        await portaal.meld_uitval(uow, plaatsing_id, inzage, body.einddatum, body.reden)
    return await _gelezen(uow, plaatsing_id, principal)
