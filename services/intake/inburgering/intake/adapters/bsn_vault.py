"""BSN protection: a keyed hash to find a person, authenticated encryption to keep the number.

Both come from a keyring, so the keys rotate: `encrypt` and `lookup_hash` use the current key;
`decrypt` opens a value under any configured key; `lookup_hashes` gives the hash under every
configured key, so a look-up also finds a person stored before the last rotation."""

from __future__ import annotations

from inburgering.shared.crypto import Hasher, Keyring, Sealer

# The derivation labels of before key rotation: data stored then opens as the `legacy` key.
ENCRYPTION = b"bsn-encryption"
LOOKUP = b"bsn-lookup"


class BsnVault:
    def __init__(self, keys: Keyring | str) -> None:
        keyring = keys if isinstance(keys, Keyring) else Keyring.single(keys)
        self.sealer: Sealer = keyring.sealer(ENCRYPTION)
        self.hasher: Hasher = keyring.hasher(LOOKUP)

    def lookup_hash(self, bsn: str) -> str:
        """The hash to store (current key)."""
        return self.hasher.digest(bsn)

    def lookup_hashes(self, bsn: str) -> list[str]:
        """The hashes to look for: under every configured key, the current one first."""
        return self.hasher.digests(bsn)

    def encrypt(self, bsn: str, *, context: bytes) -> bytes:
        return self.sealer.seal(bsn.encode(), context=context)

    def decrypt(self, sealed: bytes, *, context: bytes) -> str:
        """Raises SealedValueUnreadable (KeyNotConfigured for a removed key)."""
        return self.sealer.open(sealed, context=context).decode()
