"""R1 and R2 count their ten weeks from the Dutch calendar date of DUO's registration, in winter
time, in summer time and on the eve of a change; never from its UTC date."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest

from inburgering.intake.domain.notificatie import lees_notificatie
from inburgering.intake.domain.pip_termijn import PipTermijnFeiten, pip_uiterlijk
from inburgering.shared.kalender import nederlandse_datum

HEADERS = {"bron": "0" * 20, "doel": "1" * 20, "content-type": "application/json"}

# R1: Besluit inburgering 2021 art. 5.3 lid 1-2 (SS139: settled after leaving the COA; the
# later of notice and settling counts). R2: Besluit inburgering 2021 art. 5.3 lid 3 and Wet
# inburgering 2021 art. 15 lid 4 (SS120: settled after a move; only the settling counts).
GEVALLEN = [
    # (rule, gebeurtenis, registratieDatumTijd, kennisgeving, vestiging, uiterlijk)
    ("R1 winter", "SS139", "2026-11-02T00:30:00+01:00", "2026-09-01", "2026-11-02", "2027-01-11"),
    ("R1 summer", "SS139", "2026-07-01T00:30:00+02:00", "2026-05-01", "2026-07-01", "2026-09-09"),
    ("R2 winter", "SS120", "2026-11-02T00:30:00+01:00", "2026-09-01", "2026-11-02", "2027-01-11"),
    ("R2 summer", "SS120", "2026-07-01T00:30:00+02:00", "2026-05-01", "2026-07-01", "2026-09-09"),
    # 23:30 UTC on the eve of the change to winter time (25 October) and to summer time (29 March).
    ("R1 eve", "SS139", "2026-10-24T23:30:00Z", "2026-09-01", "2026-10-25", "2027-01-03"),
    ("R2 eve", "SS120", "2026-03-28T23:30:00Z", "2026-01-05", "2026-03-29", "2026-06-07"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("gebeurtenis", "registratie", "kennisgeving", "vestiging", "uiterlijk"),
    [pytest.param(*gevallen, id=rule) for rule, *gevallen in GEVALLEN],
)
def test_the_pip_deadline_counts_from_the_dutch_date_of_the_registration(
    gebeurtenis: str, registratie: str, kennisgeving: str, vestiging: str, uiterlijk: str
) -> None:
    body = {"registratieDatumTijd": registratie, "gebeurtenisId": gebeurtenis, "bsn": "999900006"}
    headers = {**HEADERS, "berichtid": str(uuid.uuid4())}
    notificatie = lees_notificatie(headers, json.dumps(body).encode())

    gevestigd = nederlandse_datum(notificatie.registratie)
    feiten = PipTermijnFeiten(
        kennisgeving=date.fromisoformat(kennisgeving),
        vestiging=gevestigd,
        na_verhuizing=gebeurtenis == "SS120",
    )

    assert gevestigd == date.fromisoformat(vestiging)
    assert pip_uiterlijk(feiten) == date.fromisoformat(uiterlijk)
