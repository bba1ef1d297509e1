"""network leads (who manages the network) and durable timers (referral deadlines)

Revision ID: 6ff5f80666ea
Revises: 5028efb30b68
"""

import sqlalchemy as sa
from alembic import op

revision = "6ff5f80666ea"
down_revision = "5028efb30b68"
branch_labels = None
depends_on = None


def upgrade() -> None:
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
        "netwerk_gemeente",
        sa.Column("lead", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("netwerk_gemeente", "lead")
    op.drop_index(
        "ix_timer_pending",
        table_name="timer",
        postgresql_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
        sqlite_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
    )
    op.drop_table("timer")
