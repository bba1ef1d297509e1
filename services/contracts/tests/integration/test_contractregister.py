"""A procurement team uploads the tender result of a verband as a CSV contract register."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from sqlalchemy import func, select

from inburgering.contracts.adapters.tables import aanbieder, contract, contract_versie
from inburgering.contracts.domain.contractregister import KOLOMMEN
from inburgering.shared.auth import Rol

pytestmark = pytest.mark.integration

CSV = {"Content-Type": "text/csv"}


def register_regels(aantal: int = 200) -> list[dict[str, str]]:
    """Twenty lots with ten providers each, as a large tender result."""
    return [
        {
            "perceel_code": f"B1-{i // 10:02d}",
            "perceel_naam": f"B1-route perceel {i // 10}",
            "aanbieder_kvk": f"{95000000 + i % 10}",
            "aanbieder_naam": f"Taalaanbieder {i % 10}",
            "capaciteit": str(10 + i % 7),
            "prijs_eenheid": "traject",
            "prijs_bedrag": f"{9000 + i}.50",
            "periode_start": "2026-01-01",
            "periode_eind": "2029-12-31",
            "verlengingsopties": "2",
            "keurmerk_status": "geldig",
            "keurmerk_geldig_tot": "2099-12-31",
            "duo_instellingsnummer": f"00{95000000 + i % 10}",
        }
        for i in range(aantal)
    ]


def als_csv(regels: list[dict[str, str]], delimiter: str = ",") -> bytes:
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=list(regels[0]), delimiter=delimiter)
    schrijver.writeheader()
    schrijver.writerows(regels)
    return uit.getvalue().encode()


# Data lines start at line 2 of the file.
FOUTEN = {
    7: ("capaciteit", "-3"),
    42: ("prijs_eenheid", "per-dag"),
    88: ("periode_eind", "2025-06-30"),
    130: ("aanbieder_kvk", "1234"),
    199: ("prijs_bedrag", "veel"),
}


async def tellingen(runtime) -> tuple[int, ...]:
    async with runtime.uow() as uow:
        s = uow.session
        aantallen = []
        for tabel in (contract, aanbieder, contract_versie):
            aantallen.append(
                (await s.execute(select(func.count()).select_from(tabel))).scalar_one()
            )
        return tuple(aantallen)


async def test_a_bad_register_is_refused_whole_and_the_corrected_one_stored_once(
    runtime, api, auth, regio
):
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    pad = f"/samenwerkingsverbanden/{regio.verband_id}/contractregister"
    voor = await tellingen(runtime)
    goed = register_regels()
    fout = [dict(r) for r in goed]
    for regel, (kolom, waarde) in FOUTEN.items():
        fout[regel - 2][kolom] = waarde

    geweigerd = await api.post(pad, content=als_csv(fout), headers={**lead, **CSV})
    assert geweigerd.status_code == 400, geweigerd.text
    probleem = geweigerd.json()
    assert probleem["code"] == "ongeldig-contractregister"
    assert {p["name"] for p in probleem["invalidParams"]} == {
        f"regel[{regel}].{kolom}" for regel, (kolom, _) in FOUTEN.items()
    }
    assert await tellingen(runtime) == voor

    geladen = await api.post(pad, content=als_csv(goed), headers={**lead, **CSV})
    assert geladen.status_code == 200, geladen.text
    assert geladen.json() == {"aangemaakt": 200, "ongewijzigd": 0, "aanbiedersGeregistreerd": 10}
    na = await tellingen(runtime)
    assert na == (voor[0] + 200, voor[1] + 10, voor[2] + 200)

    nogmaals = await api.post(pad, content=als_csv(goed), headers={**lead, **CSV})
    assert nogmaals.json() == {"aangemaakt": 0, "ongewijzigd": 200, "aanbiedersGeregistreerd": 0}
    assert await tellingen(runtime) == na

    # The download is a register the upload reads again, line for line.
    export = await api.get(pad, headers=lead)
    assert export.status_code == 200
    assert export.headers["content-type"].startswith("text/csv")
    rijen = list(csv.DictReader(io.StringIO(export.text)))
    assert tuple(rijen[0]) == KOLOMMEN
    assert len(rijen) == 200 + 3  # and the test region's three contracts without a lot
    eigen = [r for r in rijen if r["perceel_code"]]
    opnieuw = await api.post(pad, content=als_csv(eigen), headers={**lead, **CSV})
    assert opnieuw.json()["ongewijzigd"] == 200
    assert await tellingen(runtime) == na


async def test_a_spreadsheet_dialect_with_semicolons_and_decimal_commas_is_read(
    runtime, api, auth, regio
):
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    regels = register_regels(3)
    for regel in regels:
        regel["prijs_bedrag"] = regel["prijs_bedrag"].replace(".", ",")
    pad = f"/samenwerkingsverbanden/{regio.verband_id}/contractregister"
    geladen = await api.post(pad, content=als_csv(regels, ";"), headers={**lead, **CSV})
    assert geladen.status_code == 200, geladen.text
    lead_contracten = (await api.get("/contracten", headers=lead)).json()
    bedragen = sorted(c["prijsBedrag"] for c in lead_contracten if c["perceel"])
    assert bedragen == ["9000.50", "9001.50", "9002.50"]


async def test_a_line_that_contradicts_a_stored_contract_names_each_changed_term(
    runtime, api, auth, regio
):
    lead = auth(Rol.REGIO, gemeentecodes=(regio.lead,))
    pad = f"/samenwerkingsverbanden/{regio.verband_id}/contractregister"
    regels = register_regels(2)
    assert (await api.post(pad, content=als_csv(regels), headers={**lead, **CSV})).is_success
    voor = await tellingen(runtime)
    regels[1] = {**regels[1], "capaciteit": "99", "periode_eind": str(date(2030, 12, 31))}
    geweigerd = await api.post(pad, content=als_csv(regels), headers={**lead, **CSV})
    assert geweigerd.status_code == 400
    assert {p["name"] for p in geweigerd.json()["invalidParams"]} == {
        "regel[3].capaciteit",
        "regel[3].periode_eind",
    }
    assert await tellingen(runtime) == voor


async def test_only_the_lead_loads_or_reads_the_register(api, auth, regio):
    pad = f"/samenwerkingsverbanden/{regio.verband_id}/contractregister"
    inhoud = als_csv(register_regels(1))
    lid = auth(Rol.REGIO, gemeentecodes=(regio.lid,))
    vreemd = auth(Rol.REGIO, gemeentecodes=("GM0855",))
    assert (await api.post(pad, content=inhoud, headers={**lid, **CSV})).status_code == 403
    assert (await api.get(pad, headers=lid)).status_code == 403
    for verzoek in (
        api.post(pad, content=inhoud, headers={**vreemd, **CSV}),
        api.get(pad, headers=vreemd),
    ):
        assert (await verzoek).status_code == 404
    gemeente = auth(Rol.GEMEENTE, gemeentecodes=(regio.lead,))
    assert (await api.get(pad, headers=gemeente)).status_code == 403
