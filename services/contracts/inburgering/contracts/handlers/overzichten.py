"""Aggregate figures for the lead gemeente over the samenwerkingsverbanden it leads.

Counts and sums only: no placement ids, no inburgeraar ids, so no case files of other gemeenten.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, select, true

from inburgering.contracts.adapters.tables import (
    aanbieder,
    aanwezigheid,
    contract,
    plaatsing,
    samenwerkingsverband,
    voortgangsrapportage,
)
from inburgering.contracts.domain.inzage import RegioInzage
from inburgering.contracts.domain.model import ZONDER_PLAATS, PlaatsingStatus, PrijsEenheid
from inburgering.contracts.domain.uitgaven import Levering
from inburgering.shared.persistence import UnitOfWork

_NL = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Periode:
    van: date | None = None
    tot: date | None = None

    def bevat(self, kolom) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
        voorwaarden = []
        if self.van is not None:
            voorwaarden.append(kolom >= self.van)
        if self.tot is not None:
            voorwaarden.append(kolom <= self.tot)
        return and_(true(), *voorwaarden)

    def bevat_moment(self, kolom) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
        """For timestamps: whole Dutch calendar days, `tot` included."""
        voorwaarden = []
        if self.van is not None:
            voorwaarden.append(kolom >= datetime.combine(self.van, time(), _NL).astimezone(UTC))
        if self.tot is not None:
            einde = datetime.combine(self.tot + timedelta(days=1), time(), _NL)
            voorwaarden.append(kolom < einde.astimezone(UTC))
        return and_(true(), *voorwaarden)


def _geleid(inzage: RegioInzage) -> ColumnElement[bool]:
    return samenwerkingsverband.c.lead_gemeentecode.in_(sorted(inzage.lead_gemeentecodes))


async def geleide_contracten(uow: UnitOfWork, inzage: RegioInzage) -> list:
    result = await uow.session.execute(
        select(
            contract.c.id,
            contract.c.samenwerkingsverband_id,
            aanbieder.c.kvk.label("aanbieder_kvk"),
            contract.c.leerroute,
            contract.c.capaciteit,
            contract.c.geplaatst,
            contract.c.prijs_eenheid,
            contract.c.prijs_bedrag,
        )
        .join(aanbieder, aanbieder.c.id == contract.c.aanbieder_id)
        .join(samenwerkingsverband, samenwerkingsverband.c.id == contract.c.samenwerkingsverband_id)
        .where(_geleid(inzage))
        .order_by(contract.c.leerroute, contract.c.id)
    )
    return list(result.mappings().all())


async def benutting(uow: UnitOfWork, inzage: RegioInzage, periode: Periode) -> list[dict]:
    """Per contract: capacity and places taken, and placements in the period per gemeente."""
    contracten = await geleide_contracten(uow, inzage)
    per_gemeente: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    if contracten:
        result = await uow.session.execute(
            select(plaatsing.c.contract_id, plaatsing.c.gemeentecode, func.count())
            .where(
                plaatsing.c.contract_id.in_([c["id"] for c in contracten]),
                plaatsing.c.status.not_in(sorted(ZONDER_PLAATS)),
                periode.bevat_moment(plaatsing.c.aangevraagd_at),
            )
            .group_by(plaatsing.c.contract_id, plaatsing.c.gemeentecode)
        )
        for contract_id, gemeentecode, aantal in result.all():
            per_gemeente[contract_id][gemeentecode] = aantal
    return [{**c, "per_gemeente": per_gemeente[c["id"]]} for c in contracten]


async def uitgaven(
    uow: UnitOfWork, inzage: RegioInzage, periode: Periode
) -> list[tuple[dict, Levering]]:
    """Per contract the units delivered in the period and what they cost."""
    contracten = await geleide_contracten(uow, inzage)
    ids = [c["id"] for c in contracten]
    eenheden: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
    if ids:
        s = uow.session
        gestart = await s.execute(
            select(plaatsing.c.contract_id, func.count())
            .where(
                plaatsing.c.contract_id.in_(ids),
                plaatsing.c.startdatum.is_not(None),
                periode.bevat(plaatsing.c.startdatum),
            )
            .group_by(plaatsing.c.contract_id)
        )
        uren = await s.execute(
            select(plaatsing.c.contract_id, func.sum(aanwezigheid.c.aanwezig_uren))
            .join(plaatsing, plaatsing.c.id == aanwezigheid.c.plaatsing_id)
            .where(plaatsing.c.contract_id.in_(ids), periode.bevat(aanwezigheid.c.datum))
            .group_by(plaatsing.c.contract_id)
        )
        modules = await s.execute(
            select(plaatsing.c.contract_id, func.sum(voortgangsrapportage.c.modules_afgerond))
            .join(plaatsing, plaatsing.c.id == voortgangsrapportage.c.plaatsing_id)
            .where(
                plaatsing.c.contract_id.in_(ids),
                periode.bevat(voortgangsrapportage.c.peildatum),
            )
            .group_by(plaatsing.c.contract_id)
        )
        per_eenheid = {
            PrijsEenheid.TRAJECT: dict(gestart.all()),
            PrijsEenheid.UUR: dict(uren.all()),
            PrijsEenheid.MODULE: dict(modules.all()),
        }
        for c in contracten:
            geleverd = per_eenheid[PrijsEenheid(c["prijs_eenheid"])].get(c["id"], 0)
            eenheden[c["id"]] = Decimal(str(geleverd or 0))
    return [
        (
            c,
            Levering(
                prijs_eenheid=PrijsEenheid(c["prijs_eenheid"]),
                prijs_bedrag=c["prijs_bedrag"],
                eenheden=eenheden[c["id"]],
            ),
        )
        for c in contracten
    ]


async def wachtlijst(uow: UnitOfWork, inzage: RegioInzage) -> list:
    """Waiting placements per samenwerkingsverband, gemeente and leerroute."""
    result = await uow.session.execute(
        select(
            plaatsing.c.samenwerkingsverband_id,
            plaatsing.c.gemeentecode,
            plaatsing.c.leerroute,
            func.count().label("aantal"),
            func.min(plaatsing.c.aangevraagd_at).label("wachtend_sinds"),
        )
        .join(
            samenwerkingsverband, samenwerkingsverband.c.id == plaatsing.c.samenwerkingsverband_id
        )
        .where(plaatsing.c.status == PlaatsingStatus.WACHTLIJST, _geleid(inzage))
        .group_by(
            plaatsing.c.samenwerkingsverband_id, plaatsing.c.gemeentecode, plaatsing.c.leerroute
        )
        .order_by(plaatsing.c.samenwerkingsverband_id, plaatsing.c.gemeentecode)
    )
    return list(result.mappings().all())
