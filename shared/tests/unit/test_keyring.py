"""The keyring: values say which key sealed them, open under any configured key, refuse a
missing key or altered data by name, and data sealed before rotation existed stays readable."""

from __future__ import annotations

import hashlib
import hmac
import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given
from hypothesis import strategies as st

from inburgering.shared.crypto import (
    LEGACY_KEY_ID,
    KeyNotConfigured,
    Keyring,
    SealedValueRejected,
)
from inburgering.shared.crypto.keyring import MAGIC

OLD = "old-secret-0123456789abcdefghijklmnopqrstuvwxyz"
NEW = "new-secret-0123456789abcdefghijklmnopqrstuvwxyz"
PURPOSE = b"proef-encryption"
CONTEXT = b"record-1"

old_only = Keyring.single(OLD)
rotated = Keyring({"2026-12": NEW, LEGACY_KEY_ID: OLD}, "2026-12")
new_only = Keyring({"2026-12": NEW}, "2026-12")


def _sealed_like_before_rotation(secret: str, plain: bytes, context: bytes) -> bytes:
    """What BsnVault, GezondheidVault and CredentialBox wrote before keyrings existed."""
    key = hmac.new(secret.encode(), PURPOSE, hashlib.sha256).digest()
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plain, context)


@given(plain=st.binary(max_size=2000), context=st.binary(max_size=64))
def test_round_trip_under_the_current_key(plain: bytes, context: bytes) -> None:
    sealer = rotated.sealer(PURPOSE)

    sealed = sealer.seal(plain, context=context)

    assert sealer.key_id(sealed) == "2026-12"
    assert sealer.open(sealed, context=context) == plain


@given(plain=st.binary(max_size=500), context=st.binary(max_size=32))
def test_values_sealed_before_rotation_open_as_the_legacy_key(plain: bytes, context: bytes):
    legacy = _sealed_like_before_rotation(OLD, plain, context)

    assert old_only.sealer(PURPOSE).open(legacy, context=context) == plain
    assert rotated.sealer(PURPOSE).open(legacy, context=context) == plain


@given(plain=st.binary(max_size=500))
def test_a_single_legacy_key_still_writes_the_layout_the_previous_version_reads(plain: bytes):
    sealed = old_only.sealer(PURPOSE).seal(plain, context=CONTEXT)

    key = hmac.new(OLD.encode(), PURPOSE, hashlib.sha256).digest()
    assert AESGCM(key).decrypt(sealed[:12], sealed[12:], CONTEXT) == plain


def test_an_old_value_opens_during_rotation_and_reseals_under_the_new_key() -> None:
    before = old_only.sealer(PURPOSE).seal(b"123456782", context=CONTEXT)
    sealer = rotated.sealer(PURPOSE)

    assert not sealer.is_current(before)
    after, plain = sealer.reseal(before, context=CONTEXT)

    assert plain == b"123456782"
    assert sealer.is_current(after)
    assert new_only.sealer(PURPOSE).open(after, context=CONTEXT) == plain


def test_a_value_under_a_removed_key_fails_closed_naming_the_key() -> None:
    before = old_only.sealer(PURPOSE).seal(b"123456782", context=CONTEXT)

    with pytest.raises(KeyNotConfigured, match=r"'legacy'.*rekey") as raised:
        new_only.sealer(PURPOSE).open(before, context=CONTEXT)
    assert raised.value.key_id == LEGACY_KEY_ID


def test_another_secret_under_the_same_key_id_is_rejected() -> None:
    sealed = new_only.sealer(PURPOSE).seal(b"x", context=CONTEXT)
    impostor = Keyring({"2026-12": "another-secret-0123456789abcdefghijklmn"}, "2026-12")

    with pytest.raises(SealedValueRejected):
        impostor.sealer(PURPOSE).open(sealed, context=CONTEXT)


@given(position=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_any_altered_byte_is_rejected(position: int, flip: int) -> None:
    sealer = rotated.sealer(PURPOSE)
    sealed = bytearray(sealer.seal(b"gezondheidsgegevens", context=CONTEXT))
    sealed[position % len(sealed)] ^= flip

    with pytest.raises((SealedValueRejected, KeyNotConfigured)):
        sealer.open(bytes(sealed), context=CONTEXT)


def test_a_value_copied_to_another_record_does_not_open() -> None:
    sealer = rotated.sealer(PURPOSE)
    sealed = sealer.seal(b"123456782", context=b"record-1")

    with pytest.raises(SealedValueRejected):
        sealer.open(sealed, context=b"record-2")


def test_purposes_do_not_share_keys() -> None:
    sealed = rotated.sealer(PURPOSE).seal(b"x", context=CONTEXT)

    with pytest.raises(SealedValueRejected):
        rotated.sealer(b"other-purpose").open(sealed, context=CONTEXT)


def test_a_legacy_value_whose_nonce_starts_like_a_header_still_opens() -> None:
    key = hmac.new(OLD.encode(), PURPOSE, hashlib.sha256).digest()
    nonce = MAGIC + bytes([7]) + b"2026-12"  # 12 bytes that parse as a header
    legacy = nonce + AESGCM(key).encrypt(nonce, b"123456782", CONTEXT)

    assert rotated.sealer(PURPOSE).open(legacy, context=CONTEXT) == b"123456782"


@given(value=st.text(max_size=50))
def test_lookup_hashes_under_every_key_with_the_current_one_first(value: str) -> None:
    hasher = rotated.hasher(b"proef-lookup")

    digests = hasher.digests(value)

    assert digests[0] == hasher.digest(value) == new_only.hasher(b"proef-lookup").digest(value)
    assert old_only.hasher(b"proef-lookup").digest(value) in digests
    assert hasher.key_ids == ["2026-12", LEGACY_KEY_ID]
    assert digests == [hasher.digest_under(k, value) for k in hasher.key_ids]


def test_the_legacy_lookup_hash_is_the_one_stored_before_rotation() -> None:
    hash_key = hmac.new(OLD.encode(), b"bsn-lookup", hashlib.sha256).digest()
    expected = hmac.new(hash_key, b"123456782", hashlib.sha256).hexdigest()

    assert old_only.hasher(b"bsn-lookup").digest("123456782") == expected


@pytest.mark.parametrize(
    ("keys", "current", "problem"),
    [
        ({"a": NEW}, "b", "not among"),
        ({"a": "too-short"}, "a", "shorter than 32"),
        ({"a b": NEW}, "a b", "must match"),
        ({"a": NEW, "b": NEW}, "a", "share one secret"),
    ],
)
def test_a_keyring_refuses_a_configuration_it_cannot_use(keys, current, problem) -> None:
    with pytest.raises(ValueError, match=problem):
        Keyring(keys, current)
