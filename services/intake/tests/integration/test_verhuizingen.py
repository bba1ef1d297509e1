"""The history of moves: each settling in a new gemeente DUO reports (SS120, SS121) is kept and
shown as `verhuizingen` on the inburgeraar, oldest first; replayed like the other gebeurtenissen."""

from __future__ import annotations

from datetime import date

import pytest

from inburgering.duosim.personen import plichtig
from inburgering.shared.testing.service import bearer
from services.intake.tests.integration.conftest import Omgeving
from services.intake.tests.integration.test_gebeurtenissen import (
    BSN,
    EINDHOVEN,
    melden,
    persoon,
)

pytestmark = pytest.mark.integration

VORIGE_PIP = {"gemeentecode": "0794", "pip": {"dagtekeningPip": "2026-03-02", "leerroute": "O"}}


async def test_every_settling_is_appended_to_the_moves_oldest_first(omgeving: Omgeving) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN, pip=VORIGE_PIP, eerste_dagtekening=date(2026, 3, 2))
    # Processed out of order on purpose: the history follows the dates of settling.
    await melden(omgeving, "SS120", registratie=omgeving.klok.nu.replace(month=11, day=20))
    await melden(omgeving, "SS121", registratie=omgeving.klok.nu.replace(month=9, day=1))
    await melden(omgeving, "SS101")  # not a move

    inburgeraar_id = (await persoon(omgeving))["id"]
    one = await omgeving.client.get(f"/v1/inburgeraars/{inburgeraar_id}", headers=EINDHOVEN)
    [listed] = (await omgeving.client.get("/v1/inburgeraars", headers=EINDHOVEN)).json()

    assert one.status_code == 200
    assert one.json()["verhuizingen"] == [
        {
            "vanGemeentecode": "GM0794",
            "naarGemeentecode": "GM0772",
            "gevestigdOp": "2026-09-01",
            "gebeurtenisId": "SS121",
        },
        {
            # SS120 names no previous gemeente: DUO gives it only with the previous PIP.
            "vanGemeentecode": None,
            "naarGemeentecode": "GM0772",
            "gevestigdOp": "2026-11-20",
            "gebeurtenisId": "SS120",
        },
    ]
    assert listed["verhuizingen"] == one.json()["verhuizingen"]
    assert BSN not in str(await omgeving.events())


async def test_a_person_without_a_move_has_an_empty_history(omgeving: Omgeving) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN)
    await melden(omgeving, "SS101")
    inburgeraar_id = (await persoon(omgeving))["id"]

    one = await omgeving.client.get(f"/v1/inburgeraars/{inburgeraar_id}", headers=EINDHOVEN)
    other = await omgeving.client.get(
        f"/v1/inburgeraars/{inburgeraar_id}", headers=bearer(gemeentecodes=["GM0794"])
    )

    assert one.json()["verhuizingen"] == []
    assert other.status_code == 404
