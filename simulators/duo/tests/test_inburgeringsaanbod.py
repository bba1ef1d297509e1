"""The simulator registers an inburgeringsaanbod only under DUO's conditions (README,
'Inburgeringsaanbod') and answers in the shape of DUO's Inburgeringsaanbod spec."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from inburgering.duosim import spec
from inburgering.duosim.app import Duo, create_app
from inburgering.duosim.entrypoints import DEV_DUO_OIN, DEV_GEMEENTE_OINS, gemeente_oins
from inburgering.duosim.personen import Persoon, plichtig

EINDHOVEN = "00000001001000772000"
BSN = "999900006"
KEMPEN = "0000100001"  # BoW keurmerk
DOMMEL = "0000100003"  # keurmerk suspended
SCHAKELCOLLEGE = "0000100004"  # taalschakelinstelling only
AANBOD = {
    "datumInburgeringsaanbod": "2026-12-01",
    "verwachteStartdatumOpleiding": "2026-12-01",
    "indicatorAlfabetiseringsonderwijs": "NVT",
}


def headers() -> dict[str, str]:
    return {"bron": EINDHOVEN, "doel": DEV_DUO_OIN, "berichtId": str(uuid.uuid4())}


def met_pip(route: str = "B", dagtekening: str = "2026-11-02", **kwargs: Any) -> Persoon:
    return plichtig(
        BSN,
        pip={"gemeentecode": "0772", "pip": {"dagtekeningPip": dagtekening, "leerroute": route}},
        **kwargs,
    )


@pytest.fixture
def duo() -> Duo:
    return Duo(oin=DEV_DUO_OIN, gemeente_oins=gemeente_oins(DEV_GEMEENTE_OINS))


@pytest.fixture
async def client(duo: Duo) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(duo))
    async with httpx.AsyncClient(transport=transport, base_url="http://duo/v1/") as client:
        yield client


async def meld(
    client: httpx.AsyncClient, instelling: str, body: Any = AANBOD
) -> tuple[httpx.Response, dict[str, str]]:
    sent = headers()
    path = f"personen/{BSN}/Inburgeringsaanbod/{instelling}"
    return await client.post(path, json=body, headers=sent), sent


async def test_an_aanbod_at_a_recognised_institution_is_registered_per_duos_spec(
    client: httpx.AsyncClient, duo: Duo
) -> None:
    duo.personen[BSN] = met_pip()

    response, sent = await meld(client, KEMPEN)

    assert response.status_code == 201
    assert duo.personen[BSN].inburgeringsaanbod == {KEMPEN: AANBOD}
    if spec.beschikbaar():
        path = f"/personen/{BSN}/Inburgeringsaanbod/{KEMPEN}"
        assert spec.verzoek_fouten("Inburgeringsaanbod", "POST", path, sent, AANBOD) == []
        assert (
            spec.antwoord_fouten(
                "Inburgeringsaanbod", "POST", path, 201, dict(response.headers), None
            )
            == []
        )
    # A new aanbod at the same institution overwrites the previous one (README).
    nieuw = {**AANBOD, "indicatorAlfabetiseringsonderwijs": "AA"}
    assert (await meld(client, KEMPEN, nieuw))[0].status_code == 201
    assert duo.personen[BSN].inburgeringsaanbod == {KEMPEN: nieuw}


@pytest.mark.parametrize(
    ("persoon", "instelling", "body", "fout"),
    [
        (met_pip(asiel=False), KEMPEN, AANBOD, "asielmigrant"),
        (plichtig(BSN), KEMPEN, AANBOD, "geen PIP"),
        (met_pip(), DOMMEL, AANBOD, "BoW-keurmerk"),
        (met_pip(), "0000999999", AANBOD, "BoW-keurmerk"),
        (met_pip("B"), SCHAKELCOLLEGE, AANBOD, "taalschakelinstelling"),
        (met_pip(dagtekening="2026-12-15"), KEMPEN, AANBOD, "dagtekening"),
    ],
)
async def test_duos_conditions_refuse_the_aanbod_with_a_foutmelding(
    client: httpx.AsyncClient,
    duo: Duo,
    persoon: Persoon,
    instelling: str,
    body: dict[str, Any],
    fout: str,
) -> None:
    duo.personen[BSN] = persoon

    response, _ = await meld(client, instelling, body)

    assert response.status_code == 403
    assert any(fout in f["fouttekst"] for f in response.json())
    assert duo.personen[BSN].inburgeringsaanbod == {}
    if spec.beschikbaar():
        path = f"/personen/{BSN}/Inburgeringsaanbod/{instelling}"
        assert (
            spec.antwoord_fouten(
                "Inburgeringsaanbod", "POST", path, 403, dict(response.headers), response.json()
            )
            == []
        )


async def test_a_taalschakelinstelling_is_accepted_for_the_onderwijsroute(
    client: httpx.AsyncClient, duo: Duo
) -> None:
    duo.personen[BSN] = met_pip("O")
    assert (await meld(client, SCHAKELCOLLEGE))[0].status_code == 201


@pytest.mark.parametrize(
    ("instelling", "body", "fout"),
    [
        (KEMPEN, {"datumInburgeringsaanbod": "2026-12-01"}, "indicatorAlfabetiseringsonderwijs"),
        (KEMPEN, {**AANBOD, "indicatorAlfabetiseringsonderwijs": "B"}, "A, AA of NVT"),
        (KEMPEN, {**AANBOD, "datumInburgeringsaanbod": "1-12-2026"}, "geen datum"),
        ("12345", AANBOD, "10 tekens"),
    ],
)
async def test_a_malformed_aanbod_is_a_400(
    client: httpx.AsyncClient, duo: Duo, instelling: str, body: dict[str, Any], fout: str
) -> None:
    duo.personen[BSN] = met_pip()
    response, _ = await meld(client, instelling, body)
    assert response.status_code == 400
    assert fout in response.json()["fouttekst"]


async def test_the_known_institutions_are_listed_in_duos_shape(
    client: httpx.AsyncClient, duo: Duo
) -> None:
    sent = headers()
    response = await client.get("instellingen", headers=sent)

    assert response.status_code == 200
    assert {i["instellingsnummer"] for i in response.json()} == set(duo.instellingen)
    if spec.beschikbaar():
        assert spec.verzoek_fouten("Inburgeringsaanbod", "GET", "/instellingen", sent) == []
        assert (
            spec.antwoord_fouten(
                "Inburgeringsaanbod",
                "GET",
                "/instellingen",
                200,
                dict(response.headers),
                response.json(),
            )
            == []
        )
