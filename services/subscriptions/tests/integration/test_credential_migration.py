"""The migration that seals receiver credentials runs on PostgreSQL and on the embedded SQLite,
seals the clear values that were there, and its downgrade restores them."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from inburgering.shared.persistence.migrations import downgrade, upgrade
from inburgering.subscriptions.adapters.credential_box import CredentialBox
from inburgering.subscriptions.bootstrap import build_parts
from inburgering.subscriptions.domain.credentials import StaticAuthorization
from inburgering.subscriptions.settings import SubscriptionsSettings

pytestmark = pytest.mark.integration

BEFORE = "6d287f99a49c"
MIGRATIONS = build_parts(SubscriptionsSettings(roles="api")).migrations_dir
CLEAR = "Bearer oud-en-nog-onversleuteld"


async def _run(url: str, statement) -> list:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(statement)
            return list(result.mappings().all()) if result.returns_rows else []
    finally:
        await engine.dispose()


async def _columns(url: str) -> set[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(
                lambda sync: {c["name"] for c in sa.inspect(sync).get_columns("abonnement")}
            )
    finally:
        await engine.dispose()


async def _migrates_both_ways(url: str) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, url, BEFORE)
    abonnement_id = uuid.uuid4()
    old = sa.table(
        "abonnement", *(sa.column(n) for n in ("id", "gemeentecode", "callback_url", "auth"))
    )
    await _run(
        url,
        sa.text(
            "INSERT INTO abonnement (id, gemeentecode, callback_url, auth, hmac_secret, types, "
            "formaat, informatie, status, opeenvolgende_mislukkingen, aangemaakt_at) VALUES "
            "(:id, 'GM0772', 'https://o.example/hook', :auth, 'whsec_x', '[]', 'cloudevents', "
            "'volledig', 'actief', 0, :now)"
        ).bindparams(
            sa.bindparam("id", abonnement_id, type_=sa.Uuid()),
            auth=CLEAR,
            now=datetime.now(UTC),
        ),
    )

    await asyncio.to_thread(upgrade, MIGRATIONS, url)

    assert "auth" not in await _columns(url)
    [row] = await _run(url, sa.text("SELECT credential FROM abonnement"))
    assert "onversleuteld" not in row["credential"]
    box = CredentialBox(SubscriptionsSettings().credential_key.get_secret_value())
    assert box.open(row["credential"], abonnement_id=abonnement_id) == StaticAuthorization(CLEAR)

    await asyncio.to_thread(downgrade, MIGRATIONS, url, BEFORE)

    [restored] = await _run(url, sa.select(old.c.auth))
    assert restored["auth"] == CLEAR
    assert "credential" not in await _columns(url)


async def test_the_migration_seals_existing_credentials_on_postgresql(postgres_url: str) -> None:
    await _migrates_both_ways(postgres_url)


async def test_the_migration_seals_existing_credentials_on_sqlite(tmp_path: Path) -> None:
    await _migrates_both_ways(f"sqlite+aiosqlite:///{tmp_path / 'subscriptions.db'}")


HMAC_BEFORE = "1e42454bda27"
CLEAR_KEY = "whsec_" + "A" * 43 + "="


async def _seals_hmac_keys_both_ways(url: str) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, url, HMAC_BEFORE)
    abonnement_id = uuid.uuid4()
    box = CredentialBox(SubscriptionsSettings().credential_key.get_secret_value())
    credential = box.seal(StaticAuthorization(CLEAR), abonnement_id=abonnement_id)
    await _run(
        url,
        sa.text(
            "INSERT INTO abonnement (id, gemeentecode, callback_url, credential, hmac_secret, "
            "types, formaat, informatie, status, opeenvolgende_mislukkingen, aangemaakt_at) "
            "VALUES (:id, 'GM0772', 'https://o.example/hook', :credential, :key, '[]', "
            "'cloudevents', 'volledig', 'actief', 0, :now)"
        ).bindparams(
            sa.bindparam("id", abonnement_id, type_=sa.Uuid()),
            credential=credential,
            key=CLEAR_KEY,
            now=datetime.now(UTC),
        ),
    )

    await asyncio.to_thread(upgrade, MIGRATIONS, url)

    [row] = await _run(url, sa.text("SELECT hmac_secret FROM abonnement"))
    assert not row["hmac_secret"].startswith("whsec_")
    assert box.open_secret(row["hmac_secret"], abonnement_id=abonnement_id) == CLEAR_KEY

    await asyncio.to_thread(downgrade, MIGRATIONS, url, HMAC_BEFORE)

    [restored] = await _run(url, sa.text("SELECT hmac_secret FROM abonnement"))
    assert restored["hmac_secret"] == CLEAR_KEY


async def test_the_migration_seals_existing_hmac_keys_on_postgresql(postgres_url: str) -> None:
    await _seals_hmac_keys_both_ways(postgres_url)


async def test_the_migration_seals_existing_hmac_keys_on_sqlite(tmp_path: Path) -> None:
    await _seals_hmac_keys_both_ways(f"sqlite+aiosqlite:///{tmp_path / 'subscriptions.db'}")
