"""The one handler for every domain event: log it for its gemeente and queue its deliveries.

Delivery itself happens later, in the delivery worker, so that a slow or absent receiver
never holds up the consumer."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from inburgering.shared.events import ALL_EVENTS
from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.subscriptions import TOPIC as OWN_TOPIC
from inburgering.shared.messaging import Envelope, HandlerRegistry
from inburgering.shared.persistence import UnitOfWork
from inburgering.subscriptions.adapters.tables import (
    abonnement,
    aflevering,
    gebeurtenis,
    gemeente_stroom,
)
from inburgering.subscriptions.domain.model import AbonnementStatus, AfleveringStatus, past_bij


def registry() -> HandlerRegistry:
    """Every known event type of every domain topic; our own alerts are not fed back in."""
    handlers = HandlerRegistry()
    for model in ALL_EVENTS:
        if model.topic != OWN_TOPIC:
            handlers.register(model, bewaar_gebeurtenis)
    return handlers


async def bewaar_gebeurtenis(uow: UnitOfWork, event: IntegrationEvent, envelope: Envelope) -> None:
    session = uow.session
    volgnummer = await _volgend_nummer(session, envelope.gemeentecode)
    now = datetime.now(UTC)
    sleutel = event.partition_key()
    gebeurtenis_id = (
        await session.execute(
            insert(gebeurtenis)
            .values(
                gemeentecode=envelope.gemeentecode,
                volgnummer=volgnummer,
                event_id=envelope.id,
                source=envelope.source,
                type=envelope.type,
                topic=event.topic,
                time=envelope.time.astimezone(UTC),
                sleutel=sleutel,
                traceparent=envelope.traceparent,
                # As received: fields added after this service was built are kept too.
                data=envelope.data,
                ontvangen_at=now,
            )
            .returning(gebeurtenis.c.id)
        )
    ).scalar_one()
    abonnementen = await session.execute(
        select(abonnement.c.id, abonnement.c.types).where(
            abonnement.c.gemeentecode == envelope.gemeentecode,
            abonnement.c.status == AbonnementStatus.ACTIEF,
        )
    )
    rows = [
        {
            "id": uuid.uuid4(),
            "abonnement_id": row.id,
            "gebeurtenis_id": gebeurtenis_id,
            "sleutel": sleutel,
            "volgnummer": volgnummer,
            "status": AfleveringStatus.WACHTEND,
            "pogingen": 0,
            "volgende_poging_at": now,
            "aangemaakt_at": now,
        }
        for row in abonnementen
        if past_bij(row.types, envelope.type)
    ]
    if rows:
        await session.execute(insert(aflevering), rows)


async def _volgend_nummer(session: AsyncSession, gemeentecode: str) -> int:
    """The next number for this gemeente; the updated row stays locked until commit, so
    numbers become visible in the order they were handed out."""
    result = await session.execute(
        update(gemeente_stroom)
        .where(gemeente_stroom.c.gemeentecode == gemeentecode)
        .values(laatste_volgnummer=gemeente_stroom.c.laatste_volgnummer + 1)
        .returning(gemeente_stroom.c.laatste_volgnummer)
    )
    volgnummer = result.scalar_one_or_none()
    if volgnummer is None:
        # A concurrent first insert fails on the primary key; the consumer retries the event.
        await session.execute(
            insert(gemeente_stroom).values(
                gemeentecode=gemeentecode, laatste_volgnummer=1, topic_volgnummer=0
            )
        )
        volgnummer = 1
    return int(volgnummer)
