from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy.engine import RowMapping

from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.events import ALL_EVENTS
from inburgering.shared.events.subscriptions import TOPIC as OWN_TOPIC
from inburgering.shared.http.problems import InvalidParam, problem_responses
from inburgering.shared.http.schemas import UowDep
from inburgering.subscriptions import handlers
from inburgering.subscriptions.adapters.access_tokens import AccessTokens, TokenNotObtained
from inburgering.subscriptions.adapters.egress import BestemmingGeweigerd
from inburgering.subscriptions.adapters.webhook import WebhookClient
from inburgering.subscriptions.api.schemas import (
    AbonnementCreate,
    AbonnementCreated,
    AbonnementRead,
    AfleveringRead,
    PrivateKeyJwtCredential,
    ReplayCreate,
    ReplayRead,
    SinkCredential,
)
from inburgering.subscriptions.api.tenant import gemeente_van
from inburgering.subscriptions.domain.credentials import (
    ClientCredentials,
    Credential,
    PrivateKeyJwt,
    StaticAuthorization,
)
from inburgering.subscriptions.domain.errors import (
    BestemmingNietToegestaan,
    CallbackNietBevestigd,
    GeenToegangstoken,
    OnbekendType,
)
from inburgering.subscriptions.domain.model import (
    AfleveringStatus,
    Formaat,
    authorization,
    new_secret,
    proefnotificatie,
    signature,
)
from inburgering.subscriptions.settings import SubscriptionsSettings

router = APIRouter(prefix="/abonnementen", tags=["Abonnementen"])


def _read(row: RowMapping) -> AbonnementRead:
    return AbonnementRead(
        id=row["id"],
        gemeentecode=row["gemeentecode"],
        callback_url=row["callback_url"],
        types=row["types"],
        formaat=row["formaat"],
        informatie=row["informatie"],
        status=row["status"],
        beeindigd_reden=row["beeindigd_reden"],
        opeenvolgende_mislukkingen=row["opeenvolgende_mislukkingen"],
        laatst_afgeleverd_op=row["laatst_afgeleverd_at"],
        aangemaakt_op=row["aangemaakt_at"],
    )


def _known_types() -> set[str]:
    return {e.event_type() for e in ALL_EVENTS if e.topic != OWN_TOPIC}


def _credential(auth: str | None, sink: SinkCredential | None) -> Credential:
    if sink is None:
        assert auth is not None  # the schema requires one of the two
        return StaticAuthorization(authorization(auth))
    if isinstance(sink, PrivateKeyJwtCredential):
        return PrivateKeyJwt(
            token_url=str(sink.token_url), client_id=sink.client_id, scope=sink.scope
        )
    return ClientCredentials(
        token_url=str(sink.token_url),
        client_id=sink.client_id,
        client_secret=sink.client_secret,
        scope=sink.scope,
    )


async def _authorization(tokens: AccessTokens, credential: Credential) -> str:
    """Fetching the token now also proves the client credentials before we store them."""
    if isinstance(credential, StaticAuthorization):
        return credential.authorization
    try:
        return await tokens.authorization(credential)
    except TokenNotObtained as exc:
        raise GeenToegangstoken(f"De tokenUrl gaf geen toegangstoken: {exc}.") from exc


async def _toegestaan(webhooks: WebhookClient, url: str, field: str) -> None:
    """Refused before anything is sent; the reason never says what the target would answer."""
    try:
        await webhooks.egress.check(url)
    except BestemmingGeweigerd as exc:
        reason = str(exc)
        raise BestemmingNietToegestaan(
            f"{field.removeprefix('body.')}: {reason}",
            [InvalidParam(name=field, code=BestemmingNietToegestaan.code, reason=reason)],
        ) from exc


async def _bevestig_callback(
    webhooks: WebhookClient, settings: SubscriptionsSettings, url: str, formaat: Formaat, auth: str
) -> None:
    """CloudEvents receivers confirm with the OPTIONS handshake; Notificaties API receivers,
    which do not know it, with a 2xx to a test notification (as Open Notificaties does)."""
    if formaat is Formaat.CLOUDEVENTS:
        ok = await webhooks.handshake(url, origin=settings.webhook_origin, authorization=auth)
    else:
        message = proefnotificatie(base_url=settings.resource_base_url, now=datetime.now(UTC))
        body = json.dumps(message).encode()
        timestamp = int(time.time())
        answer = await webhooks.post(
            url,
            body=body,
            headers={
                "Content-Type": "application/json",
                "Authorization": auth,
                "webhook-id": "test",
                "webhook-timestamp": str(timestamp),
                # Signed with a throw-away key: the receiver does not know its key yet.
                "webhook-signature": signature(new_secret(), "test", timestamp, body),
            },
        )
        ok = answer.geslaagd
    if not ok:
        raise CallbackNietBevestigd(
            "De callback URL bevestigde de registratie niet (OPTIONS-handshake met "
            "WebHook-Allowed-Origin, of 2xx op een proefnotificatie)."
        )


