"""The small-cell rules: 1 to 4 hidden, 0 and 5 or more shown, and no sum gives a hidden count
away."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inburgering.shared.statistiek.onderdrukking import Cijfer, Som, onderdrukt, publiceer


@pytest.mark.parametrize(
    ("aantal", "verborgen"),
    [(0, False), (1, True), (2, True), (3, True), (4, True), (5, False), (6, False)],
)
def test_a_count_of_1_to_4_is_hidden_and_0_or_5_and_more_are_shown(aantal, verborgen):
    [cijfer] = publiceer({"cel": aantal}, [], onderdrukken=True).values()
    assert cijfer == (Cijfer(None, True) if verborgen else Cijfer(aantal, False))


def test_4_is_hidden_where_5_next_to_it_is_shown():
    cijfers = publiceer({"vier": 4, "vijf": 5}, [], onderdrukken=True)
    assert cijfers == {"vier": Cijfer(None, True), "vijf": Cijfer(5, False)}


def test_a_gemeentes_own_view_is_never_suppressed():
    aantallen = {"totaal": 5, "a": 4, "b": 1}
    cijfers = publiceer(aantallen, [Som("totaal", ("a", "b"))], onderdrukken=False)
    assert cijfers == {cel: Cijfer(n, False) for cel, n in aantallen.items()}


def test_one_hidden_cell_under_a_shown_total_hides_the_smallest_other_cell_too():
    # Without the second rule the total would give the 4 away: 20 - 6 - 10 = 4.
    aantallen = {"totaal": 20, "a": 4, "b": 6, "c": 10}
    assert onderdrukt(aantallen, [Som("totaal", ("a", "b", "c"))]) == {"a", "b"}


def test_a_zero_is_never_hidden_to_protect_another_cell():
    aantallen = {"totaal": 9, "a": 4, "nul": 0, "b": 5}
    assert onderdrukt(aantallen, [Som("totaal", ("a", "nul", "b"))]) == {"a", "b"}


def test_hidden_cells_that_must_each_be_1_hide_one_more():
    # 12 - 10 = 2 over two hidden cells, each at least 1: both are 1.
    aantallen = {"totaal": 12, "a": 1, "b": 1, "c": 10}
    assert onderdrukt(aantallen, [Som("totaal", ("a", "b", "c"))]) == {"a", "b", "c"}


def test_with_nothing_else_to_hide_the_total_is_hidden():
    aantallen = {"totaal": 5, "a": 1, "b": 1, "c": 1, "d": 1, "e": 1}
    assert onderdrukt(aantallen, [Som("totaal", tuple("abcde"))]) == {"totaal", *"abcde"}


def test_a_total_hidden_alone_hides_one_of_its_parts():
    # The total is a part of a larger sum where it is the only hidden cell's complement.
    aantallen = {"alles": 30, "groep": 11, "klein": 3, "rest": 16, "x": 5, "y": 6}
    sommen = [Som("alles", ("groep", "klein", "rest")), Som("groep", ("x", "y"))]
    verborgen = onderdrukt(aantallen, sommen)
    assert {"klein", "groep"} <= verborgen
    assert "x" in verborgen  # else 11 = x + y would give the hidden group away


def test_hiding_for_one_sum_protects_every_sum_the_cell_is_in():
    # A 2x2 table with its margins: hiding x11 needs a complement in its row and its column,
    # which need complements in turn.
    aantallen = {
        "x11": 3, "x12": 10, "x21": 10, "x22": 10,
        "r1": 13, "r2": 20, "k1": 13, "k2": 20, "t": 33,
    }  # fmt: skip
    sommen = [
        Som("r1", ("x11", "x12")),
        Som("r2", ("x21", "x22")),
        Som("k1", ("x11", "x21")),
        Som("k2", ("x12", "x22")),
        Som("t", ("r1", "r2")),
        Som("t", ("k1", "k2")),
    ]
    assert onderdrukt(aantallen, sommen) == {"x11", "x12", "x21", "x22"}


def _verraadt(som: Som, aantallen: dict, verborgen: frozenset) -> bool:
    delen = [cel for cel in som.delen if cel in verborgen]
    if len(delen) + (som.totaal in verborgen) == 1:
        return True
    return (
        som.totaal not in verborgen
        and bool(delen)
        and sum(aantallen[c] for c in delen) == len(delen)
    )


@settings(max_examples=300, derandomize=True, database=None)
@given(st.lists(st.lists(st.integers(0, 12), min_size=1, max_size=4), min_size=1, max_size=4))
def test_no_sum_of_a_table_with_margins_gives_a_hidden_count_away(rijen):
    breedte = max(len(rij) for rij in rijen)
    rijen = [rij + [0] * (breedte - len(rij)) for rij in rijen]
    aantallen = {("x", i, j): n for i, rij in enumerate(rijen) for j, n in enumerate(rij)}
    aantallen |= {("r", i): sum(rij) for i, rij in enumerate(rijen)}
    aantallen |= {("k", j): sum(rij[j] for rij in rijen) for j in range(breedte)}
    aantallen["t"] = sum(map(sum, rijen))
    sommen = [
        *(Som(("r", i), tuple(("x", i, j) for j in range(breedte))) for i in range(len(rijen))),
        *(Som(("k", j), tuple(("x", i, j) for i in range(len(rijen)))) for j in range(breedte)),
        Som("t", tuple(("r", i) for i in range(len(rijen)))),
        Som("t", tuple(("k", j) for j in range(breedte))),
    ]
    verborgen = onderdrukt(aantallen, sommen)
    assert {cel for cel, n in aantallen.items() if 0 < n < 5} <= verborgen
    assert all(aantallen[cel] > 0 for cel in verborgen)
    assert not [som for som in sommen if _verraadt(som, aantallen, verborgen)]


def test_the_same_figures_hide_the_same_cells_whatever_order_they_come_in():
    # Ties: any of the three 6s would do, but every answer must pick the same one.
    aantallen = {"totaal": 22, "a": 4, "b": 6, "c": 6, "d": 6}
    sommen = [Som("totaal", ("a", "b", "c", "d"))]
    omgekeerd = dict(reversed(aantallen.items()))
    verwacht = onderdrukt(aantallen, sommen)
    assert onderdrukt(omgekeerd, [Som("totaal", ("d", "c", "b", "a"))]) == verwacht
    assert len(verwacht) == 2
