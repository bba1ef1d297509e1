"""What CI can check of the deployment without a container engine."""

from __future__ import annotations

import importlib
import importlib.resources
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from inburgering.devtools.deployment import COMPOSE_FILE, K8S_DIR, SERVICES, expected_files

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES_VERSION = "1.30"
# `uv run` names its own binary in UV; the test suite always runs under it (scripts/test).
UV = os.environ.get("UV") or shutil.which("uv") or "uv"


def test_generated_deployment_files_are_current() -> None:
    stale = [
        str(path.relative_to(ROOT))
        for path, content in expected_files().items()
        if not path.exists() or path.read_text() != content
    ]
    assert stale == [], f"stale: {stale}; run `uv run inburgering-dev deployment` and commit"


def test_compose_file_follows_the_compose_specification() -> None:
    schema_file = importlib.resources.files("check_jsonschema.builtin_schemas.vendor").joinpath(
        "compose-spec.json"
    )
    schema = json.loads(schema_file.read_text())
    jsonschema.validate(yaml.safe_load(COMPOSE_FILE.read_text()), schema)


def test_compose_runs_every_role_of_every_service_after_its_migration() -> None:
    services = yaml.safe_load(COMPOSE_FILE.read_text())["services"]
    for service in SERVICES:
        for role in ("api", "relay", "consumer"):
            entry = services[f"{service.name}-{role}"]
            assert entry["depends_on"][f"{service.name}-migrate"]["condition"] == (
                "service_completed_successfully"
            )
        assert services[f"{service.name}-migrate"]["command"] == ["migrate"]


@pytest.mark.parametrize("manifest", sorted(K8S_DIR.glob("*/*.yaml")), ids=lambda p: p.name)
def test_kubernetes_manifests_are_valid(manifest: Path) -> None:
    for document in yaml.safe_load_all(manifest.read_text()):
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_every_deployment_has_probes_resources_and_runs_unprivileged() -> None:
    for manifest in K8S_DIR.glob("*/deployment-*.yaml"):
        deployment = yaml.safe_load(manifest.read_text())
        [container] = deployment["spec"]["template"]["spec"]["containers"]
        assert container["livenessProbe"]["httpGet"]["path"] == "/health"
        assert container["readinessProbe"]["httpGet"]["path"] == "/ready"
        assert container["resources"]["limits"]
        assert container["securityContext"]["runAsNonRoot"] is True


def test_the_dockerfile_installs_one_service_and_runs_as_non_root() -> None:
    dockerfile = (ROOT / "deploy" / "docker" / "Dockerfile").read_text()
    assert '--package "inburgering-${SERVICE}"' in dockerfile
    assert re.search(r"^USER 10001", dockerfile, re.MULTILINE)


@pytest.mark.parametrize("service", [s.name for s in SERVICES])
def test_each_image_entrypoint_imports_with_only_its_own_dependencies(service: str) -> None:
    """As in the image: only this service and the shared library, so phantom imports fail."""
    assert callable(importlib.import_module(f"inburgering.{service}.entrypoints").main)
    result = subprocess.run(
        [
            UV,
            "run",
            "--isolated",
            "--no-dev",
            "--frozen",
            "--package",
            f"inburgering-{service}",
            "python",
            "-c",
            f"import inburgering.{service}.entrypoints, inburgering.{service}.bootstrap as b; "
            "b.build_parts()",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_observability_files_are_current_and_the_overlay_is_valid_compose() -> None:
    from inburgering.devtools import observability

    stale = [
        str(path.relative_to(ROOT))
        for path, content in observability.expected_files().items()
        if not path.exists() or path.read_text() != content
    ]
    assert stale == [], f"stale: {stale}; run `uv run inburgering-dev deployment` and commit"
    schema_file = importlib.resources.files("check_jsonschema.builtin_schemas.vendor").joinpath(
        "compose-spec.json"
    )
    jsonschema.validate(
        yaml.safe_load(observability.OVERLAY.read_text()), json.loads(schema_file.read_text())
    )


def test_prometheus_scrapes_every_process_that_compose_runs() -> None:
    from inburgering.devtools import observability

    scraped = set(observability.prometheus()["scrape_configs"][0]["static_configs"][0]["targets"])
    services = yaml.safe_load(COMPOSE_FILE.read_text())["services"]
    running = {
        f"{name}:8000" for name, entry in services.items() if entry.get("command") == ["serve"]
    }
    assert scraped == running
