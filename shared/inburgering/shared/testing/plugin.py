"""Pytest fixtures for the real infrastructure: a Tansu broker per session, fresh PG databases."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest

from inburgering.shared.testing.broker import TansuBroker
from inburgering.shared.testing.pgwire import CountingPgProxy
from inburgering.shared.testing.postgres import create_database, drop_database


@pytest.fixture(scope="session")
def kafka_broker() -> Iterator[TansuBroker]:
    broker = TansuBroker.start()
    yield broker
    broker.stop()


@pytest.fixture(scope="session")
def kafka_bootstrap(kafka_broker: TansuBroker) -> str:
    return kafka_broker.bootstrap_servers


@pytest.fixture
def unique() -> str:
    """A short random suffix for topics, groups and ids, so tests never share state."""
    return uuid.uuid4().hex[:10]


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    url = await create_database()
    yield url
    await drop_database(url)


@pytest.fixture
async def pg_verkeer(postgres_url: str) -> AsyncIterator[tuple[CountingPgProxy, str]]:
    """A fresh database reached through a proxy that counts round trips and statements."""
    proxy, url = await CountingPgProxy.voor(postgres_url)
    yield proxy, url
    await proxy.stop()
