"""Idempotency-Key: a POST retried with the same key is carried out once

Revision ID: 19cf1a61118e
Revises: 3b8c1f0d7a52
"""

from inburgering.shared.http.idempotency_migration import (
    create_idempotency_table_v1,
    drop_idempotency_table_v1,
)

revision = "19cf1a61118e"
down_revision = "3b8c1f0d7a52"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table_v1()


def downgrade() -> None:
    drop_idempotency_table_v1()
