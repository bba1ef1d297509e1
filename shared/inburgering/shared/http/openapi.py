"""Shape the generated OpenAPI document to the NL API Design Rules."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from inburgering.shared.http.problems import PROBLEM_JSON

API_VERSION_HEADER = {
    "description": "De volledige versie van de API (semver)",
    "schema": {"type": "string", "example": "1.0.0"},
}
_METHODS = {"get", "put", "post", "delete", "patch"}
OWN_ERROR_FORMAT = "x-foutformaat"


def install_nl_openapi(app: FastAPI) -> None:
    """Every 2xx/3xx declares API-Version; errors are problem+json only; no FastAPI 422."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            contact=app.contact,
            servers=app.servers,
        )
        for path_item in document.get("paths", {}).values():
            for method, operation in path_item.items():
                if method in _METHODS:
                    _shape_operation(operation)
                if method == "post" and OWN_ERROR_FORMAT not in operation:
                    _declare_idempotency(operation)
        schemas = document.get("components", {}).get("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]


IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Een unieke sleutel per verzoek (bv. een UUID): hetzelfde verzoek opnieuw met dezelfde "
        "sleutel geeft het oorspronkelijke antwoord (24 uur lang) zonder het opnieuw uit te "
        "voeren."
    ),
    "schema": {"type": "string", "maxLength": 200},
}


def _declare_idempotency(operation: dict[str, Any]) -> None:
    """The header, and the answers it can bring: a key reused for another request (422), the
    same request still being carried out (409), a malformed key (400)."""
    operation.setdefault("parameters", []).append(IDEMPOTENCY_KEY)
    responses = operation.setdefault("responses", {})
    for status, description in (
        ("400", "Ongeldig verzoek"),
        ("409", "Conflict, of hetzelfde verzoek nog in behandeling"),
        ("422", "Deze Idempotency-Key hoort bij een ander verzoek"),
    ):
        responses.setdefault(
            status,
            {"description": description, "content": {PROBLEM_JSON: {"schema": _problem_ref()}}},
        )


def _shape_operation(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    responses.pop("422", None)
    # An operation that implements someone else's contract (DUO's Notificatie API) keeps the
    # error format that contract prescribes; it says so with `x-foutformaat`.
    own_errors = OWN_ERROR_FORMAT in operation
    for status, response in responses.items():
        code = int(status) if status.isdigit() else 0
        if 200 <= code < 400:
            response.setdefault("headers", {}).setdefault("API-Version", API_VERSION_HEADER)
        elif code >= 400 and not own_errors:
            content = response.get("content", {})
            schema = next((c["schema"] for c in content.values() if "schema" in c), None)
            response["content"] = {PROBLEM_JSON: {"schema": schema or _problem_ref()}}


def _problem_ref() -> dict[str, str]:
    return {"$ref": "#/components/schemas/Problem"}
