"""inburgeringstermijn also from DUO: a bron, and no first PIP here for someone who moved in

Revision ID: 3c1e7a9b52d4
Revises: 473f5f7509d3
"""

import sqlalchemy as sa
from alembic import op

revision = "3c1e7a9b52d4"
down_revision = "473f5f7509d3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inburgeringstermijn") as batch:
        batch.add_column(
            sa.Column("bron", sa.String(length=10), nullable=False, server_default=sa.text("'pip'"))
        )
        batch.alter_column("eerste_pip_id", existing_type=sa.Uuid(), nullable=True)
        batch.alter_column("dagtekening_eerste_pip_date", existing_type=sa.Date(), nullable=True)
        batch.create_check_constraint(op.f("ck_inburgeringstermijn_bron"), "bron IN ('pip', 'duo')")
        batch.create_check_constraint(
            op.f("ck_inburgeringstermijn_eerste_pip"),
            "bron = 'duo' OR "
            "(eerste_pip_id IS NOT NULL AND dagtekening_eerste_pip_date IS NOT NULL)",
        )


def downgrade() -> None:
    # The old shape needs the first PIP: termijnen known only from DUO cannot stay.
    op.execute(
        "DELETE FROM termijn_verlenging WHERE inburgeraar_id IN "
        "(SELECT inburgeraar_id FROM inburgeringstermijn WHERE bron = 'duo')"
    )
    op.execute("DELETE FROM inburgeringstermijn WHERE bron = 'duo'")
    with op.batch_alter_table("inburgeringstermijn") as batch:
        batch.drop_constraint(op.f("ck_inburgeringstermijn_eerste_pip"), type_="check")
        batch.drop_constraint(op.f("ck_inburgeringstermijn_bron"), type_="check")
        batch.alter_column("dagtekening_eerste_pip_date", existing_type=sa.Date(), nullable=False)
        batch.alter_column("eerste_pip_id", existing_type=sa.Uuid(), nullable=False)
        batch.drop_column("bron")
