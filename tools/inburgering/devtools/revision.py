"""Write a new Alembic migration for a service from the difference between its tables and head."""

from __future__ import annotations

import importlib
import tempfile
import uuid
from datetime import date
from pathlib import Path

from alembic.autogenerate import produce_migrations, render_python_code
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from inburgering.shared.persistence import migrations

TEMPLATE = '''"""{message}

Revision ID: {revision}
Revises: {down_revision}
"""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = {down_repr}
branch_labels = None
depends_on = None


def upgrade() -> None:
{upgrade}


def downgrade() -> None:
{downgrade}
'''


def write_revision(service: str, message: str) -> Path:
    package = importlib.import_module(f"inburgering.{service}")
    migrations_dir = Path(package.__file__).parent / "migrations"
    metadata = importlib.import_module(f"inburgering.{service}.adapters.tables").metadata
    head = ScriptDirectory.from_config(
        migrations.alembic_config(migrations_dir, "sqlite://")
    ).get_current_head()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "head.db"
        migrations.upgrade(migrations_dir, f"sqlite+aiosqlite:///{db}")
        with create_engine(f"sqlite:///{db}").connect() as conn:
            operations = produce_migrations(MigrationContext.configure(conn), metadata)
    revision = uuid.uuid4().hex[:12]
    slug = message.lower().replace(" ", "_")[:40]
    path = migrations_dir / "versions" / f"{date.today().isoformat()}_{slug}.py"
    path.write_text(
        TEMPLATE.format(
            message=message,
            revision=revision,
            down_revision=head,
            down_repr=repr(head),
            upgrade=_body(operations.upgrade_ops),
            downgrade=_body(operations.downgrade_ops),
        )
    )
    return path


def _body(operations: object) -> str:
    code = render_python_code(operations)  # type: ignore[arg-type]
    lines = [line for line in code.splitlines() if "###" not in line]
    return "\n".join(lines).rstrip() or "    pass"
