"""Every API call that touches an inburgeraar leaves logregels: one per betrokkene, found in the
path (`{inburgeraar_id}`) and in the answer (`inburgeraarId`, or the `id` of the resources the
register names as persons). The answer waits for the log: if the log cannot be written, the caller
gets a 500 instead of the data (a processing that cannot be accounted for does not happen).
The log is written in the request's own transaction (`RequestTransaction`), so a change and its
log record are committed together or not at all."""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from inburgering.shared import tracing
from inburgering.shared.logboek.model import Logregel, Status
from inburgering.shared.logboek.writer import Logboek, span_ids
from inburgering.shared.persistence.request_transaction import SCOPE_KEY as TRANSACTION_KEY
from inburgering.shared.persistence.request_transaction import RequestTransaction

if TYPE_CHECKING:
    from inburgering.shared.auth.principal import Principal

log = structlog.get_logger(__name__)

SCOPE_KEY = "inburgering.logboek"
_SUBJECT_PARAMETER = "inburgeraar_id"
_SUBJECT_FIELD = "inburgeraarId"
_LOG_FAILED = json.dumps(
    {
        "type": "https://inburgering.nl/problemen/logboek-onbeschikbaar",
        "title": "De verwerking kon niet worden gelogd en is daarom niet uitgevoerd.",
        "status": 500,
    }
).encode()
_COMMIT_FAILED = json.dumps(
    {
        "type": "https://inburgering.nl/problemen/interne-fout",
        "title": "Interne fout.",
        "status": 500,
        "detail": "De wijziging kon niet worden opgeslagen en is niet uitgevoerd.",
    }
).encode()


@dataclass
class Verwerkingscontext:
    """What the request's dependencies tell the log: who the verified caller is."""

    principal: Principal | None = None
    start: datetime = field(default_factory=lambda: datetime.now(UTC))


def remember_principal(scope: Scope, principal: Principal) -> None:
    context = scope.get(SCOPE_KEY)
    if isinstance(context, Verwerkingscontext):
        context.principal = principal


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _walk(node: Any, person_ids: bool) -> Iterator[tuple[uuid.UUID, str | None]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, person_ids)
    elif isinstance(node, dict):
        subject = node.get(_SUBJECT_FIELD) or (node.get("id") if person_ids else None)
        found = _uuid(subject) if subject is not None else None
        if found is not None:
            code = node.get("gemeentecode")
            yield found, code if isinstance(code, str) else None
        for key, value in node.items():
            if isinstance(value, list | dict) and key != "_links":
                yield from _walk(value, person_ids=False)


def betrokkenen(
    path_params: dict[str, Any], body: bytes, content_type: str, person_ids: bool
) -> dict[uuid.UUID, str | None]:
    """Each betrokkene of a call, with the gemeente the answer places them in (if it says)."""
    found: dict[uuid.UUID, str | None] = {}
    if "json" in content_type and body:
        try:
            document = json.loads(body)
        except ValueError:
            document = None
        for subject, code in _walk(document, person_ids):
            found[subject] = found.get(subject) or code
        top = document.get("gemeentecode") if isinstance(document, dict) else None
    else:
        top = None
    in_path = _uuid(path_params.get(_SUBJECT_PARAMETER, "")) if path_params else None
    if in_path is not None:
        found[in_path] = found.get(in_path) or (top if isinstance(top, str) else None)
    return found


class LogboekMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        logboek: Logboek,
        sessions: async_sessionmaker[AsyncSession],
        api_prefix: str = "/v1",
    ) -> None:
        self.app = app
        self.logboek = logboek
        self.sessions = sessions
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.api_prefix + "/"):
            await self.app(scope, receive, send)
            return
        context = Verwerkingscontext()
        scope[SCOPE_KEY] = context
        transactie = RequestTransaction(self.sessions)
        scope[TRANSACTION_KEY] = transactie
        messages: list[Message] = []

        async def hold(message: Message) -> None:
            messages.append(message)

        try:
            await self.app(scope, receive, hold)
            messages = await self._finish(scope, context, transactie, messages)
        finally:
            await transactie.close()
        for message in messages:
            await send(message)

    async def _finish(
        self,
        scope: Scope,
        context: Verwerkingscontext,
        transactie: RequestTransaction,
        messages: list[Message],
    ) -> list[Message]:
        """Write the log into the request's transaction and commit it; the answer goes out
        only after that commit."""
        if context.principal is not None and messages:
            try:
                await self._record(scope, context, context.principal, messages, transactie)
            except Exception as exc:
                log.error("logboek.write_failed", error=type(exc).__name__)
                return _failure(_LOG_FAILED)
        if transactie.begun:
            try:
                await transactie.commit()
            except Exception as exc:
                log.error("request.commit_failed", error=type(exc).__name__)
                return _failure(_COMMIT_FAILED)
        return messages

    async def _record(
        self,
        scope: Scope,
        context: Verwerkingscontext,
        principal: Principal,
        messages: list[Message],
        transactie: RequestTransaction,
    ) -> None:
        start = messages[0]
        status = int(start.get("status", 500))
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in start["headers"]}
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
        route = getattr(scope.get("route"), "path", None) or scope["path"]
        register = self.logboek.register
        subjects = betrokkenen(
            scope.get("path_params") or {},
            body,
            headers.get("content-type", ""),
            person_ids=route in register.persoonsresources,
        )
        if not subjects:
            return
        trace_id, span_id = span_ids(tracing.current_traceparent.get())
        name = f"{scope['method']} {self.api_prefix}{route}"
        activiteit = register.uri(register.voor_pad(route))
        eind = datetime.now(UTC)
        regels = [
            Logregel(
                trace_id=trace_id,
                span_id=secrets.token_hex(8),
                parent_span_id=span_id,
                naam=name,
                start=context.start,
                eind=eind,
                status=Status.of_http(status),
                verwerkingsactiviteit=activiteit,
                betrokkene=subject,
                # A refused call processed nothing of the person: no gemeente's view shows it.
                gemeentecode=code or (_sole_gemeente(principal) if status < 400 else None),
            )
            for subject, code in subjects.items()
        ]
        session = await transactie.session()
        unknown = [r.betrokkene for r in regels if r.gemeentecode is None and status < 400]
        known = await self.logboek.bekende_gemeenten(session, unknown)
        regels = [
            replace(r, gemeentecode=known[r.betrokkene])
            if r.gemeentecode is None and r.betrokkene in known and status < 400
            else r
            for r in regels
        ]
        audit = self.logboek.auditregel(
            trace_id=trace_id, principal=principal, handeling=name, http_status=status
        )
        await self.logboek.vastleggen(session, regels, audit)


def _sole_gemeente(principal: Principal) -> str | None:
    codes = principal.gemeentecodes
    return next(iter(codes)) if len(codes) == 1 else None


def _failure(body: bytes) -> list[Message]:
    return [
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        },
        {"type": "http.response.body", "body": body, "more_body": False},
    ]
