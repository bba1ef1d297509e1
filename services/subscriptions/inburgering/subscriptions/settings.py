from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from inburgering.shared.settings import BaseServiceSettings

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
            "Secret from which the AES-256-GCM key for receiver credentials at rest is derived; "
            "changing it makes stored credentials unreadable (subscribers register again)."
        ),
    )

    def unsafe_for_production(self) -> list[str]:
        problems = super().unsafe_for_production()
        if self.credential_key.get_secret_value() == DEV_CREDENTIAL_KEY:
            problems.append("credential_key still has the development default")
        return problems
