"""Health data at rest: AES-GCM under its own key, bound to the inburgeraar it belongs to."""

from __future__ import annotations

import hashlib
import hmac
import json
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inburgering.intake.domain.brede_intake import Gezondheid

# The associated data ties a ciphertext to one person: copied to another row it will not open.
_PURPOSE = b"gezondheid:"


class GezondheidVault:
    def __init__(self, secret: str) -> None:
        key = hmac.new(secret.encode(), b"gezondheid-encryption", hashlib.sha256).digest()
        self._aead = AESGCM(key)

    def encrypt(self, gezondheid: Gezondheid, *, inburgeraar_id: bytes) -> bytes:
        nonce = os.urandom(12)
        plain = json.dumps(gezondheid.as_dict(), ensure_ascii=False).encode()
        return nonce + self._aead.encrypt(nonce, plain, _PURPOSE + inburgeraar_id)

    def decrypt(self, sealed: bytes, *, inburgeraar_id: bytes) -> Gezondheid:
        plain = self._aead.decrypt(sealed[:12], sealed[12:], _PURPOSE + inburgeraar_id)
        return Gezondheid.from_dict(json.loads(plain))
