"""referral pathway: cohorts, entry requirements, dossier, steps

Revision ID: 5028efb30b68
Revises: a322e5120b62
"""

import sqlalchemy as sa
from alembic import op

revision = "5028efb30b68"
down_revision = "a322e5120b62"
branch_labels = None
depends_on = None

_STATUSSEN = (
    "'aangemaakt', 'dossier-compleet', 'ingediend', 'intake-gehouden', 'toegelaten', "
    "'afgewezen', 'gestart', 'afgerond', 'beeindigd'"
)


def upgrade() -> None:
    op.create_table(
        "cohort",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("opleiding_id", sa.Uuid(), nullable=False),
        sa.Column("aanmeld_deadline_date", sa.Date(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("eind_date", sa.Date(), nullable=False),
        sa.Column("plaatsen", sa.Integer(), nullable=False),
        sa.Column("bezet", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint(
            "aanmeld_deadline_date <= start_date AND start_date < eind_date",
            name=op.f("ck_cohort_data"),
        ),
        sa.CheckConstraint("bezet >= 0 AND bezet <= plaatsen", name=op.f("ck_cohort_bezet")),
        sa.ForeignKeyConstraint(
            ["opleiding_id"], ["opleiding.id"], name=op.f("fk_cohort_opleiding_id_opleiding")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohort")),
    )
    op.create_index(op.f("ix_cohort_opleiding_id"), "cohort", ["opleiding_id"], unique=False)
    op.create_table(
        "verwijzing_stap",
        sa.Column("verwijzing_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("bereikt_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["verwijzing_id"],
            ["verwijzing.id"],
            name=op.f("fk_verwijzing_stap_verwijzing_id_verwijzing"),
        ),
        sa.PrimaryKeyConstraint("verwijzing_id", "status", name=op.f("pk_verwijzing_stap")),
    )
    with op.batch_alter_table("opleiding") as batch:
        batch.add_column(
            sa.Column(
                "taalniveau_bij_start",
                sa.String(length=2),
                server_default=sa.text("'B2'"),
                nullable=False,
            )
        )
        batch.add_column(sa.Column("engels_niveau", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("wiskunde_niveau", sa.String(length=100), nullable=True))
        batch.add_column(
            sa.Column(
                "diplomawaardering_vereist", sa.Boolean(), server_default=sa.true(), nullable=False
            )
        )
    with op.batch_alter_table("verwijzing") as batch:
        batch.add_column(
            sa.Column(
                "leerroute",
                sa.String(length=20),
                server_default=sa.text("'onderwijsroute'"),
                nullable=False,
            )
        )
        batch.add_column(sa.Column("diplomawaardering", sa.String(length=30), nullable=True))
        batch.add_column(sa.Column("taalniveau", sa.String(length=2), nullable=True))
        batch.add_column(
            sa.Column("uaf_begeleiding", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("geboortejaar", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("cohort_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("afwijzingsreden", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("beeindigingsreden", sa.String(length=40), nullable=True))
        batch.alter_column("advies_id", existing_type=sa.Uuid(), nullable=True)
        batch.drop_constraint(op.f("ck_verwijzing_status"), type_="check")
        batch.create_check_constraint(op.f("ck_verwijzing_status"), f"status IN ({_STATUSSEN})")
        batch.create_index(op.f("ix_verwijzing_cohort_id"), ["cohort_id"], unique=False)
        batch.create_foreign_key(
            op.f("fk_verwijzing_cohort_id_cohort"), "cohort", ["cohort_id"], ["id"]
        )
    # Every referral made so far reached its first step when it was created.
    op.execute(
        "INSERT INTO verwijzing_stap (verwijzing_id, status, bereikt_at) "
        "SELECT id, status, aangemaakt_at FROM verwijzing"
    )


def downgrade() -> None:
    with op.batch_alter_table("verwijzing") as batch:
        batch.drop_constraint(op.f("fk_verwijzing_cohort_id_cohort"), type_="foreignkey")
        batch.drop_index(op.f("ix_verwijzing_cohort_id"))
        batch.drop_constraint(op.f("ck_verwijzing_status"), type_="check")
        batch.create_check_constraint(op.f("ck_verwijzing_status"), "status IN ('aangemaakt')")
        batch.alter_column("advies_id", existing_type=sa.Uuid(), nullable=False)
        batch.drop_column("beeindigingsreden")
        batch.drop_column("afwijzingsreden")
        batch.drop_column("cohort_id")
        batch.drop_column("geboortejaar")
        batch.drop_column("uaf_begeleiding")
        batch.drop_column("taalniveau")
        batch.drop_column("diplomawaardering")
        batch.drop_column("leerroute")
    with op.batch_alter_table("opleiding") as batch:
        batch.drop_column("diplomawaardering_vereist")
        batch.drop_column("wiskunde_niveau")
        batch.drop_column("engels_niveau")
        batch.drop_column("taalniveau_bij_start")
    op.drop_table("verwijzing_stap")
    op.drop_index(op.f("ix_cohort_opleiding_id"), table_name="cohort")
    op.drop_table("cohort")
