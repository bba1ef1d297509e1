"""GET /verwijzingen: tenant scope, filters and the read shape, on the real database."""

from __future__ import annotations

import uuid

import pytest

from inburgering.referrals.handlers import when_leerroute_vastgesteld_maak_verwijzing
from inburgering.shared.auth import Rol
from inburgering.shared.events.vocabulary import Ambitie

pytestmark = pytest.mark.integration

EINDHOVEN, TILBURG = "GM0772", "GM0855"


@pytest.fixture
def verwijs(runtime, besluit, envelope_for):
    async def create(**overrides) -> uuid.UUID:
        event = besluit(**overrides)
        async with runtime.uow() as uow:
            await when_leerroute_vastgesteld_maak_verwijzing(uow, event, envelope_for(event))
            await uow.commit()
        return event.inburgeraar_id

    return create


async def test_own_gemeente_reads_the_verwijzing(client, auth, verwijs):
    inburgeraar_id = await verwijs(gemeentecode=EINDHOVEN, ambitie=Ambitie.WO)

    listed = await client.get("/verwijzingen", headers=auth(EINDHOVEN))

    assert listed.status_code == 200
    [item] = listed.json()
    assert {"id", "inburgeraarId", "gemeentecode", "niveau", "status", "aangemaaktOp"} <= set(item)
    assert (item["leerroute"], item["cohortId"], item["dossier"]) == ("onderwijsroute", None, None)
    assert [stap["status"] for stap in item["stappen"]] == ["aangemaakt"]
    assert item["inburgeraarId"] == str(inburgeraar_id)
    assert (item["gemeentecode"], item["niveau"], item["status"]) == (EINDHOVEN, "wo", "aangemaakt")
    assert item["aangemaaktOp"].endswith("Z") or item["aangemaaktOp"].endswith("+00:00")

    one = await client.get(f"/verwijzingen/{item['id']}", headers=auth(EINDHOVEN))
    assert one.status_code == 200
    assert one.json() == item


async def test_another_gemeente_gets_404_and_an_empty_list(client, auth, verwijs):
    inburgeraar_id = await verwijs(gemeentecode=EINDHOVEN)
    [item] = (await client.get("/verwijzingen", headers=auth(EINDHOVEN))).json()

    one = await client.get(f"/verwijzingen/{item['id']}", headers=auth(TILBURG))
    listed = await client.get("/verwijzingen", headers=auth(TILBURG))
    filtered = await client.get(
        "/verwijzingen", params={"inburgeraarId": str(inburgeraar_id)}, headers=auth(TILBURG)
    )

    assert one.status_code == 404
    assert one.headers["content-type"].startswith("application/problem+json")
    assert one.json()["code"] == "verwijzing-niet-gevonden"
    assert listed.status_code == 200 and listed.json() == []
    assert filtered.status_code == 200 and filtered.json() == []


async def test_unknown_verwijzing_is_the_same_404_as_another_tenants(client, auth):
    response = await client.get(f"/verwijzingen/{uuid.uuid4()}", headers=auth(EINDHOVEN))
    assert response.status_code == 404
    assert response.json()["code"] == "verwijzing-niet-gevonden"


async def test_list_filters_by_inburgeraar_and_pages(client, auth, verwijs):
    first = await verwijs(gemeentecode=EINDHOVEN)
    second = await verwijs(gemeentecode=EINDHOVEN)
    await verwijs(gemeentecode=TILBURG)

    everything = await client.get("/verwijzingen", headers=auth(EINDHOVEN))
    filtered = await client.get(
        "/verwijzingen", params={"inburgeraarId": str(second)}, headers=auth(EINDHOVEN)
    )
    page = await client.get(
        "/verwijzingen", params={"limit": 1, "offset": 1}, headers=auth(EINDHOVEN)
    )
    both = await client.get("/verwijzingen", headers=auth(EINDHOVEN, TILBURG))

    assert {v["inburgeraarId"] for v in everything.json()} == {str(first), str(second)}
    assert [v["inburgeraarId"] for v in filtered.json()] == [str(second)]
    assert [v["id"] for v in page.json()] == [everything.json()[1]["id"]]
    assert len(both.json()) == 3


async def test_verwijzingen_need_a_token_and_the_gemeente_role(client, auth):
    anonymous = await client.get("/verwijzingen")
    instelling = await client.get(
        "/verwijzingen", headers=auth(rol=Rol.INSTELLING, instelling=str(uuid.uuid4()))
    )
    regio = await client.get("/verwijzingen", headers=auth(EINDHOVEN, rol=Rol.REGIO))

    assert anonymous.status_code == 401
    assert instelling.status_code == 403
    assert regio.status_code == 403


async def test_malformed_ids_are_400_problems_naming_the_field(client, auth):
    query = await client.get(
        "/verwijzingen", params={"inburgeraarId": "geen-uuid"}, headers=auth(EINDHOVEN)
    )
    path = await client.get("/verwijzingen/123", headers=auth(EINDHOVEN))

    assert (query.status_code, path.status_code) == (400, 400)
    assert [p["name"] for p in query.json()["invalidParams"]] == ["query.inburgeraarId"]
    assert [p["name"] for p in path.json()["invalidParams"]] == ["path.verwijzing_id"]
