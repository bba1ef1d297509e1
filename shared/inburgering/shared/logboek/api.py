"""`GET /dataverwerkingen`: a gemeente's privacy officer lists the processing of one inburgeraar
in this service (AVG art. 15 and 30). The records name no user; the audit log does, apart."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from pydantic import Field
from sqlalchemy import select

from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import Forbidden, problem_responses
from inburgering.shared.http.schemas import ApiModel, Tijdstip, UowDep
from inburgering.shared.logboek.writer import Logboek

PRIVACY_PERMISSION = "privacy"

router = APIRouter(prefix="/dataverwerkingen", tags=["Logboek dataverwerkingen"])


class DataverwerkingRead(ApiModel):
    trace_id: str = Field(description="De dataverwerking (W3C trace id)")
    span_id: str = Field(description="De actie binnen de dataverwerking")
    parent_span_id: str | None = Field(description="De actie die deze actie aanriep")
    naam: str = Field(description="Wat er gebeurde: de API-aanroep of de verwerkte gebeurtenis")
    start_tijd: Tijdstip
    eind_tijd: Tijdstip
    status: str = Field(description="OK, UNSET (geweigerd) of ERROR")
    verwerkingsactiviteit: str = Field(description="Verwijzing in het register van verwerkingen")
    inburgeraar_id: UUID = Field(description="De betrokkene (pseudoniem, nooit het BSN)")
    gemeentecode: str | None


@router.get(
    "",
    response_model=list[DataverwerkingRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_dataverwerkingen(
    request: Request,
    principal: CurrentPrincipal,
    uow: UowDep,
    inburgeraar_id: Annotated[UUID, Query(alias="inburgeraarId")],
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[DataverwerkingRead]:
    """De verwerkingen van één inburgeraar in deze dienst, oudste eerst; alleen voor een gemeente
    met de bevoegdheid `privacy` (de functionaris gegevensbescherming of privacy officer)."""
    principal.require(Rol.GEMEENTE)
    if PRIVACY_PERMISSION not in principal.permissions:
        raise Forbidden("Alleen met de bevoegdheid 'privacy' zijn verwerkingen in te zien.")
    logboek: Logboek = request.app.state.logboek
    table = logboek.verwerkingen
    query = (
        select(table)
        .where(
            table.c.betrokkene == inburgeraar_id,
            table.c.gemeentecode.in_(sorted(principal.gemeentecodes)),
        )
        .order_by(table.c.start_tijd, table.c.trace_id, table.c.span_id)
        .limit(limit)
        .offset(offset)
    )
    async with uow:
        rows = (await uow.session.execute(query)).mappings().all()
    return [
        DataverwerkingRead(
            trace_id=row["trace_id"],
            span_id=row["span_id"],
            parent_span_id=row["parent_span_id"],
            naam=row["naam"],
            start_tijd=row["start_tijd"],
            eind_tijd=row["eind_tijd"],
            status=row["status"],
            verwerkingsactiviteit=row["verwerkingsactiviteit"],
            inburgeraar_id=row["betrokkene"],
            gemeentecode=row["gemeentecode"],
        )
        for row in rows
    ]
