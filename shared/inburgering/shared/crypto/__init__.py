"""Keys that rotate: sealing with the key id in the value, look-up hashes under every accepted
key, the settings to configure them and the rekey job that moves data to the current key."""

from inburgering.shared.crypto.keyring import (
    LEGACY_KEY_ID,
    Hasher,
    KeyNotConfigured,
    Keyring,
    SealedValueRejected,
    SealedValueUnreadable,
    Sealer,
)
from inburgering.shared.crypto.settings import KeyId, PreviousKeys, build_keyring, keyring_problems

__all__ = [
    "LEGACY_KEY_ID",
    "Hasher",
    "KeyId",
    "KeyNotConfigured",
    "Keyring",
    "PreviousKeys",
    "SealedValueRejected",
    "SealedValueUnreadable",
    "Sealer",
    "build_keyring",
    "keyring_problems",
]
