"""The processing log's tables for the services' migrations. A migration is a snapshot that must
not change once released, so each shape gets its own versioned function that is never edited: a
later change to the tables is a new function (and a new revision in every service)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def create_tables_v1() -> None:
    op.create_table(
        "dataverwerking",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("trace_id", sa.String(length=32), nullable=False),
        sa.Column("span_id", sa.String(length=16), nullable=False),
        sa.Column("parent_span_id", sa.String(length=16), nullable=True),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("start_tijd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("eind_tijd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=5), nullable=False),
        sa.Column("verwerkingsactiviteit", sa.String(length=300), nullable=False),
        sa.Column("betrokkene", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataverwerking")),
    )
    op.create_index("ix_dataverwerking_betrokkene", "dataverwerking", ["betrokkene", "start_tijd"])
    op.create_index(op.f("ix_dataverwerking_trace_id"), "dataverwerking", ["trace_id"])
    op.create_table(
        "auditregel",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("trace_id", sa.String(length=32), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client", sa.String(length=200), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("namens", sa.String(length=300), nullable=False),
        sa.Column("handeling", sa.String(length=200), nullable=False),
        sa.Column("http_status", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auditregel")),
    )
    op.create_index(op.f("ix_auditregel_trace_id"), "auditregel", ["trace_id"])


def drop_tables_v1() -> None:
    op.drop_table("auditregel")
    op.drop_table("dataverwerking")
