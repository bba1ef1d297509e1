"""Every attempt at a DUO notification counts: a failure is recorded with its reason, retried
with backoff, and parked after the last attempt; it never holds up the other notifications."""

from __future__ import annotations

from datetime import timedelta

import pytest

from inburgering.duosim.personen import plichtig
from inburgering.shared.auth import Rol
from inburgering.shared.testing.service import bearer
from services.intake.tests.integration.conftest import Omgeving

pytestmark = pytest.mark.integration

ONLEESBAAR = "999900006"
ANDER = "999900018"
GEMEENTE = bearer(Rol.GEMEENTE, gemeentecodes=["GM0772"])


def lbt(score: object) -> list[dict[str, object]]:
    return [
        {
            "resultaat": "B1-route haalbaar",
            "behaaldeScore": score,
            "benodigdeScore": "28,00",
            "datumAfname": "2026-10-01",
        }
    ]


async def test_an_unreadable_duo_answer_is_parked_after_its_attempts_while_others_are_processed(
    omgeving: Omgeving,
) -> None:
    omgeving.runtime.parts.state["intake"].settings.duo_max_pogingen = 3
    omgeving.duo.personen[ONLEESBAAR] = plichtig(ONLEESBAAR, lbt_resultaten=lbt("string"))
    omgeving.duo.personen[ANDER] = plichtig(ANDER)
    await omgeving.stuur("SS101", ONLEESBAAR)
    await omgeving.verwerk()

    uitslag = await omgeving.stuur("SS131", ONLEESBAAR)
    ander = await omgeving.stuur("SS101", ANDER)
    await omgeving.verwerk()

    assert (await omgeving.notificatie(ander))["status"] == "verwerkt"
    eerste = await omgeving.notificatie(uitslag)
    assert (eerste["status"], eerste["pogingen"]) == ("ontvangen", 1)
    assert eerste["laatste_fout"] == "DUO's antwoord is onleesbaar: behaaldeScore is geen getal"
    assert await omgeving.verwerk() == 0  # waits out its backoff instead of failing every poll

    for wacht in (60, 120):
        omgeving.klok.nu += timedelta(seconds=wacht)
        await omgeving.verwerk()

    geparkeerd = await omgeving.notificatie(uitslag)
    assert (geparkeerd["status"], geparkeerd["pogingen"]) == ("geparkeerd", 3)
    assert "behaaldeScore is geen getal" in geparkeerd["reden"]
    assert ONLEESBAAR not in geparkeerd["reden"] + geparkeerd["laatste_fout"]
    omgeving.klok.nu += timedelta(days=1)
    assert await omgeving.verwerk() == 0  # parked: no more attempts

    response = await omgeving.client.get(
        "/v1/duo-notificaties", params={"status": "geparkeerd"}, headers=GEMEENTE
    )
    [zichtbaar] = response.json()
    assert zichtbaar["berichtId"] == str(uitslag)
    assert "behaaldeScore is geen getal" in zichtbaar["reden"]
    assert zichtbaar["inburgeraarId"] is not None

    # DUO repairs its answer; the gemeente has it processed again.
    omgeving.duo.personen[ONLEESBAAR].lbt_resultaten = lbt("29,00")
    response = await omgeving.client.post(
        f"/v1/duo-notificaties/{uitslag}/opnieuw-verwerken", headers=GEMEENTE
    )
    assert response.status_code == 200, response.text
    await omgeving.verwerk()
    assert (await omgeving.notificatie(uitslag))["status"] == "verwerkt"


async def test_an_unexpected_error_counts_as_an_attempt_and_blocks_no_other_notification(
    omgeving: Omgeving,
) -> None:
    omgeving.duo.personen[ONLEESBAAR] = plichtig(ONLEESBAAR)
    omgeving.duo.personen[ANDER] = plichtig(ANDER)
    # An answer of the wrong type altogether: a list where DUO's spec has an object.
    omgeving.duo.personen[ONLEESBAAR].doelgroep = ["Asielstatushouder"]  # type: ignore[assignment]
    kapot = await omgeving.stuur("SS101", ONLEESBAAR)
    ander = await omgeving.stuur("SS101", ANDER)

    await omgeving.verwerk()

    assert (await omgeving.notificatie(ander))["status"] == "verwerkt"
    mislukt = await omgeving.notificatie(kapot)
    assert (mislukt["status"], mislukt["pogingen"]) == ("ontvangen", 1)
    assert mislukt["laatste_fout"].startswith("DUO's antwoord is onleesbaar")
