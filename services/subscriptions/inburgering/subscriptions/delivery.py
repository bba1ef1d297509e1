"""The delivery worker: sends due webhook deliveries, oldest first per (subscription,
inburgeraar), and records every outcome. At-least-once: a crash between the call and the
record sends the event again, which the receiver recognises by its id."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import structlog
from prometheus_client import Counter
from sqlalchemy import RowMapping, and_, func, or_, select, update

from inburgering.shared.events.subscriptions import AbonnementBeeindigd, AbonnementVerstoord
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling.timers import Clock, utc_now
from inburgering.subscriptions import handlers
from inburgering.subscriptions.adapters import client_assertions
from inburgering.subscriptions.adapters.access_tokens import AccessTokens, TokenNotObtained
from inburgering.subscriptions.adapters.credential_box import CredentialBox, CredentialUnreadable
from inburgering.subscriptions.adapters.tables import abonnement, aflevering, gebeurtenis
from inburgering.subscriptions.adapters.webhook import Antwoord, WebhookClient
from inburgering.subscriptions.domain.credentials import (
    ClientCredentials,
    Credential,
    PrivateKeyJwt,
)
from inburgering.subscriptions.domain.model import (
    CLOUDEVENTS_JSON,
    AbonnementStatus,
    AfleveringStatus,
    Formaat,
    Informatie,
    backoff,
    cloudevent,
    notificatie,
    retry_after,
    signature,
)
from inburgering.subscriptions.settings import SubscriptionsSettings

log = structlog.get_logger(__name__)

DELIVERIES = Counter(
    "inburgering_webhook_deliveries_total",
    "Webhook delivery attempts by outcome (afgeleverd, mislukt, te-vaak, gone)",
    ["outcome"],
)
ALERTS = Counter(
    "inburgering_webhook_subscription_alerts_total",
    "Subscriptions that kept failing and raised an alert",
)


class DeliveryWorker:
    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        client: WebhookClient,
        settings: SubscriptionsSettings,
        *,
        clock: Clock = utc_now,
        tokens: AccessTokens | None = None,
        box: CredentialBox | None = None,
    ) -> None:
        self._uow = uow_factory
        self._client = client
        self._settings = settings
        self._clock = clock
        self._tokens = tokens or AccessTokens(
            client, assertions=client_assertions.from_settings(settings)
        )
        self._box = box or CredentialBox.from_settings(settings)
        self._worker_id = uuid.uuid4().hex[:8]

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                sent = await self.deliver_due()
            except Exception:
                log.exception("delivery.round_failed")
                sent = 0
            if not sent:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self._settings.delivery_poll_seconds)

    async def deliver_due(self) -> int:
        """One round: claim the due heads of their queues, send them concurrently."""
        claimed = await self._claim()
        limit = asyncio.Semaphore(self._settings.delivery_concurrency)

        async def one(row: RowMapping) -> None:
            async with limit:
                await self._deliver(row)

        await asyncio.gather(*(one(row) for row in claimed))
        return len(claimed)

    async def _claim(self) -> list[RowMapping]:
        now = self._clock()
        head = (
            select(
                aflevering.c.abonnement_id,
                aflevering.c.sleutel,
                func.min(aflevering.c.volgnummer).label("volgnummer"),
            )
            .where(aflevering.c.status == AfleveringStatus.WACHTEND)
            .group_by(aflevering.c.abonnement_id, aflevering.c.sleutel)
            .subquery()
        )
        query = (
            select(
                aflevering.c.id.label("aflevering_id"),
                aflevering.c.pogingen,
                abonnement.c.id.label("abonnement_id"),
                abonnement.c.gemeentecode.label("abonnement_gemeentecode"),
                abonnement.c.callback_url,
                abonnement.c.credential,
                abonnement.c.hmac_secret,
                abonnement.c.formaat,
                abonnement.c.informatie,
                *(gebeurtenis.c[name] for name in _EVENT_COLUMNS),
            )
            .select_from(aflevering)
            .join(
                head,
                and_(
                    aflevering.c.abonnement_id == head.c.abonnement_id,
                    aflevering.c.sleutel == head.c.sleutel,
                    aflevering.c.volgnummer == head.c.volgnummer,
                ),
            )
            .join(abonnement, abonnement.c.id == aflevering.c.abonnement_id)
            .join(gebeurtenis, gebeurtenis.c.id == aflevering.c.gebeurtenis_id)
            .where(
                aflevering.c.status == AfleveringStatus.WACHTEND,
                aflevering.c.volgende_poging_at <= now,
                or_(aflevering.c.geclaimd_tot.is_(None), aflevering.c.geclaimd_tot <= now),
                abonnement.c.status == AbonnementStatus.ACTIEF,
                or_(abonnement.c.gepauzeerd_tot.is_(None), abonnement.c.gepauzeerd_tot <= now),
            )
            .order_by(aflevering.c.volgende_poging_at)
            .limit(self._settings.delivery_batch_size)
        )
        lease = now + timedelta(seconds=self._settings.delivery_lease_seconds)
        claimed = []
        async with self._uow() as uow:
            for row in (await uow.session.execute(query)).mappings().all():
                # Another worker may have claimed it since the read: only one update wins.
                won = await uow.session.execute(
                    update(aflevering)
                    .where(
                        aflevering.c.id == row["aflevering_id"],
                        aflevering.c.status == AfleveringStatus.WACHTEND,
                        or_(aflevering.c.geclaimd_tot.is_(None), aflevering.c.geclaimd_tot <= now),
                    )
                    .values(geclaimd_tot=lease)
                )
                if won.rowcount == 1:
                    claimed.append(row)
            await uow.commit()
        return claimed

    async def _deliver(self, row: RowMapping) -> None:
        event = handlers.as_gebeurtenis(row)
        base_url = self._settings.resource_base_url
        if row["formaat"] == Formaat.NOTIFICATIES:
            payload: dict[str, Any] = notificatie(event, base_url=base_url)
            content_type = "application/json"
        else:
            payload = cloudevent(event, informatie=Informatie(row["informatie"]), base_url=base_url)
            content_type = CLOUDEVENTS_JSON
        body = json.dumps(payload, separators=(",", ":")).encode()
        try:
            credential = self._box.open(row["credential"], abonnement_id=row["abonnement_id"])
            secret = self._box.open_secret(row["hmac_secret"], abonnement_id=row["abonnement_id"])
            presented = await self._authorization(credential)
        except (CredentialUnreadable, TokenNotObtained) as exc:
            await self._record(row, Antwoord(status=None, fout=str(exc)))
            return
        timestamp = int(self._clock().timestamp())
        headers = {
            "Content-Type": content_type,
            "Authorization": presented,
            "webhook-id": event.event_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature(secret, event.event_id, timestamp, body),
        }
        if event.traceparent:
            headers["traceparent"] = event.traceparent
        antwoord = await self._client.post(row["callback_url"], body=body, headers=headers)
        if antwoord.status == 401 and isinstance(credential, ClientCredentials | PrivateKeyJwt):
            # Perhaps revoked or expired early: the next attempt fetches a fresh token.
            self._tokens.forget(credential)
        await self._record(row, antwoord)

    async def _authorization(self, credential: Credential) -> str:
        if isinstance(credential, ClientCredentials | PrivateKeyJwt):
            return await self._tokens.authorization(credential)
        return credential.authorization

    async def _record(self, row: RowMapping, antwoord: Antwoord) -> None:
        now = self._clock()
        pogingen = row["pogingen"] + 1
        this = aflevering.c.id == row["aflevering_id"]
        async with self._uow() as uow:
            session = uow.session
            attempt = {
                "pogingen": pogingen,
                "laatste_status": antwoord.status,
                "geclaimd_tot": None,
            }
            if antwoord.geslaagd:
                await session.execute(
                    update(aflevering)
                    .where(this)
                    .values(**attempt, status=AfleveringStatus.AFGELEVERD, afgeleverd_at=now)
                )
                await session.execute(
                    update(abonnement)
                    .where(abonnement.c.id == row["abonnement_id"])
                    .values(opeenvolgende_mislukkingen=0, laatst_afgeleverd_at=now)
                )
                DELIVERIES.labels("afgeleverd").inc()
            elif antwoord.status == 410:
                await session.execute(
                    update(aflevering).where(this).values(**attempt, laatste_fout="HTTP 410 Gone")
                )
                await handlers.beeindig(uow, row["abonnement_id"], "ontvanger antwoordde 410 Gone")
                await uow.publish(
                    AbonnementBeeindigd(
                        abonnement_id=row["abonnement_id"],
                        gemeentecode=row["abonnement_gemeentecode"],
                    )
                )
                DELIVERIES.labels("gone").inc()
                log.info("delivery.subscription_retired", abonnement_id=str(row["abonnement_id"]))
            else:
                await self._failed(uow, row, antwoord, attempt, now)
            await uow.commit()

    async def _failed(
        self,
        uow: UnitOfWork,
        row: RowMapping,
        antwoord: Antwoord,
        attempt: dict[str, Any],
        now: datetime,
    ) -> None:
        settings = self._settings
        wait = backoff(
            attempt["pogingen"],
            base_seconds=settings.delivery_backoff_seconds,
            max_seconds=settings.delivery_backoff_max_seconds,
        )
        pause = None
        if antwoord.status == 429:
            # The receiver asks the whole subscription to slow down, not just this event.
            pause = retry_after(antwoord.retry_after, now)
            wait = pause or wait
        await uow.session.execute(
            update(aflevering)
            .where(aflevering.c.id == row["aflevering_id"])
            .values(**attempt, laatste_fout=antwoord.fout, volgende_poging_at=now + wait)
        )
        # The row lock orders concurrent failures, so exactly one of them reaches the threshold.
        failures = (
            await uow.session.execute(
                update(abonnement)
                .where(abonnement.c.id == row["abonnement_id"])
                .values(
                    opeenvolgende_mislukkingen=abonnement.c.opeenvolgende_mislukkingen + 1,
                    **({"gepauzeerd_tot": now + pause} if pause else {}),
                )
                .returning(abonnement.c.opeenvolgende_mislukkingen)
            )
        ).scalar_one()
        DELIVERIES.labels("te-vaak" if antwoord.status == 429 else "mislukt").inc()
        log.info(
            "delivery.failed",
            abonnement_id=str(row["abonnement_id"]),
            status=antwoord.status,
            attempt=attempt["pogingen"],
        )
        if failures == settings.alert_after_failures:
            await uow.publish(
                AbonnementVerstoord(
                    abonnement_id=row["abonnement_id"],
                    gemeentecode=row["abonnement_gemeentecode"],
                    opeenvolgende_mislukkingen=failures,
                    laatste_status=antwoord.status,
                )
            )
            ALERTS.inc()
            log.warning("delivery.subscription_failing", abonnement_id=str(row["abonnement_id"]))


_EVENT_COLUMNS = (
    "gemeentecode",
    "volgnummer",
    "event_id",
    "source",
    "type",
    "topic",
    "time",
    "sleutel",
    "data",
    "traceparent",
)
