"""DUO must never have to resend: a stored notification survives a crash after the 201 and an
unreachable DUO, and a failed attempt leaves nothing half-done."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from inburgering.duosim.app import create_app
from inburgering.duosim.personen import plichtig
from inburgering.intake.adapters.tables import inburgeraar, outbox_message
from inburgering.intake.bootstrap import build_parts
from inburgering.shared.runtime import ServiceRuntime
from services.intake.tests.integration.conftest import Omgeving, intake_settings

pytestmark = pytest.mark.integration

BSN = "999900006"


class ProcessKilled(BaseException):
    """Not an error the code could handle: the process is gone mid-transaction."""


class ProcessDies(httpx.AsyncBaseTransport):
    """The process running the scheduler dies while it is talking to DUO."""

    def __init__(self, real: httpx.AsyncBaseTransport) -> None:
        self.real = real
        self.calls = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.calls > 1:
            raise ProcessKilled
        return await self.real.handle_async_request(request)


async def _counts(runtime: ServiceRuntime) -> tuple[int, int]:
    async with runtime.engine.connect() as conn:
        personen = (await conn.execute(select(func.count()).select_from(inburgeraar))).scalar_one()
        events = (await conn.execute(select(func.count()).select_from(outbox_message))).scalar_one()
    return personen, events


async def test_a_crash_after_the_201_loses_nothing_and_leaves_nothing_half_done(
    omgeving: Omgeving, postgres_url: str
) -> None:
    # Notified late enough that no PIP deadline timer is due yet: only the processing fires.
    omgeving.duo.personen[BSN] = plichtig(BSN, kennisgeving="2026-10-30")
    bericht_id = await omgeving.stuur("SS101", BSN)

    # A scheduler process whose DUO connection dies halfway through the look-ups.
    real = httpx.ASGITransport(app=create_app(omgeving.duo))
    dying = httpx.AsyncClient(transport=ProcessDies(real), base_url="http://duo/v1")
    doomed = ServiceRuntime(
        build_parts(intake_settings(postgres_url), duo_http=dying, clock=omgeving.klok)
    )
    with pytest.raises(ProcessKilled):
        await omgeving.verwerk(doomed)
    await doomed.engine.dispose()

    assert (await omgeving.notificatie(bericht_id))["status"] == "ontvangen"
    assert await _counts(omgeving.runtime) == (0, 0)

    # After the restart the scheduler finds the notification and processes it, once.
    assert await omgeving.verwerk() == 1
    assert await omgeving.verwerk() == 0
    assert (await omgeving.notificatie(bericht_id))["status"] == "verwerkt"
    assert await _counts(omgeving.runtime) == (1, 1)


async def test_while_duo_is_unreachable_the_notification_waits_and_is_retried_with_backoff(
    omgeving: Omgeving,
) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN)
    omgeving.duo.storing = True
    bericht_id = await omgeving.stuur("SS101", BSN)

    await omgeving.verwerk()
    stored = await omgeving.notificatie(bericht_id)
    assert (stored["status"], stored["pogingen"], stored["laatste_fout"]) == (
        "ontvangen",
        1,
        "DUO antwoordde 503",
    )
    omgeving.klok.nu += timedelta(seconds=59)
    await omgeving.verwerk()
    assert (await omgeving.notificatie(bericht_id))["pogingen"] == 1  # not before the backoff

    omgeving.klok.nu += timedelta(seconds=2)
    await omgeving.verwerk()
    assert (await omgeving.notificatie(bericht_id))["pogingen"] == 2  # then 120 s
    omgeving.duo.storing = False
    omgeving.klok.nu += timedelta(seconds=121)
    await omgeving.verwerk()

    stored = await omgeving.notificatie(bericht_id)
    assert (stored["status"], stored["laatste_fout"]) == ("verwerkt", None)
    assert len(await omgeving.events("inburgeraar-aangemeld")) == 1
