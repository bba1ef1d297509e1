"""Keyring settings: the single secret of today is the `legacy` key; previous keys come as a
JSON object from the environment; production refuses a development secret anywhere in it."""

from __future__ import annotations

import pytest
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from inburgering.shared.crypto import (
    LEGACY_KEY_ID,
    KeyId,
    PreviousKeys,
    build_keyring,
    keyring_problems,
)

DEV = "development-only-proef-key-change-me-0123456789"
OLD = "old-secret-0123456789abcdefghijklmnopqrstuvwxyz"
NEW = "new-secret-0123456789abcdefghijklmnopqrstuvwxyz"


class ProefSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PROEF_")

    key: SecretStr = Field(SecretStr(DEV), min_length=32)
    key_id: KeyId = LEGACY_KEY_ID
    previous_keys: PreviousKeys = Field(default_factory=dict)


def test_the_single_secret_is_the_legacy_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROEF_KEY", OLD)
    settings = ProefSettings()

    keyring = build_keyring(settings.key_id, settings.key, settings.previous_keys)

    assert keyring.key_ids == [LEGACY_KEY_ID]


def test_a_rotation_is_configured_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROEF_KEY", NEW)
    monkeypatch.setenv("PROEF_KEY_ID", "2026-12")
    monkeypatch.setenv("PROEF_PREVIOUS_KEYS", f'{{"legacy": "{OLD}"}}')
    settings = ProefSettings()

    keyring = build_keyring(settings.key_id, settings.key, settings.previous_keys)

    assert keyring.current == "2026-12"
    assert keyring.key_ids == ["2026-12", LEGACY_KEY_ID]


@pytest.mark.parametrize(
    "previous", ['{"legacy": "too-short"}', '{"no spaces": "' + OLD + '"}', '["legacy"]']
)
def test_malformed_previous_keys_are_refused(monkeypatch: pytest.MonkeyPatch, previous) -> None:
    monkeypatch.setenv("PROEF_PREVIOUS_KEYS", previous)

    with pytest.raises(ValidationError):
        ProefSettings()


def test_the_current_key_cannot_also_be_a_previous_one() -> None:
    with pytest.raises(ValueError, match="both current and previous"):
        build_keyring("a", SecretStr(NEW), {"a": SecretStr(OLD)})


@pytest.mark.parametrize(
    ("current", "previous", "refused"),
    [
        (DEV, {}, True),
        (NEW, {"legacy": SecretStr(DEV)}, True),
        (NEW, {"legacy": SecretStr(OLD)}, False),
    ],
)
def test_production_refuses_a_development_secret_current_or_previous(
    current, previous, refused
) -> None:
    problems = keyring_problems("proef_key", SecretStr(current), previous, DEV)

    assert bool(problems) is refused
