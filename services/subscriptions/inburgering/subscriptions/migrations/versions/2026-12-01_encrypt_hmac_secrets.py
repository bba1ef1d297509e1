"""encrypt the HMAC signing keys of subscriptions

`abonnement.hmac_secret` held the Standard Webhooks key in clear (`whsec_…`); it now holds it
sealed by CredentialBox, bound to the subscription. Existing values are sealed here, under
SUBSCRIPTIONS_CREDENTIAL_KEY of the environment that runs the migration (the same as the
service's); values already sealed are left as they are.

Revision ID: 3b8c1f0d7a52
Revises: 1e42454bda27
"""

import sqlalchemy as sa
from alembic import op

from inburgering.shared.persistence.tenancy import ALL, SETTING
from inburgering.subscriptions.adapters.credential_box import CredentialBox
from inburgering.subscriptions.domain.model import SECRET_PREFIX
from inburgering.subscriptions.settings import SubscriptionsSettings

revision = "3b8c1f0d7a52"
down_revision = "1e42454bda27"
branch_labels = None
depends_on = None

_abonnement = sa.table(
    "abonnement", sa.column("id", sa.Uuid()), sa.column("hmac_secret", sa.Text())
)


def _box() -> CredentialBox:
    return CredentialBox.from_settings(SubscriptionsSettings())


def _rows() -> list[sa.Row]:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        # Every gemeente's rows, also when the table's policy applies to the migrating role.
        connection.execute(sa.select(sa.func.set_config(SETTING, ALL, True)))
    return list(connection.execute(sa.select(_abonnement.c.id, _abonnement.c.hmac_secret)).all())


def _set(row_id: object, value: str) -> None:
    op.get_bind().execute(
        _abonnement.update().where(_abonnement.c.id == row_id).values(hmac_secret=value)
    )


def upgrade() -> None:
    with op.batch_alter_table("abonnement") as batch:
        batch.alter_column("hmac_secret", existing_type=sa.String(100), type_=sa.Text())
    box = _box()
    for row in _rows():
        if row.hmac_secret.startswith(SECRET_PREFIX):
            _set(row.id, box.seal_secret(row.hmac_secret, abonnement_id=row.id))


def downgrade() -> None:
    box = _box()
    for row in _rows():
        if not row.hmac_secret.startswith(SECRET_PREFIX):
            _set(row.id, box.open_secret(row.hmac_secret, abonnement_id=row.id))
    with op.batch_alter_table("abonnement") as batch:
        batch.alter_column("hmac_secret", existing_type=sa.Text(), type_=sa.String(100))
