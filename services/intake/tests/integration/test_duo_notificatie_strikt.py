"""POST /v1/notificaties holds DUO to DUO's own spec over HTTP: each malformed form is a 400
Foutmelding that stores nothing, and RFC 3339's lowercase forms are accepted."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from inburgering.duosim.entrypoints import DEV_DUO_OIN
from inburgering.intake.adapters.tables import duo_notificatie, timer
from inburgering.intake.api.notificaties import NOTIFICATIE_API_VERSION
from services.intake.tests.integration.conftest import DUO_TOKEN, EINDHOVEN_OIN, Omgeving

pytestmark = pytest.mark.integration

BSN = "999900006"
BODY = {"registratieDatumTijd": "2026-11-02T10:15:00+01:00", "gebeurtenisId": "SS101", "bsn": BSN}


async def post(
    omgeving: Omgeving, body: Any, *, bericht_id: str | None = None, content_type: str | None = None
) -> httpx.Response:
    return await omgeving.client.post(
        "/v1/notificaties",
        content=json.dumps(body).encode(),
        headers={
            "bron": DEV_DUO_OIN,
            "doel": EINDHOVEN_OIN,
            "berichtId": bericht_id or str(uuid.uuid4()),
            "Authorization": f"Bearer {DUO_TOKEN}",
            "Content-Type": content_type or "application/json",
        },
    )


async def count(omgeving: Omgeving, table: Any) -> int:
    async with omgeving.runtime.engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(table))).scalar_one()


BERICHT_ID = "5f0c6f4e-9a43-4f1e-8f0e-3f5a7c2b9d10"


@pytest.mark.parametrize(
    ("body", "bericht_id", "content_type", "melding"),
    [
        pytest.param({**BODY, "bsn": "999990342\n"}, None, None, "bsn", id="bsn-newline"),
        pytest.param({**BODY, "bsn": "٩٩٩٩٠٠٠٠٦"}, None, None, "bsn", id="bsn-arabic-indic"),
        pytest.param({**BODY, "bsn": None}, None, None, "bsn", id="bsn-null"),
        pytest.param({**BODY, "gebeurtenisId": "SS101\n"}, None, None, "gebeurtenisId",
                     id="gebeurtenis-newline"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01"}, None, None,
                     "registratieDatumTijd", id="date-only"),
        pytest.param({**BODY, "registratieDatumTijd": "20260101T100000Z"}, None, None,
                     "registratieDatumTijd", id="basic-format"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01 10:00:00Z"}, None, None,
                     "registratieDatumTijd", id="space-separator"),
        pytest.param(BODY, "{" + BERICHT_ID + "}", None, "berichtId", id="uuid-braces"),
        pytest.param(BODY, "urn:uuid:" + BERICHT_ID, None, "berichtId", id="uuid-urn"),
        pytest.param(BODY, None, "text/plain", "Content-Type", id="text-plain"),
    ],
)  # fmt: skip
async def test_a_malformed_notification_is_a_400_foutmelding_and_stores_nothing(
    omgeving: Omgeving, body: Any, bericht_id: str | None, content_type: str | None, melding: str
) -> None:
    response = await post(omgeving, body, bericht_id=bericht_id, content_type=content_type)

    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["api-version"] == NOTIFICATIE_API_VERSION
    assert set(response.json()) == {"fouttekst"}
    assert melding in response.json()["fouttekst"]
    assert BSN not in response.text
    assert await count(omgeving, duo_notificatie) == 0
    assert await count(omgeving, timer) == 0


@pytest.mark.parametrize(
    "registratie",
    ["2026-11-02t10:15:00+01:00", "2026-11-02T09:15:00z", "2026-11-02t09:15:00z"],
)
async def test_a_lowercase_t_or_z_is_rfc_3339_and_accepted(
    omgeving: Omgeving, registratie: str
) -> None:
    bericht_id = str(uuid.uuid4())
    response = await post(
        omgeving, {**BODY, "registratieDatumTijd": registratie}, bericht_id=bericht_id
    )

    assert response.status_code == 201, response.text
    stored = await omgeving.notificatie(uuid.UUID(bericht_id))
    assert stored["registratie_at"].isoformat() == "2026-11-02T09:15:00+00:00"
