"""logboek dataverwerkingen and row-level security

Revision ID: 853cfe3faf7d
Revises: 17d9c0ba98ff
"""

from inburgering.shared.logboek.migration import create_tables_v1, drop_tables_v1
from inburgering.shared.persistence.rls import disable_tenant_rls, enable_tenant_rls

revision = "853cfe3faf7d"
down_revision = "17d9c0ba98ff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tables_v1()
    enable_tenant_rls("leerroute_advies")
    enable_tenant_rls("inburgeringstermijn")
    enable_tenant_rls("cursusuren")
    enable_tenant_rls("voortgang")
    enable_tenant_rls("examenuitslag")


def downgrade() -> None:
    disable_tenant_rls("leerroute_advies")
    disable_tenant_rls("inburgeringstermijn")
    disable_tenant_rls("cursusuren")
    disable_tenant_rls("voortgang")
    disable_tenant_rls("examenuitslag")
    drop_tables_v1()
