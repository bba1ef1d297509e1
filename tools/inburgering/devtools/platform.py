"""Run the whole platform on one machine: Tansu, then the four services as separate processes."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from inburgering.shared.testing.broker import TansuBroker

SERVICES = ("intake", "routes", "contracts", "referrals", "subscriptions")
DUO_SIMULATOR_PORT = 8090
# Restarts of one service within a minute before the runner gives up.
RESTART_LIMIT = 5
# Services that load demo data (region, network) unless told to start empty.
SEEDED = ("contracts", "referrals")


def service_env(
    service: str,
    *,
    port: int,
    bootstrap: str,
    data_dir: Path,
    database_url: str = "",
    empty: bool = False,
) -> dict[str, str]:
    """Environment for one service process; everything else keeps its embedded default.
    `empty`: no demo region or network, as a new region starts in production."""
    prefix = service.upper() + "_"
    env = {
        prefix + "HTTP_PORT": str(port),
        prefix + "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        prefix + "KAFKA_IDEMPOTENCE": "false",  # Tansu has no idempotent producer
        prefix + "DATA_DIR": str(data_dir),
        prefix + "RELAY_POLL_SECONDS": "0.5",
    }
    if database_url:
        env[prefix + "DATABASE_URL"] = database_url
    if empty and service in SEEDED:
        env[prefix + "SEED_DEMO_DATA"] = "false"
    return env


def start_service(service: str, env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    log = open(log_path, "ab")
    return subprocess.Popen(
        [sys.executable, "-m", f"inburgering.{service}.entrypoints", "serve"],
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def start_duo_simulator(port: int, intake_url: str, log_path: Path) -> subprocess.Popen[bytes]:
    """DUO's side for development: look-ups, the PIP melding, and notifications to intake."""
    log = open(log_path, "ab")  # the child owns it for its lifetime
    env = {"DUOSIM_PORT": str(port), "DUOSIM_INTAKE_URL": intake_url + "/v1"}
    return subprocess.Popen(
        [sys.executable, "-m", "inburgering.duosim.entrypoints"],
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_ready(
    url: str, process: subprocess.Popen[bytes], timeout: float = 90, path: str = "/ready"
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with code {process.returncode}")
        try:
            if httpx.get(url + path, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} not ready within {timeout}s")


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            process.kill()


async def ensure_database(server_url: str, name: str) -> str:
    url = make_url(server_url)
    conn = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(False))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return url.set(drivername="postgresql+asyncpg", database=name).render_as_string(False)


# The role the services connect as on PostgreSQL: it owns no table, so row-level security binds
# it in development as in production; migrations run as the owner given on the command line.
SERVICE_ROLE = "inburgering_app"


async def ensure_service_role(server_url: str, data: Path) -> str:
    """The service role (created or given its password again); returns its password, kept in
    the data folder so that a second run finds the same one."""
    secret_file = data / "service-role-password"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_hex(24))
        secret_file.chmod(0o600)
    password = secret_file.read_text().strip()
    assert password.isalnum(), "the service role's password is hex, safe in a DDL statement"
    url = make_url(server_url)
    conn = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(False))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", SERVICE_ROLE)
        verb = "ALTER" if exists else "CREATE"
        await conn.execute(
            f"{verb} ROLE \"{SERVICE_ROLE}\" LOGIN PASSWORD '{password}' NOSUPERUSER NOBYPASSRLS "
            "NOCREATEDB NOCREATEROLE"
        )
    finally:
        await conn.close()
    return password