@router.post(
    "",
    status_code=201,
    response_model=AbonnementCreated,
    responses=problem_responses(400, 401, 403),
)
async def registreer(
    body: AbonnementCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    request: Request,
    response: Response,
) -> AbonnementCreated:
    """Abonneer een eigen systeem op de gebeurtenissen van een eigen gemeente."""
    gemeentecode = gemeente_van(principal, body.gemeentecode)
    unknown = set(body.types) - _known_types()
    if unknown:
        raise OnbekendType(f"Onbekende types: {', '.join(sorted(unknown))}.")
    settings: SubscriptionsSettings = request.app.state.settings
    url = str(body.callback_url)
    webhooks: WebhookClient = request.app.state.webhooks
    await _toegestaan(webhooks, url, "body.callbackUrl")
    sink = body.sink_credential
    if sink is not None:
        await _toegestaan(webhooks, str(sink.token_url), "body.sinkCredential.tokenUrl")
    if isinstance(sink, PrivateKeyJwtCredential) and request.app.state.assertions is None:
        raise GeenToegangstoken(
            "Dit platform heeft geen sleutel voor private_key_jwt; gebruik een client secret."
        )
    credential = _credential(body.auth, sink)
    auth = await _authorization(request.app.state.tokens, credential)
    await _bevestig_callback(webhooks, settings, url, body.formaat, auth)
    command = handlers.RegistreerAbonnement(
        gemeentecode=gemeentecode,
        callback_url=url,
        credential=credential,
        types=body.types,
        formaat=body.formaat,
        informatie=body.informatie,
    )
    async with uow:
        row, secret = await handlers.registreer_abonnement(
            uow, command, request.app.state.credentials
        )
    response.headers["Location"] = f"/v1/abonnementen/{row['id']}"
    return AbonnementCreated(**_read(row).model_dump(), hmac_sleutel=secret)


@router.get("", response_model=list[AbonnementRead], responses=problem_responses(400, 401, 403))
async def lijst(principal: CurrentPrincipal, uow: UowDep) -> list[AbonnementRead]:
    """De abonnementen van de gemeenten waarvoor de client handelt."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await handlers.lijst_abonnementen(uow, principal.gemeentecodes)
    return [_read(row) for row in rows]


@router.get(
    "/{abonnement_id}",
    response_model=AbonnementRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef(abonnement_id: UUID, principal: CurrentPrincipal, uow: UowDep) -> AbonnementRead:
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await handlers.geef_abonnement(uow, abonnement_id, principal.gemeentecodes)
    return _read(row)


@router.delete("/{abonnement_id}", status_code=204, responses=problem_responses(400, 401, 403, 404))
async def zeg_op(abonnement_id: UUID, principal: CurrentPrincipal, uow: UowDep) -> Response:
    """Beëindig het abonnement; wachtende afleveringen vervallen."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        await handlers.zeg_op(uow, abonnement_id, principal.gemeentecodes)
    return Response(status_code=204)


def _aflevering(row: RowMapping) -> AfleveringRead:
    waiting = row["status"] == AfleveringStatus.WACHTEND
    return AfleveringRead(
        id=row["id"],
        abonnement_id=row["abonnement_id"],
        gebeurtenis_id=row["event_id"],
        type=row["type"],
        volgnummer=row["volgnummer"],
        status=row["status"],
        pogingen=row["pogingen"],
        volgende_poging_op=row["volgende_poging_at"] if waiting else None,
        laatste_status=row["laatste_status"],
        laatste_fout=row["laatste_fout"],
        afgeleverd_op=row["afgeleverd_at"],
        aangemaakt_op=row["aangemaakt_at"],
    )


@router.get(
    "/{abonnement_id}/afleveringen",
    response_model=list[AfleveringRead],
    responses=problem_responses(400, 401, 403, 404),
)
async def afleveringen(
    abonnement_id: UUID,
    principal: CurrentPrincipal,
    uow: UowDep,
    status: AfleveringStatus | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[AfleveringRead]:
    """Het afleverlog: per gebeurtenis de status, het aantal pogingen en de laatste fout."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await handlers.afleveringen(
            uow, abonnement_id, principal.gemeentecodes, status=status, limit=limit, offset=offset
        )
    return [_aflevering(row) for row in rows]


@router.post(
    "/{abonnement_id}/afleveringen/{aflevering_id}/opnieuw",
    response_model=AfleveringRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def verstuur_opnieuw(
    abonnement_id: UUID, aflevering_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> AfleveringRead:
    """Verstuur één aflevering opnieuw (ook een die al afgeleverd is)."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await handlers.verstuur_opnieuw(
            uow, abonnement_id, aflevering_id, principal.gemeentecodes
        )
    return _aflevering(row)


@router.post(
    "/{abonnement_id}/replay",
    status_code=202,
    response_model=ReplayRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def replay(
    abonnement_id: UUID, body: ReplayCreate, principal: CurrentPrincipal, uow: UowDep
) -> ReplayRead:
    """Verstuur alle gebeurtenissen vanaf een moment opnieuw, in volgorde per inburgeraar."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        count = await handlers.speel_opnieuw_af(
            uow, abonnement_id, body.vanaf, principal.gemeentecodes
        )
    return ReplayRead(ingepland=count)
