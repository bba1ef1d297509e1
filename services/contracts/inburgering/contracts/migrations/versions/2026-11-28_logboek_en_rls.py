"""logboek dataverwerkingen and row-level security on placements

Revision ID: faf525113389
Revises: 115b280d17e9
"""

from inburgering.shared.logboek.migration import create_tables_v1, drop_tables_v1
from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "faf525113389"
down_revision = "115b280d17e9"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tables_v1()
    enable_tenant_rls("plaatsing")


def downgrade() -> None:
    disable_tenant_rls("plaatsing")
    drop_tables_v1()
