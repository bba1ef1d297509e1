from __future__ import annotations

from datetime import date

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import SettingsConfigDict

from inburgering.shared.crypto import (
    LEGACY_KEY_ID,
    KeyId,
    Keyring,
    PreviousKeys,
    build_keyring,
    keyring_problems,
)
from inburgering.shared.settings import DEV_BSN_KEY, BaseServiceSettings

# Development OINs (20 digits, fictitious): DUO and the gemeenten the platform serves.
DEV_DUO_OIN = "00000001800000000000"
DEV_GEMEENTE_OINS = (
    "GM0772=00000001001000772000,GM0794=00000001001000794000,GM0855=00000001001000855000"
)
DEV_GEZONDHEID_KEY = "development-only-gezondheid-key-change-me-0123456789"
# The demo providers of the contracts service (KvK) and their fictitious DUO instellingsnummers,
# the fallback for a traject-gestart without one.
DEV_DUO_INSTELLINGEN = (
    "90012345=0000100001,90023456=0000100002,90034567=0000100003,90045678=0000100004"
)


class IntakeSettings(BaseServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore", validate_default=True)

    service_name: str = "intake"
    http_port: int = 8001
    bsn_key: SecretStr = Field(
        SecretStr(DEV_BSN_KEY),
        min_length=32,
        description="Secret of the current key for the BSN look-up hash and BSN encryption "
        "at rest.",
    )
    bsn_key_id: KeyId = Field(
        LEGACY_KEY_ID,
        description="Id of `bsn_key`, recorded in every value it seals; `legacy` is the key of "
        "the data stored before key rotation existed.",
    )
    bsn_previous_keys: PreviousKeys = Field(
        {},
        description='Older BSN keys still accepted for reading, as JSON `{"<id>": "<secret>"}`; '
        "remove one only after the `rekey` command left no value under it.",
    )
    gezondheid_key: SecretStr = Field(
        SecretStr(DEV_GEZONDHEID_KEY),
        min_length=32,
        description="Secret for encrypting health data of the brede intake at rest "
        "(special-category data, Wi art. 37); must differ from the BSN key.",
    )
    gezondheid_key_id: KeyId = Field(LEGACY_KEY_ID, description="Id of `gezondheid_key`.")
    gezondheid_previous_keys: PreviousKeys = Field(
        {},
        description='Older health-data keys still accepted for reading, as JSON `{"<id>": '
        '"<secret>"}`.',
    )
    duo_base_url: str = Field(
        "http://127.0.0.1:8090/v1",
        description="Base path of DUO's M2M APIs (https://{host}:{port}/v1 per DUO's README).",
    )
    duo_oin: str = Field(
        DEV_DUO_OIN, pattern=r"^\d{20}$", description="OIN of DUO: `bron` of notifications."
    )
    duo_mtls: bool = Field(
        False,
        description=(
            "DUO authenticates with its PKIoverheid client certificate alone, as passed on by "
            "the ingress after verifying the chain (its subject serialNumber must be duo_oin); "
            "no bearer token is asked on DUO's endpoint then. Off (development only): a bearer "
            "token of role duo instead."
        ),
    )
    duo_mtls_cert_header: str = Field(
        "ssl-client-cert", description="Header with the URL-encoded client certificate (PEM)."
    )
    duo_mtls_verify_header: str = Field(
        "ssl-client-verify", description="Header with the ingress's verdict; must be SUCCESS."
    )
    gemeente_oins: str = Field(
        DEV_GEMEENTE_OINS,
        description="gemeentecode=OIN pairs, comma-separated: the `doel` of DUO's notifications "
        "and the `bron` of our requests to DUO.",
    )
    duo_instellingen: str = Field(
        DEV_DUO_INSTELLINGEN,
        description="Fallback only: KvK-nummer=DUO-instellingsnummer pairs, comma-separated, for "
        "providers registered in contracts without their DUO instellingsnummer (traject-gestart "
        "carries it otherwise, and that number wins). The Cursusinstelling in the path of the "
        "inburgeringsaanbod melding; may be empty in production.",
    )
    duo_timeout_seconds: float = Field(10.0, gt=0, description="Timeout of one call to DUO.")
    duo_retry_seconds: float = Field(
        30.0, gt=0, description="First wait before retrying DUO; doubles per attempt."
    )
    duo_retry_max_seconds: float = Field(
        3600.0, gt=0, description="Longest wait between two attempts to reach DUO."
    )
    duo_max_pogingen: int = Field(
        30,
        ge=1,
        le=1000,
        description="Attempts at processing a DUO notification or delivering a melding to DUO "
        "before it is parked for a person to look at (status geparkeerd, with the reason); with "
        "the default backoff about a day.",
    )
    recht_op_alleen_spreken_verplicht_vanaf: date = Field(
        date(2027, 3, 1),
        description="From this day on a new brede intake must state rechtOpAlleenSprekenMeegedeeld "
        "([Bi] art. 5.2); before it an absent value (older clients) is recorded as unknown.",
    )
    pip_termijn_nadert_dagen: int = Field(
        14, ge=1, le=60, description="Days before the PIP deadline that pip-termijn-nadert fires."
    )

    @field_validator("gemeente_oins")
    @classmethod
    def _pairs(cls, value: str) -> str:
        _parse_oins(value)
        return value

    @field_validator("duo_instellingen")
    @classmethod
    def _instellingen(cls, value: str) -> str:
        _parse_instellingen(value)
        return value

    @property
    def instelling_per_kvk(self) -> dict[str, str]:
        return _parse_instellingen(self.duo_instellingen)

    @property
    def bsn_keyring(self) -> Keyring:
        return build_keyring(self.bsn_key_id, self.bsn_key, self.bsn_previous_keys)

    @property
    def gezondheid_keyring(self) -> Keyring:
        return build_keyring(
            self.gezondheid_key_id, self.gezondheid_key, self.gezondheid_previous_keys
        )

    @property
    def oin_per_gemeente(self) -> dict[str, str]:
        return _parse_oins(self.gemeente_oins)

    @property
    def gemeente_per_oin(self) -> dict[str, str]:
        return {oin: code for code, oin in self.oin_per_gemeente.items()}

    def unsafe_for_production(self) -> list[str]:
        problems = super().unsafe_for_production()
        problems += keyring_problems("bsn_key", self.bsn_key, self.bsn_previous_keys, DEV_BSN_KEY)
        problems += keyring_problems(
            "gezondheid_key", self.gezondheid_key, self.gezondheid_previous_keys, DEV_GEZONDHEID_KEY
        )
        if set(self.bsn_keyring.secrets()) & set(self.gezondheid_keyring.secrets()):
            problems.append("gezondheid_key must differ from bsn_key (current and previous)")
        if not self.duo_mtls:
            problems.append("duo_mtls must be on: DUO proves itself with a PKIoverheid certificate")
        if self.duo_oin == DEV_DUO_OIN or self.gemeente_oins == DEV_GEMEENTE_OINS:
            problems.append("duo_oin and gemeente_oins must be the real OINs")
        # Only a fallback now: empty is fine, the fictitious development numbers are not.
        if self.duo_instellingen == DEV_DUO_INSTELLINGEN:
            problems.append(
                "duo_instellingen must be empty or name real DUO instellingsnummers, not the "
                "development ones"
            )
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


def _parse_instellingen(value: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        kvk, _, nummer = (p.strip() for p in item.partition("="))
        if not (len(kvk) == 8 and kvk.isdigit()):
            raise ValueError(f"{kvk!r} is geen KvK-nummer van 8 cijfers")
        if not (len(nummer) == 10 and nummer.isalnum()):
            raise ValueError(f"het instellingsnummer van {kvk} is geen 10 tekens")
        pairs[kvk] = nummer
    return pairs
