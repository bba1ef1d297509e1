"""inburgeringsaanbod melding and alfabetisering

Revision ID: 9b740ea9ec14
Revises: a80fc77ada2d
"""

import sqlalchemy as sa
from alembic import op

revision = "9b740ea9ec14"
down_revision = "a80fc77ada2d"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("brede_intake", sa.Column("alfabetisering", sa.String(length=3), nullable=True))
    # Batch mode: SQLite cannot add a constraint to an existing table.
    with op.batch_alter_table("duo_melding") as batch:
        batch.add_column(sa.Column("plaatsing_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("aanbieder_kvk", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("leerroute", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("startdatum", sa.Date(), nullable=True))
        batch.create_unique_constraint(op.f("uq_duo_melding_plaatsing_id"), ["plaatsing_id"])


def downgrade() -> None:
    with op.batch_alter_table("duo_melding") as batch:
        batch.drop_constraint(op.f("uq_duo_melding_plaatsing_id"), type_="unique")
        batch.drop_column("startdatum")
        batch.drop_column("leerroute")
        batch.drop_column("aanbieder_kvk")
        batch.drop_column("plaatsing_id")
    op.drop_column("brede_intake", "alfabetisering")
