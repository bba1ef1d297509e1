"""The lead gemeente sets its verband's allocation policy; rotation and location on PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select, update

from inburgering.contracts.adapters.tables import (
    aanbieder,
    aanbieder_locatie,
    contract,
    plaatsing,
    samenwerkingsverband,
)
from inburgering.shared.auth import Rol
from inburgering.shared.events.vocabulary import Leerroute

pytestmark = pytest.mark.integration


async def extra_contract(
    runtime, regio, kvk: str, capaciteit: int, *, geplaatst: int = 0, locaties=()
) -> uuid.UUID:
    """Another provider with a valid keurmerk and a contract in the test region's verband."""
    aanbieder_id, contract_id = uuid.uuid4(), uuid.uuid4()
    async with runtime.uow() as uow:
        s = uow.session
        await s.execute(
            aanbieder.insert().values(
                id=aanbieder_id,
                kvk=kvk,
                naam=f"Aanbieder {kvk}",
                keurmerk_status="geldig",
                keurmerk_geldig_tot=date(2099, 12, 31),
                taalschakel=False,
            )
        )
        for code in locaties:
            await s.execute(
                aanbieder_locatie.insert().values(aanbieder_id=aanbieder_id, gemeentecode=code)
            )
        await s.execute(
            contract.insert().values(
                id=contract_id,
                samenwerkingsverband_id=regio.verband_id,
                aanbieder_id=aanbieder_id,
                leerroute=Leerroute.B1_ROUTE,
                capaciteit=capaciteit,
                geplaatst=geplaatst,
                prijs_eenheid="traject",
                status="actief",
                periode_start_date=date(2020, 1, 1),
                periode_eind_date=date(2099, 12, 31),
            )
        )
        await uow.commit()
    return contract_id


async def zet_beleid(runtime, regio, beleid: str) -> None:
    async with runtime.uow() as uow:
        await uow.session.execute(
            update(samenwerkingsverband)
            .where(samenwerkingsverband.c.id == regio.verband_id)
            .values(toewijzingsbeleid=beleid)
        )
        await uow.commit()


async def contract_per_plaatsing(runtime) -> list[uuid.UUID | None]:
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(plaatsing.c.contract_id).order_by(plaatsing.c.aangevraagd_at)
        )
        return list(result.scalars().all())


async def bezetting(runtime, *contract_ids) -> list[int]:
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(contract.c.id, contract.c.geplaatst).where(contract.c.id.in_(contract_ids))
        )
        per_id = dict(result.all())
    return [per_id[c] for c in contract_ids]


async def test_the_lead_gemeente_sets_the_policy_and_others_cannot(api, regio, auth):
    pad = f"/samenwerkingsverbanden/{regio.verband_id}/toewijzingsbeleid"
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    response = await api.put(pad, json={"toewijzingsbeleid": "rotatie"}, headers=lead)
    assert response.status_code == 200, response.text
    assert response.json()["toewijzingsbeleid"] == "rotatie"
    [lijst] = (await api.get("/samenwerkingsverbanden", headers=lead)).json()
    assert lijst["toewijzingsbeleid"] == "rotatie"

    # Another region, or a member gemeente acting as regio, finds no such verband.
    for codes in (("GM0855",), (regio.lid,)):
        ander = auth(Rol.REGIO, gemeentecodes=codes)
        weg = await api.put(pad, json={"toewijzingsbeleid": "locatie"}, headers=ander)
        assert weg.status_code == 404
        assert weg.json()["code"] == "samenwerkingsverband-niet-gevonden"
    onbekend = f"/samenwerkingsverbanden/{uuid.uuid4()}/toewijzingsbeleid"
    assert (
        await api.put(onbekend, json={"toewijzingsbeleid": "locatie"}, headers=lead)
    ).status_code == 404
    for rol in (Rol.GEMEENTE, Rol.AANBIEDER, Rol.BEHEER):
        headers = auth(rol, gemeentecodes=(regio.lead,), kvk=regio.kvk_geldig)
        verboden = await api.put(pad, json={"toewijzingsbeleid": "locatie"}, headers=headers)
        assert verboden.status_code == 403
    fout = await api.put(pad, json={"toewijzingsbeleid": "loterij"}, headers=lead)
    assert fout.status_code == 400
    assert fout.json()["invalidParams"][0]["name"] == "body.toewijzingsbeleid"
    [na] = (await api.get("/samenwerkingsverbanden", headers=lead)).json()
    assert na["toewijzingsbeleid"] == "rotatie"


