"""Loading what the allocation rules need, and claiming capacity without ever overbooking."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Insert, Table, and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from inburgering.contracts.adapters.tables import (
    aanbieder,
    aanbieder_locatie,
    aanwezigheid,
    contract,
    contract_aandeel,
    plaatsing_afwijzing,
    samenwerkingsverband,
    samenwerkingsverband_lid,
)
from inburgering.contracts.domain.lidmaatschap import Lidmaatschap, LidRol
from inburgering.contracts.domain.model import (
    Aanbieder,
    Contract,
    ContractStatus,
    KeurmerkStatus,
    Periode,
    Samenwerkingsverband,
    Toewijzingsbeleid,
)
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute


def insert_ignoring_conflicts(
    session: AsyncSession, table: Table, values: Mapping[str, Any] | list[dict[str, Any]]
) -> Insert:
    """An INSERT that skips rows violating a unique key, so concurrent writers both succeed."""
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    return insert(table).values(values).on_conflict_do_nothing()


async def upsert(
    session: AsyncSession,
    table: Table,
    values: Mapping[str, Any],
    keys: Sequence[str],
    bijwerken: Sequence[str] | None = None,
) -> None:
    """Insert the row, or where the keys are taken set `bijwerken` (default: every other given
    column) to the given values."""
    insert = (pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert)(table)
    insert = insert.values(dict(values))
    kolommen = [k for k in values if k not in keys] if bijwerken is None else list(bijwerken)
    await session.execute(
        insert.on_conflict_do_update(
            index_elements=list(keys), set_={k: insert.excluded[k] for k in kolommen}
        )
    )


def _lid_op(peildatum: date) -> ColumnElement[bool]:
    return and_(
        samenwerkingsverband_lid.c.ingangsdatum <= peildatum,
        or_(
            samenwerkingsverband_lid.c.einddatum.is_(None),
            samenwerkingsverband_lid.c.einddatum > peildatum,
        ),
    )


async def verbanden_met_lid(
    session: AsyncSession, gemeentecode: str, leerroute: Leerroute, peildatum: date
) -> list[Samenwerkingsverband]:
    """The samenwerkingsverbanden for this leerroute that have the gemeente as a member on
    the peildatum."""
    rows = (
        (
            await session.execute(
                select(samenwerkingsverband).where(
                    samenwerkingsverband.c.leerroute == leerroute,
                    samenwerkingsverband.c.id.in_(
                        select(samenwerkingsverband_lid.c.samenwerkingsverband_id).where(
                            samenwerkingsverband_lid.c.gemeentecode == gemeentecode,
                            _lid_op(peildatum),
                        )
                    ),
                )
            )
        )
        .mappings()
        .all()
    )
    leden = await leden_van(session, [row["id"] for row in rows], peildatum)
    return [
        Samenwerkingsverband(
            id=row["id"],
            leerroute=Leerroute(row["leerroute"]),
            lead_gemeentecode=row["lead_gemeentecode"],
            leden=frozenset(leden[row["id"]]),
            periode=Periode(row["periode_start_date"], row["periode_eind_date"]),
            toewijzingsbeleid=Toewijzingsbeleid(row["toewijzingsbeleid"]),
        )
        for row in rows
    ]


async def leden_van(
    session: AsyncSession, verband_ids: Iterable[uuid.UUID], peildatum: date
) -> dict[uuid.UUID, list[str]]:
    """The members of each verband on the peildatum."""
    ids = list(verband_ids)
    leden: dict[uuid.UUID, list[str]] = defaultdict(list)
    if not ids:
        return leden
    result = await session.execute(
        select(samenwerkingsverband_lid)
        .where(samenwerkingsverband_lid.c.samenwerkingsverband_id.in_(ids), _lid_op(peildatum))
        .order_by(samenwerkingsverband_lid.c.gemeentecode)
    )
    for row in result.mappings():
        leden[row["samenwerkingsverband_id"]].append(row["gemeentecode"])
    return leden


async def lidmaatschappen_van(session: AsyncSession, verband_id: uuid.UUID) -> list[Lidmaatschap]:
    """Every membership the verband ever had, oldest first."""
    result = await session.execute(
        select(samenwerkingsverband_lid)
        .where(samenwerkingsverband_lid.c.samenwerkingsverband_id == verband_id)
        .order_by(samenwerkingsverband_lid.c.gemeentecode, samenwerkingsverband_lid.c.ingangsdatum)
    )
    return [
        Lidmaatschap(
            gemeentecode=row["gemeentecode"],
            ingangsdatum=row["ingangsdatum"],
            einddatum=row["einddatum"],
            rollen=frozenset(LidRol(rol) for rol in row["rollen"]),
        )
        for row in result.mappings()
    ]


async def actieve_contracten_van(
    session: AsyncSession, verbanden: Iterable[Samenwerkingsverband]
) -> list[Contract]:
    by_id = {verband.id: verband for verband in verbanden}
    if not by_id:
        return []
    result = await session.execute(
        select(
            contract,
            aanbieder.c.kvk,
            aanbieder.c.keurmerk_status,
            aanbieder.c.keurmerk_geldig_tot,
            aanbieder.c.taalschakel,
        )
        .join(aanbieder, aanbieder.c.id == contract.c.aanbieder_id)
        .where(
            contract.c.samenwerkingsverband_id.in_(list(by_id)),
            contract.c.status.in_([s for s in ContractStatus if s.plaatst]),
        )
    )
    rows = list(result.mappings())
    locaties = await locaties_van(session, {row["aanbieder_id"] for row in rows})
    return [
        _contract(row, by_id[row["samenwerkingsverband_id"]], locaties[row["aanbieder_id"]])
        for row in rows
    ]


async def locaties_van(
    session: AsyncSession, aanbieder_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, frozenset[str]]:
    ids = sorted(set(aanbieder_ids))
    per_aanbieder: dict[uuid.UUID, set[str]] = defaultdict(set)
    if ids:
        result = await session.execute(
            select(aanbieder_locatie).where(aanbieder_locatie.c.aanbieder_id.in_(ids))
        )
        for row in result.mappings():
            per_aanbieder[row["aanbieder_id"]].add(row["gemeentecode"])
    return defaultdict(frozenset, {key: frozenset(codes) for key, codes in per_aanbieder.items()})


def _contract(
    row: Mapping[str, Any], verband: Samenwerkingsverband, locaties: frozenset[str]
) -> Contract:
    status = row["keurmerk_status"]
    return Contract(
        id=row["id"],
        samenwerkingsverband=verband,
        aanbieder=Aanbieder(
            id=row["aanbieder_id"],
            kvk=row["kvk"],
            keurmerk_status=KeurmerkStatus(status) if status else None,
            keurmerk_geldig_tot=row["keurmerk_geldig_tot"],
            taalschakel=row["taalschakel"],
            locaties=locaties,
        ),
        leerroute=Leerroute(row["leerroute"]),
        doelgroep=Doelgroep(row["doelgroep"]) if row["doelgroep"] else None,
        capaciteit=row["capaciteit"],
        geplaatst=row["geplaatst"],
        status=ContractStatus(row["status"]),
        periode=Periode(row["periode_start_date"], row["periode_eind_date"]),
    )


@dataclass(frozen=True)
class Bezetting:
    capaciteit: int
    geplaatst: int


async def claim_plaats(
    session: AsyncSession, contract_id: uuid.UUID, gemeentecode: str
) -> Bezetting | None:
    """Take one place if one is free at this moment; None when another claim got there first.

    The condition is re-evaluated under the row lock (PostgreSQL) or the database lock
    (SQLite), so concurrent claims can never take more places than the capacity. A gemeente
    with a share of the contract is also held to its share.
    """
    aandeel = contract_aandeel.c
    van_gemeente = (aandeel.contract_id == contract_id) & (aandeel.gemeentecode == gemeentecode)
    heeft_aandeel = (
        await session.execute(select(aandeel.capaciteit).where(van_gemeente))
    ).first() is not None
    if heeft_aandeel:
        share = await session.execute(
            update(contract_aandeel)
            .where(van_gemeente, aandeel.geplaatst < aandeel.capaciteit)
            .values(geplaatst=aandeel.geplaatst + 1)
        )
        if share.rowcount != 1:
            return None
    result = await session.execute(
        update(contract)
        .where(contract.c.id == contract_id, contract.c.geplaatst < contract.c.capaciteit)
        .values(geplaatst=contract.c.geplaatst + 1)
        .returning(contract.c.capaciteit, contract.c.geplaatst)
    )
    row = result.first()
    if row is None:
        if heeft_aandeel:
            await _geef_aandeel_terug(session, contract_id, gemeentecode)
        return None
    return Bezetting(capaciteit=row.capaciteit, geplaatst=row.geplaatst)


async def geef_plaats_terug(
    session: AsyncSession, contract_id: uuid.UUID, gemeentecode: str
) -> None:
    await session.execute(
        update(contract)
        .where(contract.c.id == contract_id)
        .values(geplaatst=contract.c.geplaatst - 1)
    )
    await _geef_aandeel_terug(session, contract_id, gemeentecode)


async def _geef_aandeel_terug(
    session: AsyncSession, contract_id: uuid.UUID, gemeentecode: str
) -> None:
    await session.execute(
        update(contract_aandeel)
        .where(
            contract_aandeel.c.contract_id == contract_id,
            contract_aandeel.c.gemeentecode == gemeentecode,
            contract_aandeel.c.geplaatst > 0,
        )
        .values(geplaatst=contract_aandeel.c.geplaatst - 1)
    )


async def afgewezen_door(session: AsyncSession, plaatsing_id: uuid.UUID) -> frozenset[uuid.UUID]:
    result = await session.execute(
        select(plaatsing_afwijzing.c.aanbieder_id).where(
            plaatsing_afwijzing.c.plaatsing_id == plaatsing_id
        )
    )
    return frozenset(result.scalars().all())


@dataclass(frozen=True)
class Uren:
    aanwezig: Decimal
    geoorloofd_afwezig: Decimal
    ongeoorloofd_afwezig: Decimal


async def uren_van(session: AsyncSession, plaatsing_id: uuid.UUID) -> Uren:
    afwezig = aanwezigheid.c.afwezig_uren
    result = await session.execute(
        select(
            func.coalesce(func.sum(aanwezigheid.c.aanwezig_uren), 0),
            func.coalesce(func.sum(afwezig).filter(aanwezigheid.c.afwezigheid == "geoorloofd"), 0),
            func.coalesce(
                func.sum(afwezig).filter(aanwezigheid.c.afwezigheid == "ongeoorloofd"), 0
            ),
        ).where(aanwezigheid.c.plaatsing_id == plaatsing_id)
    )
    aanwezig, geoorloofd, ongeoorloofd = result.one()
    # SQLite sums NUMERIC as float; through str the hours stay exact to the cent.
    return Uren(*(Decimal(str(uren)) for uren in (aanwezig, geoorloofd, ongeoorloofd)))
