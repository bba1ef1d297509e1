"""logboek dataverwerkingen and row-level security

Revision ID: 1e42454bda27
Revises: 59ed5ed7fbe5
"""

from inburgering.shared.logboek.migration import create_tables_v1, drop_tables_v1
from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "1e42454bda27"
down_revision = "59ed5ed7fbe5"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tables_v1()
    enable_tenant_rls("gebeurtenis")
    enable_tenant_rls("abonnement")


def downgrade() -> None:
    disable_tenant_rls("gebeurtenis")
    disable_tenant_rls("abonnement")
    drop_tables_v1()
