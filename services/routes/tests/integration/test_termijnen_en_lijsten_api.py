"""The termijn per inburgeraar, lists per gemeente by route, status and coming deadlines, and the
gemeente's own policy values."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from inburgering.shared.events.vocabulary import Ambitie, LeerbaarheidstoetsUitslag

from .conftest import pip_vastgesteld, termijn_verlengd

pytestmark = pytest.mark.integration


async def advies_van(client, auth, persoon: uuid.UUID) -> dict:
    [advies] = (
        await client.get(
            "/leerroute-adviezen", params={"inburgeraarId": str(persoon)}, headers=auth()
        )
    ).json()
    return advies


async def test_the_termijn_and_its_windows_are_readable_per_inburgeraar(
    client, auth, deliver, klok
) -> None:
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, date(2026, 11, 20)))
    await deliver(termijn_verlengd(persoon, date(2030, 5, 21)))
    klok.op(date(2029, 12, 1))

    response = await client.get(f"/inburgeringstermijnen/{persoon}", headers=auth())

    assert response.status_code == 200, response.text
    termijn = response.json()
    verlenging = termijn.pop("verlengingen")
    assert termijn == {
        "inburgeraarId": str(persoon),
        "gemeentecode": "GM0772",
        "bron": "pip",
        "dagtekeningEerstePip": "2026-11-20",
        "startdatum": "2026-11-21",
        "oorspronkelijkeEinddatum": "2029-11-21",
        "einddatum": "2030-05-21",
        "routewijzigingVensterSluit": "2028-05-21",
        "routewijzigingMogelijk": False,
        "verlengingsvensterOpent": "2029-11-21",
        "verlengingsvensterOpen": True,
        "signalen": [
            {"naam": "routewijziging-venster-sluit", "datum": "2028-03-22"},
            {"naam": "verlengingsvenster-geopend", "datum": "2029-11-21"},
            {"naam": "termijn-verloopt", "datum": "2030-02-20"},
        ],
    }
    assert [(v["vorigeEinddatum"], v["nieuweEinddatum"]) for v in verlenging] == [
        ("2029-11-21", "2030-05-21")
    ]


async def test_another_gemeente_does_not_see_the_termijn(client, auth, deliver) -> None:
    persoon = uuid.uuid4()
    await deliver(pip_vastgesteld(persoon, date(2026, 11, 20)))

    andere = await client.get(f"/inburgeringstermijnen/{persoon}", headers=auth("GM0796"))
    onbekend = await client.get(f"/inburgeringstermijnen/{uuid.uuid4()}", headers=auth())

    assert (andere.status_code, andere.json()["code"]) == (404, "termijn-niet-gevonden")
    assert (onbekend.status_code, onbekend.json()["code"]) == (404, "termijn-niet-gevonden")


async def test_lists_filter_by_route_status_gemeente_and_coming_deadlines(
    client, auth, handle, deliver, klok
) -> None:
    b1 = await handle()
    z = await handle(leerbaarheidstoets=LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR)
    later = await handle(ambitie=Ambitie.PARTICIPATIE)
    elders = await handle(gemeentecode="GM0796")
    z_advies = await advies_van(client, auth, z.inburgeraar_id)
    await client.post(f"/leerroute-adviezen/{z_advies['id']}/vaststellen", json={}, headers=auth())
    # b1's change window closes 2028-05-21; later's PIP is a year later.
    await deliver(pip_vastgesteld(b1.inburgeraar_id, date(2026, 11, 20)))
    await deliver(pip_vastgesteld(later.inburgeraar_id, date(2027, 11, 20)))
    klok.op(date(2028, 4, 1))
    beide = auth("GM0772", "GM0796")

    async def ids(**params) -> set[str]:
        response = await client.get("/leerroute-adviezen", params=params, headers=beide)
        assert response.status_code == 200, response.text
        return {a["inburgeraarId"] for a in response.json()}

    assert await ids(leerroute="z-route") == {str(z.inburgeraar_id)}
    assert await ids(status="vastgesteld") == {str(z.inburgeraar_id)}
    assert await ids(status="geadviseerd", leerroute="b1-route") == {
        str(b1.inburgeraar_id),
        str(later.inburgeraar_id),
        str(elders.inburgeraar_id),
    }
    assert await ids(gemeentecode="GM0796") == {str(elders.inburgeraar_id)}
    assert await ids(deadlineBinnenWeken=8) == {str(b1.inburgeraar_id)}
    assert await ids(deadlineBinnenWeken=8, deadline="einde") == set()
    assert await ids(deadlineBinnenWeken=4) == set()
    assert await ids(deadlineBinnenWeken=60, deadline="routewijziging") == {
        str(b1.inburgeraar_id),
        str(later.inburgeraar_id),
    }
    # A gemeentecode the client does not act for yields nothing, not another tenant's data.
    alleen_eigen = await client.get(
        "/leerroute-adviezen", params={"gemeentecode": "GM0796"}, headers=auth()
    )
    assert alleen_eigen.json() == []


EIGEN_35 = {
    "onderwijsrouteMaxLeeftijd": 35,
    "ingangsdatum": "2026-12-01",
    "bron": "gemeente",
    "samenwerkingsverbandId": None,
}


async def test_a_policy_change_applies_from_its_date_and_keeps_earlier_advice(
    client, auth, make_event, deliver, klok
) -> None:
    """Intake completed before the new policy keeps the old limit, even if handled later."""
    nieuw = await client.post(
        "/gemeentebeleid/GM0772",
        json={"onderwijsrouteMaxLeeftijd": 35, "ingangsdatum": "2026-12-01"},
        headers=auth(),
    )
    assert nieuw.status_code == 201, nieuw.text
    assert nieuw.json()["geldend"] == {
        "onderwijsrouteMaxLeeftijd": 28,
        "ingangsdatum": None,
        "bron": "standaard",
        "samenwerkingsverbandId": None,
    }
    assert nieuw.json()["versies"] == [EIGEN_35]
    feiten = {"ambitie": Ambitie.HBO, "leeftijd": 30}
    voor, na = make_event(**feiten), make_event(**feiten)
    klok.op(date(2026, 12, 2))

    await deliver(voor, at=datetime(2026, 11, 30, 12, 0, tzinfo=UTC))
    await deliver(na, at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))

    oud = await advies_van(client, auth, voor.inburgeraar_id)
    recent = await advies_van(client, auth, na.inburgeraar_id)
    assert (oud["geadviseerdeLeerroute"], oud["beleid"]["onderwijsrouteMaxLeeftijd"]) == (
        "b1-route",
        28,
    )
    assert (recent["geadviseerdeLeerroute"], recent["beleid"]) == (
        "onderwijsroute",
        EIGEN_35,
    )
    assert "beleidsgrens van 35 jaar" in recent["uitleg"][-1]
    huidig = await client.get("/gemeentebeleid/GM0772", headers=auth())
    assert huidig.json()["geldend"]["onderwijsrouteMaxLeeftijd"] == 35


async def test_policy_cannot_be_set_retroactively_or_for_another_gemeente(client, auth) -> None:
    vandaag = await client.post(
        "/gemeentebeleid/GM0772",
        json={"onderwijsrouteMaxLeeftijd": 30, "ingangsdatum": "2026-11-28"},
        headers=auth(),
    )
    andere = await client.post(
        "/gemeentebeleid/GM0796",
        json={"onderwijsrouteMaxLeeftijd": 30, "ingangsdatum": "2027-01-01"},
        headers=auth(),
    )
    lezen = await client.get("/gemeentebeleid/GM0796", headers=auth())

    assert (vandaag.status_code, vandaag.json()["code"]) == (400, "beleid-met-terugwerkende-kracht")
    assert andere.status_code == 403
    assert lezen.status_code == 403
    assert (await client.get("/gemeentebeleid/GM0772", headers=auth())).json()["versies"] == []
