"""Idempotency-Key: a POST retried with the same key is carried out once

Revision ID: 13594afddd76
Revises: e524889d68d2
"""

from inburgering.shared.http.idempotency_migration import (
    create_idempotency_table_v1,
    drop_idempotency_table_v1,
)

revision = "13594afddd76"
down_revision = "e524889d68d2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table_v1()


def downgrade() -> None:
    drop_idempotency_table_v1()
