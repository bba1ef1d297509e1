"""initial schema

Revision ID: a322e5120b62
Revises: None
"""

import sqlalchemy as sa
from alembic import op

revision = "a322e5120b62"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "instelling",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("soort", sa.String(length=10), nullable=False),
        sa.CheckConstraint("soort IN ('hbo', 'wo')", name=op.f("ck_instelling_soort")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instelling")),
    )
    op.create_table(
        "netwerk_gemeente",
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("naam", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("gemeentecode", name=op.f("pk_netwerk_gemeente")),
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
        "verwijzing",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("advies_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("niveau", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("aangemaakt_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("niveau IN ('hbo', 'wo')", name=op.f("ck_verwijzing_niveau")),
        sa.CheckConstraint("status IN ('aangemaakt')", name=op.f("ck_verwijzing_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verwijzing")),
        sa.UniqueConstraint("advies_id", name=op.f("uq_verwijzing_advies_id")),
    )
    op.create_index(
        op.f("ix_verwijzing_gemeentecode"), "verwijzing", ["gemeentecode"], unique=False
    )
    op.create_index(
        op.f("ix_verwijzing_inburgeraar_id"), "verwijzing", ["inburgeraar_id"], unique=False
    )
    op.create_table(
        "opleiding",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("instelling_id", sa.Uuid(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("niveau", sa.String(length=10), nullable=False),
        sa.CheckConstraint("niveau IN ('hbo', 'wo')", name=op.f("ck_opleiding_niveau")),
        sa.CheckConstraint(
            "soort IN ('pre-bachelor-hbo', 'pre-bachelor-wo', 'schakeljaar', 'taalschakeltraject')",
            name=op.f("ck_opleiding_soort"),
        ),
        sa.ForeignKeyConstraint(
            ["instelling_id"], ["instelling.id"], name=op.f("fk_opleiding_instelling_id_instelling")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opleiding")),
    )
    op.create_index(
        op.f("ix_opleiding_instelling_id"), "opleiding", ["instelling_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_opleiding_instelling_id"), table_name="opleiding")
    op.drop_table("opleiding")
    op.drop_index(op.f("ix_verwijzing_inburgeraar_id"), table_name="verwijzing")
    op.drop_index(op.f("ix_verwijzing_gemeentecode"), table_name="verwijzing")
    op.drop_table("verwijzing")
    op.drop_table("processed_message")
    op.drop_index(
        "ix_outbox_message_unpublished",
        table_name="outbox_message",
        postgresql_where=sa.text("published_at IS NULL"),
        sqlite_where=sa.text("published_at IS NULL"),
    )
    op.drop_index("ix_outbox_message_published_at", table_name="outbox_message")
    op.drop_table("outbox_message")
    op.drop_table("netwerk_gemeente")
    op.drop_table("instelling")
