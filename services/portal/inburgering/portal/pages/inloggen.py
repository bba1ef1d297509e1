"""The development login: the same tokens as `scripts/token`, chosen in a form."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from inburgering.portal.errors import GeenToegang
from inburgering.portal.sessie import Gebruiker, log_in, log_uit
from inburgering.portal.templating import toon
from inburgering.shared.auth import Rol, mint_dev_token

router = APIRouter()

ROLLEN = {
    Rol.REGIO: "regio (trekker van een samenwerkingsverband, lead van het hbo/wo-netwerk)",
    Rol.GEMEENTE: "gemeente",
    Rol.BEHEER: "beheer (provincie)",
    Rol.AANBIEDER: "aanbieder",
}
_GEMEENTECODE = re.compile(r"^GM[0-9]{4}$")
_KVK = re.compile(r"^[0-9]{8}$")


def _dev_login_toegestaan(request: Request) -> None:
    if not request.app.state.settings.dev_login_allowed:
        raise GeenToegang(
            "Inloggen voor ontwikkeling is uit in productie; "
            "gebruik het inloggen van uw organisatie."
        )


@router.get("/inloggen")
async def inlogpagina(request: Request) -> Response:
    _dev_login_toegestaan(request)
    return toon(request, "inloggen.html", {"rollen": ROLLEN, "invoer": {}, "fouten": {}})


@router.post("/inloggen")
async def log_in_voor_ontwikkeling(
    request: Request,
    rol: Annotated[str, Form()],
    gemeentecodes: Annotated[str, Form()] = "",
    kvk: Annotated[str, Form()] = "",
) -> Response:
    _dev_login_toegestaan(request)
    codes = tuple(sorted({c.upper() for c in re.split(r"[\s,;]+", gemeentecodes) if c}))
    fouten = _fouten(rol, codes, kvk.strip())
    if fouten:
        invoer = {"rol": rol, "gemeentecodes": gemeentecodes, "kvk": kvk}
        context = {"rollen": ROLLEN, "invoer": invoer, "fouten": fouten}
        return toon(request, "inloggen.html", context, status=400)
    settings = request.app.state.settings
    token = mint_dev_token(
        settings.jwt_dev_secret.get_secret_value(),
        rol=Rol(rol),
        subject="portaal-ontwikkeling",
        gemeentecodes=codes,
        kvk=kvk.strip() or None,
        ttl_seconds=settings.session_seconds,
    )
    log_in(request, Gebruiker(rol=rol, gemeentecodes=codes, token=token, kvk=kvk.strip() or None))
    return RedirectResponse("/", status_code=303)


def _fouten(rol: str, codes: tuple[str, ...], kvk: str) -> dict[str, str]:
    fouten = {}
    if rol not in ROLLEN:
        fouten["rol"] = "Kies een van de rollen."
    if bad := [c for c in codes if not _GEMEENTECODE.match(c)]:
        fouten["gemeentecodes"] = f"Geen gemeentecode (GM en vier cijfers): {', '.join(bad)}."
    elif rol in (Rol.GEMEENTE, Rol.REGIO) and not codes:
        fouten["gemeentecodes"] = "Een gemeente of regio handelt voor minstens één gemeentecode."
    if rol == Rol.AANBIEDER and not _KVK.match(kvk):
        fouten["kvk"] = "Een aanbieder heeft een KvK-nummer van acht cijfers."
    return fouten


@router.post("/uitloggen")
async def log_uit_en_ga_naar_inloggen(request: Request) -> Response:
    log_uit(request)
    return RedirectResponse("/inloggen", status_code=303)
