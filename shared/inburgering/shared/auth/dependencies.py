"""FastAPI dependency giving every protected endpoint its verified Principal."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from inburgering.shared.auth.principal import Principal
from inburgering.shared.auth.tokens import TokenVerifier
from inburgering.shared.http.problems import Unauthorized
from inburgering.shared.logboek.http import remember_principal
from inburgering.shared.persistence import tenancy

_bearer = HTTPBearer(auto_error=False, description="OAuth2 access token (JWT)")
_QUERY_TOKEN_NAMES = {"access_token", "token", "jwt"}


async def _principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if _QUERY_TOKEN_NAMES & set(request.query_params):
        raise Unauthorized("Tokens worden niet geaccepteerd in de query string.")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Een bearer token is vereist.")
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = verifier.verify(credentials.credentials)
    # The processing log names the caller in its audit log, never in the logregels.
    remember_principal(request.scope, principal)
    return principal


async def _scoped(principal: Annotated[Principal, Depends(_principal)]) -> Principal:
    # Async, so that the scope is set in the request's own context (a sync dependency runs in a
    # worker thread, whose context the endpoint never sees).
    tenancy.set_scope(tenancy.scope_of(principal))
    return principal


CurrentPrincipal = Annotated[Principal, Depends(_scoped)]
