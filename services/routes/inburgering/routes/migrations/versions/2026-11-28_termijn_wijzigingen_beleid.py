"""termijn wijzigingen beleid

Revision ID: e8f5504d475e
Revises: 5a4bb7dc7221
"""

import sqlalchemy as sa
from alembic import op

revision = "e8f5504d475e"
down_revision = "5a4bb7dc7221"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gemeentebeleid",
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("ingangs_date", sa.Date(), nullable=False),
        sa.Column("onderwijsroute_max_leeftijd", sa.Integer(), nullable=False),
        sa.Column("vastgelegd_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("gemeentecode", "ingangs_date", name=op.f("pk_gemeentebeleid")),
    )
    op.create_table(
        "inburgeringstermijn",
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("eerste_pip_id", sa.Uuid(), nullable=False),
        sa.Column("dagtekening_eerste_pip_date", sa.Date(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("oorspronkelijke_eind_date", sa.Date(), nullable=False),
        sa.Column("eind_date", sa.Date(), nullable=False),
        sa.Column("routewijziging_sluit_date", sa.Date(), nullable=False),
        sa.Column("verlengingsvenster_open_date", sa.Date(), nullable=False),
        sa.Column("gestart_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("inburgeraar_id", name=op.f("pk_inburgeringstermijn")),
    )
    op.create_index(
        op.f("ix_inburgeringstermijn_gemeentecode"),
        "inburgeringstermijn",
        ["gemeentecode"],
        unique=False,
    )
    op.create_table(
        "leerroute_wijziging",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("advies_id", sa.Uuid(), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("vorige_leerroute", sa.String(length=20), nullable=False),
        sa.Column("leerroute", sa.String(length=20), nullable=False),
        sa.Column("grond", sa.String(length=40), nullable=True),
        sa.Column("vaardigheden", sa.JSON(), nullable=True),
        sa.Column("nt2_uren", sa.Float(), nullable=True),
        sa.Column("motivering", sa.Text(), nullable=False),
        sa.Column("ingangs_date", sa.Date(), nullable=False),
        sa.Column("besloten_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "soort IN ('wijziging', 'afschaling')", name=op.f("ck_leerroute_wijziging_soort")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leerroute_wijziging")),
    )
    op.create_index(
        op.f("ix_leerroute_wijziging_advies_id"), "leerroute_wijziging", ["advies_id"], unique=False
    )
    op.create_table(
        "nt2_uren",
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("plaatsing_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("uren_erkend", sa.Float(), nullable=False),
        sa.Column("bijgewerkt_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("inburgeraar_id", "plaatsing_id", name=op.f("pk_nt2_uren")),
    )
    op.create_table(
        "termijn_verlenging",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("vorige_eind_date", sa.Date(), nullable=False),
        sa.Column("nieuwe_eind_date", sa.Date(), nullable=False),
        sa.Column("verwerkt_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_termijn_verlenging")),
    )
    op.create_index(
        op.f("ix_termijn_verlenging_inburgeraar_id"),
        "termijn_verlenging",
        ["inburgeraar_id"],
        unique=False,
    )
    op.create_table(
        "timer",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("aggregate_id", sa.String(length=100), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("fired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timer")),
        sa.UniqueConstraint("name", "aggregate_id", name="uq_timer_name_aggregate"),
    )
    op.create_index(
        "ix_timer_pending",
        "timer",
        ["due_at"],
        unique=False,
        postgresql_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
        sqlite_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
    )
    op.add_column(
        "leerroute_advies", sa.Column("alfabetisering", sa.String(length=3), nullable=True)
    )
    op.add_column(
        "leerroute_advies", sa.Column("onderwijsroute_max_leeftijd", sa.Integer(), nullable=True)
    )
    op.add_column("leerroute_advies", sa.Column("beleid_ingangs_date", sa.Date(), nullable=True))
    op.add_column(
        "leerroute_advies",
        sa.Column("a2_vaardigheden", sa.JSON(), server_default=sa.text("'[]'"), nullable=False),
    )
    op.add_column(
        "leerroute_advies", sa.Column("gewijzigd_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("leerroute_advies", "gewijzigd_at")
    op.drop_column("leerroute_advies", "a2_vaardigheden")
    op.drop_column("leerroute_advies", "beleid_ingangs_date")
    op.drop_column("leerroute_advies", "onderwijsroute_max_leeftijd")
    op.drop_column("leerroute_advies", "alfabetisering")
    op.drop_index(
        "ix_timer_pending",
        table_name="timer",
        postgresql_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
        sqlite_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
    )
    op.drop_table("timer")
    op.drop_index(op.f("ix_termijn_verlenging_inburgeraar_id"), table_name="termijn_verlenging")
    op.drop_table("termijn_verlenging")
    op.drop_table("nt2_uren")
    op.drop_index(op.f("ix_leerroute_wijziging_advies_id"), table_name="leerroute_wijziging")
    op.drop_table("leerroute_wijziging")
    op.drop_index(op.f("ix_inburgeringstermijn_gemeentecode"), table_name="inburgeringstermijn")
    op.drop_table("inburgeringstermijn")
    op.drop_table("gemeentebeleid")
