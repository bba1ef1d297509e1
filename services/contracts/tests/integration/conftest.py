"""A migrated contracts database with a small test region, events and API clients."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

import inburgering.contracts
from inburgering.contracts.adapters.tables import (
    aanbieder,
    contract,
    contract_versie,
    samenwerkingsverband,
    samenwerkingsverband_lid,
)
from inburgering.contracts.bootstrap import build_parts
from inburgering.contracts.settings import ContractsSettings
from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.routes import LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    Leerroute,
    Opleidingsniveau,
)
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence.migrations import upgrade
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.settings import DEV_JWT_SECRET

MIGRATIONS = Path(inburgering.contracts.__file__).parent / "migrations"
EINDHOVEN, BEST, HELMOND = "GM0772", "GM0753", "GM0794"
KVK_GELDIG, KVK_GESCHORST, KVK_ANDER = "91000001", "91000002", "91000003"


async def runtime_for(database_url: str) -> ServiceRuntime:
    await asyncio.to_thread(upgrade, MIGRATIONS, database_url)
    settings = ContractsSettings(
        database_url=database_url, roles="api", kafka_create_topics=False, seed_demo_data=False
    )
    return ServiceRuntime(build_parts(settings))


@pytest.fixture
def runtime_voor() -> Callable[[str], Awaitable[ServiceRuntime]]:
    """Start another runtime on a database, as a restarted or second process would."""
    return runtime_for


@pytest.fixture
async def runtime(postgres_url: str) -> AsyncIterator[ServiceRuntime]:
    runtime = await runtime_for(postgres_url)
    yield runtime
    await runtime.engine.dispose()


@dataclass(frozen=True)
class Testregio:
    """B1-route verband led by Eindhoven with Best as member; Helmond is in no verband.

    The suspended provider has far more room than the valid one, so only the keurmerk rule
    keeps placements away from it; the other valid provider's contract is full.
    """

    verband_id: uuid.UUID
    contract_geldig: uuid.UUID
    contract_geschorst: uuid.UUID
    contract_ander: uuid.UUID
    lead: str = EINDHOVEN
    lid: str = BEST
    buitenstaander: str = HELMOND
    kvk_geldig: str = KVK_GELDIG
    kvk_geschorst: str = KVK_GESCHORST
    kvk_ander: str = KVK_ANDER


async def bouw_testregio(runtime: ServiceRuntime, capaciteit: int = 5) -> Testregio:
    verband_id = uuid.uuid4()
    aanbieders = {kvk: uuid.uuid4() for kvk in (KVK_GELDIG, KVK_GESCHORST, KVK_ANDER)}
    contracten = {kvk: uuid.uuid4() for kvk in aanbieders}
    start, eind = date(2020, 1, 1), date(2099, 12, 31)
    async with runtime.uow() as uow:
        s = uow.session
        await s.execute(
            samenwerkingsverband.insert().values(
                id=verband_id,
                naam="Test B1-route",
                leerroute=Leerroute.B1_ROUTE,
                lead_gemeentecode=EINDHOVEN,
                periode_start_date=start,
                periode_eind_date=eind,
            )
        )
        await s.execute(
            samenwerkingsverband_lid.insert(),
            [
                {"samenwerkingsverband_id": verband_id, "gemeentecode": code, "ingangsdatum": start}
                for code in (EINDHOVEN, BEST)
            ],
        )
        statuses = {KVK_GELDIG: "geldig", KVK_GESCHORST: "geschorst", KVK_ANDER: "geldig"}
        await s.execute(
            aanbieder.insert(),
            [
                {
                    "id": aanbieders[kvk],
                    "kvk": kvk,
                    "naam": f"Aanbieder {kvk}",
                    "keurmerk_status": statuses[kvk],
                    "keurmerk_geldig_tot": eind,
                    "taalschakel": False,
                    "duo_instellingsnummer": f"00{kvk}",
                }
                for kvk in aanbieders
            ],
        )
        capaciteiten = {KVK_GELDIG: capaciteit, KVK_GESCHORST: 1000, KVK_ANDER: 0}
        await s.execute(
            contract.insert(),
            [
                {
                    "id": contracten[kvk],
                    "samenwerkingsverband_id": verband_id,
                    "aanbieder_id": aanbieders[kvk],
                    "leerroute": Leerroute.B1_ROUTE,
                    "doelgroep": None,
                    "capaciteit": capaciteiten[kvk],
                    "prijs_eenheid": "traject",
                    "status": "actief",
                    "periode_start_date": start,
                    "periode_eind_date": eind,
                }
                for kvk in aanbieders
            ],
        )
        await s.execute(
            contract_versie.insert(),
            [
                {
                    "contract_id": contracten[kvk],
                    "versie": 1,
                    "capaciteit": capaciteiten[kvk],
                    "prijs_eenheid": "traject",
                    "status": "actief",
                    "periode_start_date": start,
                    "periode_eind_date": eind,
                    "verlengingsopties": 0,
                    "aandelen": [],
                    "gewijzigd_door": "test",
                    "gewijzigd_at": datetime.now(UTC),
                }
                for kvk in aanbieders
            ],
        )
        await uow.commit()
    return Testregio(
        verband_id, contracten[KVK_GELDIG], contracten[KVK_GESCHORST], contracten[KVK_ANDER]
    )


@pytest.fixture
async def regio(runtime: ServiceRuntime) -> Testregio:
    return await bouw_testregio(runtime)


@pytest.fixture
def bouw_regio() -> Callable[[ServiceRuntime], Awaitable[Testregio]]:
    """Build the test region in another runtime's database (e.g. SQLite)."""
    return bouw_testregio


