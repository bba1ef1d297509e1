"""The lead gemeenten (regio acting for one) and beheer maintain the network's members."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from inburgering.referrals.bootstrap import build_parts
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.auth import Rol
from inburgering.shared.events.vocabulary import Ambitie
from inburgering.shared.persistence.migrations import upgrade
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.testing.service import bearer

from .conftest import verwerk

pytestmark = pytest.mark.integration

EINDHOVEN, TILBURG, BREDA, OSS = "GM0772", "GM0855", "GM0758", "GM0828"
BEHEER = bearer(Rol.BEHEER)
LEAD = bearer(Rol.REGIO, gemeentecodes=[EINDHOVEN])  # Eindhoven leads the demo network
NIET_LEAD = bearer(Rol.REGIO, gemeentecodes=[TILBURG])
OSS_BODY = {"gemeentecode": OSS, "naam": "Oss"}


async def leden(client: httpx.AsyncClient) -> dict[str, bool]:
    response = await client.get("/netwerk/gemeenten", headers=bearer(Rol.GEMEENTE))
    assert response.status_code == 200
    return {g["gemeentecode"]: g["lead"] for g in response.json()}


async def test_a_lead_gemeente_adds_and_removes_a_participant(client):
    added = await client.post("/netwerk/gemeenten", json=OSS_BODY, headers=LEAD)
    assert added.status_code == 201, added.text
    assert added.json() == {**OSS_BODY, "lead": False}
    assert (await leden(client))[OSS] is False

    removed = await client.delete(f"/netwerk/gemeenten/{OSS}", headers=LEAD)
    assert removed.status_code == 204
    assert OSS not in await leden(client)


async def test_only_beheer_appoints_a_lead(client):
    by_lead = await client.post("/netwerk/gemeenten", json={**OSS_BODY, "lead": True}, headers=LEAD)
    by_beheer = await client.post(
        "/netwerk/gemeenten", json={**OSS_BODY, "lead": True}, headers=BEHEER
    )

    assert (by_lead.status_code, by_lead.json()["code"]) == (403, "geen-lead-gemeente")
    assert by_beheer.status_code == 201
    assert (await leden(client))[OSS] is True


@pytest.mark.parametrize(
    "headers",
    [
        NIET_LEAD,
        bearer(Rol.GEMEENTE, gemeentecodes=[EINDHOVEN]),
        bearer(Rol.INSTELLING, instelling="6a0f5f38-5b2f-4a44-8f44-1b1e3a3c1d10"),
        bearer(Rol.AANBIEDER, kvk="12345678"),
    ],
    ids=["regio-niet-lead", "gemeente-eindhoven", "instelling", "aanbieder"],
)
async def test_others_cannot_change_the_network(client, headers):
    before = await leden(client)

    add = await client.post("/netwerk/gemeenten", json=OSS_BODY, headers=headers)
    remove = await client.delete(f"/netwerk/gemeenten/{BREDA}", headers=headers)
    institution = await client.post(
        "/netwerk/instellingen", json={"naam": "Hogeschool X", "soort": "hbo"}, headers=headers
    )

    assert [add.status_code, remove.status_code, institution.status_code] == [403, 403, 403]
    assert await leden(client) == before


async def test_removing_an_unknown_gemeente_is_404_and_a_duplicate_is_409(client):
    unknown = await client.delete(f"/netwerk/gemeenten/{OSS}", headers=LEAD)
    duplicate = await client.post(
        "/netwerk/gemeenten", json={"gemeentecode": TILBURG, "naam": "Tilburg"}, headers=BEHEER
    )
    malformed = await client.delete("/netwerk/gemeenten/Tilburg", headers=BEHEER)

    assert (unknown.status_code, unknown.json()["code"]) == (404, "netwerkgemeente-niet-gevonden")
    assert (duplicate.status_code, duplicate.json()["code"]) == (409, "gemeente-al-in-netwerk")
    assert malformed.status_code == 400


async def test_the_last_lead_cannot_be_removed(client):
    response = await client.delete(f"/netwerk/gemeenten/{EINDHOVEN}", headers=BEHEER)

    assert (response.status_code, response.json()["code"]) == (409, "laatste-lead-gemeente")
    assert (await leden(client))[EINDHOVEN] is True


async def test_removing_a_gemeente_leaves_its_referrals_alone(client, pad):
    verwijzing_id = await pad.ingediend(pad.TILBURG, pad.TIU_COHORT, "wo")

    removed = await client.delete(f"/netwerk/gemeenten/{TILBURG}", headers=LEAD)
    seen = await client.get(f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(TILBURG))
    intake = await pad.stap(verwijzing_id, "intake", door=pad.TIU)
    new = await client.post(
        "/verwijzingen",
        json={
            "inburgeraarId": str(await pad.bekend(TILBURG)),
            "gemeentecode": TILBURG,
            "niveau": "wo",
            "leerroute": "onderwijsroute",
        },
        headers=pad.gemeente(TILBURG),
    )

    assert removed.status_code == 204
    assert (seen.status_code, seen.json()["status"]) == (200, "ingediend")
    assert intake.status_code == 200, intake.text
    assert (new.status_code, new.json()["code"]) == (409, "gemeente-niet-in-netwerk")


async def test_a_lead_adds_an_institution_that_then_maintains_its_own_programmes(client, pad):
    added = await client.post(
        "/netwerk/instellingen", json={"naam": "Hogeschool Zuyd", "soort": "hbo"}, headers=LEAD
    )
    assert added.status_code == 201, added.text
    instelling = added.json()

    listed = await client.get("/netwerk/instellingen", headers=pad.gemeente())
    programme = await client.post(
        "/opleidingen",
        json={"naam": "Schakeljaar", "soort": "schakeljaar", "niveau": "hbo"},
        headers=bearer(Rol.INSTELLING, instelling=instelling["id"]),
    )
    bad_kind = await client.post(
        "/netwerk/instellingen", json={"naam": "Mbo X", "soort": "mbo"}, headers=BEHEER
    )

    assert instelling["soort"] == "hbo"
    assert instelling in listed.json()
    assert programme.status_code == 201
    assert programme.json()["instellingId"] == instelling["id"]
    assert bad_kind.status_code == 400


@pytest.fixture
async def leeg_runtime(postgres_url: str) -> AsyncIterator[ServiceRuntime]:
    """A service without the demo network: everything comes through the API."""
    parts = build_parts(
        ReferralsSettings(
            database_url=postgres_url,
            roles="api",
            kafka_create_topics=False,
            seed_demo_data=False,
        )
    )
    assert parts.seed is None
    await asyncio.to_thread(upgrade, parts.migrations_dir, postgres_url)
    runtime = ServiceRuntime(parts)
    yield runtime
    await runtime.engine.dispose()


@pytest.fixture
async def leeg(leeg_runtime: ServiceRuntime) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=leeg_runtime.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test/v1") as http:
        yield http


async def test_without_demo_data_a_network_built_through_the_api_refers_candidates(
    leeg, leeg_runtime, besluit, envelope_for
):
    async def post(path: str, body: dict, headers: dict) -> dict:
        response = await leeg.post(path, json=body, headers=headers)
        assert response.status_code in (200, 201), response.text
        return response.json()

    assert await leden(leeg) == {}
    await post(
        "/netwerk/gemeenten", {"gemeentecode": EINDHOVEN, "naam": "Eindhoven", "lead": True}, BEHEER
    )
    await post("/netwerk/gemeenten", {"gemeentecode": TILBURG, "naam": "Tilburg"}, LEAD)
    instelling = await post("/netwerk/instellingen", {"naam": "Fontys", "soort": "hbo"}, LEAD)
    als_instelling = bearer(Rol.INSTELLING, instelling=instelling["id"])
    opleiding = await post(
        "/opleidingen",
        {"naam": "Pre-bachelor", "soort": "pre-bachelor-hbo", "niveau": "hbo"},
        als_instelling,
    )
    cohort = await post(
        f"/opleidingen/{opleiding['id']}/cohorten",
        {
            "aanmelddeadline": "2099-06-15",
            "startdatum": "2099-09-01",
            "einddatum": "2100-07-31",
            "plaatsen": 1,
        },
        als_instelling,
    )
    tilburg = bearer(Rol.GEMEENTE, gemeentecodes=[TILBURG])
    # Routes decided the person's leerroute; an mbo ambition proposes nothing by itself.
    besloten = besluit(gemeentecode=TILBURG, ambitie=Ambitie.MBO)
    await verwerk(leeg_runtime, besloten, envelope_for(besloten))
    verwijzing = await post(
        "/verwijzingen",
        {
            "inburgeraarId": str(besloten.inburgeraar_id),
            "gemeentecode": TILBURG,
            "niveau": "hbo",
            "leerroute": "onderwijsroute",
        },
        tilburg,
    )
    await leeg.put(
        f"/verwijzingen/{verwijzing['id']}/dossier",
        json={"diplomawaardering": "vwo", "taalniveau": "B2"},
        headers=tilburg,
    )
    ingediend = await post(
        f"/verwijzingen/{verwijzing['id']}/indiening", {"cohortId": cohort["id"]}, tilburg
    )
    aanmeldingen = await leeg.get("/aanmeldingen", headers=als_instelling)

    assert ingediend["status"] == "ingediend"
    assert ingediend["instellingId"] == instelling["id"]
    assert [a["id"] for a in aanmeldingen.json()] == [verwijzing["id"]]


@pytest.mark.parametrize("teken", ["\x00", "\u202e", "\x1b"])
async def test_a_name_with_a_control_character_is_a_400_naming_the_field(client, teken):
    voor = (await client.get("/netwerk/gemeenten", headers=BEHEER)).json()
    for pad, body in (
        ("/netwerk/gemeenten", {**OSS_BODY, "naam": f"Oss{teken}"}),
        ("/netwerk/instellingen", {"naam": f"Hogeschool{teken}X", "soort": "hbo"}),
    ):
        response = await client.post(pad, json=body, headers=BEHEER)
        assert response.status_code == 400, response.text
        assert [p["name"] for p in response.json()["invalidParams"]] == ["body.naam"]
    assert (await client.get("/netwerk/gemeenten", headers=BEHEER)).json() == voor
