from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from sqlalchemy import select

from inburgering.routes.bootstrap import build_parts
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.contracts import (
    Lidmaatschap,
    SamenwerkingsverbandGewijzigd,
    UrenMijlpaalBereikt,
)
from inburgering.shared.events.intake import (
    InburgeringstermijnVerlengd,
    IntakeAfgerond,
    PipVastgesteld,
)
from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    LeerbaarheidstoetsUitslag,
    Leerroute,
    Opleidingsniveau,
)
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence.migrations import upgrade
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.scheduling import TimerScheduler
from inburgering.shared.settings import DEV_JWT_SECRET

GEMEENTE = "GM0772"
INTAKE_SOURCE = "urn:nld:oin:00000000000000000000:systeem:inburgering-intake"

Handle = Callable[..., Awaitable[IntakeAfgerond]]
NU = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


class Klok:
    """The service's clock in tests: set `nu` to place the next request or firing in time."""

    def __init__(self, nu: datetime = NU) -> None:
        self.nu = nu

    def __call__(self) -> datetime:
        return self.nu

    def op(self, dag: date) -> None:
        self.nu = datetime(dag.year, dag.month, dag.day, 12, 0, tzinfo=UTC)


def make_runtime(postgres_url: str, klok: Klok | None = None, **settings: Any) -> ServiceRuntime:
    return ServiceRuntime(
        build_parts(
            RoutesSettings(
                database_url=postgres_url,
                kafka_create_topics=False,
                migrate_on_start=False,
                roles="api",
                **settings,
            ),
            clock=klok or Klok(),
        )
    )


@pytest.fixture
def klok() -> Klok:
    return Klok()


@pytest.fixture
async def runtime(postgres_url: str, klok: Klok) -> AsyncIterator[ServiceRuntime]:
    runtime = make_runtime(postgres_url, klok)
    await asyncio.to_thread(upgrade, runtime.parts.migrations_dir, postgres_url)
    yield runtime
    await runtime.engine.dispose()


@pytest.fixture
async def runtime_with(
    postgres_url: str, klok: Klok
) -> AsyncIterator[Callable[..., ServiceRuntime]]:
    """Further runtimes on the same (migrated) database with other settings, as after a restart."""
    made: list[ServiceRuntime] = []

    def _make(**settings: Any) -> ServiceRuntime:
        made.append(make_runtime(postgres_url, klok, **settings))
        return made[-1]

    yield _make
    for extra in made:
        await extra.engine.dispose()


@pytest.fixture
async def client(runtime: ServiceRuntime) -> AsyncIterator[httpx.AsyncClient]:
    app = runtime.create_app()
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url="http://routes/v1"
        ) as client,
    ):
        yield client


def _auth(*gemeentecodes: str, rol: Rol = Rol.GEMEENTE) -> dict[str, str]:
    jwt = mint_dev_token(DEV_JWT_SECRET, rol=rol, gemeentecodes=gemeentecodes or (GEMEENTE,))
    return {"Authorization": f"Bearer {jwt}"}


@pytest.fixture
def auth() -> Callable[..., dict[str, str]]:
    """Headers with a development token, for the given gemeentecodes (default GM0772)."""
    return _auth


def intake_afgerond(**overrides: Any) -> IntakeAfgerond:
    fields: dict[str, Any] = {
        "inburgeraar_id": uuid.uuid4(),
        "intake_id": uuid.uuid4(),
        "gemeentecode": GEMEENTE,
        "doelgroep": Doelgroep.ASIELSTATUSHOUDER,
        "leerbaarheidstoets": LeerbaarheidstoetsUitslag.B1_HAALBAAR,
        "opleidingsniveau": Opleidingsniveau.MBO,
        "ambitie": Ambitie.WERK,
        "leeftijd": 31,
    }
    return IntakeAfgerond(**{**fields, **overrides})


def envelope_for(event: IntegrationEvent, at: datetime | None = None) -> Envelope:
    # An event about a samenwerkingsverband is addressed to its lead gemeente.
    gemeentecode = (
        event.lead_gemeentecode
        if isinstance(event, SamenwerkingsverbandGewijzigd)
        else event.gemeentecode
    )
    return Envelope(
        id=str(uuid.uuid4()),
        source=INTAKE_SOURCE,
        type=event.event_type(),
        time=at or datetime.now(UTC),
        gemeentecode=gemeentecode,
        data=event.to_data(),
        key=event.partition_key(),
    )


