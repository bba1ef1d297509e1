"""contactgegevens, provider access per placement and the history of moves

Revision ID: b2300860d3bb
Revises: 74b6335de8a4
"""

import sqlalchemy as sa
from alembic import op

from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "b2300860d3bb"
down_revision = "74b6335de8a4"
branch_labels = None
depends_on = None

TABLES = ("contactgegevens", "aanbieder_inzage", "verhuizing")


def upgrade() -> None:
    op.create_table(
        "contactgegevens",
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("versleuteld", sa.LargeBinary(), nullable=False),
        sa.Column("vastgelegd_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inburgeraar_id"],
            ["inburgeraar.id"],
            name=op.f("fk_contactgegevens_inburgeraar_id_inburgeraar"),
        ),
        sa.PrimaryKeyConstraint("inburgeraar_id", name=op.f("pk_contactgegevens")),
    )
    op.create_table(
        "aanbieder_inzage",
        sa.Column("plaatsing_id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("aanbieder_kvk", sa.String(length=20), nullable=True),
        sa.Column("inzage", sa.String(length=20), nullable=False),
        sa.Column("gewijzigd_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("plaatsing_id", name=op.f("pk_aanbieder_inzage")),
    )
    op.create_index(
        op.f("ix_aanbieder_inzage_inburgeraar_id"),
        "aanbieder_inzage",
        ["inburgeraar_id"],
        unique=False,
    )
    op.create_table(
        "verhuizing",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("van_gemeentecode", sa.String(length=6), nullable=True),
        sa.Column("naar_gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("gevestigd_date", sa.Date(), nullable=False),
        sa.Column("gebeurtenis_id", sa.String(length=6), nullable=False),
        sa.Column("bericht_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inburgeraar_id"],
            ["inburgeraar.id"],
            name=op.f("fk_verhuizing_inburgeraar_id_inburgeraar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verhuizing")),
        sa.UniqueConstraint("bericht_id", name=op.f("uq_verhuizing_bericht_id")),
    )
    op.create_index(
        op.f("ix_verhuizing_inburgeraar_id"), "verhuizing", ["inburgeraar_id"], unique=False
    )
    for table in TABLES:
        enable_tenant_rls(table)


def downgrade() -> None:
    for table in TABLES:
        disable_tenant_rls(table)
    op.drop_index(op.f("ix_verhuizing_inburgeraar_id"), table_name="verhuizing")
    op.drop_table("verhuizing")
    op.drop_index(op.f("ix_aanbieder_inzage_inburgeraar_id"), table_name="aanbieder_inzage")
    op.drop_table("aanbieder_inzage")
    op.drop_table("contactgegevens")
