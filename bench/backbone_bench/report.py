"""The runs of one benchmark: medians, ratios, JSON and the table."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from backbone_bench.backlog import BacklogRun
from backbone_bench.baseline import BaselineRun
from backbone_bench.config import Config
from backbone_bench.platform_path import PlatformRun


@dataclass
class Report:
    config: Config
    baseline: list[BaselineRun] = field(default_factory=list)
    platform: list[PlatformRun] = field(default_factory=list)
    backlog: list[BacklogRun] = field(default_factory=list)
    # Other work on the machine skews absolute numbers; the ratios are what to compare.
    load_before: tuple[float, float, float] = field(default_factory=os.getloadavg)
    load_after: tuple[float, float, float] | None = None

    def ratios(self) -> dict[str, list[float]]:
        """Per repetition, against the baseline measured just before it."""
        return {
            "platform_vs_baseline_end_to_end": [
                p.end_to_end_eps / b.end_to_end_eps
                for b, p in zip(self.baseline, self.platform, strict=True)
            ],
            "backlog_drain_vs_raw_produce": [
                d.drain_eps / b.produce_eps
                for b, d in zip(self.baseline, self.backlog, strict=True)
            ],
        }

    def medians(self) -> dict[str, dict[str, float]]:
        result = {
            name: median_of(runs)
            for name, runs in (
                ("baseline", self.baseline),
                ("platform", self.platform),
                ("backlog", self.backlog),
            )
        }
        result["ratios"] = {k: statistics.median(v) for k, v in self.ratios().items()}
        return result

    def to_json(self) -> dict[str, Any]:
        return {
            "generated_at": datetime.now(UTC).isoformat(),
            "machine": {
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "broker": "tansu (memory storage) on 127.0.0.1",
                "load_average_before": self.load_before,
                "load_average_after": self.load_after,
            },
            "config": asdict(self.config),
            "median": self.medians(),
            "runs": {
                "baseline": [asdict(r) for r in self.baseline],
                "platform": [asdict(r) for r in self.platform],
                "backlog": [asdict(r) for r in self.backlog],
                "ratios": self.ratios(),
            },
        }


def median_of(runs: Sequence[Any]) -> dict[str, float]:
    if not runs:
        return {}
    return {
        f.name: statistics.median(float(getattr(run, f.name)) for run in runs)
        for f in fields(runs[0])
    }


def render(report: Report) -> str:
    c = report.config
    m = report.medians()
    b, p, d, r = m["baseline"], m["platform"], m["backlog"], m["ratios"]
    rows = [
        ("baseline: raw produce, acks=all", b["produce_eps"], "1.00"),
        ("baseline: raw produce + consume (e2e)", b["end_to_end_eps"], "1.00"),
        (
            "platform: commit -> state row (e2e)",
            p["end_to_end_eps"],
            f"{r['platform_vs_baseline_end_to_end']:.2f}  (vs baseline e2e)",
        ),
        (f"  writers: {c.writers} x 1 event/transaction", p["commit_eps"], ""),
        ("  relay publish", p["relay_eps"], ""),
        ("  consumer: inbox + state row", p["consumer_eps"], ""),
        (
            f"backlog: Relay.drain() of {c.backlog}",
            d["drain_eps"],
            f"{r['backlog_drain_vs_raw_produce']:.2f}  (vs raw produce)",
        ),
    ]
    lines = [
        f"event backbone, {c.database}: N={c.events}, M={c.backlog}, "
        f"median of {c.repeats}, {os.cpu_count()} cpus, Tansu (memory)",
        f"{'measurement':<44}{'events/s':>10}   ratio",
        "-" * 72,
        *(f"{name:<44}{eps:>10.0f}   {ratio}" for name, eps, ratio in rows),
        "-" * 72,
        f"relay lag after last commit {p['relay_lag_seconds']:.2f}s, "
        f"last state row after last commit {p['consumer_lag_seconds']:.2f}s",
        "load average before/after: "
        + " / ".join(
            " ".join(f"{x:.1f}" for x in load)
            for load in (report.load_before, report.load_after)
            if load
        ),
    ]
    return "\n".join(lines)
