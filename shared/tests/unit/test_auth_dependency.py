import httpx
import pytest
from fastapi import APIRouter, FastAPI

from inburgering.shared.auth import CurrentPrincipal, Rol, TokenVerifier, mint_dev_token
from inburgering.shared.http.app import create_app
from inburgering.shared.http.problems import PROBLEM_JSON
from inburgering.shared.settings import DEV_JWT_SECRET, BaseServiceSettings

router = APIRouter()


@router.get("/wie")
async def wie(principal: CurrentPrincipal) -> dict[str, str]:
    return {"rol": principal.rol, "subject": principal.subject}


async def _ready() -> dict[str, bool]:
    return {}


@pytest.fixture
def app() -> FastAPI:
    verifier = TokenVerifier(BaseServiceSettings(service_name="intake"))
    return create_app(
        service="proef",
        title="Proef",
        description="Proef-API",
        version="1.0.0",
        routers=[router],
        ready_check=_ready,
        state={"token_verifier": verifier},
    )


@pytest.fixture
async def client(app: FastAPI):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://proef") as client:
        yield client


@pytest.fixture
def token() -> str:
    return mint_dev_token(
        DEV_JWT_SECRET, rol=Rol.GEMEENTE, subject="mw-7", gemeentecodes=["GM0363"]
    )


def _is_unauthorized(response: httpx.Response) -> None:
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["code"] == "niet-geauthenticeerd"


async def test_a_bearer_token_identifies_the_caller(client: httpx.AsyncClient, token: str):
    response = await client.get("/v1/wie", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.json() == {"rol": "gemeente", "subject": "mw-7"}


async def test_a_request_without_a_token_is_a_401_problem(client: httpx.AsyncClient):
    _is_unauthorized(await client.get("/v1/wie"))


async def test_an_invalid_token_is_a_401_problem(client: httpx.AsyncClient):
    _is_unauthorized(await client.get("/v1/wie", headers={"Authorization": "Bearer onzin"}))


async def test_another_scheme_is_a_401_problem(client: httpx.AsyncClient, token: str):
    _is_unauthorized(await client.get("/v1/wie", headers={"Authorization": f"Basic {token}"}))


@pytest.mark.parametrize("name", ["access_token", "token", "jwt"])
async def test_a_token_in_the_query_string_is_refused(
    client: httpx.AsyncClient, token: str, name: str
):
    response = await client.get("/v1/wie", params={name: token})

    _is_unauthorized(response)
    assert "query" in response.json()["detail"]


async def test_a_query_token_is_refused_even_next_to_a_valid_header(
    client: httpx.AsyncClient, token: str
):
    response = await client.get(
        "/v1/wie", params={"access_token": token}, headers={"Authorization": f"Bearer {token}"}
    )

    _is_unauthorized(response)
