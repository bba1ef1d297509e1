from __future__ import annotations

import base64
import json
from collections.abc import Callable

import httpx
import jwt
import pytest

from inburgering.portal.app import create_app
from inburgering.portal.settings import PortalSettings
from inburgering.shared.settings import DEV_JWT_SECRET

Csrf = Callable[[str], str]


async def test_a_post_without_the_csrf_token_is_refused(
    portaal: httpx.AsyncClient, csrf_van: Csrf
) -> None:
    await portaal.get("/inloggen")
    antwoord = await portaal.post("/inloggen", data={"rol": "regio", "gemeentecodes": "GM0772"})
    assert antwoord.status_code == 403
    assert "Formulier niet geaccepteerd" in antwoord.text
    assert (await portaal.get("/")).headers["location"] == "/inloggen"


async def test_a_post_with_another_sessions_csrf_token_is_refused(
    portaal: httpx.AsyncClient, csrf_van: Csrf
) -> None:
    token = csrf_van((await portaal.get("/inloggen")).text)
    portaal.cookies.clear()
    await portaal.get("/inloggen")
    antwoord = await portaal.post("/inloggen", data={"rol": "regio", "csrf_token": token})
    assert antwoord.status_code == 403


async def test_the_dev_login_mints_the_same_token_as_scripts_token(
    portaal: httpx.AsyncClient, csrf_van: Csrf
) -> None:
    token = csrf_van((await portaal.get("/inloggen")).text)
    antwoord = await portaal.post(
        "/inloggen",
        data={"rol": "regio", "gemeentecodes": "gm0772, GM0753", "csrf_token": token},
    )
    assert antwoord.status_code == 303
    start = await portaal.get("/")
    assert start.status_code == 200
    assert "Ingelogd als regio voor GM0753, GM0772" in start.text
    claims = jwt.decode(
        _token_in(portaal.cookies["portaal_sessie"]),
        DEV_JWT_SECRET,
        algorithms=["HS256"],
        audience="inburgering-contracts",
    )
    assert claims["rol"] == "regio" and claims["gemeentecodes"] == ["GM0753", "GM0772"]


async def test_the_session_cookie_is_http_only_and_same_site_lax(
    portaal: httpx.AsyncClient,
) -> None:
    cookie = (await portaal.get("/inloggen")).headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie


async def test_a_wrong_gemeentecode_is_named_next_to_its_field(
    portaal: httpx.AsyncClient, csrf_van: Csrf
) -> None:
    token = csrf_van((await portaal.get("/inloggen")).text)
    antwoord = await portaal.post(
        "/inloggen", data={"rol": "gemeente", "gemeentecodes": "Eindhoven", "csrf_token": token}
    )
    assert antwoord.status_code == 400
    assert 'id="gemeentecodes-fout"' in antwoord.text and "EINDHOVEN" in antwoord.text


async def test_logging_out_ends_the_session(portaal: httpx.AsyncClient, csrf_van: Csrf) -> None:
    token = csrf_van((await portaal.get("/inloggen")).text)
    await portaal.post("/inloggen", data={"rol": "beheer", "csrf_token": token})
    token = csrf_van((await portaal.get("/")).text)
    assert (await portaal.post("/uitloggen", data={"csrf_token": token})).status_code == 303
    assert (await portaal.get("/")).headers["location"] == "/inloggen"


async def test_production_refuses_the_dev_login() -> None:
    settings = PortalSettings(environment="production", session_secret="x" * 40)
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://portaal") as client:
        antwoord = await client.get("/inloggen")
        assert antwoord.status_code == 403
        assert "productie" in antwoord.text and 'name="rol"' not in antwoord.text


def test_production_refuses_the_development_session_secret() -> None:
    with pytest.raises(ValueError, match="PORTAL_SESSION_SECRET"):
        PortalSettings(environment="production")


def _token_in(cookie: str) -> str:
    # Starlette's session cookie: base64(JSON).timestamp.signature
    payload = cookie.strip('"').split(".")[0]
    return json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))["token"]
