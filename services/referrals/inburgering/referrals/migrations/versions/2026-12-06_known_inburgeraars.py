"""the inburgeraars known per gemeente (from routes' leerroute decisions), under row-level security

Revision ID: e524889d68d2
Revises: 7f23059e4e8b
"""

import sqlalchemy as sa
from alembic import op

from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "e524889d68d2"
down_revision = "7f23059e4e8b"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inburgeraar",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("leerroute", sa.String(length=20), nullable=False),
        sa.Column("opleidingsniveau", sa.String(length=20), nullable=True),
        sa.Column("bekend_sinds_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("leerroute_sinds_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inburgeraar")),
    )
    # A referral proposed on a leerroute decision proves the person's gemeente; one made by
    # hand so far does not (any id was accepted), so it makes no one known. The latest such
    # referral per person stands for the decision.
    op.execute(
        "INSERT INTO inburgeraar (id, gemeentecode, leerroute, opleidingsniveau, "
        "bekend_sinds_at, leerroute_sinds_at) "
        "SELECT v.inburgeraar_id, v.gemeentecode, v.leerroute, v.opleidingsniveau, "
        "v.aangemaakt_at, v.aangemaakt_at FROM verwijzing v "
        "WHERE v.id = (SELECT laatste.id FROM verwijzing laatste "
        "WHERE laatste.inburgeraar_id = v.inburgeraar_id AND laatste.advies_id IS NOT NULL "
        "ORDER BY laatste.aangemaakt_at DESC, laatste.id DESC LIMIT 1)"
    )
    enable_tenant_rls("inburgeraar")


def downgrade() -> None:
    disable_tenant_rls("inburgeraar")
    op.drop_table("inburgeraar")
