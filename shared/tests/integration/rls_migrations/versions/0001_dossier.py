"""A case table with a gemeentecode, under the tenant policy."""

import sqlalchemy as sa
from alembic import op

from inburgering.shared.persistence.rls import enable_tenant_rls

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dossier",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("gemeentecode", sa.String(6), nullable=False),
    )
    enable_tenant_rls("dossier")


def downgrade() -> None:
    op.drop_table("dossier")
