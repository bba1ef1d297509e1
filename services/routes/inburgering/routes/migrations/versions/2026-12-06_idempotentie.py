"""Idempotency-Key: a POST retried with the same key is carried out once

Revision ID: 473f5f7509d3
Revises: e9dc9ed59ab3
"""

from inburgering.shared.http.idempotency_migration import (
    create_idempotency_table_v1,
    drop_idempotency_table_v1,
)

revision = "473f5f7509d3"
down_revision = "e9dc9ed59ab3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table_v1()


def downgrade() -> None:
    drop_idempotency_table_v1()
