"""Throughput of the event backbone, as ratios to raw aiokafka measured in the same run.

    uv run python bench/backbone.py [--events N] [--backlog M] [--database sqlite|postgres]

Three measurements, each repeated (median reported), interleaved so that drift of the machine
hits all of them alike:

1. baseline: raw aiokafka produces N records shaped like our CloudEvents and a consumer group
   reads them with manual commits;
2. platform: N events committed through UnitOfWork + Outbox, published by a running Relay and
   applied by the shared Consumer (inbox + one state row per event) in a second database;
3. backlog: M events already in the outbox, published by one Relay.drain().

The parts live in the backbone_bench package next to this script; this file is the command line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# Run as a script, Python puts this folder on sys.path; loaded by its path (the smoke test under
# pytest's importlib mode) nothing does, and the package next to it must still import.
BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.append(str(BENCH_DIR))

from backbone_bench.backlog import measure_backlog  # noqa: E402
from backbone_bench.baseline import measure_baseline  # noqa: E402
from backbone_bench.config import Config  # noqa: E402
from backbone_bench.platform_path import measure_platform  # noqa: E402
from backbone_bench.report import render  # noqa: E402
from backbone_bench.run import run_benchmark  # noqa: E402

from inburgering.shared.logging import configure_logging  # noqa: E402
from inburgering.shared.testing.broker import TansuBroker  # noqa: E402

__all__ = ["Config", "main", "measure_backlog", "measure_baseline", "measure_platform"]

RESULTS_DIR = BENCH_DIR / "results"


def parse_args(argv: Sequence[str]) -> tuple[Config, Path]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=Config.events, help="N (default 5000)")
    parser.add_argument("--backlog", type=int, default=Config.backlog, help="M (default 20000)")
    parser.add_argument("--database", choices=("postgres", "sqlite"), default=Config.database)
    parser.add_argument("--repeats", type=int, default=Config.repeats)
    parser.add_argument("--writers", type=int, default=Config.writers)
    parser.add_argument("--quick", action="store_true", help="N=200, M=1000, one repetition")
    parser.add_argument("--output", type=Path, help="JSON file (default bench/results/latest.json)")
    args = parser.parse_args(argv)
    if args.quick:
        config = Config(
            events=200, backlog=1000, database=args.database, repeats=1, writers=args.writers
        )
        output = args.output or RESULTS_DIR / "quick.json"
    else:
        config = Config(
            events=args.events,
            backlog=args.backlog,
            database=args.database,
            repeats=args.repeats,
            writers=args.writers,
        )
        output = args.output or RESULTS_DIR / "latest.json"
    return config, output


def main(argv: Sequence[str] | None = None) -> int:
    config, output = parse_args(sys.argv[1:] if argv is None else argv)
    configure_logging(json=False, level="WARNING")
    began = time.monotonic()
    kafka = TansuBroker.start()
    try:
        report = asyncio.run(
            run_benchmark(config, kafka.bootstrap_servers, lambda s: print(s, file=sys.stderr))
        )
    finally:
        kafka.stop()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report.to_json(), indent=2) + "\n")
    print(render(report))
    print(f"({time.monotonic() - began:.0f}s; results in {output})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
