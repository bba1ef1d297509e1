"""DUO's Notificatie API as the intake service implements it: DUO's contract, durable storage
before the 201, idempotency on berichtId, and refusals that store nothing."""

from __future__ import annotations

import json
import uuid
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from sqlalchemy import func, select

from inburgering.duosim import spec
from inburgering.duosim.entrypoints import DEV_DUO_OIN
from inburgering.duosim.notifier import Notifier
from inburgering.duosim.personen import plichtig
from inburgering.intake.adapters.tables import duo_notificatie, inburgeraar, timer
from inburgering.intake.api.notificaties import NOTIFICATIE_API_VERSION
from inburgering.shared.auth import Rol
from inburgering.shared.testing.service import bearer
from services.intake.tests.certificates import certificate
from services.intake.tests.integration.conftest import (
    DUO_TOKEN,
    EINDHOVEN_OIN,
    Omgeving,
)

pytestmark = pytest.mark.integration

BSN = "999900006"
BODY = {"registratieDatumTijd": "2026-11-02T10:15:00+01:00", "gebeurtenisId": "SS101", "bsn": BSN}


def headers(**overrides: str | None) -> dict[str, str]:
    base = {
        "bron": DEV_DUO_OIN,
        "doel": EINDHOVEN_OIN,
        "berichtId": str(uuid.uuid4()),
        "Authorization": f"Bearer {DUO_TOKEN}",
    }
    base.update(overrides)  # type: ignore[arg-type]
    return {k: v for k, v in base.items() if v is not None}


async def post(omgeving: Omgeving, body: Any, **overrides: str | None) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return await omgeving.client.post(
        "/v1/notificaties",
        content=content,
        headers={**headers(**overrides), "Content-Type": "application/json"},
    )


async def count(omgeving: Omgeving, table: Any) -> int:
    async with omgeving.runtime.engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(table))).scalar_one()


def spec_problems(
    request_headers: dict[str, str], body: Any, response: httpx.Response
) -> list[str]:
    if not spec.beschikbaar():
        pytest.skip(f"DUO's spec files are not at {spec.REFERENCE}")
    fouten = spec.verzoek_fouten("Notificatie", "POST", "/notificaties", request_headers, body)
    body_out = response.json() if response.content else None
    return fouten + spec.antwoord_fouten(
        "Notificatie",
        "POST",
        "/notificaties",
        response.status_code,
        dict(response.headers),
        body_out,
    )


async def test_a_valid_notification_is_stored_encrypted_and_answered_201_per_duo_spec(
    omgeving: Omgeving,
) -> None:
    sent = headers()
    response = await omgeving.client.post("/v1/notificaties", json=BODY, headers=sent)

    assert response.status_code == 201
    assert response.content == b""
    assert response.headers["api-version"] == NOTIFICATIE_API_VERSION
    assert spec_problems(sent, BODY, response) == []
    stored = await omgeving.notificatie(uuid.UUID(sent["berichtId"]))
    assert (stored["status"], stored["gebeurtenis_id"], stored["gemeentecode"]) == (
        "ontvangen",
        "SS101",
        "GM0772",
    )
    assert BSN not in str(stored["bsn_hash"]) and BSN.encode() not in stored["bsn_encrypted"]
    vault = omgeving.runtime.parts.state["bsn_vault"]
    assert vault.decrypt(stored["bsn_encrypted"], context=stored["bericht_id"].bytes) == BSN
    assert await count(omgeving, timer) == 1  # its processing is queued in the same transaction


async def test_the_same_berichtid_twice_has_no_second_effect(omgeving: Omgeving) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN)
    sent = headers()
    first = await omgeving.client.post("/v1/notificaties", json=BODY, headers=sent)
    await omgeving.verwerk()
    again = await omgeving.client.post("/v1/notificaties", json=BODY, headers=sent)
    await omgeving.verwerk()

    assert (first.status_code, again.status_code) == (201, 201)
    assert await count(omgeving, duo_notificatie) == 1
    assert await count(omgeving, inburgeraar) == 1
    assert len(await omgeving.events("inburgeraar-aangemeld")) == 1


async def test_a_reused_berichtid_with_other_content_is_refused(omgeving: Omgeving) -> None:
    sent = headers()
    assert (
        await omgeving.client.post("/v1/notificaties", json=BODY, headers=sent)
    ).status_code == 201
    other = await omgeving.client.post(
        "/v1/notificaties", json={**BODY, "gebeurtenisId": "SS131"}, headers=sent
    )
    assert other.status_code == 400
    assert other.json() == {"fouttekst": "Dit berichtId hoort bij een andere notificatie."}


