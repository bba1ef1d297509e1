"""referral attempts (resubmission after a refusal) and the intake's education level

Revision ID: dbe46989fbfc
Revises: 6ff5f80666ea
"""

import sqlalchemy as sa
from alembic import op

revision = "dbe46989fbfc"
down_revision = "6ff5f80666ea"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "verwijzing_poging",
        sa.Column("verwijzing_id", sa.Uuid(), nullable=False),
        sa.Column("poging", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Uuid(), nullable=False),
        sa.Column("afwijzingsreden", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["verwijzing_id"],
            ["verwijzing.id"],
            name=op.f("fk_verwijzing_poging_verwijzing_id_verwijzing"),
        ),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_verwijzing_poging_cohort_id_cohort")
        ),
        sa.PrimaryKeyConstraint("verwijzing_id", "poging", name=op.f("pk_verwijzing_poging")),
    )
    op.create_index(
        op.f("ix_verwijzing_poging_cohort_id"), "verwijzing_poging", ["cohort_id"], unique=False
    )
    with op.batch_alter_table("verwijzing") as batch:
        batch.add_column(
            sa.Column("poging", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )
        batch.add_column(sa.Column("opleidingsniveau", sa.String(length=20), nullable=True))
    with op.batch_alter_table("verwijzing_stap") as batch:
        batch.add_column(
            sa.Column("poging", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )
        batch.drop_constraint(op.f("pk_verwijzing_stap"), type_="primary")
        batch.create_primary_key(op.f("pk_verwijzing_stap"), ["verwijzing_id", "poging", "status"])
    # Every referral submitted so far is in its first attempt.
    op.execute(
        "INSERT INTO verwijzing_poging (verwijzing_id, poging, cohort_id, afwijzingsreden) "
        "SELECT id, 1, cohort_id, afwijzingsreden FROM verwijzing WHERE cohort_id IS NOT NULL"
    )


def downgrade() -> None:
    # The old key holds one row per status: only the first attempt's steps fit.
    op.execute("DELETE FROM verwijzing_stap WHERE poging > 1")
    with op.batch_alter_table("verwijzing_stap") as batch:
        batch.drop_constraint(op.f("pk_verwijzing_stap"), type_="primary")
        batch.create_primary_key(op.f("pk_verwijzing_stap"), ["verwijzing_id", "status"])
        batch.drop_column("poging")
    with op.batch_alter_table("verwijzing") as batch:
        batch.drop_column("opleidingsniveau")
        batch.drop_column("poging")
    op.drop_index(op.f("ix_verwijzing_poging_cohort_id"), table_name="verwijzing_poging")
    op.drop_table("verwijzing_poging")
