"""Rotating the credential key: credentials sealed under the first key keep being presented
while a second key is current, `rekey` re-seals them, and then the first key can go; removing
it earlier fails closed (the delivery records why, nothing is sent without its credential)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable

import pytest
from sqlalchemy import select

from inburgering.shared.crypto import LEGACY_KEY_ID
from inburgering.shared.crypto.cli import run as rekey_command
from inburgering.subscriptions.adapters.tables import abonnement
from inburgering.subscriptions.bootstrap import build_parts
from inburgering.subscriptions.delivery import DeliveryWorker
from inburgering.subscriptions.runtime import SubscriptionsRuntime
from inburgering.subscriptions.settings import DEV_CREDENTIAL_KEY, SubscriptionsSettings
from inburgering.subscriptions.sleutelrotatie import rekey_job, vernieuw_sleutels

from .conftest import CALLBACK, scripted_webhooks

pytestmark = pytest.mark.integration

NEW_KEY = "credential-key-of-december-0123456789abcdef"
CLEAR = "Bearer token-van-de-ontvanger"


@pytest.fixture
async def phase(
    postgres_url: str, runtime: SubscriptionsRuntime, receiver
) -> AsyncIterator[Callable[..., SubscriptionsRuntime]]:
    """Runtimes over the fixture's database with the keys of a phase of the rotation."""
    made: list[SubscriptionsRuntime] = []

    def _phase(*, keep_old: bool) -> SubscriptionsRuntime:
        settings = SubscriptionsSettings(
            database_url=postgres_url,
            roles="api",
            kafka_create_topics=False,
            migrate_on_start=False,
            credential_key=NEW_KEY,
            credential_key_id="2026-12",
            credential_previous_keys={LEGACY_KEY_ID: DEV_CREDENTIAL_KEY} if keep_old else {},
        )
        webhooks = scripted_webhooks(receiver.handle)
        made.append(SubscriptionsRuntime(build_parts(settings, webhooks=webhooks)))
        return made[-1]

    yield _phase
    for made_runtime in made:
        await made_runtime.engine.dispose()


async def _stored(runtime: SubscriptionsRuntime) -> list[str]:
    async with runtime.engine.connect() as conn:
        return list((await conn.execute(select(abonnement.c.credential))).scalars())


async def _deliver(runtime: SubscriptionsRuntime) -> int:
    worker = DeliveryWorker(
        runtime.uow,
        runtime.webhooks,
        runtime.subscriptions_settings,
        box=runtime.credentials,
        tokens=runtime.tokens,
    )
    return await worker.deliver_due()


async def _subscribe(client, auth, count: int) -> list[str]:
    ids = []
    for _ in range(count):
        created = await client.post(
            "/abonnementen", json={"callbackUrl": CALLBACK, "auth": CLEAR}, headers=auth()
        )
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    return ids


async def test_rotate_rekey_and_drop_the_first_key(
    runtime, client, auth, feed, aangemeld, receiver, phase
) -> None:
    await _subscribe(client, auth, 3)
    assert all(s.startswith("v1.") for s in await _stored(runtime))
    rotated = phase(keep_old=True)
    await feed(aangemeld())
    assert await _deliver(rotated) == 3  # old credentials open during the rotation

    report = await vernieuw_sleutels(rotated.uow, rotated.credentials, batch_size=2)

    assert report.complete and report.resealed["abonnement.credential"] == 3
    assert report.resealed["abonnement.hmac_secret"] == 3
    assert all(s.startswith("v2.") for s in await _stored(rotated))
    assert await rekey_command(lambda: rotated.parts, rekey_job, 100, True) == 0
    only_new = phase(keep_old=False)
    await feed(aangemeld())
    assert await _deliver(only_new) == 3
    assert [r.headers["Authorization"] for r in receiver.received] == [CLEAR] * 6
    again = await vernieuw_sleutels(only_new.uow, only_new.credentials)
    assert again.resealed["abonnement.credential"] == 0
    assert again.resealed["abonnement.hmac_secret"] == 0


async def test_dropping_the_first_key_before_rekey_fails_closed(
    runtime, client, auth, feed, aangemeld, receiver, phase
) -> None:
    [abonnement_id] = await _subscribe(client, auth, 1)
    too_early = phase(keep_old=False)
    await feed(aangemeld())

    await _deliver(too_early)

    assert receiver.received == []
    log = await client.get(f"/abonnementen/{abonnement_id}/afleveringen", headers=auth())
    [aflevering] = log.json()
    assert aflevering["status"] == "wachtend"
    assert aflevering["laatsteFout"] == "credential sealed under a key that is no longer configured"
    assert await rekey_command(lambda: too_early.parts, rekey_job, 100, True) == 1
    report = await vernieuw_sleutels(too_early.uow, too_early.credentials)
    assert report.unreadable["abonnement.credential"] == 1 and not report.complete
    [stored] = await _stored(too_early)
    assert runtime.credentials.open(stored, abonnement_id=uuid.UUID(abonnement_id))
