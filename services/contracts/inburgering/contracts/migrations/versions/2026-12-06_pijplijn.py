"""the region's pipeline from intake and routes events, the influx gemeenten expect, and the
shortfall last signalled per verband

Revision ID: 5a1d7e3c9b20
Revises: 3f9b0c6e2d14
"""

import sqlalchemy as sa
from alembic import op

from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "5a1d7e3c9b20"
down_revision = "3f9b0c6e2d14"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pijplijn",
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("doelgroep", sa.String(length=30), nullable=True),
        sa.Column("aangemeld_op", sa.Date(), nullable=True),
        sa.Column("intake_afgerond_op", sa.Date(), nullable=True),
        sa.Column("geadviseerde_leerroute", sa.String(length=20), nullable=True),
        sa.Column("geadviseerd_op", sa.Date(), nullable=True),
        sa.Column("vastgestelde_leerroute", sa.String(length=20), nullable=True),
        sa.Column("vastgesteld_op", sa.Date(), nullable=True),
        sa.Column("eerste_pip_op", sa.Date(), nullable=True),
        sa.Column("afsluiting", sa.String(length=20), nullable=True),
        sa.Column("afgesloten_op", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "afsluiting IN ('beeindigd', 'voldaan')", name=op.f("ck_pijplijn_afsluiting")
        ),
        sa.PrimaryKeyConstraint("inburgeraar_id", name=op.f("pk_pijplijn")),
    )
    op.create_index(op.f("ix_pijplijn_gemeentecode"), "pijplijn", ["gemeentecode"])
    enable_tenant_rls("pijplijn")
    op.create_table(
        "instroomverwachting",
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("halfjaar", sa.String(length=7), nullable=False),
        sa.Column("asielstatushouders", sa.Integer(), nullable=False),
        sa.Column("gezinsmigranten", sa.Integer(), server_default="0", nullable=False),
        sa.Column("vastgelegd_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "asielstatushouders >= 0 AND gezinsmigranten >= 0",
            name=op.f("ck_instroomverwachting_aantallen"),
        ),
        sa.PrimaryKeyConstraint("gemeentecode", "halfjaar", name=op.f("pk_instroomverwachting")),
    )
    op.create_table(
        "tekortsignaal",
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=False),
        sa.Column("kwartaal", sa.String(length=7), nullable=False),
        sa.Column("tekort", sa.Integer(), nullable=False),
        sa.Column("gesignaleerd_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["samenwerkingsverband_id"],
            ["samenwerkingsverband.id"],
            name="fk_tekortsignaal_verband",
        ),
        sa.PrimaryKeyConstraint("samenwerkingsverband_id", name=op.f("pk_tekortsignaal")),
    )


def downgrade() -> None:
    op.drop_table("tekortsignaal")
    op.drop_table("instroomverwachting")
    disable_tenant_rls("pijplijn")
    op.drop_index(op.f("ix_pijplijn_gemeentecode"), table_name="pijplijn")
    op.drop_table("pijplijn")
