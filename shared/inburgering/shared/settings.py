"""Typed settings every service shares; each service subclasses with its own env prefix."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

DEV_JWT_SECRET = "development-only-jwt-secret-change-me-0123456789"
DEV_BSN_KEY = "development-only-bsn-key-change-me-0123456789abcdef"


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class UnsafeProductionSettings(ValueError):
    """A production deployment would start with a development default."""


class BaseServiceSettings(BaseSettings):
    """Settings common to api, relay and consumer roles of a service."""

    model_config = SettingsConfigDict(extra="ignore", validate_default=True)

    service_name: str = Field(description="Name of the service, used in event sources and logs.")
    environment: Environment = Field(
        Environment.DEVELOPMENT, description="`production` refuses every development default."
    )
    database_url: str = Field(
        "",
        description="SQLAlchemy async URL; empty means an embedded SQLite file under data_dir.",
    )
    migration_database_url: str = Field(
        "",
        description=(
            "URL of the role that owns the tables, used only to migrate; empty means "
            "database_url. When set, database_url's role gets table privileges and is bound by "
            "row-level security (it must not own the tables)."
        ),
    )
    data_dir: Path = Field(Path(".data"), description="Folder for the embedded SQLite database.")
    migrate_on_start: bool = Field(
        True, description="Apply migrations at start-up (development); use `migrate` in production."
    )
    kafka_bootstrap_servers: str = Field(
        "127.0.0.1:9092", description="Comma-separated Kafka bootstrap servers."
    )
    kafka_idempotence: bool = Field(
        True,
        description="Idempotent producer; must be false for brokers without it (Tansu).",
    )
    kafka_create_topics: bool = Field(
        True, description="Create missing topics at start-up (development convenience)."
    )
    kafka_topic_partitions: int = Field(3, ge=1, description="Partitions for topics created here.")
    kafka_fetch_max_wait_ms: int = Field(
        50,
        ge=0,
        le=500,
        description="How long a consumer's fetch may wait for records. Apache Kafka answers as "
        "soon as a record arrives; Tansu only when the wait is over, so there this bounds the "
        "delay between a commit and its effect downstream (500 ms held every event ~200 ms). "
        "Lower is faster and costs idle CPU: with five services on Tansu, 10 ms took about "
        "two thirds of a core while idle, 50 ms about a quarter.",
    )
    kafka_linger_ms: int = Field(
        0,
        ge=0,
        le=100,
        description="How long the producer waits to fill a batch. The relay hands over a whole "
        "batch at once, so waiting adds delay without adding throughput.",
    )
    source_oin: str = Field(
        "00000000000000000000",
        pattern=r"^\d{20}$",
        description="OIN of the organisation running this service; part of every event source.",
    )
    roles: str = Field(
        "api,relay,consumer,scheduler",
        description="Roles this process runs: any of api, relay, consumer, scheduler.",
    )
    http_host: str = Field("127.0.0.1", description="Address the API listens on.")
    http_port: int = Field(8000, description="Port the API listens on.")
    jwt_dev_secret: SecretStr = Field(
        SecretStr(DEV_JWT_SECRET), description="HS256 key for development tokens."
    )
    jwt_jwks_url: str = Field("", description="JWKS URL of the token issuer (production).")
    jwt_max_lifetime_seconds: int = Field(
        86_400,
        ge=60,
        description=(
            "Longest a token may still be valid when it arrives (its exp minus now); a token "
            "minted for longer is refused."
        ),
    )
    jwt_issuers: str = Field(
        "inburgering-dev", description="Comma-separated issuers whose tokens are accepted."
    )
    jwt_audience: str = Field(
        "", description="Audience this service requires; defaults to its name."
    )
    jwt_leeway_seconds: int = Field(30, ge=0, le=300, description="Clock skew allowed on exp/nbf.")
    relay_batch_size: int = Field(500, ge=1, description="Outbox rows the relay claims at once.")
    relay_poll_seconds: float = Field(
        1.0, gt=0, description="Polling fallback when no notification wakes the relay."
    )
    outbox_retention_hours: float = Field(
        72, gt=0, description="How long published outbox rows are kept before cleanup."
    )
    consumer_max_attempts: int = Field(
        5, ge=1, description="Attempts for a failing event before it goes to the dead-letter topic."
    )
    consumer_backoff_seconds: float = Field(
        0.2, ge=0, description="Initial backoff between attempts; doubles each time."
    )
    timer_poll_seconds: float = Field(
        5.0, gt=0, description="How often the scheduler looks for timers that are due."
    )
    rate_limit_per_minute: int = Field(
        0, ge=0, description="Requests per minute per client and process (e.g. 600); 0 is off."
    )
    rate_limit_burst: int = Field(
        60, ge=1, description="Requests a client may make at once before the rate applies."
    )
    cors_allow_origins: str = Field(
        "",
        description=(
            "Browser origins that may call the API, comma-separated (e.g. a provider portal's web "
            "app); empty: none. The OpenAPI document is readable from any origin."
        ),
    )
    max_request_bytes: int = Field(
        1_048_576, ge=1024, description="Largest request body accepted; larger gets 413."
    )
    otel_exporter_otlp_endpoint: str = Field(
        "", description="OTLP/HTTP endpoint (e.g. http://otel-collector:4318) to export traces to."
    )
    log_json: bool = Field(False, description="Log as JSON lines (production) instead of console.")
    logboek_register: str = Field(
        "urn:nl:inburgering:verwerkingsactiviteit:",
        description=(
            "Prefix of the processing-activity ids in the Logboek Dataverwerkingen: the address of "
            "the gemeente's register van verwerkingsactiviteiten (the activity code is appended)."
        ),
    )

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.data_dir / (self.service_name + '.db')}"

    @property
    def cors_origins(self) -> list[str]:
        return [o.strip() for o in self.cors_allow_origins.split(",") if o.strip()]

    @property
    def effective_migration_database_url(self) -> str:
        return self.migration_database_url or self.effective_database_url

    @property
    def app_database_role(self) -> str | None:
        """The role to grant table privileges to: the service's own, if it is not the owner."""
        if not self.migration_database_url:
            return None
        role = make_url(self.effective_database_url).username
        return role if role != make_url(self.migration_database_url).username else None

    @property
    def audience(self) -> str:
        return self.jwt_audience or f"inburgering-{self.service_name}"

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r.strip() for r in self.roles.split(",") if r.strip())

    @property
    def event_source(self) -> str:
        return f"urn:nld:oin:{self.source_oin}:systeem:inburgering-{self.service_name}"

    def unsafe_for_production(self) -> list[str]:
        """What this configuration would do wrong in production; subclasses add their own."""
        problems = []
        if self.jwt_dev_secret.get_secret_value() == DEV_JWT_SECRET:
            problems.append("jwt_dev_secret still has the development default")
        if not self.jwt_jwks_url:
            problems.append("jwt_jwks_url is required")
        if not self.database_url or self.database_url.startswith("sqlite"):
            problems.append("database_url must name a PostgreSQL database")
        if self.migrate_on_start:
            problems.append("migrate_on_start must be false; run the migrate command")
        if set(self.source_oin) == {"0"}:
            problems.append("source_oin must be the OIN of the organisation")
        return problems

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Self:
        unknown = self.role_set - {"api", "relay", "consumer", "scheduler"}
        if unknown:
            raise ValueError(f"unknown roles: {', '.join(sorted(unknown))}")
        if self.is_production:
            problems = self.unsafe_for_production()
            if problems:
                raise UnsafeProductionSettings("; ".join(problems))
        return self
