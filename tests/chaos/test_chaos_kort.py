"""The short seeded chaos run: inburgeraars go through intake → advice → decision → placement and
referral while services are killed, the broker is paused, database connections are terminated
and contracts' own database is away for 10 seconds with events of unknown type arriving.

Afterwards, in the databases: every accepted registration has its effect downstream, none twice;
nothing is left unpublished; the per-gemeente feed holds every event of every service exactly
once; no event is parked; contracts never exited; the unknown events are recorded once each.
Replay a failure with `CHAOS_SEED=<seed>` (printed on failure); a longer run with
`CHAOS_PERSONEN` (see tests/chaos/README.md)."""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from inburgering.devtools.platform import SERVICES
from inburgering.shared.testing.postgres import (
    create_database,
    drop_database,
    ensure_app_role,
)
from tests.chaos.harness import Platform, call, rooster, send_unknown, start, stop_platform, token
from tests.e2e.flow import random_bsn

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

SEED = int(os.environ.get("CHAOS_SEED", "20261206"))
PERSONEN = int(os.environ.get("CHAOS_PERSONEN", "12"))
RONDES = int(os.environ.get("CHAOS_RONDES", "1"))
EINDHOVEN = "GM0772"


@pytest.fixture
def databases() -> Iterator[dict[str, str]]:
    urls = {s: asyncio.run(create_database(f"chaos_{s}")) for s in SERVICES}
    asyncio.run(ensure_app_role())
    yield urls
    for url in urls.values():
        asyncio.run(drop_database(url))


async def _persoon(client: httpx.AsyncClient, platform: Platform, i: int) -> str:
    auth = token(gemeentecodes=[EINDHOVEN])
    aangemeld = await call(
        client, "POST", platform.url("intake", "/v1/inburgeraars"), headers=auth,
        key=f"chaos-{SEED}-{i}-aanmelding",
        json={"bsn": random_bsn(), "gemeentecode": EINDHOVEN, "doelgroep": "asielstatushouder",
              "geboortedatum": "2000-05-17"},
    )  # fmt: skip
    assert aangemeld.status_code == 201, aangemeld.text
    wie = aangemeld.json()["id"]
    intake = await call(
        client, "POST", platform.url("intake", f"/v1/inburgeraars/{wie}/brede-intake"),
        headers=auth, key=f"chaos-{SEED}-{i}-intake",
        json={"leerbaarheidstoets": "b1-haalbaar", "opleidingsniveau": "wo", "ambitie": "hbo",
              "afgerondDatum": "2026-11-02", "rechtOpAlleenSprekenMeegedeeld": True,
              "alfabetisering": "NVT"},
    )  # fmt: skip
    assert intake.status_code == 201, intake.text
    deadline = time.monotonic() + 150
    while True:
        adviezen = await call(
            client, "GET", platform.url("routes", f"/v1/leerroute-adviezen?inburgeraarId={wie}"),
            headers=auth,
        )  # fmt: skip
        gevonden = [a for a in adviezen.json() if a["inburgeraarId"] == wie]
        if gevonden:
            break
        assert time.monotonic() < deadline, f"no advice for {wie}"
        await asyncio.sleep(0.5)
    besluit = await call(
        client, "POST",
        platform.url("routes", f"/v1/leerroute-adviezen/{gevonden[0]['id']}/vaststellen"),
        headers=auth, key=f"chaos-{SEED}-{i}-besluit", json={},
    )  # fmt: skip
    assert besluit.status_code == 200, besluit.text
    return wie


async def _fouten(platform: Platform) -> None:
    rnd = random.Random(SEED)
    for fout in rooster(SEED, RONDES):
        await asyncio.sleep(rnd.uniform(1.5, 3.0))
        if fout == "kill-intake":
            await platform.kill("intake", rnd.uniform(1, 3))
        elif fout == "kill-routes":
            await platform.kill("routes", rnd.uniform(1, 3))
        elif fout == "broker":
            await platform.pause_broker(rnd.uniform(5, 10))
        elif fout == "connections":
            await platform.terminate_connections("referrals")
        else:
            await platform.database_outage(10, during=_onbekend(platform))


