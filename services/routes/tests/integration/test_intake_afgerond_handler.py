from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import select

from inburgering.routes.adapters.tables import leerroute_advies
from inburgering.shared.events.vocabulary import (
    Ambitie,
    LeerbaarheidstoetsUitslag,
    Leerroute,
    Opleidingsniveau,
)
from inburgering.shared.runtime import ServiceRuntime

pytestmark = pytest.mark.integration


async def adviezen_van(runtime: ServiceRuntime, inburgeraar_id: uuid.UUID) -> list:
    async with runtime.engine.connect() as conn:
        result = await conn.execute(
            select(leerroute_advies).where(leerroute_advies.c.inburgeraar_id == inburgeraar_id)
        )
        return list(result.mappings().all())


async def test_intake_afgerond_stores_the_advice_with_its_facts_and_announces_it(
    runtime, handle, outbox
) -> None:
    event = await handle(ambitie=Ambitie.HBO, opleidingsniveau=Opleidingsniveau.WO, leeftijd=23)

    [advies] = await adviezen_van(runtime, event.inburgeraar_id)
    assert advies["status"] == "geadviseerd"
    assert advies["geadviseerde_leerroute"] == "onderwijsroute"
    assert (advies["regel"], advies["regelset_versie"]) == ("R-ONDERWIJSROUTE", "2026.1")
    assert (advies["intake_id"], advies["gemeentecode"]) == (event.intake_id, "GM0772")
    assert (advies["ambitie"], advies["opleidingsniveau"], advies["leeftijd"]) == ("hbo", "wo", 23)
    assert advies["doelgroep"] == "asielstatushouder"
    assert "Leeftijd bij afronding van de brede intake: 23 jaar." in advies["uitleg"]

    [row] = await outbox("leerroute-geadviseerd")
    assert (row["topic"], row["aggregate_id"]) == ("routes.leerroute", str(event.inburgeraar_id))
    assert row["gemeentecode"] == "GM0772"
    assert row["payload"] == {
        "adviesId": str(advies["id"]),
        "inburgeraarId": str(event.inburgeraar_id),
        "gemeentecode": "GM0772",
        "leerroute": "onderwijsroute",
        "regel": "R-ONDERWIJSROUTE",
        "regelsetVersie": "2026.1",
    }


async def test_an_untested_person_gets_an_empty_advice_announced(handle, outbox) -> None:
    await handle(leerbaarheidstoets=LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING)
    [row] = await outbox("leerroute-geadviseerd")
    assert row["payload"]["leerroute"] is None
    assert row["payload"]["regel"] == "R-GEEN-LEERBAARHEIDSTOETS"


async def test_the_same_intake_afgerond_handled_twice_gives_one_advice_and_one_event(
    runtime, make_event, deliver, outbox
) -> None:
    event = make_event()
    await deliver(event)
    await deliver(event)

    assert len(await adviezen_van(runtime, event.inburgeraar_id)) == 1
    assert len(await outbox("leerroute-geadviseerd")) == 1


async def test_a_later_intake_for_the_same_person_keeps_the_first_advice(
    runtime, make_event, deliver, outbox
) -> None:
    first = make_event(leerbaarheidstoets=LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR)
    await deliver(first)
    await deliver(make_event(inburgeraar_id=first.inburgeraar_id))

    [advies] = await adviezen_van(runtime, first.inburgeraar_id)
    assert (advies["intake_id"], advies["geadviseerde_leerroute"]) == (first.intake_id, "z-route")
    assert len(await outbox("leerroute-geadviseerd")) == 1


async def test_concurrent_deliveries_of_one_event_give_one_advice(
    runtime, make_event, deliver, outbox
) -> None:
    event = make_event()
    await asyncio.gather(*(deliver(event) for _ in range(5)))

    assert len(await adviezen_van(runtime, event.inburgeraar_id)) == 1
    assert len(await outbox("leerroute-geadviseerd")) == 1


async def test_the_policy_age_limit_is_taken_from_the_settings(
    runtime, runtime_with, make_event, deliver
) -> None:
    facts = {"ambitie": Ambitie.MBO, "opleidingsniveau": Opleidingsniveau.VOORTGEZET}
    standaard = make_event(leeftijd=30, **facts)
    ruim = make_event(leeftijd=30, **facts)
    await deliver(standaard)
    await deliver(ruim, via=runtime_with(onderwijsroute_max_leeftijd=35))

    [b1] = await adviezen_van(runtime, standaard.inburgeraar_id)
    [onderwijs] = await adviezen_van(runtime, ruim.inburgeraar_id)
    assert b1["geadviseerde_leerroute"] == Leerroute.B1_ROUTE
    assert onderwijs["geadviseerde_leerroute"] == Leerroute.ONDERWIJSROUTE
    assert "beleidsgrens van 35 jaar" in onderwijs["uitleg"][-1]
