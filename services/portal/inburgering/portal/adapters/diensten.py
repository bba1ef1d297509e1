"""Calls to the platform's services with the user's own token: the portal sees exactly what
the user may see, and has no rights of its own."""

from __future__ import annotations

from typing import Any

import httpx

from inburgering.portal.errors import DienstFout, GeenToegang, NietGevonden, NietIngelogd


class Diensten:
    def __init__(self, urls: dict[str, str], client: httpx.AsyncClient) -> None:
        self._urls = urls
        self._client = client

    async def json(
        self, dienst: str, pad: str, token: str, params: dict[str, Any] | None = None
    ) -> Any:
        return (await self._get(dienst, pad, token, params, "application/json")).json()

    async def csv(
        self, dienst: str, pad: str, token: str, params: dict[str, Any] | None = None
    ) -> str:
        return (await self._get(dienst, pad, token, params, "text/csv")).text

    async def _get(
        self, dienst: str, pad: str, token: str, params: dict[str, Any] | None, accept: str
    ) -> httpx.Response:
        try:
            antwoord = await self._client.get(
                self._urls[dienst] + pad,
                params=params,
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
        raise DienstFout(f"{dienst} antwoordde met status {antwoord.status_code}.")


def _detail(antwoord: httpx.Response) -> str:
    """The service's own explanation (problem+json `detail`), which is written for people."""
    try:
        detail = antwoord.json().get("detail")
    except ValueError:
        return ""
    return detail if isinstance(detail, str) else ""
