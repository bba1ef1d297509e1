"""The provider portal: the life of a placement as its provider reports it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import contract, outbox_message, plaatsing
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration

VANDAAG = date.today()
START = VANDAAG - timedelta(days=60)


async def events(runtime, soort: str | None = None) -> list[dict]:
    async with runtime.uow() as uow:
        query = select(outbox_message).order_by(outbox_message.c.position)
        rows = (await uow.session.execute(query)).mappings().all()
    return [
        {"type": r["event_type"].removeprefix("nl.inburgering."), **r["payload"]}
        for r in rows
        if soort is None or r["event_type"] == f"nl.inburgering.{soort}"
    ]


async def status_van(runtime, plaatsing_id) -> str:
    async with runtime.uow() as uow:
        query = select(plaatsing.c.status).where(plaatsing.c.id == plaatsing_id)
        return (await uow.session.execute(query)).scalar_one()


async def bezet(runtime, contract_id) -> int:
    async with runtime.uow() as uow:
        query = select(contract.c.geplaatst).where(contract.c.id == contract_id)
        return (await uow.session.execute(query)).scalar_one()


@pytest.fixture
def eigen(regio, auth):
    return auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)


@pytest.fixture
async def plaatsing_id(api, regio, vastgesteld, verwerk, eigen):
    await verwerk(*vastgesteld(regio.lid))
    [rij] = (await api.get("/plaatsingen", headers=eigen)).json()
    return rij["id"]


async def gestart(api, plaatsing_id, headers) -> None:
    assert (await api.post(f"/plaatsingen/{plaatsing_id}/acceptatie", headers=headers)).is_success
    start = await api.post(
        f"/plaatsingen/{plaatsing_id}/start",
        json={"startdatum": START.isoformat()},
        headers=headers,
    )
    assert start.status_code == 200, start.text


async def test_a_provider_accepts_starts_reports_and_completes_a_placement(
    api, runtime, regio, plaatsing_id, eigen, auth
):
    geaccepteerd = await api.post(f"/plaatsingen/{plaatsing_id}/acceptatie", headers=eigen)
    assert geaccepteerd.status_code == 200
    assert geaccepteerd.json()["status"] == "geaccepteerd"
    start = await api.post(
        f"/plaatsingen/{plaatsing_id}/start",
        json={"startdatum": START.isoformat()},
        headers=eigen,
    )
    assert start.json()["status"] == "gestart"
    assert start.json()["startdatum"] == START.isoformat()

    voortgang = await api.post(
        f"/plaatsingen/{plaatsing_id}/voortgangsrapportages",
        json={"peildatum": VANDAAG.isoformat(), "inzet": "voldoende", "taalniveau": "A2"},
        headers=eigen,
    )
    assert voortgang.status_code == 201
    examen = await api.post(
        f"/plaatsingen/{plaatsing_id}/examenresultaten",
        json={
            "onderdeel": "lezen",
            "examendatum": VANDAAG.isoformat(),
            "niveau": "B1",
            "behaald": True,
        },
        headers=eigen,
    )
    assert examen.status_code == 201
    # The placing gemeente reads what the provider reported; another gemeente cannot.
    for lezer in (eigen, auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))):
        gelezen = await api.get(f"/plaatsingen/{plaatsing_id}/examenresultaten", headers=lezer)
        assert gelezen.status_code == 200, gelezen.text
        assert [(r["onderdeel"], r["niveau"], r["behaald"]) for r in gelezen.json()] == [
            ("lezen", "B1", True)
        ]
        assert gelezen.json()[0]["id"] == examen.json()["id"]
    anders = auth(Rol.GEMEENTE, gemeentecodes=(regio.buitenstaander,))
    geweigerd = await api.get(f"/plaatsingen/{plaatsing_id}/examenresultaten", headers=anders)
    assert geweigerd.status_code == 404
    afgerond = await api.post(
        f"/plaatsingen/{plaatsing_id}/afronding",
        json={"einddatum": VANDAAG.isoformat()},
        headers=eigen,
    )
    assert afgerond.json()["status"] == "afgerond"
    assert afgerond.json()["einddatum"] == VANDAAG.isoformat()

    soorten = [e["type"] for e in await events(runtime)]
    assert soorten == [
        "plaatsing-aangevraagd",
        "plaatsing-geaccepteerd",
        "traject-gestart",
        "voortgang-gerapporteerd",
        "traject-afgerond",
    ]
    [gestart_event] = await events(runtime, "traject-gestart")
    assert gestart_event == {
        "type": "traject-gestart",
        "plaatsingId": plaatsing_id,
        "inburgeraarId": gestart_event["inburgeraarId"],
        "gemeentecode": regio.lid,
        "leerroute": "b1-route",
        "aanbiederKvk": regio.kvk_geldig,
        "startdatum": START.isoformat(),
        # Registered with the provider, so intake reports the aanbod under DUO's number for it.
        "aanbiederDuoInstellingsnummer": f"00{regio.kvk_geldig}",
    }
    [v] = await events(runtime, "voortgang-gerapporteerd")
    assert (v["inzet"], v["taalniveau"], v["urenAanwezig"]) == ("voldoende", "A2", 0)
    # Completion does not free the place: capacity counts trajecten bought.
    assert await bezet(runtime, regio.contract_geldig) == 1


async def test_attendance_passes_each_hour_milestone_once(api, runtime, regio, plaatsing_id, eigen):
    await gestart(api, plaatsing_id, eigen)
    for dag in range(34):
        response = await api.post(
            f"/plaatsingen/{plaatsing_id}/aanwezigheid",
            json={"datum": (START + timedelta(days=dag)).isoformat(), "aanwezigUren": "24"},
            headers=eigen,
        )
        assert response.status_code == 201, response.text
    assert response.json() == {
        "urenAanwezig": 816.0,
        "urenGeoorloofdAfwezig": 0.0,
        "urenOngeoorloofdAfwezig": 0.0,
        "mijlpalen": [400, 600, 800],
    }
    mijlpalen = await events(runtime, "urenmijlpaal-bereikt")
    assert [(m["mijlpaal"], m["urenTotaal"]) for m in mijlpalen] == [
        (400, 408.0),
        (600, 600.0),
        (800, 816.0),
    ]
    assert all(m["erkendeInstelling"] is True for m in mijlpalen)
    assert {m["gemeentecode"] for m in mijlpalen} == {regio.lid}


async def test_absence_is_excused_or_unexcused_and_a_lesson_day_counts_once(
    api, runtime, plaatsing_id, eigen, regio, auth
):
    await gestart(api, plaatsing_id, eigen)
    url = f"/plaatsingen/{plaatsing_id}/aanwezigheid"
    dag = (START + timedelta(days=1)).isoformat()
    zonder_soort = await api.post(
        url, json={"datum": dag, "aanwezigUren": "1", "afwezigUren": "2"}, headers=eigen
    )
    assert zonder_soort.status_code == 400
    assert zonder_soort.json()["code"] == "ongeldige-aanwezigheid"
    for datum, afwezigheid in (
        (dag, "geoorloofd"),
        ((START + timedelta(days=2)).isoformat(), "ongeoorloofd"),
    ):
        ok = await api.post(
            url,
            json={
                "datum": datum,
                "aanwezigUren": "1.5",
                "afwezigUren": "2",
                "afwezigheid": afwezigheid,
            },
            headers=eigen,
        )
        assert ok.status_code == 201, ok.text
    nogmaals = await api.post(url, json={"datum": dag, "aanwezigUren": "3"}, headers=eigen)
    assert nogmaals.status_code == 409
    assert nogmaals.json()["code"] == "aanwezigheid-al-gemeld"
    toekomst = (VANDAAG + timedelta(days=1)).isoformat()
    later = await api.post(url, json={"datum": toekomst, "aanwezigUren": "3"}, headers=eigen)
    assert later.json()["code"] == "datum-in-de-toekomst"
    voor_start = (START - timedelta(days=1)).isoformat()
    te_vroeg = await api.post(url, json={"datum": voor_start, "aanwezigUren": "3"}, headers=eigen)
    assert te_vroeg.json()["code"] == "datum-voor-start"

    # The placing gemeente reads the same totals.
    gemeente = auth(Rol.GEMEENTE, gemeentecodes=(regio.lid,))
    uren = await api.get(f"/plaatsingen/{plaatsing_id}/uren", headers=gemeente)
    assert uren.json() == {
        "urenAanwezig": 3.0,
        "urenGeoorloofdAfwezig": 2.0,
        "urenOngeoorloofdAfwezig": 2.0,
        "mijlpalen": [],
    }
    gemeld = await api.post(
        f"/plaatsingen/{plaatsing_id}/voortgangsrapportages",
        json={"peildatum": VANDAAG.isoformat(), "inzet": "onvoldoende"},
        headers=eigen,
    )
    assert gemeld.status_code == 201, gemeld.text
    [v] = await events(runtime, "voortgang-gerapporteerd")
    assert (v["urenAanwezig"], v["urenGeoorloofdAfwezig"], v["urenOngeoorloofdAfwezig"]) == (
        3.0,
        2.0,
        2.0,
    )


@pytest.mark.parametrize(
    ("pad", "body", "na"),
    [
        ("start", {"startdatum": START.isoformat()}, "aangevraagd"),
        ("aanwezigheid", {"datum": START.isoformat(), "aanwezigUren": "2"}, "aangevraagd"),
        (
            "voortgangsrapportages",
            {"peildatum": START.isoformat(), "inzet": "voldoende"},
            "aangevraagd",
        ),
        ("afronding", {"einddatum": START.isoformat()}, "aangevraagd"),
        ("acceptatie", None, "geaccepteerd"),
        ("afwijzing", {"reden": "geen-plek"}, "geaccepteerd"),
        ("aanwezigheid", {"datum": START.isoformat(), "aanwezigUren": "2"}, "geaccepteerd"),
        ("afronding", {"einddatum": START.isoformat()}, "geaccepteerd"),
    ],
)
async def test_a_report_that_does_not_fit_the_status_is_a_409(
    api, runtime, plaatsing_id, eigen, pad, body, na
):
    if na == "geaccepteerd":
        await api.post(f"/plaatsingen/{plaatsing_id}/acceptatie", headers=eigen)
    response = await api.post(f"/plaatsingen/{plaatsing_id}/{pad}", json=body, headers=eigen)
    assert response.status_code == 409
    assert response.json()["code"] == "ongeldige-statusovergang"
    assert await status_van(runtime, plaatsing_id) == na


async def test_a_drop_out_after_acceptance_publishes_traject_uitgevallen(
    api, runtime, plaatsing_id, eigen
):
    await api.post(f"/plaatsingen/{plaatsing_id}/acceptatie", headers=eigen)
    uit = await api.post(
        f"/plaatsingen/{plaatsing_id}/uitval",
        json={"einddatum": VANDAAG.isoformat(), "reden": "verhuisd"},
        headers=eigen,
    )
    assert uit.json()["status"] == "uitgevallen"
    [event] = await events(runtime, "traject-uitgevallen")
    assert (event["reden"], event["einddatum"], event["urenAanwezig"]) == (
        "verhuisd",
        VANDAAG.isoformat(),
        0,
    )
    nog = await api.post(
        f"/plaatsingen/{plaatsing_id}/start", json={"startdatum": START.isoformat()}, headers=eigen
    )
    assert nog.status_code == 409


async def test_a_rejection_frees_the_place_and_the_waiting_list_gets_it(
    api, runtime, regio, vastgesteld, verwerk, eigen
):
    for _ in range(6):
        await verwerk(*vastgesteld(regio.lid))
    eigen_lijst = (await api.get("/plaatsingen", headers=eigen)).json()
    assert len(eigen_lijst) == 5
    afgewezen = eigen_lijst[0]["id"]
    async with runtime.uow() as uow:
        wachtend = (
            await uow.session.execute(
                select(plaatsing.c.id).where(plaatsing.c.status == "wachtlijst")
            )
        ).scalar_one()

    response = await api.post(
        f"/plaatsingen/{afgewezen}/afwijzing",
        json={"reden": "niveau-past-niet", "toelichting": "groep zit vol op dit niveau"},
        headers=eigen,
    )
    assert response.status_code == 204
    # The rejecting provider no longer sees it; no other contract has room, so it waits.
    assert (await api.get(f"/plaatsingen/{afgewezen}", headers=eigen)).status_code == 404
    assert await status_van(runtime, afgewezen) == "wachtlijst"
    # The freed place went to the placement that was already waiting.
    assert await status_van(runtime, wachtend) == "aangevraagd"
    assert await bezet(runtime, regio.contract_geldig) == 5

    [afwijzing] = await events(runtime, "plaatsing-afgewezen")
    assert afwijzing["plaatsingId"] == afgewezen
    assert afwijzing["reden"] == "niveau-past-niet"
    assert "toelichting" not in afwijzing
    uitgeput = [e["plaatsingId"] for e in await events(runtime, "capaciteit-uitgeput")]
    assert uitgeput == [str(wachtend), afgewezen]
    aangevraagd = [e["plaatsingId"] for e in await events(runtime, "plaatsing-aangevraagd")]
    assert aangevraagd[-1] == str(wachtend)


async def test_a_rejected_placement_moves_to_another_provider_with_room(
    api, runtime, regio, plaatsing_id, eigen, auth
):
    async with runtime.uow() as uow:
        await uow.session.execute(
            contract.update().where(contract.c.id == regio.contract_ander).values(capaciteit=3)
        )
        await uow.commit()
    await api.post(
        f"/plaatsingen/{plaatsing_id}/afwijzing", json={"reden": "geen-plek"}, headers=eigen
    )
    ander = auth(Rol.AANBIEDER, kvk=regio.kvk_ander)
    verhuisd = await api.get(f"/plaatsingen/{plaatsing_id}", headers=ander)
    assert verhuisd.status_code == 200
    assert verhuisd.json()["status"] == "aangevraagd"
    assert verhuisd.json()["contractId"] == str(regio.contract_ander)
    assert await bezet(runtime, regio.contract_geldig) == 0
    assert await bezet(runtime, regio.contract_ander) == 1
