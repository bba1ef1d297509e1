"""A case manager refers by hand, from any leerroute, someone known for the own gemeente."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import outbox_message, verwijzing
from inburgering.shared.events.vocabulary import Leerroute

pytestmark = pytest.mark.integration

AMSTERDAM = "GM0363"  # outside the Brabant network


def body(inburgeraar_id: uuid.UUID, gemeentecode: str, **extra: str) -> dict[str, str]:
    return {
        "inburgeraarId": str(inburgeraar_id),
        "gemeentecode": gemeentecode,
        "niveau": "hbo",
        **extra,
    }


async def referrals(runtime) -> list:
    async with runtime.engine.connect() as conn:
        return list((await conn.execute(select(verwijzing.c.id))).scalars().all())


async def test_a_case_manager_refers_from_the_b1_route(client, runtime, pad):
    persoon = await pad.bekend(pad.EINDHOVEN, Leerroute.B1_ROUTE)

    response = await client.post(
        "/verwijzingen",
        json=body(persoon, pad.EINDHOVEN, niveau="wo", leerroute="b1-route"),
        headers=pad.gemeente(pad.EINDHOVEN),
    )

    assert response.status_code == 201
    created = response.json()
    assert response.headers["location"] == f"/v1/verwijzingen/{created['id']}"
    assert (created["status"], created["leerroute"], created["niveau"]) == (
        "aangemaakt",
        "b1-route",
        "wo",
    )
    # The intake's level came with the decision; it is a candidate fact, as for a proposal.
    assert (created["opleidingsniveau"], created["poging"], created["pogingen"]) == (
        "voortgezet",
        1,
        [],
    )
    async with runtime.engine.connect() as conn:
        [event] = (await conn.execute(select(outbox_message.c.event_type))).scalars().all()
    assert event == "nl.inburgering.verwijzing-aangemaakt"


async def test_without_a_leerroute_the_decided_one_is_taken(client, pad):
    persoon = await pad.bekend(pad.EINDHOVEN, Leerroute.Z_ROUTE)

    response = await client.post(
        "/verwijzingen", json=body(persoon, pad.EINDHOVEN), headers=pad.gemeente(pad.EINDHOVEN)
    )

    assert (response.status_code, response.json()["leerroute"]) == (201, "z-route")


async def test_a_leerroute_other_than_the_decided_one_is_a_400_naming_the_field(
    client, runtime, pad
):
    persoon = await pad.bekend(pad.EINDHOVEN, Leerroute.B1_ROUTE)

    response = await client.post(
        "/verwijzingen",
        json=body(persoon, pad.EINDHOVEN, leerroute="onderwijsroute"),
        headers=pad.gemeente(pad.EINDHOVEN),
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "leerroute-wijkt-af"
    [param] = problem["invalidParams"]
    assert (param["name"], param["code"]) == ("body.leerroute", "leerroute-wijkt-af")
    assert "b1-route" in param["reason"]
    assert await referrals(runtime) == []


async def test_a_case_manager_may_record_the_intakes_education_level(client, pad):
    made = await pad.maak(opleidingsniveau="wo")
    wrong = await client.post(
        "/verwijzingen",
        json=body(await pad.bekend(), pad.EINDHOVEN, opleidingsniveau="doctoraat"),
        headers=pad.gemeente(pad.EINDHOVEN),
    )

    assert made["opleidingsniveau"] == "wo"
    assert wrong.status_code == 400


async def test_someone_unknown_here_cannot_be_referred(client, runtime, pad):
    response = await client.post(
        "/verwijzingen",
        json=body(uuid.uuid4(), pad.EINDHOVEN, leerroute="onderwijsroute"),
        headers=pad.gemeente(pad.EINDHOVEN),
    )

    assert (response.status_code, response.json()["code"]) == (404, "inburgeraar-niet-gevonden")
    assert "(nog) niet bekend" in response.json()["detail"]
    assert await referrals(runtime) == []


@pytest.mark.parametrize("bekend", [True, False], ids=["known", "unknown"])
async def test_a_gemeente_outside_the_network_cannot_refer(client, pad, bekend):
    """Whether or not the person is known: the answer is about the gemeente, not the person."""
    persoon = await pad.bekend(AMSTERDAM) if bekend else uuid.uuid4()

    response = await client.post(
        "/verwijzingen",
        json=body(persoon, AMSTERDAM, leerroute="onderwijsroute"),
        headers=pad.gemeente(AMSTERDAM),
    )

    assert (response.status_code, response.json()["code"]) == (409, "gemeente-niet-in-netwerk")
