"""Pure rules: backoff, Retry-After, signatures, the two message formats, type filters."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from inburgering.subscriptions.domain.model import (
    Gebeurtenis,
    Informatie,
    authorization,
    backoff,
    cloudevent,
    new_secret,
    notificatie,
    past_bij,
    retry_after,
    signature,
)

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
EVENT = Gebeurtenis(
    gemeentecode="GM0772",
    volgnummer=42,
    event_id="0b8e8f9e-7f0a-4c36-8f57-1df0d1f0b6a3",
    source="urn:nld:oin:00000000000000000000:systeem:inburgering-routes",
    type="nl.inburgering.leerroute-vastgesteld",
    topic="routes.leerroute",
    time=NOW,
    sleutel="5f1d3a4e-0000-4000-8000-000000000001",
    data={"leerroute": "b1-route"},
    traceparent="00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
)


def test_backoff_doubles_from_the_base_and_is_capped() -> None:
    waits = [backoff(n, base_seconds=2, max_seconds=30).total_seconds() for n in range(1, 7)]
    assert waits == [2, 4, 8, 16, 30, 30]


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after("120", NOW) == timedelta(seconds=120)
    assert retry_after("Sat, 28 Nov 2026 12:01:00 GMT", NOW) == timedelta(seconds=60)
    assert retry_after("soon", NOW) is None
    assert retry_after(None, NOW) is None
    assert retry_after("999999", NOW) == timedelta(days=1)


def test_the_signature_is_a_standard_webhooks_hmac_over_id_timestamp_and_body() -> None:
    secret = new_secret()
    body = b'{"id":"x"}'
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = hmac.new(key, b"msg-1.1700000000." + body, hashlib.sha256).digest()
    assert (
        signature(secret, "msg-1", 1700000000, body) == "v1," + base64.b64encode(expected).decode()
    )
    assert signature(new_secret(), "msg-1", 1700000000, body) != signature(
        secret, "msg-1", 1700000000, body
    )


def test_a_cloudevent_carries_the_sequence_and_optionally_the_data() -> None:
    full = cloudevent(EVENT, informatie=Informatie.VOLLEDIG, base_url="https://api.example")
    poor = cloudevent(EVENT, informatie=Informatie.ARM, base_url="https://api.example")

    assert full["sequence"] == "42"
    assert full["sequencetype"] == "Integer"
    assert full["time"] == "2026-11-28T12:00:00Z"
    assert full["data"] == {"leerroute": "b1-route"}
    assert full["dataschema"] == "urn:nld:inburgering:schema:leerroute-vastgesteld"
    assert full["traceparent"] == EVENT.traceparent
    assert "data" not in poor
    assert poor["dataref"] == (
        "https://api.example/routes/v1/leerroute-adviezen?inburgeraarId=" + EVENT.sleutel
    )


def test_a_notificatie_has_the_nrc_fields_and_the_event_id_as_kenmerk() -> None:
    message = notificatie(EVENT, base_url="https://api.example")

    assert message["kanaal"] == "leerroutes"
    assert message["resource"] == "leerroute"
    assert message["actie"] == "vastgesteld"
    assert message["hoofdObject"] == f"https://api.example/intake/v1/inburgeraars/{EVENT.sleutel}"
    assert message["aanmaakdatum"] == "2026-11-28T12:00:00Z"
    assert message["kenmerken"]["id"] == EVENT.event_id
    assert message["kenmerken"]["gemeentecode"] == "GM0772"


def test_an_empty_type_filter_passes_everything() -> None:
    assert past_bij([], "nl.inburgering.x")
    assert past_bij(["nl.inburgering.x"], "nl.inburgering.x")
    assert not past_bij(["nl.inburgering.y"], "nl.inburgering.x")


def test_a_bare_token_becomes_a_bearer_header() -> None:
    assert authorization("abc") == "Bearer abc"
    assert authorization("Token abc") == "Token abc"


def test_an_event_about_a_verband_or_contract_points_at_that_not_at_a_person() -> None:
    verband = Gebeurtenis(
        **{
            **EVENT.__dict__,
            "type": "nl.inburgering.samenwerkingsverband-gewijzigd",
            "topic": "contracts.plaatsing",
            "sleutel": "ad65332b-c875-5ad1-aba3-ffd9f3272cef",
        }
    )
    arm = cloudevent(verband, informatie=Informatie.ARM, base_url="https://api.example")
    assert arm["dataref"] == (
        "https://api.example/contracts/v1/samenwerkingsverbanden/" + verband.sleutel
    )
    bericht = notificatie(verband, base_url="https://api.example")
    assert bericht["hoofdObject"] == bericht["resourceUrl"] == arm["dataref"]
    contract = Gebeurtenis(
        **{**verband.__dict__, "type": "nl.inburgering.capaciteit-bijna-uitgeput"}
    )
    assert notificatie(contract, base_url="https://x")["resourceUrl"] == (
        "https://x/contracts/v1/contracten/" + verband.sleutel
    )
