"""The procurement pages through the portal process, against the real services."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from inburgering.shared.auth import Rol
from tests.e2e.platform import RunningPlatform, token
from tests.e2e.portal.conftest import csrf_van, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]


def _verband_ids(html: str) -> list[str]:
    return re.findall(r'href="/inkoop/verbanden/([0-9a-f-]{36})"', html)


def test_the_lead_sees_the_verbanden_it_leads_with_contracts_and_utilisation(
    portal: str, postgres_platform: RunningPlatform
) -> None:
    geleid = [
        v
        for v in httpx.get(
            postgres_platform.url("contracts", "/v1/samenwerkingsverbanden"),
            headers=token(Rol.REGIO, gemeentecodes=["GM0772"]),
        ).json()
        if v["leadGemeentecode"] == "GM0772"
    ]
    with log_in(portal, "regio", "GM0772") as browser:
        pagina = browser.get("/inkoop")
    assert pagina.status_code == 200
    assert sorted(_verband_ids(pagina.text)) == sorted(v["id"] for v in geleid)
    assert len(geleid) == 3
    for verband in geleid:
        assert verband["naam"] in pagina.text
    assert "Benutting" in pagina.text


def test_the_forecast_page_shows_every_quarter_as_the_service_computes_it(
    portal: str, postgres_platform: RunningPlatform
) -> None:
    with log_in(portal, "regio", "GM0772") as browser:
        verband = _verband_ids(browser.get("/inkoop").text)[0]
        pagina = browser.get(f"/inkoop/verbanden/{verband}", params={"kwartalen": 8})
    prognose = httpx.get(
        postgres_platform.url("contracts", f"/v1/samenwerkingsverbanden/{verband}/prognose"),
        params={"kwartalen": 8},
        headers=token(Rol.REGIO, gemeentecodes=["GM0772"]),
    ).json()
    assert pagina.status_code == 200
    tabel = pagina.text.split('id="prognosetabel"')[1]
    rijen = re.findall(r'<th scope="row">([0-9]{4}-K[1-4])</th>', tabel)
    assert rijen == [k["kwartaal"] for k in prognose["kwartalen"]]
    if prognose["eersteTekort"]:
        assert f"In {prognose['eersteTekort']['kwartaal']} is de vraag" in pagina.text
    else:
        assert "Geen tekort verwacht" in pagina.text


def test_the_csv_is_the_services_own_with_the_users_token(
    portal: str, postgres_platform: RunningPlatform
) -> None:
    with log_in(portal, "regio", "GM0772") as browser:
        verband = _verband_ids(browser.get("/inkoop").text)[0]
        csv = browser.get(f"/inkoop/verbanden/{verband}/prognose.csv")
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    assert csv.text.splitlines()[0] == (
        "kwartaal,bron,gemeentecode,doelgroep,aantal,factor,verwachting,"
        "vraag_kwartaal,vrije_plaatsen,verlengbaar,tekort"
    )


def test_a_post_without_the_csrf_token_is_refused(portal: str) -> None:
    with log_in(portal, "regio", "GM0772") as browser:
        zonder = browser.post("/uitloggen")
        assert zonder.status_code == 403
        assert browser.get("/inkoop").status_code == 200, "still logged in"
        vals = browser.post("/uitloggen", data={"csrf_token": "vals"})
        assert vals.status_code == 403


def test_a_gemeente_without_the_regio_role_sees_geen_toegang(portal: str) -> None:
    with log_in(portal, "gemeente", "GM0772") as browser:
        pagina = browser.get("/inkoop")
    assert pagina.status_code == 403
    assert "Geen toegang" in pagina.text and "Traceback" not in pagina.text


def test_a_member_that_does_not_lead_gets_the_services_refusal_as_a_page(
    portal: str, postgres_platform: RunningPlatform
) -> None:
    """Best (GM0753) is a member of the region but leads nothing: contracts answers 403 (the
    portal's own role check passes), and the portal shows it as a page."""
    with log_in(portal, "regio", "GM0753") as browser:
        overzicht = browser.get("/inkoop")
        verband = next(
            v["id"]
            for v in httpx.get(
                postgres_platform.url("contracts", "/v1/samenwerkingsverbanden"),
                headers=token(Rol.REGIO, gemeentecodes=["GM0772"]),
            ).json()
            if v["leadGemeentecode"] == "GM0772"
        )
        pagina = browser.get(f"/inkoop/verbanden/{verband}")
    assert overzicht.status_code == 200 and "trekt (nog) geen" in overzicht.text
    assert pagina.status_code == 403 and "Geen toegang" in pagina.text


def test_the_services_404_for_another_verband_is_niet_gevonden(portal: str) -> None:
    with log_in(portal, "regio", "GM0772") as browser:
        pagina = browser.get(f"/inkoop/verbanden/{uuid.uuid4()}")
        csv = browser.get(f"/inkoop/verbanden/{uuid.uuid4()}/prognose.csv")
    assert pagina.status_code == 404 and "Niet gevonden" in pagina.text
    assert csv.status_code == 404


def test_logging_out_ends_access(portal: str) -> None:
    with log_in(portal, "regio", "GM0772") as browser:
        token_ = csrf_van(browser.get("/inkoop").text)
        assert browser.post("/uitloggen", data={"csrf_token": token_}).status_code == 303
        assert browser.get("/inkoop").headers["location"] == "/inloggen"
