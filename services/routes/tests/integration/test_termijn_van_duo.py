"""DUO's termijn for someone who moved in (inburgeringstermijn-bekend, and an extension carrying
DUO's start): held like a termijn started here, so the 18 months ([Bi] 5.4.1), the extension
window ([Bi] 4.5.1) and the expiry signal work for them, and DUO's extensions are applied."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from inburgering.routes.adapters.tables import inburgeringstermijn, timer
from inburgering.routes.domain.kalender import begin_van_dag
from inburgering.shared.events.intake import (
    AanleidingTermijn,
    InburgeringstermijnBekend,
    InburgeringstermijnVerlengd,
)
from inburgering.shared.events.vocabulary import Ambitie, Opleidingsniveau
from inburgering.shared.runtime import ServiceRuntime

from .conftest import GEMEENTE, pip_vastgesteld, scheduler

pytestmark = pytest.mark.integration

D = date(2026, 3, 3)  # DUO's start, reported with the move
EINDE = date(2029, 3, 3)
SLUIT = date(2027, 9, 3)  # D + 18 months: the first day a change is refused
OPENT = date(2028, 9, 3)  # end − 6 months
ONDERWIJS = {"ambitie": Ambitie.HBO, "opleidingsniveau": Opleidingsniveau.WO, "leeftijd": 22}


def bekend(
    persoon: uuid.UUID,
    start: date = D,
    einde: date = EINDE,
    aanleiding: AanleidingTermijn = AanleidingTermijn.VERHUIZING,
) -> InburgeringstermijnBekend:
    return InburgeringstermijnBekend(
        inburgeraar_id=persoon,
        gemeentecode=GEMEENTE,
        startdatum=start,
        einddatum=einde,
        aanleiding=aanleiding,
    )


def verlengd(persoon: uuid.UUID, tot: date, start: date | None = D) -> InburgeringstermijnVerlengd:
    return InburgeringstermijnVerlengd(
        inburgeraar_id=persoon, gemeentecode=GEMEENTE, nieuwe_einddatum=tot, startdatum=start
    )


async def rij(runtime: ServiceRuntime, persoon: uuid.UUID):
    async with runtime.engine.connect() as conn:
        result = await conn.execute(
            select(inburgeringstermijn).where(inburgeringstermijn.c.inburgeraar_id == persoon)
        )
        return result.mappings().first()


async def timers_van(runtime: ServiceRuntime, persoon: uuid.UUID) -> dict[str, datetime]:
    async with runtime.engine.connect() as conn:
        result = await conn.execute(
            select(timer.c.name, timer.c.due_at).where(
                timer.c.aggregate_id == str(persoon), timer.c.cancelled_at.is_(None)
            )
        )
        return {row.name: row.due_at.astimezone(UTC) for row in result}


async def verhuisd(client, auth, handle, deliver, klok, **feiten) -> tuple[dict, uuid.UUID]:
    """Someone who moved in with DUO's termijn from D, whose leerroute is decided here."""
    event = await handle(**feiten)
    await deliver(bekend(event.inburgeraar_id))
    [advies] = (
        await client.get(
            "/leerroute-adviezen",
            params={"inburgeraarId": str(event.inburgeraar_id)},
            headers=auth(),
        )
    ).json()
    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/vaststellen", json={}, headers=auth()
    )
    assert response.status_code == 200, response.text
    return response.json(), event.inburgeraar_id


async def test_someone_who_moved_in_gets_duos_termijn_with_its_windows_and_timers(
    runtime, client, auth, deliver, outbox, klok
) -> None:
    persoon = uuid.uuid4()
    klok.op(date(2026, 11, 28))
    await deliver(bekend(persoon))

    termijn = await rij(runtime, persoon)
    assert (termijn["bron"], termijn["start_date"], termijn["eind_date"]) == ("duo", D, EINDE)
    assert (termijn["eerste_pip_id"], termijn["dagtekening_eerste_pip_date"]) == (None, None)
    assert termijn["routewijziging_sluit_date"] == SLUIT
    assert await timers_van(runtime, persoon) == {
        "routewijziging-venster-sluit": begin_van_dag(SLUIT - timedelta(days=60)),
        "verlengingsvenster-geopend": begin_van_dag(OPENT),
        "termijn-verloopt": begin_van_dag(EINDE - timedelta(days=90)),
    }
    # The termijn did not start here: DUO's event already announced it.
    assert await outbox("inburgeringstermijn-gestart") == []

    response = await client.get(f"/inburgeringstermijnen/{persoon}", headers=auth())
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["bron"], body["dagtekeningEerstePip"], body["startdatum"]) == (
        "duo",
        None,
        "2026-03-03",
    )
    assert (body["routewijzigingVensterSluit"], body["routewijzigingMogelijk"]) == (
        "2027-09-03",
        True,
    )


