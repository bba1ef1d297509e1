from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request

from inburgering.routes.api.dependencies import NuDep
from inburgering.routes.api.schemas import InburgeringstermijnRead, SignaalRead, VerlengingRead
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.domain.termijn import signaaldata
from inburgering.routes.handlers import termijn as termijnen
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/inburgeringstermijnen", tags=["Inburgeringstermijnen"])


@router.get(
    "/{inburgeraar_id}",
    response_model=InburgeringstermijnRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_inburgeringstermijn(
    inburgeraar_id: UUID, principal: CurrentPrincipal, uow: UowDep, nu: NuDep, request: Request
) -> InburgeringstermijnRead:
    """De inburgeringstermijn van een inburgeraar (art. 11 Wi2021) met zijn vensters: tot wanneer
    de leerroute kan wijzigen, vanaf wanneer verlenging kan worden aangevraagd, en de dagen
    waarop de signalen worden gepubliceerd. Onbekend tot het eerste PIP is vastgesteld of, bij
    wie verhuisde, tot DUO de termijn meldt."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row, verlengingen = await termijnen.geef_termijn(
            uow, inburgeraar_id, principal.gemeentecodes
        )
    termijn = termijnen.termijn_uit_rij(row)
    dag = vandaag(nu)
    return InburgeringstermijnRead(
        inburgeraar_id=row["inburgeraar_id"],
        gemeentecode=row["gemeentecode"],
        bron=row["bron"],
        dagtekening_eerste_pip=row["dagtekening_eerste_pip_date"],
        startdatum=termijn.startdatum,
        oorspronkelijke_einddatum=row["oorspronkelijke_eind_date"],
        einddatum=termijn.einddatum,
        routewijziging_venster_sluit=termijn.routewijziging_venster_sluit,
        routewijziging_mogelijk=termijn.routewijziging_toegestaan_op(dag),
        verlengingsvenster_opent=termijn.verlengingsvenster_opent,
        verlengingsvenster_open=termijn.verlengingsvenster_opent <= dag < termijn.einddatum,
        signalen=[
            SignaalRead(naam=naam, datum=datum)
            for naam, datum in signaaldata(termijn, request.app.state.signaaltermijnen).items()
        ],
        verlengingen=[
            VerlengingRead(
                vorige_einddatum=v["vorige_eind_date"],
                nieuwe_einddatum=v["nieuwe_eind_date"],
                verwerkt_op=v["verwerkt_at"],
            )
            for v in verlengingen
        ],
    )
