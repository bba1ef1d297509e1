"""Dialect-specific statements the use cases need on both PostgreSQL and embedded SQLite."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession


def _postgres(session: AsyncSession) -> bool:
    return session.bind.dialect.name == "postgresql"


def insert_or_nothing(session: AsyncSession, table: Table, key: list[str], **values: Any) -> Any:
    insert = pg_insert if _postgres(session) else sqlite_insert
    return insert(table).values(**values).on_conflict_do_nothing(index_elements=key)


def insert_or_raise(
    session: AsyncSession, table: Table, key: list[str], column: str, **values: Any
) -> Any:
    """Insert, or raise `column` of the existing row to the new value when that is higher (the
    other columns take the new values)."""
    insert = (pg_insert if _postgres(session) else sqlite_insert)(table).values(**values)
    higher = func.greatest if _postgres(session) else func.max
    rest = {name: insert.excluded[name] for name in values if name not in key and name != column}
    return insert.on_conflict_do_update(
        index_elements=key,
        set_={column: higher(table.c[column], insert.excluded[column]), **rest},
    )


def insert_or_replace(session: AsyncSession, table: Table, key: list[str], **values: Any) -> Any:
    insert = (pg_insert if _postgres(session) else sqlite_insert)(table).values(**values)
    rest = {name: insert.excluded[name] for name in values if name not in key}
    return insert.on_conflict_do_update(index_elements=key, set_=rest)


def insert_or_replace_older(
    session: AsyncSession, table: Table, key: list[str], version: str, **values: Any
) -> Any:
    """Insert, or replace the existing row only when its `version` is lower than the new one. An
    older or equal version changes no row (rowcount 0); on PostgreSQL a concurrent writer of the
    same key waits for the row and then compares with what was committed."""
    insert = (pg_insert if _postgres(session) else sqlite_insert)(table).values(**values)
    rest = {name: insert.excluded[name] for name in values if name not in key}
    return insert.on_conflict_do_update(
        index_elements=key,
        set_=rest,
        where=table.c[version] < insert.excluded[version],
    )
