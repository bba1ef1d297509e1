"""The lead gemeente's figures split into months, quarters or years.

Each row is put in its period by a CASE over the period bounds, so the grouping happens in SQL
and reads the same on PostgreSQL and SQLite; timestamps are split at Dutch midnight.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Case, ColumnElement, Select, case, func, literal, select

from inburgering.contracts.adapters.tables import (
    aanwezigheid,
    plaatsing,
    voortgangsrapportage,
)
from inburgering.contracts.domain.model import ZONDER_PLAATS, PrijsEenheid
from inburgering.contracts.domain.tijdvakken import Tijdvak
from inburgering.contracts.domain.uitgaven import Levering, per_prijs_eenheid
from inburgering.contracts.handlers.overzichten import Periode
from inburgering.shared.persistence import UnitOfWork

_NL = ZoneInfo("Europe/Amsterdam")


def _einde(dag: date) -> datetime:
    return datetime.combine(dag + timedelta(days=1), time(), _NL).astimezone(UTC)


def _per_dag(kolom: Any, vakken: Sequence[Tijdvak]) -> Case[Any]:
    return case(*((kolom <= vak.tot, i) for i, vak in enumerate(vakken)))


def _per_moment(kolom: Any, vakken: Sequence[Tijdvak]) -> Case[Any]:
    return case(*((kolom < _einde(vak.tot), i) for i, vak in enumerate(vakken)))


def _grenzen(vakken: Sequence[Tijdvak]) -> Periode:
    return Periode(vakken[0].van, vakken[-1].tot)


async def benutting_per_tijdvak(
    uow: UnitOfWork, contract_ids: list[uuid.UUID], vakken: Sequence[Tijdvak]
) -> dict[uuid.UUID, dict[int, dict[str, int]]]:
    """Per contract, period and gemeente: placements that took a place, by allocation time."""
    per_contract: dict[uuid.UUID, dict[int, dict[str, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    if not contract_ids or not vakken:
        return per_contract
    rijen = (
        select(
            plaatsing.c.contract_id,
            plaatsing.c.gemeentecode,
            _per_moment(plaatsing.c.aangevraagd_at, vakken).label("vak"),
        )
        .where(
            plaatsing.c.contract_id.in_(contract_ids),
            plaatsing.c.status.not_in(sorted(ZONDER_PLAATS)),
            _grenzen(vakken).bevat_moment(plaatsing.c.aangevraagd_at),
        )
        .subquery()
    )
    result = await uow.session.execute(
        select(rijen.c.contract_id, rijen.c.vak, rijen.c.gemeentecode, func.count()).group_by(
            rijen.c.contract_id, rijen.c.vak, rijen.c.gemeentecode
        )
    )
    for contract_id, vak, gemeentecode, aantal in result.all():
        per_contract[contract_id][vak][gemeentecode] = aantal
    return per_contract


def _geleverd(
    eenheid: PrijsEenheid, ids: list[uuid.UUID], vakken: Sequence[Tijdvak]
) -> Select[Any]:
    """Rows of (contract, period, units): what each price unit counts, and on which day."""
    periode = _grenzen(vakken)
    if eenheid is PrijsEenheid.TRAJECT:
        dag: ColumnElement[Any] = plaatsing.c.startdatum
        query = select(plaatsing.c.contract_id, literal(1).label("waarde"))
    elif eenheid is PrijsEenheid.UUR:
        dag = aanwezigheid.c.datum
        query = select(plaatsing.c.contract_id, aanwezigheid.c.aanwezig_uren.label("waarde")).join(
            plaatsing, plaatsing.c.id == aanwezigheid.c.plaatsing_id
        )
    else:
        dag = voortgangsrapportage.c.peildatum
        query = select(
            plaatsing.c.contract_id, voortgangsrapportage.c.modules_afgerond.label("waarde")
        ).join(plaatsing, plaatsing.c.id == voortgangsrapportage.c.plaatsing_id)
    return query.add_columns(_per_dag(dag, vakken).label("vak")).where(
        plaatsing.c.contract_id.in_(ids), dag.is_not(None), periode.bevat(dag)
    )


async def uitgaven_per_tijdvak(
    uow: UnitOfWork, contracten: Sequence[Any], vakken: Sequence[Tijdvak]
) -> list[tuple[Tijdvak, dict[PrijsEenheid, tuple[Decimal, Decimal]]]]:
    """Per period the units and amount per price unit, over the lead's contracts."""
    eenheden: dict[tuple[uuid.UUID, int], Decimal] = {}
    for eenheid in PrijsEenheid:
        ids = [c["id"] for c in contracten if c["prijs_eenheid"] == eenheid]
        if not ids or not vakken:
            continue
        rijen = _geleverd(eenheid, ids, vakken).subquery()
        result = await uow.session.execute(
            select(rijen.c.contract_id, rijen.c.vak, func.sum(rijen.c.waarde)).group_by(
                rijen.c.contract_id, rijen.c.vak
            )
        )
        for contract_id, vak, som in result.all():
            # SQLite sums NUMERIC as float; through str the amounts stay exact to the cent.
            eenheden[(contract_id, vak)] = Decimal(str(som or 0))
    return [
        (
            vak,
            per_prijs_eenheid(
                Levering(
                    prijs_eenheid=PrijsEenheid(c["prijs_eenheid"]),
                    prijs_bedrag=c["prijs_bedrag"],
                    eenheden=eenheden.get((c["id"], i), Decimal(0)),
                )
                for c in contracten
            ),
        )
        for i, vak in enumerate(vakken)
    ]
