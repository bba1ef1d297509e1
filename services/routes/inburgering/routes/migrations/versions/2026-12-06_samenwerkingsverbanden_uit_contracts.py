"""samenwerkingsverbanden copied from contracts: one leerroute, a lead, a period, a version and
dated memberships

Revision ID: e9dc9ed59ab3
Revises: 853cfe3faf7d
"""

import sqlalchemy as sa
from alembic import op

revision = "e9dc9ed59ab3"
down_revision = "853cfe3faf7d"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every verband here so far was made through routes' own API: it has no leerroute, no lead
    # and an id contracts never heard of, so no samenwerkingsverband-gewijzigd will ever replace
    # it. It goes, with its policy versions; advices keep the values they were computed with.
    op.execute("DELETE FROM samenwerkingsverbandbeleid")
    _drop_tables()
    op.create_table(
        "samenwerkingsverband",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("leerroute", sa.String(length=20), nullable=False),
        sa.Column("lead_gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("periode_start_date", sa.Date(), nullable=False),
        sa.Column("periode_eind_date", sa.Date(), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.Column("bijgewerkt_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "leerroute IN ('b1-route', 'onderwijsroute', 'z-route')",
            name=op.f("ck_samenwerkingsverband_leerroute"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samenwerkingsverband")),
    )
    op.create_index(
        op.f("ix_samenwerkingsverband_lead_gemeentecode"),
        "samenwerkingsverband",
        ["lead_gemeentecode"],
        unique=False,
    )
    op.create_table(
        "samenwerkingsverband_lid",
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("ingangs_date", sa.Date(), nullable=False),
        sa.Column("eind_date", sa.Date(), nullable=True),
        sa.Column("rollen", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
        sa.CheckConstraint(
            "eind_date IS NULL OR eind_date > ingangs_date",
            name=op.f("ck_samenwerkingsverband_lid_periode"),
        ),
        sa.PrimaryKeyConstraint(
            "samenwerkingsverband_id",
            "gemeentecode",
            "ingangs_date",
            name=op.f("pk_samenwerkingsverband_lid"),
        ),
    )
    op.create_index(
        op.f("ix_samenwerkingsverband_lid_gemeentecode"),
        "samenwerkingsverband_lid",
        ["gemeentecode"],
        unique=False,
    )


def downgrade() -> None:
    # The old shape holds one undated verband per gemeente and no leerroute: contracts' copies
    # do not fit it, so they go with their policy versions.
    op.execute("DELETE FROM samenwerkingsverbandbeleid")
    _drop_tables()
    op.create_table(
        "samenwerkingsverband",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("aangemaakt_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samenwerkingsverband")),
    )
    op.create_table(
        "samenwerkingsverband_lid",
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("gemeentecode", name=op.f("pk_samenwerkingsverband_lid")),
    )
    op.create_index(
        op.f("ix_samenwerkingsverband_lid_samenwerkingsverband_id"),
        "samenwerkingsverband_lid",
        ["samenwerkingsverband_id"],
        unique=False,
    )


def _drop_tables() -> None:
    # Their indexes go with them.
    op.drop_table("samenwerkingsverband_lid")
    op.drop_table("samenwerkingsverband")
