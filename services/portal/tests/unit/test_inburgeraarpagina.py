from __future__ import annotations

import uuid
from collections.abc import Callable

import httpx

Csrf = Callable[[str], str]


async def _log_in(client: httpx.AsyncClient, csrf_van: Csrf, rol: str = "gemeente") -> None:
    token = csrf_van((await client.get("/inloggen")).text)
    data = {"rol": rol, "gemeentecodes": "GM0772", "csrf_token": token}
    await client.post("/inloggen", data=data)


async def test_a_person_intake_does_not_show_is_niet_gevonden_and_no_other_service_is_asked(
    portaal_met: Callable, csrf_van: Csrf
) -> None:
    gevraagd: list[str] = []

    def diensten(request: httpx.Request) -> httpx.Response:
        gevraagd.append(request.url.path)
        return httpx.Response(404, json={"status": 404, "detail": "Inburgeraar niet gevonden."})

    async with portaal_met(httpx.MockTransport(diensten)) as client:
        await _log_in(client, csrf_van)
        antwoord = await client.get(f"/inburgeraars/{uuid.uuid4()}")
    assert antwoord.status_code == 404 and "Niet gevonden" in antwoord.text
    assert len(gevraagd) == 1 and gevraagd[0].startswith("/v1/inburgeraars/")


async def test_the_worklist_and_person_page_are_for_the_gemeente_role_only(
    portaal: httpx.AsyncClient, csrf_van: Csrf
) -> None:
    await _log_in(portaal, csrf_van, rol="regio")
    assert (await portaal.get("/werkvoorraad")).status_code == 403
    assert (await portaal.get(f"/inburgeraars/{uuid.uuid4()}")).status_code == 403
