from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inburgering.routes.domain.advies import (
    R_B1_HAALBAAR,
    R_B1_NIET_HAALBAAR,
    R_GEEN_LEERBAARHEIDSTOETS,
    R_ONDERWIJSROUTE,
    Intakefeiten,
    adviseer,
)
from inburgering.routes.domain.beleid import Beleid
from inburgering.routes.domain.regelset import REGELSET_2026_1
from inburgering.routes.domain.taal import Alfabetisering
from inburgering.shared.events.vocabulary import (
    Ambitie,
    LeerbaarheidstoetsUitslag,
    Leerroute,
    Opleidingsniveau,
)

BELEID = Beleid(onderwijsroute_max_leeftijd=28)
B1 = LeerbaarheidstoetsUitslag.B1_HAALBAAR
NIET = LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR
BEPERKING = LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING
ONDERWIJS_AMBITIES = REGELSET_2026_1.onderwijs_ambities
ONDERWIJS_NIVEAUS = REGELSET_2026_1.onderwijs_niveaus


def feiten(
    toets: LeerbaarheidstoetsUitslag = B1,
    niveau: Opleidingsniveau = Opleidingsniveau.MBO,
    ambitie: Ambitie = Ambitie.HBO,
    leeftijd: int = 22,
) -> Intakefeiten:
    return Intakefeiten(
        leerbaarheidstoets=toets, opleidingsniveau=niveau, ambitie=ambitie, leeftijd=leeftijd
    )


# Each rule of the advice, with the article it rests on ([Wi] = Wet inburgering 2021).
REGELS = [
    # (article, toets, ambitie, niveau, leeftijd, leerroute, regel)
    (
        "[Wi] 9.1: B1 niet haalbaar → Z-route",
        NIET,
        Ambitie.HBO,
        Opleidingsniveau.WO,
        20,
        Leerroute.Z_ROUTE,
        R_B1_NIET_HAALBAAR,
    ),
    (
        "[Wi] 14.3a: geen toets wegens beperking → een persoon beslist",
        BEPERKING,
        Ambitie.WERK,
        Opleidingsniveau.GEEN,
        40,
        None,
        R_GEEN_LEERBAARHEIDSTOETS,
    ),
    (
        "[Wi] 8.1: ambitie hbo, kans op diploma, onder de beleidsgrens → onderwijsroute",
        B1,
        Ambitie.HBO,
        Opleidingsniveau.VOORTGEZET,
        27,
        Leerroute.ONDERWIJSROUTE,
        R_ONDERWIJSROUTE,
    ),
    (
        "[Wi] 8.1: de beleidsgrens (tot 28) sluit de onderwijsroute uit → B1-route ([Wi] 7)",
        B1,
        Ambitie.HBO,
        Opleidingsniveau.VOORTGEZET,
        28,
        Leerroute.B1_ROUTE,
        R_B1_HAALBAAR,
    ),
    (
        "[Wi] 8.1: geen ambitie voor beroeps- of hoger onderwijs → B1-route ([Wi] 7)",
        B1,
        Ambitie.WERK,
        Opleidingsniveau.WO,
        22,
        Leerroute.B1_ROUTE,
        R_B1_HAALBAAR,
    ),
    (
        "[Wi] 8.1: geen grote kans op een diploma (primair onderwijs) → B1-route ([Wi] 7)",
        B1,
        Ambitie.MBO,
        Opleidingsniveau.PRIMAIR,
        22,
        Leerroute.B1_ROUTE,
        R_B1_HAALBAAR,
    ),
]


@pytest.mark.parametrize(
    ("artikel", "toets", "ambitie", "niveau", "leeftijd", "leerroute", "regel"),
    REGELS,
    ids=[r[0] for r in REGELS],
)
def test_each_advice_rule_follows_its_article(
    artikel: str,
    toets: LeerbaarheidstoetsUitslag,
    ambitie: Ambitie,
    niveau: Opleidingsniveau,
    leeftijd: int,
    leerroute: Leerroute | None,
    regel: str,
) -> None:
    advies = adviseer(feiten(toets, niveau, ambitie, leeftijd), BELEID)
    assert (advies.leerroute, advies.regel) == (leerroute, regel), artikel
    assert advies.uitleg[-1].startswith(f"Toegepaste regel: {regel} (regelset 2026.1).")


