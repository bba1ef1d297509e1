"""the region managed through the API: membership with roles and dates, providers' DUO number and
contact, contract lots

Revision ID: 3f9b0c6e2d14
Revises: 7c2e41d9a0b3
"""

import sqlalchemy as sa
from alembic import op

revision = "3f9b0c6e2d14"
down_revision = "7c2e41d9a0b3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "samenwerkingsverband",
        sa.Column("versie", sa.Integer(), nullable=False, server_default="1"),
    )
    with op.batch_alter_table("samenwerkingsverband_lid") as batch:
        batch.add_column(sa.Column("ingangsdatum", sa.Date(), nullable=True))
        batch.add_column(sa.Column("einddatum", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("rollen", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
    # A member from before dated membership joined when its verband began.
    op.execute(
        "UPDATE samenwerkingsverband_lid SET ingangsdatum = (SELECT periode_start_date FROM "
        "samenwerkingsverband WHERE samenwerkingsverband.id = "
        "samenwerkingsverband_lid.samenwerkingsverband_id)"
    )
    with op.batch_alter_table("samenwerkingsverband_lid") as batch:
        batch.alter_column("ingangsdatum", existing_type=sa.Date(), nullable=False)
        batch.drop_constraint("uq_samenwerkingsverband_lid", type_="unique")
        batch.create_unique_constraint(
            "uq_samenwerkingsverband_lid",
            ["samenwerkingsverband_id", "gemeentecode", "ingangsdatum"],
        )
        batch.create_check_constraint(
            op.f("ck_samenwerkingsverband_lid_periode"),
            "einddatum IS NULL OR einddatum > ingangsdatum",
        )
    with op.batch_alter_table("aanbieder") as batch:
        batch.add_column(sa.Column("duo_instellingsnummer", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("contact_email", sa.String(length=254), nullable=True))
        batch.add_column(sa.Column("contact_telefoon", sa.String(length=20), nullable=True))
    with op.batch_alter_table("contract") as batch:
        batch.add_column(sa.Column("perceel_code", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("perceel_naam", sa.String(length=200), nullable=True))
        batch.create_unique_constraint(
            "uq_contract_perceel", ["samenwerkingsverband_id", "perceel_code", "aanbieder_id"]
        )
        # The lifecycle gains concept (agreed, not in force) and verlengd (an option used).
        batch.drop_constraint(op.f("ck_contract_status"), type_="check")
        batch.create_check_constraint(
            op.f("ck_contract_status"),
            "status IN ('concept', 'actief', 'verlengd', 'opgeschort', 'beeindigd')",
        )


def downgrade() -> None:
    op.execute("UPDATE contract SET status = 'actief' WHERE status = 'verlengd'")
    op.execute("UPDATE contract SET status = 'opgeschort' WHERE status = 'concept'")
    with op.batch_alter_table("contract") as batch:
        batch.drop_constraint(op.f("ck_contract_status"), type_="check")
        batch.create_check_constraint(
            op.f("ck_contract_status"), "status IN ('actief', 'opgeschort', 'beeindigd')"
        )
        batch.drop_constraint("uq_contract_perceel", type_="unique")
        batch.drop_column("perceel_naam")
        batch.drop_column("perceel_code")
    with op.batch_alter_table("aanbieder") as batch:
        batch.drop_column("contact_telefoon")
        batch.drop_column("contact_email")
        batch.drop_column("duo_instellingsnummer")
    # Only the latest membership of each gemeente survives the way back.
    op.execute(
        "DELETE FROM samenwerkingsverband_lid WHERE einddatum IS NOT NULL AND EXISTS (SELECT 1 "
        "FROM samenwerkingsverband_lid AS later WHERE later.samenwerkingsverband_id = "
        "samenwerkingsverband_lid.samenwerkingsverband_id AND later.gemeentecode = "
        "samenwerkingsverband_lid.gemeentecode AND later.ingangsdatum > "
        "samenwerkingsverband_lid.ingangsdatum)"
    )
    with op.batch_alter_table("samenwerkingsverband_lid") as batch:
        batch.drop_constraint(op.f("ck_samenwerkingsverband_lid_periode"), type_="check")
        batch.drop_constraint("uq_samenwerkingsverband_lid", type_="unique")
        batch.create_unique_constraint(
            "uq_samenwerkingsverband_lid", ["samenwerkingsverband_id", "gemeentecode"]
        )
        batch.drop_column("rollen")
        batch.drop_column("einddatum")
        batch.drop_column("ingangsdatum")
    with op.batch_alter_table("samenwerkingsverband") as batch:
        batch.drop_column("versie")
