"""One benchmark: the three measurements interleaved per repetition, each checked as it ends."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable

from backbone_bench.backlog import BacklogRun, measure_backlog
from backbone_bench.baseline import BaselineRig
from backbone_bench.config import Config
from backbone_bench.platform_path import PlatformRig, PlatformRun
from backbone_bench.report import Report


def check_exactly_once(run: PlatformRun, config: Config) -> None:
    """Numbers from a run that lost or duplicated events would be meaningless."""
    if not (run.delivered == run.distinct == config.events and run.ids_match):
        raise AssertionError(f"platform run did not deliver exactly once: {run}")


def check_drained(run: BacklogRun, config: Config) -> None:
    expected = config.backlog
    if not (run.published == run.on_topic == run.distinct_on_topic == expected):
        raise AssertionError(f"backlog run did not publish each event once: {run}")
    if run.left_unpublished:
        raise AssertionError(f"backlog run left {run.left_unpublished} rows unpublished")


async def run_benchmark(
    config: Config, bootstrap: str, progress: Callable[[str], None] = lambda _: None
) -> Report:
    report = Report(config)
    began = time.monotonic()

    def step(repeat: int, what: str) -> None:
        progress(f"{time.monotonic() - began:6.1f}s [{repeat}/{config.repeats}] {what}")

    for repeat in range(1, config.repeats + 1):
        step(repeat, "setting up (topics, databases, consumer groups)")
        async with contextlib.AsyncExitStack() as stack:
            # Tansu holds every first JoinGroup for seconds: both groups join at the same time.
            async with asyncio.TaskGroup() as group:
                opening = [
                    group.create_task(stack.enter_async_context(rig.open(bootstrap, config)))
                    for rig in (BaselineRig, PlatformRig)
                ]
            baseline, platform_path = (task.result() for task in opening)
            step(repeat, "baseline (raw aiokafka)")
            report.baseline.append(await baseline.run())
            step(repeat, f"platform path ({config.database})")
            run = await platform_path.run()
        check_exactly_once(run, config)
        report.platform.append(run)
        step(repeat, f"backlog drain ({config.database})")
        drained = await measure_backlog(bootstrap, config)
        check_drained(drained, config)
        report.backlog.append(drained)
    step(config.repeats, "done")
    report.load_after = os.getloadavg()
    return report
