"""Named, versioned keys: AES-256-GCM sealing that records which key sealed a value, and keyed
look-up hashes (HMAC-SHA256) that can be computed under every key still accepted.

Every key is a secret from settings; each use (BSN encryption, BSN look-up, health data,
receiver credentials) derives its own sub-key as HMAC-SHA256(secret, purpose). That is exactly
how the vaults derived their keys before rotation existed, so a value sealed back then opens
under the key named `legacy` with the same secret: no data migration is needed to start.

Sealed layout: MAGIC | len(key id) | key id | nonce (12) | ciphertext+tag; the header is part of
the associated data. Values sealed under `legacy` keep the old layout (nonce | ciphertext+tag,
no header), so a deployment that has not rotated yet writes what the previous version can read.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

LEGACY_KEY_ID = "legacy"
KEY_ID_PATTERN = r"^[A-Za-z0-9._-]{1,32}$"
MIN_SECRET_LENGTH = 32

# A legacy value starts with a random nonce, so it matches MAGIC once in 2^32; `open` then
# falls back to the legacy layout, which keeps that case correct rather than merely unlikely.
MAGIC = b"\xa9KR1"
_NONCE = 12
_TAG = 16
_KEY_ID = re.compile(KEY_ID_PATTERN)


class SealedValueUnreadable(Exception):
    """A sealed value did not open; the message names key ids only, never content."""


class KeyNotConfigured(SealedValueUnreadable):
    """The value was sealed under a key this process no longer (or never) knew."""

    def __init__(self, key_id: str, known: list[str]) -> None:
        self.key_id = key_id
        super().__init__(
            f"sealed under key {key_id!r}, which is not configured (known: {', '.join(known)}); "
            "run the rekey command before removing a key"
        )


class SealedValueRejected(SealedValueUnreadable):
    """Authentication failed: the value was altered, belongs to another record, or the secret
    configured under its key id is not the one that sealed it."""


def _subkey(secret: bytes, purpose: bytes) -> bytes:
    return hmac.new(secret, purpose, hashlib.sha256).digest()


class Keyring:
    """The keys of one kind of data: `current` seals, all of them open."""

    def __init__(self, keys: Mapping[str, str | bytes], current: str) -> None:
        if current not in keys:
            raise ValueError(f"the current key {current!r} is not among the configured keys")
        self._secrets: dict[str, bytes] = {}
        for key_id, secret in keys.items():
            if not _KEY_ID.fullmatch(key_id):
                raise ValueError(f"key id {key_id!r} must match {KEY_ID_PATTERN}")
            raw = secret.encode() if isinstance(secret, str) else secret
            if len(raw) < MIN_SECRET_LENGTH:
                raise ValueError(f"the secret of key {key_id!r} is shorter than 32 characters")
            self._secrets[key_id] = raw
        if len(set(self._secrets.values())) != len(self._secrets):
            raise ValueError("two key ids share one secret")
        self.current = current

    @classmethod
    def single(cls, secret: str | bytes, key_id: str = LEGACY_KEY_ID) -> Keyring:
        return cls({key_id: secret}, key_id)

    @property
    def key_ids(self) -> list[str]:
        """The current key first, then the others in configured order."""
        return [self.current, *(k for k in self._secrets if k != self.current)]

    def secrets(self) -> list[bytes]:
        return list(self._secrets.values())

    def sealer(self, purpose: bytes) -> Sealer:
        return Sealer(self, purpose)

    def hasher(self, purpose: bytes) -> Hasher:
        return Hasher(self, purpose)

    def _derive(self, key_id: str, purpose: bytes) -> bytes:
        return _subkey(self._secrets[key_id], purpose)


class Sealer:
    """AES-256-GCM for one purpose; `context` (associated data) binds a value to its record."""

    def __init__(self, keyring: Keyring, purpose: bytes) -> None:
        self._keyring = keyring
        self._aead = {k: AESGCM(keyring._derive(k, purpose)) for k in keyring.key_ids}

    @property
    def current_key_id(self) -> str:
        return self._keyring.current

    def seal(self, plain: bytes, *, context: bytes) -> bytes:
        key_id = self._keyring.current
        nonce = os.urandom(_NONCE)
        if key_id == LEGACY_KEY_ID:
            return nonce + self._aead[key_id].encrypt(nonce, plain, context)
        header = _header(key_id)
        return header + nonce + self._aead[key_id].encrypt(nonce, plain, header + context)

    def open(self, sealed: bytes, *, context: bytes) -> bytes:
        parsed = _parse(sealed)
        if parsed is None:
            return self._open_legacy(sealed, context)
        key_id, header, body = parsed
        try:
            aead = self._aead.get(key_id)
            if aead is None:
                raise KeyNotConfigured(key_id, self._keyring.key_ids)
            return _decrypt(aead, body, header + context)
        except SealedValueUnreadable:
            # The one-in-2^32 legacy value whose nonce happens to start with MAGIC.
            if LEGACY_KEY_ID in self._aead:
                try:
                    return self._open_legacy(sealed, context)
                except SealedValueUnreadable:
                    pass
            raise

    def key_id(self, sealed: bytes) -> str:
        """Which key sealed the value (`legacy` for the layout without a header)."""
        parsed = _parse(sealed)
        return LEGACY_KEY_ID if parsed is None else parsed[0]

    def is_current(self, sealed: bytes) -> bool:
        return self.key_id(sealed) == self._keyring.current

    def reseal(self, sealed: bytes, *, context: bytes) -> tuple[bytes, bytes]:
        """The value sealed under the current key, and its plaintext."""
        plain = self.open(sealed, context=context)
        return self.seal(plain, context=context), plain

    def _open_legacy(self, sealed: bytes, context: bytes) -> bytes:
        aead = self._aead.get(LEGACY_KEY_ID)
        if aead is None:
            raise KeyNotConfigured(LEGACY_KEY_ID, self._keyring.key_ids)
        return _decrypt(aead, sealed, context)


class Hasher:
    """Keyed look-up hashes (hex HMAC-SHA256) for one purpose. Store `digest` (current key);
    look up with `digests`, which holds the hash under every accepted key, so rows written
    before a rotation stay findable until the rekey job has re-hashed them."""

    def __init__(self, keyring: Keyring, purpose: bytes) -> None:
        self._keys = {k: keyring._derive(k, purpose) for k in keyring.key_ids}
        self._current = keyring.current

    @property
    def key_ids(self) -> list[str]:
        """The current key first."""
        return list(self._keys)

    def digest(self, value: str) -> str:
        return self.digest_under(self._current, value)

    def digests(self, value: str) -> list[str]:
        return [self.digest_under(k, value) for k in self._keys]

    def digest_under(self, key_id: str, value: str) -> str:
        return hmac.new(self._keys[key_id], value.encode(), hashlib.sha256).hexdigest()


def _header(key_id: str) -> bytes:
    raw = key_id.encode()
    return MAGIC + bytes([len(raw)]) + raw


def _parse(sealed: bytes) -> tuple[str, bytes, bytes] | None:
    """(key id, header, nonce+ciphertext) of the headed layout, None for the legacy one."""
    if not sealed.startswith(MAGIC) or len(sealed) <= len(MAGIC):
        return None
    size = sealed[len(MAGIC)]
    end = len(MAGIC) + 1 + size
    try:
        key_id = sealed[len(MAGIC) + 1 : end].decode("ascii")
    except UnicodeDecodeError:
        return None
    if not _KEY_ID.fullmatch(key_id) or len(sealed) < end + _NONCE + _TAG:
        return None
    return key_id, sealed[:end], sealed[end:]


def _decrypt(aead: AESGCM, body: bytes, associated: bytes) -> bytes:
    if len(body) < _NONCE + _TAG:
        raise SealedValueRejected("sealed value is too short")
    try:
        return aead.decrypt(body[:_NONCE], body[_NONCE:], associated)
    except InvalidTag as exc:
        raise SealedValueRejected(
            "sealed value failed authentication: altered, bound to another record, "
            "or sealed with another secret under the same key id"
        ) from exc
