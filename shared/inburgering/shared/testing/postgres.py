"""Throw-away PostgreSQL databases for tests, created on the server named by TEST_POSTGRES_URL."""

from __future__ import annotations

import os
import uuid

import asyncpg
from sqlalchemy.engine import make_url

DEFAULT_SERVER_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


def server_url() -> str:
    return os.environ.get("TEST_POSTGRES_URL", DEFAULT_SERVER_URL)


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def create_database(prefix: str = "test") -> str:
    """Create a uniquely named database and return its SQLAlchemy asyncpg URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(_dsn(server_url()))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return make_url(server_url()).set(database=name).render_as_string(hide_password=False)


async def drop_database(url: str) -> None:
    name = make_url(url).database
    conn = await asyncpg.connect(_dsn(server_url()))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


APP_ROLE = "inburgering_app"


async def ensure_app_role(role: str = APP_ROLE) -> None:
    """A login role that owns nothing and is bound by row-level security, as in production."""
    conn = await asyncpg.connect(_dsn(server_url()))
    try:
        await conn.execute(
            f"""DO $$ BEGIN
                CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$"""
        )
    finally:
        await conn.close()


def as_role(url: str, role: str = APP_ROLE) -> str:
    """The same database, reached as another role (the test server trusts local connections)."""
    return make_url(url).set(username=role, password=None).render_as_string(hide_password=False)
