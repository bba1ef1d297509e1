"""Synchronizer-token CSRF protection: every form carries the session's token, every POST is
checked against it before its route runs."""

from __future__ import annotations

import secrets

from fastapi import Request

from inburgering.portal.errors import FormulierOngeldig

VELD = "csrf_token"
_VEILIG = frozenset({"GET", "HEAD", "OPTIONS"})


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def controleer_csrf(request: Request) -> None:
    """App-wide dependency, so no POST route can forget it."""
    if request.method in _VEILIG:
        return
    verwacht = request.session.get("csrf")
    # Starlette caches the parsed form, so the route's own Form fields read the same body.
    gekregen = (await request.form()).get(VELD)
    if not verwacht or not isinstance(gekregen, str):
        raise FormulierOngeldig("Het formulier mist zijn controlecode. Laad de pagina opnieuw.")
    if not secrets.compare_digest(verwacht, gekregen):
        raise FormulierOngeldig("De controlecode van het formulier klopt niet.")
