"""The leerroute advice: versioned rules over the facts of the brede intake, with their explanation.

The advice is input for the case manager, never the decision itself; the explanation names every
fact used and the rule that fired, so a case manager or an objection committee can retrace it.
"""

from __future__ import annotations

from dataclasses import dataclass

from inburgering.routes.domain.beleid import Beleid, herkomst
from inburgering.routes.domain.regelset import REGELSET_2026_1, Regelset
from inburgering.routes.domain.taal import Alfabetisering
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
_ALFABETISERING = {
    Alfabetisering.A: "alfabetisering nodig (A)",
    Alfabetisering.AA: "gealfabetiseerd in een ander schrift (AA)",
    Alfabetisering.NVT: "niet van toepassing (NVT)",
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
    # Empty when the intake did not record it: then it stays unknown, never guessed.
    alfabetisering: Alfabetisering | None = None


@dataclass(frozen=True)
class Advies:
    leerroute: Leerroute | None
    regel: str
    regelset_versie: str
    uitleg: tuple[str, ...]


def adviseer(feiten: Intakefeiten, beleid: Beleid, regelset: Regelset = REGELSET_2026_1) -> Advies:
    """[Wi] 7–9 and 14.3: the leerbaarheidstoets decides between the B1-route and the Z-route;
    within "B1 haalbaar" the onderwijsroute is advised when it fits ([Wi] 8.1)."""

    def advies(
        leerroute: Leerroute | None, regel: str, gebruikt: list[str], conclusie: str
    ) -> Advies:
        regelzin = f"Toegepaste regel: {regel} (regelset {regelset.versie}). {conclusie}"
        return Advies(leerroute, regel, regelset.versie, (*gebruikt, regelzin))

    toets = feiten.leerbaarheidstoets
    gebruikt = [f"Uitslag van de leerbaarheidstoets: {_TOETS[toets]}."]
    if feiten.alfabetisering is not None:
        gebruikt.append(f"Alfabetisering: {_ALFABETISERING[feiten.alfabetisering]}.")
    if toets is LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING:
        return advies(
            None,
            R_GEEN_LEERBAARHEIDSTOETS,
            gebruikt,
            "De leerbaarheidstoets is niet afgenomen wegens een beperking; daarom geeft het "
            "systeem geen advies en bepaalt de klantregisseur de leerroute.",
        )
    if toets is LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR:
        return advies(
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
        herkomst(beleid),
    ]
    bezwaren = _waarom_geen_onderwijsroute(feiten, beleid, regelset)
    if not bezwaren:
        return advies(
            Leerroute.ONDERWIJSROUTE,
            R_ONDERWIJSROUTE,
            gebruikt,
            "B1 is haalbaar, de ambitie is een vervolgopleiding, het opleidingsniveau is "
            "voortgezet onderwijs of hoger en de leeftijd ligt onder de beleidsgrens van "
            f"{beleid.onderwijsroute_max_leeftijd} jaar; daarom wordt de onderwijsroute "
            "geadviseerd.",
        )
    return advies(
        Leerroute.B1_ROUTE,
        R_B1_HAALBAAR,
        gebruikt,
        "B1 is haalbaar, maar de onderwijsroute past niet: " + "; ".join(bezwaren) + ". "
        "Daarom wordt de B1-route geadviseerd.",
    )


def _waarom_geen_onderwijsroute(
    feiten: Intakefeiten, beleid: Beleid, regelset: Regelset
) -> list[str]:
    bezwaren = []
    if feiten.ambitie not in regelset.onderwijs_ambities:
        bezwaren.append("de ambitie is geen mbo-, hbo- of wo-opleiding")
    if feiten.opleidingsniveau not in regelset.onderwijs_niveaus:
        bezwaren.append("het opleidingsniveau is lager dan voortgezet onderwijs")
    if feiten.leeftijd >= beleid.onderwijsroute_max_leeftijd:
        bezwaren.append(
            f"de leeftijd is niet lager dan de beleidsgrens van "
            f"{beleid.onderwijsroute_max_leeftijd} jaar"
        )
    return bezwaren