def _onbekend(platform: Platform):  # type: ignore[no-untyped-def]
    async def send() -> None:
        platform.onbekend += await send_unknown(
            platform.broker.bootstrap_servers, "routes.leerroute", 3
        )

    return send


async def _rijen(url: str, query: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))
    try:
        return await conn.fetch(query)
    finally:
        await conn.close()


async def _eventually(check, within: float):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + within
    while True:
        uitkomst = await check()
        if uitkomst:
            return uitkomst
        assert time.monotonic() < deadline, "the platform did not settle before the deadline"
        await asyncio.sleep(0.5)


async def test_the_platform_survives_a_seeded_round_of_faults(
    databases: dict[str, str], tmp_path: Path
) -> None:
    platform = await start(tmp_path, databases, proxied="contracts")
    contracts_pid = platform.diensten["contracts"].process.pid
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            fouten = asyncio.create_task(_fouten(platform))
            personen = []
            for i in range(PERSONEN):
                personen.append(await _persoon(client, platform, i))
            # Keep writing while faults still strike, so that every fault meets traffic.
            while not fouten.done():
                personen.append(await _persoon(client, platform, len(personen)))
            await fouten
            laatste_fout = time.monotonic()
            auth = token(gemeentecodes=[EINDHOVEN])

            async def compleet() -> bool:
                for wie in personen:
                    for service, pad in (("contracts", "/v1/plaatsingen"),
                                         ("referrals", "/v1/verwijzingen")):  # fmt: skip
                        antwoord = await call(
                            client, "GET", platform.url(service, f"{pad}?inburgeraarId={wie}"),
                            headers=auth,
                        )  # fmt: skip
                        eigen = [r for r in antwoord.json() if r["inburgeraarId"] == wie]
                        if len(eigen) != 1:
                            return False
                return True

            await _eventually(compleet, within=150)
            herstel = time.monotonic() - laatste_fout

        async def alles_gepubliceerd() -> dict[str, set[str]]:
            ids: dict[str, set[str]] = {}
            for service in SERVICES:
                rijen = await _rijen(
                    databases[service], "SELECT id, published_at FROM outbox_message"
                )
                if any(r["published_at"] is None for r in rijen):
                    return {}
                ids[service] = {str(r["id"]) for r in rijen}
            return ids

        uitgaand = await _eventually(alles_gepubliceerd, within=60)
        alle = set().union(*(ids for s, ids in uitgaand.items() if s != "subscriptions"))

        async def in_de_feed() -> set[str]:
            rijen = await _rijen(databases["subscriptions"], "SELECT event_id FROM gebeurtenis")
            ids = [r["event_id"] for r in rijen]
            assert len(ids) == len(set(ids)), "an event is twice in the feed"
            return set(ids) if alle <= set(ids) else set()

        feed = await _eventually(in_de_feed, within=60)
        assert feed == alle, "the feed holds events that no service published"
        for service in SERVICES:
            geparkeerd = await _rijen(
                databases[service],
                "SELECT event_type FROM processed_message WHERE outcome = 'dead-lettered'",
            )
            assert geparkeerd == [], f"{service} parked {[r['event_type'] for r in geparkeerd]}"
        onbekend = await _rijen(
            databases["contracts"],
            "SELECT event_id FROM processed_message WHERE outcome = 'unknown-type'",
        )
        assert sorted(r["event_id"] for r in onbekend) == sorted(platform.onbekend)
        plaatsingen = await _rijen(databases["contracts"], "SELECT inburgeraar_id FROM plaatsing")
        assert sorted(str(r["inburgeraar_id"]) for r in plaatsingen) == sorted(personen)
        assert platform.diensten["contracts"].process.pid == contracts_pid
        assert platform.diensten["contracts"].process.poll() is None, "contracts exited"
        print(
            f"chaos seed {SEED}: {len(platform.faults)} faults {platform.faults}; "
            f"{len(personen)} inburgeraars, {len(alle)} events, each once in the feed, 0 parked, "
            f"0 lost or doubled; settled {herstel:.1f}s after the last fault"
        )
    except BaseException:
        print(f"chaos seed {SEED} failed after faults {platform.faults}; logs in {tmp_path}")
        raise
    finally:
        await stop_platform(platform)
