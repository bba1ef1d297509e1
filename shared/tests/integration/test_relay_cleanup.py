from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy import update

from shared.tests.integration.backbone import SCHEMA, Backbone, event_on


@pytest.fixture(
    params=[pytest.param("postgres", marks=pytest.mark.integration), pytest.param("sqlite")]
)
def any_backbone(request: pytest.FixtureRequest) -> Backbone:
    return request.getfixturevalue("backbone" if request.param == "postgres" else "sqlite_backbone")


@pytest.fixture
async def idle_producer() -> AsyncIterator[AIOKafkaProducer]:
    """Cleanup never talks to the broker; a producer that is never started proves it."""
    producer = AIOKafkaProducer(bootstrap_servers="127.0.0.1:9")
    yield producer
    await producer.stop()


async def test_cleanup_deletes_only_published_rows_older_than_the_retention(
    any_backbone: Backbone, idle_producer: AIOKafkaProducer
):
    backbone = any_backbone
    dossier_bijgewerkt = event_on("proef.opruimen")
    for volgnummer in range(1, 5):
        await backbone.commit_event(
            dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=volgnummer)
        )
    now = datetime.now(UTC)
    outbox = SCHEMA.outbox
    volgnummer = outbox.c.payload["volgnummer"].as_integer()
    async with backbone.engine.begin() as conn:
        for number, published_at in (
            (1, now - timedelta(hours=3)),
            (2, now - timedelta(minutes=30)),
        ):
            await conn.execute(
                update(outbox)
                .where(volgnummer == number)
                .values(published_at=published_at, created_at=published_at - timedelta(seconds=1))
            )
        # Old but never published: must survive whatever its age.
        await conn.execute(
            update(outbox).where(volgnummer == 3).values(created_at=now - timedelta(days=30))
        )

    deleted = await backbone.relay(idle_producer, retention=timedelta(hours=1)).cleanup()

    assert deleted == 1
    remaining = sorted(row["payload"]["volgnummer"] for row in await backbone.rows(outbox))
    assert remaining == [2, 3, 4]
