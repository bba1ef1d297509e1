"""The programme catalogue and the demo network it is seeded from."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from inburgering.referrals.adapters.tables import instelling, netwerk_gemeente, opleiding
from inburgering.referrals.seed import INSTELLINGEN, NETWERKGEMEENTEN, instelling_id
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration


async def counts(runtime) -> tuple[int, int, int]:
    async with runtime.engine.connect() as conn:
        found = [
            (await conn.execute(select(func.count()).select_from(table))).scalar_one()
            for table in (netwerk_gemeente, instelling, opleiding)
        ]
    return tuple(found)


async def test_seeding_twice_changes_nothing(runtime):
    before = await counts(runtime)

    async with runtime.uow() as uow:
        await runtime.parts.seed(uow)
        await uow.commit()

    expected_programmes = sum(len(i.opleidingen) for i in INSTELLINGEN)
    assert before == (len(NETWERKGEMEENTEN), len(INSTELLINGEN), expected_programmes)
    assert await counts(runtime) == before


async def test_demo_network_holds_the_big_brabant_cities(runtime):
    async with runtime.engine.connect() as conn:
        codes = set((await conn.execute(select(netwerk_gemeente.c.gemeentecode))).scalars())
    assert codes == {"GM0772", "GM0855", "GM0758", "GM0796", "GM0794"}


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"rol": Rol.INSTELLING, "instelling": "fontys"}, id="instelling"),
        pytest.param({"rol": Rol.AANBIEDER, "kvk": "12345678"}, id="aanbieder"),
        pytest.param({"rol": Rol.GEMEENTE}, id="gemeente"),
    ],
)
async def test_any_authenticated_role_reads_the_catalogue(client, auth, claims):
    response = await client.get("/opleidingen", params={"limit": 200}, headers=auth(**claims))

    assert response.status_code == 200
    catalogue = response.json()
    assert len(catalogue) == sum(len(i.opleidingen) for i in INSTELLINGEN)
    fontys = str(instelling_id("fontys"))
    pre_bachelor = next(o for o in catalogue if o["naam"] == "Pre-bachelor Tilburg")
    assert pre_bachelor["instellingId"] == fontys
    assert pre_bachelor["instellingNaam"] == "Fontys Hogescholen"
    assert (pre_bachelor["soort"], pre_bachelor["niveau"]) == ("pre-bachelor-hbo", "hbo")
    assert set(pre_bachelor) == {
        "id",
        "naam",
        "soort",
        "niveau",
        "instellingId",
        "instellingNaam",
        "taalniveauBijStart",
        "engelsNiveau",
        "wiskundeNiveau",
        "diplomawaarderingVereist",
    }
    assert (pre_bachelor["taalniveauBijStart"], pre_bachelor["diplomawaarderingVereist"]) == (
        "B2",
        True,
    )


async def test_catalogue_pages(client, auth):
    headers = auth(rol=Rol.BEHEER)
    full = (await client.get("/opleidingen", params={"limit": 200}, headers=headers)).json()
    page = await client.get("/opleidingen", params={"limit": 2, "offset": 1}, headers=headers)
    assert page.json() == full[1:3]


async def test_catalogue_needs_a_token(client):
    assert (await client.get("/opleidingen")).status_code == 401


async def test_an_institution_maintains_its_own_programmes_entry_requirements(client, pad):
    """The checklist of a referral to the programme follows the changed requirement."""
    verwijzing_id = await pad.ingediend()  # B1 now; the programme asks B2 by the start
    opleiding_id = (
        await client.get(f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN))
    ).json()["opleidingId"]
    eisen = {
        "taalniveauBijStart": "B1",
        "engelsNiveau": "havo-4",
        "diplomawaarderingVereist": False,
    }

    changed = await client.put(
        f"/opleidingen/{opleiding_id}/toelatingseisen",
        json=eisen,
        headers=pad.instelling(pad.FONTYS),
    )
    other = await client.put(
        f"/opleidingen/{opleiding_id}/toelatingseisen", json=eisen, headers=pad.instelling(pad.TIU)
    )
    gemeente = await client.put(
        f"/opleidingen/{opleiding_id}/toelatingseisen", json=eisen, headers=pad.gemeente()
    )

    assert changed.status_code == 200, changed.text
    assert {k: changed.json()[k] for k in (*eisen, "wiskundeNiveau")} == {
        **eisen,
        "wiskundeNiveau": None,
    }
    assert (other.status_code, other.json()["code"]) == (404, "opleiding-niet-gevonden")
    assert gemeente.status_code == 403
    seen = await client.get(f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN))
    checks = {c["item"]: c["uitkomst"] for c in seen.json()["checklist"]}
    assert checks["taalniveau-eis-bij-start"] == "voldaan"


async def test_entry_requirements_are_validated_as_a_whole(client, pad):
    opleiding_id = (
        await client.get(
            "/opleidingen", params={"instellingId": str(pad.FONTYS)}, headers=pad.gemeente()
        )
    ).json()[0]["id"]

    response = await client.put(
        f"/opleidingen/{opleiding_id}/toelatingseisen",
        json={"taalniveauBijStart": "B3", "engelsNiveau": "x" * 101},
        headers=pad.instelling(pad.FONTYS),
    )

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert len(response.json()["invalidParams"]) == 3
