"""The termijn from pip-vastgesteld, its extension by DUO, and its durable timers."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from inburgering.routes.adapters.tables import inburgeringstermijn, termijn_verlenging, timer
from inburgering.routes.domain.errors import TermijnNietGevonden
from inburgering.routes.domain.kalender import begin_van_dag
from inburgering.shared.runtime import ServiceRuntime

from .conftest import pip_vastgesteld, scheduler, termijn_verlengd

pytestmark = pytest.mark.integration

DAGTEKENING = date(2026, 11, 20)
START = date(2026, 11, 21)
EINDE = date(2029, 11, 21)
SLUIT = date(2028, 5, 21)  # start + 18 months
OPENT = date(2029, 5, 21)  # end − 6 months


async def termijn_van(runtime: ServiceRuntime, inburgeraar_id: uuid.UUID):
    async with runtime.engine.connect() as conn:
        result = await conn.execute(
            select(inburgeringstermijn).where(
                inburgeringstermijn.c.inburgeraar_id == inburgeraar_id
            )
        )
        return result.mappings().one()


async def timers_van(runtime: ServiceRuntime, inburgeraar_id: uuid.UUID) -> dict[str, datetime]:
    async with runtime.engine.connect() as conn:
        result = await conn.execute(
            select(timer.c.name, timer.c.due_at).where(timer.c.aggregate_id == str(inburgeraar_id))
        )
        return {row.name: row.due_at.astimezone(UTC) for row in result}


async def test_the_first_pip_starts_the_termijn_announces_it_and_sets_three_timers(
    runtime, deliver, outbox
) -> None:
    persoon = uuid.uuid4()
    pip = pip_vastgesteld(persoon, DAGTEKENING)
    await deliver(pip)

    termijn = await termijn_van(runtime, persoon)
    assert (termijn["start_date"], termijn["eind_date"]) == (START, EINDE)
    assert termijn["routewijziging_sluit_date"] == SLUIT
    assert termijn["verlengingsvenster_open_date"] == OPENT
    [row] = await outbox("inburgeringstermijn-gestart")
    assert row["payload"] == {
        "inburgeraarId": str(persoon),
        "gemeentecode": "GM0772",
        "pipId": str(pip.pip_id),
        "startdatum": "2026-11-21",
        "einddatum": "2029-11-21",
    }
    assert await timers_van(runtime, persoon) == {
        "routewijziging-venster-sluit": begin_van_dag(SLUIT - timedelta(days=60)),
        "verlengingsvenster-geopend": begin_van_dag(OPENT),
        "termijn-verloopt": begin_van_dag(EINDE - timedelta(days=90)),
    }


async def test_the_start_survives_an_objection_and_a_second_pip(runtime, deliver, outbox) -> None:
    """[Wi] 11: a PIP adopted again after bezwaar, or a new version, does not move the start."""
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, DAGTEKENING))
    timers_voor = await timers_van(runtime, persoon)

    # After bezwaar the first PIP is adopted again with a later dagtekening...
    await deliver(pip_vastgesteld(persoon, date(2027, 3, 1)))
    # ...and a leerroute change leads to a second PIP.
    await deliver(pip_vastgesteld(persoon, date(2027, 6, 1), versie=2, eerste_pip=False))

    termijn = await termijn_van(runtime, persoon)
    assert (termijn["start_date"], termijn["eind_date"]) == (START, EINDE)
    assert termijn["dagtekening_eerste_pip_date"] == DAGTEKENING
    assert await timers_van(runtime, persoon) == timers_voor
    assert len(await outbox("inburgeringstermijn-gestart")) == 1


async def test_a_later_pip_without_a_known_first_one_starts_nothing(runtime, deliver, outbox):
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, DAGTEKENING, versie=2, eerste_pip=False))
    assert await timers_van(runtime, persoon) == {}
    assert await outbox("inburgeringstermijn-gestart") == []


async def test_a_duo_extension_moves_the_end_and_the_timers_but_not_the_start(
    runtime, deliver
) -> None:
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, DAGTEKENING))
    nieuw_einde = date(2030, 5, 21)

    await deliver(termijn_verlengd(persoon, nieuw_einde))

    termijn = await termijn_van(runtime, persoon)
    assert (termijn["start_date"], termijn["eind_date"]) == (START, nieuw_einde)
    assert termijn["oorspronkelijke_eind_date"] == EINDE
    assert termijn["verlengingsvenster_open_date"] == date(2029, 11, 21)
    assert termijn["routewijziging_sluit_date"] == SLUIT
    assert await timers_van(runtime, persoon) == {
        "routewijziging-venster-sluit": begin_van_dag(SLUIT - timedelta(days=60)),
        "verlengingsvenster-geopend": begin_van_dag(date(2029, 11, 21)),
        "termijn-verloopt": begin_van_dag(nieuw_einde - timedelta(days=90)),
    }


async def test_a_repeated_or_earlier_extension_changes_nothing(runtime, deliver) -> None:
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, DAGTEKENING))
    await deliver(termijn_verlengd(persoon, date(2030, 5, 21)))
    await deliver(termijn_verlengd(persoon, date(2030, 5, 21)))
    await deliver(termijn_verlengd(persoon, date(2030, 1, 1)))

    assert (await termijn_van(runtime, persoon))["eind_date"] == date(2030, 5, 21)
    async with runtime.engine.connect() as conn:
        rows = await conn.execute(
            select(
                termijn_verlenging.c.vorige_eind_date, termijn_verlenging.c.nieuwe_eind_date
            ).where(termijn_verlenging.c.inburgeraar_id == persoon)
        )
        assert [tuple(r) for r in rows] == [(EINDE, date(2030, 5, 21))]


async def test_an_extension_for_an_unknown_termijn_fails_so_it_is_not_lost(deliver) -> None:
    with pytest.raises(TermijnNietGevonden):
        await deliver(termijn_verlengd(uuid.uuid4(), date(2030, 1, 1)))


async def test_each_timer_fires_once_when_due_with_its_event(runtime, deliver, outbox) -> None:
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, DAGTEKENING))

    assert await scheduler(runtime, begin_van_dag(SLUIT) - timedelta(days=61)).fire_due() == 0
    assert await scheduler(runtime, begin_van_dag(SLUIT - timedelta(days=60))).fire_due() == 1
    [sluit] = await outbox("routewijziging-venster-sluit")
    assert sluit["payload"] == {
        "inburgeraarId": str(persoon),
        "gemeentecode": "GM0772",
        "sluitdatum": "2028-05-21",
    }
    assert await scheduler(runtime, begin_van_dag(OPENT)).fire_due() == 1
    [venster] = await outbox("verlengingsvenster-geopend")
    assert venster["payload"]["einddatum"] == "2029-11-21"
    assert await scheduler(runtime, begin_van_dag(EINDE)).fire_due() == 1
    [verloopt] = await outbox("termijn-verloopt")
    assert (verloopt["aggregate_id"], verloopt["payload"]["einddatum"]) == (
        str(persoon),
        "2029-11-21",
    )


async def test_timers_fire_once_across_a_restart(runtime, runtime_with, deliver, outbox) -> None:
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, DAGTEKENING))
    na_het_einde = begin_van_dag(EINDE + timedelta(days=1))

    assert await scheduler(runtime, na_het_einde).fire_due() == 3
    await runtime.engine.dispose()  # the process stops...
    herstart = runtime_with()  # ...and a new one starts on the same database
    assert await scheduler(herstart, na_het_einde).fire_due() == 0
    assert await scheduler(herstart, na_het_einde + timedelta(days=400)).fire_due() == 0

    for signaal in (
        "routewijziging-venster-sluit",
        "verlengingsvenster-geopend",
        "termijn-verloopt",
    ):
        assert len(await outbox(signaal)) == 1, signaal


async def test_after_an_extension_a_fired_window_opens_again_before_the_new_end(
    runtime, deliver, outbox
) -> None:
    """[Wi] 12: an extension can be granted each time ("telkens"), so its window reopens."""
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, DAGTEKENING))
    # The window closing for route changes and the extension window opening.
    assert await scheduler(runtime, begin_van_dag(OPENT)).fire_due() == 2

    await deliver(termijn_verlengd(persoon, date(2030, 5, 21)))

    assert await scheduler(runtime, begin_van_dag(OPENT) + timedelta(days=1)).fire_due() == 0
    assert await scheduler(runtime, begin_van_dag(date(2029, 11, 21))).fire_due() == 1
    vensters = await outbox("verlengingsvenster-geopend")
    assert [v["payload"]["einddatum"] for v in vensters] == ["2029-11-21", "2030-05-21"]
