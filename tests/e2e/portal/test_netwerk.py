"""The hbo/wo network page through the portal process, against referrals: every figure is
referrals' own answer for the same user."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, expect

from inburgering.shared.auth import Rol
from tests.e2e.platform import RunningPlatform, token
from tests.e2e.portal.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

# Eindhoven leads the demo network; Best takes part in no network.
LEAD, GEEN_LEAD = "GM0772", "GM0753"


def _api(platform: RunningPlatform, pad: str, auth: dict[str, str], **params: object) -> object:
    antwoord = httpx.get(platform.url("referrals", pad), params=params, headers=auth, timeout=30)
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.json()


def _tekst(cijfer: dict) -> str:
    return "verborgen" if cijfer["onderdrukt"] else str(cijfer["aantal"])


def _pagina_en_api(
    portal: str, platform: RunningPlatform, rol: str, gemeentecodes: str, auth: dict[str, str]
) -> tuple[str, dict, dict[str, list[dict]]]:
    """The page and referrals' answers, read until both saw the same referrals: consumers of
    earlier tests may still be adding some."""
    for _ in range(5):
        with log_in(portal, rol, gemeentecodes) as browser:
            pagina = browser.get("/netwerk")
        assert pagina.status_code == 200, pagina.text
        statistiek = _api(platform, "/v1/statistieken/verwijzingen", auth)
        opleidingen = _api(platform, "/v1/opleidingen", auth, limit=200)
        cohorten = {
            o["id"]: _api(platform, f"/v1/opleidingen/{o['id']}/cohorten", auth)
            for o in opleidingen
        }
        totaal = re.search(r'id="totaal">([^<]+)<', pagina.text)
        if totaal and totaal.group(1) == _tekst(statistiek["totaal"]):
            return pagina.text, statistiek, cohorten
    pytest.fail("the page and referrals kept answering different totals")


@pytest.mark.parametrize(
    ("rol", "gemeentecodes", "weergave"),
    [("regio", LEAD, "netwerk"), ("beheer", "", "provincie")],
)
def test_the_figures_are_referrals_answers_for_the_same_user(
    portal: str, postgres_platform: RunningPlatform, rol: str, gemeentecodes: str, weergave: str
) -> None:
    auth = token(Rol(rol), gemeentecodes=[gemeentecodes] if gemeentecodes else [])
    html, statistiek, cohorten = _pagina_en_api(portal, postgres_platform, rol, gemeentecodes, auth)
    assert statistiek["weergave"] == weergave
    per_opleiding = dict(
        re.findall(
            r'<tr data-opleiding="([0-9a-f-]{36})">.*?<td class="getal aantal">([^<]+)</td>',
            html,
            re.S,
        )
    )
    verwacht = {r["opleidingId"]: _tekst(r) for r in statistiek["perOpleiding"] if r["opleidingId"]}
    assert per_opleiding == verwacht and per_opleiding
    per_instelling = dict(
        re.findall(
            r'<tr class="groep" data-instelling="([0-9a-f-]{36})">.*?'
            r'<td class="getal aantal">([^<]+)</td>',
            html,
            re.S,
        )
    )
    assert per_instelling == {
        r["instellingId"]: _tekst(r) for r in statistiek["perInstelling"] if r["instellingId"]
    }
    vrij = dict(
        re.findall(
            r'<tr data-cohort="([0-9a-f-]{36})">.*?<td class="getal vrij">(\d+)</td>', html, re.S
        )
    )
    assert vrij == {c["id"]: str(c["vrijePlaatsen"]) for lijst in cohorten.values() for c in lijst}
    assert len(vrij) >= 2
    if statistiek["kleineAantallenOnderdrukt"]:
        assert "Kleine aantallen verborgen" in html


def test_a_regio_that_leads_no_network_sees_geen_toegang_and_a_gemeente_too(portal: str) -> None:
    with log_in(portal, "regio", GEEN_LEAD) as browser:
        geen_lead = browser.get("/netwerk")
    with log_in(portal, "gemeente", LEAD) as browser:
        gemeente = browser.get("/netwerk")
    assert geen_lead.status_code == 403 and "Geen toegang" in geen_lead.text
    assert gemeente.status_code == 403 and "Geen toegang" in gemeente.text


def test_the_province_reads_the_network_in_chromium(
    chromium: Browser, portal: str, tmp_path: Path
) -> None:
    context = chromium.new_context()
    verzoeken: list[str] = []
    context.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    page = context.new_page()
    page.goto(portal + "/inloggen")
    page.get_by_label("Rol").select_option("beheer")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Netwerk hbo/wo"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerk hbo/wo")
    for naam in (
        "Verwijzingen per stap",
        "Verwijzingen en vrije plaatsen per instelling en opleiding",
        "Cohorten per instelling en opleiding",
    ):
        expect(page.get_by_role("table", name=re.compile(naam))).to_be_visible()
    # The cohort's state is a word in its own column, not a colour.
    standen = page.locator("#cohorten tbody tr td:last-child").all_inner_texts()
    assert standen and set(standen) <= {"Open", "Vol", "Aanmelding gesloten"}
    page.screenshot(path=str(tmp_path / "netwerk.png"), full_page=True)
    context.close()
    eigen = urlsplit(portal).netloc
    assert all(urlsplit(url).netloc == eigen for url in verzoeken), verzoeken
