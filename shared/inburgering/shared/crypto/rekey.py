"""The rekey job's engine: walk a table in primary-key order, batch by batch, and re-seal every
value (and re-hash its look-up column) that is not under the current key.

Idempotent and resumable: a value already under the current key is skipped, so running it again
after a crash or with new rows continues where it stopped. Safe while the service runs: each
batch is its own short transaction and a row is only replaced if its sealed value is still the
one that was read (compare and set); a row the service changed meanwhile is left for the next
run. Nothing is logged but row ids, key ids and counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import structlog
from sqlalchemy import Column, RowMapping, Table, select, update
from sqlalchemy.exc import IntegrityError

from inburgering.shared.crypto.keyring import SealedValueUnreadable
from inburgering.shared.persistence import tenancy
from inburgering.shared.persistence.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)


class Resealer(Protocol):
    """What the job needs of a sealed column's codec (bytes or text)."""

    @property
    def current_key_id(self) -> str: ...

    def key_id(self, stored: Any) -> str: ...

    def is_current(self, stored: Any) -> bool: ...

    def reseal(self, stored: Any, *, context: bytes) -> tuple[Any, bytes]: ...


@dataclass(frozen=True)
class SealedColumn:
    """One sealed column of a table, the context its values are bound to, and optionally the
    look-up hash column computed from the same plaintext."""

    name: str
    table: Table
    key: Column[Any]
    sealed: Column[Any]
    codec: Resealer
    context: Callable[[RowMapping], bytes]
    lookup: Column[Any] | None = None
    digest: Callable[[bytes], str] | None = None
    # Extra columns the context needs.
    reads: tuple[Column[Any], ...] = ()


@dataclass
class RekeyReport:
    """Counts per sealed column: how many values were under which key before this run, and
    what happened to the ones not under the current key."""

    current: dict[str, str] = field(default_factory=dict)
    found: dict[str, Counter[str]] = field(default_factory=dict)
    resealed: Counter[str] = field(default_factory=Counter)
    unreadable: Counter[str] = field(default_factory=Counter)
    conflicts: Counter[str] = field(default_factory=Counter)
    changed_meanwhile: Counter[str] = field(default_factory=Counter)

    @property
    def complete(self) -> bool:
        """Every value found is now under the current key."""
        return not (
            sum(self.unreadable.values())
            + sum(self.conflicts.values())
            + sum(self.changed_meanwhile.values())
        )

    @property
    def pending(self) -> int:
        """Values found under another key than their column's current one."""
        return sum(
            n
            for name, keys in self.found.items()
            for key_id, n in keys.items()
            if key_id != self.current[name]
        )

    def lines(self) -> list[str]:
        out = []
        for name, keys in self.found.items():
            per_key = ", ".join(f"{k}={n}" for k, n in sorted(keys.items())) or "none"
            out.append(
                f"{name} (current key {self.current[name]}): found {per_key}; "
                f"resealed={self.resealed[name]} unreadable={self.unreadable[name]} "
                f"conflicts={self.conflicts[name]} changed-meanwhile={self.changed_meanwhile[name]}"
            )
        return out


async def rekey(
    uow_factory: Callable[[], UnitOfWork],
    columns: list[SealedColumn],
    *,
    batch_size: int = 500,
    check_only: bool = False,
    report: RekeyReport | None = None,
) -> RekeyReport:
    report = report or RekeyReport()
    # Work for the platform: every gemeente's rows. Without this, row-level security would show
    # none, and an empty report would wrongly say that an old key can go.
    with tenancy.as_platform():
        for column in columns:
            await _rekey_column(uow_factory, column, batch_size, check_only, report)
    return report


async def _rekey_column(
    uow_factory: Callable[[], UnitOfWork],
    col: SealedColumn,
    batch_size: int,
    check_only: bool,
    report: RekeyReport,
) -> None:
    found = report.found.setdefault(col.name, Counter())
    report.current[col.name] = col.codec.current_key_id
    wanted = [col.key, col.sealed, *col.reads]
    last: Any = None
    while True:
        query = select(*wanted).where(col.sealed.is_not(None)).order_by(col.key).limit(batch_size)
        if last is not None:
            query = query.where(col.key > last)
        async with uow_factory() as uow:
            rows = (await uow.session.execute(query)).mappings().all()
            if not rows:
                return
            last = rows[-1][col.key.name]
            for row in rows:
                stored = row[col.sealed.name]
                found[col.codec.key_id(stored)] += 1
                if check_only or col.codec.is_current(stored):
                    continue
                await _reseal_row(uow, col, row, report)
            await uow.commit()


async def _reseal_row(uow: UnitOfWork, col: SealedColumn, row: RowMapping, report: RekeyReport):
    row_id = row[col.key.name]
    stored = row[col.sealed.name]
    try:
        new, plain = col.codec.reseal(stored, context=col.context(row))
    except SealedValueUnreadable as exc:
        report.unreadable[col.name] += 1
        log.error("rekey.unreadable", column=col.name, id=str(row_id), reason=str(exc))
        return
    values: dict[str, Any] = {col.sealed.name: new}
    if col.lookup is not None and col.digest is not None:
        values[col.lookup.name] = col.digest(plain)
    statement = update(col.table).where(col.key == row_id, col.sealed == stored).values(**values)
    try:
        # A savepoint per row: a conflicting look-up hash (two rows of one person, written
        # under different keys) fails that row only.
        async with uow.session.begin_nested():
            result = await uow.session.execute(statement)
    except IntegrityError:
        report.conflicts[col.name] += 1
        log.error("rekey.lookup_conflict", column=col.name, id=str(row_id))
        return
    if result.rowcount == 1:  # type: ignore[attr-defined]
        report.resealed[col.name] += 1
    else:
        report.changed_meanwhile[col.name] += 1
