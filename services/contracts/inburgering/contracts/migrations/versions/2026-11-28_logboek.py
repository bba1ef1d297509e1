"""logboek dataverwerkingen (no row-level security here: see ADR 0006)

Revision ID: faf525113389
Revises: 115b280d17e9
"""

from inburgering.shared.logboek.migration import create_tables_v1, drop_tables_v1

revision = "faf525113389"
down_revision = "115b280d17e9"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tables_v1()


def downgrade() -> None:
    drop_tables_v1()
