from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from inburgering.portal.adapters.diensten import Diensten
from inburgering.portal.beveiliging import BeveiligingsHeaders
from inburgering.portal.csrf import controleer_csrf
from inburgering.portal.errors import NietGevonden, NietIngelogd, OngeldigeInvoer, PortalFout
from inburgering.portal.pages import aanbieder, inkoop, inloggen, netwerk, start, werkvoorraad
from inburgering.portal.settings import PortalSettings
from inburgering.portal.templating import toon


def create_app(
    settings: PortalSettings | None = None, transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`transport`: what carries the service calls (tests may pass their own)."""
    settings = settings or PortalSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with httpx.AsyncClient(
            timeout=settings.service_timeout_seconds, transport=transport
        ) as client:
            app.state.diensten = Diensten(settings.service_urls(), client)
            yield

    app = FastAPI(
        title="Portaal Inburgering",
        lifespan=lifespan,
        dependencies=[Depends(controleer_csrf)],
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    for module in (start, inloggen, inkoop, werkvoorraad, netwerk, aanbieder):
        app.include_router(module.router)
    _handle_errors(app)
    # Added last, so it runs first: the session exists before anything reads it.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret.get_secret_value(),
        session_cookie="portaal_sessie",
        max_age=settings.session_seconds,
        same_site="lax",
        https_only=settings.is_production,
    )
    app.add_middleware(BeveiligingsHeaders)
    return app


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(NietIngelogd)
    async def naar_inloggen(request: Request, fout: NietIngelogd) -> Response:
        # A token the services no longer accept is worth nothing: start a clean session.
        request.session.pop("token", None)
        return RedirectResponse("/inloggen", status_code=303)

    @app.exception_handler(PortalFout)
    async def foutpagina(request: Request, fout: PortalFout) -> Response:
        return toon(request, "fout.html", {"fout": fout}, status=fout.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_fout(request: Request, fout: StarletteHTTPException) -> Response:
        if fout.status_code == 404:
            return toon(request, "fout.html", {"fout": NietGevonden()}, status=404)
        return toon(request, "fout.html", {"fout": PortalFout()}, status=fout.status_code)

    @app.exception_handler(RequestValidationError)
    async def ongeldig(request: Request, fout: RequestValidationError) -> Response:
        if any(e["loc"][:1] == ("path",) for e in fout.errors()):
            # A mistyped id in the address is simply not there.
            return toon(request, "fout.html", {"fout": NietGevonden()}, status=404)
        return toon(request, "fout.html", {"fout": OngeldigeInvoer()}, status=400)
