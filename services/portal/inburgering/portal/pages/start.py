from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from inburgering.portal.sessie import ingelogd
from inburgering.portal.templating import toon

router = APIRouter()


@router.get("/")
async def startpagina(request: Request) -> Response:
    if ingelogd(request) is None:
        return RedirectResponse("/inloggen", status_code=303)
    return toon(request, "start.html")


@router.get("/ready", include_in_schema=False)
async def gereed() -> Response:
    """The portal keeps no state of its own: ready as soon as it listens."""
    return PlainTextResponse("ok")
