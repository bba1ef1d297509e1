"""What one API call costs the database: a regression guard on round trips, not a timing.

Counted on the PostgreSQL wire protocol (see `pgwire`), after a warm-up so prepared statements
are cached as in a running service. One request is one transaction on one connection: no ping,
the tenant scope set once, the processing-log record in the same transaction. When a change
needs more, raise the budget in the same commit and say why."""

from __future__ import annotations

import random

import pytest

from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.testing.pgwire import CountingPgProxy, Verkeer
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime

pytestmark = pytest.mark.integration

EINDHOVEN = bearer(gemeentecodes=["GM0772"])
# BEGIN, tenant scope, insert unless registered (returning the row), outbox, NOTIFY,
# log + audit, COMMIT.
AANMELDEN = 7
# BEGIN, tenant scope, the person, their moves, log and audit in one statement, COMMIT.
LEZEN = 6
# The same, with a logregel per person as one pipelined executemany and the audit row apart.
LIJST = 7


def bsn(rng: random.Random) -> str:
    while True:
        cijfers = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        controle = sum(c * (9 - i) for i, c in enumerate(cijfers)) % 11
        if controle < 10:
            return "".join(map(str, cijfers)) + str(controle)


def binnen(gemeten: Verkeer, budget: int) -> None:
    assert gemeten.round_trips <= budget, gemeten.uitleg()
    assert gemeten.connections == 0, "a new connection per request: the pool is not used"
    # One transaction, committed with its log: no second BEGIN, no rollback of a read.
    woorden = [sql.split()[0].upper().rstrip(";") for sql in gemeten.sql]
    assert woorden.count("BEGIN") == 1, gemeten.uitleg()
    assert woorden.count("ROLLBACK") == 0, gemeten.uitleg()
    assert woorden[-1] == "COMMIT", gemeten.uitleg()


async def test_registering_and_reading_a_person_stays_within_its_round_trips(
    pg_verkeer: tuple[CountingPgProxy, str],
) -> None:
    proxy, url = pg_verkeer
    settings = IntakeSettings(database_url=url, roles="api", kafka_create_topics=False)
    runtime = await migrated_runtime(build_parts(settings))
    rng = random.Random(772)
    try:
        async with api_client(runtime) as client:
            gemeten: dict[str, list[Verkeer]] = {"aanmelden": [], "lezen": [], "lijst": []}
            for _ in range(4):
                with proxy.meet() as aanmelden:
                    created = await client.post(
                        "/v1/inburgeraars",
                        json={
                            "bsn": bsn(rng),
                            "gemeentecode": "GM0772",
                            "doelgroep": "asielstatushouder",
                            "geboortedatum": "2000-05-17",
                        },
                        headers=EINDHOVEN,
                    )
                assert created.status_code == 201, created.text
                with proxy.meet() as lezen:
                    read = await client.get(created.headers["Location"], headers=EINDHOVEN)
                assert read.status_code == 200
                with proxy.meet() as lijst:
                    listed = await client.get("/v1/inburgeraars", headers=EINDHOVEN)
                assert listed.status_code == 200
                gemeten["aanmelden"] += aanmelden
                gemeten["lezen"] += lezen
                gemeten["lijst"] += lijst
        # The first round prepares the statements; the rest is the steady state.
        for verkeer in gemeten["aanmelden"][1:]:
            binnen(verkeer, AANMELDEN)
        for verkeer in gemeten["lezen"][1:]:
            binnen(verkeer, LEZEN)
        for verkeer in gemeten["lijst"][1:]:
            binnen(verkeer, LIJST)
        # The guard is not vacuous: each call did reach the database and wrote its log.
        assert any("dataverwerking" in sql for sql in gemeten["lezen"][-1].sql)
    finally:
        await runtime.engine.dispose()
