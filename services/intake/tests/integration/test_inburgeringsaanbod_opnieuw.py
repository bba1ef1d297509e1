"""A refused inburgeringsaanbod melding can be queued again once its cause is fixed: the same
melding, attempts counted on; a waiting one stays as it is, a delivered one is not sent twice."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from inburgering.intake.settings import DEV_DUO_INSTELLINGEN
from inburgering.shared.testing.service import bearer
from services.intake.tests.integration.conftest import Omgeving
from services.intake.tests.integration.test_inburgeringsaanbod import (
    DOMMEL_KVK,
    ONBEKEND_KVK,
    aanbod_posts,
    deliver,
    gestart,
    met_pip_en_intake,
)
from services.intake.tests.integration.test_pip import BSN, EINDHOVEN

pytestmark = pytest.mark.integration


async def opnieuw(
    omgeving: Omgeving, inburgeraar_id: str, plaatsing_id: uuid.UUID, headers: Any = EINDHOVEN
) -> Any:
    return await omgeving.client.post(
        f"/v1/inburgeraars/{inburgeraar_id}/inburgeringsaanbod/{plaatsing_id}/opnieuw-melden",
        headers=headers,
    )


async def melding(omgeving: Omgeving, inburgeraar_id: str, plaatsing_id: uuid.UUID) -> Any:
    response = await omgeving.client.get(
        f"/v1/inburgeraars/{inburgeraar_id}/inburgeringsaanbod/{plaatsing_id}", headers=EINDHOVEN
    )
    assert response.status_code == 200
    return response.json()["duoMelding"]


async def test_after_duo_refused_it_the_aanbod_is_reported_again_once_fixed(
    omgeving: Omgeving,
) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    await omgeving.verwerk()  # the PIP melding
    event = gestart(inburgeraar_id, kvk=DOMMEL_KVK)
    await deliver(omgeving, event)
    await omgeving.verwerk()
    assert (await melding(omgeving, inburgeraar_id, event.plaatsing_id))["status"] == "afgewezen"

    # The provider's keurmerk is restored at DUO: the cause of the refusal is gone.
    omgeving.duo.instellingen["0000100003"]["indicatieBowKeurmerk"] = True
    response = await opnieuw(omgeving, inburgeraar_id, event.plaatsing_id)
    assert response.status_code == 200, response.text
    assert (response.json()["duoMelding"]["status"], response.json()["duoMelding"]["pogingen"]) == (
        "wachtend",
        1,
    )
    # Asking again while it waits queues nothing more.
    assert (await opnieuw(omgeving, inburgeraar_id, event.plaatsing_id)).status_code == 200
    await omgeving.verwerk()
    assert await omgeving.verwerk() == 0

    afgeleverd = await melding(omgeving, inburgeraar_id, event.plaatsing_id)
    assert (afgeleverd["status"], afgeleverd["pogingen"], afgeleverd["laatsteFout"]) == (
        "afgeleverd",
        2,
        None,
    )
    assert len(aanbod_posts(omgeving)) == 2
    assert "0000100003" in omgeving.duo.personen[BSN].inburgeringsaanbod
    refused = await opnieuw(omgeving, inburgeraar_id, event.plaatsing_id)
    assert (refused.status_code, refused.json()["code"]) == (
        409,
        "inburgeringsaanbod-al-afgeleverd",
    )
    assert len(aanbod_posts(omgeving)) == 2


async def test_without_any_instellingsnummer_it_is_refused_until_the_fallback_is_configured(
    omgeving: Omgeving,
) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    await omgeving.verwerk()
    event = gestart(inburgeraar_id, kvk=ONBEKEND_KVK)
    await deliver(omgeving, event)
    await omgeving.verwerk()
    fout = await melding(omgeving, inburgeraar_id, event.plaatsing_id)
    assert (fout["status"], aanbod_posts(omgeving)) == ("afgewezen", [])
    assert fout["laatsteFout"] == (
        "Geen DUO-instellingsnummer van de aanbieder: registreer de aanbieder met zijn "
        "DUO-instellingsnummer in de contracts-service; voor deze plaatsing opnieuw melden na "
        "instellen in INTAKE_DUO_INSTELLINGEN."
    )

    settings = omgeving.runtime.parts.state["intake"].settings
    settings.duo_instellingen = f"{DEV_DUO_INSTELLINGEN},{ONBEKEND_KVK}=0000100002"
    assert (await opnieuw(omgeving, inburgeraar_id, event.plaatsing_id)).status_code == 200
    await omgeving.verwerk()

    assert (await melding(omgeving, inburgeraar_id, event.plaatsing_id))["status"] == "afgeleverd"
    [post] = aanbod_posts(omgeving)
    assert post.url.path.endswith("/Inburgeringsaanbod/0000100002")


async def test_another_gemeente_cannot_report_it_again(omgeving: Omgeving) -> None:
    inburgeraar_id = await met_pip_en_intake(omgeving)
    await omgeving.verwerk()
    event = gestart(inburgeraar_id, kvk=ONBEKEND_KVK)
    await deliver(omgeving, event)
    await omgeving.verwerk()

    other = await opnieuw(
        omgeving, inburgeraar_id, event.plaatsing_id, bearer(gemeentecodes=["GM0794"])
    )
    missing = await opnieuw(omgeving, inburgeraar_id, uuid.uuid4())

    assert (other.status_code, other.json()["code"]) == (404, "inburgeraar-niet-gevonden")
    assert (missing.status_code, missing.json()["code"]) == (
        404,
        "inburgeringsaanbod-niet-gevonden",
    )
    assert (await melding(omgeving, inburgeraar_id, event.plaatsing_id))["status"] == "afgewezen"
