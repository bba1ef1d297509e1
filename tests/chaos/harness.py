"""Fault injection on the real platform: every service its own process on PostgreSQL (as a role
that owns nothing), a real broker, and faults drawn from a seed so that a failure replays.

The faults: kill -9 of a service and its restart, the broker paused (SIGSTOP) and resumed, all
database connections of a service terminated, and a service's own database taken away for a
while (a TCP proxy between that service and PostgreSQL resets and refuses connections)."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from aiokafka import AIOKafkaProducer
from sqlalchemy.engine import make_url

from inburgering.devtools.platform import SERVICES, service_env, start_service, stop, wait_ready
from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.messaging.envelope import Envelope
from inburgering.shared.settings import DEV_JWT_SECRET
from inburgering.shared.testing.broker import TansuBroker, free_port
from inburgering.shared.testing.postgres import as_role, server_url
from inburgering.shared.testing.proxy import TcpProxy


def token(rol: Rol = Rol.GEMEENTE, **claims: Any) -> dict[str, str]:
    return {"Authorization": "Bearer " + mint_dev_token(DEV_JWT_SECRET, rol=rol, **claims)}


@dataclass
class Dienst:
    name: str
    env: dict[str, str]
    log: Path
    url: str
    process: subprocess.Popen[bytes]
    owner_url: str


@dataclass
class Platform:
    broker: TansuBroker
    diensten: dict[str, Dienst]
    # The database road of the service whose own database the chaos takes away.
    proxy: TcpProxy
    proxied: str
    faults: list[str] = field(default_factory=list)
    # Ids of the events of unknown type sent while the proxied database was away.
    onbekend: list[str] = field(default_factory=list)

    def url(self, service: str, path: str) -> str:
        return self.diensten[service].url + path

    async def kill(self, service: str, pause: float) -> None:
        dienst = self.diensten[service]
        dienst.process.send_signal(signal.SIGKILL)
        dienst.process.wait()
        self.faults.append(f"kill -9 {service}, restart after {pause:.1f}s")
        await asyncio.sleep(pause)
        dienst.process = start_service(service, dienst.env, dienst.log)
        await asyncio.to_thread(wait_ready, dienst.url, dienst.process, 120)

    async def pause_broker(self, seconds: float) -> None:
        self.faults.append(f"broker paused {seconds:.1f}s")
        os.kill(self.broker.process.pid, signal.SIGSTOP)
        try:
            await asyncio.sleep(seconds)
        finally:
            os.kill(self.broker.process.pid, signal.SIGCONT)

    async def terminate_connections(self, service: str) -> None:
        self.faults.append(f"database connections of {service} terminated")
        database = make_url(self.diensten[service].owner_url).database
        conn = await asyncpg.connect(_dsn(server_url()))
        try:
            await conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid <> pg_backend_pid()",
                database,
            )
        finally:
            await conn.close()

    async def database_outage(
        self, seconds: float, during: Callable[[], Awaitable[None]] | None = None
    ) -> None:
        self.faults.append(f"{self.proxied}'s database away {seconds:.1f}s")
        self.proxy.cut()
        try:
            if during is not None:
                await during()
            await asyncio.sleep(seconds)
        finally:
            self.proxy.restore()


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def start(data_dir: Path, databases: dict[str, str], proxied: str) -> Platform:
    """The five services on their databases (owners' URLs given), `proxied` through a proxy."""
    broker = await asyncio.to_thread(TansuBroker.start, None, data_dir / "broker.log")
    target = make_url(databases[proxied])
    proxy = await TcpProxy(target.host or "127.0.0.1", target.port or 5432).start()
    diensten: dict[str, Dienst] = {}
    for service in SERVICES:
        owner = databases[service]
        app = as_role(owner)
        if service == proxied:
            app = make_url(app).set(host="127.0.0.1", port=proxy.port).render_as_string(False)
        port = free_port()
        env = service_env(
            service, port=port, bootstrap=broker.bootstrap_servers, data_dir=data_dir,
            database_url=app,
        )  # fmt: skip
        prefix = service.upper() + "_"
        env[prefix + "MIGRATION_DATABASE_URL"] = owner
        env[prefix + "RELAY_POLL_SECONDS"] = "0.2"
        log = data_dir / f"{service}.log"
        process = start_service(service, env, log)
        diensten[service] = Dienst(service, env, log, f"http://127.0.0.1:{port}", process, owner)
    # The proxy serves from this event loop: wait in threads so that it keeps serving.
    await asyncio.gather(
        *(asyncio.to_thread(wait_ready, d.url, d.process, 180) for d in diensten.values())
    )
    return Platform(broker, diensten, proxy, proxied)


async def stop_platform(platform: Platform) -> None:
    await asyncio.to_thread(stop, [d.process for d in platform.diensten.values()])
    await platform.proxy.stop()
    await asyncio.to_thread(platform.broker.stop)


async def send_unknown(bootstrap: str, topic: str, count: int) -> list[str]:
    """Events of a type no service knows, on a topic a service consumes."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    ids = []
    try:
        for _ in range(count):
            envelope = Envelope(
                id=str(uuid.uuid4()),
                source="urn:nld:oin:00000000000000000000:systeem:chaos",
                type="nl.inburgering.chaos-onbekend",
                time=datetime.now(UTC),
                gemeentecode="GM0772",
                data={"waarde": 1},
                key=str(uuid.uuid4()),
            )
            message = envelope.to_kafka()
            await producer.send_and_wait(
                topic,
                value=message.value,
                key=(envelope.key or "").encode(),
                headers=envelope.kafka_headers(message),
            )
            ids.append(envelope.id)
    finally:
        await producer.stop()
    return ids


class Onvoltooid(Exception):
    """A request that did not get its answer before the deadline."""


async def call(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    headers: dict[str, str],
    json: Any = None,
    key: str | None = None,
    within: float = 120,
) -> httpx.Response:
    """As an integration would call during an outage: retried on a broken connection, a 5xx or
    a request still in progress, with the same Idempotency-Key so it is carried out once."""
    hdrs = {**headers, **({"Idempotency-Key": key} if key else {})}
    deadline = time.monotonic() + within
    while True:
        try:
            response = await client.request(method, url, json=json, headers=hdrs)
            if response.status_code < 500 and response.status_code not in (409, 429):
                return response
            if response.status_code == 409 and response.json().get("code") != (
                "verzoek-in-behandeling"
            ):
                return response
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise Onvoltooid(f"{method} {url} not answered within {within}s")
        await asyncio.sleep(0.5)


def rooster(seed: int, rondes: int = 1) -> list[str]:
    """The faults in the order the seed draws them: each round every kind once."""
    rnd = random.Random(seed)
    order: list[str] = []
    for _ in range(rondes):
        faults = ["kill-intake", "kill-routes", "broker", "database", "connections"]
        rnd.shuffle(faults)
        order += faults
    return order
