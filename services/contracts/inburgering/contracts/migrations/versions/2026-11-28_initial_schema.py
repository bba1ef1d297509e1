"""initial schema

Revision ID: 3d86db4ac9ce
Revises: None
"""

import sqlalchemy as sa
from alembic import op

revision = "3d86db4ac9ce"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aanbieder",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kvk", sa.String(length=8), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("keurmerk_status", sa.String(length=20), nullable=True),
        sa.Column("keurmerk_geldig_tot", sa.Date(), nullable=True),
        sa.Column("taalschakel", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint(
            "keurmerk_status IN ('geldig', 'geschorst', 'ingetrokken')",
            name=op.f("ck_aanbieder_keurmerk_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanbieder")),
        sa.UniqueConstraint("kvk", name=op.f("uq_aanbieder_kvk")),
    )
    op.create_table(
        "outbox_message",
        sa.Column(
            "position",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("aggregate_type", sa.String(length=100), nullable=False),
        sa.Column("aggregate_id", sa.String(length=100), nullable=False),
        sa.Column("event_type", sa.String(length=200), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("traceparent", sa.String(length=55), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_outbox_message")),
        sa.UniqueConstraint("id", name=op.f("uq_outbox_message_id")),
    )
    op.create_index(
        "ix_outbox_message_published_at", "outbox_message", ["published_at"], unique=False
    )
    op.create_index(
        "ix_outbox_message_unpublished",
        "outbox_message",
        ["position"],
        unique=False,
        postgresql_where=sa.text("published_at IS NULL"),
        sqlite_where=sa.text("published_at IS NULL"),
    )
    op.create_table(
        "processed_message",
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("event_type", sa.String(length=200), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("consumer", "source", "event_id", name="uq_processed_message_event"),
    )
    op.create_table(
        "samenwerkingsverband",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("leerroute", sa.String(length=20), nullable=False),
        sa.Column("lead_gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("periode_start_date", sa.Date(), nullable=False),
        sa.Column("periode_eind_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "leerroute IN ('b1-route', 'onderwijsroute', 'z-route')",
            name=op.f("ck_samenwerkingsverband_leerroute"),
        ),
        sa.CheckConstraint(
            "periode_start_date <= periode_eind_date", name=op.f("ck_samenwerkingsverband_periode")
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
        "contract",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=False),
        sa.Column("aanbieder_id", sa.Uuid(), nullable=False),
        sa.Column("leerroute", sa.String(length=20), nullable=False),
        sa.Column("doelgroep", sa.String(length=30), nullable=True),
        sa.Column("capaciteit", sa.Integer(), nullable=False),
        sa.Column("geplaatst", sa.Integer(), server_default="0", nullable=False),
        sa.Column("prijs_eenheid", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("periode_start_date", sa.Date(), nullable=False),
        sa.Column("periode_eind_date", sa.Date(), nullable=False),
        sa.Column("versie", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "leerroute IN ('b1-route', 'onderwijsroute', 'z-route')",
            name=op.f("ck_contract_leerroute"),
        ),
        sa.CheckConstraint(
            "prijs_eenheid IN ('traject', 'uur', 'module')", name=op.f("ck_contract_prijs_eenheid")
        ),
        sa.CheckConstraint(
            "status IN ('actief', 'opgeschort', 'beeindigd')", name=op.f("ck_contract_status")
        ),
        sa.CheckConstraint(
            "geplaatst >= 0 AND geplaatst <= capaciteit",
            name=op.f("ck_contract_geplaatst_binnen_capaciteit"),
        ),
        sa.CheckConstraint(
            "periode_start_date <= periode_eind_date", name=op.f("ck_contract_periode")
        ),
        sa.ForeignKeyConstraint(
            ["aanbieder_id"], ["aanbieder.id"], name=op.f("fk_contract_aanbieder_id_aanbieder")
        ),
        sa.ForeignKeyConstraint(
            ["samenwerkingsverband_id"],
            ["samenwerkingsverband.id"],
            name=op.f("fk_contract_samenwerkingsverband_id_samenwerkingsverband"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract")),
    )
    op.create_index(op.f("ix_contract_aanbieder_id"), "contract", ["aanbieder_id"], unique=False)
    op.create_index(
        op.f("ix_contract_samenwerkingsverband_id"),
        "contract",
        ["samenwerkingsverband_id"],
        unique=False,
    )
    op.create_table(
        "samenwerkingsverband_lid",
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.ForeignKeyConstraint(
            ["samenwerkingsverband_id"],
            ["samenwerkingsverband.id"],
            name="fk_samenwerkingsverband_lid_verband",
        ),
        sa.UniqueConstraint(
            "samenwerkingsverband_id", "gemeentecode", name="uq_samenwerkingsverband_lid"
        ),
    )
    op.create_index(
        op.f("ix_samenwerkingsverband_lid_gemeentecode"),
        "samenwerkingsverband_lid",
        ["gemeentecode"],
        unique=False,
    )
    op.create_table(
        "plaatsing",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("leerroute_besluit_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("leerroute", sa.String(length=20), nullable=False),
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=True),
        sa.Column("contract_id", sa.Uuid(), nullable=True),
        sa.Column("aanbieder_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("aangevraagd_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "leerroute IN ('b1-route', 'onderwijsroute', 'z-route')",
            name=op.f("ck_plaatsing_leerroute"),
        ),
        sa.CheckConstraint(
            "status IN ('aangevraagd', 'wachtlijst')", name=op.f("ck_plaatsing_status")
        ),
        sa.ForeignKeyConstraint(
            ["aanbieder_id"], ["aanbieder.id"], name=op.f("fk_plaatsing_aanbieder_id_aanbieder")
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_plaatsing_contract_id_contract")
        ),
        sa.ForeignKeyConstraint(
            ["samenwerkingsverband_id"],
            ["samenwerkingsverband.id"],
            name=op.f("fk_plaatsing_samenwerkingsverband_id_samenwerkingsverband"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plaatsing")),
        sa.UniqueConstraint(
            "inburgeraar_id",
            "leerroute_besluit_id",
            name=op.f("uq_plaatsing_inburgeraar_id_leerroute_besluit_id"),
        ),
    )
    op.create_index(op.f("ix_plaatsing_aanbieder_id"), "plaatsing", ["aanbieder_id"], unique=False)
    op.create_index(op.f("ix_plaatsing_contract_id"), "plaatsing", ["contract_id"], unique=False)
    op.create_index(op.f("ix_plaatsing_gemeentecode"), "plaatsing", ["gemeentecode"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_plaatsing_gemeentecode"), table_name="plaatsing")
    op.drop_index(op.f("ix_plaatsing_contract_id"), table_name="plaatsing")
    op.drop_index(op.f("ix_plaatsing_aanbieder_id"), table_name="plaatsing")
    op.drop_table("plaatsing")
    op.drop_index(
        op.f("ix_samenwerkingsverband_lid_gemeentecode"), table_name="samenwerkingsverband_lid"
    )
    op.drop_table("samenwerkingsverband_lid")
    op.drop_index(op.f("ix_contract_samenwerkingsverband_id"), table_name="contract")
    op.drop_index(op.f("ix_contract_aanbieder_id"), table_name="contract")
    op.drop_table("contract")
    op.drop_index(
        op.f("ix_samenwerkingsverband_lead_gemeentecode"), table_name="samenwerkingsverband"
    )
    op.drop_table("samenwerkingsverband")
    op.drop_table("processed_message")
    op.drop_index(
        "ix_outbox_message_unpublished",
        table_name="outbox_message",
        postgresql_where=sa.text("published_at IS NULL"),
        sqlite_where=sa.text("published_at IS NULL"),
    )
    op.drop_index("ix_outbox_message_published_at", table_name="outbox_message")
    op.drop_table("outbox_message")
    op.drop_table("aanbieder")
