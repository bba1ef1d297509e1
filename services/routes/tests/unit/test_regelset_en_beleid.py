"""Rule sets and municipal policy are versioned by date, so a later version never rewrites an
earlier advice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from inburgering.routes.domain.beleid import (
    Beleid,
    Beleidsbron,
    beleid_op,
    geldend_beleid,
    herkomst,
    nieuw_beleid,
)
from inburgering.routes.domain.errors import BeleidMetTerugwerkendeKracht, GeenRegelsetVanKracht
from inburgering.routes.domain.regelset import REGELSET_2026_1, REGELSETS, regelset_op
from inburgering.routes.domain.taal import Taalniveau, taalniveaus
from inburgering.shared.events.routes import Vaardigheid

VOLGENDE = replace(REGELSET_2026_1, versie="2027.1", ingangsdatum=date(2027, 1, 1))
STANDAARD = Beleid(onderwijsroute_max_leeftijd=28)


@pytest.mark.parametrize(
    ("datum", "versie"),
    [(date(2026, 1, 1), "2026.1"), (date(2026, 12, 31), "2026.1"), (date(2027, 1, 1), "2027.1")],
)
def test_the_rule_set_in_force_on_a_day_is_chosen(datum: date, versie: str) -> None:
    assert regelset_op(datum, (VOLGENDE, REGELSET_2026_1)).versie == versie


def test_before_the_first_rule_set_there_is_none() -> None:
    with pytest.raises(GeenRegelsetVanKracht):
        regelset_op(date(2025, 12, 31))
    assert regelset_op(date(2026, 11, 28)) is REGELSETS[-1]


def test_a_gemeente_without_policy_gets_the_default() -> None:
    assert beleid_op([], date(2026, 6, 1), STANDAARD) is STANDAARD


def test_a_policy_version_applies_from_its_date_and_not_before() -> None:
    versies = [Beleid(27, date(2026, 3, 1)), Beleid(30, date(2027, 1, 1))]
    assert beleid_op(versies, date(2026, 2, 28), STANDAARD) is STANDAARD
    assert beleid_op(versies, date(2026, 3, 1), STANDAARD).onderwijsroute_max_leeftijd == 27
    assert beleid_op(versies, date(2027, 1, 1), STANDAARD).onderwijsroute_max_leeftijd == 30


@pytest.mark.parametrize("ingangsdatum", [date(2026, 11, 28), date(2026, 1, 1)])
def test_new_policy_cannot_take_effect_today_or_earlier(ingangsdatum: date) -> None:
    with pytest.raises(BeleidMetTerugwerkendeKracht):
        nieuw_beleid(30, ingangsdatum, vandaag=date(2026, 11, 28))
    assert nieuw_beleid(30, date(2026, 11, 29), date(2026, 11, 28)).ingangsdatum == date(
        2026, 11, 29
    )


def test_the_target_level_is_b1_per_skill_unless_scaled_down() -> None:
    assert set(taalniveaus([]).values()) == {Taalniveau.B1}
    niveaus = taalniveaus(["spreken"])
    assert niveaus[Vaardigheid.SPREKEN] is Taalniveau.A2
    assert niveaus[Vaardigheid.LEZEN] is Taalniveau.B1


EIGEN = Beleid(30, date(2026, 6, 1), Beleidsbron.GEMEENTE, "GM0772")
VERBAND = Beleid(26, date(2026, 3, 1), Beleidsbron.SAMENWERKINGSVERBAND, "Zuidoost-Brabant")
LATER_VERBAND = Beleid(27, date(2026, 9, 1), Beleidsbron.SAMENWERKINGSVERBAND, "Zuidoost-Brabant")


@pytest.mark.parametrize(
    ("datum", "bron", "grens"),
    [
        (date(2026, 2, 28), Beleidsbron.STANDAARD, 28),
        (date(2026, 3, 1), Beleidsbron.SAMENWERKINGSVERBAND, 26),
        (date(2026, 6, 1), Beleidsbron.GEMEENTE, 30),
        # The gemeente's own policy keeps winning over a later version of the group's.
        (date(2026, 9, 1), Beleidsbron.GEMEENTE, 30),
    ],
)
def test_own_policy_wins_over_the_samenwerkingsverband_which_wins_over_the_default(
    datum: date, bron: Beleidsbron, grens: int
) -> None:
    beleid = geldend_beleid([EIGEN], [VERBAND, LATER_VERBAND], datum, STANDAARD)
    assert (beleid.bron, beleid.onderwijsroute_max_leeftijd) == (bron, grens)


def test_without_own_policy_the_latest_group_version_in_force_applies() -> None:
    assert geldend_beleid([], [VERBAND, LATER_VERBAND], date(2026, 10, 1), STANDAARD) == (
        LATER_VERBAND
    )


@pytest.mark.parametrize(
    ("beleid", "zin"),
    [
        (STANDAARD, "Beleid: de onderwijsroute tot 28 jaar, het standaardbeleid van het platform."),
        (
            EIGEN,
            "Beleid: de onderwijsroute tot 30 jaar, vastgesteld door gemeente GM0772 met ingang "
            "van 2026-06-01.",
        ),
        (
            VERBAND,
            "Beleid: de onderwijsroute tot 26 jaar, vastgesteld door samenwerkingsverband "
            "Zuidoost-Brabant met ingang van 2026-03-01.",
        ),
    ],
)
def test_the_explanation_names_the_policy_source(beleid: Beleid, zin: str) -> None:
    assert herkomst(beleid) == zin
