"""DUO's side of the Notificatie API: calls the gemeente's `POST /notificaties`.

Real DUO sends no token: it authenticates with its PKIoverheid certificate (mTLS), which the
gemeente's ingress verifies and passes on in a header. With `certificaat` the simulator plays
that ingress: it sends the certificate in those headers and no token."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from urllib.parse import quote

import httpx


class Notifier:
    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        duo_oin: str,
        token: str | None,
        certificaat: str | None = None,
        cert_header: str = "ssl-client-cert",
        verify_header: str = "ssl-client-verify",
    ) -> None:
        """`certificaat`: DUO's client certificate (PEM); when given, no token is sent."""
        self._http = http
        self._duo_oin = duo_oin
        self._token = None if certificaat else token
        self._certificaat = (
            {cert_header: quote(certificaat), verify_header: "SUCCESS"} if certificaat else {}
        )

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
        headers |= self._certificaat
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        response = await self._http.post("notificaties", json=body, headers=headers)
        return bericht_id, response
