"""DUO's M2M APIs as the gemeente calls them (Raadpleging and Melding-Bevestiging).

DUO's contract puts the BSN in the path, so a URL to DUO is personal data: it is never logged,
and no error raised here carries the URL or the response text."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import httpx

from inburgering.shared.observability.metrics import DUO_CALLS

# httpx logs every request URL at INFO; those URLs hold a BSN.
logging.getLogger("httpx").setLevel(logging.WARNING)


class DuoOnbereikbaar(Exception):
    """DUO did not answer usefully (network, timeout, 5xx): try again later."""


class DuoWeigert(Exception):
    """DUO refused the request (4xx): retrying the same request will not help."""

    def __init__(self, status: int, fouten: list[str]) -> None:
        super().__init__(f"DUO weigert ({status}): " + "; ".join(fouten))
        self.status = status
        self.fouten = fouten


class DuoClient:
    def __init__(self, http: httpx.AsyncClient, *, duo_oin: str) -> None:
        self._http = http
        self._duo_oin = duo_oin

    async def inburgeringsplicht(self, bsn: str, *, bron: str) -> dict[str, Any]:
        return await self._get(f"/personen/{bsn}/inburgeringsplicht", bron)

    async def doelgroep(self, bsn: str, *, bron: str) -> dict[str, Any]:
        return await self._get(f"/personen/{bsn}/doelgroep", bron)

    async def lbt_resultaten(self, bsn: str, *, bron: str) -> list[dict[str, Any]]:
        return await self._get(f"/personen/{bsn}/lbt/resultaten", bron)

    async def inburgeringstermijn(self, bsn: str, *, bron: str) -> dict[str, Any]:
        return await self._get(f"/personen/{bsn}/inburgeringstermijn", bron)

    async def examenresultaten(self, bsn: str, *, bron: str) -> list[dict[str, Any]]:
        return await self._get(f"/personen/{bsn}/examens/resultaten", bron)

    async def vrijstellingen(self, bsn: str, *, bron: str) -> list[dict[str, Any]]:
        return await self._get(f"/personen/{bsn}/vrijstellingen", bron)

    async def ontheffingen(self, bsn: str, *, bron: str) -> list[dict[str, Any]]:
        return await self._get(f"/personen/{bsn}/ontheffingen", bron)

    async def pip(self, bsn: str, *, bron: str) -> dict[str, Any]:
        return await self._get(f"/personen/{bsn}/PIP", bron)

    async def meld_pip(
        self, bsn: str, pip: dict[str, Any], *, bron: str, bericht_id: uuid.UUID
    ) -> None:
        await self._send("POST", f"/personen/{bsn}/PIP", bron, json=pip, bericht_id=bericht_id)

    async def meld_inburgeringsaanbod(
        self,
        bsn: str,
        instellingsnummer: str,
        aanbod: dict[str, Any],
        *,
        bron: str,
        bericht_id: uuid.UUID,
    ) -> None:
        await self._send(
            "POST",
            f"/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
            bron,
            json=aanbod,
            bericht_id=bericht_id,
        )

    async def _get(self, path: str, bron: str) -> Any:
        response = await self._send("GET", path, bron, bericht_id=uuid.uuid4())
        try:
            return response.json()
        except ValueError:
            raise DuoOnbereikbaar("DUO gaf geen JSON terug") from None

    async def _send(
        self,
        method: str,
        path: str,
        bron: str,
        *,
        bericht_id: uuid.UUID,
        json: Any = None,
    ) -> httpx.Response:
        headers = {
            "bron": bron,
            "doel": self._duo_oin,
            "berichtId": str(bericht_id),
            "Accept": "application/json",
        }
        try:
            response = await self._http.request(
                method, path.lstrip("/"), headers=headers, json=json
            )
        except httpx.HTTPError as exc:
            DUO_CALLS.labels("intake", _api(method, path), "onbereikbaar").inc()
            raise DuoOnbereikbaar(f"DUO niet bereikbaar ({type(exc).__name__})") from None
        if response.status_code >= 500 or response.status_code == 429:
            DUO_CALLS.labels("intake", _api(method, path), "onbereikbaar").inc()
            raise DuoOnbereikbaar(f"DUO antwoordde {response.status_code}")
        if response.status_code >= 400:
            DUO_CALLS.labels("intake", _api(method, path), "geweigerd").inc()
            raise DuoWeigert(response.status_code, _fouten(response))
        DUO_CALLS.labels("intake", _api(method, path), "gelukt").inc()
        return response


def _api(method: str, path: str) -> str:
    """The path without its identifiers: a BSN (or an instellingsnummer) is never a label."""
    return f"{method} /" + "/".join(
        p for p in path.split("/") if p and not any(c.isdigit() for c in p)
    )


def _fouten(response: httpx.Response) -> list[str]:
    """DUO's Foutmelding texts (one object or a list of them); they name rules, not persons."""
    try:
        body = response.json()
    except ValueError:
        return [response.reason_phrase or "onbekende fout"]
    meldingen = body if isinstance(body, list) else [body]
    teksten = [str(m["fouttekst"]) for m in meldingen if isinstance(m, dict) and "fouttekst" in m]
    return teksten or [response.reason_phrase or "onbekende fout"]
