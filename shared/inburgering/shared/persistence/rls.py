"""Row-level security for migrations: a case table shows and accepts only rows of the gemeenten
the transaction is scoped to (see `tenancy`). Used by the services' migrations; PostgreSQL only."""

from __future__ import annotations

from alembic import op

from inburgering.shared.persistence.tenancy import ALL, SETTING

POLICY = "gemeente_scope"


def _allowed(column: str) -> str:
    scope = f"current_setting('{SETTING}', true)"
    return f"({scope} = '{ALL}' OR {column} = ANY (string_to_array({scope}, ',')))"


def enable_tenant_rls(table: str, column: str = "gemeentecode") -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    allowed = _allowed(column)
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY {POLICY} ON {table} USING {allowed} WITH CHECK {allowed}")


def disable_tenant_rls(table: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP POLICY IF EXISTS {POLICY} ON {table}")
    op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
