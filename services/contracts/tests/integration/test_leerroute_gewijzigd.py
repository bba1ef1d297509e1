"""A changed leerroute: placements on the old route end, a new one follows where the gemeente
must offer the course ([Wi] 16.1)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import (
    aanbieder,
    contract,
    outbox_message,
    plaatsing,
    samenwerkingsverband,
    samenwerkingsverband_lid,
)
from inburgering.shared.auth import Rol
from inburgering.shared.events.routes import TOPIC as ROUTES_TOPIC
from inburgering.shared.events.routes import LeerrouteGewijzigd
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.messaging import Envelope

pytestmark = pytest.mark.integration

VANDAAG = date.today()
START = VANDAAG - timedelta(days=30)


def gewijzigd(vastgesteld_event, leerroute=Leerroute.Z_ROUTE, ingangsdatum=VANDAAG):
    event = LeerrouteGewijzigd(
        advies_id=vastgesteld_event.advies_id,
        inburgeraar_id=vastgesteld_event.inburgeraar_id,
        gemeentecode=vastgesteld_event.gemeentecode,
        vorige_leerroute=vastgesteld_event.leerroute,
        leerroute=leerroute,
        ingangsdatum=ingangsdatum,
    )
    envelope = Envelope(
        id=str(uuid.uuid4()),
        source="urn:nld:oin:00000000000000000000:systeem:inburgering-routes",
        type=LeerrouteGewijzigd.event_type(),
        time=datetime.now(UTC),
        gemeentecode=event.gemeentecode,
        data=event.to_data(),
        key=str(event.inburgeraar_id),
    )
    return event, envelope


@pytest.fixture
def wijzig(runtime):
    """Apply the handler the service registered for leerroute-gewijzigd, as the consumer does."""
    registration = runtime.parts.handlers.get(LeerrouteGewijzigd.event_type())
    assert registration is not None

    async def apply(event, envelope) -> None:
        async with runtime.uow() as uow:
            await registration.handler(uow, event, envelope)
            await uow.commit()

    return apply


@pytest.fixture
async def z_contract(runtime, regio) -> uuid.UUID:
    """A Z-route verband with Best and Eindhoven, and a contract at the valid provider."""
    verband_id, contract_id = uuid.uuid4(), uuid.uuid4()
    async with runtime.uow() as uow:
        s = uow.session
        aanbieder_id = (
            await s.execute(select(aanbieder.c.id).where(aanbieder.c.kvk == regio.kvk_geldig))
        ).scalar_one()
        await s.execute(
            samenwerkingsverband.insert().values(
                id=verband_id,
                naam="Test Z-route",
                leerroute=Leerroute.Z_ROUTE,
                lead_gemeentecode=regio.lead,
                periode_start_date=date(2020, 1, 1),
                periode_eind_date=date(2099, 12, 31),
            )
        )
        await s.execute(
            samenwerkingsverband_lid.insert(),
            [
                {
                    "samenwerkingsverband_id": verband_id,
                    "gemeentecode": c,
                    "ingangsdatum": date(2020, 1, 1),
                }
                for c in (regio.lid, regio.lead)
            ],
        )
        await s.execute(
            contract.insert().values(
                id=contract_id,
                samenwerkingsverband_id=verband_id,
                aanbieder_id=aanbieder_id,
                leerroute=Leerroute.Z_ROUTE,
                capaciteit=10,
                prijs_eenheid="module",
                status="actief",
                periode_start_date=date(2020, 1, 1),
                periode_eind_date=date(2099, 12, 31),
            )
        )
        await uow.commit()
    return contract_id


async def plaatsingen_van(runtime, inburgeraar_id) -> list:
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(plaatsing)
            .where(plaatsing.c.inburgeraar_id == inburgeraar_id)
            .order_by(plaatsing.c.aangevraagd_at)
        )
        return list(result.mappings().all())


async def events(runtime) -> list[dict]:
    async with runtime.uow() as uow:
        rows = (
            await uow.session.execute(select(outbox_message).order_by(outbox_message.c.position))
        ).mappings()
        return [
            {"type": r["event_type"].removeprefix("nl.inburgering."), **r["payload"]} for r in rows
        ]


async def geplaatst(runtime, contract_id) -> int:
    async with runtime.uow() as uow:
        query = select(contract.c.geplaatst).where(contract.c.id == contract_id)
        return (await uow.session.execute(query)).scalar_one()


def test_the_consumer_subscribes_to_route_changes(runtime):
    assert runtime.parts.handlers.get(LeerrouteGewijzigd.event_type()) is not None
    assert ROUTES_TOPIC in runtime.parts.handlers.topics


async def test_a_placement_not_yet_started_is_withdrawn_its_place_freed_and_a_new_one_made(
    runtime, regio, z_contract, vastgesteld, verwerk, wijzig
):
    # Five places: the first five are placed, the sixth waits.
    besluiten = [vastgesteld(regio.lid) for _ in range(6)]
    for besluit in besluiten:
        await verwerk(*besluit)
    eerste, _ = besluiten[0]
    wachtend, _ = besluiten[5]
    [oud] = await plaatsingen_van(runtime, eerste.inburgeraar_id)
    assert oud["status"] == "aangevraagd"
    voor = len(await events(runtime))

    await wijzig(*gewijzigd(eerste))

    oud_na, nieuw = await plaatsingen_van(runtime, eerste.inburgeraar_id)
    assert (oud_na["status"], oud_na["einde_reden"]) == ("ingetrokken", "leerroute-gewijzigd")
    assert (nieuw["leerroute"], nieuw["status"], nieuw["contract_id"]) == (
        "z-route",
        "aangevraagd",
        z_contract,
    )
    assert nieuw["aanleiding"] == "leerroute-gewijzigd"
    # The freed place went to the one who waited longest.
    [wachter] = await plaatsingen_van(runtime, wachtend.inburgeraar_id)
    assert wachter["status"] == "aangevraagd"
    assert await geplaatst(runtime, regio.contract_geldig) == 5
    assert await geplaatst(runtime, z_contract) == 1

    # The re-filled contract may warn the lead gemeente again; the placements are what count.
    nieuwe = [e for e in (await events(runtime))[voor:] if e["type"].startswith("plaatsing-")]
    assert [e["type"] for e in nieuwe] == [
        "plaatsing-ingetrokken",
        "plaatsing-aangevraagd",
        "plaatsing-aangevraagd",
    ]
    assert nieuwe[0] == {
        "type": "plaatsing-ingetrokken",
        "plaatsingId": str(oud["id"]),
        "inburgeraarId": str(eerste.inburgeraar_id),
        "gemeentecode": regio.lid,
        "leerroute": "b1-route",
        "contractId": str(regio.contract_geldig),
        "aanbiederKvk": regio.kvk_geldig,
        "reden": "leerroute-gewijzigd",
    }
    assert nieuwe[1]["plaatsingId"] == str(nieuw["id"])
    assert nieuwe[1]["leerroute"] == "z-route"
    assert nieuwe[2]["plaatsingId"] == str(wachter["id"])


async def test_a_running_placement_is_ended_with_its_reason_and_a_new_one_requested(
    api, runtime, regio, z_contract, vastgesteld, verwerk, wijzig, auth
):
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    besluit, envelope = vastgesteld(regio.lid)
    await verwerk(besluit, envelope)
    [rij] = (await api.get("/plaatsingen", headers=eigen)).json()
    pad = f"/plaatsingen/{rij['id']}"
    assert (await api.post(f"{pad}/acceptatie", headers=eigen)).is_success
    assert (
        await api.post(f"{pad}/start", json={"startdatum": START.isoformat()}, headers=eigen)
    ).is_success
    les = {"datum": (START + timedelta(days=1)).isoformat(), "aanwezigUren": "3.5"}
    assert (await api.post(f"{pad}/aanwezigheid", json=les, headers=eigen)).status_code == 201

    await wijzig(*gewijzigd(besluit))

    oud, nieuw = await plaatsingen_van(runtime, besluit.inburgeraar_id)
    assert (oud["status"], oud["einddatum"], oud["einde_reden"]) == (
        "beeindigd",
        VANDAAG,
        "leerroute-gewijzigd",
    )
    assert (nieuw["leerroute"], nieuw["status"]) == ("z-route", "aangevraagd")
    # A started traject was bought: its place stays used.
    assert await geplaatst(runtime, regio.contract_geldig) == 1
    [beeindigd] = [e for e in await events(runtime) if e["type"] == "traject-beeindigd"]
    assert beeindigd == {
        "type": "traject-beeindigd",
        "plaatsingId": rij["id"],
        "inburgeraarId": str(besluit.inburgeraar_id),
        "gemeentecode": regio.lid,
        "leerroute": "b1-route",
        "aanbiederKvk": regio.kvk_geldig,
        "einddatum": VANDAAG.isoformat(),
        "reden": "leerroute-gewijzigd",
        "urenAanwezig": 3.5,
    }
    # The provider sees why it ended and can report nothing more.
    gelezen = (await api.get(pad, headers=eigen)).json()
    assert (gelezen["status"], gelezen["eindeReden"]) == ("beeindigd", "leerroute-gewijzigd")
    les = {"datum": (START + timedelta(days=2)).isoformat(), "aanwezigUren": "3"}
    assert (await api.post(f"{pad}/aanwezigheid", json=les, headers=eigen)).status_code == 409


async def test_a_change_before_the_start_date_ends_the_course_on_its_start(
    api, runtime, regio, z_contract, vastgesteld, verwerk, wijzig, auth
):
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    besluit, envelope = vastgesteld(regio.lid)
    await verwerk(besluit, envelope)
    [rij] = (await api.get("/plaatsingen", headers=eigen)).json()
    await api.post(f"/plaatsingen/{rij['id']}/acceptatie", headers=eigen)
    await api.post(
        f"/plaatsingen/{rij['id']}/start", json={"startdatum": START.isoformat()}, headers=eigen
    )
    await wijzig(*gewijzigd(besluit, ingangsdatum=START - timedelta(days=5)))
    oud, _ = await plaatsingen_van(runtime, besluit.inburgeraar_id)
    assert (oud["status"], oud["einddatum"]) == ("beeindigd", START)


async def test_the_same_change_delivered_again_changes_nothing(
    runtime, regio, z_contract, vastgesteld, verwerk, wijzig
):
    besluit, envelope = vastgesteld(regio.lid)
    await verwerk(besluit, envelope)
    wijziging, _ = gewijzigd(besluit)
    await wijzig(*gewijzigd(besluit))
    na_eerste = await events(runtime)
    # Redelivered under a new event id: still the same change.
    _, herhaald = gewijzigd(besluit)
    await wijzig(wijziging, herhaald)
    assert len(await plaatsingen_van(runtime, besluit.inburgeraar_id)) == 2
    assert await events(runtime) == na_eerste
    assert await geplaatst(runtime, z_contract) == 1


async def test_a_waiting_placement_is_withdrawn_and_placed_on_the_new_route(
    runtime, regio, z_contract, vastgesteld, verwerk, wijzig
):
    besluiten = [vastgesteld(regio.lid) for _ in range(6)]
    for besluit in besluiten:
        await verwerk(*besluit)
    wachtend, _ = besluiten[5]
    await wijzig(*gewijzigd(wachtend))
    oud, nieuw = await plaatsingen_van(runtime, wachtend.inburgeraar_id)
    assert (oud["status"], oud["contract_id"]) == ("ingetrokken", None)
    assert (nieuw["status"], nieuw["contract_id"]) == ("aangevraagd", z_contract)
    assert await geplaatst(runtime, regio.contract_geldig) == 5
    ingetrokken = [e for e in await events(runtime) if e["type"] == "plaatsing-ingetrokken"]
    assert [(e["contractId"], e["aanbiederKvk"]) for e in ingetrokken] == [(None, None)]


async def test_without_contracts_on_the_new_route_the_new_placement_waits(
    runtime, regio, vastgesteld, verwerk, wijzig
):
    besluit, envelope = vastgesteld(regio.lid)
    await verwerk(besluit, envelope)
    await wijzig(*gewijzigd(besluit, leerroute=Leerroute.ONDERWIJSROUTE))
    oud, nieuw = await plaatsingen_van(runtime, besluit.inburgeraar_id)
    assert oud["status"] == "ingetrokken"
    assert (nieuw["leerroute"], nieuw["status"]) == ("onderwijsroute", "wachtlijst")
    assert (await events(runtime))[-1]["type"] == "capaciteit-uitgeput"
    assert await geplaatst(runtime, regio.contract_geldig) == 0


async def test_a_gezinsmigrants_course_is_withdrawn_but_not_replaced(
    api, runtime, regio, z_contract, wijzig, auth, vastgesteld, verwerk
):
    gemeente = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    besluit, envelope = vastgesteld(regio.lid)
    await verwerk(besluit.model_copy(update={"doelgroep": Doelgroep.GEZINSMIGRANT}), envelope)
    inburgeraar_id, besluit_id = besluit.inburgeraar_id, besluit.advies_id
    body = {
        "inburgeraarId": str(inburgeraar_id),
        "gemeentecode": regio.lid,
        "leerroute": "b1-route",
        "doelgroep": "gezinsmigrant",
        "leerrouteBesluitId": str(besluit_id),
    }
    assert (await api.post("/plaatsingen", json=body, headers=gemeente)).status_code == 201
    event = LeerrouteGewijzigd(
        advies_id=besluit_id,
        inburgeraar_id=inburgeraar_id,
        gemeentecode=regio.lid,
        vorige_leerroute=Leerroute.B1_ROUTE,
        leerroute=Leerroute.Z_ROUTE,
        ingangsdatum=VANDAAG,
    )
    _, envelope = gewijzigd(event.model_copy(update={"leerroute": Leerroute.B1_ROUTE}))
    await wijzig(event, envelope)
    [oud] = await plaatsingen_van(runtime, inburgeraar_id)
    assert oud["status"] == "ingetrokken"
    assert await geplaatst(runtime, regio.contract_geldig) == 0
    assert await geplaatst(runtime, z_contract) == 0
    # The decision now stands for the new route: a request on the old one contradicts it.
    opnieuw = await api.post("/plaatsingen", json=body, headers=gemeente)
    assert opnieuw.status_code == 400
    assert [p["name"] for p in opnieuw.json()["invalidParams"]] == ["body.leerroute"]


async def test_a_change_for_someone_without_a_placement_does_nothing(
    runtime, regio, vastgesteld, wijzig
):
    besluit, _ = vastgesteld(regio.lid)
    await wijzig(*gewijzigd(besluit))
    assert await plaatsingen_van(runtime, besluit.inburgeraar_id) == []
    assert await events(runtime) == []
