"""Writes logregels and audit rows; builds the logregel for an incoming event."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, bindparam, insert, select
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


def _rij(regel: Logregel) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "trace_id": regel.trace_id,
        "span_id": regel.span_id,
        "parent_span_id": regel.parent_span_id,
        "naam": regel.naam,
        "start_tijd": regel.start,
        "eind_tijd": regel.eind,
        "status": str(regel.status),
        "verwerkingsactiviteit": regel.verwerkingsactiviteit,
        "betrokkene": regel.betrokkene,
        "gemeentecode": regel.gemeentecode,
    }


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
        # Built once: every logged API call runs it, and building a statement costs more
        # Python than sending it.
        self._regel_met_audit = (
            insert(verwerkingen)
            .values({c.name: bindparam(f"v_{c.name}") for c in verwerkingen.c})
            .add_cte(
                insert(audit).values({c.name: bindparam(f"a_{c.name}") for c in audit.c}).cte()
            )
        )
        self._audit = insert(audit)

    async def vastleggen(
        self,
        session: AsyncSession,
        regels: Sequence[Logregel],
        audit: dict[str, Any] | None = None,
    ) -> None:
        """Insert the logregels, and the call's audit row if given: on PostgreSQL in one
        statement (the audit insert rides along as a data-modifying WITH)."""
        if not regels:
            if audit is not None:
                await session.execute(self._audit, audit)
            return
        rows = [_rij(regel) for regel in regels]
        if audit is not None and len(rows) == 1 and session.bind.dialect.name == "postgresql":
            # One row each: a statement of fixed shape, compiled once. Several logregels go as
            # an executemany instead (a multi-row VALUES is compiled anew for every call).
            parameters = {f"v_{k}": v for k, v in rows[0].items()}
            parameters.update({f"a_{k}": v for k, v in audit.items()})
            await session.execute(self._regel_met_audit, parameters)
            return
        await session.execute(insert(self.verwerkingen), rows)
        if audit is not None:
            await session.execute(self._audit, audit)

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

    @staticmethod
    def auditregel(
        *, trace_id: str, principal: Principal, handeling: str, http_status: int
    ) -> dict[str, Any]:
        """The audit row of one API call: who, for whom, what and with what answer."""
        return {
            "id": uuid.uuid4(),
            "trace_id": trace_id,
            "tijdstip": datetime.now(UTC),
            "client": principal.subject[:200],
            "rol": str(principal.rol),
            "namens": _namens(principal),
            "handeling": handeling[:200],
            "http_status": str(http_status),
        }

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
