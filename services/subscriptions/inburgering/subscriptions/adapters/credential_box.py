"""Receiver credentials encrypted at rest (AES-256-GCM): the database holds only sealed text,
bound to its subscription so that a sealed value copied to another row does not open."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inburgering.subscriptions.domain.credentials import Credential, from_json, to_json

# The version lets a later key or algorithm live next to this one during a rotation.
PREFIX = "v1."
_NONCE = 12


class CredentialUnreadable(Exception):
    """Sealed under another key, or tampered with."""


class CredentialBox:
    def __init__(self, secret: str) -> None:
        key = hmac.new(secret.encode(), b"subscriptions-credentials", hashlib.sha256).digest()
        self._aead = AESGCM(key)

    def seal(self, credential: Credential, *, abonnement_id: uuid.UUID) -> str:
        nonce = os.urandom(_NONCE)
        sealed = self._aead.encrypt(nonce, to_json(credential), abonnement_id.bytes)
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()

    def open(self, sealed: str, *, abonnement_id: uuid.UUID) -> Credential:
        if not sealed.startswith(PREFIX):
            raise CredentialUnreadable("not a sealed credential")
        raw = base64.urlsafe_b64decode(sealed.removeprefix(PREFIX))
        try:
            plain = self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], abonnement_id.bytes)
        except InvalidTag as exc:
            raise CredentialUnreadable("wrong key or altered value") from exc
        return from_json(plain)
