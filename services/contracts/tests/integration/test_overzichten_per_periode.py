"""The lead gemeente's views per month, quarter or year, the same on PostgreSQL and SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime

import httpx
import pytest
from sqlalchemy import update

from inburgering.contracts.adapters.tables import plaatsing
from inburgering.contracts.handlers import when_leerroute_vastgesteld_vraag_plaatsing_aan
from inburgering.shared.auth import Rol
from inburgering.shared.testing.postgres import create_database, drop_database

# Placed at these moments (UTC) and started on these days. The second is 00:30 on 1 April in
# the Netherlands, so it belongs to April and the second quarter.
PLAATSINGEN = [
    ("lid", datetime(2026, 1, 15, 10, 0, tzinfo=UTC), date(2026, 2, 1)),
    ("lid", datetime(2026, 3, 31, 22, 30, tzinfo=UTC), date(2026, 4, 2)),
    ("lid", datetime(2026, 4, 10, 9, 0, tzinfo=UTC), None),
    ("lead", datetime(2026, 7, 1, 8, 0, tzinfo=UTC), date(2026, 7, 2)),
]


@pytest.fixture(params=["postgresql", "sqlite"])
async def opzet(request, tmp_path, runtime_voor, bouw_regio, vastgesteld, auth):
    """A region with four placements at known moments, and an API client for its lead."""
    if request.param == "postgresql":
        url = await create_database()
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / 'contracts.db'}"
    runtime = await runtime_voor(url)
    try:
        async for opgezet in _opgezet(runtime, bouw_regio, vastgesteld, auth):
            yield opgezet
    finally:
        await runtime.engine.dispose()
        if request.param == "postgresql":
            await drop_database(url)


async def _opgezet(runtime, bouw_regio, vastgesteld, auth):
    regio = await bouw_regio(runtime)
    for wie, moment, start in PLAATSINGEN:
        event, envelope = vastgesteld(getattr(regio, wie))
        async with runtime.uow() as uow:
            await when_leerroute_vastgesteld_vraag_plaatsing_aan(uow, event, envelope)
            await uow.session.execute(
                update(plaatsing)
                .where(plaatsing.c.inburgeraar_id == event.inburgeraar_id)
                .values(
                    aangevraagd_at=moment,
                    startdatum=start,
                    status="gestart" if start else "aangevraagd",
                )
            )
            await uow.commit()
    transport = httpx.ASGITransport(app=runtime.create_app())
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://test/v1", headers=lead
    ) as api:
        prijs = await api.patch(
            f"/contracten/{regio.contract_geldig}", json={"prijsBedrag": "1000.00"}
        )
        assert prijs.status_code == 200, prijs.text
        yield api, regio, runtime


def _van(body: list[dict], contract_id) -> dict:
    [rij] = [r for r in body if r["contractId"] == str(contract_id)]
    return rij


async def test_utilisation_per_quarter_splits_at_dutch_midnight(opzet):
    api, regio, _ = opzet
    params = {"periode": "kwartaal", "van": "2026-01-01", "tot": "2026-12-31"}
    response = await api.get("/overzichten/benutting", params=params)
    assert response.status_code == 200, response.text
    rij = _van(response.json(), regio.contract_geldig)
    assert rij["plaatsingenInPeriode"] == 4
    assert [(p["periode"], p["plaatsingen"]) for p in rij["perPeriode"]] == [
        ("2026-K1", 1),
        ("2026-K2", 2),
        ("2026-K3", 1),
        ("2026-K4", 0),
    ]
    assert rij["perPeriode"][2]["perGemeente"] == [{"gemeentecode": regio.lead, "plaatsingen": 1}]
    assert (rij["perPeriode"][1]["van"], rij["perPeriode"][1]["tot"]) == (
        "2026-04-01",
        "2026-06-30",
    )
    geschorst = _van(response.json(), regio.contract_geschorst)
    assert [p["plaatsingen"] for p in geschorst["perPeriode"]] == [0, 0, 0, 0]


async def test_the_first_and_last_month_are_cut_at_the_bounds(opzet):
    api, regio, _ = opzet
    params = {"periode": "maand", "van": "2026-03-15", "tot": "2026-04-20"}
    rij = _van(
        (await api.get("/overzichten/benutting", params=params)).json(), regio.contract_geldig
    )
    assert rij["perPeriode"] == [
        {
            "periode": "2026-03",
            "van": "2026-03-15",
            "tot": "2026-03-31",
            "plaatsingen": 0,
            "perGemeente": [],
        },
        {
            "periode": "2026-04",
            "van": "2026-04-01",
            "tot": "2026-04-20",
            "plaatsingen": 2,
            "perGemeente": [{"gemeentecode": regio.lid, "plaatsingen": 2}],
        },
    ]
    zonder = (await api.get("/overzichten/benutting")).json()
    assert _van(zonder, regio.contract_geldig)["perPeriode"] is None


async def test_spend_per_month_and_year(opzet):
    api, _, _ = opzet
    params = {"periode": "maand", "van": "2026-01-01", "tot": "2026-07-31"}
    response = await api.get("/overzichten/uitgaven", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert [(p["periode"], p["bedrag"]) for p in body["perPeriode"]] == [
        ("2026-01", "0.00"),
        ("2026-02", "1000.00"),
        ("2026-03", "0.00"),
        ("2026-04", "1000.00"),
        ("2026-05", "0.00"),
        ("2026-06", "0.00"),
        ("2026-07", "1000.00"),
    ]
    assert body["perPeriode"][1]["perPrijsEenheid"] == [
        {"prijsEenheid": "traject", "eenheden": "1", "bedrag": "1000.00"}
    ]
    assert body["perPrijsEenheid"][0]["bedrag"] == "3000.00"
    jaar = await api.get(
        "/overzichten/uitgaven",
        params={"periode": "jaar", "van": "2025-06-01", "tot": "2026-12-31"},
    )
    assert [(p["periode"], p["van"], p["bedrag"]) for p in jaar.json()["perPeriode"]] == [
        ("2025", "2025-06-01", "0.00"),
        ("2026", "2026-01-01", "3000.00"),
    ]


@pytest.mark.parametrize(
    ("params", "ongeldig"),
    [
        ({"periode": "maand"}, ["query.van", "query.tot"]),
        ({"periode": "maand", "van": "2026-05-01"}, ["query.tot"]),
        ({"periode": "kwartaal", "van": "2026-05-01", "tot": "2026-04-01"}, ["query.tot"]),
        ({"periode": "maand", "van": "2010-01-01", "tot": "2026-12-31"}, ["query.periode"]),
        ({"periode": "week", "van": "2026-01-01", "tot": "2026-12-31"}, ["query.periode"]),
    ],
)
async def test_a_period_split_needs_sound_bounds(opzet, params, ongeldig):
    api, _, _ = opzet
    for naam in ("benutting", "uitgaven"):
        response = await api.get(f"/overzichten/{naam}", params=params)
        assert response.status_code == 400, response.text
        assert [p["name"] for p in response.json()["invalidParams"]] == ongeldig
