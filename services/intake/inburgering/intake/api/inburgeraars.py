from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy.engine import RowMapping

from inburgering.intake import handlers
from inburgering.intake.api.bevoegdheid import GezondheidBevoegd, verwerker
from inburgering.intake.api.schemas import (
    BredeIntakeCreate,
    BredeIntakeRead,
    DuoGebeurtenisRead,
    InburgeraarCreate,
    InburgeraarRead,
    VerhuizingRead,
    ZoekOpBsn,
)
from inburgering.intake.domain.brede_intake import Gezondheid, IntakeInhoud
from inburgering.intake.usecases.verhuizingen import verhuizingen_van
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep
from inburgering.shared.kalender import nederlandse_datum

router = APIRouter(prefix="/inburgeraars", tags=["Inburgeraars"])


def _read(row: RowMapping, verhuizingen: list[RowMapping] | None = None) -> InburgeraarRead:
    return InburgeraarRead(
        id=row["id"],
        gemeentecode=row["gemeentecode"],
        doelgroep=row["doelgroep"],
        geboortedatum=row["geboortedatum"],
        aangemeld_op=row["aangemeld_at"],
        status=row["status"],
        regime=row["regime"],
        bron=row["bron"],
        kennisgevingsdatum=row["kennisgeving_date"],
        vestigingsdatum=row["vestiging_date"],
        verhuisd=row["verhuisd"],
        vorige_gemeentecode=row["vorige_gemeentecode"],
        vergrendelde_leerroute=row["vergrendelde_leerroute"],
        termijn_startdatum=row["termijn_start_date"],
        termijn_einddatum=row["termijn_eind_date"],
        verhuizingen=[
            VerhuizingRead(
                van_gemeentecode=v["van_gemeentecode"],
                naar_gemeentecode=v["naar_gemeentecode"],
                gevestigd_op=v["gevestigd_date"],
                gebeurtenis_id=v["gebeurtenis_id"],
            )
            for v in verhuizingen or []
        ],
    )


@router.post(
    "",
    status_code=201,
    response_model=InburgeraarRead,
    responses=problem_responses(400, 401, 403, 409),
)
async def meld_inburgeraar_aan(
    body: InburgeraarCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    request: Request,
    response: Response,
) -> InburgeraarRead:
    """Meld een inburgeraar aan bij een gemeente waarvoor de client handelt."""
    principal.require_gemeente(body.gemeentecode)
    command = handlers.MeldInburgeraarAan(
        bsn=body.bsn,
        gemeentecode=body.gemeentecode,
        doelgroep=body.doelgroep,
        geboortedatum=body.geboortedatum,
        contactgegevens=body.contactgegevens.domein() if body.contactgegevens else None,
    )
    async with uow:
        row = await handlers.meld_inburgeraar_aan(
            uow, request.app.state.bsn_vault, command, request.app.state.contactgegevens_vault
        )
    response.headers["Location"] = f"/v1/inburgeraars/{row['id']}"
    return _read(row)


