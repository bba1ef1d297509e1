"""Two backoffices register the same person at the same moment: one 201 and one 409 naming it."""

from __future__ import annotations

import asyncio

import pytest

from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime

pytestmark = pytest.mark.integration

EINDHOVEN = bearer(gemeentecodes=["GM0772"])


async def test_simultaneous_registrations_of_one_person_are_one_201_and_one_409(
    postgres_url: str,
) -> None:
    settings = IntakeSettings(database_url=postgres_url, roles="api", kafka_create_topics=False)
    runtime = await migrated_runtime(build_parts(settings))
    try:
        async with api_client(runtime) as client:
            for bsn in ("999990019", "999990032", "999990044"):
                body = {
                    "bsn": bsn,
                    "gemeentecode": "GM0772",
                    "doelgroep": "asielstatushouder",
                    "geboortedatum": "2000-05-17",
                }
                answers = await asyncio.gather(
                    *(client.post("/v1/inburgeraars", json=body, headers=EINDHOVEN) for _ in "ab")
                )
                assert sorted(a.status_code for a in answers) == [201, 409], [
                    a.text for a in answers
                ]
                created = next(a for a in answers if a.status_code == 201).json()
                refused = next(a for a in answers if a.status_code == 409).json()
                assert refused["inburgeraarId"] == created["id"]
    finally:
        await runtime.engine.dispose()
