"""The services' answers shaped for the procurement pages: no page computes anything itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Kwartaal:
    kwartaal: str
    vraag: float
    vrije_plaatsen: float
    tekort: int


@dataclass(frozen=True)
class Prognoseweergave:
    kwartalen: list[Kwartaal]
    eerste_tekort: dict[str, Any] | None
    peildatum: str
    leerroute: str

    def grafiek(self) -> dict[str, Any]:
        """What the chart script reads from the page (it never fetches anything)."""
        return {
            "kwartalen": [k.kwartaal for k in self.kwartalen],
            "vraag": [k.vraag for k in self.kwartalen],
            "vrijePlaatsen": [k.vrije_plaatsen for k in self.kwartalen],
            "tekort": [k.tekort for k in self.kwartalen],
        }


def prognose(antwoord: dict[str, Any]) -> Prognoseweergave:
    return Prognoseweergave(
        kwartalen=[
            Kwartaal(k["kwartaal"], k["vraag"], k["vrijePlaatsen"], k["tekort"])
            for k in antwoord["kwartalen"]
        ],
        eerste_tekort=antwoord.get("eersteTekort"),
        peildatum=antwoord["peildatum"],
        leerroute=antwoord["leerroute"],
    )


def geleid_door(verbanden: list[dict[str, Any]], gemeentecodes: tuple[str, ...]) -> list[dict]:
    """The verbanden the user's gemeente leads (a member sees others too, but does not buy)."""
    return sorted(
        (v for v in verbanden if v["leadGemeentecode"] in gemeentecodes), key=lambda v: v["naam"]
    )


def benutting(contract: dict[str, Any]) -> int | None:
    """Places taken as a whole percentage of capacity; none for a contract without places."""
    if not contract["capaciteit"]:
        return None
    return round(100 * contract["geplaatst"] / contract["capaciteit"])


def per_verband(contracten: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    groepen: dict[str, list[dict[str, Any]]] = {}
    for contract in contracten:
        regel = {**contract, "benutting": benutting(contract)}
        groepen.setdefault(contract["samenwerkingsverbandId"], []).append(regel)
    return groepen
