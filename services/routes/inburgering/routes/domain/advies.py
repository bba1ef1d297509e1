"""The leerroute advice: versioned rules over the facts of the brede intake, with their explanation.

The advice is input for the case manager, never the decision itself; the explanation names every
fact used and the rule that fired, so a case manager or an objection committee can retrace it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inburgering.shared.events.vocabulary import (
    Ambitie,
    LeerbaarheidstoetsUitslag,
    Leerroute,
    Opleidingsniveau,
)

R_B1_HAALBAAR = "R-B1-HAALBAAR"
R_ONDERWIJSROUTE = "R-ONDERWIJSROUTE"
R_B1_NIET_HAALBAAR = "R-B1-NIET-HAALBAAR"
R_GEEN_LEERBAARHEIDSTOETS = "R-GEEN-LEERBAARHEIDSTOETS"

ONDERWIJS_AMBITIES = frozenset({Ambitie.MBO, Ambitie.HBO, Ambitie.WO})
ONDERWIJS_NIVEAUS = frozenset(
    {Opleidingsniveau.VOORTGEZET, Opleidingsniveau.MBO, Opleidingsniveau.HBO, Opleidingsniveau.WO}
)

_TOETS = {
    LeerbaarheidstoetsUitslag.B1_HAALBAAR: "B1 haalbaar",
    LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR: "B1 niet haalbaar",
    LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING: "niet afgenomen wegens een beperking",
}
_NIVEAU = {
    Opleidingsniveau.GEEN: "geen opleiding",
    Opleidingsniveau.PRIMAIR: "primair onderwijs",
    Opleidingsniveau.VOORTGEZET: "voortgezet onderwijs",
    Opleidingsniveau.MBO: "mbo",
    Opleidingsniveau.HBO: "hbo",
    Opleidingsniveau.WO: "wo",
}
_AMBITIE = {
    Ambitie.WERK: "werk",
    Ambitie.PARTICIPATIE: "participatie",
    Ambitie.MBO: "een mbo-opleiding",
    Ambitie.HBO: "een hbo-opleiding",
    Ambitie.WO: "een wo-opleiding",
}
_ROUTE = {
    Leerroute.B1_ROUTE: "de B1-route",
    Leerroute.ONDERWIJSROUTE: "de onderwijsroute",
    Leerroute.Z_ROUTE: "de Z-route",
}


def leerroute_naam(leerroute: Leerroute) -> str:
    return _ROUTE[leerroute]


@dataclass(frozen=True)
class Intakefeiten:
    """What the brede intake established that the rules may use."""

    leerbaarheidstoets: LeerbaarheidstoetsUitslag
    opleidingsniveau: Opleidingsniveau
    ambitie: Ambitie
    leeftijd: int


@dataclass(frozen=True)
class Beleid:
    """Municipal policy the rules apply; the law itself sets no age limit for the onderwijsroute."""

    onderwijsroute_max_leeftijd: int


@dataclass(frozen=True)
class Advies:
    leerroute: Leerroute | None
    regel: str
    regelset_versie: str
    uitleg: tuple[str, ...]


@dataclass(frozen=True)
class Regelset:
    versie: str
    ingangsdatum: date

    def adviseer(self, feiten: Intakefeiten, beleid: Beleid) -> Advies:
        toets = feiten.leerbaarheidstoets
        gebruikt = [f"Uitslag van de leerbaarheidstoets: {_TOETS[toets]}."]
        if toets is LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING:
            return self._advies(
                None,
                R_GEEN_LEERBAARHEIDSTOETS,
                gebruikt,
                "De leerbaarheidstoets is niet afgenomen wegens een beperking; daarom geeft het "
                "systeem geen advies en bepaalt de klantregisseur de leerroute.",
            )
        if toets is LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR:
            return self._advies(
                Leerroute.Z_ROUTE,
                R_B1_NIET_HAALBAAR,
                gebruikt,
                "Volgens de leerbaarheidstoets is B1 binnen de inburgeringstermijn niet haalbaar; "
                "daarom wordt de Z-route geadviseerd.",
            )
        gebruikt += [
            f"Ambitie: {_AMBITIE[feiten.ambitie]}.",
            f"Opleidingsniveau: {_NIVEAU[feiten.opleidingsniveau]}.",
            f"Leeftijd bij afronding van de brede intake: {feiten.leeftijd} jaar.",
        ]
        bezwaren = _waarom_geen_onderwijsroute(feiten, beleid)
        if not bezwaren:
            return self._advies(
                Leerroute.ONDERWIJSROUTE,
                R_ONDERWIJSROUTE,
                gebruikt,
                "B1 is haalbaar, de ambitie is een vervolgopleiding, het opleidingsniveau is "
                "voortgezet onderwijs of hoger en de leeftijd ligt onder de beleidsgrens van "
                f"{beleid.onderwijsroute_max_leeftijd} jaar; daarom wordt de onderwijsroute "
                "geadviseerd.",
            )
        return self._advies(
            Leerroute.B1_ROUTE,
            R_B1_HAALBAAR,
            gebruikt,
            "B1 is haalbaar, maar de onderwijsroute past niet: " + "; ".join(bezwaren) + ". "
            "Daarom wordt de B1-route geadviseerd.",
        )

    def _advies(
        self, leerroute: Leerroute | None, regel: str, gebruikt: list[str], conclusie: str
    ) -> Advies:
        regelzin = f"Toegepaste regel: {regel} (regelset {self.versie}). {conclusie}"
        return Advies(leerroute, regel, self.versie, (*gebruikt, regelzin))


def _waarom_geen_onderwijsroute(feiten: Intakefeiten, beleid: Beleid) -> list[str]:
    bezwaren = []
    if feiten.ambitie not in ONDERWIJS_AMBITIES:
        bezwaren.append("de ambitie is geen mbo-, hbo- of wo-opleiding")
    if feiten.opleidingsniveau not in ONDERWIJS_NIVEAUS:
        bezwaren.append("het opleidingsniveau is lager dan voortgezet onderwijs")
    if feiten.leeftijd >= beleid.onderwijsroute_max_leeftijd:
        bezwaren.append(
            f"de leeftijd is niet lager dan de beleidsgrens van "
            f"{beleid.onderwijsroute_max_leeftijd} jaar"
        )
    return bezwaren


HUIDIGE_REGELSET = Regelset(versie="2026.1", ingangsdatum=date(2026, 1, 1))


def adviseer(feiten: Intakefeiten, beleid: Beleid, regelset: Regelset = HUIDIGE_REGELSET) -> Advies:
    return regelset.adviseer(feiten, beleid)
