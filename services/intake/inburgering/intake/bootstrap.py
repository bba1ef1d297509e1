"""The composition root of the intake service, used by its api, relay and consumer roles."""

from __future__ import annotations

from pathlib import Path

from inburgering.intake.adapters import tables
from inburgering.intake.adapters.bsn_vault import BsnVault
from inburgering.intake.api.inburgeraars import router as inburgeraars
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.events.intake import TOPIC
from inburgering.shared.runtime import ServiceParts

VERSION = "0.1.0"


def build_parts(settings: IntakeSettings | None = None) -> ServiceParts:
    settings = settings or IntakeSettings()
    return ServiceParts(
        settings=settings,
        title="Inburgering Intake API",
        description="Aanmelding van inburgeraars en de brede intake.",
        version=VERSION,
        metadata=tables.metadata,
        outbox_table=tables.outbox_message,
        inbox_table=tables.processed_message,
        migrations_dir=Path(__file__).parent / "migrations",
        routers=[inburgeraars],
        publishes=[TOPIC],
        state={"bsn_vault": BsnVault(settings.bsn_key.get_secret_value())},
    )
