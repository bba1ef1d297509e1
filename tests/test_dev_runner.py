"""The development runner starts a service that stopped again, and gives up on one that keeps
stopping, instead of taking the whole platform down at the first exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from inburgering.devtools import platform


def _exits_at_once(*_args: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])


def test_a_service_that_stops_is_started_again_until_it_keeps_stopping(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gestart: list[str] = []

    def start_service(service: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        gestart.append(service)
        return _exits_at_once()

    monkeypatch.setattr(platform, "start_service", start_service)
    simulator = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        processes = [simulator, _exits_at_once()]
        platform._supervise(processes, {1: ("routes", {}, tmp_path / "routes.log")})
    finally:
        simulator.kill()
    assert gestart == ["routes"] * platform.RESTART_LIMIT
