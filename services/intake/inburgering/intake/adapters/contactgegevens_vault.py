"""Name and address at rest: AES-GCM under the BSN's keyring with a key of their own purpose,
bound to the inburgeraar they belong to (copied to another row they will not open)."""

from __future__ import annotations

import json

from inburgering.intake.domain.contactgegevens import Contactgegevens
from inburgering.shared.crypto import Keyring, Sealer

ENCRYPTION = b"contactgegevens-encryption"
PURPOSE = b"contactgegevens:"


def context(inburgeraar_id: bytes) -> bytes:
    return PURPOSE + inburgeraar_id


class ContactgegevensVault:
    def __init__(self, keys: Keyring | str) -> None:
        keyring = keys if isinstance(keys, Keyring) else Keyring.single(keys)
        self.sealer: Sealer = keyring.sealer(ENCRYPTION)

    def encrypt(self, gegevens: Contactgegevens, *, inburgeraar_id: bytes) -> bytes:
        plain = json.dumps(gegevens.as_dict()).encode()
        return self.sealer.seal(plain, context=context(inburgeraar_id))

    def decrypt(self, sealed: bytes, *, inburgeraar_id: bytes) -> Contactgegevens:
        plain = self.sealer.open(sealed, context=context(inburgeraar_id))
        return Contactgegevens.from_dict(json.loads(plain))
