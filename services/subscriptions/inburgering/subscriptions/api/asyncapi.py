from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from inburgering.subscriptions import asyncapi

router = APIRouter(tags=["Documentatie"])


@router.get("/asyncapi.json", include_in_schema=False)
async def asyncapi_document(request: Request) -> JSONResponse:
    """Public like the OpenAPI document: it describes contracts, not data."""
    settings = request.app.state.settings
    return JSONResponse(asyncapi.document(request.app.version, settings.gemeente_topic_prefix))
