"""initial schema

Revision ID: 6d287f99a49c
Revises: None
"""

import sqlalchemy as sa
from alembic import op

revision = "6d287f99a49c"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "abonnement",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("callback_url", sa.String(length=1000), nullable=False),
        sa.Column("auth", sa.String(length=1000), nullable=False),
        sa.Column("hmac_secret", sa.String(length=100), nullable=False),
        sa.Column("types", sa.JSON(), nullable=False),
        sa.Column("formaat", sa.String(length=20), nullable=False),
        sa.Column("informatie", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("beeindigd_reden", sa.String(length=200), nullable=True),
        sa.Column("opeenvolgende_mislukkingen", sa.Integer(), nullable=False),
        sa.Column("gepauzeerd_tot", sa.DateTime(timezone=True), nullable=True),
        sa.Column("laatst_afgeleverd_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("aangemaakt_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_abonnement")),
    )
    op.create_index(
        op.f("ix_abonnement_gemeentecode"), "abonnement", ["gemeentecode"], unique=False
    )
    op.create_table(
        "gebeurtenis",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("volgnummer", sa.BigInteger(), nullable=False),
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=200), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sleutel", sa.String(length=100), nullable=False),
        sa.Column("traceparent", sa.String(length=55), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("ontvangen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gebeurtenis")),
        sa.UniqueConstraint("gemeentecode", "volgnummer", name="uq_gebeurtenis_volgnummer"),
    )
    op.create_index(
        "ix_gebeurtenis_gemeente_time", "gebeurtenis", ["gemeentecode", "time"], unique=False
    )
    op.create_table(
        "gemeente_stroom",
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("laatste_volgnummer", sa.BigInteger(), nullable=False),
        sa.Column("topic_volgnummer", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("gemeentecode", name=op.f("pk_gemeente_stroom")),
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
        "aflevering",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("abonnement_id", sa.Uuid(), nullable=False),
        sa.Column("gebeurtenis_id", sa.BigInteger(), nullable=False),
        sa.Column("sleutel", sa.String(length=100), nullable=False),
        sa.Column("volgnummer", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pogingen", sa.Integer(), nullable=False),
        sa.Column("volgende_poging_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("geclaimd_tot", sa.DateTime(timezone=True), nullable=True),
        sa.Column("laatste_status", sa.Integer(), nullable=True),
        sa.Column("laatste_fout", sa.Text(), nullable=True),
        sa.Column("afgeleverd_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("aangemaakt_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["abonnement_id"],
            ["abonnement.id"],
            name=op.f("fk_aflevering_abonnement_id_abonnement"),
        ),
        sa.ForeignKeyConstraint(
            ["gebeurtenis_id"],
            ["gebeurtenis.id"],
            name=op.f("fk_aflevering_gebeurtenis_id_gebeurtenis"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aflevering")),
    )
    op.create_index(
        "ix_aflevering_log", "aflevering", ["abonnement_id", "aangemaakt_at"], unique=False
    )
    op.create_index(
        "ix_aflevering_wachtend",
        "aflevering",
        ["abonnement_id", "sleutel", "volgnummer"],
        unique=False,
    )
    op.create_index(
        "uq_aflevering_wachtend",
        "aflevering",
        ["abonnement_id", "gebeurtenis_id"],
        unique=True,
        postgresql_where=sa.text("status = 'wachtend'"),
        sqlite_where=sa.text("status = 'wachtend'"),
    )


def downgrade() -> None:
    op.drop_index(
        "uq_aflevering_wachtend",
        table_name="aflevering",
        postgresql_where=sa.text("status = 'wachtend'"),
        sqlite_where=sa.text("status = 'wachtend'"),
    )
    op.drop_index("ix_aflevering_wachtend", table_name="aflevering")
    op.drop_index("ix_aflevering_log", table_name="aflevering")
    op.drop_table("aflevering")
    op.drop_table("processed_message")
    op.drop_index(
        "ix_outbox_message_unpublished",
        table_name="outbox_message",
        postgresql_where=sa.text("published_at IS NULL"),
        sqlite_where=sa.text("published_at IS NULL"),
    )
    op.drop_index("ix_outbox_message_published_at", table_name="outbox_message")
    op.drop_table("outbox_message")
    op.drop_table("gemeente_stroom")
    op.drop_index("ix_gebeurtenis_gemeente_time", table_name="gebeurtenis")
    op.drop_table("gebeurtenis")
    op.drop_index(op.f("ix_abonnement_gemeentecode"), table_name="abonnement")
    op.drop_table("abonnement")
