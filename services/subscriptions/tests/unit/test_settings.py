from __future__ import annotations

import pytest
from pydantic import ValidationError

from inburgering.subscriptions.settings import DEV_CREDENTIAL_KEY, SubscriptionsSettings


def test_production_refuses_the_development_credential_key() -> None:
    with pytest.raises(ValidationError, match="credential_key still has the development default"):
        SubscriptionsSettings(environment="production")


def test_a_real_credential_key_is_not_reported() -> None:
    settings = SubscriptionsSettings(credential_key="k" * 40)
    default = SubscriptionsSettings()

    assert not [p for p in settings.unsafe_for_production() if "credential_key" in p]
    assert default.credential_key.get_secret_value() == DEV_CREDENTIAL_KEY
    assert [p for p in default.unsafe_for_production() if "credential_key" in p]
