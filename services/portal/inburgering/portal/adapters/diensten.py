"""Calls to the platform's services with the user's own token: the portal sees exactly what
the user may see, and has no rights of its own."""

from __future__ import annotations

from typing import Any

import httpx

from inburgering.portal.errors import (
    DienstFout,
    GeenToegang,
    Geweigerd,
    NietGevonden,
    NietIngelogd,
)


class Diensten:
    def __init__(self, urls: dict[str, str], client: httpx.AsyncClient) -> None:
        self._urls = urls
        self._client = client

    async def json(
        self, dienst: str, pad: str, token: str, params: dict[str, Any] | None = None
    ) -> Any:
        return (await self._vraag("GET", dienst, pad, token, params, "application/json")).json()

    async def csv(
        self, dienst: str, pad: str, token: str, params: dict[str, Any] | None = None
    ) -> str:
        return (await self._vraag("GET", dienst, pad, token, params, "text/csv")).text

    async def post(self, dienst: str, pad: str, token: str, body: dict[str, Any]) -> Any:
        """A change in the user's name. A 400 or 409 is the service refusing it (`Geweigerd`)."""
        antwoord = await self._vraag(
            "POST", dienst, pad, token, None, "application/json", body=body
        )
        return antwoord.json() if antwoord.content else None

    async def _vraag(
        self,
        methode: str,
        dienst: str,
        pad: str,
        token: str,
        params: dict[str, Any] | None,
        accept: str,
        body: dict[str, Any] | None = None,
    ) -> httpx.Response:
        try:
            antwoord = await self._client.request(
                methode,
                self._urls[dienst] + pad,
                params=params,
                json=body,
                headers={"Authorization": f"Bearer {token}", "Accept": accept},
            )
        except httpx.HTTPError as fout:
            raise DienstFout(f"{dienst} is niet bereikbaar.") from fout
        if antwoord.is_success:
            return antwoord
        toelichting = _detail(antwoord)
        if antwoord.status_code == 401:
            raise NietIngelogd(toelichting)
        if antwoord.status_code == 403:
            raise GeenToegang(toelichting)
        if antwoord.status_code == 404:
            raise NietGevonden(toelichting)
        if methode != "GET" and antwoord.status_code in (400, 409, 422):
            raise Geweigerd(toelichting, antwoord.status_code, _velden(antwoord))
        raise DienstFout(f"{dienst} antwoordde met status {antwoord.status_code}.")


def _probleem(antwoord: httpx.Response) -> dict[str, Any]:
    try:
        probleem = antwoord.json()
    except ValueError:
        return {}
    return probleem if isinstance(probleem, dict) else {}


def _detail(antwoord: httpx.Response) -> str:
    """The service's own explanation (problem+json `detail`), which is written for people."""
    detail = _probleem(antwoord).get("detail")
    return detail if isinstance(detail, str) else ""


def _velden(antwoord: httpx.Response) -> dict[str, str]:
    """`invalidParams` by field name without its `body.` prefix: `body.datum` → `datum`."""
    velden: dict[str, str] = {}
    for param in _probleem(antwoord).get("invalidParams") or []:
        if isinstance(param, dict) and isinstance(param.get("name"), str):
            naam = param["name"].removeprefix("body.")
            velden.setdefault(naam, str(param.get("reason") or ""))
    return velden
