"""leerroute decisions known to contracts, so a placement on request names one of the caller's own

Revision ID: 7c2e41d9a0b3
Revises: faf525113389
"""

import sqlalchemy as sa
from alembic import op

from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "7c2e41d9a0b3"
down_revision = "faf525113389"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leerroutebesluit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("leerroute", sa.String(length=20), nullable=False),
        sa.Column("doelgroep", sa.String(length=30), nullable=False),
        sa.Column("vastgesteld_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "leerroute IN ('b1-route', 'onderwijsroute', 'z-route')",
            name=op.f("ck_leerroutebesluit_leerroute"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leerroutebesluit")),
    )
    op.create_index(
        op.f("ix_leerroutebesluit_inburgeraar_id"), "leerroutebesluit", ["inburgeraar_id"]
    )
    op.create_index(op.f("ix_leerroutebesluit_gemeentecode"), "leerroutebesluit", ["gemeentecode"])
    enable_tenant_rls("leerroutebesluit")


def downgrade() -> None:
    disable_tenant_rls("leerroutebesluit")
    op.drop_index(op.f("ix_leerroutebesluit_gemeentecode"), table_name="leerroutebesluit")
    op.drop_index(op.f("ix_leerroutebesluit_inburgeraar_id"), table_name="leerroutebesluit")
    op.drop_table("leerroutebesluit")
