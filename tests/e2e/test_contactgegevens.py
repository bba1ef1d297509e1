"""Name and address reach the provider only while it has the placement ([Bi] 9.2.3), across the
platform: contracts' acceptance opens the intake's contact data to that provider, no other
provider sees it, and every read is in the gemeente's processing log."""

from __future__ import annotations

import httpx
import pytest

from inburgering.shared.auth import Rol
from tests.e2e.flow import random_bsn, run_skeleton_flow
from tests.e2e.platform import RunningPlatform, eventually, token

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

EINDHOVEN = token(gemeentecodes=["GM0772"])
CONTACT = {
    "naam": {"geslachtsnaam": "Haddad", "voornamen": "Samira"},
    "adres": {
        "straatnaam": "Stratumseind",
        "huisnummer": 12,
        "postcode": "5611EN",
        "woonplaats": "Eindhoven",
    },
}


async def test_the_accepting_provider_reads_name_and_address_and_the_read_is_logged(
    postgres_platform: RunningPlatform,
) -> None:
    p = postgres_platform
    flow = await run_skeleton_flow(p, bsn=random_bsn(), ambitie="werk")
    contact_url = p.url("intake", f"/v1/inburgeraars/{flow.inburgeraar_id}/contactgegevens")
    aanbieder = token(Rol.AANBIEDER, kvk=flow.plaatsing["aanbiederKvk"])
    async with httpx.AsyncClient(timeout=10) as client:
        written = await client.put(contact_url, json=CONTACT, headers=EINDHOVEN)
        assert written.status_code in (200, 204), written.text
        before = await client.get(contact_url, headers=aanbieder)
        accepted = await client.post(
            p.url("contracts", f"/v1/plaatsingen/{flow.plaatsing['id']}/acceptatie"),
            headers=aanbieder,
        )
        assert accepted.status_code == 200, accepted.text

        async def opened() -> httpx.Response | None:
            response = await client.get(contact_url, headers=aanbieder)
            return response if response.status_code == 200 else None

        read = await eventually(opened)
        elders = await client.get(contact_url, headers=token(Rol.AANBIEDER, kvk="99999999"))
        log = await client.get(
            p.url("intake", "/v1/dataverwerkingen"),
            params={"inburgeraarId": flow.inburgeraar_id},
            headers=token(gemeentecodes=["GM0772"], permissions=["privacy"]),
        )

    assert before.status_code == 404
    assert read.json()["naam"]["geslachtsnaam"] == "Haddad"
    assert read.json()["adres"]["postcode"] == "5611EN"
    assert elders.status_code == 404
    reads = [
        r
        for r in log.json()
        if r["naam"] == "GET /v1/inburgeraars/{inburgeraar_id}/contactgegevens"
        and r["status"] == "OK"
    ]
    assert reads, [(r["naam"], r["status"], r["gemeentecode"]) for r in log.json()]
    assert all(r["verwerkingsactiviteit"].endswith(":contactgegevens-verstrekken") for r in reads)
