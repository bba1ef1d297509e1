"""The procurement flow in a real Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]


def _focus_order(page: Page, stappen: int = 40) -> list[str]:
    """What Tab reaches, in order, as 'tag:name'."""
    bereikt = []
    for _ in range(stappen):
        page.keyboard.press("Tab")
        bereikt.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return e.tagName.toLowerCase() + ':' + (e.id || e.textContent.trim()); }"
            )
        )
    return bereikt


def test_the_lead_works_through_procurement_with_keyboard_and_chart_and_nothing_leaves_the_portal(
    chromium: Browser, portal: str
) -> None:
    context = chromium.new_context(accept_downloads=True)
    verzoeken: list[str] = []
    context.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    page = context.new_page()
    fouten: list[str] = []
    page.on("console", lambda bericht: bericht.type == "error" and fouten.append(bericht.text))
    page.on("pageerror", lambda fout: fouten.append(str(fout)))
    context.on("response", lambda antwoord: antwoord.status >= 400 and fouten.append(antwoord.url))

    page.goto(portal + "/")
    expect(page).to_have_url(portal + "/inloggen")
    page.get_by_label("Rol").select_option("regio")
    page.get_by_label("Gemeentecode(s)").fill("GM0772")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Ingelogd als regio voor GM0772")).to_be_visible()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inkoop").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inkoop")
    verbanden = page.locator("section.verband h2 a")
    expect(verbanden).to_have_count(3)
    verbanden.first.click()

    tabel = page.get_by_role("table", name="Vraagprognose per kwartaal")
    expect(tabel).to_be_visible()
    kwartalen = tabel.locator("tbody th[scope=row]").all_inner_texts()
    assert len(kwartalen) == 6
    expect(page.get_by_role("status")).to_contain_text("tekort")

    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.getElementById('prognosegrafiek'))"
    )
    grafiek = page.evaluate(
        """() => {
            const canvas = document.getElementById('prognosegrafiek');
            const chart = Chart.getChart(canvas);
            return {breedte: canvas.width, hoogte: canvas.height, labels: chart.data.labels,
                    reeksen: chart.data.datasets.map(d => d.label)};
        }"""
    )
    assert grafiek["breedte"] > 0 and grafiek["hoogte"] > 0
    assert grafiek["labels"] == kwartalen
    assert grafiek["reeksen"] == ["Verwachte vraag", "Vrije plaatsen", "Tekort"]

    with page.expect_download() as download:
        page.get_by_role("link", name="Download de prognose als CSV").click()
    with open(download.value.path(), encoding="utf-8") as csv:
        assert csv.readline().startswith("kwartaal,bron,gemeentecode,doelgroep,aantal")

    page.locator("body").focus()
    bereikt = _focus_order(page)
    for besturing in (
        "a:Naar de inhoud",
        "a:Inkoop",
        "button:Uitloggen",
        "select:kwartalen",
        "button:Toon",
        "a:Download de prognose als CSV",
    ):
        assert besturing in bereikt, f"{besturing} not reached by Tab: {bereikt}"

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(portal + "/inloggen")
    page.goto(portal + "/inkoop")
    expect(page).to_have_url(portal + "/inloggen")
    context.close()

    eigen = urlsplit(portal).netloc
    assert verzoeken and all(urlsplit(url).netloc == eigen for url in verzoeken), verzoeken
    assert not fouten, fouten
