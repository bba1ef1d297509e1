"""The reaction to a leerroute decision, on the real database: referral, outbox, idempotency."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import outbox_message, verwijzing
from inburgering.referrals.handlers import when_leerroute_vastgesteld_maak_verwijzing
from inburgering.shared.events.vocabulary import Ambitie, Leerroute, Opleidingsniveau

pytestmark = pytest.mark.integration

EINDHOVEN, AMSTERDAM = "GM0772", "GM0363"


async def handle(runtime, event, envelope) -> None:
    async with runtime.uow() as uow:
        await when_leerroute_vastgesteld_maak_verwijzing(uow, event, envelope)
        await uow.commit()


async def rows(runtime, table) -> list:
    async with runtime.engine.connect() as conn:
        return list((await conn.execute(select(table))).mappings().all())


async def test_onderwijsroute_with_hbo_ambition_in_network_gemeente_creates_verwijzing_and_event(
    runtime, besluit, envelope_for
):
    event = besluit(gemeentecode=EINDHOVEN, ambitie=Ambitie.HBO)

    await handle(runtime, event, envelope_for(event))

    [created] = await rows(runtime, verwijzing)
    assert created["inburgeraar_id"] == event.inburgeraar_id
    assert created["advies_id"] == event.advies_id
    assert (created["gemeentecode"], created["niveau"], created["status"]) == (
        EINDHOVEN,
        "hbo",
        "aangemaakt",
    )
    [message] = await rows(runtime, outbox_message)
    assert message["event_type"] == "nl.inburgering.verwijzing-aangemaakt"
    assert message["topic"] == "referrals.verwijzing"
    assert message["aggregate_id"] == str(event.inburgeraar_id)
    assert message["gemeentecode"] == EINDHOVEN
    assert message["published_at"] is None
    assert message["payload"] == {
        "verwijzingId": str(created["id"]),
        "inburgeraarId": str(event.inburgeraar_id),
        "gemeentecode": EINDHOVEN,
        "niveau": "hbo",
    }


async def test_wo_ambition_is_referred_to_wo(runtime, besluit, envelope_for):
    event = besluit(gemeentecode="GM0855", ambitie=Ambitie.WO)

    await handle(runtime, event, envelope_for(event))

    [created] = await rows(runtime, verwijzing)
    assert created["niveau"] == "wo"
    [message] = await rows(runtime, outbox_message)
    assert message["payload"]["niveau"] == "wo"


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"leerroute": Leerroute.B1_ROUTE}, id="b1-route"),
        pytest.param({"leerroute": Leerroute.Z_ROUTE}, id="z-route"),
        pytest.param({"ambitie": Ambitie.WERK}, id="werk-ambitie"),
        pytest.param({"ambitie": Ambitie.MBO}, id="mbo-ambitie"),
        pytest.param({"gemeentecode": AMSTERDAM}, id="outside-network"),
    ],
)
async def test_decision_that_is_no_candidate_creates_nothing(
    runtime, besluit, envelope_for, overrides
):
    event = besluit(**overrides)

    await handle(runtime, event, envelope_for(event))

    assert await rows(runtime, verwijzing) == []
    assert await rows(runtime, outbox_message) == []


async def test_repeated_decision_creates_one_verwijzing_and_one_event(
    runtime, besluit, envelope_for
):
    event = besluit()

    # Two deliveries under different event ids: the inbox cannot catch this, advies_id must.
    await handle(runtime, event, envelope_for(event))
    await handle(runtime, event, envelope_for(event))

    assert len(await rows(runtime, verwijzing)) == 1
    assert len(await rows(runtime, outbox_message)) == 1


async def test_each_decision_gets_its_own_verwijzing(runtime, besluit, envelope_for):
    first, second = besluit(), besluit()

    await handle(runtime, first, envelope_for(first))
    await handle(runtime, second, envelope_for(second))

    stored = await rows(runtime, verwijzing)
    assert {row["advies_id"] for row in stored} == {first.advies_id, second.advies_id}
    assert len(await rows(runtime, outbox_message)) == 2


async def test_the_intakes_education_level_is_kept_for_the_case_manager(
    runtime, client, auth, besluit, envelope_for
):
    """A candidate fact the proposal came with: the gemeente sees it, the event leaves it out."""
    event = besluit(opleidingsniveau=Opleidingsniveau.MBO)

    await handle(runtime, event, envelope_for(event))

    [created] = await rows(runtime, verwijzing)
    seen = await client.get(f"/verwijzingen/{created['id']}", headers=auth(EINDHOVEN))
    assert seen.json()["opleidingsniveau"] == "mbo"
    [message] = await rows(runtime, outbox_message)
    assert "opleidingsniveau" not in message["payload"]
