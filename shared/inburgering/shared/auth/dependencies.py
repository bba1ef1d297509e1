"""FastAPI dependency giving every protected endpoint its verified Principal."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from inburgering.shared.auth.principal import Principal
from inburgering.shared.auth.tokens import TokenVerifier
from inburgering.shared.http.problems import Unauthorized

_bearer = HTTPBearer(auto_error=False, description="OAuth2 access token (JWT)")
_QUERY_TOKEN_NAMES = {"access_token", "token", "jwt"}


def _principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if _QUERY_TOKEN_NAMES & set(request.query_params):
        raise Unauthorized("Tokens worden niet geaccepteerd in de query string.")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Een bearer token is vereist.")
    verifier: TokenVerifier = request.app.state.token_verifier
    return verifier.verify(credentials.credentials)


CurrentPrincipal = Annotated[Principal, Depends(_principal)]
