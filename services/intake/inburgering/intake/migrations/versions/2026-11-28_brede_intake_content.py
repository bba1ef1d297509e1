"""brede intake content

Revision ID: a80fc77ada2d
Revises: 099c16678a33
"""

import sqlalchemy as sa
from alembic import op

revision = "a80fc77ada2d"
down_revision = "099c16678a33"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "verwerkingslog",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("verwerkt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gegevens", sa.String(length=40), nullable=False),
        sa.Column("handeling", sa.String(length=20), nullable=False),
        sa.Column("doel", sa.String(length=40), nullable=False),
        sa.Column("grondslag", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verwerkingslog")),
    )
    op.create_index(
        op.f("ix_verwerkingslog_gemeentecode"), "verwerkingslog", ["gemeentecode"], unique=False
    )
    op.create_index(
        op.f("ix_verwerkingslog_inburgeraar_id"), "verwerkingslog", ["inburgeraar_id"], unique=False
    )
    op.create_table(
        "gezondheid",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("versleuteld", sa.LargeBinary(), nullable=False),
        sa.Column("vastgelegd_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inburgeraar_id"],
            ["inburgeraar.id"],
            name=op.f("fk_gezondheid_inburgeraar_id_inburgeraar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gezondheid")),
        sa.UniqueConstraint("inburgeraar_id", name=op.f("uq_gezondheid_inburgeraar_id")),
    )
    op.add_column(
        "brede_intake", sa.Column("leerbaarheidstoets_score", sa.Integer(), nullable=True)
    )
    op.add_column("brede_intake", sa.Column("leerbaarheidstoets_date", sa.Date(), nullable=True))
    op.add_column(
        "brede_intake", sa.Column("leerbaarheidstoets_cesuur", sa.Integer(), nullable=True)
    )
    op.add_column(
        "brede_intake",
        sa.Column("leerbaarheidstoets_beperking", sa.String(length=10), nullable=True),
    )
    op.add_column("brede_intake", sa.Column("opleiding", sa.Text(), nullable=True))
    op.add_column("brede_intake", sa.Column("werkervaring_jaren", sa.Integer(), nullable=True))
    op.add_column("brede_intake", sa.Column("werkervaring", sa.Text(), nullable=True))
    op.add_column("brede_intake", sa.Column("taalniveau", sa.String(length=4), nullable=True))
    op.add_column("brede_intake", sa.Column("zelfredzaamheid", sa.String(length=30), nullable=True))
    op.add_column("brede_intake", sa.Column("vve_aantal_kinderen", sa.Integer(), nullable=True))
    op.add_column("brede_intake", sa.Column("vve_mogelijkheden", sa.Text(), nullable=True))
    op.add_column(
        "brede_intake", sa.Column("mogelijkheden_werk_en_participatie", sa.Text(), nullable=True)
    )
    op.add_column(
        "brede_intake", sa.Column("recht_op_alleen_spreken_meegedeeld", sa.Boolean(), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("brede_intake", "recht_op_alleen_spreken_meegedeeld")
    op.drop_column("brede_intake", "mogelijkheden_werk_en_participatie")
    op.drop_column("brede_intake", "vve_mogelijkheden")
    op.drop_column("brede_intake", "vve_aantal_kinderen")
    op.drop_column("brede_intake", "zelfredzaamheid")
    op.drop_column("brede_intake", "taalniveau")
    op.drop_column("brede_intake", "werkervaring")
    op.drop_column("brede_intake", "werkervaring_jaren")
    op.drop_column("brede_intake", "opleiding")
    op.drop_column("brede_intake", "leerbaarheidstoets_beperking")
    op.drop_column("brede_intake", "leerbaarheidstoets_cesuur")
    op.drop_column("brede_intake", "leerbaarheidstoets_date")
    op.drop_column("brede_intake", "leerbaarheidstoets_score")
    op.drop_table("gezondheid")
    op.drop_index(op.f("ix_verwerkingslog_inburgeraar_id"), table_name="verwerkingslog")
    op.drop_index(op.f("ix_verwerkingslog_gemeentecode"), table_name="verwerkingslog")
    op.drop_table("verwerkingslog")
