"""Reading DUO's Notificatie (headers and body) without I/O."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest

from inburgering.intake.domain.errors import NotificatieOngeldig
from inburgering.intake.domain.gebeurtenissen import CATALOGUS, herken
from inburgering.intake.domain.notificatie import lees_notificatie

HEADERS = {
    "bron": "0" * 20,
    "doel": "1" * 20,
    "berichtid": str(uuid.uuid4()),
    "content-type": "application/json",
}


def test_a_complete_notification_is_read() -> None:
    body = {
        "registratieDatumTijd": "2026-11-02T10:15:00Z",
        "gebeurtenisId": "SS131",
        "bsn": "999900006",
    }
    notificatie = lees_notificatie(HEADERS, json.dumps(body).encode())
    assert (notificatie.gebeurtenis_id, notificatie.bsn, notificatie.v_nummer) == (
        "SS131",
        "999900006",
        None,
    )
    assert notificatie.registratie == datetime(2026, 11, 2, 10, 15, tzinfo=UTC)


def test_a_time_without_offset_is_refused_not_guessed() -> None:
    # RFC 3339 requires the offset; a guess would move the Dutch date of a late-evening moment.
    body = {"registratieDatumTijd": "2026-07-01T12:00:00", "gebeurtenisId": "SS101", "vNummer": 12}
    with pytest.raises(NotificatieOngeldig, match="registratieDatumTijd"):
        lees_notificatie(HEADERS, json.dumps(body).encode())


def test_a_notification_with_only_a_vnummer_is_read() -> None:
    body = {
        "registratieDatumTijd": "2026-07-01T12:00:00+02:00",
        "gebeurtenisId": "SS101",
        "vNummer": 12,
    }
    notificatie = lees_notificatie(HEADERS, json.dumps(body).encode())
    assert (notificatie.bsn, notificatie.v_nummer) == (None, 12)
    assert notificatie.registratie.astimezone(UTC).hour == 10


@pytest.mark.parametrize("v_nummer", [True, -1, 10_000_000_000, 1.5])
def test_a_vnummer_outside_the_spec_is_refused(v_nummer: object) -> None:
    body = {
        "registratieDatumTijd": "2026-11-02T10:15:00Z",
        "gebeurtenisId": "SS101",
        "vNummer": v_nummer,
    }
    with pytest.raises(NotificatieOngeldig):
        lees_notificatie(HEADERS, json.dumps(body).encode())


def test_the_catalogue_covers_every_gebeurtenis_the_issue_lists() -> None:
    expected = {
        "SS101", "SS128", "SS139", "SS129", "SS120", "SS121", "SS124", "SS125", "SS109", "SS110",
        "SS111", "SS106", "SS107", "SS108", "SS137", "SS131", "SS102", "SS103", "SS104", "SS130",
        "SS199", *(f"SS{n}" for n in range(113, 120)),
    }  # fmt: skip
    assert set(CATALOGUS) == expected
    assert herken("SS998") is None
