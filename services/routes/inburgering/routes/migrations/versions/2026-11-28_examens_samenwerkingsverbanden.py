"""examens, samenwerkingsverbanden en urenaftrek

Revision ID: 17d9c0ba98ff
Revises: 6160329359c9
"""

import sqlalchemy as sa
from alembic import op

revision = "17d9c0ba98ff"
down_revision = "6160329359c9"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("leerroute_advies", sa.Column("beleid_bron", sa.String(length=30), nullable=True))
    op.add_column(
        "leerroute_advies", sa.Column("beleid_samenwerkingsverband_id", sa.Uuid(), nullable=True)
    )
    op.create_table(
        "samenwerkingsverband",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("aangemaakt_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samenwerkingsverband")),
    )
    op.create_table(
        "samenwerkingsverband_lid",
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("gemeentecode", name=op.f("pk_samenwerkingsverband_lid")),
    )
    op.create_index(
        op.f("ix_samenwerkingsverband_lid_samenwerkingsverband_id"),
        "samenwerkingsverband_lid",
        ["samenwerkingsverband_id"],
        unique=False,
    )
    op.create_table(
        "samenwerkingsverbandbeleid",
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=False),
        sa.Column("ingangs_date", sa.Date(), nullable=False),
        sa.Column("onderwijsroute_max_leeftijd", sa.Integer(), nullable=False),
        sa.Column("vastgelegd_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "samenwerkingsverband_id", "ingangs_date", name=op.f("pk_samenwerkingsverbandbeleid")
        ),
    )
    op.create_table(
        "examenuitslag",
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("onderdeel", sa.String(length=10), nullable=False),
        sa.Column("examen_date", sa.Date(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("resultaat", sa.String(length=20), nullable=False),
        sa.Column("niveau", sa.String(length=10), nullable=True),
        sa.Column("ontvangen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "inburgeraar_id", "onderdeel", "examen_date", name=op.f("pk_examenuitslag")
        ),
    )
    op.create_table(
        "urenaftrek",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("norm", sa.String(length=40), nullable=False),
        sa.Column("grond", sa.String(length=40), nullable=False),
        sa.Column("uren", sa.Float(), nullable=False),
        sa.Column("geregistreerd_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("uren > 0", name=op.f("ck_urenaftrek_uren_positief")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_urenaftrek")),
    )
    op.create_index(
        op.f("ix_urenaftrek_inburgeraar_id"), "urenaftrek", ["inburgeraar_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_urenaftrek_inburgeraar_id"), table_name="urenaftrek")
    op.drop_table("urenaftrek")
    op.drop_table("examenuitslag")
    op.drop_table("samenwerkingsverbandbeleid")
    op.drop_index(
        op.f("ix_samenwerkingsverband_lid_samenwerkingsverband_id"),
        table_name="samenwerkingsverband_lid",
    )
    op.drop_table("samenwerkingsverband_lid")
    op.drop_table("samenwerkingsverband")
    with op.batch_alter_table("leerroute_advies") as batch:
        batch.drop_column("beleid_samenwerkingsverband_id")
        batch.drop_column("beleid_bron")
