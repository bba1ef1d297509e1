"""Every service's OpenAPI document against the NL API Design Rules linter (Logius' Spectral
ruleset, read from the reference folder next to the repository, never copied into it).

Spectral comes from the npm registry on first use, pinned, into a cache folder that git ignores.
Intake's `POST /notificaties` is DUO's own contract (DUO's Notificatie API, with its Foutmelding
error body and its date-time registratieDatumTijd), which the document's description says; errors
under that path are DUO's, and everywhere else no error is allowed."""

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

# Paths that implement another party's contract, per service: DUO calls intake's
# POST /notificaties exactly as DUO's Notificatie API defines it and will not adapt to ours.
OTHER_CONTRACTS = {"intake": ("paths./notificaties.",)}


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
    return where.startswith(OTHER_CONTRACTS.get(service, ()))


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


@pytest.mark.parametrize("service", sorted(OTHER_CONTRACTS))
def test_every_deviation_is_stated_in_the_api_description(service: str) -> None:
    description = _document(service)["info"]["description"]
    assert "API Design Rules" in description
    for prefix in OTHER_CONTRACTS[service]:
        path = prefix.removeprefix("paths.").removesuffix(".")
        assert f"{path}`" in description, f"{service}'s description does not name {path}"
