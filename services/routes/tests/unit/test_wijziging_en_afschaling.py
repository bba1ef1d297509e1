"""Changing and scaling down a decided leerroute: [Wi] 17.2–17.3, [Bi] 5.4–5.5 (R4, R9)."""

from __future__ import annotations

from datetime import date

import pytest

from inburgering.routes.domain.afschaling import schaal_af
from inburgering.routes.domain.errors import (
    AfschalingAlleenVanuitB1Route,
    LeerrouteOngewijzigd,
    MotiveringVereist,
    OnvoldoendeNt2Uren,
    RoutewijzigingVensterGesloten,
    VaardigheidAlAfgeschaald,
)
from inburgering.routes.domain.termijn import Inburgeringstermijn
from inburgering.routes.domain.wijziging import Wijziging, Wijzigingsgrond, wijzig
from inburgering.shared.events.routes import Vaardigheid
from inburgering.shared.events.vocabulary import Leerroute

B1 = Leerroute.B1_ROUTE
OR = Leerroute.ONDERWIJSROUTE
Z = Leerroute.Z_ROUTE
VOORTGANG = Wijzigingsgrond.VOORTGANG
OPLEIDING = Wijzigingsgrond.NIET_VRIJSTELLENDE_OPLEIDING
TERMIJN = Inburgeringstermijn.na_eerste_pip(date(2026, 3, 10))  # window closes 2027-09-11
BINNEN = date(2027, 9, 10)
NA = date(2027, 9, 11)

# (article, from, to, ground, day, allowed)
WIJZIGINGEN = [
    ("[Wi] 17.2: B1 → Z binnen 18 maanden", B1, Z, VOORTGANG, BINNEN, True),
    ("[Wi] 17.2: Z → B1 binnen 18 maanden", Z, B1, VOORTGANG, BINNEN, True),
    ("[Wi] 17.2: B1 → onderwijsroute binnen 18 maanden", B1, OR, VOORTGANG, BINNEN, True),
    ("[Bi] 5.4.1: B1 → Z na 18 maanden geweigerd", B1, Z, VOORTGANG, NA, False),
    ("[Bi] 5.4.1: Z → B1 na 18 maanden geweigerd", Z, B1, VOORTGANG, NA, False),
    ("[Bi] 5.4.1: onderwijsroute → Z na 18 maanden geweigerd", OR, Z, VOORTGANG, NA, False),
    ("[Bi] 5.4.1: onderwijsroute → B1 mag altijd", OR, B1, VOORTGANG, date(2029, 1, 1), True),
    ("[Bi] 5.4: na een niet-vrijstellende opleiding ook later", B1, Z, OPLEIDING, NA, True),
]


@pytest.mark.parametrize(
    ("artikel", "van", "naar", "grond", "dag", "toegestaan"),
    WIJZIGINGEN,
    ids=[w[0] for w in WIJZIGINGEN],
)
def test_each_change_rule_follows_its_article(
    artikel: str,
    van: Leerroute,
    naar: Leerroute,
    grond: Wijzigingsgrond,
    dag: date,
    toegestaan: bool,
) -> None:
    if toegestaan:
        assert wijzig(van, naar, grond, "reden", TERMIJN, dag) == Wijziging(
            van, naar, grond, "reden", dag
        ), artikel
    else:
        with pytest.raises(RoutewijzigingVensterGesloten) as refused:
            wijzig(van, naar, grond, "reden", TERMIJN, dag)
        assert "Regel R4" in refused.value.detail
        assert "art. 17 lid 2 Wet inburgering 2021" in refused.value.detail
        assert "2027-09-11" in refused.value.detail


def test_before_the_first_pip_there_is_no_window_to_close() -> None:
    assert wijzig(B1, Z, VOORTGANG, "reden", None, date(2040, 1, 1)).nieuwe is Z


def test_a_change_to_the_same_route_is_refused() -> None:
    with pytest.raises(LeerrouteOngewijzigd):
        wijzig(B1, B1, VOORTGANG, "reden", TERMIJN, BINNEN)


@pytest.mark.parametrize("motivering", [None, "", "  "])
def test_a_change_needs_a_motivering(motivering: str | None) -> None:
    with pytest.raises(MotiveringVereist):
        wijzig(B1, Z, VOORTGANG, motivering, TERMIJN, BINNEN)


LEZEN = Vaardigheid.LEZEN
SPREKEN = Vaardigheid.SPREKEN

# (article, route, already A2, asked, erkende NT2 hours, refusal or None)
AFSCHALINGEN = [
    ("[Wi] 17.3: B1-route, 600 uur, één vaardigheid", B1, [], [SPREKEN], 600.0, None),
    ("[Wi] 17.3: B1-route, alle vaardigheden", B1, [], list(Vaardigheid), 812.5, None),
    ("[Wi] 17.3 / R9: minder dan 600 uur", B1, [], [SPREKEN], 599.5, OnvoldoendeNt2Uren),
    ("[Wi] 17.3: alleen vanuit de B1-route (Z)", Z, [], [SPREKEN], 900.0,
     AfschalingAlleenVanuitB1Route),
    ("[Wi] 17.3: alleen vanuit de B1-route (onderwijsroute)", OR, [], [LEZEN], 900.0,
     AfschalingAlleenVanuitB1Route),
    ("al afgeschaalde vaardigheid", B1, [SPREKEN], [SPREKEN, LEZEN], 900.0,
     VaardigheidAlAfgeschaald),
]  # fmt: skip


@pytest.mark.parametrize(
    ("artikel", "route", "al", "gevraagd", "uren", "weigering"),
    AFSCHALINGEN,
    ids=[a[0] for a in AFSCHALINGEN],
)
def test_each_scaling_down_rule_follows_its_article(
    artikel: str,
    route: Leerroute,
    al: list[Vaardigheid],
    gevraagd: list[Vaardigheid],
    uren: float,
    weigering: type[Exception] | None,
) -> None:
    if weigering is None:
        besluit = schaal_af(route, al, gevraagd, uren, "inzet blijkt uit presentie", BINNEN)
        assert besluit.vaardigheden == frozenset(gevraagd), artikel
        assert besluit.nt2_uren == uren
    else:
        with pytest.raises(weigering):
            schaal_af(route, al, gevraagd, uren, "inzet", BINNEN)


def test_too_few_hours_names_the_rule_and_the_hours_counted() -> None:
    with pytest.raises(OnvoldoendeNt2Uren) as refused:
        schaal_af(B1, [], [SPREKEN], 412.0, "inzet", BINNEN)
    assert "Regel R9" in refused.value.detail
    assert "art. 17 lid 3 Wet inburgering 2021" in refused.value.detail
    assert "412 uur" in refused.value.detail


def test_scaling_down_needs_a_motivering() -> None:
    with pytest.raises(MotiveringVereist):
        schaal_af(B1, [], [SPREKEN], 700.0, " ", BINNEN)
