"""DUO's Inburgeringsaanbod API: the known Cursusinstellingen and the rules for registering an
aanbod (DUO README, 'Inburgeringsaanbod'), as DUO applies them."""

from __future__ import annotations

from datetime import date
from typing import Any

from inburgering.duosim.personen import Persoon

_ALFA = {"A", "AA", "NVT"}
_DATUMS = ("datumInburgeringsaanbod", "verwachteStartdatumOpleiding", "verwachteEinddatumOpleiding")


def instelling(
    nummer: str, naam: str, *, keurmerk: bool, tst: bool = False, **extra: Any
) -> dict[str, Any]:
    """DUO's `Instelling` schema."""
    return {
        "instellingsnummer": nummer,
        "naam": naam,
        "postcode": "5611AA",
        "huisnummer": 1,
        "plaatsnaam": "Eindhoven",
        "indicatieBowKeurmerk": keurmerk,
        "indicatieTstKeurmerk": tst,
        **extra,
    }


def seed_instellingen() -> dict[str, dict[str, Any]]:
    """The contracts service's demo providers (fictitious) as DUO would know them."""
    instellingen = [
        instelling("0000100001", "Taalpunt De Kempen B.V. (fictief)", keurmerk=True, bow="1001"),
        instelling("0000100002", "Peelland Inburgering B.V. (fictief)", keurmerk=True, bow="1002"),
        # Its keurmerk is suspended: DUO does not register an aanbod there.
        instelling("0000100003", "Lingua Dommel B.V. (fictief)", keurmerk=False),
        instelling("0000100004", "Brabants Schakelcollege (fictief)", keurmerk=False, tst=True),
    ]
    return {i["instellingsnummer"]: i for i in instellingen}


def aanbod_schema_fouten(body: Any) -> list[str]:
    """The Inburgeringsaanbod schema of API/Inburgeringsaanbod/openapi.yml."""
    if not isinstance(body, dict):
        return ["De body is geen Inburgeringsaanbod-object."]
    fouten = []
    if body.get("indicatorAlfabetiseringsonderwijs") not in _ALFA:
        fouten.append("indicatorAlfabetiseringsonderwijs ontbreekt of is niet A, AA of NVT.")
    for veld in _DATUMS:
        if veld in body:
            try:
                date.fromisoformat(str(body[veld]))
            except ValueError:
                fouten.append(f"{veld} is geen datum.")
    return fouten


def aanbod_regel_fouten(
    persoon: Persoon, instelling: dict[str, Any] | None, body: dict[str, Any]
) -> list[str]:
    """README 'Inburgeringsaanbod': registered only when all of these hold."""
    fouten = []
    if persoon.doelgroep.get("indeling") != "Asielstatushouder":
        fouten.append("Het inburgeringsaanbod is alleen voor een asielmigrant.")
    if persoon.pip is None:
        fouten.append("De persoon heeft geen PIP.")
    onderwijsroute = bool(persoon.pip and persoon.pip["pip"].get("leerroute") == "O")
    erkend = instelling is not None and (
        instelling["indicatieBowKeurmerk"]
        or (onderwijsroute and instelling["indicatieTstKeurmerk"])
    )
    if not erkend:
        fouten.append(
            "De opleidingsinstelling is bij DUO niet bekend met een BoW-keurmerk "
            "(of als erkende taalschakelinstelling bij de onderwijsroute)."
        )
    if persoon.pip is not None:
        dagtekening = date.fromisoformat(persoon.pip["pip"]["dagtekeningPip"])
        if any(veld in body and date.fromisoformat(body[veld]) < dagtekening for veld in _DATUMS):
            fouten.append("De data van het aanbod liggen voor de dagtekening van de actuele PIP.")
    return fouten