async def test_the_rotation_takes_turns_and_resumes_after_a_restart(
    runtime, regio, vastgesteld, verwerk, postgres_url, runtime_voor
):
    tweede = await extra_contract(runtime, regio, "91000011", capaciteit=50)
    derde = await extra_contract(runtime, regio, "91000012", capaciteit=50)
    await zet_beleid(runtime, regio, "rotatie")
    kring = sorted([regio.contract_geldig, tweede, derde])

    for _ in range(4):
        await verwerk(*vastgesteld(regio.lid))
    assert await contract_per_plaatsing(runtime) == kring + kring[:1]

    # A new process on the same database continues where the rotation stood.
    herstart = await runtime_voor(postgres_url)
    try:
        registration = herstart.parts.handlers.get("nl.inburgering.leerroute-vastgesteld")
        assert registration is not None
        for _ in range(2):
            async with herstart.uow() as uow:
                await registration.handler(uow, *vastgesteld(regio.lid))
                await uow.commit()
    finally:
        await herstart.engine.dispose()
    assert await contract_per_plaatsing(runtime) == kring + kring


async def test_concurrent_rotation_never_overbooks_and_spreads_evenly(
    runtime, regio, vastgesteld, verwerk
):
    # The test region's own contract holds 5; two more hold 5 each: 15 places for 50 people.
    tweede = await extra_contract(runtime, regio, "91000021", capaciteit=5)
    derde = await extra_contract(runtime, regio, "91000022", capaciteit=5)
    await zet_beleid(runtime, regio, "rotatie")
    events = [vastgesteld(regio.lid) for _ in range(50)]
    await asyncio.gather(*(verwerk(event, envelope) for event, envelope in events))

    per_contract = Counter(await contract_per_plaatsing(runtime))
    assert per_contract == {regio.contract_geldig: 5, tweede: 5, derde: 5, None: 35}
    assert await bezetting(runtime, regio.contract_geldig, tweede, derde) == [5, 5, 5]
    assert await bezetting(runtime, regio.contract_geschorst) == [0]


async def test_concurrent_rotation_takes_strict_turns_while_there_is_room(
    runtime, regio, vastgesteld, verwerk
):
    tweede = await extra_contract(runtime, regio, "91000031", capaciteit=100)
    derde = await extra_contract(runtime, regio, "91000032", capaciteit=100)
    async with runtime.uow() as uow:
        await uow.session.execute(
            update(contract).where(contract.c.id == regio.contract_geldig).values(capaciteit=100)
        )
        await uow.commit()
    await zet_beleid(runtime, regio, "rotatie")
    events = [vastgesteld(regio.lid) for _ in range(30)]
    await asyncio.gather(*(verwerk(event, envelope) for event, envelope in events))
    assert await bezetting(runtime, regio.contract_geldig, tweede, derde) == [10, 10, 10]


async def test_the_location_policy_places_near_the_inburgeraar_first(
    runtime, regio, vastgesteld, verwerk, api, auth
):
    # Half full, so the preference order (lowest occupancy) passes it over at first.
    lokaal = await extra_contract(runtime, regio, "91000041", capaciteit=100, geplaatst=50)
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    response = await api.put(
        "/aanbieders/91000041/locaties", json={"gemeentecodes": [regio.lid]}, headers=lead
    )
    assert response.status_code == 200, response.text
    assert response.json()["locaties"] == [regio.lid]

    await verwerk(*vastgesteld(regio.lid))
    await verwerk(*vastgesteld(regio.lead))
    geldig = regio.contract_geldig
    assert await contract_per_plaatsing(runtime) == [geldig, geldig]

    await zet_beleid(runtime, regio, "locatie")
    await verwerk(*vastgesteld(regio.lid))
    await verwerk(*vastgesteld(regio.lead))
    # Best's inburgeraar goes to the provider in Best; Eindhoven's falls back to the order.
    assert (await contract_per_plaatsing(runtime))[2:] == [lokaal, geldig]
    assert await bezetting(runtime, geldig, lokaal) == [3, 51]


async def test_provider_locations_are_set_by_beheer_or_a_contracting_lead_only(api, regio, auth):
    pad = f"/aanbieders/{regio.kvk_geldig}/locaties"
    body = {"gemeentecodes": [regio.lid, regio.lead, regio.lid]}
    beheer = auth(Rol.BEHEER)
    response = await api.put(pad, json=body, headers=beheer)
    assert response.status_code == 200
    assert response.json()["locaties"] == sorted([regio.lid, regio.lead])
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    assert (await api.get(f"/aanbieders/{regio.kvk_geldig}", headers=eigen)).json()[
        "locaties"
    ] == sorted([regio.lid, regio.lead])
    assert (await api.put(pad, json=body, headers=eigen)).status_code == 403
    ander = auth(Rol.REGIO, gemeentecodes=("GM0855",))
    assert (await api.put(pad, json=body, headers=ander)).status_code == 404
    fout = await api.put(pad, json={"gemeentecodes": ["Best"]}, headers=beheer)
    assert fout.status_code == 400
    leeg = await api.put(pad, json={"gemeentecodes": []}, headers=beheer)
    assert leeg.json()["locaties"] == []
