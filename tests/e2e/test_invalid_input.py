"""Every skeleton endpoint answers invalid input with a 400 problem naming each invalid field."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.e2e.platform import RunningPlatform, token

pytestmark = [pytest.mark.e2e]

GEMEENTE = token(gemeentecodes=["GM0772"])
SOME_ID = str(uuid.uuid4())

CASES = [
    (
        "intake",
        "POST",
        "/v1/inburgeraars",
        {"json": {"bsn": "abc", "gemeentecode": "0772", "doelgroep": "x", "geboortedatum": "1-1"}},
        {"body.bsn", "body.gemeentecode", "body.doelgroep", "body.geboortedatum"},
    ),
    (
        "intake",
        "POST",
        f"/v1/inburgeraars/{SOME_ID}/brede-intake",
        {"json": {"leerbaarheidstoets": "?", "opleidingsniveau": 3, "ambitie": None}},
        {"body.leerbaarheidstoets", "body.opleidingsniveau", "body.ambitie", "body.afgerondDatum"},
    ),
    ("intake", "GET", "/v1/inburgeraars/niet-een-uuid", {}, {"path.inburgeraar_id"}),
    (
        "routes",
        "GET",
        "/v1/leerroute-adviezen",
        {"params": {"inburgeraarId": "nee", "limit": "0"}},
        {"query.inburgeraarId", "query.limit"},
    ),
    (
        "routes",
        "POST",
        f"/v1/leerroute-adviezen/{SOME_ID}/vaststellen",
        {"json": {"leerroute": "a2-route", "motivering": 12}},
        {"body.leerroute", "body.motivering"},
    ),
    (
        "contracts",
        "GET",
        "/v1/plaatsingen",
        {"params": {"inburgeraarId": "nee"}},
        {"query.inburgeraarId"},
    ),
    ("contracts", "GET", "/v1/plaatsingen/123", {}, None),
    (
        "referrals",
        "GET",
        "/v1/verwijzingen",
        {"params": {"inburgeraarId": "nee"}},
        {"query.inburgeraarId"},
    ),
    ("referrals", "GET", "/v1/verwijzingen/123", {}, None),
]


@pytest.mark.parametrize(("service", "method", "path", "kwargs", "fields"), CASES)
async def test_invalid_input_is_a_400_problem_naming_each_field(
    postgres_platform: RunningPlatform,
    service: str,
    method: str,
    path: str,
    kwargs: dict,
    fields: set[str] | None,
) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.request(
            method, postgres_platform.url(service, path), headers=GEMEENTE, **kwargs
        )

    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["api-version"]
    problem = response.json()
    assert problem["status"] == 400
    named = {p["name"] for p in problem["invalidParams"]}
    if fields is None:
        assert len(named) == 1 and next(iter(named)).startswith("path.")
    else:
        assert named == fields
