from __future__ import annotations

import ipaddress
from typing import Self

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from inburgering.shared.crypto import (
    LEGACY_KEY_ID,
    KeyId,
    Keyring,
    PreviousKeys,
    build_keyring,
    keyring_problems,
)
from inburgering.shared.settings import BaseServiceSettings
from inburgering.subscriptions.adapters.egress import LOOPBACK, EgressPolicy, allow_entry
from inburgering.subscriptions.dev_keys import DEV_CLIENT_ASSERTION_KEY, DEV_CLIENT_ASSERTION_KEY_ID

DEV_CREDENTIAL_KEY = "development-only-credential-key-change-me-0123456789"


class SubscriptionsSettings(BaseServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="SUBSCRIPTIONS_", extra="ignore", validate_default=True
    )

    service_name: str = "subscriptions"
    http_port: int = 8005
    gemeente_topic_prefix: str = Field(
        "inburgering.gemeente.",
        description="Per-gemeente topics are this prefix plus the gemeentecode (one prefixed ACL).",
    )
    webhook_origin: str = Field(
        "inburgering.localhost",
        description="Host name sent as WebHook-Request-Origin in the registration handshake.",
    )
    resource_base_url: str = Field(
        "http://127.0.0.1",
        description="Base URL of the platform's APIs, for `dataref` and Notificaties URLs.",
    )
    delivery_poll_seconds: float = Field(
        0.5, gt=0, description="How often the delivery worker looks for due deliveries."
    )
    delivery_batch_size: int = Field(100, ge=1, description="Deliveries claimed per round.")
    delivery_concurrency: int = Field(10, ge=1, description="Webhook calls in flight at once.")
    delivery_timeout_seconds: float = Field(10, gt=0, description="Timeout of one webhook call.")
    delivery_lease_seconds: float = Field(
        120, gt=0, description="A claimed delivery is retried by another worker after this."
    )
    delivery_backoff_seconds: float = Field(
        2.0, gt=0, description="Wait after the first failed attempt; doubles each attempt."
    )
    delivery_backoff_max_seconds: float = Field(
        3600, gt=0, description="Longest wait between two attempts (retries never stop)."
    )
    alert_after_failures: int = Field(
        10, ge=1, description="Consecutive failures after which a subscription raises an alert."
    )
    forward_batch_size: int = Field(500, ge=1, description="Events per gemeente topic batch.")
    credential_key: SecretStr = Field(
        SecretStr(DEV_CREDENTIAL_KEY),
        min_length=32,
        description=(
            "Secret of the current key from which the AES-256-GCM key for receiver credentials "
            "at rest is derived. To rotate: give the new secret a new `credential_key_id`, move "
            "the old one to `credential_previous_keys`, run `rekey`, then remove it."
        ),
    )
    credential_key_id: KeyId = Field(
        LEGACY_KEY_ID,
        description="Id of `credential_key`, recorded in every credential it seals; `legacy` is "
        "the key of the credentials stored before key rotation existed.",
    )
    credential_previous_keys: PreviousKeys = Field(
        {},
        description='Older credential keys still accepted for reading, as JSON `{"<id>": '
        '"<secret>"}`; remove one only after `rekey --check` shows no credential under it.',
    )
    client_assertion_keys: dict[KeyId, SecretStr] = Field(
        {},
        description=(
            "Private keys (PEM: RSA of 2048 bits or more, or EC P-256) by key id, as JSON, for "
            "`private_key_jwt` towards receivers' token endpoints; their public halves are "
            "published at `/v1/jwks.json`. Empty: the repository's development key in "
            "development; in production receivers then cannot choose private_key_jwt."
        ),
    )
    client_assertion_key_id: KeyId | None = Field(
        None,
        description="Which of `client_assertion_keys` signs (required when they are set); "
        "publish a new key for a while before it signs (receivers cache the JWKS).",
    )

    egress_allow: str | None = Field(
        None,
        description=(
            "Receivers inside a gemeente's own network that may be called although their "
            "address is not public: host names, addresses or CIDRs, comma-separated (e.g. "
            "`backoffice.gemeente.local,10.20.0.0/16`). Unset: nothing in production, loopback "
            "(127.0.0.0/8, ::1) in development. Loopback is always refused in production."
        ),
    )

    @field_validator("egress_allow")
    @classmethod
    def _allow_entries_parse(cls, value: str | None) -> str | None:
        for entry in (value or "").split(","):
            if entry.strip():
                allow_entry(entry)
        return value

    @property
    def egress_allow_entries(self) -> list[str]:
        if self.egress_allow is None:
            return [] if self.is_production else list(LOOPBACK)
        return [e.strip() for e in self.egress_allow.split(",") if e.strip()]

    def egress_policy(self) -> EgressPolicy:
        """Where receivers' callback and token URLs may point (see `adapters.egress`)."""
        return EgressPolicy(
            https_only=self.is_production,
            allow=self.egress_allow_entries,
            refuse_loopback=self.is_production,
        )

    @property
    def credential_keyring(self) -> Keyring:
        return build_keyring(
            self.credential_key_id, self.credential_key, self.credential_previous_keys
        )

    @property
    def client_assertion_pems(self) -> dict[str, str]:
        """The signing keys in use: none in production unless configured."""
        if self.client_assertion_keys:
            return {kid: pem.get_secret_value() for kid, pem in self.client_assertion_keys.items()}
        if self.is_production:
            return {}
        return {DEV_CLIENT_ASSERTION_KEY_ID: DEV_CLIENT_ASSERTION_KEY}

    @property
    def client_assertion_signing_key_id(self) -> str:
        if self.client_assertion_keys:
            assert self.client_assertion_key_id is not None  # the validator requires it
            return self.client_assertion_key_id
        return DEV_CLIENT_ASSERTION_KEY_ID

    @model_validator(mode="after")
    def _signing_key_is_configured(self) -> Self:
        if self.client_assertion_keys and self.client_assertion_key_id not in (
            self.client_assertion_keys
        ):
            raise ValueError("client_assertion_key_id names none of the client_assertion_keys")
        return self

    def unsafe_for_production(self) -> list[str]:
        problems = super().unsafe_for_production()
        problems += keyring_problems(
            "credential_key", self.credential_key, self.credential_previous_keys, DEV_CREDENTIAL_KEY
        )
        if DEV_CLIENT_ASSERTION_KEY_ID in self.client_assertion_keys or any(
            pem.get_secret_value() == DEV_CLIENT_ASSERTION_KEY
            for pem in self.client_assertion_keys.values()
        ):
            problems.append("client_assertion_keys still hold the development key")
        if any(_is_loopback(entry) for entry in self.egress_allow_entries):
            problems.append("egress_allow names loopback, which production always refuses")
        return problems


def _is_loopback(entry: str) -> bool:
    allowed = allow_entry(entry)
    if isinstance(allowed, str):
        return allowed == "localhost" or allowed.endswith(".localhost")
    return allowed.is_loopback or allowed.overlaps(
        ipaddress.ip_network("127.0.0.0/8" if allowed.version == 4 else "::1/128")
    )
