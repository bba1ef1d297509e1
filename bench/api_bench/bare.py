"""The baseline: a bare FastAPI + pydantic + asyncpg app doing one insert or one select per
request, on the same PostgreSQL, under the same uvicorn as the services.

    python bench/api_bench/bare.py DATABASE_DSN PORT
"""

from __future__ import annotations

import sys
import uuid
from contextlib import asynccontextmanager
from datetime import date

import asyncpg
import uvicorn
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

SCHEMA = """CREATE TABLE IF NOT EXISTS persoon (
    id uuid PRIMARY KEY, gemeentecode varchar(6) NOT NULL, bsn varchar(9) NOT NULL,
    doelgroep varchar(40) NOT NULL, geboortedatum date NOT NULL,
    UNIQUE (gemeentecode, bsn))"""


class Aanmelding(BaseModel):
    bsn: str = Field(pattern=r"^[0-9]{9}$")
    gemeentecode: str = Field(pattern=r"^GM[0-9]{4}$")
    doelgroep: str
    geboortedatum: date


class Persoon(Aanmelding):
    id: uuid.UUID


def create_app(dsn: str) -> FastAPI:
    pool: asyncpg.Pool | None = None

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        nonlocal pool
        pool = await asyncpg.create_pool(dsn, min_size=10, max_size=20)
        await pool.execute(SCHEMA)
        yield
        await pool.close()

    app = FastAPI(lifespan=lifespan)

    @app.post("/v1/inburgeraars", status_code=201)
    async def aanmelden(body: Aanmelding) -> Persoon:
        assert pool is not None
        persoon = Persoon(id=uuid.uuid4(), **body.model_dump())
        await pool.execute(
            "INSERT INTO persoon VALUES ($1, $2, $3, $4, $5)",
            persoon.id,
            persoon.gemeentecode,
            persoon.bsn,
            persoon.doelgroep,
            persoon.geboortedatum,
        )
        return persoon

    @app.get("/v1/inburgeraars/{persoon_id}")
    async def lezen(persoon_id: uuid.UUID) -> Persoon:
        assert pool is not None
        row = await pool.fetchrow("SELECT * FROM persoon WHERE id = $1", persoon_id)
        if row is None:
            raise HTTPException(404)
        return Persoon(**dict(row))

    @app.get("/v1/inburgeraars")
    async def lijst() -> list[Persoon]:
        assert pool is not None
        rows = await pool.fetch("SELECT * FROM persoon ORDER BY id LIMIT 50")
        return [Persoon(**dict(row)) for row in rows]

    return app


if __name__ == "__main__":
    dsn, port = sys.argv[1], int(sys.argv[2])
    uvicorn.run(create_app(dsn), host="127.0.0.1", port=port, log_config=None, access_log=False)
