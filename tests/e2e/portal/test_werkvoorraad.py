"""The klantmanager's worklist and person page through the portal process, against the real
services: the rows are the services' own answers for the same user, and another gemeente's
person does not exist for this one."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, expect

from inburgering.shared.kalender import NEDERLAND, nederlandse_datum
from tests.e2e.flow import random_bsn, run_skeleton_flow
from tests.e2e.platform import RunningPlatform, eventually, token
from tests.e2e.portal.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

# Gemeenten of this module only: the platform is shared with other tests.
EIGEN, ANDERE = "GM0794", "GM0753"


@dataclass
class Regio:
    # By role in the worklist: a route-change window closing, a termijn ending, just placed.
    routewijziging: str
    einde: str
    geplaatst: str
    andere: str


async def _stel_pip_vast(platform: RunningPlatform, persoon: str, dagen_geleden: int) -> None:
    """The first PIP adopted long ago, so that its termijn's windows fall in the coming weeks."""
    auth = token(gemeentecodes=[EIGEN])
    pad = platform.url("intake", f"/v1/inburgeraars/{persoon}/pips")
    async with httpx.AsyncClient(timeout=10) as client:

        async def concept() -> dict[str, Any] | None:
            pips = (await client.get(pad, headers=auth)).json()
            return next((p for p in pips if p["status"] == "concept"), None)

        pip = await eventually(concept)
        dag = nederlandse_datum(datetime.now(NEDERLAND)) - timedelta(days=dagen_geleden)
        vastgesteld = await client.post(
            f"{pad}/{pip['id']}/vaststellen", json={"dagtekening": str(dag)}, headers=auth
        )
        assert vastgesteld.status_code == 200, vastgesteld.text
        termijn = platform.url("routes", f"/v1/inburgeringstermijnen/{persoon}")

        async def bekend() -> bool:
            return (await client.get(termijn, headers=auth)).status_code == 200

        await eventually(bekend)


async def _regio(platform: RunningPlatform) -> Regio:
    async def persoon(gemeentecode: str) -> str:
        flow = await run_skeleton_flow(
            platform, bsn=random_bsn(), gemeentecode=gemeentecode, ambitie="werk"
        )
        return flow.inburgeraar_id

    routewijziging, einde, geplaatst, andere = [
        await persoon(code) for code in (EIGEN, EIGEN, EIGEN, ANDERE)
    ]
    # Termijn start + 18 months lies 30-odd days ahead; its end 3 years on, some 95 days ahead.
    await _stel_pip_vast(platform, routewijziging, 520)
    await _stel_pip_vast(platform, einde, 1000)
    return Regio(routewijziging, einde, geplaatst, andere)


@pytest.fixture(scope="module")
def regio(postgres_platform: RunningPlatform) -> Regio:
    # In a thread of its own: Playwright's sync API may already run an event loop in this one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _regio(postgres_platform)).result()


def _rijen(html: str) -> list[tuple[str, str]]:
    tabel = html.split('id="werkvoorraad"')[1].split("</table>")[0]
    return re.findall(r'<tr data-soort="([a-z]+)" data-inburgeraar="([0-9a-f-]*)">', tabel)


def _aantallen(html: str) -> dict[str, int]:
    tabel = html.split('id="aantallen"')[1].split("</table>")[0]
    gevonden = re.findall(
        r'<tr data-soort="([a-z]+)"><th scope="row">[^<]+</th><td class="getal">(\d+)</td>', tabel
    )
    return {soort: int(aantal) for soort, aantal in gevonden}


def _api(platform: RunningPlatform, dienst: str, pad: str, **params: object) -> list[dict]:
    antwoord = httpx.get(
        platform.url(dienst, pad),
        params={"limit": 200, **params},
        headers=token(gemeentecodes=[EIGEN]),
        timeout=30,
    )
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.json()


def test_the_worklist_rows_are_the_services_answers_for_the_same_user(
    portal: str, postgres_platform: RunningPlatform, regio: Regio
) -> None:
    with log_in(portal, "gemeente", EIGEN) as browser:
        pagina = browser.get("/werkvoorraad")
    assert pagina.status_code == 200, pagina.text
    rijen = _rijen(pagina.text)

    def ids(soort: str) -> list[str]:
        return sorted(persoon for s, persoon in rijen if s == soort)

    routes = "/v1/leerroute-adviezen"
    r4 = _api(
        postgres_platform, "routes", routes, deadline="routewijziging", deadlineBinnenWeken=13
    )
    r5 = _api(postgres_platform, "routes", routes, deadline="einde", deadlineBinnenWeken=26)
    plaatsingen = [
        p
        for p in _api(postgres_platform, "contracts", "/v1/plaatsingen")
        if p["status"] in ("wachtlijst", "aangevraagd")
    ]
    geparkeerd = _api(postgres_platform, "intake", "/v1/duo-notificaties", status="geparkeerd")

    assert ids("routewijziging") == sorted(a["inburgeraarId"] for a in r4)
    assert ids("termijn") == sorted(a["inburgeraarId"] for a in r5)
    assert ids("plaatsing") == sorted(p["inburgeraarId"] for p in plaatsingen)
    assert regio.routewijziging in ids("routewijziging")
    assert regio.einde in ids("termijn") and regio.einde not in ids("routewijziging")
    assert regio.geplaatst in ids("plaatsing")
    aantallen = _aantallen(pagina.text)
    assert aantallen["routewijziging"] == len(r4)
    assert aantallen["termijn"] == len(r5)
    assert aantallen["plaatsing"] == len(plaatsingen)
    assert aantallen["duo"] == len(geparkeerd)
    assert sum(aantallen.values()) == len(rijen)
    assert regio.andere not in pagina.text
    urgenties = re.findall(r'class="urgentie urgentie-([a-z]+)"', pagina.text)
    volgorde = ["verlopen", "hoog", "middel", "laag"]
    assert urgenties == sorted(urgenties, key=volgorde.index), "most urgent first"


