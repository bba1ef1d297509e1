"""What a run measures with, and the tables and events it measures on."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Uuid

from inburgering.shared.events.intake import IntakeAfgerond
from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata
from inburgering.shared.settings import BaseServiceSettings

GEMEENTEN = ("GM0772", "GM0796", "GM0855", "GM0753", "GM1771")


@dataclass(frozen=True)
class Config:
    events: int = 5000
    backlog: int = 20000
    database: str = "postgres"
    repeats: int = 3
    # Concurrent writers, each committing one event per transaction (like API requests).
    writers: int = 8
    partitions: int = 3
    deadline_seconds: float = 120.0


@dataclass(frozen=True)
class Schema:
    metadata: MetaData
    outbox: Table
    inbox: Table
    state: Table


def make_schema() -> Schema:
    """Outbox, inbox and a state table; both databases get all three, each uses what it needs."""
    metadata = make_metadata()
    state = Table(
        "bench_state",
        metadata,
        # No unique constraint on event_id: a duplicate effect must show up as a second row.
        Column("row_id", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(100), nullable=False),
        Column("intake_id", Uuid, nullable=False),
        Column("gemeentecode", String(6), nullable=False),
        Column("handled_at", DateTime(timezone=True), nullable=False),
    )
    return Schema(metadata, outbox_table(metadata), inbox_table(metadata), state)


def event_model(topic: str) -> type[IntakeAfgerond]:
    """IntakeAfgerond (our largest event) published on a topic of this measurement's own."""
    return type("BenchIntakeAfgerond", (IntakeAfgerond,), {"topic": topic, "__module__": __name__})


def sample_events(model: type[IntakeAfgerond], count: int) -> list[IntakeAfgerond]:
    return [
        model(
            inburgeraar_id=uuid.uuid4(),
            intake_id=uuid.uuid4(),
            gemeentecode=GEMEENTEN[i % len(GEMEENTEN)],
            doelgroep="asielstatushouder",
            leerbaarheidstoets="b1-haalbaar",
            opleidingsniveau="mbo",
            ambitie="hbo",
            leeftijd=18 + i % 50,
        )
        for i in range(count)
    ]


def bench_settings(bootstrap: str, partitions: int) -> BaseServiceSettings:
    return BaseServiceSettings(
        service_name=f"bench{uuid.uuid4().hex[:8]}",
        kafka_bootstrap_servers=bootstrap,
        kafka_idempotence=False,  # Tansu has no idempotent producer
        kafka_topic_partitions=partitions,
    )
