"""allocation policies per samenwerkingsverband, provider locations, placements ended by a
leerroute change

Revision ID: 115b280d17e9
Revises: f206d026ee08
"""

import sqlalchemy as sa
from alembic import op

revision = "115b280d17e9"
down_revision = "f206d026ee08"
branch_labels = None
depends_on = None

PLAATSING_STATUS = (
    "status IN ('wachtlijst', 'aangevraagd', 'geaccepteerd', 'gestart', 'afgerond', "
    "'uitgevallen', 'ingetrokken', 'beeindigd')"
)
VORIGE_PLAATSING_STATUS = (
    "status IN ('wachtlijst', 'aangevraagd', 'geaccepteerd', 'gestart', 'afgerond', 'uitgevallen')"
)
AANLEIDING = "aanleiding IN ('leerroute-vastgesteld', 'verzoek-gemeente', 'leerroute-gewijzigd')"
VORIGE_AANLEIDING = "aanleiding IN ('leerroute-vastgesteld', 'verzoek-gemeente')"
TOEWIJZINGSBELEID = "toewijzingsbeleid IN ('voorkeursvolgorde', 'rotatie', 'locatie')"


def upgrade() -> None:
    op.add_column(
        "samenwerkingsverband",
        sa.Column(
            "toewijzingsbeleid",
            sa.String(length=20),
            server_default="voorkeursvolgorde",
            nullable=False,
        ),
    )
    with op.batch_alter_table("samenwerkingsverband") as batch:
        batch.create_check_constraint(
            op.f("ck_samenwerkingsverband_toewijzingsbeleid"), TOEWIJZINGSBELEID
        )
    op.create_table(
        "toewijzing_rotatie",
        sa.Column("samenwerkingsverband_id", sa.Uuid(), nullable=False),
        sa.Column("laatste_contract_id", sa.Uuid(), nullable=True),
        sa.Column("bijgewerkt_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["laatste_contract_id"],
            ["contract.id"],
            name=op.f("fk_toewijzing_rotatie_laatste_contract_id_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["samenwerkingsverband_id"],
            ["samenwerkingsverband.id"],
            name="fk_toewijzing_rotatie_verband",
        ),
        sa.PrimaryKeyConstraint("samenwerkingsverband_id", name=op.f("pk_toewijzing_rotatie")),
    )
    op.create_table(
        "aanbieder_locatie",
        sa.Column("aanbieder_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.ForeignKeyConstraint(
            ["aanbieder_id"],
            ["aanbieder.id"],
            name=op.f("fk_aanbieder_locatie_aanbieder_id_aanbieder"),
        ),
        sa.PrimaryKeyConstraint("aanbieder_id", "gemeentecode", name=op.f("pk_aanbieder_locatie")),
    )
    op.add_column("plaatsing", sa.Column("einde_reden", sa.String(length=30), nullable=True))
    with op.batch_alter_table("plaatsing") as batch:
        batch.drop_constraint(op.f("ck_plaatsing_status"), type_="check")
        batch.create_check_constraint(op.f("ck_plaatsing_status"), PLAATSING_STATUS)
        batch.drop_constraint(op.f("ck_plaatsing_aanleiding"), type_="check")
        batch.create_check_constraint(op.f("ck_plaatsing_aanleiding"), AANLEIDING)


def downgrade() -> None:
    with op.batch_alter_table("plaatsing") as batch:
        batch.drop_constraint(op.f("ck_plaatsing_status"), type_="check")
        batch.create_check_constraint(op.f("ck_plaatsing_status"), VORIGE_PLAATSING_STATUS)
        batch.drop_constraint(op.f("ck_plaatsing_aanleiding"), type_="check")
        batch.create_check_constraint(op.f("ck_plaatsing_aanleiding"), VORIGE_AANLEIDING)
    op.drop_column("plaatsing", "einde_reden")
    op.drop_table("aanbieder_locatie")
    op.drop_table("toewijzing_rotatie")
    with op.batch_alter_table("samenwerkingsverband") as batch:
        batch.drop_constraint(op.f("ck_samenwerkingsverband_toewijzingsbeleid"), type_="check")
    op.drop_column("samenwerkingsverband", "toewijzingsbeleid")
