from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from playwright.sync_api import Browser, sync_playwright

from inburgering.devtools.platform import start_service, stop, wait_ready
from inburgering.shared.testing.broker import free_port
from tests.e2e.platform import RunningPlatform


def _portal_voor(platform: RunningPlatform) -> Iterator[str]:
    port = free_port()
    env = {"PORTAL_HTTP_PORT": str(port)}
    env.update({f"PORTAL_{dienst.upper()}_URL": url for dienst, url in platform.urls.items()})
    process = start_service("portal", env, platform.logs / "portal.log")
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, timeout=60)
        yield url
    finally:
        stop([process])


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium: Playwright cannot download a browser of its own here."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail("Chromium is missing: scripts/test installs it (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def portal(postgres_platform: RunningPlatform) -> Iterator[str]:
    """The portal as its own process against the platform with the demo region; its URL."""
    yield from _portal_voor(postgres_platform)


@pytest.fixture(scope="session")
def lege_portal(empty_platform: RunningPlatform) -> Iterator[str]:
    """The portal against a platform without demo data: a region on its first day."""
    yield from _portal_voor(empty_platform)


@contextmanager
def log_in(portal: str, rol: str, gemeentecodes: str = "", kvk: str = "") -> Iterator[httpx.Client]:
    """A browser-like client (it keeps the cookie) logged in through the development login."""
    with httpx.Client(base_url=portal, follow_redirects=False, timeout=30) as client:
        token = csrf_van(client.get("/inloggen").text)
        data = {"rol": rol, "gemeentecodes": gemeentecodes, "kvk": kvk, "csrf_token": token}
        antwoord = client.post("/inloggen", data=data)
        assert antwoord.status_code == 303, antwoord.text
        yield client


def csrf_van(html: str) -> str:
    gevonden = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert gevonden, "the page has no CSRF field"
    return gevonden.group(1)
