"""Webhook subscriptions on real PostgreSQL, with a scripted receiver behind the real client:
handshake, tenant scope, delivery in order per inburgeraar, backoff, 410, 429, alerts, the
delivery log, resend and replay."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select

from inburgering.subscriptions.adapters.tables import outbox_message
from inburgering.subscriptions.delivery import DeliveryWorker
from inburgering.subscriptions.runtime import SubscriptionsRuntime

pytestmark = pytest.mark.integration

CALLBACK = "https://ontvanger.example/webhook"


class Clock:
    """The worker's notion of now, moved by the test instead of waited for. It stands still
    from the worker's first look, so everything fed before that is due."""

    def __init__(self) -> None:
        self._now: datetime | None = None

    @property
    def now(self) -> datetime:
        if self._now is None:
            self._now = datetime.now(UTC)
        return self._now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self._now = self.now + timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def worker(runtime: SubscriptionsRuntime, clock: Clock) -> DeliveryWorker:
    return DeliveryWorker(
        runtime.uow, runtime.webhooks, runtime.subscriptions_settings, clock=clock
    )


async def _subscribe(client, auth, **body) -> dict:
    response = await client.post(
        "/abonnementen",
        json={"callbackUrl": CALLBACK, "auth": "Bearer geheim-van-de-gemeente", **body},
        headers=auth(),
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _log(client, auth, abonnement_id: str, *codes: str) -> list[dict]:
    response = await client.get(f"/abonnementen/{abonnement_id}/afleveringen", headers=auth(*codes))
    assert response.status_code == 200, response.text
    return response.json()


async def _outbox(runtime: SubscriptionsRuntime) -> list[str]:
    async with runtime.engine.connect() as conn:
        rows = await conn.execute(select(outbox_message.c.event_type))
        return list(rows.scalars())


async def test_registration_needs_the_receivers_handshake(client, receiver, auth) -> None:
    receiver.origin_allowed = False

    refused = await client.post(
        "/abonnementen", json={"callbackUrl": CALLBACK, "auth": "Bearer x"}, headers=auth()
    )
    listed = await client.get("/abonnementen", headers=auth())

    assert refused.status_code == 400
    assert refused.json()["code"] == "callback-niet-bevestigd"
    assert listed.json() == []


async def test_a_gemeente_cannot_subscribe_to_another_gemeentes_events(
    client, feed, aangemeld, auth, receiver, worker
) -> None:
    refused = await client.post(
        "/abonnementen",
        json={"callbackUrl": CALLBACK, "auth": "Bearer x", "gemeentecode": "GM0855"},
        headers=auth("GM0772"),
    )
    own = await _subscribe(client, auth)
    await feed(aangemeld("GM0855"))
    await worker.deliver_due()

    assert refused.status_code == 403
    assert [
        a["gemeentecode"] for a in (await client.get("/abonnementen", headers=auth())).json()
    ] == ["GM0772"]
    assert receiver.received == []
    assert await _log(client, auth, own["id"]) == []


async def test_another_gemeentes_subscription_does_not_exist_for_the_caller(
    client, feed, aangemeld, auth
) -> None:
    own = await _subscribe(client, auth)
    await feed(aangemeld())
    base = f"/abonnementen/{own['id']}"
    tilburg = auth("GM0855")

    assert (await client.get(base, headers=tilburg)).status_code == 404
    assert (await client.get(f"{base}/afleveringen", headers=tilburg)).status_code == 404
    replay = await client.post(
        f"{base}/replay", json={"vanaf": "2020-01-01T00:00:00Z"}, headers=tilburg
    )
    assert replay.status_code == 404
    assert (await client.delete(base, headers=tilburg)).status_code == 404
    assert (await client.get("/abonnementen", headers=tilburg)).json() == []


async def test_an_unknown_event_type_is_refused(client, auth) -> None:
    response = await client.post(
        "/abonnementen",
        json={"callbackUrl": CALLBACK, "auth": "x", "types": ["nl.inburgering.bestaat-niet"]},
        headers=auth(),
    )
    assert response.status_code == 400
    assert response.json()["code"] == "onbekend-gebeurtenistype"


async def test_matching_events_are_delivered_signed_with_the_bearer_token(
    client, feed, aangemeld, auth, receiver, worker
) -> None:
    created = await _subscribe(client, auth, types=["nl.inburgering.inburgeraar-aangemeld"])
    ids = await feed(aangemeld(), aangemeld())
    await feed(aangemeld("GM0855"))

    assert await worker.deliver_due() == 2

    assert sorted(b["id"] for b in receiver.bodies()) == sorted(ids)
    request = receiver.received[0]
    assert request.headers["authorization"] == "Bearer geheim-van-de-gemeente"
    assert request.headers["content-type"] == "application/cloudevents+json"
    assert request.headers["webhook-id"] == receiver.bodies()[0]["id"]
    key = base64.b64decode(created["hmacSleutel"].removeprefix("whsec_"))
    signed = f"{request.headers['webhook-id']}.{request.headers['webhook-timestamp']}.".encode()
    expected = hmac.new(key, signed + request.content, hashlib.sha256).digest()
    assert request.headers["webhook-signature"] == "v1," + base64.b64encode(expected).decode()
    log = await _log(client, auth, created["id"])
    assert [(a["status"], a["pogingen"], a["laatsteStatus"]) for a in log] == [
        ("afgeleverd", 1, 204),
        ("afgeleverd", 1, 204),
    ]
    assert "auth" not in created


async def test_a_failed_delivery_blocks_only_later_events_of_the_same_inburgeraar(
    client, feed, aangemeld, auth, receiver, worker, clock
) -> None:
    created = await _subscribe(client, auth)
    a, b = uuid.uuid4(), uuid.uuid4()
    [a1] = await feed(aangemeld(inburgeraar_id=a))
    [a2] = await feed(aangemeld(inburgeraar_id=a))
    [b1] = await feed(aangemeld(inburgeraar_id=b))
    receiver.answers = [httpx.Response(503)]  # the first call, which is a1 (oldest due)

    await worker.deliver_due()
    assert await worker.deliver_due() == 0  # a1 waits for its backoff; a2 waits for a1

    assert [body["id"] for body in receiver.bodies()] == [a1, b1]
    log = {entry["gebeurtenisId"]: entry for entry in await _log(client, auth, created["id"])}
    assert log[a1]["status"] == "wachtend"
    assert log[a1]["laatsteFout"] == "HTTP 503"
    assert log[a1]["pogingen"] == 1
    assert log[a2]["pogingen"] == 0

    clock.advance(1)
    await worker.deliver_due()
    await worker.deliver_due()

    delivered = [body["id"] for body in receiver.bodies()]
    assert delivered == [a1, b1, a1, a2]
    log = {entry["gebeurtenisId"]: entry for entry in await _log(client, auth, created["id"])}
    assert (log[a1]["status"], log[a1]["pogingen"]) == ("afgeleverd", 2)


async def test_retries_back_off_exponentially_and_raise_one_alert(
    client, feed, aangemeld, auth, receiver, worker, clock, runtime
) -> None:
    created = await _subscribe(client, auth)
    await feed(aangemeld())
    receiver.answers = [httpx.Response(500) for _ in range(4)]
    waits = []
    for _ in range(4):
        assert await worker.deliver_due() == 1
        [entry] = await _log(client, auth, created["id"])
        waits.append(datetime.fromisoformat(entry["volgendePogingOp"]) - clock.now)
        clock.advance(1)

    # Base 0.05 s doubling, capped at 0.2 s in these settings.
    assert [w.total_seconds() for w in waits] == [0.05, 0.1, 0.2, 0.2]
    assert (await _outbox(runtime)).count("nl.inburgering.abonnement-verstoord") == 1
    status = (await client.get(f"/abonnementen/{created['id']}", headers=auth())).json()
    assert status["opeenvolgendeMislukkingen"] == 4


async def test_410_gone_retires_the_subscription(
    client, feed, aangemeld, auth, receiver, worker, runtime
) -> None:
    created = await _subscribe(client, auth)
    a = uuid.uuid4()
    await feed(aangemeld(inburgeraar_id=a), aangemeld(inburgeraar_id=a))
    receiver.answers = [httpx.Response(410)]

    await worker.deliver_due()
    await feed(aangemeld())
    assert await worker.deliver_due() == 0

    status = (await client.get(f"/abonnementen/{created['id']}", headers=auth())).json()
    assert status["status"] == "beeindigd"
    assert [e["status"] for e in await _log(client, auth, created["id"])] == ["vervallen"] * 2
    assert len(receiver.received) == 1
    assert "nl.inburgering.abonnement-beeindigd" in await _outbox(runtime)


async def test_429_pauses_the_subscription_for_retry_after(
    client, feed, aangemeld, auth, receiver, worker, clock
) -> None:
    await _subscribe(client, auth)
    [first] = await feed(aangemeld())
    receiver.answers = [httpx.Response(429, headers={"Retry-After": "30"})]
    await worker.deliver_due()
    [second] = await feed(aangemeld())  # another inburgeraar: held back by the pause as well

    clock.advance(29)
    assert await worker.deliver_due() == 0
    clock.advance(2)
    assert await worker.deliver_due() == 2

    delivered = [b["id"] for b in receiver.bodies()]
    assert delivered[0] == first
    assert sorted(delivered[1:]) == sorted([first, second])


async def test_resend_and_replay_send_the_same_event_ids_again(
    client, feed, aangemeld, auth, receiver, worker, clock
) -> None:
    created = await _subscribe(client, auth)
    a = uuid.uuid4()
    ids = await feed(aangemeld(inburgeraar_id=a), aangemeld(inburgeraar_id=a))
    await worker.deliver_due()
    await worker.deliver_due()
    base = f"/abonnementen/{created['id']}"
    first = (await _log(client, auth, created["id"]))[0]

    resent = await client.post(f"{base}/afleveringen/{first['id']}/opnieuw", headers=auth())
    clock.advance(60)  # queued at the API's now, which is after the worker's frozen one
    await worker.deliver_due()
    replay = await client.post(
        f"{base}/replay", json={"vanaf": "2020-01-01T00:00:00Z"}, headers=auth()
    )
    clock.advance(60)
    await worker.deliver_due()
    await worker.deliver_due()
    future = await client.post(
        f"{base}/replay", json={"vanaf": "2999-01-01T00:00:00Z"}, headers=auth()
    )

    assert resent.status_code == 200
    assert resent.json()["status"] == "wachtend"
    assert replay.status_code == 202
    assert replay.json() == {"ingepland": 2}
    assert future.json() == {"ingepland": 0}
    assert [b["id"] for b in receiver.bodies()] == [ids[0], ids[1], ids[0], ids[0], ids[1]]


async def test_notificaties_format_and_information_poor_cloudevents(
    client, feed, aangemeld, auth, receiver, worker
) -> None:
    notificaties = await _subscribe(client, auth, formaat="notificaties")
    await _subscribe(client, auth, informatie="arm")
    test_notification = receiver.received.pop()
    [event_id] = await feed(aangemeld())

    await worker.deliver_due()

    assert notificaties["formaat"] == "notificaties"
    assert test_notification.method == "POST"
    bodies = receiver.bodies()
    [message] = [b for b in bodies if "kanaal" in b]
    [poor] = [b for b in bodies if "specversion" in b]
    assert message["kanaal"] == "inburgeraars"
    assert message["resource"] == "inburgeraar"
    assert message["actie"] == "aangemeld"
    assert message["kenmerken"]["id"] == event_id
    assert message["hoofdObject"] == message["resourceUrl"]
    assert {"aanmaakdatum", "resourceUrl"} <= message.keys()
    assert "data" not in poor
    assert poor["dataref"] == message["resourceUrl"]


async def test_a_cancelled_subscription_delivers_nothing_more(
    client, feed, aangemeld, auth, receiver, worker
) -> None:
    created = await _subscribe(client, auth)
    await feed(aangemeld())

    deleted = await client.delete(f"/abonnementen/{created['id']}", headers=auth())
    await feed(aangemeld())

    assert deleted.status_code == 204
    assert await worker.deliver_due() == 0
    assert receiver.received == []
    assert [e["status"] for e in await _log(client, auth, created["id"])] == ["vervallen"]
