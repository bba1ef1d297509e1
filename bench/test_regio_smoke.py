"""Smoke test of bench/regio.py: a small region, every figure answers within the bar."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
SCRIPT = Path(__file__).with_name("regio.py")


def _load():  # type: ignore[no-untyped-def]
    # bench/ is no package and pytest runs in importlib mode: load the script by its path.
    spec = importlib.util.spec_from_file_location("bench_regio", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


async def test_every_region_figure_answers_for_a_small_region() -> None:
    metingen = await _load().meet(inburgeraars=500, herhalingen=1)
    assert metingen, "the bench asked nothing"
    assert all(m.binnen_grens for m in metingen), metingen
