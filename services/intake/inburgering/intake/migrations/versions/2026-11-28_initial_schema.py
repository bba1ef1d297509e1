"""initial schema

Revision ID: 8028f9189789
Revises: None
"""

import sqlalchemy as sa
from alembic import op

revision = "8028f9189789"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inburgeraar",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("bsn_hash", sa.String(length=64), nullable=False),
        sa.Column("bsn_encrypted", sa.LargeBinary(), nullable=False),
        sa.Column("doelgroep", sa.String(length=30), nullable=False),
        sa.Column("geboortedatum", sa.Date(), nullable=False),
        sa.Column("aangemeld_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inburgeraar")),
        sa.UniqueConstraint(
            "gemeentecode", "bsn_hash", name=op.f("uq_inburgeraar_gemeentecode_bsn_hash")
        ),
    )
    op.create_index(
        op.f("ix_inburgeraar_gemeentecode"), "inburgeraar", ["gemeentecode"], unique=False
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
        "brede_intake",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("leerbaarheidstoets", sa.String(length=40), nullable=False),
        sa.Column("opleidingsniveau", sa.String(length=20), nullable=False),
        sa.Column("ambitie", sa.String(length=20), nullable=False),
        sa.Column("afgerond_date", sa.Date(), nullable=False),
        sa.Column("vastgelegd_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inburgeraar_id"],
            ["inburgeraar.id"],
            name=op.f("fk_brede_intake_inburgeraar_id_inburgeraar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brede_intake")),
        sa.UniqueConstraint("inburgeraar_id", name=op.f("uq_brede_intake_inburgeraar_id")),
    )
    op.create_index(
        op.f("ix_brede_intake_gemeentecode"), "brede_intake", ["gemeentecode"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_brede_intake_gemeentecode"), table_name="brede_intake")
    op.drop_table("brede_intake")
    op.drop_table("processed_message")
    op.drop_index(
        "ix_outbox_message_unpublished",
        table_name="outbox_message",
        postgresql_where=sa.text("published_at IS NULL"),
        sqlite_where=sa.text("published_at IS NULL"),
    )
    op.drop_index("ix_outbox_message_published_at", table_name="outbox_message")
    op.drop_table("outbox_message")
    op.drop_index(op.f("ix_inburgeraar_gemeentecode"), table_name="inburgeraar")
    op.drop_table("inburgeraar")
