"""Name and address rotate with the BSN keyring: readable under the previous key while the rekey
job runs, re-sealed under the current one by it, and then readable without the old key."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from inburgering.intake.adapters.tables import contactgegevens
from inburgering.intake.bootstrap import build_parts
from inburgering.intake.settings import IntakeSettings
from inburgering.intake.usecases.sleutelrotatie import rekey_job
from inburgering.shared.crypto import LEGACY_KEY_ID
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.settings import DEV_BSN_KEY
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime
from services.intake.tests.integration.test_contactgegevens import GEGEVENS

pytestmark = pytest.mark.integration

EINDHOVEN = bearer(gemeentecodes=["GM0772"])
NEW_BSN_KEY = "bsn-key-of-december-0123456789abcdefghijkl"


def _runtime(postgres_url: str, **keys: Any) -> ServiceRuntime:
    return ServiceRuntime(
        build_parts(
            IntakeSettings(
                database_url=postgres_url, roles="api", kafka_create_topics=False, **keys
            )
        )
    )


async def _lees(runtime: ServiceRuntime, inburgeraar_id: str) -> Any:
    async with api_client(runtime) as client:
        return await client.get(
            f"/v1/inburgeraars/{inburgeraar_id}/contactgegevens", headers=EINDHOVEN
        )


async def test_contact_data_are_resealed_under_the_new_key(postgres_url: str) -> None:
    first = await migrated_runtime(
        build_parts(IntakeSettings(database_url=postgres_url, kafka_create_topics=False))
    )
    rotated = _runtime(
        postgres_url,
        bsn_key=NEW_BSN_KEY,
        bsn_key_id="2026-12",
        bsn_previous_keys={LEGACY_KEY_ID: DEV_BSN_KEY},
    )
    only_new = _runtime(postgres_url, bsn_key=NEW_BSN_KEY, bsn_key_id="2026-12")
    try:
        async with api_client(first) as client:
            created = await client.post(
                "/v1/inburgeraars",
                json={
                    "bsn": "999990019",
                    "gemeentecode": "GM0772",
                    "doelgroep": "asielstatushouder",
                    "geboortedatum": "2000-05-17",
                    "contactgegevens": GEGEVENS,
                },
                headers=EINDHOVEN,
            )
        assert created.status_code == 201, created.text
        inburgeraar_id = created.json()["id"]
        assert (await _lees(rotated, inburgeraar_id)).status_code == 200

        report = await rekey_job(rotated.parts, rotated.uow, batch_size=10, check=False)

        assert report.complete
        assert report.resealed["contactgegevens"] == 1
        sealer = rotated.parts.state["contactgegevens_vault"].sealer
        async with rotated.engine.connect() as conn:
            [sealed] = (await conn.execute(select(contactgegevens.c.versleuteld))).scalars()
        assert sealer.key_id(sealed) == "2026-12"
        gelezen = await _lees(only_new, inburgeraar_id)
        assert gelezen.status_code == 200
        assert gelezen.json()["naam"]["geslachtsnaam"] == GEGEVENS["naam"]["geslachtsnaam"]
    finally:
        for runtime in (first, rotated, only_new):
            await runtime.engine.dispose()
