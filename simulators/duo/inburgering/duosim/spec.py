"""Check HTTP messages against DUO's own OpenAPI files (duonl/gemeente-m2m-inburgering).

Used by tests: the files are read from the reference folder next to the repository, never
copied into it. Needs pyyaml and jsonschema (the workspace's dev group)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

REPOSITORY_ROOT = Path(__file__).resolve().parents[4]
REFERENCE = REPOSITORY_ROOT.parent / "shared" / "reference" / "duo-m2m"


_FORMATS = jsonschema.FormatChecker()


@_FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    """RFC 3339 (jsonschema checks it only with an optional extra package)."""
    if not isinstance(value, str):
        return True
    if "T" not in value.upper():
        return False
    return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None


def beschikbaar() -> bool:
    return (REFERENCE / "API").is_dir()


@cache
def document(api: str) -> dict[str, Any]:
    return yaml.safe_load((REFERENCE / "API" / api / "openapi.yml").read_text())


@dataclass(frozen=True)
class Operatie:
    api: str
    pad: str
    method: str
    spec: dict[str, Any]


def operatie(api: str, method: str, path: str) -> Operatie:
    """The operation of `api` whose path template matches `path` (without the /v1 base path)."""
    for template, item in document(api)["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in item:
            return Operatie(api, template, method.lower(), item[method.lower()])
    raise AssertionError(f"{method} {path} is geen operatie van de {api} API")


def _schema(api: str, schema: dict[str, Any]) -> dict[str, Any]:
    # Local $refs (#/components/...) resolve against a root that carries the components.
    return {"components": document(api).get("components", {}), **schema}


def _valideer(api: str, schema: dict[str, Any], value: Any, waar: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(_schema(api, schema), format_checker=_FORMATS)
    return [f"{waar}: {e.message}" for e in validator.iter_errors(value)]


def _parameters(op: Operatie) -> list[dict[str, Any]]:
    doc = document(op.api)
    params = [*doc["paths"][op.pad].get("parameters", []), *op.spec.get("parameters", [])]
    resolved = []
    for param in params:
        if "$ref" in param:
            name = param["$ref"].rsplit("/", 1)[-1]
            param = doc["components"]["parameters"][name]
        resolved.append(param)
    return resolved


def verzoek_fouten(
    api: str, method: str, path: str, headers: dict[str, str], body: Any = None
) -> list[str]:
    """Everything in a request that DUO's spec does not allow (headers, path, body)."""
    op = operatie(api, method, path)
    lower = {k.lower(): v for k, v in headers.items()}
    fouten: list[str] = []
    waarden = dict(zip(re.findall(r"\{([^}]+)\}", op.pad), _path_values(op.pad, path), strict=True))
    for param in _parameters(op):
        name, plaats = param["name"], param["in"]
        value = lower.get(name.lower()) if plaats == "header" else waarden.get(name)
        if value is None:
            if param.get("required"):
                fouten.append(f"{plaats} {name} ontbreekt")
            continue
        fouten += _valideer(api, param.get("schema", {}), value, f"{plaats} {name}")
    request_body = op.spec.get("requestBody")
    if request_body:
        schema = request_body["content"]["application/json"]["schema"]
        if body is None and request_body.get("required"):
            fouten.append("body ontbreekt")
        elif body is not None:
            fouten += _valideer(api, schema, body, "body")
    return fouten


def antwoord_fouten(
    api: str, method: str, path: str, status: int, headers: dict[str, str], body: Any = None
) -> list[str]:
    """Everything in a response that DUO's spec does not allow (status, headers, body)."""
    op = operatie(api, method, path)
    response = op.spec["responses"].get(str(status))
    if response is None:
        return [f"status {status} staat niet in de spec ({sorted(op.spec['responses'])})"]
    lower = {k.lower(): v for k, v in headers.items()}
    fouten: list[str] = []
    for name, header in response.get("headers", {}).items():
        value = lower.get(name.lower())
        if value is None:
            if header.get("required"):
                fouten.append(f"header {name} ontbreekt")
            continue
        fouten += _valideer(api, header.get("schema", {}), value, f"header {name}")
    content = response.get("content", {}).get("application/json")
    if content is not None and body is not None:
        fouten += _valideer(api, content["schema"], body, "body")
    return fouten


def schema_fouten(api: str, schema_naam: str, value: Any) -> list[str]:
    return _valideer(api, {"$ref": f"#/components/schemas/{schema_naam}"}, value, schema_naam)


def _path_values(template: str, path: str) -> list[str]:
    pattern = "^" + re.sub(r"\{[^}]+\}", "([^/]+)", template) + "$"
    match = re.match(pattern, path)
    return list(match.groups()) if match else []
