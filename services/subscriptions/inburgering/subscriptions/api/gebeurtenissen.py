from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep
from inburgering.subscriptions import handlers
from inburgering.subscriptions.api.schemas import CloudEventRead
from inburgering.subscriptions.api.tenant import gemeente_van
from inburgering.subscriptions.domain.model import CLOUDEVENTS_BATCH_JSON, Informatie, cloudevent

router = APIRouter(prefix="/gebeurtenissen", tags=["Gebeurtenissen"])


@router.get(
    "",
    response_model=list[CloudEventRead],
    responses={
        200: {"content": {CLOUDEVENTS_BATCH_JSON: {}}},
        **problem_responses(400, 401, 403),
    },
)
async def gebeurtenissen(
    principal: CurrentPrincipal,
    uow: UowDep,
    request: Request,
    na: Annotated[
        int,
        Query(
            ge=0,
            le=2**63 - 1,
            description="Cursor: het `sequence` van de laatst verwerkte gebeurtenis",
        ),
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    gemeentecode: Annotated[str | None, Query(pattern=r"^GM\d{4}$")] = None,
) -> JSONResponse:
    """De gebeurtenissen van één eigen gemeente na de cursor, in volgorde (pull en replay).

    Een lager `na` speelt opnieuw af; `na=0` begint bij het begin van de bewaarde log."""
    code = gemeente_van(principal, gemeentecode)
    async with uow:
        events = await handlers.gebeurtenissen(uow, code, na=na, limit=limit)
    base_url = request.app.state.settings.resource_base_url
    body = [cloudevent(e, informatie=Informatie.VOLLEDIG, base_url=base_url) for e in events]
    volgende = events[-1].volgnummer if events else na
    link = f'</v1/gebeurtenissen?na={volgende}&limit={limit}&gemeentecode={code}>; rel="next"'
    return JSONResponse(body, media_type=CLOUDEVENTS_BATCH_JSON, headers={"Link": link})
