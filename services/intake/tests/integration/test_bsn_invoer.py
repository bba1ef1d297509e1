"""Wherever a client sends a BSN to the platform's own API, anything but nine ASCII digits that
pass the elfproef is a 400 problem+json naming the field, and never echoes the number."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime

pytestmark = pytest.mark.integration

EINDHOVEN = bearer(gemeentecodes=["GM0772"])
AANMELDING = {
    "gemeentecode": "GM0772",
    "doelgroep": "asielstatushouder",
    "geboortedatum": "2000-05-17",
}
ONGELDIG = [
    pytest.param(" 999990019", id="leading-space"),
    pytest.param("999990019 ", id="trailing-space"),
    pytest.param("999990019\n", id="trailing-newline"),
    pytest.param("9999\t90019", id="tab"),
    pytest.param("99999001a", id="letter"),
    pytest.param("abcdefghi", id="letters"),
    pytest.param("٩٩٩٩٩٠٠١٩", id="arabic-indic-digits"),
    pytest.param("９９９９９００１９", id="full-width-digits"),
    pytest.param("12345672", id="8-digits"),
    pytest.param("9999900190", id="10-digits"),
    pytest.param("999990018", id="elfproef"),
]


@pytest.fixture
async def client(postgres_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = IntakeSettings(database_url=postgres_url, roles="api", kafka_create_topics=False)
    runtime = await migrated_runtime(build_parts(settings))
    async with api_client(runtime) as client:
        yield client
    await runtime.engine.dispose()


def assert_bsn_refused(response: httpx.Response, bsn: str) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == ["body.bsn"]
    assert bsn.strip() not in response.text


@pytest.mark.parametrize("bsn", ONGELDIG)
async def test_registering_with_a_malformed_bsn_is_a_400_naming_the_field(
    client: httpx.AsyncClient, bsn: str
) -> None:
    response = await client.post(
        "/v1/inburgeraars", json={**AANMELDING, "bsn": bsn}, headers=EINDHOVEN
    )
    assert_bsn_refused(response, bsn)


@pytest.mark.parametrize("bsn", ONGELDIG)
async def test_searching_with_a_malformed_bsn_is_a_400_naming_the_field(
    client: httpx.AsyncClient, bsn: str
) -> None:
    response = await client.post("/v1/inburgeraars/_zoek", json={"bsn": bsn}, headers=EINDHOVEN)
    assert_bsn_refused(response, bsn)


async def test_a_bsn_that_is_null_or_a_number_is_a_400_naming_the_field(
    client: httpx.AsyncClient,
) -> None:
    for bsn in (None, 999990019):
        response = await client.post("/v1/inburgeraars/_zoek", json={"bsn": bsn}, headers=EINDHOVEN)
        assert response.status_code == 400
        assert [p["name"] for p in response.json()["invalidParams"]] == ["body.bsn"]


async def test_nine_ascii_digits_passing_the_elfproef_are_accepted(
    client: httpx.AsyncClient,
) -> None:
    created = await client.post(
        "/v1/inburgeraars", json={**AANMELDING, "bsn": "999990019"}, headers=EINDHOVEN
    )
    assert created.status_code == 201, created.text
    found = await client.post(
        "/v1/inburgeraars/_zoek", json={"bsn": "999990019"}, headers=EINDHOVEN
    )
    assert [p["id"] for p in found.json()] == [created.json()["id"]]
