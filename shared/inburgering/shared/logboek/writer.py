"""Writes logregels and audit rows; builds the logregel for an incoming event."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from inburgering.shared import tracing
from inburgering.shared.logboek.model import Logregel, Register, Status

if TYPE_CHECKING:
    from inburgering.shared.auth.principal import Principal
    from inburgering.shared.events.base import IntegrationEvent
    from inburgering.shared.messaging.envelope import Envelope


def span_ids(traceparent: str | None) -> tuple[str, str]:
    """(trace id, span id) of the current work; a fresh trace when there is none."""
    if not tracing.is_valid(traceparent):
        traceparent = tracing.new_traceparent()
    assert traceparent is not None
    _, trace_id, span_id, _ = traceparent.split("-")
    return trace_id, span_id


def _namens(principal: Principal) -> str:
    scope = sorted(principal.gemeentecodes)
    if principal.kvk:
        scope.append(f"kvk:{principal.kvk}")
    if principal.instelling:
        scope.append(f"instelling:{principal.instelling}")
    return ",".join(scope)[:300]


class Logboek:
    def __init__(self, register: Register, verwerkingen: Table, audit: Table) -> None:
        self.register = register
        self.verwerkingen = verwerkingen
        self.audit = audit

    async def vastleggen(self, session: AsyncSession, regels: Sequence[Logregel]) -> None:
        if not regels:
            return
        rows: list[dict[str, Any]] = []
        for regel in regels:
            row = asdict(regel)
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "start_tijd": row.pop("start"),
                    "eind_tijd": row.pop("eind"),
                    **row,
                    "status": str(regel.status),
                }
            )
        await session.execute(insert(self.verwerkingen), rows)

    async def bekende_gemeenten(
        self, session: AsyncSession, betrokkenen: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, str]:
        """The gemeente each betrokkene was last processed for here: a provider's or an
        institution's call does not name it, yet it is that gemeente's processing to account for."""
        if not betrokkenen:
            return {}
        table = self.verwerkingen
        rows = await session.execute(
            select(table.c.betrokkene, table.c.gemeentecode)
            .where(table.c.betrokkene.in_(betrokkenen), table.c.gemeentecode.is_not(None))
            .order_by(table.c.start_tijd.desc())
        )
        known: dict[uuid.UUID, str] = {}
        for betrokkene, gemeentecode in rows:
            known.setdefault(betrokkene, gemeentecode)
        return known

    async def auditeren(
        self,
        session: AsyncSession,
        *,
        trace_id: str,
        principal: Principal,
        handeling: str,
        http_status: int,
    ) -> None:
        await session.execute(
            insert(self.audit).values(
                id=uuid.uuid4(),
                trace_id=trace_id,
                tijdstip=datetime.now(UTC),
                client=principal.subject[:200],
                rol=str(principal.rol),
                namens=_namens(principal),
                handeling=handeling[:200],
                http_status=str(http_status),
            )
        )

    def regel_voor_gebeurtenis(
        self, event: IntegrationEvent, envelope: Envelope, start: datetime
    ) -> Logregel | None:
        """The consumer's processing of an event about an inburgeraar, in the producer's trace."""
        betrokkene = getattr(event, "inburgeraar_id", None)
        if not isinstance(betrokkene, uuid.UUID):
            return None
        trace_id, span_id = span_ids(tracing.current_traceparent.get())
        activiteit = self.register.voor_gebeurtenis(envelope.type)
        return Logregel(
            trace_id=trace_id,
            # One span per betrokkene, as the standard asks, under the consumer's span.
            span_id=secrets.token_hex(8),
            parent_span_id=span_id,
            naam=f"{envelope.type} verwerken",
            start=start,
            eind=datetime.now(UTC),
            status=Status.OK,
            verwerkingsactiviteit=self.register.uri(activiteit),
            betrokkene=betrokkene,
            gemeentecode=envelope.gemeentecode,
        )
