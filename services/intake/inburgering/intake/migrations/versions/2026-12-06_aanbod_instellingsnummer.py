"""the provider's DUO instellingsnummer with the queued inburgeringsaanbod melding

Revision ID: 6c91ed0f2d17
Revises: b2300860d3bb
"""

import sqlalchemy as sa
from alembic import op

revision = "6c91ed0f2d17"
down_revision = "b2300860d3bb"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Meldingen queued before contracts carried the number keep it empty: they use the setting.
    with op.batch_alter_table("duo_melding") as batch:
        batch.add_column(
            sa.Column("aanbieder_duo_instellingsnummer", sa.String(length=10), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("duo_melding") as batch:
        batch.drop_column("aanbieder_duo_instellingsnummer")
