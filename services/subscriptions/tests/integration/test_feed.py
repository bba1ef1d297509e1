"""The pull feed on real PostgreSQL: own events only, in order, as CloudEvents, replayable."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

FEED = "/gebeurtenissen"


async def test_the_feed_answers_the_gemeentes_own_events_in_order_as_cloudevents(
    client, feed, aangemeld, auth
) -> None:
    first = await feed(aangemeld("GM0772"))
    await feed(aangemeld("GM0855"))
    rest = await feed(aangemeld("GM0772"), aangemeld("GM0772"))
    await feed(aangemeld("GM0855"))

    response = await client.get(FEED, headers=auth("GM0772"))

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/cloudevents-batch+json")
    events = response.json()
    assert [e["id"] for e in events] == first + rest
    assert [e["sequence"] for e in events] == ["1", "2", "3"]
    assert {e["gemeentecode"] for e in events} == {"GM0772"}
    assert events[0]["specversion"] == "1.0"
    assert events[0]["type"] == "nl.inburgering.inburgeraar-aangemeld"
    assert events[0]["data"]["gemeentecode"] == "GM0772"
    assert events[0]["dataref"].endswith(
        f"/intake/v1/inburgeraars/{events[0]['data']['inburgeraarId']}"
    )
    assert "na=3" in response.headers["link"]


async def test_the_cursor_pages_and_a_lower_cursor_replays(client, feed, aangemeld, auth) -> None:
    ids = await feed(aangemeld(), aangemeld(), aangemeld())

    page = await client.get(FEED, params={"na": 0, "limit": 2}, headers=auth())
    after = await client.get(FEED, params={"na": 2}, headers=auth())
    replay = await client.get(FEED, params={"na": 1}, headers=auth())
    done = await client.get(FEED, params={"na": 3}, headers=auth())

    assert [e["id"] for e in page.json()] == ids[:2]
    assert "na=2" in page.headers["link"]
    assert [e["id"] for e in after.json()] == ids[2:]
    assert [e["id"] for e in replay.json()] == ids[1:]
    assert done.json() == []


async def test_a_gemeente_cannot_pull_or_replay_another_gemeentes_events(
    client, feed, aangemeld, auth
) -> None:
    tilburg = await feed(aangemeld("GM0855"))
    await feed(aangemeld("GM0772"))

    other = await client.get(FEED, params={"gemeentecode": "GM0855"}, headers=auth("GM0772"))
    replay = await client.get(
        FEED, params={"gemeentecode": "GM0855", "na": 0}, headers=auth("GM0772")
    )
    own = await client.get(FEED, headers=auth("GM0772"))

    assert other.status_code == 403
    assert replay.status_code == 403
    assert tilburg[0] not in {e["id"] for e in own.json()}
    assert len(own.json()) == 1


async def test_a_client_for_several_gemeenten_names_one(client, feed, aangemeld, auth) -> None:
    await feed(aangemeld("GM0855"))

    unclear = await client.get(FEED, headers=auth("GM0772", "GM0855"))
    named = await client.get(
        FEED, params={"gemeentecode": "GM0855"}, headers=auth("GM0772", "GM0855")
    )

    assert unclear.status_code == 400
    assert unclear.json()["code"] == "gemeentecode-vereist"
    assert [e["gemeentecode"] for e in named.json()] == ["GM0855"]


async def test_a_redelivered_event_is_logged_once(client, feed, aangemeld, auth) -> None:
    event = aangemeld()
    await feed(event, event_id="5b0f6a52-0d3e-4f7e-9f64-7d6a8f0c1a11")
    await feed(event, event_id="5b0f6a52-0d3e-4f7e-9f64-7d6a8f0c1a11")

    events = (await client.get(FEED, headers=auth())).json()

    assert [e["id"] for e in events] == ["5b0f6a52-0d3e-4f7e-9f64-7d6a8f0c1a11"]


async def test_the_feed_requires_a_gemeente_token(client) -> None:
    assert (await client.get(FEED)).status_code == 401
