"""Health data at rest: AES-GCM under its own keyring, bound to the inburgeraar it belongs to."""

from __future__ import annotations

import json

from inburgering.intake.domain.brede_intake import Gezondheid
from inburgering.shared.crypto import Keyring, Sealer

# The derivation label of before key rotation: data stored then opens as the `legacy` key.
ENCRYPTION = b"gezondheid-encryption"
# The associated data ties a ciphertext to one person: copied to another row it will not open.
PURPOSE = b"gezondheid:"


def context(inburgeraar_id: bytes) -> bytes:
    return PURPOSE + inburgeraar_id


class GezondheidVault:
    def __init__(self, keys: Keyring | str) -> None:
        keyring = keys if isinstance(keys, Keyring) else Keyring.single(keys)
        self.sealer: Sealer = keyring.sealer(ENCRYPTION)

    def encrypt(self, gezondheid: Gezondheid, *, inburgeraar_id: bytes) -> bytes:
        plain = json.dumps(gezondheid.as_dict(), ensure_ascii=False).encode()
        return self.sealer.seal(plain, context=context(inburgeraar_id))

    def decrypt(self, sealed: bytes, *, inburgeraar_id: bytes) -> Gezondheid:
        plain = self.sealer.open(sealed, context=context(inburgeraar_id))
        return Gezondheid.from_dict(json.loads(plain))
