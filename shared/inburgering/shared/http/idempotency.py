"""Safe retries for integrations: a POST with an `Idempotency-Key` header is carried out once.

A backoffice that lost the answer to a registration (the connection broke after the commit)
sends the same request again with the same key and gets the original answer back, instead of a
409 it cannot act on. Keys belong to the verified client (token `sub`): the same key and body
replay the stored answer (with `Idempotent-Replayed: true`); the same key with another body or
path is a 422; a request still being carried out is a 409. Only answers below 500 are kept, so a
failed attempt may be retried. Keys are kept for `retention` (24 hours by default), then
forgotten. The answer waits until it is stored, so a replay never misses a committed effect.

A request is recognised by a fingerprint of its path and body. Where a body carries a BSN or
health data, the service gives a keyed fingerprint (an HMAC under its own key): a plain hash of a
nine-digit number is reversed by trying them all."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    delete,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from inburgering.shared.http.problems import DomainError

log = structlog.get_logger(__name__)

HEADER = b"idempotency-key"
MAX_KEY_CHARS = 200


def idempotency_table(metadata: MetaData) -> Table:
    return Table(
        "idempotentie",
        metadata,
        Column("client", String(200), nullable=False),
        Column("sleutel", String(MAX_KEY_CHARS), nullable=False),
        Column("verzoek_hash", String(64), nullable=False),
        # NULL while the request is being carried out.
        Column("status", Integer, nullable=True),
        Column("inhoud", LargeBinary, nullable=True),
        Column("kopregels", String(2000), nullable=True),
        Column("aangemaakt_at", DateTime(timezone=True), nullable=False, index=True),
        PrimaryKeyConstraint("client", "sleutel"),
    )


def _problem(status: int, code: str, title: str, detail: str) -> list[Message]:
    body = json.dumps(
        {
            "type": f"https://inburgering.nl/problemen/{code}",
            "title": title,
            "status": status,
            "detail": detail,
            "instance": f"urn:uuid:{uuid.uuid4()}",
            "code": code,
        }
    ).encode()
    return _response(status, body, [(b"content-type", b"application/problem+json")])


def _response(status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> list[Message]:
    return [
        {
            "type": "http.response.start",
            "status": status,
            "headers": [*headers, (b"content-length", str(len(body)).encode())],
        },
        {"type": "http.response.body", "body": body, "more_body": False},
    ]


# Headers worth replaying: what the client reads of a created resource.
_KEPT = (b"content-type", b"location", b"api-version")


class IdempotencyMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        table: Table,
        sessions: async_sessionmaker[AsyncSession],
        verifier: Any,
        retention: timedelta = timedelta(hours=24),
        fingerprint: Callable[[bytes], str] | None = None,
    ) -> None:
        self.app = app
        self.table = table
        self.sessions = sessions
        self.verifier = verifier
        self.retention = retention
        self.fingerprint = fingerprint or (lambda data: hashlib.sha256(data).hexdigest())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        sleutel = headers.get(HEADER)
        if sleutel is None:
            await self.app(scope, receive, send)
            return
        body = await _read(receive)
        replay = _replaying(body)
        client = self._client(headers.get(b"authorization", b""))
        if client is None:
            # Unauthenticated: the API answers it (401); nothing is remembered for nobody.
            await self.app(scope, replay, send)
            return
        tekst = sleutel.decode("latin-1")
        if not (0 < len(tekst) <= MAX_KEY_CHARS and tekst.isprintable() and tekst.isascii()):
            await _send(
                send,
                _problem(
                    400,
                    "ongeldige-idempotency-key",
                    "Ongeldige sleutel.",
                    f"Idempotency-Key: 1 tot {MAX_KEY_CHARS} ASCII-tekens.",
                ),
            )
            return
        verzoek = self.fingerprint(scope["path"].encode() + b"\n" + body)
        if not await self._claim(client, tekst, verzoek):
            await _send(send, await self._earlier(client, tekst, verzoek))
            return
        messages: list[Message] = []

        async def hold(message: Message) -> None:
            messages.append(message)

        try:
            await self.app(scope, replay, hold)
        except BaseException:
            await self._forget(client, tekst)
            raise
        await self._keep(client, tekst, messages)
        await _send(send, messages)

    def _client(self, authorization: bytes) -> str | None:
        scheme, _, token = authorization.decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            return self.verifier.verify(token.strip()).subject
        except DomainError:
            return None

    async def _claim(self, client: str, sleutel: str, verzoek: str) -> bool:
        nu = datetime.now(UTC)
        async with self.sessions() as session:
            await session.execute(
                delete(self.table).where(self.table.c.aangemaakt_at < nu - self.retention)
            )
            dialect = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
            result = await session.execute(
                dialect(self.table)
                .values(client=client, sleutel=sleutel, verzoek_hash=verzoek, aangemaakt_at=nu)
                .on_conflict_do_nothing()
            )
            await session.commit()
        return result.rowcount == 1

    async def _earlier(self, client: str, sleutel: str, verzoek: str) -> list[Message]:
        async with self.sessions() as session:
            row = (
                (await session.execute(select(self.table).where(*self._of(client, sleutel))))
                .mappings()
                .first()
            )
        if row is None or row["verzoek_hash"] != verzoek:
            return _problem(
                422,
                "idempotency-key-hergebruikt",
                "Sleutel al gebruikt.",
                "Deze Idempotency-Key hoort bij een ander verzoek.",
            )
        if row["status"] is None:
            return _problem(
                409,
                "verzoek-in-behandeling",
                "Verzoek nog in behandeling.",
                "Hetzelfde verzoek wordt nog uitgevoerd; probeer het zo opnieuw.",
            )
        kopregels = [
            (k.encode("latin-1"), v.encode("latin-1"))
            for k, v in json.loads(row["kopregels"] or "[]")
        ]
        log.info("idempotency.replayed", status=row["status"])
        return _response(
            row["status"], row["inhoud"] or b"", [*kopregels, (b"idempotent-replayed", b"true")]
        )

    def _of(self, client: str, sleutel: str) -> tuple[Any, Any]:
        return self.table.c.client == client, self.table.c.sleutel == sleutel

    async def _keep(self, client: str, sleutel: str, messages: list[Message]) -> None:
        start = next((m for m in messages if m["type"] == "http.response.start"), None)
        status = int(start["status"]) if start else 500
        if status >= 500:
            await self._forget(client, sleutel)
            return
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
        kept = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, v in (start or {}).get("headers", [])
            if k.lower() in _KEPT
        ]
        async with self.sessions() as session:
            await session.execute(
                update(self.table)
                .where(*self._of(client, sleutel))
                .values(status=status, inhoud=body, kopregels=json.dumps(kept))
            )
            await session.commit()

    async def _forget(self, client: str, sleutel: str) -> None:
        async with self.sessions() as session:
            await session.execute(delete(self.table).where(*self._of(client, sleutel)))
            await session.commit()


async def _read(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


async def _send(send: Send, messages: list[Message]) -> None:
    for message in messages:
        await send(message)
