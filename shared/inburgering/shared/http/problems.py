"""RFC 9457 Problem Details: one registry maps named errors to status and type."""

from __future__ import annotations

import uuid
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

log = structlog.get_logger(__name__)

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://inburgering.nl/problemen/"


class InvalidParam(BaseModel):
    name: str = Field(description="Het veld, bv. `body.geboortedatum`")
    code: str = Field(description="Soort fout, bv. `missing`")
    reason: str = Field(description="Uitleg")


class Problem(BaseModel):
    """Foutbericht volgens RFC 9457."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    code: str | None = None
    invalidParams: list[InvalidParam] | None = None


class DomainError(Exception):
    """Base of every service's named errors; subclasses set code, status and title."""

    status: int = 400
    code: str = "ongeldig-verzoek"
    title: str = "Het verzoek kan niet worden uitgevoerd."

    def __init__(
        self,
        detail: str,
        invalid_params: list[InvalidParam] | None = None,
        *,
        extensions: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        # Named fields, so that a client can point at each one, as a validation error does.
        self.invalid_params = invalid_params
        # Extension members (RFC 9457 3.2), e.g. the id of the resource a conflict is with.
        self.extensions = extensions or {}


class NotFound(DomainError):
    """The object does not exist for this caller (also when it belongs to another tenant)."""

    status = 404
    code = "niet-gevonden"
    title = "Niet gevonden."


class Conflict(DomainError):
    status = 409
    code = "conflict"
    title = "Het verzoek botst met de huidige toestand."


class Unauthorized(DomainError):
    status = 401
    code = "niet-geauthenticeerd"
    title = "Authenticatie vereist."


class Forbidden(DomainError):
    status = 403
    code = "geen-toegang"
    title = "Geen toegang."


def problem_response(
    status: int,
    code: str,
    title: str,
    detail: str,
    invalid_params: list[InvalidParam] | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, str] | None = None,
) -> JSONResponse:
    instance = f"urn:uuid:{uuid.uuid4()}"
    problem = Problem(
        type=TYPE_BASE + code,
        title=title,
        status=status,
        detail=detail,
        instance=instance,
        code=code,
        invalidParams=invalid_params,
    )
    log.info("http.problem", status=status, code=code, instance=instance)
    return JSONResponse(
        {**(extensions or {}), **problem.model_dump(exclude_none=True)},
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _invalid_params(exc: RequestValidationError) -> list[InvalidParam]:
    params = []
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ())]
        params.append(
            InvalidParam(
                name=".".join(location) or "body",
                code=str(error.get("type", "invalid")),
                reason=str(error.get("msg", "ongeldig")),
            )
        )
    return params


def _allowed(request: Request) -> str:
    """Every method the resource has (RFC 9110 15.5.6). Starlette names only the first route
    that matched the path, and a resource's methods are often declared in separate routes, so
    each method is tried against the app's own routing."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes
        )
    )


def install_problem_handlers(app: FastAPI) -> None:
    """400 for every validation error at once (never 422), problem+json for all errors."""

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        params = _invalid_params(exc)
        return problem_response(
            400,
            "ongeldige-invoer",
            "Een of meer velden zijn ongeldig.",
            f"{len(params)} ongeldige invoer: " + ", ".join(p.name for p in params),
            params,
        )

    @app.exception_handler(DomainError)
    async def _domain(_request: Request, exc: DomainError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return problem_response(
            exc.status,
            exc.code,
            exc.title,
            exc.detail,
            exc.invalid_params,
            headers=headers,
            extensions=exc.extensions,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "niet-gevonden", 405: "methode-niet-toegestaan"}.get(exc.status_code, "fout")
        headers = exc.headers
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": _allowed(request)}
        return problem_response(
            exc.status_code, code, str(exc.detail), str(exc.detail), headers=headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("http.unexpected_error", error=type(exc).__name__)
        return problem_response(
            500, "interne-fout", "Interne fout.", "Er ging iets mis; probeer het later opnieuw."
        )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the given error statuses."""
    return {status: {"model": Problem, "description": "Fout"} for status in statuses}
