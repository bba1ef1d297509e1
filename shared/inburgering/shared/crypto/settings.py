"""Settings of one keyring: the current key (a secret and its id) and the older keys still
accepted for reading. With only the secret set, today's single-secret configuration, the key is
named `legacy` and the data it sealed before rotation existed stays readable."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import Field, SecretStr, StringConstraints

from inburgering.shared.crypto.keyring import KEY_ID_PATTERN, MIN_SECRET_LENGTH, Keyring

KeyId = Annotated[str, StringConstraints(pattern=KEY_ID_PATTERN)]
# A JSON object in the environment, e.g. PREFIX_BSN_PREVIOUS_KEYS='{"legacy": "…"}'.
PreviousKeys = dict[KeyId, Annotated[SecretStr, Field(min_length=MIN_SECRET_LENGTH)]]


def build_keyring(key_id: str, secret: SecretStr, previous: Mapping[str, SecretStr]) -> Keyring:
    if key_id in previous:
        raise ValueError(f"key {key_id!r} is both current and previous")
    keys = {key_id: secret.get_secret_value()}
    keys.update({k: v.get_secret_value() for k, v in previous.items()})
    return Keyring(keys, key_id)


def keyring_problems(
    name: str, secret: SecretStr, previous: Mapping[str, SecretStr], development: str
) -> list[str]:
    """What production must refuse: a development secret, current or still accepted."""
    secrets = [secret.get_secret_value(), *(v.get_secret_value() for v in previous.values())]
    if development in secrets:
        return [f"{name} still has the development default (current or previous)"]
    return []
