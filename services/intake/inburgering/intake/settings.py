from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import SettingsConfigDict

from inburgering.shared.settings import DEV_BSN_KEY, BaseServiceSettings

# Development OINs (20 digits, fictitious): DUO and the gemeenten the platform serves.
DEV_DUO_OIN = "00000001800000000000"
DEV_GEMEENTE_OINS = (
    "GM0772=00000001001000772000,GM0794=00000001001000794000,GM0855=00000001001000855000"
)
DEV_GEZONDHEID_KEY = "development-only-gezondheid-key-change-me-0123456789"


class IntakeSettings(BaseServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore", validate_default=True)

    service_name: str = "intake"
    http_port: int = 8001
    bsn_key: SecretStr = Field(
        SecretStr(DEV_BSN_KEY),
        min_length=32,
        description="Secret for the BSN look-up hash and BSN encryption at rest.",
    )
    gezondheid_key: SecretStr = Field(
        SecretStr(DEV_GEZONDHEID_KEY),
        min_length=32,
        description="Secret for encrypting health data of the brede intake at rest "
        "(special-category data, Wi art. 37); must differ from the BSN key.",
    )
    duo_base_url: str = Field(
        "http://127.0.0.1:8090/v1",
        description="Base path of DUO's M2M APIs (https://{host}:{port}/v1 per DUO's README).",
    )
    duo_oin: str = Field(
        DEV_DUO_OIN, pattern=r"^\d{20}$", description="OIN of DUO: `bron` of notifications."
    )
    gemeente_oins: str = Field(
        DEV_GEMEENTE_OINS,
        description="gemeentecode=OIN pairs, comma-separated: the `doel` of DUO's notifications "
        "and the `bron` of our requests to DUO.",
    )
    duo_timeout_seconds: float = Field(10.0, gt=0, description="Timeout of one call to DUO.")
    duo_retry_seconds: float = Field(
        30.0, gt=0, description="First wait before retrying DUO; doubles per attempt."
    )
    duo_retry_max_seconds: float = Field(
        3600.0, gt=0, description="Longest wait between two attempts to reach DUO."
    )
    pip_termijn_nadert_dagen: int = Field(
        14, ge=1, le=60, description="Days before the PIP deadline that pip-termijn-nadert fires."
    )

    @field_validator("gemeente_oins")
    @classmethod
    def _pairs(cls, value: str) -> str:
        _parse_oins(value)
        return value

    @property
    def oin_per_gemeente(self) -> dict[str, str]:
        return _parse_oins(self.gemeente_oins)

    @property
    def gemeente_per_oin(self) -> dict[str, str]:
        return {oin: code for code, oin in self.oin_per_gemeente.items()}

    def unsafe_for_production(self) -> list[str]:
        problems = super().unsafe_for_production()
        if self.bsn_key.get_secret_value() == DEV_BSN_KEY:
            problems.append("bsn_key still has the development default")
        if self.gezondheid_key.get_secret_value() == DEV_GEZONDHEID_KEY:
            problems.append("gezondheid_key still has the development default")
        if self.gezondheid_key.get_secret_value() == self.bsn_key.get_secret_value():
            problems.append("gezondheid_key must differ from bsn_key")
        if self.duo_oin == DEV_DUO_OIN or self.gemeente_oins == DEV_GEMEENTE_OINS:
            problems.append("duo_oin and gemeente_oins must be the real OINs")
        if not self.duo_base_url.startswith("https://"):
            problems.append("duo_base_url must use https (PKIoverheid mTLS)")
        return problems


def _parse_oins(value: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        code, _, oin = item.partition("=")
        code, oin = code.strip(), oin.strip()
        if not (len(code) == 6 and code.startswith("GM") and code[2:].isdigit()):
            raise ValueError(f"{code!r} is geen gemeentecode")
        if not (len(oin) == 20 and oin.isdigit()):
            raise ValueError(f"het OIN van {code} bestaat niet uit 20 cijfers")
        pairs[code] = oin
    return pairs