def test_a_known_alfabetisering_indicator_is_named_among_the_facts() -> None:
    f = Intakefeiten(B1, Opleidingsniveau.MBO, Ambitie.WERK, 30, Alfabetisering.AA)
    advies = adviseer(f, BELEID)
    assert advies.uitleg[1] == "Alfabetisering: gealfabetiseerd in een ander schrift (AA)."
    assert "Alfabetisering" not in " ".join(adviseer(feiten(), BELEID).uitleg)


def test_the_rule_set_data_decides_which_education_levels_qualify() -> None:
    from dataclasses import replace

    strenger = replace(REGELSET_2026_1, versie="2027.1", onderwijs_niveaus=frozenset())
    assert adviseer(feiten(), BELEID, strenger).leerroute is Leerroute.B1_ROUTE
    assert adviseer(feiten(), BELEID).leerroute is Leerroute.ONDERWIJSROUTE


def test_b1_haalbaar_with_study_ambition_education_and_youth_advises_onderwijsroute() -> None:
    advies = adviseer(feiten(), BELEID)
    assert advies.leerroute is Leerroute.ONDERWIJSROUTE
    assert advies.regel == R_ONDERWIJSROUTE
    assert advies.regelset_versie == REGELSET_2026_1.versie == "2026.1"


def test_b1_haalbaar_without_study_ambition_advises_b1_route() -> None:
    advies = adviseer(feiten(ambitie=Ambitie.WERK), BELEID)
    assert (advies.leerroute, advies.regel) == (Leerroute.B1_ROUTE, R_B1_HAALBAAR)
    assert "de ambitie is geen mbo-, hbo- of wo-opleiding" in advies.uitleg[-1]


def test_b1_haalbaar_with_only_primary_education_advises_b1_route() -> None:
    advies = adviseer(feiten(niveau=Opleidingsniveau.PRIMAIR), BELEID)
    assert (advies.leerroute, advies.regel) == (Leerroute.B1_ROUTE, R_B1_HAALBAAR)
    assert "het opleidingsniveau is lager dan voortgezet onderwijs" in advies.uitleg[-1]


def test_one_year_below_the_policy_age_still_advises_onderwijsroute() -> None:
    assert adviseer(feiten(leeftijd=27), BELEID).leerroute is Leerroute.ONDERWIJSROUTE


def test_reaching_the_policy_age_advises_b1_route() -> None:
    advies = adviseer(feiten(leeftijd=28), BELEID)
    assert (advies.leerroute, advies.regel) == (Leerroute.B1_ROUTE, R_B1_HAALBAAR)
    assert "niet lager dan de beleidsgrens van 28 jaar" in advies.uitleg[-1]


def test_the_age_limit_comes_from_municipal_policy() -> None:
    ruim = Beleid(onderwijsroute_max_leeftijd=35)
    assert adviseer(feiten(leeftijd=30), ruim).leerroute is Leerroute.ONDERWIJSROUTE
    assert adviseer(feiten(leeftijd=30), BELEID).leerroute is Leerroute.B1_ROUTE


def test_b1_niet_haalbaar_advises_z_route() -> None:
    advies = adviseer(feiten(toets=LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR), BELEID)
    assert (advies.leerroute, advies.regel) == (Leerroute.Z_ROUTE, R_B1_NIET_HAALBAAR)


def test_no_test_because_of_a_disability_gives_no_automatic_advice() -> None:
    advies = adviseer(feiten(toets=LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING), BELEID)
    assert advies.leerroute is None
    assert advies.regel == R_GEEN_LEERBAARHEIDSTOETS
    assert "klantregisseur" in advies.uitleg[-1]


