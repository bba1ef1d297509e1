"""Every service's OpenAPI document against the NL API Design Rules linter (Logius' Spectral
ruleset, read from the reference folder next to the repository, never copied into it).

Spectral comes from the npm registry on first use, pinned, into a cache folder that git ignores.
Intake's DUO-facing endpoint follows DUO's own contract (its error bodies and a date-time
registration field), so those findings are the standard's known exceptions; nothing else is."""

from __future__ import annotations

import asyncio
import importlib
import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from inburgering.devtools.platform import SERVICES
from inburgering.shared.runtime import ServiceRuntime

REPOSITORY = Path(__file__).resolve().parents[2]
RULESET = REPOSITORY.parent / "shared" / "reference" / "nl-api-design-rules" / "linter.yaml"
SPECTRAL_VERSION = "6.16.3"
CACHE = REPOSITORY / ".cache" / f"spectral-{SPECTRAL_VERSION}"

# (service, rule, path prefix) of deliberate deviations, each with its reason.
EXCEPTIONS = {
    # DUO posts to /notificaties with DUO's error body ({"fouttekst": ...}), per DUO's spec.
    ("intake", "nlgov:use-problem-schema", "paths./notificaties.post"),
    # DUO's registratieDatumTijd is a moment, which the rule's name heuristic takes for a date.
    ("intake", "nlgov:use-date-instead-of-datetime", "paths./notificaties.post"),
    ("intake", "nlgov:use-date-instead-of-datetime", "components.schemas.DuoNotificatieRead"),
}


@pytest.fixture(scope="module")
def spectral() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "spectral"
    if not binary.exists():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install the API Design Rules linter"
        subprocess.run(
            [npm, "install", "--prefix", str(CACHE), "--no-audit", "--no-fund",
             f"@stoplight/spectral-cli@{SPECTRAL_VERSION}"],
            check=True,
            capture_output=True,
            timeout=300,
        )  # fmt: skip
    return binary


def _document(service: str) -> dict:
    bootstrap = importlib.import_module(f"inburgering.{service}.bootstrap")

    async def fetch() -> dict:
        app = ServiceRuntime(bootstrap.build_parts()).create_app()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return (await client.get("/v1/openapi.json")).json()

    return asyncio.run(fetch())


def _excepted(service: str, finding: dict) -> bool:
    where = ".".join(str(part) for part in finding["path"])
    return any(
        (service, finding["code"]) == (s, rule) and where.startswith(prefix)
        for s, rule, prefix in EXCEPTIONS
    )


@pytest.mark.parametrize("service", SERVICES)
def test_the_openapi_document_follows_the_api_design_rules(
    service: str, spectral: Path, tmp_path: Path
) -> None:
    document = tmp_path / f"{service}.json"
    document.write_text(json.dumps(_document(service)))
    result = subprocess.run(
        [str(spectral), "lint", "-r", str(RULESET), "-f", "json", "--quiet", str(document)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings = json.loads(result.stdout or "[]")
    errors = [f for f in findings if f["severity"] == 0 and not _excepted(service, f)]
    assert errors == [], "\n".join(
        f"{f['code']} at {'.'.join(map(str, f['path']))}: {f['message']}" for f in errors
    )
