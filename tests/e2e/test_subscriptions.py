"""The subscriptions service as a process of the platform: a real webhook receiver
that is down for a while and comes back, and per-gemeente Kafka topics after a mixed run."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.messaging import Envelope
from inburgering.shared.settings import DEV_JWT_SECRET
from tests.e2e.flow import random_bsn, run_skeleton_flow
from tests.e2e.platform import RunningPlatform, eventually
from tests.e2e.receiver import RECEIVER_TOKEN, Receiver

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]


@dataclass
class Subscriptions:
    url: str
    process: subprocess.Popen[bytes]
    log: Path


@pytest.fixture(scope="module")
def subscriptions(postgres_platform: RunningPlatform) -> Subscriptions:
    """The platform's own subscriptions service process."""
    index = list(postgres_platform.urls).index("subscriptions")
    return Subscriptions(
        postgres_platform.urls["subscriptions"],
        postgres_platform.processes[index],
        postgres_platform.logs / "subscriptions.log",
    )


def _token(*gemeentecodes: str) -> dict[str, str]:
    jwt = mint_dev_token(
        DEV_JWT_SECRET,
        rol=Rol.GEMEENTE,
        gemeentecodes=gemeentecodes,
        audiences=["inburgering-subscriptions"],
    )
    return {"Authorization": f"Bearer {jwt}"}


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    receiver = Receiver(tmp_path)
    yield receiver
    receiver.stop()


async def test_a_receiver_that_was_down_gets_every_event_in_order_per_inburgeraar(
    postgres_platform: RunningPlatform, subscriptions: Subscriptions, receiver: Receiver
) -> None:
    receiver.start()
    async with httpx.AsyncClient(base_url=subscriptions.url + "/v1", timeout=10) as client:
        created = await client.post(
            "/abonnementen",
            json={"callbackUrl": receiver.url, "auth": f"Bearer {RECEIVER_TOKEN}"},
            headers=_token("GM0772"),
        )
        assert created.status_code == 201, created.text
        abonnement = created.json()
        receiver.stop()

        eindhoven = [
            (await run_skeleton_flow(postgres_platform, bsn=random_bsn(), ambitie=a)).inburgeraar_id
            for a in ("hbo", "werk")
        ]
        elders = (
            await run_skeleton_flow(
                postgres_platform, bsn=random_bsn(), gemeentecode="GM0753", ambitie="werk"
            )
        ).inburgeraar_id

        async def log() -> list[dict[str, Any]]:
            response = await client.get(
                f"/abonnementen/{abonnement['id']}/afleveringen",
                params={"limit": 500},
                headers=_token("GM0772"),
            )
            assert response.status_code == 200, response.text
            return response.json()

        async def failed_while_down() -> bool:
            return any(entry["pogingen"] >= 2 and entry["laatsteFout"] for entry in await log())

        await eventually(failed_while_down, timeout=60)
        assert receiver.received() == []
        receiver.start()

        async def feed_for_mine() -> list[dict[str, Any]] | None:
            response = await client.get(
                "/gebeurtenissen", params={"limit": 500}, headers=_token("GM0772")
            )
            # Region events (a verband Eindhoven leads) name no inburgeraar.
            mine = [e for e in response.json() if e["data"].get("inburgeraarId") in eindhoven]
            types = {e["type"] for e in mine}
            done = {"nl.inburgering.verwijzing-aangemaakt", "nl.inburgering.plaatsing-aangevraagd"}
            return mine if done <= types else None

        mine = await eventually(feed_for_mine, timeout=60)

        async def all_delivered() -> list[dict[str, Any]] | None:
            entries = await log()
            received = {json.loads(r["body"])["id"] for r in receiver.received()}
            wanted = {e["gebeurtenisId"] for e in entries} | {e["id"] for e in mine}
            settled = all(e["status"] == "afgeleverd" for e in entries)
            return entries if settled and wanted <= received else None

        entries = await eventually(all_delivered, timeout=90)

    requests = receiver.received()
    bodies = [json.loads(r["body"]) for r in requests]
    # None lost: every event the log knows, and every event of our inburgeraars, arrived.
    assert {b["id"] for b in bodies} >= {e["gebeurtenisId"] for e in entries} | {
        e["id"] for e in mine
    }
    # Only the subscriber's own gemeente.
    assert {b["gemeentecode"] for b in bodies} == {"GM0772"}
    assert elders not in {b["data"]["inburgeraarId"] for b in bodies}
    # Duplicates only as at-least-once allows: the same id always carries the same event.
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for body in bodies:
        by_id[body["id"]].append(body)
    assert all(all(b == same[0] for b in same) for same in by_id.values())
    # In order per inburgeraar: first arrivals follow the gemeente's sequence.
    first_seen: dict[str, list[int]] = defaultdict(list)
    seen: set[str] = set()
    for body in bodies:
        if body["id"] not in seen:
            seen.add(body["id"])
            first_seen[body["data"]["inburgeraarId"]].append(int(body["sequence"]))
    for inburgeraar in eindhoven:
        assert first_seen[inburgeraar] == sorted(first_seen[inburgeraar])
        assert len(first_seen[inburgeraar]) >= 5
    # The receiver was really down: some delivery needed several attempts.
    assert max(e["pogingen"] for e in entries) >= 2
    # Signed with the key handed out at registration, besides the bearer token.
    key = base64.b64decode(abonnement["hmacSleutel"].removeprefix("whsec_"))
    for request in requests:
        headers = request["headers"]
        signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.{request['body']}"
        digest = hmac.new(key, signed.encode(), hashlib.sha256).digest()
        assert headers["webhook-signature"] == "v1," + base64.b64encode(digest).decode()


