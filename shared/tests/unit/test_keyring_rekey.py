"""The rekey job acts for the platform: under row-level security an unscoped transaction sees no
row, and a job that found nothing would wrongly report that an old key can be removed."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import Column, LargeBinary, MetaData, String, Table

from inburgering.shared.crypto import Keyring
from inburgering.shared.crypto.rekey import RekeyReport, SealedColumn, rekey
from inburgering.shared.persistence import tenancy

table = Table("proef", MetaData(), Column("id", String, primary_key=True), Column("s", LargeBinary))
COLUMN = SealedColumn(
    name="proef.s",
    table=table,
    key=table.c.id,
    sealed=table.c.s,
    codec=Keyring.single("x" * 40).sealer(b"proef"),
    context=lambda row: row["id"].encode(),
)


class _Stop(Exception):
    pass


async def test_the_job_reads_with_the_scope_of_every_gemeente() -> None:
    scopes: list[str | None] = []

    def uow_factory():
        scopes.append(tenancy.current())
        raise _Stop

    with tenancy.scoped(None), pytest.raises(_Stop):
        await rekey(uow_factory, [COLUMN])

    assert scopes == [tenancy.ALL]


def test_a_check_is_pending_while_any_value_is_under_another_key() -> None:
    report = RekeyReport(
        current={"proef.s": "2026-12"}, found={"proef.s": Counter({"2026-12": 5, "legacy": 1})}
    )

    assert report.pending == 1
    assert "found 2026-12=5, legacy=1" in report.lines()[0]
