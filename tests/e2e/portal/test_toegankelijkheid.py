"""axe-core in Chromium on every page of the portal, in each state a user meets it (a form with
its errors, an empty list, a refusal): no serious or critical violation; the rest is printed."""

from __future__ import annotations

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from inburgering.shared.auth import Rol
from inburgering.shared.kalender import NEDERLAND, nederlandse_datum
from tests.e2e.flow import random_bsn, run_skeleton_flow
from tests.e2e.platform import RunningPlatform, token

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
ERNSTIG = ("serious", "critical")
# Veldhoven: a gemeente of this module only (the platform is shared with other tests).
GEMEENTE = "GM0861"


@dataclass
class Gegevens:
    # One person whose placement waits (a worklist row), one whose trajectory runs (the
    # provider's attendance form), and that provider.
    wachtend: str
    lopend: str
    kvk: str


async def _gegevens(platform: RunningPlatform) -> Gegevens:
    wachtend = await run_skeleton_flow(
        platform, bsn=random_bsn(), gemeentecode=GEMEENTE, ambitie="werk"
    )
    lopend = await run_skeleton_flow(
        platform, bsn=random_bsn(), gemeentecode=GEMEENTE, ambitie="werk"
    )
    plaatsing = lopend.plaatsing
    kvk = plaatsing["aanbiederKvk"]
    auth = token(Rol.AANBIEDER, kvk=kvk)
    vandaag = str(nederlandse_datum(datetime.now(NEDERLAND)))
    async with httpx.AsyncClient(base_url=platform.url("contracts", "/v1"), timeout=30) as client:
        pad = f"/plaatsingen/{plaatsing['id']}"
        for stap, body in (("acceptatie", {}), ("start", {"startdatum": vandaag})):
            antwoord = await client.post(f"{pad}/{stap}", json=body, headers=auth)
            assert antwoord.status_code == 200, antwoord.text
    return Gegevens(wachtend.inburgeraar_id, lopend.inburgeraar_id, kvk)


@pytest.fixture(scope="module")
def gegevens(postgres_platform: RunningPlatform) -> Gegevens:
    # In a thread of its own: Playwright's sync API may already run an event loop in this one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _gegevens(postgres_platform)).result()


def _axe(page: Page, naam: str) -> list[dict]:
    """axe's violations on the page as it is now.

    Not `page.add_script_tag(path=...)`: Playwright inlines the file into a <script> element,
    which the portal's CSP (`script-src 'self'`, no inline script) refuses, as it should. An
    evaluate through the DevTools protocol is not subject to the page's CSP, so the test runs
    under the very policy users get, without `bypass_csp`."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    resultaat = page.evaluate(
        "async () => { const r = await axe.run(document);"
        " return {violations: r.violations, passes: r.passes.length,"
        " incomplete: r.incomplete.map(i => i.id)}; }"
    )
    # An axe that checked nothing would pass anything.
    assert resultaat["passes"] > 10, f"axe checked almost nothing on {naam}"
    print(
        f"axe {naam}: {resultaat['passes']} rules passed, {len(resultaat['violations'])} violated"
    )
    if resultaat["incomplete"]:
        print(f"axe {naam}: for a person to check: {', '.join(resultaat['incomplete'])}")
    for v in resultaat["violations"]:
        doelen = [", ".join(n["target"]) for n in v["nodes"]][:5]
        print(f"axe {naam}: {v['impact']} {v['id']}: {v['help']} {doelen}")
    return resultaat["violations"]


def _log_in(browser: Browser, portal: str, rol: str, gemeentecode: str = "", kvk: str = "") -> Page:
    page = browser.new_context().new_page()
    page.goto(portal + "/inloggen")
    page.get_by_label("Rol").select_option(rol)
    if gemeentecode:
        page.get_by_label("Gemeentecode(s)").fill(gemeentecode)
    if kvk:
        page.get_by_label("KvK-nummer").fill(kvk)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text(f"Ingelogd als {rol}")).to_be_visible()
    return page


def test_no_page_has_a_serious_or_critical_accessibility_violation(
    chromium: Browser, portal: str, gegevens: Gegevens, tmp_path: Path
) -> None:
    ernstig: dict[str, list[str]] = {}

    def controleer(page: Page, naam: str) -> None:
        page.wait_for_load_state("load")
        page.screenshot(path=str(tmp_path / f"{naam}.png"), full_page=True)
        gevonden = [v for v in _axe(page, naam) if v["impact"] in ERNSTIG]
        if gevonden:
            ernstig[naam] = [
                f"{v['id']}: {json.dumps([n['target'] for n in v['nodes']])}" for v in gevonden
            ]

    anoniem = chromium.new_context().new_page()
    anoniem.goto(portal + "/inloggen")
    controleer(anoniem, "inloggen")
    anoniem.get_by_label("Rol").select_option("gemeente")
    anoniem.get_by_label("Gemeentecode(s)").fill("Eindhoven")
    anoniem.get_by_role("button", name="Inloggen").click()
    expect(anoniem.get_by_role("alert")).to_be_visible()
    controleer(anoniem, "inloggen-met-fouten")

    regio = _log_in(chromium, portal, "regio", "GM0772")
    controleer(regio, "start")
    regio.goto(portal + "/inkoop")
    controleer(regio, "inkoop")
    regio.locator("section.verband h2 a").first.click()
    regio.wait_for_function(
        "() => window.Chart && Chart.getChart(document.getElementById('prognosegrafiek'))"
    )
    controleer(regio, "inkoop-verband")
    regio.goto(portal + "/netwerk")
    controleer(regio, "netwerk-regio")

    beheer = _log_in(chromium, portal, "beheer")
    beheer.goto(portal + "/netwerk")
    controleer(beheer, "netwerk-provincie")
    beheer.goto(portal + "/inkoop")
    controleer(beheer, "geen-toegang")

    gemeente = _log_in(chromium, portal, "gemeente", GEMEENTE)
    gemeente.goto(portal + "/werkvoorraad")
    expect(gemeente.locator(f'tr[data-inburgeraar="{gegevens.wachtend}"]').first).to_be_visible()
    controleer(gemeente, "werkvoorraad")
    gemeente.goto(f"{portal}/inburgeraars/{gegevens.lopend}")
    controleer(gemeente, "inburgeraar")
    gemeente.goto(f"{portal}/inburgeraars/{uuid.uuid4()}")
    controleer(gemeente, "niet-gevonden")

    aanbieder = _log_in(chromium, portal, "aanbieder", kvk=gegevens.kvk)
    aanbieder.goto(portal + "/plaatsingen")
    expect(aanbieder.get_by_role("button", name="Aanwezigheid melden")).to_be_visible()
    controleer(aanbieder, "plaatsingen")
    aanbieder.get_by_label("Aanwezige uren").fill("twee")
    aanbieder.get_by_role("button", name="Aanwezigheid melden").click()
    expect(aanbieder.get_by_role("alert")).to_be_visible()
    controleer(aanbieder, "plaatsingen-met-fouten")

    assert not ernstig, ernstig
