"""Smoke test of bench/backbone.py: tiny runs on PostgreSQL and Tansu, every event exactly once."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.kafka]
SCRIPT = Path(__file__).with_name("backbone.py")


def _load_benchmark() -> ModuleType:
    # bench/ is no package and pytest runs in importlib mode: load the script by its path.
    spec = importlib.util.spec_from_file_location("bench_backbone", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()
TINY = bench.Config(
    events=60, backlog=300, database="postgres", repeats=1, writers=4, deadline_seconds=60
)


async def test_platform_path_applies_every_event_exactly_once(kafka_bootstrap: str) -> None:
    run = await bench.measure_platform(kafka_bootstrap, TINY)

    assert run.delivered == TINY.events
    assert run.distinct == TINY.events
    assert run.ids_match  # the state rows name exactly the events the writers committed
    assert run.dead_lettered == 0
    assert run.end_to_end_eps > 0


async def test_baseline_reads_every_record(kafka_bootstrap: str) -> None:
    run = await bench.measure_baseline(kafka_bootstrap, TINY)

    assert run.consumed == TINY.events
    assert run.produce_eps > 0
    assert run.end_to_end_eps > 0


async def test_backlog_drain_publishes_each_event_once(kafka_bootstrap: str) -> None:
    run = await bench.measure_backlog(kafka_bootstrap, TINY)

    assert run.published == TINY.backlog
    assert run.on_topic == TINY.backlog
    assert run.distinct_on_topic == TINY.backlog
    assert run.left_unpublished == 0


def test_cli_writes_medians_and_ratios(tmp_path: Path) -> None:
    output = tmp_path / "result.json"
    argv = ["--events", "30", "--backlog", "100", "--repeats", "1", "--output", str(output)]

    # A process of its own, as people run it (it starts its own broker and sets up logging).
    finished = subprocess.run(
        [sys.executable, str(SCRIPT), *argv], capture_output=True, text=True, timeout=240
    )

    assert finished.returncode == 0, finished.stderr[-2000:]
    assert "platform: commit -> state row" in finished.stdout

    result = json.loads(output.read_text())
    assert result["config"]["events"] == 30
    assert len(result["runs"]["platform"]) == 1
    assert all(run["delivered"] == run["distinct"] == 30 for run in result["runs"]["platform"])
    assert result["median"]["ratios"]["platform_vs_baseline_end_to_end"] > 0
    assert result["median"]["ratios"]["backlog_drain_vs_raw_produce"] > 0
