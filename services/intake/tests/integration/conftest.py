"""An intake service on real PostgreSQL wired to the DUO simulator, both in-process."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from inburgering.duosim.app import Duo, create_app
from inburgering.duosim.entrypoints import DEV_DUO_OIN, gemeente_oins
from inburgering.duosim.notifier import Notifier
from inburgering.intake.adapters.tables import duo_notificatie, outbox_message
from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import DEV_GEMEENTE_OINS, IntakeSettings
from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.scheduling import TimerScheduler
from inburgering.shared.settings import DEV_JWT_SECRET
from inburgering.shared.testing.service import migrated_runtime

EINDHOVEN_OIN = "00000001001000772000"
HELMOND_OIN = "00000001001000794000"
DUO_TOKEN = mint_dev_token(DEV_JWT_SECRET, rol=Rol.DUO, subject="duo")


class Klok:
    """The service's clock, moved by the test."""

    def __init__(self) -> None:
        self.nu = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.nu


@dataclass
class Omgeving:
    runtime: ServiceRuntime
    client: httpx.AsyncClient
    duo: Duo
    notifier: Notifier
    klok: Klok
    verzoeken_aan_duo: list[httpx.Request] = field(default_factory=list)
    naar_intake: httpx.AsyncClient | None = None
    """The client DUO's notifier uses: base URL the intake's /v1/."""

    async def stuur(self, gebeurtenis_id: str, bsn: str | None = None, **kwargs: Any) -> uuid.UUID:
        """DUO notifies; the intake must answer 201."""
        doel = kwargs.pop("doel", EINDHOVEN_OIN)
        bericht_id, response = await self.notifier.stuur(
            gebeurtenis_id, bsn=bsn, doel=doel, **kwargs
        )
        assert response.status_code == 201, response.text
        return bericht_id

    async def verwerk(self, runtime: ServiceRuntime | None = None) -> int:
        """One round of the scheduler role (a fresh one, as after a restart)."""
        rt = runtime or self.runtime
        assert rt.parts.timers is not None
        return await TimerScheduler(rt.parts.timers, rt.uow, clock=self.klok).fire_due()

    async def events(self, event_name: str | None = None) -> list[dict[str, Any]]:
        async with self.runtime.engine.connect() as conn:
            query = select(outbox_message).order_by(outbox_message.c.position)
            if event_name:
                query = query.where(outbox_message.c.event_type == f"nl.inburgering.{event_name}")
            return [dict(row) for row in (await conn.execute(query)).mappings()]

    async def notificatie(self, bericht_id: uuid.UUID) -> dict[str, Any]:
        async with self.runtime.engine.connect() as conn:
            row = await conn.execute(
                select(duo_notificatie).where(duo_notificatie.c.bericht_id == bericht_id)
            )
            return dict(row.mappings().one())


def intake_settings(postgres_url: str) -> IntakeSettings:
    return IntakeSettings(
        database_url=postgres_url,
        roles="api",
        kafka_create_topics=False,
        duo_retry_seconds=60,
        duo_retry_max_seconds=3600,
    )


def simulator() -> Duo:
    return Duo(oin=DEV_DUO_OIN, gemeente_oins=gemeente_oins(DEV_GEMEENTE_OINS), personen={})


def duo_http(duo: Duo, log: list[httpx.Request]) -> httpx.AsyncClient:
    async def record(request: httpx.Request) -> None:
        log.append(request)

    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(duo)),
        base_url="http://duo/v1",
        event_hooks={"request": [record]},
    )


@pytest.fixture
async def omgeving(postgres_url: str) -> AsyncIterator[Omgeving]:
    duo = simulator()
    klok = Klok()
    log: list[httpx.Request] = []
    parts = build_parts(intake_settings(postgres_url), duo_http=duo_http(duo, log), clock=klok)
    runtime = await migrated_runtime(parts)
    transport = httpx.ASGITransport(app=runtime.create_app())
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as client,
        httpx.AsyncClient(transport=transport, base_url="http://testserver/v1/") as to_intake,
    ):
        notifier = Notifier(to_intake, duo_oin=DEV_DUO_OIN, token=DUO_TOKEN)
        yield Omgeving(runtime, client, duo, notifier, klok, log, naar_intake=to_intake)
    await runtime.engine.dispose()
