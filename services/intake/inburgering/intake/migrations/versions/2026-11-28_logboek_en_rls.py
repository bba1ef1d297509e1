"""logboek dataverwerkingen and row-level security

Revision ID: 74b6335de8a4
Revises: 9b740ea9ec14
"""

from inburgering.shared.logboek.migration import create_tables_v1, drop_tables_v1
from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "74b6335de8a4"
down_revision = "9b740ea9ec14"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tables_v1()
    enable_tenant_rls("inburgeraar")
    enable_tenant_rls("brede_intake")
    enable_tenant_rls("gezondheid")
    enable_tenant_rls("verwerkingslog")
    enable_tenant_rls("duo_notificatie")
    enable_tenant_rls("duo_gebeurtenis")
    enable_tenant_rls("pip")
    enable_tenant_rls("duo_melding")


def downgrade() -> None:
    disable_tenant_rls("inburgeraar")
    disable_tenant_rls("brede_intake")
    disable_tenant_rls("gezondheid")
    disable_tenant_rls("verwerkingslog")
    disable_tenant_rls("duo_notificatie")
    disable_tenant_rls("duo_gebeurtenis")
    disable_tenant_rls("pip")
    disable_tenant_rls("duo_melding")
    drop_tables_v1()
