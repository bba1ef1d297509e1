"""Where the subscriptions service may send requests: the egress policy for receivers' callback
and token URLs, and the transport that connects only to the address the policy checked.

A gemeente chooses the URLs, so without this policy the service would call whatever they point
at, including the platform's own network (a server-side request forgery). Before every request
(registration handshake, delivery, token request):

1. the scheme must be https in production;
2. the host is resolved the way the connection would resolve it (`getaddrinfo`, so `127.1`,
   `2130706433` and `0x7f000001` become 127.0.0.1), and EVERY resolved address must be public
   (`ipaddress`' `is_global`, and not multicast, reserved or unspecified; an IPv4 address carried
   inside IPv6 — mapped, 6to4, NAT64 — is judged as that IPv4 address), unless the host or the
   address is on the allow-list `SUBSCRIPTIONS_EGRESS_ALLOW` (receivers inside a gemeente's own
   network). Loopback is refused in production even when allow-listed;
3. the connection is pinned: `PinnedTransport` gives httpcore a network backend that connects to
   the checked addresses only, never resolving the name again, so a DNS answer that changes
   between check and connect (DNS rebinding) cannot redirect it. The URL keeps its host name, so
   the Host header, TLS SNI and certificate verification are those of the original name;
4. redirects are not followed and proxy settings from the environment are ignored (a proxy
   would resolve the name itself).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# host, port → the addresses the host resolves to
Resolver = Callable[[str, int], Awaitable[list[str]]]

LOOPBACK = ("127.0.0.0/8", "::1")
RESOLVE_SECONDS = 5.0
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class BestemmingGeweigerd(Exception):
    """The policy refuses the URL; the message is in the platform's words, safe to show (it
    names neither the resolved address nor anything the target answered)."""


@dataclass(frozen=True)
class Bestemming:
    """A URL the policy accepted and the addresses the connection may use."""

    host: str
    port: int
    addresses: tuple[str, ...]


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [str(info[4][0]) for info in infos]


def _embedded_ipv4(address: IPAddress) -> IPAddress:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address in _NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def is_public(address: IPAddress) -> bool:
    address = _embedded_ipv4(address)
    return (
        address.is_global
        and not address.is_multicast
        and not address.is_reserved
        and not address.is_unspecified
        and not address.is_loopback
        and not address.is_link_local
    )


def _address(text: str) -> IPAddress:
    # getaddrinfo gives IPv6 link-local addresses with a zone (`fe80::1%eth0`).
    return ipaddress.ip_address(text.split("%", 1)[0])


class EgressPolicy:
    def __init__(
        self,
        *,
        https_only: bool,
        allow: Iterable[str] = (),
        resolver: Resolver = system_resolver,
        refuse_loopback: bool = False,
    ) -> None:
        self._https_only = https_only
        self._refuse_loopback = refuse_loopback
        self._resolver = resolver
        self._networks: list[IPNetwork] = []
        self._hosts: set[str] = set()
        for entry in allow:
            network = allow_entry(entry)
            if isinstance(network, str):
                self._hosts.add(network)
            else:
                self._networks.append(network)

    async def check(self, url: str) -> Bestemming:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise BestemmingGeweigerd("Alleen http(s)-URL's zijn toegestaan.")
        if self._https_only and parts.scheme != "https":
            raise BestemmingGeweigerd("De URL moet https gebruiken.")
        if parts.username is not None or parts.password is not None:
            raise BestemmingGeweigerd(
                "Geen gebruikersnaam of wachtwoord in de URL; geef inloggegevens in `auth`."
            )
        host = (parts.hostname or "").lower()
        if not host:
            raise BestemmingGeweigerd("De URL noemt geen host.")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise BestemmingGeweigerd("De URL heeft een ongeldige poort.") from exc
        try:
            resolved = await asyncio.wait_for(self._resolver(host, port), RESOLVE_SECONDS)
            addresses = [_address(a) for a in resolved]
        except (OSError, UnicodeError, ValueError, TimeoutError) as exc:
            raise BestemmingGeweigerd("De host van de URL is niet te vinden.") from exc
        if not addresses:
            raise BestemmingGeweigerd("De host van de URL is niet te vinden.")
        for address in addresses:
            self._judge(host, address)
        return Bestemming(host, port, tuple(dict.fromkeys(str(a) for a in addresses)))

    def _judge(self, host: str, address: IPAddress) -> None:
        plain = _embedded_ipv4(address)
        if self._refuse_loopback and plain.is_loopback:
            raise BestemmingGeweigerd(
                "De URL verwijst naar het platform zelf (loopback); dat is niet toegestaan."
            )
        if plain.is_unspecified or plain.is_multicast:
            raise BestemmingGeweigerd("De URL verwijst naar een adres dat niet bereikbaar is.")
        if is_public(address):
            return
        if host in self._hosts or any(
            candidate in network
            for network in self._networks
            for candidate in (address, plain)
            if candidate.version == network.version
        ):
            return
        raise BestemmingGeweigerd(
            "De URL verwijst naar een niet-publiek netwerkadres (intern, loopback, link-local of "
            "gereserveerd). Ontvangers in het eigen netwerk van een gemeente moeten eerst door de "
            "beheerder van het platform worden toegestaan."
        )


def allow_entry(entry: str) -> IPNetwork | str:
    """A CIDR or single address, or else a host name (matched exactly, case-insensitive)."""
    entry = entry.strip()
    try:
        return ipaddress.ip_network(entry.strip("[]"), strict=False)
    except ValueError:
        pass
    host = entry.lower().rstrip(".")
    if not host or any(c in host for c in "/:@ ") or host.startswith("."):
        raise ValueError(f"not a host name, address or CIDR: {entry!r}")
    return host


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects to the checked addresses of the checked host, and to nothing else."""

    def __init__(self, bestemming: Bestemming) -> None:
        self._bestemming = bestemming
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        if host.strip("[]").lower() != self._bestemming.host.strip("[]").lower() or (
            port != self._bestemming.port
        ):
            raise httpcore.ConnectError("bestemming niet gecontroleerd")
        last: Exception = httpcore.ConnectError("geen adres")
        for address in self._bestemming.addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise last

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("geen unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, with a connection pool whose network backend is pinned (httpx
    offers no public parameter for the backend; the pool is httpcore's public API)."""

    def __init__(self, bestemming: Bestemming) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            http1=True,
            http2=False,
            network_backend=_PinnedBackend(bestemming),
        )
