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


def _signed(**wijziging: object) -> str:
    """A development token with claims changed or removed (None removes)."""
    import time

    import jwt

    nu = int(time.time())
    claims: dict[str, object] = {
        "iss": "inburgering-dev",
        "sub": "mw-7",
        "aud": ["inburgering-intake"],
        "iat": nu,
        "exp": nu + 600,
        "rol": "gemeente",
        "gemeentecodes": ["GM0363"],
    }
    claims.update(wijziging)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, DEV_JWT_SECRET, algorithm="HS256")


@pytest.mark.parametrize(
    "wijziging",
    [
        {"rol": "aanbieder", "kvk": ["91000001"]},
        {"rol": "aanbieder", "kvk": {"nummer": "91000001"}},
        {"rol": "instelling", "instelling": {"id": 1}},
        {"gemeentecodes": ["*"]},
        {"gemeentecodes": ["GM0772,GM0855"]},
        {"gemeentecodes": [f"GM{i % 10000:04d}" for i in range(32_768)]},
        {"gemeentecodes": "GM0363"},
        {"exp": str(int(__import__("time").time()) + 600)},
        {"exp": 253_402_300_799},  # the year 9999
        {"sub": ""},
        {"rol": "koning"},
    ],
    ids=lambda w: next(iter(w)) + ":" + str(next(iter(w.values())))[:20],
)
async def test_claims_of_the_wrong_type_or_shape_are_a_401_never_a_500(
    client: httpx.AsyncClient, wijziging: dict
):
    response = await client.get(
        "/v1/wie", headers={"Authorization": f"Bearer {_signed(**wijziging)}"}
    )
    _is_unauthorized(response)


async def test_a_huge_token_is_refused_before_it_is_read(client: httpx.AsyncClient):
    groot = _signed(opvulling="x" * 100_000)
    response = await client.get("/v1/wie", headers={"Authorization": f"Bearer {groot}"})
    _is_unauthorized(response)
    assert response.json()["detail"] == "Het token is te groot."


@pytest.mark.parametrize(
    ("wijziging", "reden"),
    [
        ({"exp": 1}, "Het token is verlopen."),
        ({"aud": ["elders"]}, "Het token is niet voor deze dienst bestemd."),
        ({"iss": "elders"}, "Het token komt niet van een vertrouwde uitgever."),
        ({"sub": None}, "Het token mist een verplichte claim."),
    ],
)
async def test_a_refusal_is_said_in_the_platforms_own_words(
    client: httpx.AsyncClient, wijziging: dict, reden: str
):
    response = await client.get(
        "/v1/wie", headers={"Authorization": f"Bearer {_signed(**wijziging)}"}
    )
    _is_unauthorized(response)
    assert response.json()["detail"] == reden
    assert "Error" not in response.text
