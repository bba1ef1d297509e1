"""How fast the request path answers: intake's API on PostgreSQL against a bare FastAPI +
asyncpg app doing one insert or one select per request, measured in the same run.

Both run as their own processes under uvicorn on the same PostgreSQL; intake with every role it
has in production (api, relay, consumer, scheduler) and a Tansu broker, as `scripts/run` starts
it. wrk (two threads, fixed connections) loads one path at a time; the platform and the
baseline alternate per repetition and the ratio is taken per repetition, then the median.

    uv run python bench/api.py                 # 20 s per path, 3 repetitions
    uv run python bench/api.py --quick         # 3 s per path, 1 repetition (smoke)

Every answer must be a 2xx (wrk counts the others): a run with errors fails instead of
reporting. JSON to bench/results/api.json (quick: api-quick.json); the table to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))

from api_bench import wrk

from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.settings import DEV_JWT_SECRET
from inburgering.shared.testing.broker import TansuBroker, free_port
from inburgering.shared.testing.postgres import create_database, drop_database

RESULTS = Path(__file__).with_name("results")
BARE = Path(__file__).with_name("api_bench") / "bare.py"
GEMEENTE = "GM0772"


@dataclass(frozen=True)
class Meting:
    pad: str
    platform_per_seconde: float
    bare_per_seconde: float
    verhouding: float
    platform_p50_ms: float
    platform_p99_ms: float
    bare_p50_ms: float
    bare_p99_ms: float


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _wait_ready(url: str, process: subprocess.Popen[bytes], within: float = 90) -> None:
    deadline = time.monotonic() + within
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{url} exited with code {process.returncode}")
            try:
                if (await client.get(url, timeout=1)).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError(f"{url} not ready within {within}s")


def _start_intake(database_url: str, port: int, broker: str, data: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "INTAKE_DATABASE_URL": database_url,
        "INTAKE_HTTP_PORT": str(port),
        "INTAKE_KAFKA_BOOTSTRAP_SERVERS": broker,
        "INTAKE_KAFKA_IDEMPOTENCE": "false",
        "INTAKE_DATA_DIR": str(data),
        "INTAKE_LOG_JSON": "true",
    }
    log = open(data / "intake.log", "ab")
    return subprocess.Popen(
        [sys.executable, "-m", "inburgering.intake.entrypoints", "serve"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _start_bare(database_url: str, port: int, data: Path) -> subprocess.Popen[bytes]:
    log = open(data / "bare.log", "ab")
    return subprocess.Popen(
        [sys.executable, str(BARE), _dsn(database_url), str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )


async def _ids(base: str, token: str, path: Path) -> None:
    """Ids of people the write phase created, for the reads."""
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        headers = {"Authorization": f"Bearer {token}"}
        ids: list[str] = []
        for offset in range(0, 1000, 200):
            page = await client.get(
                "/v1/inburgeraars", params={"limit": 200, "offset": offset}, headers=headers
            )
            if page.status_code == 404 or not page.json():
                break
            ids += [p["id"] for p in page.json()]
    if not ids:
        raise RuntimeError(f"{base} has no people to read")
    await asyncio.to_thread(path.write_text, "\n".join(ids) + "\n")


async def _bare_ids(database_url: str, path: Path) -> None:
    import asyncpg

    conn = await asyncpg.connect(_dsn(database_url))
    try:
        rows = await conn.fetch("SELECT id FROM persoon LIMIT 1000")
    finally:
        await conn.close()
    text = "\n".join(str(r["id"]) for r in rows) + "\n"
    await asyncio.to_thread(path.write_text, text)


async def meet(
    *, seconden: int = 20, herhalingen: int = 3, verbindingen: int = 32
) -> tuple[list[Meting], dict[str, float]]:
    wrk.beschikbaar()
    broker = TansuBroker.start()
    intake_db = await create_database("bench_api_intake")
    bare_db = await create_database("bench_api_bare")
    token = mint_dev_token(DEV_JWT_SECRET, rol=Rol.GEMEENTE, gemeentecodes=[GEMEENTE])
    processes: list[subprocess.Popen[bytes]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
            data = Path(tmp)
            scripts = wrk.SCRIPTS
            intake_port, bare_port = free_port(), free_port()
            intake = _start_intake(intake_db, intake_port, broker.bootstrap_servers, data)
            bare = _start_bare(bare_db, bare_port, data)
            processes += [intake, bare]
            urls = {
                "platform": f"http://127.0.0.1:{intake_port}",
                "bare": f"http://127.0.0.1:{bare_port}",
            }
            await _wait_ready(urls["platform"] + "/ready", intake)
            await _wait_ready(urls["bare"] + "/v1/inburgeraars", bare)

            def run(kant: str, script: str, seed: int, **extra: str) -> wrk.Uitslag:
                env = {
                    **os.environ,
                    "WRK_TOKEN": token,
                    "WRK_SEED": str(seed),
                    "WRK_PATH": "",
                    **extra,
                }
                uitslag = wrk.laad(
                    urls[kant], scripts[script], env, seconden=seconden, verbindingen=verbindingen
                )
                if uitslag.fouten:
                    raise RuntimeError(
                        f"{kant} {script}: {uitslag.fouten} answers were no 2xx\n{uitslag.rapport}"
                    )
                return uitslag

            # Warm up both (statement caches, JIT of nothing, pools full), unmeasured.
            for kant in urls:
                wrk.laad(
                    urls[kant],
                    scripts["post"],
                    {**os.environ, "WRK_TOKEN": token, "WRK_SEED": "9", "WRK_PATH": ""},
                    seconden=2,
                    verbindingen=verbindingen,
                )
            await _ids(urls["platform"], token, data / "platform.ids")
            await _bare_ids(bare_db, data / "bare.ids")

            paden = {
                "POST /v1/inburgeraars": ("post", {}),
                "GET /v1/inburgeraars/{id}": ("get", {}),
                "GET /v1/inburgeraars": ("get", {"WRK_PATH": "/v1/inburgeraars?limit=50"}),
            }
            ruw: dict[str, list[tuple[wrk.Uitslag, wrk.Uitslag]]] = {p: [] for p in paden}
            for herhaling in range(herhalingen):
                for pad, (script, extra) in paden.items():
                    seed = 100 + herhaling * 2
                    bare_uitslag = run(
                        "bare", script, seed, WRK_IDS=str(data / "bare.ids"), **extra
                    )
                    platform_uitslag = run(
                        "platform", script, seed + 1, WRK_IDS=str(data / "platform.ids"), **extra
                    )
                    ruw[pad].append((platform_uitslag, bare_uitslag))
                    print(
                        f"  {pad}: platform {platform_uitslag.per_seconde:.0f}/s, "
                        f"bare {bare_uitslag.per_seconde:.0f}/s",
                        file=sys.stderr,
                    )
            geheugen = {
                "intake_rss_mb": round(_rss_mb(intake.pid), 1),
                "bare_rss_mb": round(_rss_mb(bare.pid), 1),
            }
            metingen = [_mediaan(pad, paren) for pad, paren in ruw.items()]
            return metingen, geheugen
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        broker.stop()
        await drop_database(intake_db)
        await drop_database(bare_db)


def _mediaan(pad: str, paren: list[tuple[wrk.Uitslag, wrk.Uitslag]]) -> Meting:
    m = statistics.median
    return Meting(
        pad=pad,
        platform_per_seconde=round(m(p.per_seconde for p, _ in paren), 1),
        bare_per_seconde=round(m(b.per_seconde for _, b in paren), 1),
        verhouding=round(m(p.per_seconde / b.per_seconde for p, b in paren), 3),
        platform_p50_ms=round(m(p.p50_ms for p, _ in paren), 1),
        platform_p99_ms=round(m(p.p99_ms for p, _ in paren), 1),
        bare_p50_ms=round(m(b.p50_ms for _, b in paren), 1),
        bare_p99_ms=round(m(b.p99_ms for _, b in paren), 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    seconden, herhalingen = (3, 1) if args.quick else (args.seconds, args.repetitions)
    metingen, geheugen = asyncio.run(
        meet(seconden=seconden, herhalingen=herhalingen, verbindingen=args.connections)
    )
    output = args.output or RESULTS / ("api-quick.json" if args.quick else "api.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(
            {
                "seconden": seconden,
                "herhalingen": herhalingen,
                "verbindingen": args.connections,
                "load_average": os.getloadavg(),
                "metingen": [asdict(m) for m in metingen],
                "geheugen": geheugen,
            },
            indent=2,
        )
    )
    print(f"{'path':30} {'platform/s':>11} {'bare/s':>9} {'ratio':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for m in metingen:
        print(
            f"{m.pad:30} {m.platform_per_seconde:11.0f} {m.bare_per_seconde:9.0f} "
            f"{m.verhouding:6.2f} {m.platform_p50_ms:8.1f} {m.platform_p99_ms:8.1f}"
        )
    print(f"RSS: intake {geheugen['intake_rss_mb']} MB, bare {geheugen['bare_rss_mb']} MB")


if __name__ == "__main__":
    main()
