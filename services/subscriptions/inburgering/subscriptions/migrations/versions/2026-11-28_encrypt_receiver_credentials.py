"""encrypt receiver credentials

The clear `auth` column becomes the sealed `credential` column. Existing values are sealed
here, under SUBSCRIPTIONS_CREDENTIAL_KEY of the environment that runs the migration (the same
as the service's).

Revision ID: 59ed5ed7fbe5
Revises: 6d287f99a49c
"""

import sqlalchemy as sa
from alembic import op

from inburgering.subscriptions.adapters.credential_box import CredentialBox
from inburgering.subscriptions.domain.credentials import StaticAuthorization
from inburgering.subscriptions.settings import SubscriptionsSettings

revision = "59ed5ed7fbe5"
down_revision = "6d287f99a49c"
branch_labels = None
depends_on = None

_abonnement = sa.table(
    "abonnement",
    sa.column("id", sa.Uuid()),
    sa.column("auth", sa.String(1000)),
    sa.column("credential", sa.Text()),
)


def _box() -> CredentialBox:
    return CredentialBox.from_settings(SubscriptionsSettings())


def upgrade() -> None:
    with op.batch_alter_table("abonnement") as batch:
        batch.add_column(sa.Column("credential", sa.Text(), nullable=True))
    connection = op.get_bind()
    box = _box()
    for row in connection.execute(sa.select(_abonnement.c.id, _abonnement.c.auth)).all():
        sealed = box.seal(StaticAuthorization(row.auth), abonnement_id=row.id)
        connection.execute(
            _abonnement.update().where(_abonnement.c.id == row.id).values(credential=sealed)
        )
    with op.batch_alter_table("abonnement") as batch:
        batch.alter_column("credential", existing_type=sa.Text(), nullable=False)
        batch.drop_column("auth")


def downgrade() -> None:
    with op.batch_alter_table("abonnement") as batch:
        batch.add_column(sa.Column("auth", sa.String(length=1000), nullable=True))
    connection = op.get_bind()
    box = _box()
    for row in connection.execute(sa.select(_abonnement.c.id, _abonnement.c.credential)).all():
        credential = box.open(row.credential, abonnement_id=row.id)
        if not isinstance(credential, StaticAuthorization):
            raise RuntimeError(
                f"abonnement {row.id} uses OAuth2 client credentials, which the older schema "
                "cannot hold: cancel it before downgrading"
            )
        connection.execute(
            _abonnement.update()
            .where(_abonnement.c.id == row.id)
            .values(auth=credential.authorization)
        )
    with op.batch_alter_table("abonnement") as batch:
        batch.alter_column("auth", existing_type=sa.String(length=1000), nullable=False)
        batch.drop_column("credential")
