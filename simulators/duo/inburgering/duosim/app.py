"""The simulated DUO: its look-up APIs and the PIP and Inburgeringsaanbod meldingen under /v1
(DUO's base path), plus a /simulator control API to send notifications and inspect what was
received."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response

from inburgering.duosim.inburgeringsaanbod import (
    aanbod_regel_fouten,
    aanbod_schema_fouten,
    seed_instellingen,
)
from inburgering.duosim.notifier import Notifier
from inburgering.duosim.personen import Persoon, seed
from inburgering.duosim.regels import (
    bsn_fout,
    header_fouten,
    pip_regel_fouten,
    pip_schema_fouten,
    registreer_pip,
)

# The version of each of DUO's APIs this simulator serves (README, 'Gerealiseerde API's').
VERSIES = {
    "inburgeringsplicht": "1.2.2",
    "doelgroep": "1.2.2",
    "lbt": "1.2.0",
    "inburgeringstermijn": "1.0.0",
    "examens": "1.0.0",
    "vrijstellingen": "1.0.0",
    "ontheffingen": "1.0.0",
    "PIP": "1.2.0",
    "Inburgeringsaanbod": "1.2.0",
}


@dataclass
class Ontvangen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    status: int


@dataclass
class Duo:
    """The simulator's state: DUO's OIN, the gemeenten it knows and the persons."""

    oin: str
    gemeente_oins: dict[str, str]
    """OIN → CBS code without prefix ('0772')."""
    personen: dict[str, Persoon] = field(default_factory=seed)
    ontvangen: list[Ontvangen] = field(default_factory=list)
    instellingen: dict[str, dict[str, Any]] = field(default_factory=seed_instellingen)
    """The Cursusinstellingen DUO knows, by instellingsnummer (DUO's `Instelling` schema)."""
    storing: bool = False
    """While true every DUO API answers 503, as during maintenance."""


def create_app(duo: Duo, notifier: Notifier | None = None) -> FastAPI:
    app = FastAPI(title="DUO-simulator", docs_url="/docs", openapi_url="/openapi.json")
    app.state.duo = duo
    app.state.notifier = notifier
    app.include_router(_duo_router(duo), prefix="/v1")
    app.include_router(_simulator_router(duo))
    return app


def _fout(status: int, *teksten: str, lijst: bool = False, versie: str = "1.0.0") -> JSONResponse:
    meldingen = [{"fouttekst": t[:200]} for t in teksten]
    body: Any = meldingen if lijst else meldingen[0]
    return JSONResponse(body, status_code=status, headers={"API-Version": versie})


def _duo_router(duo: Duo) -> APIRouter:
    router = APIRouter()

    async def _ontvang(
        request: Request, bsn: str, api: str
    ) -> tuple[Persoon | None, Response | None]:
        """Validate as DUO does; returns the person, or DUO's error response."""
        versie = VERSIES[api]
        body: Any = None
        raw = await request.body()
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode(errors="replace")
        antwoord = None
        persoon = None
        fouten = header_fouten(request.headers, duo.oin)
        if duo.storing:
            antwoord = _fout(503, "Gepland onderhoud.", versie=versie)
        elif fouten:
            antwoord = _fout(400, " ".join(fouten), versie=versie)
        elif request.headers["bron"] not in duo.gemeente_oins:
            antwoord = _fout(403, "De bron is geen bekende gemeente.", versie=versie)
        elif fout := bsn_fout(bsn):
            antwoord = _fout(400, fout, versie=versie)
        elif (persoon := duo.personen.get(bsn)) is None:
            antwoord = _fout(404, "Persoon niet gevonden.", versie=versie)
        elif not _relevant(persoon, duo.gemeente_oins[request.headers["bron"]]):
            antwoord = _fout(403, "De persoon is niet relevant voor deze gemeente.", versie=versie)
            persoon = None
        duo.ontvangen.append(
            Ontvangen(
                request.method,
                request.url.path,
                {k: v for k, v in request.headers.items() if k in ("bron", "doel", "berichtid")},
                body,
                antwoord.status_code if antwoord else 200,
            )
        )
        return persoon, antwoord

    def _get(api: str, pad: str, geef: Callable[[Persoon], Any]) -> None:
        async def handler(bsn: str, request: Request) -> Response:
            persoon, antwoord = await _ontvang(request, bsn, api)
            if antwoord is not None:
                return antwoord
            assert persoon is not None
            data = geef(persoon)
            if data is None:
                return _fout(404, "Niet gevonden.", versie=VERSIES[api])
            return JSONResponse(data, headers={"API-Version": VERSIES[api]})

        router.add_api_route(pad, handler, methods=["GET"], name=f"get_{api}_{pad}")

    _get("inburgeringsplicht", "/personen/{bsn}/inburgeringsplicht", lambda p: p.inburgeringsplicht)
    _get("doelgroep", "/personen/{bsn}/doelgroep", lambda p: p.doelgroep)
    _get("lbt", "/personen/{bsn}/lbt/resultaten", lambda p: p.lbt_resultaten)
    _get("inburgeringstermijn", "/personen/{bsn}/inburgeringstermijn", lambda p: p.termijn)
    _get("examens", "/personen/{bsn}/examens/resultaten", lambda p: p.examens)
    _get("vrijstellingen", "/personen/{bsn}/vrijstellingen", lambda p: p.vrijstellingen)
    _get("ontheffingen", "/personen/{bsn}/ontheffingen", lambda p: p.ontheffingen)
    _get("PIP", "/personen/{bsn}/PIP", lambda p: p.pip)

    @router.post("/personen/{bsn}/PIP")
    async def meld_pip(bsn: str, request: Request) -> Response:
        persoon, antwoord = await _ontvang(request, bsn, "PIP")
        if antwoord is not None:
            return antwoord
        assert persoon is not None
        body = duo.ontvangen[-1].body
        if fouten := pip_schema_fouten(body):
            duo.ontvangen[-1].status = 400
            return _fout(400, " ".join(fouten), versie=VERSIES["PIP"])
        if fouten := pip_regel_fouten(persoon, body):
            duo.ontvangen[-1].status = 403
            return _fout(403, *fouten, lijst=True, versie=VERSIES["PIP"])
        registreer_pip(persoon, duo.gemeente_oins[request.headers["bron"]], body)
        duo.ontvangen[-1].status = 201
        return Response(status_code=201, headers={"API-Version": VERSIES["PIP"]})

    @router.post("/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}")
    async def meld_aanbod(bsn: str, instellingsnummer: str, request: Request) -> Response:
        versie = VERSIES["Inburgeringsaanbod"]
        persoon, antwoord = await _ontvang(request, bsn, "Inburgeringsaanbod")
        if antwoord is not None:
            return antwoord
        assert persoon is not None
        body = duo.ontvangen[-1].body
        fouten = aanbod_schema_fouten(body)
        if len(instellingsnummer) != 10:
            fouten.insert(0, "Het instellingsnummer is geen 10 tekens.")
        if fouten:
            duo.ontvangen[-1].status = 400
            return _fout(400, " ".join(fouten), versie=versie)
        instelling = duo.instellingen.get(instellingsnummer)
        if fouten := aanbod_regel_fouten(persoon, instelling, body):
            duo.ontvangen[-1].status = 403
            return _fout(403, *fouten, lijst=True, versie=versie)
        persoon.inburgeringsaanbod[instellingsnummer] = dict(body)
        duo.ontvangen[-1].status = 201
        return Response(status_code=201, headers={"API-Version": versie})

    @router.get("/instellingen")
    async def instellingen(request: Request) -> Response:
        versie = VERSIES["Inburgeringsaanbod"]
        if duo.storing:
            return _fout(503, "Gepland onderhoud.", versie=versie)
        if fouten := header_fouten(request.headers, duo.oin):
            return _fout(400, " ".join(fouten), versie=versie)
        return JSONResponse(list(duo.instellingen.values()), headers={"API-Version": versie})

    return router


def _relevant(persoon: Persoon, gemeentecode: str) -> bool:
    """README 'Scope': the person belongs to the gemeente, or its current PIP is theirs."""
    return persoon.gemeentecode == gemeentecode or bool(
        persoon.pip and persoon.pip["gemeentecode"] == gemeentecode
    )


def _simulator_router(duo: Duo) -> APIRouter:
    router = APIRouter(prefix="/simulator", tags=["Simulator"])

    @router.post("/notificaties")
    async def stuur_notificatie(request: Request) -> JSONResponse:
        """Send DUO's notification to the intake service: {"gebeurtenisId": .., "bsn": ..}."""
        notifier: Notifier | None = request.app.state.notifier
        if notifier is None:
            return JSONResponse({"fout": "geen intake-service ingesteld"}, status_code=409)
        opdracht = await request.json()
        persoon = duo.personen.get(opdracht.get("bsn", ""))
        if persoon is None:
            return JSONResponse({"fout": "onbekende persoon"}, status_code=404)
        oin = next(o for o, code in duo.gemeente_oins.items() if code == persoon.gemeentecode)
        try:
            bericht_id, response = await notifier.stuur(
                opdracht["gebeurtenisId"], bsn=persoon.bsn, doel=oin
            )
        except httpx.HTTPError as exc:
            return JSONResponse({"fout": f"intake niet bereikbaar: {exc!r}"}, status_code=502)
        return JSONResponse(
            {
                "berichtId": str(bericht_id),
                "status": response.status_code,
                "antwoord": response.text,
            }
        )

    @router.get("/ontvangen")
    async def ontvangen() -> list[dict[str, Any]]:
        return [vars(o) for o in duo.ontvangen]

    @router.post("/storing")
    async def storing(request: Request) -> dict[str, bool]:
        duo.storing = bool((await request.json()).get("aan"))
        return {"storing": duo.storing}

    return router
