"""DUO notifies SS139 or SS120 just after Dutch midnight: the settling date stored and the PIP
deadline planned are the Dutch calendar date's (R1: Besluit inburgering 2021 art. 5.3 lid 1-2;
R2: Besluit inburgering 2021 art. 5.3 lid 3, Wet inburgering 2021 art. 15 lid 4), although the
database hands the moment back in UTC, where it is still the day before."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from inburgering.duosim.personen import plichtig
from inburgering.intake.adapters.tables import inburgeraar, timer
from services.intake.tests.integration.conftest import Omgeving

pytestmark = pytest.mark.integration

BSN = "999900006"
WINTER = timezone(timedelta(hours=1))
ZOMER = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("gebeurtenis", "registratie", "kennisgeving", "vestiging", "uiterlijk"),
    [
        ("SS139", datetime(2026, 11, 2, 0, 30, tzinfo=WINTER), "2026-09-01", "2026-11-02",
         "2027-01-11"),
        ("SS139", datetime(2026, 7, 1, 0, 30, tzinfo=ZOMER), "2026-05-01", "2026-07-01",
         "2026-09-09"),
        ("SS120", datetime(2026, 11, 2, 0, 30, tzinfo=WINTER), "2026-09-01", "2026-11-02",
         "2027-01-11"),
        ("SS120", datetime(2026, 7, 1, 0, 30, tzinfo=ZOMER), "2026-05-01", "2026-07-01",
         "2026-09-09"),
        ("SS139", datetime(2026, 10, 24, 23, 30, tzinfo=UTC), "2026-09-01", "2026-10-25",
         "2027-01-03"),
        ("SS120", datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "2026-01-05", "2026-03-29",
         "2026-06-07"),
    ],
)  # fmt: skip
async def test_settling_just_after_dutch_midnight_counts_from_that_dutch_day(
    omgeving: Omgeving,
    gebeurtenis: str,
    registratie: datetime,
    kennisgeving: str,
    vestiging: str,
    uiterlijk: str,
) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN, kennisgeving=kennisgeving)
    await omgeving.stuur(gebeurtenis, BSN, registratie=registratie)
    await omgeving.verwerk()

    async with omgeving.runtime.engine.connect() as conn:
        persoon = (await conn.execute(select(inburgeraar))).mappings().one()
        timers = {
            r["name"]: r
            for r in (await conn.execute(select(timer).where(timer.c.name.like("pip-termijn-%"))))
            .mappings()
            .all()
        }
    assert persoon["vestiging_date"] == date.fromisoformat(vestiging)
    assert timers["pip-termijn-verstreken"]["payload"]["uiterlijk"] == uiterlijk
    # The deadline has passed at the start of the next Dutch day.
    volgende_dag = date.fromisoformat(uiterlijk) + timedelta(days=1)
    assert timers["pip-termijn-verstreken"]["due_at"] == datetime.combine(
        volgende_dag, time.min, tzinfo=ZoneInfo("Europe/Amsterdam")
    )
