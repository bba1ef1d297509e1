"""Every service's API documentation in Chromium with the internet cut off: Swagger UI comes from
the service itself and lists its operations under the page's strict Content-Security-Policy."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Route, expect

from inburgering.devtools.platform import SERVICES
from tests.e2e.platform import RunningPlatform

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]


@pytest.mark.parametrize("dienst", SERVICES)
def test_the_docs_list_the_operations_with_every_other_host_unreachable(
    chromium: Browser, postgres_platform: RunningPlatform, dienst: str
) -> None:
    basis = postgres_platform.urls[dienst]
    eigen = urlsplit(basis).netloc
    paden = list(httpx.get(basis + "/v1/openapi.json").json()["paths"])
    context = chromium.new_context()
    geblokkeerd: list[str] = []

    def alleen_eigen_host(route: Route) -> None:
        if urlsplit(route.request.url).netloc == eigen:
            route.continue_()
        else:
            geblokkeerd.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", alleen_eigen_host)
    page = context.new_page()
    fouten: list[str] = []
    # A CSP violation is reported as a console error.
    page.on("console", lambda bericht: bericht.type == "error" and fouten.append(bericht.text))
    page.on("pageerror", lambda fout: fouten.append(str(fout)))

    antwoord = page.goto(basis + "/v1/docs")
    assert antwoord is not None and antwoord.ok
    assert "default-src 'self'" in antwoord.headers["content-security-policy"]
    for pad in (paden[0], paden[-1]):
        expect(page.locator(f'.opblock-summary-path[data-path="{pad}"]').first).to_be_visible()
    assert page.locator(".opblock").count() >= len(paden)
    context.close()

    assert not geblokkeerd, geblokkeerd
    assert not fouten, fouten
