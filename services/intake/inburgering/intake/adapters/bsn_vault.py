"""BSN protection: a keyed hash to find a person, authenticated encryption to keep the number."""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


class BsnVault:
    def __init__(self, secret: str) -> None:
        master = secret.encode()
        self._hash_key = hmac.new(master, b"bsn-lookup", hashlib.sha256).digest()
        self._aead = AESGCM(hmac.new(master, b"bsn-encryption", hashlib.sha256).digest())

    def lookup_hash(self, bsn: str) -> str:
        return hmac.new(self._hash_key, bsn.encode(), hashlib.sha256).hexdigest()

    def encrypt(self, bsn: str, *, context: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, bsn.encode(), context)

    def decrypt(self, sealed: bytes, *, context: bytes) -> str:
        return self._aead.decrypt(sealed[:12], sealed[12:], context).decode()
