from __future__ import annotations

from collections.abc import Callable

import httpx

from inburgering.portal.beveiliging import CSP

Csrf = Callable[[str], str]


def _onbereikbaar(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


async def _log_in_als_regio(client: httpx.AsyncClient, csrf_van: Csrf) -> None:
    token = csrf_van((await client.get("/inloggen")).text)
    data = {"rol": "regio", "gemeentecodes": "GM0772", "csrf_token": token}
    await client.post("/inloggen", data=data)


async def test_every_page_carries_the_content_security_policy(
    portaal: httpx.AsyncClient,
) -> None:
    for pad in ("/inloggen", "/static/js/prognosegrafiek.js", "/bestaat-niet"):
        antwoord = await portaal.get(pad)
        assert antwoord.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP and "unsafe-inline" not in CSP


async def test_an_unreachable_service_is_a_page_not_a_stack_trace(
    portaal_met: Callable, csrf_van: Csrf
) -> None:
    async with portaal_met(httpx.MockTransport(_onbereikbaar)) as client:
        await _log_in_als_regio(client, csrf_van)
        antwoord = await client.get("/inkoop")
    assert antwoord.status_code == 502
    assert "contracts is niet bereikbaar" in antwoord.text
    assert "Traceback" not in antwoord.text


async def test_a_malformed_verband_id_is_not_found(
    portaal: httpx.AsyncClient, csrf_van: Csrf
) -> None:
    await _log_in_als_regio(portaal, csrf_van)
    antwoord = await portaal.get("/inkoop/verbanden/geen-uuid")
    assert antwoord.status_code == 404 and "Niet gevonden" in antwoord.text
