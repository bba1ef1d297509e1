"""provider portal

Revision ID: f206d026ee08
Revises: 3d86db4ac9ce
"""

import sqlalchemy as sa
from alembic import op

revision = "f206d026ee08"
down_revision = "3d86db4ac9ce"
branch_labels = None
depends_on = None

PLAATSING_STATUS = (
    "status IN ('wachtlijst', 'aangevraagd', 'geaccepteerd', 'gestart', 'afgerond', 'uitgevallen')"
)
AANLEIDING = "aanleiding IN ('leerroute-vastgesteld', 'verzoek-gemeente')"


def upgrade() -> None:
    op.create_table(
        "contract_aandeel",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("capaciteit", sa.Integer(), nullable=False),
        sa.Column("geplaatst", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "geplaatst >= 0 AND geplaatst <= capaciteit",
            name=op.f("ck_contract_aandeel_binnen_aandeel"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_contract_aandeel_contract_id_contract")
        ),
        sa.PrimaryKeyConstraint("contract_id", "gemeentecode", name=op.f("pk_contract_aandeel")),
    )
    op.create_table(
        "contract_versie",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.Column("capaciteit", sa.Integer(), nullable=False),
        sa.Column("prijs_eenheid", sa.String(length=10), nullable=False),
        sa.Column("prijs_bedrag", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("periode_start_date", sa.Date(), nullable=False),
        sa.Column("periode_eind_date", sa.Date(), nullable=False),
        sa.Column("verlengingsopties", sa.Integer(), nullable=False),
        sa.Column("aandelen", sa.JSON(), nullable=False),
        sa.Column("toelichting", sa.String(length=500), nullable=True),
        sa.Column("gewijzigd_door", sa.String(length=200), nullable=False),
        sa.Column("gewijzigd_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_contract_versie_contract_id_contract")
        ),
        sa.PrimaryKeyConstraint("contract_id", "versie", name=op.f("pk_contract_versie")),
    )
    op.create_table(
        "aanwezigheid",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plaatsing_id", sa.Uuid(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("aanwezig_uren", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("afwezig_uren", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("afwezigheid", sa.String(length=20), nullable=True),
        sa.Column("gemeld_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "afwezigheid IN ('geoorloofd', 'ongeoorloofd')",
            name=op.f("ck_aanwezigheid_afwezigheid"),
        ),
        sa.ForeignKeyConstraint(
            ["plaatsing_id"], ["plaatsing.id"], name=op.f("fk_aanwezigheid_plaatsing_id_plaatsing")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanwezigheid")),
        sa.UniqueConstraint(
            "plaatsing_id", "datum", name=op.f("uq_aanwezigheid_plaatsing_id_datum")
        ),
    )
    op.create_table(
        "examenresultaat",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plaatsing_id", sa.Uuid(), nullable=False),
        sa.Column("onderdeel", sa.String(length=20), nullable=False),
        sa.Column("examendatum", sa.Date(), nullable=False),
        sa.Column("niveau", sa.String(length=10), nullable=False),
        sa.Column("behaald", sa.Boolean(), nullable=False),
        sa.Column("gemeld_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plaatsing_id"],
            ["plaatsing.id"],
            name=op.f("fk_examenresultaat_plaatsing_id_plaatsing"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_examenresultaat")),
    )
    op.create_index(
        op.f("ix_examenresultaat_plaatsing_id"), "examenresultaat", ["plaatsing_id"], unique=False
    )
    op.create_table(
        "plaatsing_afwijzing",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plaatsing_id", sa.Uuid(), nullable=False),
        sa.Column("aanbieder_id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("reden", sa.String(length=30), nullable=False),
        sa.Column("toelichting", sa.String(length=500), nullable=True),
        sa.Column("afgewezen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["aanbieder_id"],
            ["aanbieder.id"],
            name=op.f("fk_plaatsing_afwijzing_aanbieder_id_aanbieder"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contract.id"],
            name=op.f("fk_plaatsing_afwijzing_contract_id_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["plaatsing_id"],
            ["plaatsing.id"],
            name=op.f("fk_plaatsing_afwijzing_plaatsing_id_plaatsing"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plaatsing_afwijzing")),
    )
    op.create_index(
        op.f("ix_plaatsing_afwijzing_plaatsing_id"),
        "plaatsing_afwijzing",
        ["plaatsing_id"],
        unique=False,
    )
    op.create_table(
        "urenmijlpaal",
        sa.Column("plaatsing_id", sa.Uuid(), nullable=False),
        sa.Column("mijlpaal", sa.Integer(), nullable=False),
        sa.Column("bereikt_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plaatsing_id"], ["plaatsing.id"], name=op.f("fk_urenmijlpaal_plaatsing_id_plaatsing")
        ),
        sa.PrimaryKeyConstraint("plaatsing_id", "mijlpaal", name=op.f("pk_urenmijlpaal")),
    )
    op.create_table(
        "voortgangsrapportage",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plaatsing_id", sa.Uuid(), nullable=False),
        sa.Column("peildatum", sa.Date(), nullable=False),
        sa.Column("inzet", sa.String(length=20), nullable=False),
        sa.Column("taalniveau", sa.String(length=10), nullable=True),
        sa.Column("modules_afgerond", sa.Integer(), server_default="0", nullable=False),
        sa.Column("gemeld_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plaatsing_id"],
            ["plaatsing.id"],
            name=op.f("fk_voortgangsrapportage_plaatsing_id_plaatsing"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voortgangsrapportage")),
    )
    op.create_index(
        op.f("ix_voortgangsrapportage_plaatsing_id"),
        "voortgangsrapportage",
        ["plaatsing_id"],
        unique=False,
    )
    op.add_column("aanbieder", sa.Column("keurmerk_nummer", sa.String(length=30), nullable=True))
    op.add_column("aanbieder", sa.Column("keurmerk_geldig_van", sa.Date(), nullable=True))
    op.add_column(
        "contract", sa.Column("prijs_bedrag", sa.Numeric(precision=10, scale=2), nullable=True)
    )
    op.add_column(
        "contract", sa.Column("verlengingsopties", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column(
        "plaatsing",
        sa.Column(
            "doelgroep", sa.String(length=30), server_default="asielstatushouder", nullable=False
        ),
    )
    op.add_column(
        "plaatsing",
        sa.Column(
            "aanleiding",
            sa.String(length=30),
            server_default="leerroute-vastgesteld",
            nullable=False,
        ),
    )
    op.add_column("plaatsing", sa.Column("startdatum", sa.Date(), nullable=True))
    op.add_column("plaatsing", sa.Column("einddatum", sa.Date(), nullable=True))
    op.add_column("plaatsing", sa.Column("uitval_reden", sa.String(length=30), nullable=True))
    with op.batch_alter_table("plaatsing") as batch:
        batch.drop_constraint(op.f("ck_plaatsing_status"), type_="check")
        batch.create_check_constraint(op.f("ck_plaatsing_status"), PLAATSING_STATUS)
        batch.create_check_constraint(op.f("ck_plaatsing_aanleiding"), AANLEIDING)
    with op.batch_alter_table("contract") as batch:
        batch.create_check_constraint(
            op.f("ck_contract_verlengingsopties"), "verlengingsopties >= 0"
        )
    # The contracts agreed so far become their own first version.
    op.execute(
        "INSERT INTO contract_versie (contract_id, versie, capaciteit, prijs_eenheid, prijs_bedrag,"
        " status, periode_start_date, periode_eind_date, verlengingsopties, aandelen,"
        " toelichting, gewijzigd_door, gewijzigd_at)"
        " SELECT id, versie, capaciteit, prijs_eenheid, prijs_bedrag, status, periode_start_date,"
        " periode_eind_date, verlengingsopties, '[]', NULL, 'migratie', CURRENT_TIMESTAMP"
        " FROM contract"
    )


def downgrade() -> None:
    with op.batch_alter_table("contract") as batch:
        batch.drop_constraint(op.f("ck_contract_verlengingsopties"), type_="check")
    with op.batch_alter_table("plaatsing") as batch:
        batch.drop_constraint(op.f("ck_plaatsing_aanleiding"), type_="check")
        batch.drop_constraint(op.f("ck_plaatsing_status"), type_="check")
        batch.create_check_constraint(
            op.f("ck_plaatsing_status"), "status IN ('aangevraagd', 'wachtlijst')"
        )
    op.drop_column("plaatsing", "uitval_reden")
    op.drop_column("plaatsing", "einddatum")
    op.drop_column("plaatsing", "startdatum")
    op.drop_column("plaatsing", "aanleiding")
    op.drop_column("plaatsing", "doelgroep")
    op.drop_column("contract", "verlengingsopties")
    op.drop_column("contract", "prijs_bedrag")
    op.drop_column("aanbieder", "keurmerk_geldig_van")
    op.drop_column("aanbieder", "keurmerk_nummer")
    op.drop_index(op.f("ix_voortgangsrapportage_plaatsing_id"), table_name="voortgangsrapportage")
    op.drop_table("voortgangsrapportage")
    op.drop_table("urenmijlpaal")
    op.drop_index(op.f("ix_plaatsing_afwijzing_plaatsing_id"), table_name="plaatsing_afwijzing")
    op.drop_table("plaatsing_afwijzing")
    op.drop_index(op.f("ix_examenresultaat_plaatsing_id"), table_name="examenresultaat")
    op.drop_table("examenresultaat")
    op.drop_table("aanwezigheid")
    op.drop_table("contract_versie")
    op.drop_table("contract_aandeel")
