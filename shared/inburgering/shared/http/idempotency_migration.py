"""The `Idempotency-Key` table for the services' migrations; a released shape is never edited
(a change is a new versioned function and a new revision in every service)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def create_idempotency_table_v1() -> None:
    op.create_table(
        "idempotentie",
        sa.Column("client", sa.String(length=200), nullable=False),
        sa.Column("sleutel", sa.String(length=200), nullable=False),
        sa.Column("verzoek_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("inhoud", sa.LargeBinary(), nullable=True),
        sa.Column("kopregels", sa.String(length=2000), nullable=True),
        sa.Column("aangemaakt_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("client", "sleutel", name=op.f("pk_idempotentie")),
    )
    op.create_index(op.f("ix_idempotentie_aangemaakt_at"), "idempotentie", ["aangemaakt_at"])


def drop_idempotency_table_v1() -> None:
    op.drop_index(op.f("ix_idempotentie_aangemaakt_at"), table_name="idempotentie")
    op.drop_table("idempotentie")
