"""The demand forecast of a verband through the API, and its shortfall signal, from an empty
region: a verband founded through the API, people arriving as intake's and routes' events."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date

import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import outbox_message
from inburgering.contracts.handlers import prognose
from inburgering.shared.auth import Rol
from inburgering.shared.events.intake import InburgeraarAangemeld
from inburgering.shared.events.routes import LeerrouteGeadviseerd
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

pytestmark = pytest.mark.integration

EINDHOVEN, BEST, TILBURG = "GM0772", "GM0753", "GM0855"
PEILDATUM = date(2026, 11, 15)
KVK = "96000001"


@pytest.fixture
async def verband(api, auth) -> dict[str, str]:
    beheer = auth(Rol.BEHEER)
    opgericht = await api.post(
        "/samenwerkingsverbanden",
        json={
            "naam": "Z-route",
            "leerroute": "z-route",
            "leadGemeentecode": EINDHOVEN,
            "periodeStart": "2026-01-01",
            "periodeEind": "2029-12-31",
            "leden": [
                {"gemeentecode": code, "ingangsdatum": "2026-01-01"} for code in (EINDHOVEN, BEST)
            ],
        },
        headers=beheer,
    )
    assert opgericht.status_code == 201, opgericht.text
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    aanbieder = {"kvk": KVK, "naam": "Z-aanbieder", "keurmerk": {"status": "geldig"}}
    assert (await api.post("/aanbieders", json=aanbieder, headers=lead)).status_code == 201
    contract = await api.post(
        "/contracten",
        json={
            "samenwerkingsverbandId": opgericht.json()["id"],
            "aanbiederKvk": KVK,
            "capaciteit": 3,
            "prijsEenheid": "traject",
            "periodeStart": "2026-01-01",
            "periodeEind": "2028-12-31",
        },
        headers=lead,
    )
    assert contract.status_code == 201, contract.text
    return {"id": opgericht.json()["id"], "contract": contract.json()["id"]}


async def geadviseerd(bezorg, aantal: int, gemeentecode: str = BEST) -> None:
    """Asielstatushouders advised the Z-route, not yet decided."""
    for _ in range(aantal):
        wie = uuid.uuid4()
        await bezorg(
            InburgeraarAangemeld(
                inburgeraar_id=wie, gemeentecode=gemeentecode, doelgroep=Doelgroep.ASIELSTATUSHOUDER
            )
        )
        await bezorg(
            LeerrouteGeadviseerd(
                advies_id=uuid.uuid4(),
                inburgeraar_id=wie,
                gemeentecode=gemeentecode,
                leerroute=Leerroute.Z_ROUTE,
                regel="R",
                regelset_versie="1",
            )
        )


async def signalen(runtime) -> list[dict]:
    async with runtime.uow() as uow:
        await prognose.signaleer_tekorten(uow, PEILDATUM, 4)
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(outbox_message.c.gemeentecode, outbox_message.c.payload)
            .where(outbox_message.c.event_type == "nl.inburgering.capaciteitstekort-verwacht")
            .order_by(outbox_message.c.position)
        )
        return [{"aan": code, **data} for code, data in result.all()]


async def test_the_forecast_explains_itself_and_the_shortfall_is_signalled_exactly_when_short(
    runtime, api, auth, verband, bezorg
):
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    pad = f"/samenwerkingsverbanden/{verband['id']}/prognose"
    await geadviseerd(bezorg, 3)  # 3 x 9/10 = 2.7 places: the contract's 3 suffice
    assert await signalen(runtime) == []

    await geadviseerd(bezorg, 1)  # 4 x 9/10 = 3.6 > 3: one place short this quarter
    gelezen = (await api.get(pad, params={"peildatum": str(PEILDATUM)}, headers=lead)).json()
    nu = gelezen["kwartalen"][0]
    assert (nu["kwartaal"], nu["vraag"], nu["vrijePlaatsen"], nu["tekort"]) == (
        "2026-K4",
        3.6,
        3,
        1,
    )
    [component] = nu["componenten"]
    assert (component["bron"], component["gemeentecode"], component["aantal"]) == (
        "geadviseerd",
        BEST,
        4,
    )
    assert {k["naam"]: (k["waarde"], k["bron"]) for k in component["kansen"]} == {
        "overname": (0.9, "standaard"),
        "plaatsing": (1.0, "wet"),
    }
    assert gelezen["eersteTekort"] == {"kwartaal": "2026-K4", "tekort": 1}
    [signaal] = await signalen(runtime)
    assert (signaal["aan"], signaal["kwartaal"], signaal["tekort"], signaal["leerroute"]) == (
        EINDHOVEN,
        "2026-K4",
        1,
        "z-route",
    )
    assert len(await signalen(runtime)) == 1  # the same shortfall is not signalled twice

    meer = await api.patch(
        f"/contracten/{verband['contract']}", json={"capaciteit": 4}, headers=lead
    )
    assert meer.status_code == 200, meer.text
    assert len(await signalen(runtime)) == 1  # 3.6 <= 4: solved, nothing new
    await geadviseerd(bezorg, 2)  # 6 x 9/10 = 5.4 > 4: short by 2 places
    laatste = (await signalen(runtime))[-1]
    assert (laatste["kwartaal"], laatste["tekort"]) == ("2026-K4", 2)
    assert len(await signalen(runtime)) == 2

    # Tilburg's people are no member's: they change nothing.
    await geadviseerd(bezorg, 5, TILBURG)
    assert len(await signalen(runtime)) == 2


async def test_the_influx_a_gemeente_enters_counts_a_quarter_after_arrival(api, auth, verband):
    best = auth(Rol.GEMEENTE, gemeentecodes=(BEST,))
    opgave = await api.put(
        "/instroomverwachtingen/GM0753/2027-H1",
        json={"asielstatushouders": 20, "gezinsmigranten": 0},
        headers=best,
    )
    assert opgave.status_code == 200, opgave.text
    ander = await api.put(
        "/instroomverwachtingen/GM0772/2027-H1", json={"asielstatushouders": 1}, headers=best
    )
    assert ander.status_code == 403
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    gelezen = (
        await api.get(
            f"/samenwerkingsverbanden/{verband['id']}/prognose",
            params={"peildatum": str(PEILDATUM), "kwartalen": 4},
            headers=lead,
        )
    ).json()
    # 20 in 2027-H1, half per quarter, arriving K1 and K2, needed a quarter later; no history
    # yet, so the default Z-route share 3/10: 10 x 3/10 = 3 in each of K2 and K3.
    assert [k["vraag"] for k in gelezen["kwartalen"]] == [0, 0, 3, 3]
    assert [k["tekort"] for k in gelezen["kwartalen"]] == [0, 0, 0, 3]
    assert (await api.get("/instroomverwachtingen", headers=best)).json() == [
        {
            "gemeentecode": BEST,
            "halfjaar": "2027-H1",
            "asielstatushouders": 20,
            "gezinsmigranten": 0,
        }
    ]


async def test_the_forecast_downloads_as_csv_and_only_for_the_lead(api, auth, verband, bezorg):
    await geadviseerd(bezorg, 2)
    pad = f"/samenwerkingsverbanden/{verband['id']}/prognose"
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    csv_antwoord = await api.get(pad, headers={**lead, "Accept": "text/csv"})
    assert csv_antwoord.headers["content-type"].startswith("text/csv")
    regels = list(csv.DictReader(io.StringIO(csv_antwoord.text)))
    assert [(r["bron"], r["gemeentecode"], r["aantal"]) for r in regels if r["bron"]] == [
        ("geadviseerd", BEST, "2")
    ]
    lid = auth(Rol.REGIO, gemeentecodes=(BEST,))
    assert (await api.get(pad, headers=lid)).status_code == 403
    vreemd = auth(Rol.REGIO, gemeentecodes=(TILBURG,))
    assert (await api.get(pad, headers=vreemd)).status_code == 404
    gemeente = auth(Rol.GEMEENTE, gemeentecodes=(EINDHOVEN,))
    assert (await api.get(pad, headers=gemeente)).status_code == 403
