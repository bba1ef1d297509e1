"""A gemeente cannot refer another gemeente's inburgeraar: it gets the answer a random id gets,
nothing is stored or logged for it, and the own gemeente's decision still yields its referral
(a forged referral used to claim the person for the other gemeente, so that the own decision was
parked as a tenant mismatch)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import dataverwerking, outbox_message, verwijzing
from inburgering.shared.events.vocabulary import Ambitie, Leerroute

from .conftest import FakeDeadLetters, consumer_of, record_of

pytestmark = pytest.mark.integration

EINDHOVEN, TILBURG = "GM0772", "GM0855"


def aanvraag(inburgeraar_id: uuid.UUID) -> dict[str, str]:
    return {
        "inburgeraarId": str(inburgeraar_id),
        "gemeentecode": TILBURG,
        "niveau": "hbo",
        "leerroute": "onderwijsroute",
    }


def zonder_id(problem: dict, inburgeraar_id: uuid.UUID) -> dict:
    return {**problem, "detail": problem["detail"].replace(str(inburgeraar_id), "<id>")}


async def rows(runtime, *columns) -> list[tuple]:
    async with runtime.engine.connect() as conn:
        return [tuple(row) for row in await conn.execute(select(*columns))]


@pytest.mark.parametrize("al_bekend", [False, True], ids=["not-yet-known", "known-for-eindhoven"])
async def test_another_gemeente_gets_for_your_inburgeraar_the_answer_a_random_id_gets(
    client, runtime, pad, besluit, envelope_for, al_bekend
):
    dead_letters = FakeDeadLetters()
    consumer = consumer_of(runtime, dead_letters)
    persoon, willekeurig = uuid.uuid4(), uuid.uuid4()
    if al_bekend:
        # Eindhoven's earlier decision, one that proposes nothing.
        eerder = besluit(inburgeraar_id=persoon, leerroute=Leerroute.B1_ROUTE)
        await consumer.handle(record_of(envelope_for(eerder), offset=1))

    vervalst = await client.post(
        "/verwijzingen", json=aanvraag(persoon), headers=pad.gemeente(TILBURG)
    )
    onbekend = await client.post(
        "/verwijzingen", json=aanvraag(willekeurig), headers=pad.gemeente(TILBURG)
    )

    assert (vervalst.status_code, vervalst.json()["code"]) == (404, "inburgeraar-niet-gevonden")
    assert vervalst.headers["content-type"] == "application/problem+json"
    problem, random_problem = vervalst.json(), onbekend.json()
    del problem["instance"], random_problem["instance"]
    assert onbekend.status_code == vervalst.status_code
    assert zonder_id(problem, persoon) == zonder_id(random_problem, willekeurig)
    assert await rows(runtime, verwijzing.c.id) == []
    assert await rows(runtime, outbox_message.c.id) == []
    assert (persoon, TILBURG) not in await rows(
        runtime, dataverwerking.c.betrokkene, dataverwerking.c.gemeentecode
    )

    eigen = besluit(inburgeraar_id=persoon, gemeentecode=EINDHOVEN, ambitie=Ambitie.HBO)
    await consumer.handle(record_of(envelope_for(eigen), offset=2))

    assert dead_letters.sent == []
    assert await rows(runtime, verwijzing.c.inburgeraar_id, verwijzing.c.gemeentecode) == [
        (persoon, EINDHOVEN)
    ]
    gezien = await client.get(
        "/verwijzingen", params={"inburgeraarId": str(persoon)}, headers=pad.gemeente(EINDHOVEN)
    )
    assert [(v["gemeentecode"], v["niveau"]) for v in gezien.json()] == [(EINDHOVEN, "hbo")]
    logregels = await rows(runtime, dataverwerking.c.betrokkene, dataverwerking.c.gemeentecode)
    assert {code for betrokkene, code in logregels if betrokkene == persoon} == {EINDHOVEN}


async def test_a_gemeente_acting_for_several_refers_only_under_the_persons_own_gemeente(
    client, runtime, pad
):
    """A token for both gemeenten still cannot file Eindhoven's person under Tilburg."""
    persoon = await pad.bekend(EINDHOVEN)

    response = await client.post(
        "/verwijzingen", json=aanvraag(persoon), headers=pad.gemeente(EINDHOVEN, TILBURG)
    )

    assert (response.status_code, response.json()["code"]) == (404, "inburgeraar-niet-gevonden")
    assert await rows(runtime, verwijzing.c.id) == []
