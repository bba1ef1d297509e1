from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from aiokafka import ConsumerRecord
from sqlalchemy import select

from inburgering.referrals.adapters.tables import outbox_message
from inburgering.referrals.bootstrap import build_parts
from inburgering.referrals.seed import cohort_id, instelling_id
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.routes import LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Ambitie, Leerroute
from inburgering.shared.messaging import Consumer, Envelope
from inburgering.shared.persistence.migrations import upgrade
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.scheduling import TimerScheduler
from inburgering.shared.settings import DEV_JWT_SECRET


@pytest.fixture
async def runtime(postgres_url: str) -> AsyncIterator[ServiceRuntime]:
    """The api role on a freshly migrated database holding the demo network."""
    parts = build_parts(
        ReferralsSettings(database_url=postgres_url, roles="api", kafka_create_topics=False)
    )
    await asyncio.to_thread(upgrade, parts.migrations_dir, postgres_url)
    runtime = ServiceRuntime(parts)
    assert parts.seed is not None
    async with runtime.uow() as uow:
        await parts.seed(uow)
        await uow.commit()
    yield runtime
    await runtime.engine.dispose()


@pytest.fixture
async def client(runtime: ServiceRuntime) -> AsyncIterator[httpx.AsyncClient]:
    # ASGITransport sends no lifespan events: no broker, no migrations at start-up.
    transport = httpx.ASGITransport(app=runtime.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test/v1") as http:
        yield http


@pytest.fixture
def auth() -> Callable[..., dict[str, str]]:
    def headers(*gemeentecodes: str, rol: Rol = Rol.GEMEENTE, **claims: str) -> dict[str, str]:
        token = mint_dev_token(DEV_JWT_SECRET, rol=rol, gemeentecodes=gemeentecodes, **claims)
        return {"Authorization": f"Bearer {token}"}

    return headers


async def verwerk(runtime: ServiceRuntime, event: IntegrationEvent, envelope: Envelope) -> None:
    """Apply an incoming event with the handler the bootstrap registered for it."""
    registration = runtime.parts.handlers.get(envelope.type)
    assert registration is not None, envelope.type
    async with runtime.uow() as uow:
        await registration.handler(uow, event, envelope)
        await uow.commit()


class FakeDeadLetters:
    """Stands in for the producer: only dead-lettering uses it."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send_and_wait(self, topic: str, **_kwargs: object) -> None:
        self.sent.append(topic)


def consumer_of(runtime: ServiceRuntime, dead_letters: FakeDeadLetters) -> Consumer:
    """The shared consumer as the consumer role builds it, tenant check included."""
    return Consumer(
        runtime.consumer_name,
        runtime.parts.handlers,
        runtime.uow,
        runtime.inbox,
        dead_letters,
        logboek=runtime.parts.logboek,
    )


def record_of(envelope: Envelope, offset: int) -> ConsumerRecord:
    assert envelope.key is not None
    message = envelope.to_kafka()
    return ConsumerRecord(
        topic="routes.leerroute",
        partition=0,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=envelope.key.encode(),
        value=message.value,
        checksum=None,
        serialized_key_size=len(envelope.key),
        serialized_value_size=len(message.value),
        headers=envelope.kafka_headers(message),
    )


EINDHOVEN, TILBURG = "GM0772", "GM0855"
FONTYS, TIU = instelling_id("fontys"), instelling_id("tilburg-university")
# Fontys pre-bachelor Eindhoven, September 2027: 16 places, registration until 15 June 2027.
FONTYS_COHORT = cohort_id("fontys", "pre-bachelor-eindhoven", date(2027, 9, 1))
TIU_COHORT = cohort_id("tilburg-university", "pre-bachelor", date(2027, 9, 1))
DOSSIER = {"diplomawaardering": "vwo", "taalniveau": "B1", "uafBegeleiding": True}


def _headers(rol: Rol = Rol.GEMEENTE, **claims: Any) -> dict[str, str]:
    return {"Authorization": "Bearer " + mint_dev_token(DEV_JWT_SECRET, rol=rol, **claims)}


class Pad:
    """Steps of the pathway through the API, so each test states only what it is about."""

    EINDHOVEN, TILBURG = EINDHOVEN, TILBURG
    FONTYS, TIU, FONTYS_COHORT, TIU_COHORT = FONTYS, TIU, FONTYS_COHORT, TIU_COHORT
    DOSSIER = DOSSIER

    def __init__(
        self,
        client: httpx.AsyncClient,
        runtime: ServiceRuntime,
        besluit: Callable[..., LeerrouteVastgesteld],
        envelope_for: Callable[..., Envelope],
    ) -> None:
        self.client = client
        self.runtime = runtime
        self._besluit = besluit
        self._envelope_for = envelope_for

    async def bekend(
        self, gemeentecode: str = EINDHOVEN, leerroute: Leerroute = Leerroute.ONDERWIJSROUTE
    ) -> uuid.UUID:
        """A person whose leerroute routes decided, with an ambition that proposes no referral,
        so that only the case manager's referral exists."""
        event = self._besluit(gemeentecode=gemeentecode, leerroute=leerroute, ambitie=Ambitie.MBO)
        await verwerk(self.runtime, event, self._envelope_for(event))
        return event.inburgeraar_id

    @staticmethod
    def gemeente(*codes: str) -> dict[str, str]:
        return _headers(gemeentecodes=list(codes))

    @staticmethod
    def instelling(id_: uuid.UUID) -> dict[str, str]:
        return _headers(Rol.INSTELLING, instelling=str(id_))

    async def maak(
        self, gemeentecode: str = EINDHOVEN, niveau: str = "hbo", **extra: Any
    ) -> dict[str, Any]:
        leerroute = Leerroute(extra.get("leerroute", Leerroute.ONDERWIJSROUTE))
        body = {
            "inburgeraarId": str(await self.bekend(gemeentecode, leerroute)),
            "gemeentecode": gemeentecode,
            "niveau": niveau,
            "leerroute": str(leerroute),
            **extra,
        }
        response = await self.client.post(
            "/verwijzingen", json=body, headers=self.gemeente(gemeentecode)
        )
        assert response.status_code == 201, response.text
        return response.json()

    async def compleet(
        self, gemeentecode: str = EINDHOVEN, niveau: str = "hbo", **dossier: Any
    ) -> str:
        verwijzing = await self.maak(gemeentecode, niveau)
        response = await self.client.put(
            f"/verwijzingen/{verwijzing['id']}/dossier",
            json={**DOSSIER, **dossier},
            headers=self.gemeente(gemeentecode),
        )
        assert response.status_code == 200, response.text
        return verwijzing["id"]

    async def dien_in(
        self,
        verwijzing_id: str,
        cohort: uuid.UUID | str = FONTYS_COHORT,
        gemeentecode: str = EINDHOVEN,
    ) -> httpx.Response:
        return await self.client.post(
            f"/verwijzingen/{verwijzing_id}/indiening",
            json={"cohortId": str(cohort)},
            headers=self.gemeente(gemeentecode),
        )

    async def ingediend(
        self,
        gemeentecode: str = EINDHOVEN,
        cohort: uuid.UUID = FONTYS_COHORT,
        niveau: str = "hbo",
    ) -> str:
        verwijzing_id = await self.compleet(gemeentecode, niveau)
        response = await self.dien_in(verwijzing_id, cohort, gemeentecode)
        assert response.status_code == 200, response.text
        return verwijzing_id

    async def stap(
        self,
        verwijzing_id: str,
        pad: str,
        body: dict[str, Any] | None = None,
        door: uuid.UUID = FONTYS,
    ) -> httpx.Response:
        return await self.client.post(
            f"/aanmeldingen/{verwijzing_id}/{pad}", json=body or {}, headers=self.instelling(door)
        )


@pytest.fixture
def pad(
    client: httpx.AsyncClient,
    runtime: ServiceRuntime,
    besluit: Callable[..., LeerrouteVastgesteld],
    envelope_for: Callable[..., Envelope],
) -> Pad:
    return Pad(client, runtime, besluit, envelope_for)


class Klok:
    def __init__(self) -> None:
        self.nu = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.nu


class Dienst:
    """The service on one database; `herstart` builds it anew, as after a process restart."""

    def __init__(self, url: str, klok: Klok, settings: dict[str, Any]) -> None:
        self.url, self.klok, self.settings = url, klok, settings
        self.runtime = self._bouw()

    def _bouw(self) -> ServiceRuntime:
        settings = ReferralsSettings(
            database_url=self.url,
            roles="api,scheduler",
            kafka_create_topics=False,
            **self.settings,
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

    async def meldingen(self, event_type: str) -> list[dict]:
        async with self.runtime.engine.connect() as conn:
            rows = await conn.execute(
                select(outbox_message.c.payload)
                .where(outbox_message.c.event_type == event_type)
                .order_by(outbox_message.c.position)
            )
            return [row[0] for row in rows]


@pytest.fixture
async def dienst(postgres_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Dienst]:
    """A clock-controlled service with api and scheduler roles; settings (such as a lead time)
    come through indirect parametrisation. A test module overrides `runtime` with
    `dienst.runtime` so the shared `client` and `pad` fixtures drive it."""
    dienst = Dienst(postgres_url, Klok(), getattr(request, "param", {}))
    parts = dienst.runtime.parts
    await asyncio.to_thread(upgrade, parts.migrations_dir, postgres_url)
    assert parts.seed is not None
    async with dienst.runtime.uow() as uow:
        await parts.seed(uow)
        await uow.commit()
    yield dienst
    await dienst.runtime.engine.dispose()