def test_explanation_names_the_facts_used_and_the_rule_that_fired() -> None:
    advies = adviseer(feiten(niveau=Opleidingsniveau.VOORTGEZET, leeftijd=24), BELEID)
    assert advies.uitleg == (
        "Uitslag van de leerbaarheidstoets: B1 haalbaar.",
        "Ambitie: een hbo-opleiding.",
        "Opleidingsniveau: voortgezet onderwijs.",
        "Leeftijd bij afronding van de brede intake: 24 jaar.",
        "Beleid: de onderwijsroute tot 28 jaar, het standaardbeleid van het platform.",
        "Toegepaste regel: R-ONDERWIJSROUTE (regelset 2026.1). B1 is haalbaar, de ambitie is een "
        "vervolgopleiding, het opleidingsniveau is voortgezet onderwijs of hoger en de leeftijd "
        "ligt onder de beleidsgrens van 28 jaar; daarom wordt de onderwijsroute geadviseerd.",
    )


def test_b1_route_explanation_lists_every_reason_the_onderwijsroute_does_not_fit() -> None:
    advies = adviseer(
        feiten(niveau=Opleidingsniveau.GEEN, ambitie=Ambitie.PARTICIPATIE, leeftijd=40), BELEID
    )
    regel = advies.uitleg[-1]
    assert regel.startswith("Toegepaste regel: R-B1-HAALBAAR (regelset 2026.1).")
    assert regel.count(";") == 2  # three reasons, joined


def test_another_rule_set_version_is_recorded_in_the_advice() -> None:
    from dataclasses import replace
    from datetime import date

    volgende = replace(REGELSET_2026_1, versie="2027.1", ingangsdatum=date(2027, 1, 1))
    advies = adviseer(feiten(), BELEID, volgende)
    assert advies.regelset_versie == "2027.1"
    assert "(regelset 2027.1)" in advies.uitleg[-1]


facts = st.builds(
    Intakefeiten,
    leerbaarheidstoets=st.sampled_from(LeerbaarheidstoetsUitslag),
    opleidingsniveau=st.sampled_from(Opleidingsniveau),
    ambitie=st.sampled_from(Ambitie),
    leeftijd=st.integers(min_value=0, max_value=130),
)
policies = st.builds(Beleid, onderwijsroute_max_leeftijd=st.integers(min_value=0, max_value=130))


@given(facts, policies)
def test_advice_follows_the_rules_for_every_combination_of_facts(
    f: Intakefeiten, beleid: Beleid
) -> None:
    advies = adviseer(f, beleid)
    if f.leerbaarheidstoets is LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING:
        expected = None
    elif f.leerbaarheidstoets is LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR:
        expected = Leerroute.Z_ROUTE
    elif (
        f.ambitie in ONDERWIJS_AMBITIES
        and f.opleidingsniveau in ONDERWIJS_NIVEAUS
        and f.leeftijd < beleid.onderwijsroute_max_leeftijd
    ):
        expected = Leerroute.ONDERWIJSROUTE
    else:
        expected = Leerroute.B1_ROUTE
    assert advies.leerroute == expected
    assert advies.uitleg[-1].startswith(f"Toegepaste regel: {advies.regel} ")


@given(st.integers(min_value=1, max_value=130))
def test_age_boundary_is_strictly_below_the_limit(limit: int) -> None:
    beleid = Beleid(onderwijsroute_max_leeftijd=limit)
    assert adviseer(feiten(leeftijd=limit - 1), beleid).leerroute is Leerroute.ONDERWIJSROUTE
    assert adviseer(feiten(leeftijd=limit), beleid).leerroute is Leerroute.B1_ROUTE


@pytest.mark.parametrize("ambitie", sorted(ONDERWIJS_AMBITIES))
@pytest.mark.parametrize("niveau", sorted(ONDERWIJS_NIVEAUS))
def test_every_study_ambition_and_sufficient_level_qualifies(
    ambitie: Ambitie, niveau: Opleidingsniveau
) -> None:
    advies = adviseer(feiten(niveau=niveau, ambitie=ambitie), BELEID)
    assert advies.leerroute is Leerroute.ONDERWIJSROUTE
