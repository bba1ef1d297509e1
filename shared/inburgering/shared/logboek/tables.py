"""The two tables of the processing log; each service keeps its own, in its own database."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, MetaData, String, Table, Uuid


def dataverwerkingen_table(metadata: MetaData) -> Table:
    return Table(
        "dataverwerking",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("trace_id", String(32), nullable=False, index=True),
        Column("span_id", String(16), nullable=False),
        Column("parent_span_id", String(16), nullable=True),
        Column("naam", String(200), nullable=False),
        Column("start_tijd", DateTime(timezone=True), nullable=False),
        Column("eind_tijd", DateTime(timezone=True), nullable=False),
        Column("status", String(5), nullable=False),
        Column("verwerkingsactiviteit", String(300), nullable=False),
        Column("betrokkene", Uuid, nullable=False),
        Column("gemeentecode", String(6), nullable=True),
        Index("ix_dataverwerking_betrokkene", "betrokkene", "start_tijd"),
    )


def auditlog_table(metadata: MetaData) -> Table:
    """Who acted: kept apart from the logregels so that those name no user (Logboek decision
    'geen gebruikers in logregels'); the trace id links the two."""
    return Table(
        "auditregel",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("trace_id", String(32), nullable=False, index=True),
        Column("tijdstip", DateTime(timezone=True), nullable=False),
        Column("client", String(200), nullable=False),
        Column("rol", String(20), nullable=False),
        Column("namens", String(300), nullable=False),
        Column("handeling", String(200), nullable=False),
        Column("http_status", String(3), nullable=False),
    )
