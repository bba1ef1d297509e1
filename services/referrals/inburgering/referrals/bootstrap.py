"""The composition root of the referrals service: api, relay, consumer and scheduler roles."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from inburgering.referrals import verwerkingsactiviteiten
from inburgering.referrals.adapters import tables
from inburgering.referrals.api.aanmeldingen import router as aanmeldingen
from inburgering.referrals.api.netwerk import router as netwerk
from inburgering.referrals.api.opleidingen import router as opleidingen
from inburgering.referrals.api.overzicht import router as overzicht
from inburgering.referrals.api.statistieken import router as statistieken
from inburgering.referrals.api.verwijzingen import router as verwijzingen
from inburgering.referrals.handlers import (
    indiening_timer,
    termijn,
    when_leerroute_gewijzigd_werk_leerroute_bij,
    when_leerroute_vastgesteld_maak_verwijzing,
)
from inburgering.referrals.seed import seed_demo_network
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.events.referrals import TOPIC
from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.logboek import Logboek
from inburgering.shared.messaging import HandlerRegistry
from inburgering.shared.runtime import ServiceParts
from inburgering.shared.scheduling import Clock, TimerRegistry
from inburgering.shared.scheduling.timers import utc_now

VERSION = "0.1.0"


def build_parts(
    settings: ReferralsSettings | None = None, *, clock: Clock = utc_now
) -> ServiceParts:
    """`clock` is the service's time for the API and the deadline timers (tests move it)."""
    settings = settings or ReferralsSettings()
    timers = TimerRegistry(tables.timer)
    timers.register(termijn.NADERT, termijn.termijn_nadert)
    timers.register(indiening_timer.NADERT, indiening_timer.indiening_nadert)
    registry = HandlerRegistry()
    registry.register(
        LeerrouteVastgesteld,
        partial(
            when_leerroute_vastgesteld_maak_verwijzing,
            indiening_nadert_dagen=settings.indiening_nadert_dagen,
            klok=clock,
        ),
    )
    registry.register(LeerrouteGewijzigd, when_leerroute_gewijzigd_werk_leerroute_bij)
    return ServiceParts(
        logboek=Logboek(
            verwerkingsactiviteiten.register(settings.logboek_register),
            tables.dataverwerking,
            tables.auditregel,
        ),
        settings=settings,
        title="Inburgering Verwijzingen API",
        description="Het hbo/wo-netwerk en de verwijzingen van inburgeraars in de onderwijsroute.",
        version=VERSION,
        metadata=tables.metadata,
        outbox_table=tables.outbox_message,
        inbox_table=tables.processed_message,
        idempotency=tables.idempotentie,
        migrations_dir=Path(__file__).parent / "migrations",
        routers=[verwijzingen, aanmeldingen, opleidingen, netwerk, overzicht, statistieken],
        handlers=registry,
        publishes=[TOPIC],
        timers=timers,
        clock=clock,
        seed=seed_demo_network if settings.seed_demo_data else None,
    )
