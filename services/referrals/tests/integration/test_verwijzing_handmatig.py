"""A case manager refers by hand, from any leerroute."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from inburgering.referrals.adapters.tables import outbox_message

pytestmark = pytest.mark.integration


async def test_a_case_manager_refers_from_the_b1_route(client, runtime, pad):
    response = await client.post(
        "/verwijzingen",
        json={
            "inburgeraarId": str(uuid.uuid4()),
            "gemeentecode": pad.EINDHOVEN,
            "niveau": "wo",
            "leerroute": "b1-route",
        },
        headers=pad.gemeente(pad.EINDHOVEN),
    )

    assert response.status_code == 201
    body = response.json()
    assert response.headers["location"] == f"/v1/verwijzingen/{body['id']}"
    assert (body["status"], body["leerroute"], body["niveau"]) == ("aangemaakt", "b1-route", "wo")
    assert (body["opleidingsniveau"], body["poging"], body["pogingen"]) == (None, 1, [])
    async with runtime.engine.connect() as conn:
        [event] = (await conn.execute(select(outbox_message.c.event_type))).scalars().all()
    assert event == "nl.inburgering.verwijzing-aangemaakt"


async def test_a_case_manager_may_record_the_intakes_education_level(client, pad):
    made = await pad.maak(opleidingsniveau="wo")
    wrong = await client.post(
        "/verwijzingen",
        json={
            "inburgeraarId": str(uuid.uuid4()),
            "gemeentecode": pad.EINDHOVEN,
            "niveau": "hbo",
            "leerroute": "onderwijsroute",
            "opleidingsniveau": "doctoraat",
        },
        headers=pad.gemeente(pad.EINDHOVEN),
    )

    assert made["opleidingsniveau"] == "wo"
    assert wrong.status_code == 400


async def test_a_gemeente_outside_the_network_cannot_refer(client, pad):
    amsterdam = "GM0363"
    response = await client.post(
        "/verwijzingen",
        json={
            "inburgeraarId": str(uuid.uuid4()),
            "gemeentecode": amsterdam,
            "niveau": "hbo",
            "leerroute": "onderwijsroute",
        },
        headers=pad.gemeente(amsterdam),
    )
    assert (response.status_code, response.json()["code"]) == (409, "gemeente-niet-in-netwerk")
