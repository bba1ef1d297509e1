from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inburgering.routes.domain.advies import (
    HUIDIGE_REGELSET,
    ONDERWIJS_AMBITIES,
    ONDERWIJS_NIVEAUS,
    R_B1_HAALBAAR,
    R_B1_NIET_HAALBAAR,
    R_GEEN_LEERBAARHEIDSTOETS,
    R_ONDERWIJSROUTE,
    Beleid,
    Intakefeiten,
    Regelset,
    adviseer,
)
from inburgering.shared.events.vocabulary import (
    Ambitie,
    LeerbaarheidstoetsUitslag,
    Leerroute,
    Opleidingsniveau,
)

BELEID = Beleid(onderwijsroute_max_leeftijd=28)
B1 = LeerbaarheidstoetsUitslag.B1_HAALBAAR


def feiten(
    toets: LeerbaarheidstoetsUitslag = B1,
    niveau: Opleidingsniveau = Opleidingsniveau.MBO,
    ambitie: Ambitie = Ambitie.HBO,
    leeftijd: int = 22,
) -> Intakefeiten:
    return Intakefeiten(
        leerbaarheidstoets=toets, opleidingsniveau=niveau, ambitie=ambitie, leeftijd=leeftijd
    )


def test_b1_haalbaar_with_study_ambition_education_and_youth_advises_onderwijsroute() -> None:
    advies = adviseer(feiten(), BELEID)
    assert advies.leerroute is Leerroute.ONDERWIJSROUTE
    assert advies.regel == R_ONDERWIJSROUTE
    assert advies.regelset_versie == HUIDIGE_REGELSET.versie == "2026.1"


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
    from datetime import date

    volgende = Regelset(versie="2027.1", ingangsdatum=date(2027, 1, 1))
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