async def test_a_move_in_at_month_20_plans_no_route_change_signal(runtime, deliver, klok) -> None:
    persoon = uuid.uuid4()
    klok.op(date(2027, 11, 1))
    await deliver(bekend(persoon))
    assert set(await timers_van(runtime, persoon)) == {
        "verlengingsvenster-geopend",
        "termijn-verloopt",
    }


@pytest.mark.parametrize(
    ("artikel", "feiten", "naar", "status"),
    [
        ("[Bi] 5.4.1: B1 → Z na D + 18 maanden geweigerd", {}, "z-route", 409),
        ("[Bi] 5.4.1: onderwijsroute → B1 mag altijd", ONDERWIJS, "b1-route", 200),
    ],
)
async def test_the_18_months_count_from_duos_start_for_someone_who_moved_in(
    client, auth, handle, deliver, klok, artikel, feiten, naar, status
) -> None:
    advies, _ = await verhuisd(client, auth, handle, deliver, klok, **feiten)
    assert advies["vastgesteldeLeerroute"] != naar
    klok.op(SLUIT + timedelta(days=1))

    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": naar, "motivering": "Voortgang wijkt af."},
        headers=auth(),
    )

    assert response.status_code == status, (artikel, response.text)
    if status == 409:
        assert response.json()["code"] == "routewijziging-venster-gesloten"
        assert "2026-03-03" in response.json()["detail"]


async def test_duos_extension_moves_the_end_and_the_signals_of_someone_who_moved_in(
    runtime, deliver, outbox, klok
) -> None:
    persoon = uuid.uuid4()
    await deliver(bekend(persoon))
    # The extension window opened and was announced before DUO extended.
    assert await scheduler(runtime, begin_van_dag(OPENT)).fire_due() == 2

    await deliver(verlengd(persoon, date(2029, 9, 3)))

    termijn = await rij(runtime, persoon)
    assert (termijn["start_date"], termijn["eind_date"]) == (D, date(2029, 9, 3))
    assert termijn["oorspronkelijke_eind_date"] == EINDE
    assert termijn["verlengingsvenster_open_date"] == date(2029, 3, 3)
    timers = await timers_van(runtime, persoon)
    assert timers["verlengingsvenster-geopend"] == begin_van_dag(date(2029, 3, 3))
    assert timers["termijn-verloopt"] == begin_van_dag(date(2029, 9, 3) - timedelta(days=90))
    assert await scheduler(runtime, begin_van_dag(date(2029, 3, 3))).fire_due() == 1
    vensters = await outbox("verlengingsvenster-geopend")
    assert [v["payload"]["einddatum"] for v in vensters] == ["2029-03-03", "2029-09-03"]
    assert await scheduler(runtime, begin_van_dag(date(2029, 6, 5))).fire_due() == 1
    [verloopt] = await outbox("termijn-verloopt")
    assert verloopt["payload"]["einddatum"] == "2029-09-03"


async def test_an_extension_for_an_unknown_termijn_takes_duos_termijn_over(
    runtime, deliver
) -> None:
    """Not dead-lettered: the extension carries DUO's start, so routes learns the termijn."""
    persoon = uuid.uuid4()
    await deliver(verlengd(persoon, date(2029, 9, 3)))

    termijn = await rij(runtime, persoon)
    assert (termijn["bron"], termijn["start_date"], termijn["eind_date"]) == (
        "duo",
        D,
        date(2029, 9, 3),
    )
    assert termijn["oorspronkelijke_eind_date"] == EINDE
    assert set(await timers_van(runtime, persoon)) == {
        "routewijziging-venster-sluit",
        "verlengingsvenster-geopend",
        "termijn-verloopt",
    }


async def test_duos_confirmation_of_a_termijn_started_here_changes_nothing(
    runtime, deliver, outbox
) -> None:
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, date(2026, 11, 20)))
    voor = (await rij(runtime, persoon), await timers_van(runtime, persoon))

    await deliver(
        bekend(
            persoon,
            date(2026, 11, 21),
            date(2029, 11, 21),
            aanleiding=AanleidingTermijn.GESTART,
        )
    )

    assert (await rij(runtime, persoon), await timers_van(runtime, persoon)) == voor
    assert voor[0]["bron"] == "pip"


async def test_duos_other_dates_for_a_termijn_started_here_are_the_ones_that_count(
    runtime, deliver
) -> None:
    """DUO enforces the termijn: when its registration differs, the windows follow DUO."""
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, date(2026, 11, 20)))

    await deliver(bekend(persoon, date(2026, 11, 24), date(2029, 11, 24)))

    termijn = await rij(runtime, persoon)
    assert (termijn["bron"], termijn["start_date"], termijn["eind_date"]) == (
        "pip",
        date(2026, 11, 24),
        date(2029, 11, 24),
    )
    assert termijn["routewijziging_sluit_date"] == date(2028, 5, 24)
    assert termijn["oorspronkelijke_eind_date"] == date(2029, 11, 24)
    assert (await timers_van(runtime, persoon))["termijn-verloopt"] == begin_van_dag(
        date(2029, 11, 24) - timedelta(days=90)
    )
