from __future__ import annotations

from typing import Annotated, Any, Literal, Self
from uuid import UUID

from pydantic import AfterValidator, AnyHttpUrl, ConfigDict, Field, model_validator

from inburgering.shared.events.vocabulary import Gemeentecode
from inburgering.shared.http.schemas import ApiInvoer, ApiModel, Tijdstip
from inburgering.subscriptions.domain.model import (
    AbonnementStatus,
    AfleveringStatus,
    Formaat,
    Informatie,
)


def _without_userinfo(url: AnyHttpUrl) -> AnyHttpUrl:
    # Userinfo would be stored and shown back with the URL; credentials belong in `auth`.
    if url.username is not None or url.password is not None:
        raise ValueError(
            "geen gebruikersnaam of wachtwoord in de URL; geef inloggegevens in `auth` of "
            "`sinkCredential`"
        )
    return url


ReceiverUrl = Annotated[AnyHttpUrl, AfterValidator(_without_userinfo)]


class ClientSecretCredential(ApiInvoer):
    """OAuth2 client credentials (NL GOV OAuth-profiel): wij halen een toegangstoken bij
    `tokenUrl` (client_secret_basic) en sturen dat als `Bearer` mee tot kort voor het verloopt."""

    type: Literal["OAUTH2_CLIENT_CREDENTIALS"]
    token_url: ReceiverUrl = Field(description="Token-endpoint van de ontvanger.")
    client_id: str = Field(min_length=1, max_length=200)
    client_secret: str = Field(min_length=1, max_length=1000, json_schema_extra={"writeOnly": True})
    scope: str | None = Field(None, max_length=1000)


class PrivateKeyJwtCredential(ApiInvoer):
    """OAuth2 client credentials met `private_key_jwt` (RFC 7523; de voorkeur van het NL GOV
    OAuth-profiel): het platform bewijst zich bij `tokenUrl` met een JWT die het met zijn eigen
    sleutel ondertekent. Registreer daarvoor bij uw autorisatieserver `clientId` met als
    jwks_uri `/v1/jwks.json` van deze API; er wordt geen geheim gedeeld."""

    type: Literal["OAUTH2_PRIVATE_KEY_JWT"]
    token_url: ReceiverUrl = Field(
        description="Token-endpoint van de ontvanger; ook de `aud` van de client assertion."
    )
    client_id: str = Field(
        min_length=1, max_length=200, description="Onze client-id bij uw autorisatieserver."
    )
    scope: str | None = Field(None, max_length=1000)


SinkCredential = Annotated[
    ClientSecretCredential | PrivateKeyJwtCredential, Field(discriminator="type")
]


class AbonnementCreate(ApiInvoer):
    callback_url: ReceiverUrl = Field(description="Waar de gebeurtenissen heen gaan (POST).")
    auth: str | None = Field(
        None,
        min_length=1,
        max_length=1000,
        # It becomes an HTTP header value: printable ASCII only.
        pattern=r"^[\x20-\x7E]+$",
        description=(
            "Waarde van de Authorization-header die wij meesturen, bv. `Bearer abc…` "
            "(zoals `auth` in de Notificaties API); een kaal token krijgt `Bearer ` ervoor. "
            "Geef `auth` of `sinkCredential`."
        ),
        json_schema_extra={"writeOnly": True},
    )
    sink_credential: SinkCredential | None = Field(
        None,
        description="In plaats van `auth`: OAuth2 client credentials naar de ontvanger, met een "
        "client secret of met `private_key_jwt`.",
    )
    gemeentecode: Gemeentecode | None = Field(
        None, description="Verplicht als de client voor meer dan één gemeente handelt."
    )
    types: list[str] = Field(
        default_factory=list,
        description="CloudEvents-types om te ontvangen; leeg betekent alle.",
        max_length=100,
    )
    formaat: Formaat = Field(
        Formaat.CLOUDEVENTS,
        description="`cloudevents` (NL GOV webhook) of `notificaties` (VNG Notificaties API).",
    )
    informatie: Informatie = Field(
        Informatie.VOLLEDIG,
        description="`volledig` stuurt `data` mee; `arm` alleen `dataref` naar de bron-API.",
    )

    @model_validator(mode="after")
    def _one_credential(self) -> Self:
        if (self.auth is None) == (self.sink_credential is None):
            raise ValueError("geef `auth` of `sinkCredential`, niet beide of geen van beide")
        return self


class AbonnementRead(ApiModel):
    id: UUID
    gemeentecode: str
    callback_url: str
    types: list[str]
    formaat: Formaat
    informatie: Informatie
    status: AbonnementStatus
    beeindigd_reden: str | None
    opeenvolgende_mislukkingen: int
    laatst_afgeleverd_op: Tijdstip | None
    aangemaakt_op: Tijdstip


class AbonnementCreated(AbonnementRead):
    hmac_sleutel: str = Field(
        description=(
            "Sleutel van de `webhook-signature`-header (Standard Webhooks, HMAC-SHA256 over "
            "`webhook-id.webhook-timestamp.body`). Alleen nu getoond."
        )
    )


class AfleveringRead(ApiModel):
    id: UUID
    abonnement_id: UUID
    gebeurtenis_id: str = Field(description="CloudEvents `id` van de gebeurtenis")
    type: str
    volgnummer: int
    status: AfleveringStatus
    pogingen: int
    volgende_poging_op: Tijdstip | None
    laatste_status: int | None = Field(description="HTTP-status van de laatste poging")
    laatste_fout: str | None
    afgeleverd_op: Tijdstip | None
    aangemaakt_op: Tijdstip


class ReplayCreate(ApiInvoer):
    vanaf: Tijdstip = Field(description="Alle gebeurtenissen vanaf dit moment opnieuw versturen.")


class ReplayRead(ApiModel):
    ingepland: int = Field(description="Aantal afleveringen dat opnieuw is ingepland")


class CloudEventRead(ApiModel):
    """Een CloudEvent (JSON, structured mode) met het volgnummer van de gemeente."""

    model_config = ConfigDict(alias_generator=None, extra="allow")

    specversion: str
    id: str
    source: str
    type: str
    time: str
    datacontenttype: str
    dataschema: str
    gemeentecode: str
    sequence: str = Field(description="Volgnummer binnen de gemeente; de cursor voor `na`.")
    sequencetype: str
    dataref: str
    traceparent: str | None = None
    data: dict[str, Any] | None = None
