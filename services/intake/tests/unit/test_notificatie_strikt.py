"""DUO's Notificatie read exactly as its spec says: nothing a JSON Schema validator of the spec
would refuse gets through, and nothing it would accept is refused."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from inburgering.intake.domain.errors import NotificatieOngeldig
from inburgering.intake.domain.notificatie import lees_notificatie

BERICHT_ID = "5f0c6f4e-9a43-4f1e-8f0e-3f5a7c2b9d10"
HEADERS = {
    "bron": "0" * 20,
    "doel": "1" * 20,
    "berichtid": BERICHT_ID,
    "content-type": "application/json",
}
BODY = {
    "registratieDatumTijd": "2026-11-02T10:15:00+01:00",
    "gebeurtenisId": "SS101",
    "bsn": "999900006",
}


def _lees(body: Any = BODY, **headers: str) -> Any:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return lees_notificatie({**HEADERS, **headers}, raw)


@pytest.mark.parametrize(
    ("body", "headers", "melding"),
    [
        pytest.param({**BODY, "bsn": "999990342\n"}, {}, "bsn", id="bsn-newline"),
        pytest.param({**BODY, "bsn": "٩٩٩٩٠٠٠٠٦"}, {}, "bsn", id="bsn-arabic-indic"),
        pytest.param({**BODY, "bsn": "９９９９００００６"}, {}, "bsn", id="bsn-full-width"),
        pytest.param({**BODY, "bsn": " 99990000"}, {}, "bsn", id="bsn-space"),
        pytest.param({**BODY, "bsn": None}, {}, "bsn", id="bsn-null"),
        pytest.param({**BODY, "bsn": 999900006}, {}, "bsn", id="bsn-number"),
        pytest.param({**BODY, "vNummer": None}, {}, "vNummer", id="vnummer-null"),
        pytest.param({**BODY, "gebeurtenisId": "SS101\n"}, {}, "gebeurtenisId", id="ss-newline"),
        pytest.param({**BODY, "gebeurtenisId": ""}, {}, "gebeurtenisId", id="ss-empty"),
        pytest.param({**BODY, "gebeurtenisId": "SS10٠"}, {}, "gebeurtenisId",
                     id="ss-arabic-indic"),
        pytest.param({**BODY, "gebeurtenisId": None}, {}, "gebeurtenisId", id="ss-null"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01"}, {}, "registratieDatumTijd",
                     id="date-only"),
        pytest.param({**BODY, "registratieDatumTijd": "20260101T100000Z"}, {},
                     "registratieDatumTijd", id="basic-format"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01 10:00:00Z"}, {},
                     "registratieDatumTijd", id="space-separator"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01T10:00:00"}, {},
                     "registratieDatumTijd", id="no-offset"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01T10:00Z"}, {},
                     "registratieDatumTijd", id="no-seconds"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01T10:00:00+0100"}, {},
                     "registratieDatumTijd", id="offset-without-colon"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01T10:00:00+24:00"}, {},
                     "registratieDatumTijd", id="offset-out-of-range"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-13-01T10:00:00Z"}, {},
                     "registratieDatumTijd", id="month-13"),
        pytest.param({**BODY, "registratieDatumTijd": "2026-01-01T10:00:00Z\n"}, {},
                     "registratieDatumTijd", id="date-time-newline"),
        pytest.param({**BODY, "registratieDatumTijd": "٢٠٢٦-01-01T10:00:00Z"}, {},
                     "registratieDatumTijd", id="date-time-arabic-indic"),
        pytest.param({**BODY, "registratieDatumTijd": None}, {}, "registratieDatumTijd",
                     id="date-time-null"),
        pytest.param(BODY, {"berichtid": "{" + BERICHT_ID + "}"}, "berichtId", id="uuid-braces"),
        pytest.param(BODY, {"berichtid": "urn:uuid:" + BERICHT_ID}, "berichtId", id="uuid-urn"),
        pytest.param(BODY, {"berichtid": BERICHT_ID.replace("-", "")}, "berichtId",
                     id="uuid-no-hyphens"),
        pytest.param(BODY, {"berichtid": BERICHT_ID + "\n"}, "berichtId", id="uuid-newline"),
        pytest.param(BODY, {"bron": "٠" * 20}, "bron", id="oin-arabic-indic"),
        pytest.param(BODY, {"content-type": "text/plain"}, "Content-Type", id="text-plain"),
        pytest.param(BODY, {"content-type": ""}, "Content-Type", id="no-content-type"),
        pytest.param(BODY, {"content-type": "application/json; charset=latin-1"}, "Content-Type",
                     id="not-utf-8"),
        pytest.param(BODY, {"content-type": "application/jsonx"}, "Content-Type",
                     id="other-media-type"),
        pytest.param(b'{"registratieDatumTijd": "2026-11-02T10:15:00Z", "gebeurtenisId": '
                     b'"SS101", "bsn": "999900006", "bsn": "999990019"}', {}, "JSON",
                     id="duplicate-name"),
        pytest.param(b'{"registratieDatumTijd": "2026-11-02T10:15:00Z", "gebeurtenisId": '
                     b'"SS101", "vNummer": NaN}', {}, "JSON", id="nan"),
        pytest.param(json.dumps(BODY).encode("utf-16"), {}, "JSON", id="utf-16"),
    ],
)  # fmt: skip
def test_what_the_spec_does_not_allow_is_refused(
    body: Any, headers: dict[str, str], melding: str
) -> None:
    with pytest.raises(NotificatieOngeldig) as refused:
        _lees(body, **headers)
    assert melding in refused.value.detail
    assert "999900006" not in refused.value.detail


WINTER = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("registratie", "moment"),
    [
        ("2026-11-02t10:15:00+01:00", datetime(2026, 11, 2, 10, 15, tzinfo=WINTER)),
        ("2026-11-02T09:15:00z", datetime(2026, 11, 2, 9, 15, tzinfo=UTC)),
        ("2026-11-02t09:15:00z", datetime(2026, 11, 2, 9, 15, tzinfo=UTC)),
        ("2026-11-02T09:15:00Z", datetime(2026, 11, 2, 9, 15, tzinfo=UTC)),
        ("2026-11-02T09:15:00-00:00", datetime(2026, 11, 2, 9, 15, tzinfo=UTC)),
        ("2026-11-02T09:15:00.5Z", datetime(2026, 11, 2, 9, 15, 0, 500_000, tzinfo=UTC)),
        ("2026-11-02T09:15:00.123456789Z", datetime(2026, 11, 2, 9, 15, 0, 123_456, tzinfo=UTC)),
        # A leap second: the last instant before it stands in.
        ("2016-12-31T23:59:60Z", datetime(2016, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC)),
    ],
)
def test_every_rfc_3339_date_time_is_accepted_in_either_case(
    registratie: str, moment: datetime
) -> None:
    assert _lees({**BODY, "registratieDatumTijd": registratie}).registratie == moment


@pytest.mark.parametrize(
    "headers",
    [
        {"content-type": "application/json; charset=utf-8"},
        {"content-type": 'Application/JSON; Charset="UTF-8"'},
        {"berichtid": BERICHT_ID.upper()},
    ],
)
def test_what_the_spec_allows_is_accepted(headers: dict[str, str]) -> None:
    notificatie = _lees(**headers)
    assert notificatie.bericht_id == uuid.UUID(BERICHT_ID)
    assert notificatie.bsn == "999900006"


def test_a_gebeurtenis_duo_added_later_is_accepted_to_be_parked() -> None:
    assert _lees({**BODY, "gebeurtenisId": "SS998"}).gebeurtenis_id == "SS998"
