from datetime import date
from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Query
from pydantic import Field

from inburgering.shared.http.app import create_app
from inburgering.shared.http.problems import PROBLEM_JSON, Conflict
from inburgering.shared.http.schemas import ApiModel

VERSION = "1.4.2"


class NieuweAfspraak(ApiModel):
    gemeentecode: str = Field(pattern=r"^GM\d{4}$")
    afspraak_datum: date
    aantal_deelnemers: int = Field(ge=1)


class AfspraakBestaat(Conflict):
    code = "afspraak-bestaat"


router = APIRouter()


@router.post("/afspraken", status_code=201)
async def maak_afspraak(
    afspraak: NieuweAfspraak, notitie: Annotated[str, Query(max_length=5)] = ""
) -> dict[str, str]:
    if afspraak.gemeentecode == "GM9999":
        raise AfspraakBestaat("Er is al een afspraak.")
    return {"gemeentecode": afspraak.gemeentecode}


@router.get("/kapot")
async def kapot() -> None:
    raise RuntimeError("onverwacht, bsn 123456782")


async def _ready() -> dict[str, bool]:
    return {"database": True}


@pytest.fixture
def app() -> FastAPI:
    return create_app(
        service="proef",
        title="Proef",
        description="Proef-API",
        version=VERSION,
        routers=[router],
        ready_check=_ready,
    )


@pytest.fixture
async def client(app: FastAPI):
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://proef") as client:
        yield client


def _is_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM_JSON
    body = response.json()
    assert body["status"] == status
    assert body["instance"].startswith("urn:uuid:")
    assert body["type"].startswith("https://")
    return body


async def test_a_valid_body_succeeds_with_the_api_version(client: httpx.AsyncClient):
    response = await client.post(
        "/v1/afspraken",
        json={"gemeentecode": "GM0363", "afspraakDatum": "2026-05-01", "aantalDeelnemers": 2},
    )

    assert response.status_code == 201
    assert response.headers["API-Version"] == VERSION


async def test_an_invalid_body_is_a_400_naming_every_invalid_field(client: httpx.AsyncClient):
    response = await client.post(
        "/v1/afspraken?notitie=veel-te-lang",
        json={"gemeentecode": "0363", "afspraakDatum": "morgen", "aantalDeelnemers": 0},
    )

    body = _is_problem(response, 400)
    assert response.headers["API-Version"] == VERSION
    assert body["code"] == "ongeldige-invoer"
    names = {param["name"] for param in body["invalidParams"]}
    assert names == {
        "body.gemeentecode",
        "body.afspraakDatum",
        "body.aantalDeelnemers",
        "query.notitie",
    }
    assert all(param["code"] and param["reason"] for param in body["invalidParams"])


async def test_missing_and_unknown_fields_are_each_named(client: httpx.AsyncClient):
    response = await client.post("/v1/afspraken", json={"gemeentecode": "GM0363", "bsn": "x"})

    body = _is_problem(response, 400)
    names = {param["name"] for param in body["invalidParams"]}
    assert names == {"body.afspraakDatum", "body.aantalDeelnemers", "body.bsn"}


async def test_a_domain_error_is_rendered_with_its_own_status_and_code(client: httpx.AsyncClient):
    response = await client.post(
        "/v1/afspraken",
        json={"gemeentecode": "GM9999", "afspraakDatum": "2026-05-01", "aantalDeelnemers": 2},
    )

    body = _is_problem(response, 409)
    assert body["code"] == "afspraak-bestaat"
    assert body["detail"] == "Er is al een afspraak."
    assert response.headers["API-Version"] == VERSION


async def test_an_unexpected_error_is_a_500_problem_without_details(client: httpx.AsyncClient):
    response = await client.get("/v1/kapot")

    body = _is_problem(response, 500)
    assert response.headers["API-Version"] == VERSION
    assert "123456782" not in response.text
    assert "RuntimeError" not in body["detail"]


@pytest.mark.parametrize("path", ["/v1/bestaat-niet", "/bestaat-niet"])
async def test_an_unknown_path_is_a_404_problem(client: httpx.AsyncClient, path: str):
    response = await client.get(path)

    body = _is_problem(response, 404)
    assert body["code"] == "niet-gevonden"
    assert response.headers["API-Version"] == VERSION


async def test_a_wrong_method_is_a_405_problem(client: httpx.AsyncClient):
    response = await client.delete("/v1/afspraken")

    _is_problem(response, 405)


async def test_the_openapi_document_is_public_and_describes_the_api(client: httpx.AsyncClient):
    response = await client.get("/v1/openapi.json")

    assert response.status_code == 200
    assert response.headers["API-Version"] == VERSION
    document = response.json()
    assert document["info"]["version"] == VERSION
    assert "/afspraken" in document["paths"]
    assert document["servers"] == [{"url": "/v1"}]


async def test_health_is_served_at_the_root(client: httpx.AsyncClient):
    response = await client.get("/health")

    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
