"""SQL shapes both supported dialects (PostgreSQL, embedded SQLite) need spelled per dialect."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert


def upsert(session: AsyncSession, table: Table) -> Insert:
    """An INSERT that can take an ON CONFLICT clause (`on_conflict_do_*`) on either dialect."""
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    return insert(table)


def insert_unless_present(session: AsyncSession, table: Table, key: Sequence[str]) -> Insert:
    """An INSERT that skips rows whose `key` already exists, instead of failing the transaction."""
    return upsert(session, table).on_conflict_do_nothing(index_elements=list(key))
