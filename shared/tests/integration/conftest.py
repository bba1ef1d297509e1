from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from inburgering.shared.messaging import dead_letter_topic
from shared.tests.integration.backbone import Backbone
from shared.tests.integration.topics import create_topics


@pytest.fixture
async def backbone(postgres_url: str, unique: str) -> AsyncIterator[Backbone]:
    """The proef schema on a fresh PostgreSQL database."""
    backbone = await Backbone.create(postgres_url, service_name=_service_name(unique))
    yield backbone
    await backbone.engine.dispose()


@pytest.fixture
async def sqlite_backbone(tmp_path: Path, unique: str) -> AsyncIterator[Backbone]:
    """The proef schema on an embedded SQLite file, as a service runs without PostgreSQL."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'proef.db'}"
    backbone = await Backbone.create(url, service_name=_service_name(unique))
    yield backbone
    await backbone.engine.dispose()


@pytest.fixture
async def producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    """Configured as the services configure it for Tansu (no idempotence, acks=all)."""
    producer = AIOKafkaProducer(
        bootstrap_servers=kafka_bootstrap, acks="all", enable_idempotence=False
    )
    await producer.start()
    yield producer
    await producer.stop()


@pytest.fixture
async def topic(kafka_bootstrap: str, unique: str) -> str:
    """A fresh one-partition topic, plus the dead-letter topic of this test's consumer."""
    name = f"proef.{unique}"
    consumer = Backbone.consumer_name_of(_service_name(unique))
    await create_topics(kafka_bootstrap, name, dead_letter_topic(consumer))
    return name


def _service_name(unique: str) -> str:
    return f"proef_{unique}"