async def _deliver(
    runtime: ServiceRuntime, event: IntegrationEvent, at: datetime | None = None
) -> None:
    # What the Consumer does after its inbox check: the registered handler, then commit.
    registration = runtime.parts.handlers.get(event.event_type())
    assert registration is not None
    async with runtime.uow() as uow:
        await registration.handler(uow, event, envelope_for(event, at))
        await uow.commit()


@pytest.fixture
def make_event() -> Callable[..., IntakeAfgerond]:
    """An IntakeAfgerond for a new inburgeraar in GM0772; overrides by field name."""
    return intake_afgerond


@pytest.fixture(name="envelope_for")
def envelope_for_fixture() -> Callable[[IntakeAfgerond], Envelope]:
    """The CloudEvents envelope intake would have sent the event in."""
    return envelope_for


@pytest.fixture
def deliver(runtime: ServiceRuntime) -> Callable[..., Awaitable[None]]:
    """Hand one event to the handler registered by `runtime` (or by `via`), sent `at`."""

    def _to(
        event: IntegrationEvent, via: ServiceRuntime | None = None, at: datetime | None = None
    ) -> Awaitable[None]:
        return _deliver(via or runtime, event, at)

    return _to


@pytest.fixture
def handle(runtime: ServiceRuntime) -> Handle:
    """Build an IntakeAfgerond (overrides by field name) and deliver it."""

    async def _handle(**overrides: Any) -> IntakeAfgerond:
        event = intake_afgerond(**overrides)
        await _deliver(runtime, event)
        return event

    return _handle


@pytest.fixture
def outbox(runtime: ServiceRuntime) -> Callable[[str], Awaitable[list[Any]]]:
    """The outbox rows of one event type (without prefix), oldest first."""

    async def _rows(event_name: str) -> list[Any]:
        table = runtime.parts.outbox_table
        async with runtime.engine.connect() as conn:
            result = await conn.execute(
                select(table)
                .where(table.c.event_type == f"nl.inburgering.{event_name}")
                .order_by(table.c.position)
            )
            return list(result.mappings().all())

    return _rows


def pip_vastgesteld(
    inburgeraar_id: uuid.UUID, dagtekening: date, **overrides: Any
) -> PipVastgesteld:
    fields: dict[str, Any] = {
        "inburgeraar_id": inburgeraar_id,
        "pip_id": uuid.uuid4(),
        "gemeentecode": GEMEENTE,
        "versie": 1,
        "eerste_pip": True,
        "dagtekening": dagtekening,
        "leerroute": Leerroute.B1_ROUTE,
    }
    return PipVastgesteld(**{**fields, **overrides})


def termijn_verlengd(inburgeraar_id: uuid.UUID, tot: date) -> InburgeringstermijnVerlengd:
    return InburgeringstermijnVerlengd(
        inburgeraar_id=inburgeraar_id, gemeentecode=GEMEENTE, nieuwe_einddatum=tot
    )


def uren_mijlpaal(
    inburgeraar_id: uuid.UUID,
    uren: float,
    *,
    plaatsing_id: uuid.UUID,
    erkend: bool = True,
    mijlpaal: int = 400,
) -> UrenMijlpaalBereikt:
    return UrenMijlpaalBereikt(
        plaatsing_id=plaatsing_id,
        inburgeraar_id=inburgeraar_id,
        gemeentecode=GEMEENTE,
        mijlpaal=mijlpaal,
        uren_totaal=uren,
        erkende_instelling=erkend,
    )


def samenwerkingsverband_gewijzigd(
    verband_id: uuid.UUID,
    *,
    leden: dict[str, tuple[date, date | None]],
    lead: str = GEMEENTE,
    leerroute: Leerroute = Leerroute.ONDERWIJSROUTE,
    versie: int = 1,
    benaming: str = "Zuidoost-Brabant",
) -> SamenwerkingsverbandGewijzigd:
    """The verband as contracts publishes it; `leden` maps each gemeentecode to its (ingangsdatum,
    einddatum)."""
    return SamenwerkingsverbandGewijzigd(
        samenwerkingsverband_id=verband_id,
        versie=versie,
        benaming=benaming,
        leerroute=leerroute,
        lead_gemeentecode=lead,
        periode_start=date(2026, 1, 1),
        periode_eind=date(2029, 12, 31),
        leden=[
            Lidmaatschap(gemeentecode=code, ingangsdatum=van, einddatum=tot, rollen=["inkoop"])
            for code, (van, tot) in leden.items()
        ],
    )


def scheduler(runtime: ServiceRuntime, at: datetime) -> TimerScheduler:
    """A fresh scheduler on the runtime's database, as after a restart, whose clock says `at`."""
    assert runtime.parts.timers is not None
    return TimerScheduler(runtime.parts.timers, runtime.uow, clock=lambda: at)
