"""Receiver credentials and HMAC signing keys encrypted at rest (AES-256-GCM): the database
holds only sealed text, bound to its subscription so that a sealed value copied to another row
does not open.

`v1.` is the layout from before key rotation (no key id: the `legacy` key seals and opens it);
`v2.` carries the id of the key that sealed it (see `inburgering.shared.crypto`)."""

from __future__ import annotations

import base64
import binascii
import uuid

from inburgering.shared.crypto import (
    LEGACY_KEY_ID,
    KeyNotConfigured,
    Keyring,
    SealedValueUnreadable,
    Sealer,
)
from inburgering.subscriptions.domain.credentials import Credential, from_json, to_json
from inburgering.subscriptions.settings import SubscriptionsSettings

# The derivation label of before key rotation: credentials stored then open as `legacy`.
PURPOSE = b"subscriptions-credentials"
LEGACY_PREFIX = "v1."
PREFIX = "v2."


class CredentialUnreadable(Exception):
    """Sealed under a key that is not configured, or tampered with; the message is safe to show
    in the delivery log (no key material, no content)."""


class SealedText:
    """The sealer's bytes as the text the column holds; the codec the rekey job uses."""

    def __init__(self, sealer: Sealer) -> None:
        self._sealer = sealer

    @property
    def current_key_id(self) -> str:
        return self._sealer.current_key_id

    def seal(self, plain: bytes, *, context: bytes) -> str:
        raw = self._sealer.seal(plain, context=context)
        prefix = LEGACY_PREFIX if self._sealer.current_key_id == LEGACY_KEY_ID else PREFIX
        return prefix + base64.urlsafe_b64encode(raw).decode()

    def open(self, sealed: str, *, context: bytes) -> bytes:
        try:
            return self._sealer.open(self._raw(sealed), context=context)
        except SealedValueUnreadable as exc:
            raise CredentialUnreadable(_reason(exc)) from exc

    def key_id(self, sealed: str) -> str:
        if sealed.startswith(LEGACY_PREFIX):
            return LEGACY_KEY_ID
        return self._sealer.key_id(self._raw(sealed))

    def is_current(self, sealed: str) -> bool:
        return self.key_id(sealed) == self._sealer.current_key_id

    def reseal(self, sealed: str, *, context: bytes) -> tuple[str, bytes]:
        # The keyring's error, not ours: the rekey job counts it as unreadable.
        plain = self._sealer.open(self._raw(sealed), context=context)
        return self.seal(plain, context=context), plain

    @staticmethod
    def _raw(sealed: str) -> bytes:
        if not sealed.startswith((LEGACY_PREFIX, PREFIX)):
            raise CredentialUnreadable("not a sealed credential")
        try:
            # Both prefixes are three characters.
            return base64.urlsafe_b64decode(sealed[3:])
        except (binascii.Error, ValueError) as exc:
            raise CredentialUnreadable("not a sealed credential") from exc


def _reason(exc: SealedValueUnreadable) -> str:
    if isinstance(exc, KeyNotConfigured):
        return "credential sealed under a key that is no longer configured"
    return "wrong key or altered value"


def hmac_context(abonnement_id: uuid.UUID) -> bytes:
    """The signing key is bound to its subscription and to its column: a sealed credential
    copied into `hmac_secret` (or the other way round) does not open."""
    return b"hmac-secret:" + abonnement_id.bytes


class CredentialBox:
    def __init__(self, keys: Keyring | str) -> None:
        keyring = keys if isinstance(keys, Keyring) else Keyring.single(keys)
        self.codec = SealedText(keyring.sealer(PURPOSE))

    @classmethod
    def from_settings(cls, settings: SubscriptionsSettings) -> CredentialBox:
        return cls(settings.credential_keyring)

    def seal(self, credential: Credential, *, abonnement_id: uuid.UUID) -> str:
        return self.codec.seal(to_json(credential), context=abonnement_id.bytes)

    def open(self, sealed: str, *, abonnement_id: uuid.UUID) -> Credential:
        return from_json(self.codec.open(sealed, context=abonnement_id.bytes))

    def seal_secret(self, secret: str, *, abonnement_id: uuid.UUID) -> str:
        """The subscription's HMAC signing key, sealed like the credentials."""
        return self.codec.seal(secret.encode(), context=hmac_context(abonnement_id))

    def open_secret(self, sealed: str, *, abonnement_id: uuid.UUID) -> str:
        return self.codec.open(sealed, context=hmac_context(abonnement_id)).decode()