def test_the_person_page_shows_what_each_service_says_with_a_timeline(
    portal: str, postgres_platform: RunningPlatform, regio: Regio
) -> None:
    with log_in(portal, "gemeente", EIGEN) as browser:
        pagina = browser.get(f"/inburgeraars/{regio.routewijziging}")
    assert pagina.status_code == 200, pagina.text
    termijn = httpx.get(
        postgres_platform.url("routes", f"/v1/inburgeringstermijnen/{regio.routewijziging}"),
        headers=token(gemeentecodes=[EIGEN]),
    ).json()
    plaatsing = _api(
        postgres_platform, "contracts", "/v1/plaatsingen", inburgeraarId=regio.routewijziging
    )
    assert termijn["routewijzigingVensterSluit"] in pagina.text
    assert termijn["einddatum"] in pagina.text
    assert f'data-plaatsing="{plaatsing[0]["id"]}"' in pagina.text
    tijdlijn = pagina.text.split('id="tijdlijn"')[1]
    for wat in ("Inburgeraar aangemeld", "Leerroute vastgesteld", "PIP vastgesteld"):
        assert wat in tijdlijn


def test_another_gemeentes_person_is_niet_gevonden(portal: str, regio: Regio) -> None:
    with log_in(portal, "gemeente", EIGEN) as browser:
        andere = browser.get(f"/inburgeraars/{regio.andere}")
        eigen = browser.get(f"/inburgeraars/{regio.geplaatst}")
    assert andere.status_code == 404 and "Niet gevonden" in andere.text
    # The service's words only repeat the id asked for; nothing of the other gemeente shows.
    assert ANDERE not in andere.text and "Tijdlijn" not in andere.text
    assert eigen.status_code == 200
    with log_in(portal, "gemeente", ANDERE) as browser:
        assert browser.get(f"/inburgeraars/{regio.geplaatst}").status_code == 404
        assert browser.get(f"/inburgeraars/{regio.andere}").status_code == 200


def test_the_klantmanager_works_the_list_in_chromium_by_keyboard_and_never_reaches_another_gemeente(
    chromium: Browser, portal: str, regio: Regio, tmp_path: Path
) -> None:
    context = chromium.new_context()
    verzoeken: list[str] = []
    context.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    page = context.new_page()
    fouten: list[str] = []
    page.on("console", lambda bericht: bericht.type == "error" and fouten.append(bericht.text))

    page.goto(portal + "/inloggen")
    page.get_by_label("Rol").select_option("gemeente")
    page.get_by_label("Gemeentecode(s)").fill(EIGEN)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Werkvoorraad"
    ).click()
    tabel = page.get_by_role("table", name="Werkvoorraad, meest urgent eerst")
    expect(tabel).to_be_visible()
    expect(page.get_by_role("table", name="Aantal per soort")).to_be_visible()
    # The urgency is text in its own column, not only a colour.
    expect(tabel.locator("tbody tr").first.locator("td").first).to_have_text(
        re.compile("Verlopen|Hoog|Middel|Laag")
    )
    assert regio.andere[:8] not in tabel.inner_text()
    screenshot = tmp_path / "werkvoorraad.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 0

    # Keyboard only: Tab to the person's link, Enter follows it.
    link = tabel.get_by_role("link", name=f"Inburgeraar {regio.routewijziging[:8]}").first
    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if link.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the person's link is not reachable by Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Inburgeraar {regio.routewijziging[:8]}"
    )
    expect(page.get_by_role("table", name="Inburgeringstermijn")).to_be_visible()
    expect(page.locator("#tijdlijn li").first).to_be_visible()
    page.screenshot(path=str(tmp_path / "inburgeraar.png"), full_page=True)

    antwoord = page.goto(f"{portal}/inburgeraars/{regio.andere}")
    assert antwoord is not None and antwoord.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
    context.close()

    eigen = urlsplit(portal).netloc
    assert all(urlsplit(url).netloc == eigen for url in verzoeken), verzoeken
    # The only error is the browser's report of the 404 page itself.
    assert all("404" in fout for fout in fouten), fouten
