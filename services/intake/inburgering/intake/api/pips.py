"""The PIP (persoonlijk plan inburgering en participatie) of an inburgeraar, per version."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from sqlalchemy.engine import RowMapping

from inburgering.intake.api.schemas import (
    DuoMeldingRead,
    PipRead,
    PipTermijnRead,
    PipTermijnWijzigen,
    PipVaststellen,
)
from inburgering.intake.domain.pip import Niveau, PipVoorstel
from inburgering.intake.usecases import pip_termijn, pips
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/inburgeraars/{inburgeraar_id}", tags=["PIP"])


def _read(row: RowMapping) -> PipRead:
    melding = None
    if row["melding_status"] is not None:
        melding = DuoMeldingRead(
            status=row["melding_status"],
            pogingen=row["melding_pogingen"],
            laatste_fout=row["melding_laatste_fout"],
            volgende_poging_op=row["melding_volgende_poging_at"],
            afgerond_op=row["melding_afgerond_at"],
        )
    return PipRead(
        id=row["id"],
        inburgeraar_id=row["inburgeraar_id"],
        versie=row["versie"],
        status=row["status"],
        leerroute=row["leerroute"],
        niveau=row["niveau"],
        geschatte_intensiteit_b1_route=row["geschatte_intensiteit_b1"],
        intensiteit_pvt_uren=row["intensiteit_pvt_uren"],
        intensiteit_map_uren=row["intensiteit_map_uren"],
        aantal_voortgangsgesprekken=row["aantal_voortgangsgesprekken"],
        begeleiding=row["begeleiding"],
        vve_afspraken=row["vve_afspraken"],
        dagtekening=row["dagtekening"],
        eerste_pip=row["eerste_pip"],
        duo_melding=melding,
    )


@router.get("/pips", response_model=list[PipRead], responses=problem_responses(400, 401, 403, 404))
async def lijst_pips(
    inburgeraar_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> list[PipRead]:
    """Alle versies van het PIP, de oudste eerst."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await pips.lijst_pips(uow, inburgeraar_id, principal.gemeentecodes)
    return [_read(row) for row in rows]


@router.get(
    "/pips/{pip_id}", response_model=PipRead, responses=problem_responses(400, 401, 403, 404)
)
async def geef_pip(
    inburgeraar_id: UUID, pip_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> PipRead:
    """Eén versie van het PIP, met de uitkomst van de melding aan DUO."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await pips.geef_pip(uow, inburgeraar_id, pip_id, principal.gemeentecodes)
    return _read(row)


@router.post(
    "/pips/{pip_id}/vaststellen",
    response_model=PipRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def stel_pip_vast(
    inburgeraar_id: UUID,
    pip_id: UUID,
    body: PipVaststellen,
    principal: CurrentPrincipal,
    uow: UowDep,
    request: Request,
) -> PipRead:
    """Stel het concept-PIP vast (een beschikking). De dagtekening van het eerste PIP start de
    inburgeringstermijn; het PIP wordt betrouwbaar aan DUO gemeld."""
    principal.require(Rol.GEMEENTE)
    ctx = request.app.state.intake
    async with uow:
        concept = await pips.geef_pip(uow, inburgeraar_id, pip_id, principal.gemeentecodes)
        command = pips.StelPipVast(
            voorstel=PipVoorstel(
                leerroute=body.leerroute or Leerroute(concept["leerroute"]),
                dagtekening=body.dagtekening,
                niveau=Niveau(body.niveau) if body.niveau else None,
                geschatte_intensiteit_b1=body.geschatte_intensiteit_b1_route,
            ),
            intensiteit_pvt_uren=body.intensiteit_pvt_uren,
            intensiteit_map_uren=body.intensiteit_map_uren,
            aantal_voortgangsgesprekken=body.aantal_voortgangsgesprekken,
            begeleiding=body.begeleiding,
            vve_afspraken=body.vve_afspraken,
        )
        row = await pips.stel_pip_vast(
            uow, ctx, inburgeraar_id, pip_id, principal.gemeentecodes, command
        )
    return _read(row)


@router.put(
    "/pip-termijn",
    response_model=PipTermijnRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def wijzig_pip_termijn(
    inburgeraar_id: UUID,
    body: PipTermijnWijzigen,
    principal: CurrentPrincipal,
    uow: UowDep,
    request: Request,
) -> PipTermijnRead:
    """Zet de PIP-termijn stil zolang de gemeente op informatie van een derde wacht, of hervat
    hem met de datum van ontvangst."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        uiterlijk = await pip_termijn.pauzeer_of_hervat(
            uow,
            request.app.state.intake,
            inburgeraar_id,
            principal.gemeentecodes,
            wacht_op_derde=body.wacht_op_derde,
            ontvangen=body.derde_informatie_ontvangen_op,
        )
    return PipTermijnRead(uiterlijk=uiterlijk)
