"""Idempotency-Key: a POST retried with the same key is carried out once

Revision ID: 1b1830922291
Revises: 6c91ed0f2d17
"""

from inburgering.shared.http.idempotency_migration import (
    create_idempotency_table_v1,
    drop_idempotency_table_v1,
)

revision = "1b1830922291"
down_revision = "6c91ed0f2d17"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table_v1()


def downgrade() -> None:
    drop_idempotency_table_v1()
