"""duo integration and pip

Revision ID: 099c16678a33
Revises: 8028f9189789
"""

import sqlalchemy as sa
from alembic import op

revision = "099c16678a33"
down_revision = "8028f9189789"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duo_notificatie",
        sa.Column("bericht_id", sa.Uuid(), nullable=False),
        sa.Column("bron", sa.String(length=20), nullable=False),
        sa.Column("doel", sa.String(length=20), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("gebeurtenis_id", sa.String(length=6), nullable=False),
        sa.Column("registratie_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bsn_hash", sa.String(length=64), nullable=True),
        sa.Column("bsn_encrypted", sa.LargeBinary(), nullable=True),
        sa.Column("v_nummer_hash", sa.String(length=64), nullable=True),
        sa.Column("vingerafdruk", sa.String(length=64), nullable=False),
        sa.Column("ontvangen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reden", sa.String(length=200), nullable=True),
        sa.Column("pogingen", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("laatste_fout", sa.String(length=200), nullable=True),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=True),
        sa.Column("verwerkt_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("bericht_id", name=op.f("pk_duo_notificatie")),
    )
    op.create_index(
        op.f("ix_duo_notificatie_gemeentecode"), "duo_notificatie", ["gemeentecode"], unique=False
    )
    op.create_index(
        op.f("ix_duo_notificatie_inburgeraar_id"),
        "duo_notificatie",
        ["inburgeraar_id"],
        unique=False,
    )
    op.create_index(op.f("ix_duo_notificatie_status"), "duo_notificatie", ["status"], unique=False)
    op.create_table(
        "timer",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("aggregate_id", sa.String(length=100), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("fired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timer")),
        sa.UniqueConstraint("name", "aggregate_id", name="uq_timer_name_aggregate"),
    )
    op.create_index(
        "ix_timer_pending",
        "timer",
        ["due_at"],
        unique=False,
        postgresql_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
        sqlite_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
    )
    op.create_table(
        "duo_gebeurtenis",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("bericht_id", sa.Uuid(), nullable=False),
        sa.Column("gebeurtenis_id", sa.String(length=6), nullable=False),
        sa.Column("omschrijving", sa.String(length=200), nullable=False),
        sa.Column("toelichting", sa.String(length=500), nullable=True),
        sa.Column("geregistreerd_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verwerkt_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inburgeraar_id"],
            ["inburgeraar.id"],
            name=op.f("fk_duo_gebeurtenis_inburgeraar_id_inburgeraar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duo_gebeurtenis")),
    )
    op.create_index(
        op.f("ix_duo_gebeurtenis_inburgeraar_id"),
        "duo_gebeurtenis",
        ["inburgeraar_id"],
        unique=False,
    )
    op.create_table(
        "leerbaarheidstoets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("afgenomen_date", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("cesuur", sa.Integer(), nullable=False),
        sa.Column("uitslag", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["inburgeraar_id"],
            ["inburgeraar.id"],
            name=op.f("fk_leerbaarheidstoets_inburgeraar_id_inburgeraar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leerbaarheidstoets")),
        sa.UniqueConstraint(
            "inburgeraar_id",
            "afgenomen_date",
            name=op.f("uq_leerbaarheidstoets_inburgeraar_id_afgenomen_date"),
        ),
    )
    op.create_index(
        op.f("ix_leerbaarheidstoets_inburgeraar_id"),
        "leerbaarheidstoets",
        ["inburgeraar_id"],
        unique=False,
    )
    op.create_table(
        "pip",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("leerroute", sa.String(length=20), nullable=False),
        sa.Column("niveau", sa.String(length=2), nullable=True),
        sa.Column("geschatte_intensiteit_b1", sa.Integer(), nullable=True),
        sa.Column("intensiteit_pvt_uren", sa.Integer(), nullable=True),
        sa.Column("intensiteit_map_uren", sa.Integer(), nullable=True),
        sa.Column("aantal_voortgangsgesprekken", sa.Integer(), nullable=True),
        sa.Column("begeleiding", sa.Text(), nullable=True),
        sa.Column("vve_afspraken", sa.Text(), nullable=True),
        sa.Column("dagtekening", sa.Date(), nullable=True),
        sa.Column("eerste_pip", sa.Boolean(), nullable=True),
        sa.Column("aangemaakt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("vastgesteld_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["inburgeraar_id"], ["inburgeraar.id"], name=op.f("fk_pip_inburgeraar_id_inburgeraar")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pip")),
        sa.UniqueConstraint("inburgeraar_id", "versie", name=op.f("uq_pip_inburgeraar_id_versie")),
    )
    op.create_index(op.f("ix_pip_inburgeraar_id"), "pip", ["inburgeraar_id"], unique=False)
    op.create_table(
        "duo_melding",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("inburgeraar_id", sa.Uuid(), nullable=False),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("pip_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pogingen", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("laatste_bericht_id", sa.Uuid(), nullable=True),
        sa.Column("laatste_fout", sa.String(length=500), nullable=True),
        sa.Column("aangemaakt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("volgende_poging_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("afgerond_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["inburgeraar_id"],
            ["inburgeraar.id"],
            name=op.f("fk_duo_melding_inburgeraar_id_inburgeraar"),
        ),
        sa.ForeignKeyConstraint(["pip_id"], ["pip.id"], name=op.f("fk_duo_melding_pip_id_pip")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duo_melding")),
        sa.UniqueConstraint("pip_id", name=op.f("uq_duo_melding_pip_id")),
    )
    op.create_index(
        op.f("ix_duo_melding_inburgeraar_id"), "duo_melding", ["inburgeraar_id"], unique=False
    )
    # Batch mode: SQLite (the embedded development database) cannot alter a column in place.
    with op.batch_alter_table("inburgeraar") as batch:
        batch.add_column(
            sa.Column(
                "status",
                sa.String(length=30),
                server_default=sa.text("'aangemeld'"),
                nullable=False,
            )
        )
        batch.add_column(
            sa.Column(
                "regime", sa.String(length=10), server_default=sa.text("'wi2021'"), nullable=False
            )
        )
        batch.add_column(
            sa.Column(
                "bron", sa.String(length=10), server_default=sa.text("'gemeente'"), nullable=False
            )
        )
        batch.add_column(sa.Column("plicht_start_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("kennisgeving_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("vestiging_date", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("verhuisd", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("vorige_gemeentecode", sa.String(length=6), nullable=True))
        batch.add_column(sa.Column("vergrendelde_leerroute", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("termijn_start_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("termijn_eind_date", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("pip_wacht_op_derde", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("pip_derde_ontvangen_date", sa.Date(), nullable=True))
        batch.alter_column("geboortedatum", existing_type=sa.DATE(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("inburgeraar") as batch:
        batch.alter_column("geboortedatum", existing_type=sa.DATE(), nullable=False)
        for column in (
            "pip_derde_ontvangen_date",
            "pip_wacht_op_derde",
            "termijn_eind_date",
            "termijn_start_date",
            "vergrendelde_leerroute",
            "vorige_gemeentecode",
            "verhuisd",
            "vestiging_date",
            "kennisgeving_date",
            "plicht_start_date",
            "bron",
            "regime",
            "status",
        ):
            batch.drop_column(column)
    op.drop_index(op.f("ix_duo_melding_inburgeraar_id"), table_name="duo_melding")
    op.drop_table("duo_melding")
    op.drop_index(op.f("ix_pip_inburgeraar_id"), table_name="pip")
    op.drop_table("pip")
    op.drop_index(op.f("ix_leerbaarheidstoets_inburgeraar_id"), table_name="leerbaarheidstoets")
    op.drop_table("leerbaarheidstoets")
    op.drop_index(op.f("ix_duo_gebeurtenis_inburgeraar_id"), table_name="duo_gebeurtenis")
    op.drop_table("duo_gebeurtenis")
    op.drop_index(
        "ix_timer_pending",
        table_name="timer",
        postgresql_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
        sqlite_where=sa.text("fired_at IS NULL AND cancelled_at IS NULL"),
    )
    op.drop_table("timer")
    op.drop_index(op.f("ix_duo_notificatie_status"), table_name="duo_notificatie")
    op.drop_index(op.f("ix_duo_notificatie_inburgeraar_id"), table_name="duo_notificatie")
    op.drop_index(op.f("ix_duo_notificatie_gemeentecode"), table_name="duo_notificatie")
    op.drop_table("duo_notificatie")
