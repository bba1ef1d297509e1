"""initial schema

Revision ID: 5a4bb7dc7221
Revises: None
"""

import sqlalchemy as sa
from alembic import op

revision = "5a4bb7dc7221"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leerroute_advies",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("intake_id", sa.Uuid(), nullable=False),
        sa.Column("doelgroep", sa.String(length=30), nullable=False),
        sa.Column("leerbaarheidstoets", sa.String(length=40), nullable=False),
        sa.Column("ambitie", sa.String(length=20), nullable=False),
        sa.Column("opleidingsniveau", sa.String(length=20), nullable=False),
        sa.Column("leeftijd", sa.Integer(), nullable=False),
        sa.Column("geadviseerde_leerroute", sa.String(length=20), nullable=True),
        sa.Column("regel", sa.String(length=40), nullable=False),
        sa.Column("regelset_versie", sa.String(length=20), nullable=False),
        sa.Column("uitleg", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("vastgestelde_leerroute", sa.String(length=20), nullable=True),
        sa.Column("motivering", sa.Text(), nullable=True),
        sa.Column("geadviseerd_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("vastgesteld_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('geadviseerd', 'vastgesteld')", name=op.f("ck_leerroute_advies_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leerroute_advies")),
        sa.UniqueConstraint("inburgeraar_id", name=op.f("uq_leerroute_advies_inburgeraar_id")),
    )
    op.create_index(
        op.f("ix_leerroute_advies_gemeentecode"), "leerroute_advies", ["gemeentecode"], unique=False
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


def downgrade() -> None:
    op.drop_table("processed_message")
    op.drop_index(
        "ix_outbox_message_unpublished",
        table_name="outbox_message",
        postgresql_where=sa.text("published_at IS NULL"),
        sqlite_where=sa.text("published_at IS NULL"),
    )
    op.drop_index("ix_outbox_message_published_at", table_name="outbox_message")
    op.drop_table("outbox_message")
    op.drop_index(op.f("ix_leerroute_advies_gemeentecode"), table_name="leerroute_advies")
    op.drop_table("leerroute_advies")
