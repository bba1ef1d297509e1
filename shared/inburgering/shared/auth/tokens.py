"""Bearer JWT verification (JWKS in production, a local HS256 key in development) and dev tokens."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable

import jwt

from inburgering.shared.auth.principal import Principal, Rol
from inburgering.shared.http.problems import Unauthorized
from inburgering.shared.settings import BaseServiceSettings

ASYMMETRIC_ALGORITHMS = ["RS256", "PS256", "ES256"]
DEV_ISSUER = "inburgering-dev"
# Boolean claims that grant a permission on top of the role.
PERMISSION_CLAIMS = ("gezondheid", "privacy")
SERVICES = ("intake", "routes", "contracts", "referrals", "subscriptions")


class TokenVerifier:
    """Checks signature, issuer allowlist, audience, expiry (with leeway) and the role claims."""

    def __init__(self, settings: BaseServiceSettings) -> None:
        self._audience = settings.audience
        self._issuers = [i.strip() for i in settings.jwt_issuers.split(",") if i.strip()]
        self._leeway = settings.jwt_leeway_seconds
        self._jwks = jwt.PyJWKClient(settings.jwt_jwks_url) if settings.jwt_jwks_url else None
        self._dev_key = settings.jwt_dev_secret.get_secret_value()

    def verify(self, token: str) -> Principal:
        try:
            if self._jwks is not None:
                key = self._jwks.get_signing_key_from_jwt(token).key
                algorithms = ASYMMETRIC_ALGORITHMS
            else:
                key, algorithms = self._dev_key, ["HS256"]
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=self._audience,
                issuer=self._issuers,
                leeway=self._leeway,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"Het token is ongeldig: {type(exc).__name__}.") from None
        return _principal(claims)


def _principal(claims: dict) -> Principal:
    try:
        rol = Rol(claims.get("rol"))
    except ValueError:
        raise Unauthorized("Het token noemt geen bekende rol.") from None
    gemeentecodes = claims.get("gemeentecodes") or []
    if not isinstance(gemeentecodes, list) or not all(isinstance(g, str) for g in gemeentecodes):
        raise Unauthorized("De claim 'gemeentecodes' is geen lijst van codes.")
    return Principal(
        subject=str(claims["sub"]),
        rol=rol,
        gemeentecodes=frozenset(gemeentecodes),
        kvk=claims.get("kvk"),
        instelling=claims.get("instelling"),
        permissions=frozenset(name for name in PERMISSION_CLAIMS if claims.get(name) is True),
    )


def mint_dev_token(
    secret: str,
    *,
    rol: Rol,
    subject: str = "dev-client",
    gemeentecodes: Iterable[str] = (),
    kvk: str | None = None,
    instelling: str | None = None,
    audiences: Iterable[str] = tuple(f"inburgering-{s}" for s in SERVICES),
    ttl_seconds: int = 3600,
    issuer: str = DEV_ISSUER,
    permissions: Iterable[str] = (),
) -> str:
    """A development token; production tokens come from the gemeente's OAuth server."""
    now = int(time.time())
    claims = {
        "iss": issuer,
        "sub": subject,
        "azp": subject,
        "aud": list(audiences),
        "iat": now,
        "exp": now + ttl_seconds,
        "jti": str(uuid.uuid4()),
        "rol": str(rol),
        "gemeentecodes": sorted(gemeentecodes),
    }
    if kvk:
        claims["kvk"] = kvk
    if instelling:
        claims["instelling"] = instelling
    for permission in permissions:
        claims[permission] = True
    return jwt.encode(claims, secret, algorithm="HS256")
