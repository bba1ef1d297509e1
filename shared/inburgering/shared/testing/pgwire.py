"""A loopback proxy in front of PostgreSQL that counts what the services ask of it.

A statement-count test measures the request path without a clock: how many round trips and
statements one API call costs, read off the PostgreSQL wire protocol itself, so a pool ping, a
transaction's BEGIN and a prepare are counted as the database sees them, whatever library sent
them. The proxy declines TLS (the client then speaks in the clear, loopback only) so it can read
the frontend messages; it forwards everything unchanged."""

from __future__ import annotations

import asyncio
import contextlib
import struct
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.engine import make_url

_SSL_REQUEST = 80877103
_GSS_REQUEST = 80877104
# Frontend messages that end a round trip: a simple query, or the Sync of an extended query.
_ROUND_TRIP = {b"Q", b"S"}
# Frontend messages that run a statement: a simple query (one or more), or an Execute.
_STATEMENT = {b"Q", b"E"}


@dataclass(frozen=True)
class Verkeer:
    """What the clients asked of the database between two readings."""

    round_trips: int
    statements: int
    connections: int
    sql: tuple[str, ...] = ()

    def __sub__(self, other: Verkeer) -> Verkeer:
        return Verkeer(
            self.round_trips - other.round_trips,
            self.statements - other.statements,
            self.connections - other.connections,
            self.sql[len(other.sql) :],
        )

    def uitleg(self) -> str:
        """The statements, one per line, for a test's failure message."""
        return "\n".join(self.sql)


class CountingPgProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self._target = (target_host, target_port)
        self._server: asyncio.Server | None = None
        self._messages: Counter[bytes] = Counter()
        self._connections = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0
        # Statement text by prepared-statement name, and each statement run, in order.
        self._prepared: dict[bytes, str] = {}
        self._sql: list[str] = []

    @classmethod
    async def voor(cls, url: str) -> tuple[CountingPgProxy, str]:
        """A started proxy in front of the server of a SQLAlchemy URL, and the URL through it."""
        parsed = make_url(url)
        proxy = await cls(parsed.host or "127.0.0.1", parsed.port or 5432).start()
        via = parsed.set(host="127.0.0.1", port=proxy.port)
        return proxy, via.render_as_string(hide_password=False)

    async def start(self) -> CountingPgProxy:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._server is not None:
            with contextlib.suppress(Exception):
                await self._server.wait_closed()

    def stand(self) -> Verkeer:
        return Verkeer(
            round_trips=sum(self._messages[m] for m in _ROUND_TRIP),
            statements=sum(self._messages[m] for m in _STATEMENT),
            connections=self._connections,
            sql=tuple(self._sql),
        )

    @contextlib.contextmanager
    def meet(self) -> Iterator[list[Verkeer]]:
        """`with proxy.meet() as gemeten:` … `gemeten[0]` is what happened inside the block."""
        gemeten: list[Verkeer] = []
        before = self.stand()
        yield gemeten
        gemeten.append(self.stand() - before)

    async def _accept(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._serve(client_r, client_w)
        except (OSError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            self._tasks.discard(task)
            with contextlib.suppress(Exception):
                client_w.transport.abort()

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        startup = await self._startup(client_r, client_w)
        if startup is None:
            return
        server_r, server_w = await asyncio.open_connection(*self._target)
        self._connections += 1
        try:
            server_w.write(startup)
            back = asyncio.create_task(_pipe(server_r, client_w))
            try:
                await self._frontend(client_r, server_w)
            finally:
                back.cancel()
        finally:
            with contextlib.suppress(Exception):
                server_w.transport.abort()

    async def _startup(
        self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter
    ) -> bytes | None:
        """The client's startup message, after declining any TLS or GSS encryption request."""
        while True:
            header = await client_r.readexactly(8)
            length, code = struct.unpack("!ii", header)
            if length == 8 and code in (_SSL_REQUEST, _GSS_REQUEST):
                client_w.write(b"N")
                await client_w.drain()
                continue
            return header + await client_r.readexactly(length - 8)

    async def _frontend(
        self, client_r: asyncio.StreamReader, server_w: asyncio.StreamWriter
    ) -> None:
        while True:
            kind = await client_r.readexactly(1)
            (length,) = struct.unpack("!i", await client_r.readexactly(4))
            body = await client_r.readexactly(length - 4)
            self._messages[kind] += 1
            self._remember(kind, body)
            server_w.write(kind + struct.pack("!i", length) + body)
            await server_w.drain()
            if kind == b"X":
                return

    def _remember(self, kind: bytes, body: bytes) -> None:
        if kind == b"P":
            name, query = body.split(b"\0")[:2]
            self._prepared[name] = _short(query)
        elif kind == b"B":
            self._sql.append(self._prepared.get(body.split(b"\0")[1], "?"))
        elif kind == b"Q":
            self._sql.append(_short(body.rstrip(b"\0")))


def _short(query: bytes) -> str:
    return " ".join(query.decode(errors="replace").split())[:400]


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError, asyncio.CancelledError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
