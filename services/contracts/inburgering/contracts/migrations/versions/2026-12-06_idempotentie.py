"""Idempotency-Key: a POST retried with the same key is carried out once

Revision ID: e24029150fee
Revises: 5a1d7e3c9b20
"""

from inburgering.shared.http.idempotency_migration import (
    create_idempotency_table_v1,
    drop_idempotency_table_v1,
)

revision = "e24029150fee"
down_revision = "5a1d7e3c9b20"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table_v1()


def downgrade() -> None:
    drop_idempotency_table_v1()
