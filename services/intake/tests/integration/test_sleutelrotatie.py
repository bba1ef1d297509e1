"""Key rotation on PostgreSQL: data sealed under the first key stays readable while a second key
becomes current, the rekey job moves every BSN, look-up hash and health record to it in
batches, and only then can the first key go; removing it earlier fails closed."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from inburgering.intake.adapters.tables import duo_notificatie, gezondheid, inburgeraar
from inburgering.intake.bootstrap import build_parts
from inburgering.intake.domain.brede_intake import Gezondheid
from inburgering.intake.settings import DEV_GEZONDHEID_KEY, IntakeSettings
from inburgering.intake.usecases.sleutelrotatie import rekey_job, vernieuw_sleutels
from inburgering.shared.crypto import LEGACY_KEY_ID, KeyNotConfigured
from inburgering.shared.crypto.cli import run as rekey_command
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.settings import DEV_BSN_KEY
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime

pytestmark = pytest.mark.integration

EINDHOVEN = bearer(gemeentecodes=["GM0772"])
BSNS = ["999990019", "999990020", "999990032"]
NEW_BSN_KEY = "bsn-key-of-december-0123456789abcdefghijkl"
NEW_HEALTH_KEY = "gezondheid-key-of-december-0123456789abcdef"
GEZONDHEID = Gezondheid(lichamelijk="rugklachten", psychisch=None, gevolgen_voor_inburgering="x")


def _settings(postgres_url: str, *, rotated: bool, keep_old: bool) -> IntakeSettings:
    extra: dict[str, Any] = {}
    if rotated:
        extra = {
            "bsn_key": NEW_BSN_KEY,
            "bsn_key_id": "2026-12",
            "gezondheid_key": NEW_HEALTH_KEY,
            "gezondheid_key_id": "2026-12",
        }
        if keep_old:
            extra["bsn_previous_keys"] = {LEGACY_KEY_ID: DEV_BSN_KEY}
            extra["gezondheid_previous_keys"] = {LEGACY_KEY_ID: DEV_GEZONDHEID_KEY}
    return IntakeSettings(
        database_url=postgres_url, roles="api", kafka_create_topics=False, **extra
    )


@pytest.fixture
async def phases(postgres_url: str) -> AsyncIterator[Callable[..., ServiceRuntime]]:
    """Runtimes over one database with the keys of a phase of the rotation."""
    made: list[ServiceRuntime] = []

    def phase(*, rotated: bool, keep_old: bool = True) -> ServiceRuntime:
        runtime = ServiceRuntime(
            build_parts(_settings(postgres_url, rotated=rotated, keep_old=keep_old))
        )
        made.append(runtime)
        return runtime

    await migrated_runtime(build_parts(_settings(postgres_url, rotated=False, keep_old=True)))
    yield phase
    for runtime in made:
        await runtime.engine.dispose()


async def _register(runtime: ServiceRuntime, bsn: str) -> tuple[int, dict]:
    async with api_client(runtime) as client:
        body = {
            "bsn": bsn,
            "gemeentecode": "GM0772",
            "doelgroep": "asielstatushouder",
            "geboortedatum": "2000-05-17",
        }
        response = await client.post("/v1/inburgeraars", json=body, headers=EINDHOVEN)
        return response.status_code, response.json()


async def _seed_under_the_first_key(runtime: ServiceRuntime) -> list[uuid.UUID]:
    """Three inburgeraars (by the API), one health record, one waiting DUO notification."""
    ids = []
    for bsn in BSNS:
        status, body = await _register(runtime, bsn)
        assert status == 201, body
        ids.append(uuid.UUID(body["id"]))
    bsn_vault = runtime.parts.state["bsn_vault"]
    health_vault = runtime.parts.state["gezondheid_vault"]
    bericht_id = uuid.uuid4()
    now = datetime.now(UTC)
    async with runtime.engine.begin() as conn:
        await conn.execute(
            gezondheid.insert().values(
                id=uuid.uuid4(),
                inburgeraar_id=ids[0],
                gemeentecode="GM0772",
                versleuteld=health_vault.encrypt(GEZONDHEID, inburgeraar_id=ids[0].bytes),
                vastgelegd_at=now,
            )
        )
        await conn.execute(
            duo_notificatie.insert().values(
                bericht_id=bericht_id,
                bron="00000001800000000000",
                doel="00000001001000772000",
                gemeentecode="GM0772",
                gebeurtenis_id="SS121",
                registratie_at=now,
                bsn_hash=bsn_vault.lookup_hash(BSNS[0]),
                bsn_encrypted=bsn_vault.encrypt(BSNS[0], context=bericht_id.bytes),
                vingerafdruk="0" * 64,
                ontvangen_at=now,
                status="ontvangen",
            )
        )
    return ids


async def _rows(runtime: ServiceRuntime, table) -> list[dict]:
    async with runtime.engine.connect() as conn:
        return [dict(r) for r in (await conn.execute(select(table))).mappings()]


def _rekey(runtime: ServiceRuntime, **options: Any):
    state = runtime.parts.state
    return vernieuw_sleutels(runtime.uow, state["bsn_vault"], state["gezondheid_vault"], **options)


async def test_rotate_rekey_and_drop_the_first_key(phases) -> None:
    ids = await _seed_under_the_first_key(phases(rotated=False))
    rotated = phases(rotated=True)
    vault = rotated.parts.state["bsn_vault"]
    [person] = [r for r in await _rows(rotated, inburgeraar) if r["id"] == ids[0]]
    # During the rotation: old values open, and the look-up under every key finds the old hash.
    assert vault.decrypt(person["bsn_encrypted"], context=ids[0].bytes) == BSNS[0]
    assert person["bsn_hash"] in vault.lookup_hashes(BSNS[0])
    assert person["bsn_hash"] != vault.lookup_hash(BSNS[0])

    report = await _rekey(rotated, batch_size=2)

    assert report.complete
    assert report.found == {
        "inburgeraar.bsn": {LEGACY_KEY_ID: 3},
        "duo_notificatie.bsn": {LEGACY_KEY_ID: 1},
        "gezondheid": {LEGACY_KEY_ID: 1},
    }
    assert sum(report.resealed.values()) == 5
    again = await _rekey(rotated, batch_size=2)
    assert sum(again.resealed.values()) == 0
    assert again.found["inburgeraar.bsn"] == {"2026-12": 3}

    # The first key removed: everything still opens and the person is still found by BSN.
    only_new = phases(rotated=True, keep_old=False)
    new_vault = only_new.parts.state["bsn_vault"]
    people = {r["id"]: r for r in await _rows(only_new, inburgeraar)}
    for inburgeraar_id, bsn in zip(ids, BSNS, strict=True):
        row = people[inburgeraar_id]
        assert new_vault.decrypt(row["bsn_encrypted"], context=inburgeraar_id.bytes) == bsn
        assert row["bsn_hash"] == new_vault.lookup_hash(bsn)
    status, body = await _register(only_new, BSNS[0])
    assert status == 409, body
    [health] = await _rows(only_new, gezondheid)
    health_vault = only_new.parts.state["gezondheid_vault"]
    assert health_vault.decrypt(health["versleuteld"], inburgeraar_id=ids[0].bytes) == GEZONDHEID
    [melding] = await _rows(only_new, duo_notificatie)
    # A waiting notification still finds its inburgeraar by the stored hash.
    assert melding["bsn_hash"] == people[ids[0]]["bsn_hash"]
    assert (
        new_vault.decrypt(melding["bsn_encrypted"], context=melding["bericht_id"].bytes) == BSNS[0]
    )
    assert await rekey_command(lambda: only_new.parts, rekey_job, 100, True) == 0


async def test_dropping_the_first_key_before_rekey_fails_closed(phases) -> None:
    ids = await _seed_under_the_first_key(phases(rotated=False))
    too_early = phases(rotated=True, keep_old=False)
    vault = too_early.parts.state["bsn_vault"]
    [person] = [r for r in await _rows(too_early, inburgeraar) if r["id"] == ids[0]]

    with pytest.raises(KeyNotConfigured, match="'legacy'"):
        vault.decrypt(person["bsn_encrypted"], context=ids[0].bytes)
    report = await _rekey(too_early)

    assert not report.complete
    assert report.unreadable == {"inburgeraar.bsn": 3, "duo_notificatie.bsn": 1, "gezondheid": 1}
    assert await rekey_command(lambda: too_early.parts, rekey_job, 100, True) == 1
    # Nothing was touched: with the first key back the data is intact.
    rotated = phases(rotated=True)
    [kept] = [r for r in await _rows(rotated, inburgeraar) if r["id"] == ids[0]]
    assert kept["bsn_encrypted"] == person["bsn_encrypted"]
    assert rotated.parts.state["bsn_vault"].decrypt(kept["bsn_encrypted"], context=ids[0].bytes)


async def test_an_interrupted_rekey_resumes_where_it_stopped(phases) -> None:
    await _seed_under_the_first_key(phases(rotated=False))
    rotated = phases(rotated=True)
    calls = 0

    def failing_after_one_batch():
        nonlocal calls
        calls += 1
        if calls > 1:
            raise ConnectionError("database went away")
        return rotated.uow()

    with pytest.raises(ConnectionError):
        await vernieuw_sleutels(
            failing_after_one_batch,
            rotated.parts.state["bsn_vault"],
            rotated.parts.state["gezondheid_vault"],
            batch_size=2,
        )
    halfway = await _rekey(rotated, check_only=True)
    assert halfway.found["inburgeraar.bsn"] == {"2026-12": 2, LEGACY_KEY_ID: 1}

    finished = await _rekey(rotated, batch_size=2)

    assert finished.complete
    assert finished.resealed["inburgeraar.bsn"] == 1
    assert (await _rekey(rotated, check_only=True)).pending == 0


async def test_a_person_stored_twice_under_different_keys_is_reported_not_merged(phases) -> None:
    """A second row for one BSN written under the new key before the rekey (a look-up that only
    used the current key's hash) would collide with the re-hashed first row: the job leaves
    that row as it is and reports the conflict instead of failing the batch."""
    ids = await _seed_under_the_first_key(phases(rotated=False))
    rotated = phases(rotated=True)
    vault = rotated.parts.state["bsn_vault"]
    twin = uuid.uuid4()
    async with rotated.engine.begin() as conn:
        await conn.execute(
            inburgeraar.insert().values(
                id=twin,
                gemeentecode="GM0772",
                bsn_hash=vault.lookup_hash(BSNS[0]),
                bsn_encrypted=vault.encrypt(BSNS[0], context=twin.bytes),
                doelgroep="asielstatushouder",
                aangemeld_at=datetime.now(UTC),
            )
        )

    report = await _rekey(rotated, batch_size=2)

    assert report.conflicts == {"inburgeraar.bsn": 1}
    assert report.resealed["inburgeraar.bsn"] == 2
    assert not report.complete
    [first] = [r for r in await _rows(rotated, inburgeraar) if r["id"] == ids[0]]
    assert vault.sealer.key_id(first["bsn_encrypted"]) == LEGACY_KEY_ID


async def test_before_the_rekey_a_person_under_the_old_key_is_still_found_by_bsn(phases) -> None:
    """Between the rollout of a new key and the rekey run, registering the same BSN again must
    meet the existing person (409), not create a second one under the new key's hash."""
    await _seed_under_the_first_key(phases(rotated=False))
    rotated = phases(rotated=True)

    status, body = await _register(rotated, BSNS[1])

    assert status == 409, body
    assert len([r for r in await _rows(rotated, inburgeraar)]) == len(BSNS)
