"""A centrumgemeente sets up its region through the API, from an empty database.

Beheer founds a B1-route and a Z-route verband with different members; Eindhoven, their lead,
registers a provider and contracts it for each route. Best is a member for B1 but not for Z;
Helmond leaves the B1 verband. Every step through the API, nothing seeded."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import outbox_message, plaatsing
from inburgering.contracts.handlers.toewijzing import vandaag
from inburgering.shared.auth import Rol
from inburgering.shared.events.vocabulary import Leerroute

pytestmark = pytest.mark.integration

EINDHOVEN, BEST, HELMOND, TILBURG = "GM0772", "GM0753", "GM0794", "GM0855"
KVK = "93000001"


def verband(leerroute: str, leden: dict[str, list[str]], **extra) -> dict:
    start = vandaag() - timedelta(days=30)
    return {
        "naam": f"Inkoop {leerroute} Zuidoost-Brabant",
        "leerroute": leerroute,
        "leadGemeentecode": EINDHOVEN,
        "periodeStart": start.isoformat(),
        "periodeEind": (start + timedelta(days=4 * 365)).isoformat(),
        "leden": [
            {"gemeentecode": code, "rollen": rollen, "ingangsdatum": start.isoformat()}
            for code, rollen in leden.items()
        ],
        **extra,
    }


def contract(verband_id: str, capaciteit: int = 10, **extra) -> dict:
    return {
        "samenwerkingsverbandId": verband_id,
        "aanbiederKvk": KVK,
        "perceel": {"code": "P1", "naam": "Perceel 1"},
        "capaciteit": capaciteit,
        "prijsEenheid": "traject",
        "prijsBedrag": "9500.00",
        "periodeStart": (vandaag() - timedelta(days=30)).isoformat(),
        "periodeEind": (vandaag() + timedelta(days=730)).isoformat(),
        "verlengingsopties": 2,
        **extra,
    }


AANBIEDER = {
    "kvk": KVK,
    "naam": "Taalhuis Kempen",
    "keurmerk": {"status": "geldig", "nummer": "KI-123", "geldigTot": "2099-12-31"},
    "taalschakel": False,
    "duoInstellingsnummer": "00001A0001",
    "locaties": [EINDHOVEN, BEST],
    "contact": {"email": "portaal@taalhuis.example", "telefoon": "+31 40 123 4567"},
}


@pytest.fixture
async def ingericht(api, auth) -> dict[str, str]:
    beheer = auth(Rol.BEHEER)
    b1 = await api.post(
        "/samenwerkingsverbanden",
        json=verband(
            "b1-route",
            {
                EINDHOVEN: ["inkoop", "contractbeheer"],
                BEST: ["uitvoering"],
                HELMOND: ["uitvoering"],
            },
        ),
        headers=beheer,
    )
    assert b1.status_code == 201, b1.text
    assert b1.headers["Location"] == f"/v1/samenwerkingsverbanden/{b1.json()['id']}"
    z = await api.post(
        "/samenwerkingsverbanden",
        json=verband("z-route", {EINDHOVEN: ["inkoop"], HELMOND: ["uitvoering"]}),
        headers=beheer,
    )
    assert z.status_code == 201, z.text
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    aanbieder = await api.post("/aanbieders", json=AANBIEDER, headers=lead)
    assert aanbieder.status_code == 201, aanbieder.text
    ids = {"b1": b1.json()["id"], "z": z.json()["id"]}
    for route, verband_id in list(ids.items()):
        gesloten = await api.post("/contracten", json=contract(verband_id), headers=lead)
        assert gesloten.status_code == 201, gesloten.text
        ids[f"contract_{route}"] = gesloten.json()["id"]
    return ids


async def plaatsing_van(runtime, inburgeraar_id: uuid.UUID) -> dict:
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(plaatsing).where(plaatsing.c.inburgeraar_id == inburgeraar_id)
        )
        return dict(result.mappings().one())


async def laatste_event(runtime) -> dict:
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(outbox_message.c.payload).order_by(outbox_message.c.created_at.desc())
        )
        return result.scalars().first()


async def test_a_member_for_b1_but_not_z_is_placed_for_b1_and_told_nothing_covers_z(
    runtime, api, auth, ingericht, vastgesteld, verwerk
):
    b1, envelope = vastgesteld(BEST, Leerroute.B1_ROUTE)
    await verwerk(b1, envelope)
    geplaatst = await plaatsing_van(runtime, b1.inburgeraar_id)
    assert (geplaatst["status"], str(geplaatst["contract_id"])) == (
        "aangevraagd",
        ingericht["contract_b1"],
    )

    z, envelope = vastgesteld(BEST, Leerroute.Z_ROUTE)
    await verwerk(z, envelope)
    wacht = await plaatsing_van(runtime, z.inburgeraar_id)
    assert (wacht["status"], wacht["samenwerkingsverband_id"]) == ("wachtlijst", None)
    signaal = await laatste_event(runtime)
    assert signaal["samenwerkingsverbandId"] is None  # capaciteit-uitgeput: no verband covers

    # Once Eindhoven takes Best into the Z verband, Best's waiting person is placed there.
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    toegevoegd = await api.post(
        f"/samenwerkingsverbanden/{ingericht['z']}/leden",
        json={"gemeentecode": BEST, "rollen": ["uitvoering"], "ingangsdatum": str(vandaag())},
        headers=lead,
    )
    assert toegevoegd.status_code == 201, toegevoegd.text
    nu = await plaatsing_van(runtime, z.inburgeraar_id)
    assert (nu["status"], str(nu["contract_id"])) == ("aangevraagd", ingericht["contract_z"])


async def verband_events(runtime, verband_id: str) -> list[tuple[str, dict]]:
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(outbox_message.c.gemeentecode, outbox_message.c.payload)
            .where(outbox_message.c.event_type == "nl.inburgering.samenwerkingsverband-gewijzigd")
            .order_by(outbox_message.c.position)
        )
        return [
            (code, data)
            for code, data in result.all()
            if data["samenwerkingsverbandId"] == verband_id
        ]


async def test_every_change_of_members_is_published_whole_to_the_lead(
    runtime, api, auth, ingericht
):
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    z = ingericht["z"]
    dag = str(vandaag() + timedelta(days=3))
    erbij = await api.post(
        f"/samenwerkingsverbanden/{z}/leden",
        json={"gemeentecode": BEST, "rollen": ["uitvoering"], "ingangsdatum": dag},
        headers=lead,
    )
    assert erbij.status_code == 201
    eraf = await api.patch(
        f"/samenwerkingsverbanden/{z}/leden/{HELMOND}", json={"einddatum": dag}, headers=lead
    )
    assert eraf.status_code == 200
    events = await verband_events(runtime, z)
    assert [(code, e["versie"]) for code, e in events] == [
        (EINDHOVEN, 1),
        (EINDHOVEN, 2),
        (EINDHOVEN, 3),
    ]
    laatste = events[-1][1]
    assert (laatste["leerroute"], laatste["leadGemeentecode"]) == ("z-route", EINDHOVEN)
    assert {(lid["gemeentecode"], lid["einddatum"]) for lid in laatste["leden"]} == {
        (EINDHOVEN, None),
        (BEST, None),
        (HELMOND, dag),
    }
    # A refused change publishes nothing.
    nogmaals = await api.post(
        f"/samenwerkingsverbanden/{z}/leden",
        json={"gemeentecode": BEST, "ingangsdatum": dag},
        headers=lead,
    )
    assert nogmaals.status_code == 409
    assert len(await verband_events(runtime, z)) == 3


async def test_a_member_that_left_gets_no_new_placements_but_keeps_its_running_ones(
    runtime, api, auth, ingericht, vastgesteld, verwerk
):
    voor, envelope = vastgesteld(HELMOND, Leerroute.B1_ROUTE)
    await verwerk(voor, envelope)
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    uitgetreden = await api.patch(
        f"/samenwerkingsverbanden/{ingericht['b1']}/leden/{HELMOND}",
        json={"einddatum": str(vandaag())},
        headers=lead,
    )
    assert uitgetreden.status_code == 200, uitgetreden.text
    helmond = [lid for lid in uitgetreden.json() if lid["gemeentecode"] == HELMOND]
    assert helmond == [
        {
            "gemeentecode": HELMOND,
            "rollen": ["uitvoering"],
            "ingangsdatum": str(vandaag() - timedelta(days=30)),
            "einddatum": str(vandaag()),
        }
    ]
    na, envelope = vastgesteld(HELMOND, Leerroute.B1_ROUTE)
    await verwerk(na, envelope)
    assert (await plaatsing_van(runtime, na.inburgeraar_id))["status"] == "wachtlijst"
    assert (await plaatsing_van(runtime, voor.inburgeraar_id))["status"] == "aangevraagd"
    gelezen = await api.get(f"/samenwerkingsverbanden/{ingericht['b1']}", headers=lead)
    assert gelezen.json()["leden"] == sorted([EINDHOVEN, BEST])
    # History is kept: Helmond may join again later, as a second membership.
    weer = await api.post(
        f"/samenwerkingsverbanden/{ingericht['b1']}/leden",
        json={"gemeentecode": HELMOND, "ingangsdatum": str(vandaag() + timedelta(days=10))},
        headers=lead,
    )
    assert weer.status_code == 201, weer.text
    assert [lid["gemeentecode"] for lid in weer.json()].count(HELMOND) == 2


async def test_only_the_lead_manages_and_strangers_see_nothing(api, auth, ingericht):
    b1 = ingericht["b1"]
    lid_erbij = {"gemeentecode": TILBURG, "ingangsdatum": str(vandaag())}
    tilburg = auth(Rol.REGIO, gemeentecodes=(TILBURG,))
    onbekend = str(uuid.uuid4())
    for verband_id in (b1, onbekend):
        assert (
            await api.get(f"/samenwerkingsverbanden/{verband_id}", headers=tilburg)
        ).status_code == 404
        for call in (
            api.post(
                f"/samenwerkingsverbanden/{verband_id}/leden", json=lid_erbij, headers=tilburg
            ),
            api.patch(
                f"/samenwerkingsverbanden/{verband_id}/leden/{BEST}",
                json={"einddatum": str(vandaag())},
                headers=tilburg,
            ),
            api.post("/contracten", json=contract(verband_id), headers=tilburg),
        ):
            response = await call
            assert (response.status_code, response.json()["code"]) == (
                404,
                "samenwerkingsverband-niet-gevonden",
            )
    for rol in (Rol.GEMEENTE, Rol.REGIO):
        best = auth(rol, gemeentecodes=(BEST,))
        assert (await api.get(f"/samenwerkingsverbanden/{b1}", headers=best)).status_code == 200
        geweigerd = await api.post(
            f"/samenwerkingsverbanden/{b1}/leden", json=lid_erbij, headers=best
        )
        assert (geweigerd.status_code, geweigerd.json()["code"]) == (403, "alleen-trekker-beheert")
    best_regio = auth(Rol.REGIO, gemeentecodes=(BEST,))
    assert (await api.post("/contracten", json=contract(b1), headers=best_regio)).status_code == 403
    # A gemeente founds only a verband it leads itself.
    eigen = await api.post(
        "/samenwerkingsverbanden",
        json=verband("onderwijsroute", {TILBURG: ["inkoop"]}),
        headers=auth(Rol.GEMEENTE, gemeentecodes=(TILBURG,)),
    )
    assert eigen.status_code == 403
    for rol in (Rol.AANBIEDER, Rol.INSTELLING, Rol.DUO):
        headers = auth(rol, gemeentecodes=(EINDHOVEN,), kvk=KVK)
        assert (
            await api.post("/samenwerkingsverbanden", json=verband("z-route", {}), headers=headers)
        ).status_code == 403


async def test_bad_region_input_is_refused_whole(runtime, api, auth, ingericht):
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    start = vandaag() - timedelta(days=30)
    dubbel = await api.post(
        f"/samenwerkingsverbanden/{ingericht['b1']}/leden",
        json={"gemeentecode": BEST, "ingangsdatum": str(start + timedelta(days=5))},
        headers=lead,
    )
    assert (dubbel.status_code, dubbel.json()["code"]) == (409, "lidmaatschap-overlapt")
    buiten_looptijd = await api.post(
        f"/samenwerkingsverbanden/{ingericht['b1']}/leden",
        json={"gemeentecode": TILBURG, "ingangsdatum": str(start - timedelta(days=1))},
        headers=lead,
    )
    assert (buiten_looptijd.status_code, buiten_looptijd.json()["code"]) == (
        400,
        "ongeldig-lidmaatschap",
    )
    geen_lid = await api.post(
        "/contracten",
        json=contract(ingericht["b1"], aandelen=[{"gemeentecode": TILBURG, "capaciteit": 2}]),
        headers=lead,
    )
    assert (geen_lid.status_code, geen_lid.json()["code"]) == (400, "ongeldig-contract")
    onbekende_aanbieder = await api.post(
        "/contracten", json=contract(ingericht["b1"], aanbiederKvk="93999999"), headers=lead
    )
    assert onbekende_aanbieder.status_code == 404
    nogmaals = await api.post("/aanbieders", json=AANBIEDER, headers=lead)
    assert (nogmaals.status_code, nogmaals.json()["code"]) == (409, "aanbieder-bestaat-al")
    stuurteken = await api.post(
        "/aanbieders", json={**AANBIEDER, "kvk": "93000002", "naam": "Taal\x00huis"}, headers=lead
    )
    assert stuurteken.status_code == 400
    meerdere = await api.post(
        "/samenwerkingsverbanden",
        json={**verband("z-route", {}), "naam": "\u202eZ", "leerroute": "c-route"},
        headers=auth(Rol.BEHEER),
    )
    assert meerdere.status_code == 400
    assert {p["name"] for p in meerdere.json()["invalidParams"]} == {"body.naam", "body.leerroute"}

    aanbieder = await api.get(f"/aanbieders/{KVK}", headers=lead)
    assert aanbieder.json()["duoInstellingsnummer"] == "00001A0001"
    assert aanbieder.json()["contact"] == AANBIEDER["contact"]
    contracten = (await api.get("/contracten", headers=lead)).json()
    assert {c["perceel"]["code"] for c in contracten} == {"P1"}
    assert len(contracten) == 2
