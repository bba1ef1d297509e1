"""A submitted referral's deadline is a durable timer: it fires once, survives a restart, and
never fires once the institution has decided."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import outbox_message
from inburgering.referrals.bootstrap import build_parts
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.persistence.migrations import upgrade
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.scheduling import TimerScheduler

pytestmark = pytest.mark.integration

NADERT = "nl.inburgering.verwijzing-termijn-nadert"
# The Fontys cohort starts 1 September 2027; with 14 days' lead the timer is due on 18 August
# (Amsterdam midnight, 17 August 22:00 UTC).
VOOR = datetime(2027, 8, 17, 21, 59, tzinfo=UTC)
OP = datetime(2027, 8, 17, 22, 0, tzinfo=UTC)


class Klok:
    def __init__(self) -> None:
        self.nu = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.nu


class Dienst:
    """The service on one database; `herstart` builds it anew, as after a process restart."""

    def __init__(self, url: str, klok: Klok, dagen: int) -> None:
        self.url, self.klok, self.dagen = url, klok, dagen
        self.runtime = self._bouw()

    def _bouw(self) -> ServiceRuntime:
        settings = ReferralsSettings(
            database_url=self.url,
            roles="api,scheduler",
            kafka_create_topics=False,
            termijn_nadert_dagen=self.dagen,
        )
        return ServiceRuntime(build_parts(settings, clock=self.klok))

    async def herstart(self) -> None:
        await self.runtime.engine.dispose()
        self.runtime = self._bouw()

    async def vuur(self) -> int:
        """One round of a fresh scheduler, as the scheduler role runs it."""
        parts = self.runtime.parts
        assert parts.timers is not None
        return await TimerScheduler(parts.timers, self.runtime.uow, clock=parts.clock).fire_due()

    async def meldingen(self) -> list[dict]:
        async with self.runtime.engine.connect() as conn:
            rows = await conn.execute(
                select(outbox_message.c.payload)
                .where(outbox_message.c.event_type == NADERT)
                .order_by(outbox_message.c.position)
            )
            return [row[0] for row in rows]


@pytest.fixture
async def dienst(postgres_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Dienst]:
    """Lead time 14 days unless the test passes another through indirect parametrisation."""
    dienst = Dienst(postgres_url, Klok(), getattr(request, "param", 14))
    parts = dienst.runtime.parts
    await asyncio.to_thread(upgrade, parts.migrations_dir, postgres_url)
    assert parts.seed is not None
    async with dienst.runtime.uow() as uow:
        await parts.seed(uow)
        await uow.commit()
    yield dienst
    await dienst.runtime.engine.dispose()


@pytest.fixture
def runtime(dienst: Dienst) -> ServiceRuntime:
    """The shared `client` and `pad` fixtures then drive this clock-controlled service."""
    return dienst.runtime


async def test_the_deadline_fires_once_the_lead_time_before_the_start(dienst, pad):
    verwijzing_id = await pad.ingediend()
    intake = await pad.stap(verwijzing_id, "intake")  # an intake is no decision yet
    assert intake.status_code == 200

    dienst.klok.nu = VOOR
    assert await dienst.vuur() == 0
    dienst.klok.nu = OP
    assert await dienst.vuur() == 1
    assert await dienst.vuur() == 0

    gelezen = await pad.client.get(
        f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN)
    )
    assert await dienst.meldingen() == [
        {
            "verwijzingId": verwijzing_id,
            "inburgeraarId": gelezen.json()["inburgeraarId"],
            "gemeentecode": pad.EINDHOVEN,
            "instellingId": str(pad.FONTYS),
            "cohortId": str(pad.FONTYS_COHORT),
            "startdatum": "2027-09-01",
        }
    ]


async def test_the_timer_survives_a_restart_and_still_fires_once(dienst, pad):
    verwijzing_id = await pad.ingediend()

    await dienst.herstart()
    dienst.klok.nu = OP
    assert await dienst.vuur() == 1
    await dienst.herstart()
    assert await dienst.vuur() == 0

    assert [m["verwijzingId"] for m in await dienst.meldingen()] == [verwijzing_id]


@pytest.mark.parametrize(
    "besluit",
    [{"toegelaten": True}, {"toegelaten": False, "reden": "taalniveau-onvoldoende"}],
    ids=["toegelaten", "afgewezen"],
)
async def test_the_admission_decision_cancels_the_timer(dienst, pad, besluit):
    besloten = await pad.ingediend()
    open_ = await pad.ingediend()
    await pad.stap(besloten, "intake")
    decided = await pad.stap(besloten, "toelatingsbesluit", besluit)
    assert decided.status_code == 200, decided.text

    dienst.klok.nu = OP
    assert await dienst.vuur() == 1

    assert [m["verwijzingId"] for m in await dienst.meldingen()] == [open_]


@pytest.mark.parametrize("dienst", [30], indirect=True)
async def test_the_lead_time_is_a_setting(dienst, pad):
    await pad.ingediend()

    dienst.klok.nu = datetime(2027, 8, 1, 21, 59, tzinfo=UTC)  # 2 August: 30 days before
    assert await dienst.vuur() == 0
    dienst.klok.nu = datetime(2027, 8, 1, 22, 0, tzinfo=UTC)
    assert await dienst.vuur() == 1