@router.get(
    "",
    response_model=list[InburgeraarRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_inburgeraars(
    principal: CurrentPrincipal,
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[InburgeraarRead]:
    """De inburgeraars van de gemeenten waarvoor de client handelt."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await handlers.lijst_inburgeraars(
            uow, principal.gemeentecodes, limit=limit, offset=offset
        )
        verhuizingen = await verhuizingen_van(uow, (row["id"] for row in rows))
    return [_read(row, verhuizingen.get(row["id"])) for row in rows]


@router.post(
    "/_zoek",
    response_model=list[InburgeraarRead],
    responses=problem_responses(400, 401, 403),
)
async def zoek_op_bsn(
    body: ZoekOpBsn, principal: CurrentPrincipal, uow: UowDep, request: Request
) -> list[InburgeraarRead]:
    """Zoek de eigen inburgeraars op BSN, bv. om na een verloren antwoord de aanmelding terug
    te vinden. Het BSN staat in de body, nooit in de URL; elke vondst komt in het
    Logboek Dataverwerkingen. Een aanmelding bij een andere gemeente wordt niet gevonden."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await handlers.zoek_op_bsn(
            uow, request.app.state.bsn_vault, body.bsn, principal.gemeentecodes
        )
        verhuizingen = await verhuizingen_van(uow, [row["id"] for row in rows])
    return [_read(row, verhuizingen.get(row["id"])) for row in rows]


@router.get(
    "/{inburgeraar_id}",
    response_model=InburgeraarRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_inburgeraar(
    inburgeraar_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> InburgeraarRead:
    """Eén inburgeraar; een inburgeraar van een andere gemeente bestaat voor deze client niet."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await handlers.geef_inburgeraar(uow, inburgeraar_id, principal.gemeentecodes)
        verhuizingen = await verhuizingen_van(uow, [inburgeraar_id])
    return _read(row, verhuizingen.get(inburgeraar_id))


@router.post(
    "/{inburgeraar_id}/brede-intake",
    status_code=201,
    response_model=BredeIntakeRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def rond_brede_intake_af(
    inburgeraar_id: UUID,
    body: BredeIntakeCreate,
    principal: CurrentPrincipal,
    bevoegd: GezondheidBevoegd,
    uow: UowDep,
    request: Request,
) -> BredeIntakeRead:
    """Leg de afgeronde brede intake vast; dit start het leerrouteadvies.

    Gezondheid mag alleen mee met een token met de claim `gezondheid: true` (anders 403)."""
    principal.require(Rol.GEMEENTE)
    g = body.gezondheid
    ctx = request.app.state.intake
    vanaf = ctx.settings.recht_op_alleen_spreken_verplicht_vanaf
    command = handlers.RondIntakeAf(
        inburgeraar_id=inburgeraar_id,
        leerbaarheidstoets=body.leerbaarheidstoets,
        opleidingsniveau=body.opleidingsniveau,
        ambitie=body.ambitie,
        afgerond_date=body.afgerond_datum,
        geboortedatum=body.geboortedatum,
        leerbaarheidstoets_score=body.leerbaarheidstoets_score,
        leerbaarheidstoets_date=body.leerbaarheidstoets_datum,
        beperking=body.leerbaarheidstoets_beperking,
        inhoud=IntakeInhoud(
            opleiding=body.opleiding,
            werkervaring_jaren=body.werkervaring_jaren,
            werkervaring=body.werkervaring,
            taalniveau=body.taalniveau,
            zelfredzaamheid=body.zelfredzaamheid,
            vve_aantal_kinderen=body.vve_aantal_kinderen,
            vve_mogelijkheden=body.vve_mogelijkheden,
            mogelijkheden_werk_en_participatie=body.mogelijkheden_werk_en_participatie,
            alfabetisering=body.alfabetisering,
        ),
        recht_op_alleen_spreken_meegedeeld=body.recht_op_alleen_spreken_meegedeeld,
        recht_op_alleen_spreken_verplicht=nederlandse_datum(ctx.clock()) >= vanaf,
        gezondheid=None
        if g is None
        else Gezondheid(
            lichamelijk=g.lichamelijk,
            psychisch=g.psychisch,
            gevolgen_voor_inburgering=g.gevolgen_voor_inburgering,
        ),
        gezondheid_bevoegd=bevoegd,
        door=verwerker(principal),
    )
    async with uow:
        row = await handlers.rond_intake_af(
            uow, command, principal.gemeentecodes, request.app.state.gezondheid_vault
        )
    return _intake(row)


@router.get(
    "/{inburgeraar_id}/brede-intake",
    response_model=BredeIntakeRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_brede_intake(
    inburgeraar_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> BredeIntakeRead:
    """De afgeronde brede intake, zonder gezondheid (zie `.../brede-intake/gezondheid`)."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await handlers.geef_brede_intake(uow, inburgeraar_id, principal.gemeentecodes)
    return _intake(row)


def _intake(row: RowMapping) -> BredeIntakeRead:
    return BredeIntakeRead(
        id=row["id"],
        inburgeraar_id=row["inburgeraar_id"],
        leerbaarheidstoets=row["leerbaarheidstoets"],
        leerbaarheidstoets_score=row["leerbaarheidstoets_score"],
        leerbaarheidstoets_datum=row["leerbaarheidstoets_date"],
        leerbaarheidstoets_cesuur=row["leerbaarheidstoets_cesuur"],
        leerbaarheidstoets_beperking=row["leerbaarheidstoets_beperking"],
        opleidingsniveau=row["opleidingsniveau"],
        ambitie=row["ambitie"],
        afgerond_datum=row["afgerond_date"],
        opleiding=row["opleiding"],
        werkervaring_jaren=row["werkervaring_jaren"],
        werkervaring=row["werkervaring"],
        taalniveau=row["taalniveau"],
        zelfredzaamheid=row["zelfredzaamheid"],
        vve_aantal_kinderen=row["vve_aantal_kinderen"],
        vve_mogelijkheden=row["vve_mogelijkheden"],
        mogelijkheden_werk_en_participatie=row["mogelijkheden_werk_en_participatie"],
        alfabetisering=row["alfabetisering"],
        recht_op_alleen_spreken_meegedeeld=row["recht_op_alleen_spreken_meegedeeld"],
    )


@router.get(
    "/{inburgeraar_id}/duo-gebeurtenissen",
    response_model=list[DuoGebeurtenisRead],
    responses=problem_responses(400, 401, 403, 404),
)
async def lijst_duo_gebeurtenissen(
    inburgeraar_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> list[DuoGebeurtenisRead]:
    """Wat DUO over deze inburgeraar meldde, ook DUO's besluiten op verzoeken (SS113-SS119)."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await handlers.duo_gebeurtenissen(uow, inburgeraar_id, principal.gemeentecodes)
    return [
        DuoGebeurtenisRead(
            bericht_id=row["bericht_id"],
            gebeurtenis_id=row["gebeurtenis_id"],
            omschrijving=row["omschrijving"],
            toelichting=row["toelichting"],
            geregistreerd_op=row["geregistreerd_at"],
            verwerkt_op=row["verwerkt_at"],
        )
        for row in rows
    ]
