"""The DUO simulator serves DUO's contract from seeded persons, applies DUO's rules to what it
receives, and notifies the gemeente in the shape of DUO's Notificatie API."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import date
from urllib.parse import unquote

import httpx
import pytest

from inburgering.duosim import spec
from inburgering.duosim.app import Duo, create_app
from inburgering.duosim.entrypoints import DEV_DUO_OIN, DEV_GEMEENTE_OINS, gemeente_oins
from inburgering.duosim.notifier import Notifier
from inburgering.duosim.personen import plichtig, seed

EINDHOVEN = "00000001001000772000"
TILBURG = "00000001001000855000"
BSN = "999900006"
LOOKUPS = [
    ("Inburgeringsplicht", "/personen/{bsn}/inburgeringsplicht"),
    ("Inburgeringsplicht", "/personen/{bsn}/doelgroep"),
    ("Leerbaarheidstoets", "/personen/{bsn}/lbt/resultaten"),
    ("Inburgeringstermijn", "/personen/{bsn}/inburgeringstermijn"),
    ("Examen", "/personen/{bsn}/examens/resultaten"),
    ("Vrijstelling", "/personen/{bsn}/vrijstellingen"),
    ("Ontheffing", "/personen/{bsn}/ontheffingen"),
    ("PIP", "/personen/{bsn}/PIP"),
]


def headers(bron: str = EINDHOVEN, **extra: str) -> dict[str, str]:
    return {"bron": bron, "doel": DEV_DUO_OIN, "berichtId": str(uuid.uuid4()), **extra}


@pytest.fixture
def duo() -> Duo:
    return Duo(oin=DEV_DUO_OIN, gemeente_oins=gemeente_oins(DEV_GEMEENTE_OINS))


@pytest.fixture
async def client(duo: Duo) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(duo))
    async with httpx.AsyncClient(transport=transport, base_url="http://duo/v1/") as client:
        yield client


def needs_spec() -> None:
    if not spec.beschikbaar():
        pytest.skip(f"DUO's spec files are not at {spec.REFERENCE}")


def test_seeded_persons_use_test_bsns_that_pass_the_elfproef() -> None:
    from inburgering.duosim.regels import bsn_fout

    for bsn in seed():
        assert bsn.startswith("9999") and bsn_fout(bsn) is None


@pytest.mark.parametrize(("api", "template"), LOOKUPS)
async def test_every_lookup_answers_in_duos_shape(
    client: httpx.AsyncClient, duo: Duo, api: str, template: str
) -> None:
    needs_spec()
    duo.personen[BSN] = plichtig(
        BSN,
        termijn={"startdatum": "2026-11-03", "einddatum": "2029-11-03"},
        pip={"gemeentecode": "0772", "pip": {"dagtekeningPip": "2026-11-02", "leerroute": "B"}},
        examens=[{"examendatum": "2026-10-15", "resultaat": "Geslaagd", "onderdeel": "KNM"}],
        lbt_resultaten=[{"resultaat": "B1-route haalbaar", "behaaldeScore": "29,00",
                         "benodigdeScore": "28,00", "datumAfname": "2026-10-01"}],
    )  # fmt: skip
    path = template.format(bsn=BSN)
    sent = headers()
    response = await client.get(path.lstrip("/"), headers=sent)

    assert response.status_code == 200
    assert spec.verzoek_fouten(api, "GET", path, sent) == []
    assert (
        spec.antwoord_fouten(api, "GET", path, 200, dict(response.headers), response.json()) == []
    )


@pytest.mark.parametrize(
    ("bsn", "sent", "status"),
    [
        (BSN, {"bron": EINDHOVEN, "berichtId": str(uuid.uuid4())}, 400),
        (BSN, headers(berichtId="123"), 400),
        ("999900007", headers(), 400),
        ("999900018", headers(), 404),
        (BSN, headers(bron=TILBURG), 403),
        (BSN, headers(bron="00000001001000999000"), 403),
    ],
)
async def test_duos_validation_of_requests(
    client: httpx.AsyncClient, duo: Duo, bsn: str, sent: dict[str, str], status: int
) -> None:
    duo.personen = {BSN: plichtig(BSN)}
    response = await client.get(f"personen/{bsn}/inburgeringsplicht", headers=sent)
    assert response.status_code == status
    assert set(response.json()) == {"fouttekst"}
    assert duo.ontvangen[-1].status == status


async def test_a_pip_breaking_duos_rules_is_refused_with_every_foutmelding(
    client: httpx.AsyncClient, duo: Duo
) -> None:
    duo.personen[BSN] = plichtig(BSN, asiel=False, vestiging=date(2026, 11, 10))
    body = {
        "dagtekeningPip": "2026-11-02",
        "leerroute": "B",
        "niveau": "A2",
        "geschatteIntensiteitB1Route": 500,
    }
    response = await client.post(f"personen/{BSN}/PIP", json=body, headers=headers())

    assert response.status_code == 403
    teksten = [f["fouttekst"] for f in response.json()]
    assert len(teksten) == 3
    assert any("vestiging" in t for t in teksten)
    assert any("A2" in t for t in teksten)
    assert any("intensiteit" in t for t in teksten)
    assert duo.personen[BSN].pip is None
    if spec.beschikbaar():
        assert (
            spec.antwoord_fouten(
                "PIP", "POST", f"/personen/{BSN}/PIP", 403, dict(response.headers), response.json()
            )
            == []
        )


async def test_a_malformed_pip_is_a_400(client: httpx.AsyncClient, duo: Duo) -> None:
    duo.personen[BSN] = plichtig(BSN)
    response = await client.post(f"personen/{BSN}/PIP", json={"leerroute": "X"}, headers=headers())
    assert response.status_code == 400
    assert "dagtekeningPip" in response.json()["fouttekst"]


async def test_the_first_pip_is_registered_with_niveau_b1_and_starts_the_termijn(
    client: httpx.AsyncClient, duo: Duo
) -> None:
    duo.personen[BSN] = plichtig(BSN)
    sent = headers()
    body = {"dagtekeningPip": "2028-02-28", "leerroute": "O"}
    response = await client.post(f"personen/{BSN}/PIP", json=body, headers=sent)

    assert response.status_code == 201
    if spec.beschikbaar():
        assert spec.verzoek_fouten("PIP", "POST", f"/personen/{BSN}/PIP", sent, body) == []
        assert (
            spec.antwoord_fouten("PIP", "POST", f"/personen/{BSN}/PIP", 201, dict(response.headers))
            == []
        )
    persoon = duo.personen[BSN]
    assert persoon.pip == {"gemeentecode": "0772", "pip": {**body, "niveau": "B1"}}
    assert persoon.termijn == {"startdatum": "2028-02-29", "einddatum": "2031-02-28"}
    later = await client.post(
        f"personen/{BSN}/PIP",
        json={"dagtekeningPip": "2028-02-27", "leerroute": "B"},
        headers=headers(),
    )
    assert later.status_code == 403


async def test_during_maintenance_duo_answers_503(client: httpx.AsyncClient, duo: Duo) -> None:
    duo.personen[BSN] = plichtig(BSN)
    duo.storing = True
    response = await client.get(f"personen/{BSN}/doelgroep", headers=headers())
    assert response.status_code == 503


async def test_the_simulator_notifies_the_intake_service_per_duos_notificatie_spec(
    duo: Duo,
) -> None:
    received: list[httpx.Request] = []

    def intake(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(201)

    notifier = Notifier(
        httpx.AsyncClient(transport=httpx.MockTransport(intake), base_url="http://intake/v1/"),
        duo_oin=DEV_DUO_OIN,
        token="t",
    )
    app = create_app(duo, notifier)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://duo"
    ) as c:
        response = await c.post(
            "/simulator/notificaties", json={"gebeurtenisId": "SS101", "bsn": BSN}
        )

    assert response.json()["status"] == 201
    [request] = received
    assert (request.method, request.url.path) == ("POST", "/v1/notificaties")
    assert request.headers["doel"] == EINDHOVEN
    assert request.headers["authorization"] == "Bearer t"
    body = json.loads(request.content)
    assert (body["gebeurtenisId"], body["bsn"]) == ("SS101", BSN)
    if spec.beschikbaar():
        assert (
            spec.verzoek_fouten("Notificatie", "POST", "/notificaties", dict(request.headers), body)
            == []
        )


async def test_in_certificate_mode_the_simulator_sends_its_certificate_and_no_token() -> None:
    """As real DUO: mTLS with its PKIoverheid certificate, passed on by the gemeente's ingress."""
    received: list[httpx.Request] = []

    def intake(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(201)

    pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    notifier = Notifier(
        httpx.AsyncClient(transport=httpx.MockTransport(intake), base_url="http://intake/v1/"),
        duo_oin=DEV_DUO_OIN,
        token="t",
        certificaat=pem,
    )

    await notifier.stuur("SS101", bsn=BSN, doel=EINDHOVEN)

    [request] = received
    assert "authorization" not in request.headers
    assert request.headers["ssl-client-verify"] == "SUCCESS"
    assert unquote(request.headers["ssl-client-cert"]) == pem


def test_gemeente_oins_use_the_intake_services_format() -> None:
    assert gemeente_oins("GM0772=00000001001000772000, GM0794=00000001001000794000") == {
        "00000001001000772000": "0772",
        "00000001001000794000": "0794",
    }
