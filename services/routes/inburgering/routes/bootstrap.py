"""The composition root of the routes service, used by its api, relay and consumer roles."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from inburgering.routes import handlers
from inburgering.routes.adapters import tables
from inburgering.routes.api.leerroute_adviezen import router as leerroute_adviezen
from inburgering.routes.domain.advies import Beleid
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.events.intake import IntakeAfgerond
from inburgering.shared.events.routes import TOPIC
from inburgering.shared.messaging import HandlerRegistry
from inburgering.shared.runtime import ServiceParts

VERSION = "0.1.0"


def build_parts(settings: RoutesSettings | None = None) -> ServiceParts:
    settings = settings or RoutesSettings()
    beleid = Beleid(onderwijsroute_max_leeftijd=settings.onderwijsroute_max_leeftijd)
    registry = HandlerRegistry()
    registry.register(
        IntakeAfgerond, partial(handlers.when_intake_afgerond_adviseer_leerroute, beleid=beleid)
    )
    return ServiceParts(
        settings=settings,
        title="Inburgering Routes API",
        description="Het leerrouteadvies na de brede intake en het vaststellen van de leerroute.",
        version=VERSION,
        metadata=tables.metadata,
        outbox_table=tables.outbox_message,
        inbox_table=tables.processed_message,
        migrations_dir=Path(__file__).parent / "migrations",
        routers=[leerroute_adviezen],
        handlers=registry,
        publishes=[TOPIC],
    )
