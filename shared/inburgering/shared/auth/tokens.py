"""Bearer JWT verification (JWKS in production, a local HS256 key in development) and dev tokens."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from typing import Annotated

import jwt
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StringConstraints,
    ValidationError,
)

from inburgering.shared.auth.principal import Principal, Rol
from inburgering.shared.http.problems import Unauthorized
from inburgering.shared.settings import BaseServiceSettings

ASYMMETRIC_ALGORITHMS = ["RS256", "PS256", "ES256"]
DEV_ISSUER = "inburgering-dev"
# Boolean claims that grant a permission on top of the role.
PERMISSION_CLAIMS = ("gezondheid", "privacy")
SERVICES = ("intake", "routes", "contracts", "referrals", "subscriptions")


# Larger tokens are refused before they are decoded: no honest access token comes near it.
MAX_TOKEN_CHARS = 8192
MAX_GEMEENTECODES = 500


class _Claims(BaseModel):
    """The claims the platform reads, with their types: a claim of another type is a bad token,
    never a server error. `exp` must be a number (RFC 7519 NumericDate), not a numeric string."""

    model_config = ConfigDict(extra="ignore")

    sub: Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=False)]
    exp: StrictInt | StrictFloat
    rol: Rol
    gemeentecodes: Annotated[
        list[Annotated[str, StringConstraints(pattern=r"^GM[0-9]{4}$")]],
        Field(max_length=MAX_GEMEENTECODES),
    ] = []
    kvk: Annotated[str, StringConstraints(pattern=r"^[0-9]{8}$")] | None = None
    instelling: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None


# What the platform says of a token it refuses: its own words, not the JWT library's.
_REDENEN = (
    (jwt.ExpiredSignatureError, "Het token is verlopen."),
    (jwt.InvalidAudienceError, "Het token is niet voor deze dienst bestemd."),
    (jwt.InvalidIssuerError, "Het token komt niet van een vertrouwde uitgever."),
    (jwt.MissingRequiredClaimError, "Het token mist een verplichte claim."),
    (jwt.ImmatureSignatureError, "Het token is nog niet geldig."),
)


class TokenVerifier:
    """Checks signature, issuer allowlist, audience, expiry (with leeway) and the role claims."""

    def __init__(self, settings: BaseServiceSettings) -> None:
        self._audience = settings.audience
        self._issuers = [i.strip() for i in settings.jwt_issuers.split(",") if i.strip()]
        self._leeway = settings.jwt_leeway_seconds
        self._jwks = jwt.PyJWKClient(settings.jwt_jwks_url) if settings.jwt_jwks_url else None
        self._dev_key = settings.jwt_dev_secret.get_secret_value()
        self._max_lifetime = settings.jwt_max_lifetime_seconds

    def verify(self, token: str) -> Principal:
        if len(token) > MAX_TOKEN_CHARS:
            raise Unauthorized("Het token is te groot.")
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
            reden = next((r for soort, r in _REDENEN if isinstance(exc, soort)), None)
            raise Unauthorized(reden or "Het token is ongeldig.") from None
        principal = _principal(claims)
        if claims["exp"] - time.time() > self._max_lifetime:
            raise Unauthorized(
                f"Het token is langer dan {self._max_lifetime} seconden geldig; vraag een "
                "korter levend token aan."
            )
        return principal


def _principal(claims: dict) -> Principal:
    try:
        gelezen = _Claims.model_validate(claims)
    except ValidationError as exc:
        velden = sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]})
        raise Unauthorized("Het token heeft ongeldige claims: " + ", ".join(velden) + ".") from None
    return Principal(
        subject=gelezen.sub,
        rol=gelezen.rol,
        gemeentecodes=frozenset(gelezen.gemeentecodes),
        kvk=gelezen.kvk,
        instelling=gelezen.instelling,
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
