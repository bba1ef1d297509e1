"""The composition root of the subscriptions service."""

from __future__ import annotations

from pathlib import Path

from inburgering.shared.events.subscriptions import TOPIC
from inburgering.shared.logboek import Logboek
from inburgering.shared.runtime import ServiceParts
from inburgering.subscriptions import ingest, verwerkingsactiviteiten
from inburgering.subscriptions.adapters import client_assertions, tables
from inburgering.subscriptions.adapters.access_tokens import AccessTokens
from inburgering.subscriptions.adapters.credential_box import CredentialBox
from inburgering.subscriptions.adapters.webhook import WebhookClient
from inburgering.subscriptions.api.abonnementen import router as abonnementen
from inburgering.subscriptions.api.asyncapi import router as asyncapi
from inburgering.subscriptions.api.gebeurtenissen import router as gebeurtenissen
from inburgering.subscriptions.api.jwks import router as jwks
from inburgering.subscriptions.runtime import SubscriptionsRuntime, own_loops
from inburgering.subscriptions.settings import SubscriptionsSettings

VERSION = "0.1.0"


def build_parts(
    settings: SubscriptionsSettings | None = None, *, webhooks: WebhookClient | None = None
) -> ServiceParts:
    settings = settings or SubscriptionsSettings()
    webhooks = webhooks or WebhookClient(
        egress=settings.egress_policy(), timeout_seconds=settings.delivery_timeout_seconds
    )
    assertions = client_assertions.from_settings(settings)
    return ServiceParts(
        logboek=Logboek(
            verwerkingsactiviteiten.register(settings.logboek_register),
            tables.dataverwerking,
            tables.auditregel,
        ),
        settings=settings,
        title="Inburgering Abonnementen API",
        description=(
            "Gebeurtenissen per gemeente: webhook-abonnementen (CloudEvents of Notificaties API), "
            "een pull-feed met cursor en replay."
        ),
        version=VERSION,
        metadata=tables.metadata,
        outbox_table=tables.outbox_message,
        inbox_table=tables.processed_message,
        idempotency=tables.idempotentie,
        migrations_dir=Path(__file__).parent / "migrations",
        routers=[abonnementen, gebeurtenissen, asyncapi, jwks],
        handlers=ingest.registry(),
        publishes=[TOPIC],
        workers=[own_loops],
        state={
            "settings": settings,
            "webhooks": webhooks,
            # One token cache for the registration handshake and the deliveries.
            "tokens": AccessTokens(webhooks, assertions=assertions),
            # Signs private_key_jwt client assertions; its public keys are at /v1/jwks.json.
            "assertions": assertions,
            "credentials": CredentialBox.from_settings(settings),
        },
    )


def build_runtime(parts: ServiceParts | None = None) -> SubscriptionsRuntime:
    return SubscriptionsRuntime(parts or build_parts())