@pytest.mark.parametrize(
    ("body", "overrides", "melding"),
    [
        (BODY, {"bron": None}, "header bron ontbreekt"),
        (BODY, {"doel": "123"}, "header doel is geen OIN van 20 cijfers"),
        (BODY, {"berichtId": "geen-uuid"}, "header berichtId is geen UUID"),
        ({**BODY, "bsn": "999900007"}, {}, "bsn voldoet niet aan de elfproef"),
        ({**BODY, "bsn": "12345"}, {}, "bsn bestaat niet uit 9 cijfers"),
        (
            {"registratieDatumTijd": "2026-11-02T10:15:00Z", "gebeurtenisId": "SS101"},
            {},
            "bsn of vNummer is verplicht",
        ),
        (
            {**BODY, "registratieDatumTijd": "gisteren"},
            {},
            "registratieDatumTijd is geen date-time",
        ),
        ({**BODY, "gebeurtenisId": "ss-101"}, {}, "gebeurtenisId voldoet niet"),
        ({**BODY, "vNummer": "abc"}, {}, "vNummer is geen geheel getal"),
        (b"{niet json", {}, "de body is geen JSON"),
        ([BODY], {}, "de body is geen Notificatie-object"),
    ],
)
async def test_bad_input_is_a_400_foutmelding_and_stores_nothing(
    omgeving: Omgeving, body: Any, overrides: dict[str, str | None], melding: str
) -> None:
    response = await post(omgeving, body, **overrides)

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert set(response.json()) == {"fouttekst"}
    assert melding in response.json()["fouttekst"]
    assert "999900007" not in response.text
    if spec.beschikbaar():
        assert (
            spec.antwoord_fouten(
                "Notificatie", "POST", "/notificaties", 400, dict(response.headers), response.json()
            )
            == []
        )
    assert await count(omgeving, duo_notificatie) == 0
    assert await count(omgeving, timer) == 0


async def test_all_violations_are_named_in_one_fouttekst(omgeving: Omgeving) -> None:
    response = await post(omgeving, {"bsn": "1"}, doel=None, berichtId=None)
    tekst = response.json()["fouttekst"]
    for part in ("doel ontbreekt", "berichtId ontbreekt", "registratieDatumTijd", "gebeurtenisId"):
        assert part in tekst
    assert len(tekst) <= 200


@pytest.mark.parametrize(
    ("overrides", "status"),
    [
        ({"Authorization": None}, 401),
        ({"Authorization": "Bearer niet-een-token"}, 401),
        ({"Authorization": bearer(Rol.GEMEENTE, gemeentecodes=["GM0772"])["Authorization"]}, 403),
        ({"bron": "00000001999999999000"}, 403),
        ({"doel": "00000001001000999000"}, 403),
    ],
)
async def test_only_duo_may_notify_and_only_for_our_gemeenten(
    omgeving: Omgeving, overrides: dict[str, str | None], status: int
) -> None:
    response = await post(omgeving, BODY, **overrides)

    assert response.status_code == status
    assert set(response.json()) == {"fouttekst"}
    assert response.headers["api-version"] == NOTIFICATIE_API_VERSION
    assert await count(omgeving, duo_notificatie) == 0


async def test_with_mtls_on_only_duos_verified_certificate_may_deliver(omgeving: Omgeving) -> None:
    """Production: the ingress verified the PKIoverheid chain and passed the certificate on."""
    omgeving.runtime.parts.state["intake"].settings.duo_mtls = True
    duo = {"ssl-client-verify": "SUCCESS", "ssl-client-cert": certificate(DEV_DUO_OIN)}
    elders = {"ssl-client-verify": "SUCCESS", "ssl-client-cert": certificate("0" * 19 + "1")}

    refused = [await post(omgeving, BODY), await post(omgeving, BODY, **elders)]
    accepted = await post(omgeving, BODY, **duo)

    assert [r.status_code for r in refused] == [403, 403]
    assert all("PKIoverheid" in r.json()["fouttekst"] for r in refused)
    assert accepted.status_code == 201, accepted.text
    assert await count(omgeving, duo_notificatie) == 1


async def test_with_mtls_on_duos_certificate_alone_is_enough_as_duos_specs_define(
    omgeving: Omgeving,
) -> None:
    """DUO's specs define no security scheme: real DUO sends its certificate and no token."""
    omgeving.runtime.parts.state["intake"].settings.duo_mtls = True
    duo = {"ssl-client-verify": "SUCCESS", "ssl-client-cert": certificate(DEV_DUO_OIN)}
    elders = {"ssl-client-verify": "SUCCESS", "ssl-client-cert": certificate("0" * 19 + "1")}
    ongeverifieerd = {**duo, "ssl-client-verify": "FAILED:unable to verify"}

    accepted = await post(omgeving, BODY, Authorization=None, **duo)
    refused = {
        "wrong OIN": await post(omgeving, BODY, Authorization=None, **elders),
        "no certificate": await post(omgeving, BODY, Authorization=None),
        "unverified chain": await post(omgeving, BODY, Authorization=None, **ongeverifieerd),
    }

    assert accepted.status_code == 201, accepted.text
    assert {reden: r.status_code for reden, r in refused.items()} == dict.fromkeys(refused, 403)
    for response in refused.values():
        assert set(response.json()) == {"fouttekst"}
        assert "PKIoverheid" in response.json()["fouttekst"]
        assert response.headers["api-version"] == NOTIFICATIE_API_VERSION
    assert await count(omgeving, duo_notificatie) == 1


async def test_the_simulator_in_certificate_mode_is_accepted_and_its_notification_processed(
    omgeving: Omgeving,
) -> None:
    omgeving.runtime.parts.state["intake"].settings.duo_mtls = True
    pem = unquote(certificate(DEV_DUO_OIN))
    assert omgeving.naar_intake is not None
    notifier = Notifier(omgeving.naar_intake, duo_oin=DEV_DUO_OIN, token=None, certificaat=pem)
    omgeving.duo.personen[BSN] = plichtig(BSN)
    bericht_id, response = await notifier.stuur("SS101", bsn=BSN, doel=EINDHOVEN_OIN)

    assert response.status_code == 201, response.text
    await omgeving.verwerk()
    assert (await omgeving.notificatie(bericht_id))["status"] == "verwerkt"
