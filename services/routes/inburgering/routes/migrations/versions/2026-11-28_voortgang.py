"""voortgang

Revision ID: 6160329359c9
Revises: e8f5504d475e
"""

import sqlalchemy as sa
from alembic import op

revision = "6160329359c9"
down_revision = "e8f5504d475e"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cursusuren",
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("plaatsing_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("uren_aanwezig", sa.Float(), nullable=False),
        sa.Column("bijgewerkt_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("inburgeraar_id", "plaatsing_id", name=op.f("pk_cursusuren")),
    )
    op.create_table(
        "participatie_activiteit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("datum_date", sa.Date(), nullable=False),
        sa.Column("uren", sa.Float(), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("geregistreerd_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("uren > 0", name=op.f("ck_participatie_activiteit_uren_positief")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participatie_activiteit")),
    )
    op.create_index(
        op.f("ix_participatie_activiteit_inburgeraar_id"),
        "participatie_activiteit",
        ["inburgeraar_id"],
        unique=False,
    )
    op.create_table(
        "voortgang",
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("pvt_uren", sa.Float(), server_default=sa.text("0"), nullable=False),
        sa.Column("pvt_ondertekend_date", sa.Date(), nullable=True),
        sa.Column(
            "map_status",
            sa.String(length=20),
            server_default=sa.text("'niet-gestart'"),
            nullable=False,
        ),
        sa.Column("map_uren", sa.Float(), server_default=sa.text("0"), nullable=False),
        sa.Column("map_eindgesprek_date", sa.Date(), nullable=True),
        sa.Column("z_eindgesprek_date", sa.Date(), nullable=True),
        sa.Column("afronding_bereikt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("bijgewerkt_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "map_status IN ('niet-gestart', 'gestart', 'afgerond')",
            name=op.f("ck_voortgang_map_status"),
        ),
        sa.PrimaryKeyConstraint("inburgeraar_id", name=op.f("pk_voortgang")),
    )
    op.create_index(op.f("ix_voortgang_gemeentecode"), "voortgang", ["gemeentecode"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_voortgang_gemeentecode"), table_name="voortgang")
    op.drop_table("voortgang")
    op.drop_index(
        op.f("ix_participatie_activiteit_inburgeraar_id"), table_name="participatie_activiteit"
    )
    op.drop_table("participatie_activiteit")
    op.drop_table("cursusuren")
