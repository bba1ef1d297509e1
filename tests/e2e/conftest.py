from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from inburgering.devtools.platform import SERVICES
from inburgering.shared.testing.broker import TansuBroker
from inburgering.shared.testing.postgres import (
    as_role,
    create_database,
    drop_database,
    ensure_app_role,
)
from tests.e2e.platform import RunningPlatform, start_platform, stop_platform


def _on_postgres(
    tmp_path_factory: pytest.TempPathFactory, name: str, *, empty: bool = False
) -> Iterator[RunningPlatform]:
    """All services on PostgreSQL (one database each) and a broker of their own. As in
    production, each service runs as a role that owns no table, so row-level security binds it;
    only migrations run as the owner."""
    broker = TansuBroker.start()
    urls = {service: asyncio.run(create_database(f"{name}_{service}")) for service in SERVICES}
    asyncio.run(ensure_app_role())
    try:
        platform = start_platform(
            broker.bootstrap_servers,
            tmp_path_factory.mktemp(name),
            {service: as_role(url) for service, url in urls.items()},
            migration_urls=urls,
            empty=empty,
        )
        yield platform
        stop_platform(platform)
    finally:
        broker.stop()
        for url in urls.values():
            asyncio.run(drop_database(url))


@pytest.fixture(scope="session")
def postgres_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPlatform]:
    """The platform with the demo region and network, on PostgreSQL."""
    yield from _on_postgres(tmp_path_factory, "e2e")


@pytest.fixture(scope="session")
def empty_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPlatform]:
    """The platform as a region meets it on its first day: no demo region, no demo network;
    everything the tests need they set up through the APIs."""
    yield from _on_postgres(tmp_path_factory, "e2e_empty", empty=True)


@pytest.fixture(scope="session")
def sqlite_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPlatform]:
    """All four services on their embedded SQLite default."""
    broker = TansuBroker.start()
    try:
        platform = start_platform(
            broker.bootstrap_servers, tmp_path_factory.mktemp("sqlite-platform"), {}
        )
        yield platform
        stop_platform(platform)
    finally:
        broker.stop()
