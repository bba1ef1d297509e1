"""DUO's side of the Notificatie API: calls the gemeente's `POST /notificaties`."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx


class Notifier:
    def __init__(self, http: httpx.AsyncClient, *, duo_oin: str, token: str | None) -> None:
        self._http = http
        self._duo_oin = duo_oin
        self._token = token

    async def stuur(
        self,
        gebeurtenis_id: str,
        *,
        doel: str,
        bsn: str | None = None,
        v_nummer: int | None = None,
        bericht_id: uuid.UUID | None = None,
        registratie: datetime | None = None,
    ) -> tuple[uuid.UUID, httpx.Response]:
        bericht_id = bericht_id or uuid.uuid4()
        body: dict[str, object] = {
            "registratieDatumTijd": (registratie or datetime.now(UTC)).isoformat(),
            "gebeurtenisId": gebeurtenis_id,
        }
        if bsn is not None:
            body["bsn"] = bsn
        if v_nummer is not None:
            body["vNummer"] = v_nummer
        headers = {"bron": self._duo_oin, "doel": doel, "berichtId": str(bericht_id)}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        response = await self._http.post("notificaties", json=body, headers=headers)
        return bericht_id, response
