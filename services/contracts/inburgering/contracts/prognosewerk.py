"""The scheduler role's forecast loop: every verband forecast on an interval, a shortfall
signalled once. One failing round is logged and retried the next time; it stops nothing else."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import structlog

from inburgering.contracts.handlers import prognose
from inburgering.contracts.handlers.toewijzing import vandaag
from inburgering.contracts.settings import ContractsSettings
from inburgering.shared.persistence.tenancy import as_platform
from inburgering.shared.runtime import ServiceRuntime

log = structlog.get_logger(__name__)


async def _ronde(runtime: ServiceRuntime, settings: ContractsSettings) -> None:
    with as_platform():
        async with runtime.uow() as uow:
            signalen = await prognose.signaleer_tekorten(
                uow, vandaag(), settings.prognose_kwartalen
            )
    log.info("prognose.ronde", signalen=signalen)


@contextlib.asynccontextmanager
async def prognoselus(runtime: ServiceRuntime, roles: frozenset[str]) -> AsyncIterator[None]:
    if "scheduler" not in roles:
        yield
        return
    settings = runtime.settings
    assert isinstance(settings, ContractsSettings)
    stop = asyncio.Event()

    async def lus() -> None:
        while not stop.is_set():
            try:
                await _ronde(runtime, settings)
            except Exception as exc:  # the next round tries again
                log.warning("prognose.ronde_mislukt", error=type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=settings.prognose_interval_seconds)

    taak = asyncio.create_task(lus(), name="prognose")
    try:
        yield
    finally:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(taak, timeout=10)
