"""DUO's Notificatie API (API/Notificatie/openapi.yml, v1.8.0), implemented by the gemeente.

This endpoint follows DUO's contract, not the platform's: errors are DUO's `Foutmelding`
(`{"fouttekst": ...}`), never problem+json, and the request is validated by hand so that no
framework error format leaks in (ADR 0005)."""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

from inburgering.intake.adapters.pkio import CertificaatOngeldig, vereis_oin
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.errors import OnbekendeAfzender
from inburgering.intake.domain.notificatie import FOUTTEKST_MAX, lees_notificatie
from inburgering.intake.usecases import notificaties
from inburgering.shared.auth import Principal, Rol
from inburgering.shared.http.openapi import OWN_ERROR_FORMAT
from inburgering.shared.http.problems import DomainError, Forbidden, Unauthorized
from inburgering.shared.persistence import tenancy
from inburgering.shared.runtime import ServiceRuntime

log = structlog.get_logger(__name__)
router = APIRouter(tags=["DUO Notificatie"])

_OIN = {"type": "string", "minLength": 20, "maxLength": 20}
_FOUTMELDING = {
    "type": "object",
    "required": ["fouttekst"],
    "properties": {"fouttekst": {"type": "string", "maxLength": FOUTTEKST_MAX}},
}
# The version of DUO's Notificatie API this endpoint implements; answered in API-Version.
NOTIFICATIE_API_VERSION = "1.8.0"
_OPENAPI: dict[str, Any] = {
    OWN_ERROR_FORMAT: "DUO Foutmelding",
    "parameters": [
        {
            "name": "bron",
            "in": "header",
            "required": True,
            "schema": _OIN,
            "description": "OIN van de organisatie die het bericht stuurt (DUO)",
        },
        {
            "name": "doel",
            "in": "header",
            "required": True,
            "schema": _OIN,
            "description": "OIN van de gemeente waarvoor het bericht bedoeld is",
        },
        {
            "name": "berichtId",
            "in": "header",
            "required": True,
            "schema": {"type": "string", "format": "uuid"},
            "description": "Identificatie van het bericht; herhaald heeft het geen effect",
        },
    ],
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["registratieDatumTijd", "gebeurtenisId"],
                    "properties": {
                        "registratieDatumTijd": {"type": "string", "format": "date-time"},
                        "bsn": {
                            "type": "string",
                            "pattern": "\\d{9}",
                            "minLength": 9,
                            "maxLength": 9,
                            "writeOnly": True,
                        },
                        "vNummer": {
                            "type": "integer",
                            "format": "int64",
                            "minimum": 0,
                            "maximum": 9999999999,
                            "writeOnly": True,
                        },
                        "gebeurtenisId": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 6,
                            "pattern": "^[0-9A-Z]{1,6}$",
                        },
                    },
                }
            }
        },
    },
}
_FOUT = {"content": {"application/json": {"schema": _FOUTMELDING}}}


@router.post(
    "/notificaties",
    status_code=201,
    response_class=Response,
    openapi_extra=_OPENAPI,
    responses={
        201: {"description": "Opvoeren notificatie gelukt"},
        400: {"description": "Het verzoek voldoet niet aan de specificatie", **_FOUT},
        401: {"description": "De afzender kan niet geauthentiseerd worden", **_FOUT},
        403: {"description": "Niet geautoriseerd", **_FOUT},
        500: {"description": "Interne fout", **_FOUT},
        503: {"description": "Niet beschikbaar", **_FOUT},
    },
)
async def opvoeren_notificatie(request: Request) -> Response:
    """DUO meldt een gebeurtenis. De notificatie is opgeslagen voordat het antwoord 201 volgt
    en wordt daarna verwerkt; hetzelfde berichtId nogmaals heeft geen tweede effect."""
    try:
        _duo(request)
        ctx: IntakeContext = request.app.state.intake
        notificatie = lees_notificatie(request.headers, await request.body())
        if notificatie.bron != ctx.settings.duo_oin:
            raise OnbekendeAfzender("bron is niet het OIN van DUO")
        gemeentecode = ctx.settings.gemeente_per_oin.get(notificatie.doel)
        if gemeentecode is None:
            raise OnbekendeAfzender("doel is geen gemeente van dit platform")
        runtime: ServiceRuntime = request.app.state.runtime
        try:
            async with runtime.uow() as uow:
                nieuw = await notificaties.ontvang_notificatie(
                    uow, ctx, notificatie, gemeentecode=gemeentecode
                )
        except IntegrityError:
            # Two deliveries of one berichtId raced: the other one stored it.
            async with runtime.uow() as uow:
                if not await notificaties.is_bekend(uow, notificatie.bericht_id):
                    raise
            nieuw = False
        log.info(
            "duo.notificatie_ontvangen",
            gebeurtenis=notificatie.gebeurtenis_id,
            bericht_id=str(notificatie.bericht_id),
            herhaling=not nieuw,
        )
        return Response(status_code=201, headers={"API-Version": NOTIFICATIE_API_VERSION})
    except DomainError as exc:
        return foutmelding(exc.status, exc.detail)
    except Exception:
        log.exception("duo.notificatie_fout")
        return foutmelding(500, "Interne fout; probeer het later opnieuw.")


def _duo(request: Request) -> None:
    """DUO's specs define no security scheme: DUO proves itself with its PKIoverheid certificate
    alone, so with mTLS on that certificate is the credential and no token is asked. Without
    mTLS (development) a bearer token of role `duo` stands in for it."""
    settings = request.app.state.intake.settings
    if settings.duo_mtls:
        try:
            vereis_oin(
                request.headers,
                settings.duo_oin,
                cert_header=settings.duo_mtls_cert_header,
                verify_header=settings.duo_mtls_verify_header,
            )
        except CertificaatOngeldig as exc:
            raise Forbidden(f"PKIoverheid-certificaat: {exc}.") from None
    else:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Unauthorized("Een bearer token is vereist.")
        principal: Principal = request.app.state.token_verifier.verify(token)
        if principal.rol is not Rol.DUO:
            raise Forbidden("Alleen DUO mag notificaties aanbieden.")
    # DUO notifies for every gemeente of the platform; the gemeente follows from `doel`.
    tenancy.set_scope(tenancy.ALL)


def foutmelding(status: int, fouttekst: str) -> JSONResponse:
    headers = {"API-Version": NOTIFICATIE_API_VERSION}
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(
        {"fouttekst": fouttekst[:FOUTTEKST_MAX]}, status_code=status, headers=headers
    )
