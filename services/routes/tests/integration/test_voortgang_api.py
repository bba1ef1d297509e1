"""Progress toward completion through the API and contracts' events, on PostgreSQL (R10, R11)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from inburgering.shared.auth import Rol
from inburgering.shared.events.contracts import (
    TrajectAfgerond,
    TrajectUitgevallen,
    VoortgangGerapporteerd,
)
from inburgering.shared.events.vocabulary import Doelgroep, LeerbaarheidstoetsUitslag, Leerroute

from .conftest import GEMEENTE, uren_mijlpaal

pytestmark = pytest.mark.integration

DAG = date(2026, 11, 20)
Z_ROUTE = {"leerbaarheidstoets": LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR}


async def vastgesteld(client, auth, handle, **feiten: Any) -> uuid.UUID:
    event = await handle(**feiten)
    [advies] = (
        await client.get(
            "/leerroute-adviezen",
            params={"inburgeraarId": str(event.inburgeraar_id)},
            headers=auth(),
        )
    ).json()
    response = await client.post(
        f"/leerroute-adviezen/{advies['id']}/vaststellen", json={}, headers=auth()
    )
    assert response.status_code == 200, response.text
    return event.inburgeraar_id


def voortgang_gerapporteerd(persoon: uuid.UUID, plaatsing: uuid.UUID, uren: float):
    return VoortgangGerapporteerd(
        plaatsing_id=plaatsing,
        inburgeraar_id=persoon,
        gemeentecode=GEMEENTE,
        aanbieder_kvk="12345678",
        peildatum=DAG,
        inzet="voldoende",
        taalniveau="A1",
        uren_aanwezig=uren,
        uren_geoorloofd_afwezig=0,
        uren_ongeoorloofd_afwezig=0,
    )


def traject_afgerond(persoon: uuid.UUID, plaatsing: uuid.UUID, uren: float) -> TrajectAfgerond:
    return TrajectAfgerond(
        plaatsing_id=plaatsing,
        inburgeraar_id=persoon,
        gemeentecode=GEMEENTE,
        leerroute=Leerroute.Z_ROUTE,
        aanbieder_kvk="12345678",
        einddatum=DAG,
        uren_aanwezig=uren,
    )


async def test_course_hours_count_the_highest_report_per_placement_over_all_placements(
    client, auth, handle, deliver
) -> None:
    persoon = await vastgesteld(client, auth, handle, **Z_ROUTE)
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await deliver(voortgang_gerapporteerd(persoon, a, 300))
    await deliver(uren_mijlpaal(persoon, 400, plaatsing_id=a, erkend=False))
    await deliver(voortgang_gerapporteerd(persoon, a, 250))  # late: never lowers the total
    await deliver(traject_afgerond(persoon, b, 150))
    await deliver(
        TrajectUitgevallen(
            plaatsing_id=c,
            inburgeraar_id=persoon,
            gemeentecode=GEMEENTE,
            leerroute=Leerroute.Z_ROUTE,
            aanbieder_kvk="12345678",
            einddatum=DAG,
            reden="verhuisd",
            uren_aanwezig=20.5,
        )
    )

    body = (await client.get(f"/inburgeraars/{persoon}/voortgang", headers=auth())).json()

    assert body["cursusuren"] == {"geregistreerd": 570.5, "norm": 800, "aftrek": 0}
    assert body["participatieUren"] == {"geregistreerd": 0, "norm": 800, "aftrek": 0}
    assert body["leerroute"] == "z-route"
    assert body["voorwaardenVervuld"] is False
    assert body["ontbreekt"] == [
        "pvt-uren",
        "pvt-ondertekend",
        "map-afgerond",
        "z-route-cursusuren",
        "z-route-participatie-uren",
        "z-route-eindgesprek",
    ]
    regels = {v["code"]: (v["regel"], v["artikel"]) for v in body["voorwaarden"]}
    assert regels["z-route-participatie-uren"] == (
        "R10",
        "art. 3.14 lid 2 en 5 Besluit inburgering 2021",
    )
    assert regels["pvt-uren"][0] == "R11"


async def test_an_asielstatushouder_completes_the_z_route_once(
    client, auth, handle, deliver, outbox
) -> None:
    persoon = await vastgesteld(client, auth, handle, **Z_ROUTE)
    await deliver(traject_afgerond(persoon, uuid.uuid4(), 800))
    pad = f"/inburgeraars/{persoon}"

    pvt = await client.put(
        f"{pad}/pvt", json={"uren": 12, "ondertekendOp": "2026-11-01"}, headers=auth()
    )
    assert pvt.status_code == 200, pvt.text
    assert pvt.json()["pvt"] == {"uren": 12, "ondertekendOp": "2026-11-01"}
    map_ = await client.put(
        f"{pad}/map",
        json={"status": "afgerond", "uren": 40, "eindgesprekOp": "2026-11-10"},
        headers=auth(),
    )
    assert map_.json()["participatieUren"]["norm"] == 748  # 800 − 12 PVT − 40 MAP
    activiteit = {"datum": "2026-11-15", "uren": 700, "omschrijving": "vrijwilligerswerk"}
    # Free text refuses NUL and bidi overrides, naming the field (it was a 500 before).
    for teken in ("\x00", "\u202e"):
        fout = {**activiteit, "omschrijving": f"vrijwilligers{teken}werk"}
        geweigerd = await client.post(f"{pad}/participatie-activiteiten", json=fout, headers=auth())
        assert geweigerd.status_code == 400, geweigerd.text
        assert geweigerd.json()["invalidParams"][0]["name"] == "body.omschrijving"
    first = await client.post(f"{pad}/participatie-activiteiten", json=activiteit, headers=auth())
    assert first.status_code == 201, first.text
    assert first.json()["ontbreekt"] == ["z-route-participatie-uren", "z-route-eindgesprek"]
    await client.post(
        f"{pad}/participatie-activiteiten", json={**activiteit, "uren": 48}, headers=auth()
    )
    assert await outbox("route-afronding-bereikt") == []

    done = await client.put(
        f"{pad}/z-route-eindgesprek", json={"gehoudenOp": "2026-11-27"}, headers=auth()
    )

    assert done.status_code == 200, done.text
    assert done.json()["voorwaardenVervuld"] is True
    assert done.json()["ontbreekt"] == []
    assert done.json()["afrondingBereiktOp"] is not None
    # More hours and a repeated eindgesprek do not announce it again.
    await client.post(f"{pad}/participatie-activiteiten", json=activiteit, headers=auth())
    await client.put(
        f"{pad}/z-route-eindgesprek", json={"gehoudenOp": "2026-11-28"}, headers=auth()
    )
    [row] = await outbox("route-afronding-bereikt")
    assert row["payload"] == {
        "inburgeraarId": str(persoon),
        "gemeentecode": GEMEENTE,
        "leerroute": "z-route",
        "cursusuren": 800.0,
        "participatieUren": 748.0,
        "datum": "2026-11-28",
    }


async def test_a_gezinsmigrant_completes_when_the_last_course_hours_arrive_from_contracts(
    client, auth, handle, deliver, outbox
) -> None:
    """[Bi] 3.14.3: no participation hours; the contracts event is what completes it here."""
    persoon = await vastgesteld(client, auth, handle, doelgroep=Doelgroep.GEZINSMIGRANT, **Z_ROUTE)
    pad = f"/inburgeraars/{persoon}"
    await client.put(f"{pad}/pvt", json={"uren": 14, "ondertekendOp": "2026-11-01"}, headers=auth())
    await client.put(
        f"{pad}/map",
        json={"status": "afgerond", "uren": 40, "eindgesprekOp": "2026-11-10"},
        headers=auth(),
    )
    await client.put(
        f"{pad}/z-route-eindgesprek", json={"gehoudenOp": DAG.isoformat()}, headers=auth()
    )
    plaatsing = uuid.uuid4()
    await deliver(voortgang_gerapporteerd(persoon, plaatsing, 799))
    assert await outbox("route-afronding-bereikt") == []

    await deliver(traject_afgerond(persoon, plaatsing, 801))
    await deliver(traject_afgerond(persoon, plaatsing, 801))  # redelivered

    [row] = await outbox("route-afronding-bereikt")
    assert row["payload"]["participatieUren"] is None
    body = (await client.get(f"{pad}/voortgang", headers=auth())).json()
    assert body["participatieUren"]["norm"] is None
    assert body["voorwaardenVervuld"] is True


async def test_the_b1_route_is_not_complete_without_the_exam_and_has_no_z_route_eindgesprek(
    client, auth, handle, outbox
) -> None:
    persoon = await vastgesteld(client, auth, handle)
    pad = f"/inburgeraars/{persoon}"
    await client.put(f"{pad}/pvt", json={"uren": 12, "ondertekendOp": "2026-11-01"}, headers=auth())
    body = (
        await client.put(
            f"{pad}/map",
            json={"status": "afgerond", "uren": 40, "eindgesprekOp": "2026-11-10"},
            headers=auth(),
        )
    ).json()
    assert body["ontbreekt"] == [
        "examen-knm",
        "examen-lezen",
        "examen-luisteren",
        "examen-schrijven",
        "examen-spreken",
    ]
    [examen] = [v for v in body["voorwaarden"] if v["code"] == "examen-lezen"]
    assert "art. 3.3 Besluit inburgering 2021" in examen["artikel"]

    refused = await client.put(
        f"{pad}/z-route-eindgesprek", json={"gehoudenOp": "2026-11-20"}, headers=auth()
    )

    assert refused.status_code == 409
    assert refused.json()["code"] == "niet-in-z-route"
    assert "R10" in refused.json()["detail"]
    assert await outbox("route-afronding-bereikt") == []


@pytest.mark.parametrize(
    ("pad", "body", "status", "code"),
    [
        ("map", {"status": "afgerond", "uren": 40}, 400, "eindgesprek-vereist"),
        (
            "map",
            {"status": "gestart", "uren": 4, "eindgesprekOp": "2026-11-10"},
            400,
            "eindgesprek-vereist",
        ),
        ("pvt", {"uren": 12, "ondertekendOp": "2026-11-29"}, 400, "datum-in-de-toekomst"),
        ("pvt", {"uren": -1}, 400, "ongeldige-invoer"),
    ],
)
async def test_invalid_registrations_are_refused_with_a_problem(
    client, auth, handle, pad: str, body: dict, status: int, code: str
) -> None:
    persoon = await vastgesteld(client, auth, handle, **Z_ROUTE)

    response = await client.put(f"/inburgeraars/{persoon}/{pad}", json=body, headers=auth())

    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == code


async def test_another_gemeente_and_other_roles_get_nothing(client, auth, handle) -> None:
    persoon = await vastgesteld(client, auth, handle, **Z_ROUTE)
    pad = f"/inburgeraars/{persoon}"
    elders = auth("GM0855")

    assert (await client.get(f"{pad}/voortgang", headers=elders)).status_code == 404
    assert (
        await client.get(f"/inburgeraars/{uuid.uuid4()}/voortgang", headers=auth())
    ).status_code == 404
    put = await client.put(
        f"{pad}/z-route-eindgesprek", json={"gehoudenOp": "2026-11-20"}, headers=elders
    )
    assert put.status_code == 404
    post = await client.post(
        f"{pad}/participatie-activiteiten",
        json={"datum": "2026-11-20", "uren": 5, "omschrijving": "taalcafé"},
        headers=elders,
    )
    assert post.status_code == 404
    # The Z-route eindgesprek is a gemeente action, never a provider's ([Bi] 3.14.4).
    aanbieder = auth(rol=Rol.AANBIEDER)
    put = await client.put(
        f"{pad}/z-route-eindgesprek", json={"gehoudenOp": "2026-11-20"}, headers=aanbieder
    )
    assert put.status_code == 403
    body = (await client.get(f"{pad}/voortgang", headers=auth())).json()
    assert body["zRouteEindgesprekOp"] is None
    assert body["participatieUren"]["geregistreerd"] == 0
    assert (await client.get(f"{pad}/voortgang")).status_code == 401


async def test_hours_before_a_change_to_the_z_route_complete_it_on_the_change(
    client, auth, handle, deliver, outbox
) -> None:
    """[Bi] 5.4.4: course hours from before a change to the Z-route count toward its norm."""
    from .conftest import pip_vastgesteld

    event = await handle(doelgroep=Doelgroep.GEZINSMIGRANT)
    persoon = event.inburgeraar_id
    [advies] = (
        await client.get(
            "/leerroute-adviezen", params={"inburgeraarId": str(persoon)}, headers=auth()
        )
    ).json()
    await client.post(f"/leerroute-adviezen/{advies['id']}/vaststellen", json={}, headers=auth())
    await deliver(pip_vastgesteld(persoon, DAG))
    await deliver(traject_afgerond(persoon, uuid.uuid4(), 820))
    pad = f"/inburgeraars/{persoon}"
    await client.put(f"{pad}/pvt", json={"uren": 12, "ondertekendOp": "2026-11-01"}, headers=auth())
    await client.put(
        f"{pad}/map",
        json={"status": "afgerond", "uren": 40, "eindgesprekOp": "2026-11-10"},
        headers=auth(),
    )
    assert await outbox("route-afronding-bereikt") == []
    wijziging = await client.post(
        f"/leerroute-adviezen/{advies['id']}/wijzigen",
        json={"leerroute": "z-route", "motivering": "B1 blijkt niet haalbaar."},
        headers=auth(),
    )
    assert wijziging.status_code == 200, wijziging.text
    assert await outbox("route-afronding-bereikt") == []  # the eindgesprek is still missing

    await client.put(
        f"{pad}/z-route-eindgesprek", json={"gehoudenOp": "2026-11-28"}, headers=auth()
    )

    [row] = await outbox("route-afronding-bereikt")
    assert row["payload"]["cursusuren"] == 820.0