async def _topic_records(bootstrap: str, topic: str) -> list[Envelope]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        await consumer.topics()
        partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            return []
        consumer.assign([TopicPartition(topic, p) for p in partitions])
        await consumer.seek_to_beginning()
        records = []
        while batches := await consumer.getmany(timeout_ms=1000):
            for batch in batches.values():
                records.extend(batch)
        return [Envelope.from_kafka(r.headers, r.key, r.value) for r in records]
    finally:
        await consumer.stop()


async def test_each_gemeente_topic_holds_only_that_gemeentes_events_after_a_mixed_run(
    postgres_platform: RunningPlatform, subscriptions: Subscriptions
) -> None:
    eindhoven = await run_skeleton_flow(postgres_platform, bsn=random_bsn(), ambitie="werk")
    veldhoven = await run_skeleton_flow(
        postgres_platform, bsn=random_bsn(), gemeentecode="GM0753", ambitie="werk"
    )
    bootstrap = postgres_platform.bootstrap

    async def forwarded(topic: str, inburgeraar_id: str) -> list[Envelope] | None:
        records = await _topic_records(bootstrap, topic)
        types = {r.type for r in records if r.data.get("inburgeraarId") == inburgeraar_id}
        return records if "nl.inburgering.plaatsing-aangevraagd" in types else None

    gm0772 = await eventually(
        lambda: forwarded("inburgering.gemeente.GM0772", eindhoven.inburgeraar_id), timeout=60
    )
    gm0753 = await eventually(
        lambda: forwarded("inburgering.gemeente.GM0753", veldhoven.inburgeraar_id), timeout=60
    )

    assert {r.gemeentecode for r in gm0772} == {"GM0772"}
    # Person events name their gemeente, region events their lead gemeente.
    assert {r.data.get("gemeentecode", r.data.get("leadGemeentecode")) for r in gm0772} == {
        "GM0772"
    }
    assert {r.gemeentecode for r in gm0753} == {"GM0753"}
    assert veldhoven.inburgeraar_id not in {r.data.get("inburgeraarId") for r in gm0772}
    assert eindhoven.inburgeraar_id not in {r.data.get("inburgeraarId") for r in gm0753}