def run_platform(
    *, database_url: str = "", data_dir: str = ".data", base_port: int = 8001, empty: bool = False
) -> None:
    data = Path(data_dir).resolve()
    data.mkdir(parents=True, exist_ok=True)
    logs = data / "logs"
    logs.mkdir(exist_ok=True)
    broker = TansuBroker.start(log_file=logs / "broker.log")
    processes: list[subprocess.Popen[bytes]] = []
    # How to start each service again: index in `processes` -> (service, env, log file).
    restarts: dict[int, tuple[str, dict[str, str], Path]] = {}
    urls: dict[str, str] = {}
    try:
        simulator_url = f"http://127.0.0.1:{DUO_SIMULATOR_PORT}"
        simulator = start_duo_simulator(
            DUO_SIMULATOR_PORT, f"http://127.0.0.1:{base_port}", logs / "duo-simulator.log"
        )
        processes.append(simulator)
        wait_ready(simulator_url, simulator, path="/simulator/ontvangen")
        password = asyncio.run(ensure_service_role(database_url, data)) if database_url else ""
        for offset, service in enumerate(SERVICES):
            port = base_port + offset
            owner = (
                asyncio.run(ensure_database(database_url, f"inburgering_{service}"))
                if database_url
                else ""
            )
            url = (
                make_url(owner)
                .set(username=SERVICE_ROLE, password=password)
                .render_as_string(hide_password=False)
                if owner
                else ""
            )
            env = service_env(
                service,
                port=port,
                bootstrap=broker.bootstrap_servers,
                data_dir=data,
                database_url=url,
                empty=empty,
            )
            if owner:
                env[service.upper() + "_MIGRATION_DATABASE_URL"] = owner
            if service == "intake":
                env["INTAKE_DUO_BASE_URL"] = simulator_url + "/v1"
            processes.append(start_service(service, env, logs / f"{service}.log"))
            restarts[len(processes) - 1] = (service, env, logs / f"{service}.log")
            urls[service] = f"http://127.0.0.1:{port}"
        for process, url in zip(processes[1:], urls.values(), strict=True):
            wait_ready(url, process)
        # The portal has no database: it reads through the services' APIs, so it comes last.
        portal_env = {f"PORTAL_{s.upper()}_URL": u for s, u in urls.items()}
        portal_env["PORTAL_HTTP_PORT"] = str(base_port + 9)
        processes.append(start_service("portal", portal_env, logs / "portal.log"))
        restarts[len(processes) - 1] = ("portal", portal_env, logs / "portal.log")
        wait_ready(f"http://127.0.0.1:{base_port + 9}", processes[-1])
        print(f"\nPortal (web interface): http://127.0.0.1:{base_port + 9}/", flush=True)
        _print_welcome(urls, simulator_url, broker.bootstrap_servers, logs, bool(database_url))
        _supervise(processes, restarts)
    finally:
        # A second Ctrl-C or a supervisor's repeated SIGTERM must not cut the shutdown short
        # and leave the broker or a service running without us.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("\nStopping services and broker…", flush=True)
        try:
            stop(processes)
        finally:
            broker.stop()


def _supervise(
    processes: list[subprocess.Popen[bytes]],
    restarts: dict[int, tuple[str, dict[str, str], Path]],
) -> None:
    """Until Ctrl-C: a service that exits is started again, as a supervisor in production does,
    so one crashing service does not take the platform down; one that keeps crashing (more
    than RESTART_LIMIT times a minute) stops the platform."""
    # SIGTERM (a supervisor, or a shell that started us in the background) stops us like Ctrl-C.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    recent: dict[int, list[float]] = {index: [] for index in restarts}
    try:
        while True:
            time.sleep(0.5)
            for index, process in enumerate(processes):
                if process.poll() is None:
                    continue
                if index not in restarts:
                    print("The DUO simulator stopped; see its log.", file=sys.stderr)
                    return
                service, env, log_path = restarts[index]
                now = time.monotonic()
                recent[index] = [t for t in recent[index] if now - t < 60] + [now]
                if len(recent[index]) > RESTART_LIMIT:
                    print(f"{service} keeps stopping; see {log_path}.", file=sys.stderr)
                    return
                print(
                    f"{service} stopped (exit {process.returncode}); starting it again.",
                    file=sys.stderr,
                    flush=True,
                )
                processes[index] = start_service(service, env, log_path)
    except KeyboardInterrupt:
        pass


def _print_welcome(
    urls: dict[str, str], simulator: str, bootstrap: str, logs: Path, postgres: bool
) -> None:
    cli = (shutil.which("inburgering-dev") and "inburgering-dev") or "uv run inburgering-dev"
    print(f"\nPlatform is up (broker {bootstrap}, {'PostgreSQL' if postgres else 'SQLite'}).")
    for service, url in urls.items():
        print(f"  {service:<10} {url}/v1/docs")
    print(f"  DUO (sim)  {simulator}/docs")
    print(f"  logs       {logs}")
    print("\nTry the skeleton flow (see README, 'Try it'):")
    print(f"  TOKEN=$({cli} token --rol gemeente --gemeente GM0772)")
    print("Press Ctrl-C to stop everything.\n", flush=True)
