"""The procurement team opens the portal on its region's first day and follows it as the region is
set up through the API: nothing led yet, then the verband, its contract and a shortfall that the
influx one member expects brings."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from inburgering.shared.auth import Rol
from tests.e2e.platform import RunningPlatform, token
from tests.e2e.portal.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

# A lead and member of this test only: the empty platform is shared with other tests.
LEAD, LID = "GM1658", "GM1659"
KVK = "94100001"
VANDAAG = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
START, EIND = str(VANDAAG - timedelta(days=30)), str(VANDAAG + timedelta(days=1500))


def _halfjaar_over_een_half_jaar() -> str:
    """A half year inside the forecast's horizon, whatever today is."""
    dag = VANDAAG + timedelta(days=183)
    return f"{dag.year}-H{1 if dag.month <= 6 else 2}"


def test_the_lead_follows_its_region_from_nothing_to_a_forecast_shortfall(
    lege_portal: str, empty_platform: RunningPlatform
) -> None:
    with log_in(lege_portal, "regio", LEAD) as browser:
        assert "trekt (nog) geen samenwerkingsverband" in browser.get("/inkoop").text

        contracts = empty_platform.url("contracts", "/v1")
        opgericht = httpx.post(
            f"{contracts}/samenwerkingsverbanden",
            json={
                "naam": f"Z-route De Kempen {uuid.uuid4().hex[:6]}",
                "leerroute": "z-route",
                "leadGemeentecode": LEAD,
                "periodeStart": START,
                "periodeEind": EIND,
                "leden": [{"gemeentecode": code, "ingangsdatum": START} for code in (LEAD, LID)],
            },
            headers=token(Rol.BEHEER),
        )
        assert opgericht.status_code == 201, opgericht.text
        verband = opgericht.json()["id"]
        lead = token(Rol.REGIO, gemeentecodes=[LEAD])
        aanbieder = {"kvk": KVK, "naam": "Z-aanbieder", "keurmerk": {"status": "geldig"}}
        assert httpx.post(f"{contracts}/aanbieders", json=aanbieder, headers=lead).status_code in (
            201,
            409,
        )
        contract = httpx.post(
            f"{contracts}/contracten",
            json={
                "samenwerkingsverbandId": verband,
                "aanbiederKvk": KVK,
                "capaciteit": 1,
                "prijsEenheid": "traject",
                "periodeStart": START,
                "periodeEind": EIND,
            },
            headers=lead,
        )
        assert contract.status_code == 201, contract.text
        # The member expects 20 statushouders in a coming half year: 10 a quarter × 3/10 (the
        # default Z-route share before there is history) = 3 places a quarter, against 1 free.
        instroom = httpx.put(
            f"{contracts}/instroomverwachtingen/{LID}/{_halfjaar_over_een_half_jaar()}",
            json={"asielstatushouders": 20},
            headers=token(gemeentecodes=[LID]),
        )
        assert instroom.status_code == 200, instroom.text

        overzicht = browser.get("/inkoop").text
        assert verband in overzicht
        pagina = browser.get(f"/inkoop/verbanden/{verband}", params={"kwartalen": 8})
        assert pagina.status_code == 200
        assert "Let op: tekort verwacht." in pagina.text
        # The first quarter with demand: 3 needed, 1 free.
        assert "<strong>2 tekort</strong>" in pagina.text
