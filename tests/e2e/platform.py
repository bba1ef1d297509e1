"""Start the four services as real processes against the session's broker."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from inburgering.devtools.platform import SERVICES, service_env, start_service, stop, wait_ready
from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.settings import DEV_JWT_SECRET
from inburgering.shared.testing.broker import free_port

T = TypeVar("T")


# Shorter waits than production so the tests need not sit out a backoff.
FAST = {
    "subscriptions": {
        "SUBSCRIPTIONS_DELIVERY_POLL_SECONDS": "0.2",
        "SUBSCRIPTIONS_DELIVERY_BACKOFF_SECONDS": "0.2",
        "SUBSCRIPTIONS_DELIVERY_BACKOFF_MAX_SECONDS": "1",
    }
}


@dataclass
class RunningPlatform:
    urls: dict[str, str]
    bootstrap: str
    logs: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    # Each service's database as its owner (empty on SQLite).
    owner_urls: dict[str, str] = field(default_factory=dict)

    def url(self, service: str, path: str) -> str:
        return self.urls[service] + path

    def log(self, service: str) -> str:
        return (self.logs / f"{service}.log").read_text(errors="replace")


def start_platform(
    bootstrap: str,
    data_dir: Path,
    database_urls: dict[str, str],
    migration_urls: dict[str, str] | None = None,
    *,
    empty: bool = False,
) -> RunningPlatform:
    """`migration_urls`: the owners' URLs, when `database_urls` name a role that owns nothing.
    `empty`: no demo region or network, as a region that starts using the platform."""
    logs = data_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    platform = RunningPlatform(
        urls={}, bootstrap=bootstrap, logs=logs, owner_urls=migration_urls or database_urls
    )
    for service in SERVICES:
        port = free_port()
        env = service_env(
            service,
            port=port,
            bootstrap=bootstrap,
            data_dir=data_dir,
            database_url=database_urls.get(service, ""),
            empty=empty,
        )
        env[service.upper() + "_RELAY_POLL_SECONDS"] = "0.2"
        if migration_urls:
            env[service.upper() + "_MIGRATION_DATABASE_URL"] = migration_urls[service]
        env.update(FAST.get(service, {}))
        platform.processes.append(start_service(service, env, logs / f"{service}.log"))
        platform.urls[service] = f"http://127.0.0.1:{port}"
    try:
        for process, url in zip(platform.processes, platform.urls.values(), strict=True):
            wait_ready(url, process, timeout=120)
    except Exception:
        stop_platform(platform)
        raise
    return platform


def stop_platform(platform: RunningPlatform) -> None:
    stop(platform.processes)


def token(rol: Rol = Rol.GEMEENTE, **claims: object) -> dict[str, str]:
    return {"Authorization": "Bearer " + mint_dev_token(DEV_JWT_SECRET, rol=rol, **claims)}  # type: ignore[arg-type]


async def eventually(probe: Callable[[], Awaitable[T | None]], *, timeout: float = 30) -> T:  # noqa: ASYNC109
    """Poll until the probe returns something truthy, or fail at the deadline."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = await probe()
        if result:
            return result
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(0.1)
