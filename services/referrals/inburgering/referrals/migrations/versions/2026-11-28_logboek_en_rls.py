"""logboek dataverwerkingen and row-level security

Revision ID: 7f23059e4e8b
Revises: dbe46989fbfc
"""

from inburgering.shared.logboek.migration import create_tables_v1, drop_tables_v1
from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "7f23059e4e8b"
down_revision = "dbe46989fbfc"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tables_v1()
    enable_tenant_rls("verwijzing")


def downgrade() -> None:
    disable_tenant_rls("verwijzing")
    drop_tables_v1()
