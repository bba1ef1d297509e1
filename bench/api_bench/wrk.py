"""Load from wrk (C, two threads): it leaves the two cores to the servers far more than a
Python load generator would. The Lua scripts make each POST a new person (a valid BSN from a
counter) and spread the reads over known ids."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
SCRIPTS = {"post": HERE / "post.lua", "get": HERE / "get.lua"}


@dataclass(frozen=True)
class Uitslag:
    per_seconde: float
    p50_ms: float
    p99_ms: float
    verzoeken: int
    fouten: int
    rapport: str = ""


def beschikbaar() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("bench/api.py needs wrk: apt-get install wrk")
    return path


def laad(
    url: str,
    script: Path,
    env: dict[str, str],
    *,
    seconden: int,
    verbindingen: int,
) -> Uitslag:
    result = subprocess.run(
        [
            beschikbaar(),
            "-t2",
            f"-c{verbindingen}",
            f"-d{seconden}s",
            "--timeout",
            "30s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return lees(result.stdout)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text.strip()).groups()  # type: ignore[union-attr]
    return float(value) * _UNITS[unit]


def lees(output: str) -> Uitslag:
    """wrk's report: requests/s, the latency percentiles, and every answer that was no 2xx."""
    rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    fouten = int(non_2xx.group(1)) if non_2xx else 0
    if errors:
        fouten += sum(int(g) for g in errors.groups())
    return Uitslag(rate, p50, p99, total, fouten, output)
