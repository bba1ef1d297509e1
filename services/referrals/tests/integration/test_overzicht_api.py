"""The provincial overview: counts only, for the region and for beheer."""

from __future__ import annotations

import pytest

from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration


async def test_counts_per_gemeente_institution_programme_cohort_and_status(client, auth, pad):
    await pad.ingediend(pad.EINDHOVEN)
    await pad.ingediend(pad.EINDHOVEN)
    await pad.ingediend(pad.TILBURG, cohort=pad.TIU_COHORT, niveau="wo")
    await pad.maak(pad.TILBURG)

    beheer = await client.get("/overzicht", headers=auth(rol=Rol.BEHEER))
    regio = await client.get("/overzicht", headers=auth(pad.TILBURG, rol=Rol.REGIO))

    assert beheer.status_code == 200
    rows = {
        (r["gemeentecode"], r["instellingId"], r["cohortId"], r["status"]): r["aantal"]
        for r in beheer.json()
    }
    assert rows == {
        (pad.EINDHOVEN, str(pad.FONTYS), str(pad.FONTYS_COHORT), "ingediend"): 2,
        (pad.TILBURG, str(pad.TIU), str(pad.TIU_COHORT), "ingediend"): 1,
        (pad.TILBURG, None, None, "aangemaakt"): 1,
    }
    assert set(beheer.json()[0]) == {
        "gemeentecode",
        "instellingId",
        "opleidingId",
        "cohortId",
        "status",
        "aantal",
    }
    assert {r["gemeentecode"] for r in regio.json()} == {pad.TILBURG}


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"rol": Rol.GEMEENTE, "gemeentecodes": ["GM0772"]}, id="gemeente"),
        pytest.param({"rol": Rol.INSTELLING, "instelling": "x"}, id="instelling"),
    ],
)
async def test_the_overview_is_for_region_and_beheer_only(client, auth, claims):
    codes = claims.pop("gemeentecodes", [])
    response = await client.get("/overzicht", headers=auth(*codes, **claims))
    assert response.status_code == 403
