from datetime import UTC, datetime

import pytest

from inburgering.shared.messaging.envelope import Envelope
from inburgering.shared.messaging.errors import InvalidEnvelope

TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def _envelope(**overrides: object) -> Envelope:
    fields: dict[str, object] = {
        "id": "4f1c2a5e-8d0b-4c7e-9a61-2f3b4c5d6e7f",
        "source": "urn:nld:oin:00000000000000000001:systeem:inburgering-intake",
        "type": "nl.inburgering.inburgeraar-aangemeld",
        "time": datetime(2026, 3, 1, 9, 30, 15, tzinfo=UTC),
        "gemeentecode": "GM0363",
        "data": {"inburgeraarId": "a1", "gemeentecode": "GM0363", "aantal": 3, "tekst": "één"},
        "key": "a1",
        "traceparent": TRACEPARENT,
    }
    fields.update(overrides)
    return Envelope(**fields)  # type: ignore[arg-type]


def _record(envelope: Envelope) -> tuple[list[tuple[str, bytes]], bytes, bytes]:
    message = envelope.to_kafka()
    key = message.key.encode() if isinstance(message.key, str) else message.key
    return envelope.kafka_headers(message), key, message.value


def test_round_trip_keeps_every_attribute():
    original = _envelope()

    parsed = Envelope.from_kafka(*_record(original))

    assert parsed.id == original.id
    assert parsed.source == original.source
    assert parsed.type == original.type
    assert parsed.time == original.time
    assert parsed.gemeentecode == "GM0363"
    assert parsed.traceparent == TRACEPARENT
    assert parsed.data == original.data
    assert parsed.key == "a1"


def test_binary_mode_puts_attributes_in_ce_headers_and_data_in_the_value():
    headers = dict(_record(_envelope())[0])

    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_id"] == b"4f1c2a5e-8d0b-4c7e-9a61-2f3b4c5d6e7f"
    assert headers["ce_type"] == b"nl.inburgering.inburgeraar-aangemeld"
    assert headers["ce_gemeentecode"] == b"GM0363"
    assert headers["ce_traceparent"] == TRACEPARENT.encode()
    assert headers["ce_dataschema"] == b"urn:nld:inburgering:schema:inburgeraar-aangemeld"
    assert headers["content-type"] == b"application/json"
    assert datetime.fromisoformat(headers["ce_time"].decode()) == datetime(
        2026, 3, 1, 9, 30, 15, tzinfo=UTC
    )


def test_naive_time_is_sent_as_utc():
    headers = dict(_record(_envelope(time=datetime(2026, 3, 1, 9, 30, 15)))[0])

    sent = datetime.fromisoformat(headers["ce_time"].decode())

    assert sent == datetime(2026, 3, 1, 9, 30, 15, tzinfo=UTC)


def test_extra_headers_travel_along():
    headers, _key, _value = _record(_envelope(extra_headers=(("herkomst", b"test"),)))

    assert ("herkomst", b"test") in headers


def test_invalid_traceparent_is_dropped_not_trusted():
    headers, key, value = _record(_envelope())
    tampered = [(n, b"00-nonsense" if n == "ce_traceparent" else v) for n, v in headers]

    assert Envelope.from_kafka(tampered, key, value).traceparent is None


@pytest.mark.parametrize("header", ["ce_gemeentecode", "ce_id", "ce_source", "ce_type"])
def test_a_record_without_a_required_attribute_is_invalid(header: str):
    headers, key, value = _record(_envelope())

    with pytest.raises(InvalidEnvelope):
        Envelope.from_kafka([(n, v) for n, v in headers if n != header], key, value)


def test_a_malformed_gemeentecode_is_invalid():
    headers, key, value = _record(_envelope())
    tampered = [(n, b"0363" if n == "ce_gemeentecode" else v) for n, v in headers]

    with pytest.raises(InvalidEnvelope):
        Envelope.from_kafka(tampered, key, value)


@pytest.mark.parametrize("value", [b"geen json", b"[1, 2]", b"", None, b"\xff\xfe"])
def test_data_that_is_not_a_json_object_is_invalid(value: bytes | None):
    headers, key, _value = _record(_envelope())

    with pytest.raises(InvalidEnvelope):
        Envelope.from_kafka(headers, key, value)


def test_a_plain_record_without_cloudevents_headers_is_invalid():
    with pytest.raises(InvalidEnvelope):
        Envelope.from_kafka([], b"k", b'{"inburgeraarId": "a1"}')


def test_an_unparsable_time_is_invalid():
    headers, key, value = _record(_envelope())
    tampered = [(n, b"gisteren" if n == "ce_time" else v) for n, v in headers]

    with pytest.raises(InvalidEnvelope):
        Envelope.from_kafka(tampered, key, value)
