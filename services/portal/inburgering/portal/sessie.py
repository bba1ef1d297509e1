"""Who is logged in, kept in the signed session cookie."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from inburgering.portal.errors import NietIngelogd


@dataclass(frozen=True)
class Gebruiker:
    rol: str
    gemeentecodes: tuple[str, ...]
    token: str
    kvk: str | None = None


def log_in(request: Request, gebruiker: Gebruiker) -> None:
    # A fresh session (and CSRF token) at login, so a session planted before it is worth nothing.
    request.session.clear()
    request.session.update(
        rol=gebruiker.rol,
        gemeentecodes=list(gebruiker.gemeentecodes),
        token=gebruiker.token,
        kvk=gebruiker.kvk,
        csrf=secrets.token_urlsafe(32),
    )


def log_uit(request: Request) -> None:
    request.session.clear()


def ingelogd(request: Request) -> Gebruiker | None:
    sessie = request.session
    if not sessie.get("token"):
        return None
    return Gebruiker(
        rol=sessie["rol"],
        gemeentecodes=tuple(sessie.get("gemeentecodes", ())),
        token=sessie["token"],
        kvk=sessie.get("kvk"),
    )


def _vereist(request: Request) -> Gebruiker:
    gebruiker = ingelogd(request)
    if gebruiker is None:
        raise NietIngelogd()
    return gebruiker


HuidigeGebruiker = Annotated[Gebruiker, Depends(_vereist)]


def meld(request: Request, soort: str, tekst: str) -> None:
    """A message for the page the POST redirects to (`goed` or `fout`), shown once."""
    request.session["melding"] = {"soort": soort, "tekst": tekst}


def melding(request: Request) -> dict[str, str] | None:
    return request.session.pop("melding", None)