@pytest.fixture
async def sqlite_runtime(tmp_path: Path) -> AsyncIterator[ServiceRuntime]:
    runtime = await runtime_for(f"sqlite+aiosqlite:///{tmp_path / 'contracts.db'}")
    yield runtime
    await runtime.engine.dispose()


def _vastgesteld(
    gemeentecode: str = BEST,
    leerroute: Leerroute = Leerroute.B1_ROUTE,
    *,
    inburgeraar_id: uuid.UUID | None = None,
    advies_id: uuid.UUID | None = None,
) -> tuple[LeerrouteVastgesteld, Envelope]:
    event = LeerrouteVastgesteld(
        advies_id=advies_id or uuid.uuid4(),
        inburgeraar_id=inburgeraar_id or uuid.uuid4(),
        gemeentecode=gemeentecode,
        leerroute=leerroute,
        afwijkend_van_advies=False,
        doelgroep=Doelgroep.ASIELSTATUSHOUDER,
        ambitie=Ambitie.WERK,
        opleidingsniveau=Opleidingsniveau.VOORTGEZET,
    )
    envelope = Envelope(
        id=str(uuid.uuid4()),
        source="urn:nld:oin:00000000000000000000:systeem:inburgering-routes",
        type=LeerrouteVastgesteld.event_type(),
        time=datetime.now(UTC),
        gemeentecode=gemeentecode,
        data=event.to_data(),
        key=str(event.inburgeraar_id),
    )
    return event, envelope


@pytest.fixture
def vastgesteld() -> Callable[..., tuple[LeerrouteVastgesteld, Envelope]]:
    """Make a leerroute-vastgesteld event and its envelope, as the routes service sends it."""
    return _vastgesteld


Verwerk = Callable[[LeerrouteVastgesteld, Envelope], Awaitable[None]]


@pytest.fixture
def verwerk(runtime: ServiceRuntime) -> Verwerk:
    """Apply the handler the service registered, in its own unit of work, as the consumer does."""
    registration = runtime.parts.handlers.get(LeerrouteVastgesteld.event_type())
    assert registration is not None

    async def apply(event: LeerrouteVastgesteld, envelope: Envelope) -> None:
        async with runtime.uow() as uow:
            await registration.handler(uow, event, envelope)
            await uow.commit()

    return apply


def _auth(rol: Rol, *, gemeentecodes: tuple[str, ...] = (), kvk: str | None = None) -> dict:
    bearer = mint_dev_token(DEV_JWT_SECRET, rol=rol, gemeentecodes=gemeentecodes, kvk=kvk)
    return {"Authorization": f"Bearer {bearer}"}


@pytest.fixture
def auth() -> Callable[..., dict]:
    """Authorization headers for a development token with the given role and scope."""
    return _auth


@pytest.fixture
async def api(runtime: ServiceRuntime) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=runtime.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test/v1") as client:
        yield client


@pytest.fixture
def bezorg(runtime: ServiceRuntime) -> Callable[..., Awaitable[None]]:
    """Deliver any event to the handler the service registered for it, as the consumer does,
    optionally as if it was published at another moment."""

    async def apply(event: IntegrationEvent, *, op: datetime | None = None) -> None:
        registration = runtime.parts.handlers.get(event.event_type())
        assert registration is not None, f"contracts does not handle {event.event_type()}"
        envelope = Envelope(
            id=str(uuid.uuid4()),
            source="urn:nld:oin:00000000000000000000:systeem:inburgering-test",
            type=event.event_type(),
            time=op or datetime.now(UTC),
            gemeentecode=event.gemeentecode,  # type: ignore[attr-defined]
            data=event.to_data(),
            key=event.partition_key(),
        )
        async with runtime.uow() as uow:
            await registration.handler(uow, event, envelope)
            await uow.commit()

    return apply
