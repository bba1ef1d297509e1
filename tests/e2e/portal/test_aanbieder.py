"""The provider's page through the portal process, against the real services: its rows are
contracts' answers for the same provider, it accepts and reports attendance through contracts'
API with its own token, and it never sees or touches another provider's placement."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, expect

from inburgering.shared.auth import Rol
from inburgering.shared.kalender import NEDERLAND, nederlandse_datum
from tests.e2e.flow import random_bsn, run_skeleton_flow
from tests.e2e.platform import RunningPlatform, token
from tests.e2e.portal.conftest import csrf_van, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

# Gemeenten of this module only (the platform is shared): Bladel is taught by De Kempen, Deurne
# by Peelland, so a verband that allocates by location still reaches both providers.
GEMEENTEN = ("GM1728", "GM0762")
MAX_PERSONEN = 8


@dataclass
class Aanbieders:
    # Two providers, each with a placement of this module waiting for its acceptance.
    a: str
    b: str
    van_a: str
    van_b: str


def _aanbieder(kvk: str) -> dict[str, str]:
    return token(Rol.AANBIEDER, kvk=kvk)


def _plaatsingen(platform: RunningPlatform, kvk: str) -> list[dict]:
    antwoord = httpx.get(
        platform.url("contracts", "/v1/plaatsingen"),
        params={"limit": 200},
        headers=_aanbieder(kvk),
        timeout=30,
    )
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.json()


async def _twee_aanbieders(platform: RunningPlatform) -> Aanbieders:
    wachtend: dict[str, str] = {}
    for n in range(MAX_PERSONEN):
        flow = await run_skeleton_flow(
            platform, bsn=random_bsn(), gemeentecode=GEMEENTEN[n % 2], ambitie="werk"
        )
        plaatsing = flow.plaatsing
        if plaatsing["status"] == "aangevraagd":
            wachtend.setdefault(plaatsing["aanbiederKvk"], plaatsing["id"])
        if len(wachtend) == 2:
            (a, van_a), (b, van_b) = sorted(wachtend.items())
            return Aanbieders(a, b, van_a, van_b)
    pytest.fail(f"no two providers got a placement from {MAX_PERSONEN} people: {wachtend}")


@pytest.fixture(scope="module")
def aanbieders(postgres_platform: RunningPlatform) -> Aanbieders:
    # In a thread of its own: Playwright's sync API may already run an event loop in this one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _twee_aanbieders(postgres_platform)).result()


def _rijen(html: str) -> dict[str, str]:
    """Placement id → status, from every table on the page."""
    return dict(re.findall(r'data-plaatsing="([0-9a-f-]{36})" data-status="([a-z]+)"', html))


def _aantallen(html: str) -> dict[str, int]:
    tabel = html.split('id="aantallen"')[1].split("</table>")[0]
    gevonden = re.findall(
        r'<tr data-status="([a-z]+)"><th scope="row">[^<]+</th><td class="getal">(\d+)</td>', tabel
    )
    return {status: int(n) for status, n in gevonden}


def test_each_provider_sees_exactly_contracts_answer_for_its_own_kvk(
    portal: str, postgres_platform: RunningPlatform, aanbieders: Aanbieders
) -> None:
    paginas = {}
    for kvk in (aanbieders.a, aanbieders.b):
        with log_in(portal, "aanbieder", kvk=kvk) as browser:
            pagina = browser.get("/plaatsingen")
        assert pagina.status_code == 200, pagina.text
        api = _plaatsingen(postgres_platform, kvk)
        assert {p["aanbiederKvk"] for p in api} == {kvk}
        assert _rijen(pagina.text) == {p["id"]: p["status"] for p in api}
        aantallen = _aantallen(pagina.text)
        assert sum(aantallen.values()) == len(api)
        assert aantallen["aangevraagd"] == sum(p["status"] == "aangevraagd" for p in api)
        paginas[kvk] = _rijen(pagina.text)
    assert aanbieders.van_a in paginas[aanbieders.a]
    assert aanbieders.van_b in paginas[aanbieders.b]
    assert not set(paginas[aanbieders.a]) & set(paginas[aanbieders.b])


def test_a_provider_cannot_accept_another_providers_placement(
    portal: str, postgres_platform: RunningPlatform, aanbieders: Aanbieders
) -> None:
    with log_in(portal, "aanbieder", kvk=aanbieders.b) as browser:
        csrf = csrf_van(browser.get("/plaatsingen").text)
        antwoord = browser.post(
            f"/plaatsingen/{aanbieders.van_a}/acceptatie", data={"csrf_token": csrf}
        )
        assert aanbieders.van_a not in browser.get("/plaatsingen").text
    assert antwoord.status_code == 404 and "Niet gevonden" in antwoord.text
    status = {p["id"]: p["status"] for p in _plaatsingen(postgres_platform, aanbieders.a)}
    assert status[aanbieders.van_a] == "aangevraagd"


def test_the_provider_accepts_then_reports_attendance_and_contracts_records_both(
    portal: str, postgres_platform: RunningPlatform, aanbieders: Aanbieders
) -> None:
    plaatsing = aanbieders.van_b
    vandaag = str(nederlandse_datum(datetime.now(NEDERLAND)))
    with log_in(portal, "aanbieder", kvk=aanbieders.b) as browser:
        csrf = csrf_van(browser.get("/plaatsingen").text)
        zonder = browser.post(f"/plaatsingen/{plaatsing}/acceptatie")
        assert zonder.status_code == 403, "no CSRF token, no acceptance"
        geaccepteerd = browser.post(
            f"/plaatsingen/{plaatsing}/acceptatie", data={"csrf_token": csrf}
        )
        assert geaccepteerd.status_code == 303
        pagina = browser.get("/plaatsingen")
        assert f"Plaatsing {plaatsing[:8]} is geaccepteerd" in pagina.text
        assert _rijen(pagina.text)[plaatsing] == "geaccepteerd"

        # The start through contracts' API: the portal does not report starts yet.
        gestart = httpx.post(
            postgres_platform.url("contracts", f"/v1/plaatsingen/{plaatsing}/start"),
            json={"startdatum": vandaag},
            headers=_aanbieder(aanbieders.b),
        )
        assert gestart.status_code == 200, gestart.text
        gemeld = browser.post(
            "/plaatsingen/aanwezigheid",
            data={
                "csrf_token": csrf,
                "plaatsing": plaatsing,
                "datum": vandaag,
                "aanwezigUren": "2,5",
                "afwezigUren": "0,5",
                "afwezigheid": "geoorloofd",
            },
        )
        assert gemeld.status_code == 303, gemeld.text
        pagina = browser.get("/plaatsingen")
    uren = httpx.get(
        postgres_platform.url("contracts", f"/v1/plaatsingen/{plaatsing}/uren"),
        headers=_aanbieder(aanbieders.b),
    ).json()
    assert uren["urenAanwezig"] == 2.5 and uren["urenGeoorloofdAfwezig"] == 0.5
    assert "Samen nu 2.5 uur aanwezig, 0.5 uur geoorloofd" in pagina.text
    assert _rijen(pagina.text)[plaatsing] == "gestart"


def test_the_provider_works_its_page_in_chromium_by_keyboard_and_sees_no_other_provider(
    chromium: Browser, portal: str, aanbieders: Aanbieders, tmp_path: Path
) -> None:
    context = chromium.new_context()
    verzoeken: list[str] = []
    context.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    page = context.new_page()
    fouten: list[str] = []
    page.on("console", lambda bericht: bericht.type == "error" and fouten.append(bericht.text))

    page.goto(portal + "/inloggen")
    page.get_by_label("Rol").select_option("aanbieder")
    page.get_by_label("KvK-nummer").fill(aanbieders.a)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text(f"(KvK {aanbieders.a})")).to_be_visible()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Plaatsingen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plaatsingen")
    tabel = page.get_by_role("table", name="Plaatsingen die op uw acceptatie wachten")
    expect(tabel).to_be_visible()
    expect(tabel.get_by_role("row", name=re.compile(aanbieders.van_a[:8]))).to_be_visible()
    assert aanbieders.van_b[:8] not in page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "plaatsingen.png"), full_page=True)

    # Keyboard only: Tab to this placement's button (its name says which), Enter presses it.
    knop = page.get_by_role("button", name=f"Accepteren plaatsing {aanbieders.van_a[:8]}")
    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if knop.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the acceptance button is not reachable by Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Gelukt")).to_contain_text(
        f"Plaatsing {aanbieders.van_a[:8]} is geaccepteerd"
    )
    expect(
        page.get_by_role("table", name="Geaccepteerde plaatsingen").get_by_role(
            "row", name=re.compile(aanbieders.van_a[:8])
        )
    ).to_be_visible()
    page.screenshot(path=str(tmp_path / "geaccepteerd.png"), full_page=True)
    context.close()

    eigen = urlsplit(portal).netloc
    assert all(urlsplit(url).netloc == eigen for url in verzoeken), verzoeken
    assert not fouten, fouten
