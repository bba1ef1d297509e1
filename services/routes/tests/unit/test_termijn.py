"""The inburgeringstermijn and its windows: [Wi] 11, [Wi] 12 with [Bi] 4.5.1, [Bi] 5.4.1."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inburgering.routes.domain.kalender import begin_van_dag, plus_jaren, plus_maanden, vandaag
from inburgering.routes.domain.termijn import (
    ROUTEWIJZIGING_VENSTER_SLUIT,
    TERMIJN_VERLOOPT,
    VERLENGINGSVENSTER_GEOPEND,
    Inburgeringstermijn,
    Signaaltermijnen,
    signaaldata,
)

VOORAF = Signaaltermijnen(routewijziging_dagen_vooraf=60, termijn_verloopt_dagen_vooraf=90)

# (article, dagtekening of the first PIP, start, end, change window closes, extension window opens)
TERMIJNEN = [
    ("[Wi] 11: start = dag na dagtekening, einde = start + 3 jaar", date(2026, 3, 10),
     date(2026, 3, 11), date(2029, 3, 11), date(2027, 9, 11), date(2028, 9, 11)),
    ("[Wi] 11: dagtekening op 31 december: de termijn start in het nieuwe jaar",
     date(2026, 12, 31), date(2027, 1, 1), date(2030, 1, 1), date(2028, 7, 1), date(2029, 7, 1)),
    ("[Wi] 11: start op 29 februari eindigt op 28 februari (geen schrikkeljaar)",
     date(2028, 2, 28), date(2028, 2, 29), date(2031, 2, 28), date(2029, 8, 29),
     date(2030, 8, 28)),
    ("[Bi] 5.4.1: 18 maanden vanaf 31 augustus eindigen op de laatste dag van februari",
     date(2026, 8, 30), date(2026, 8, 31), date(2029, 8, 31), date(2028, 2, 29),
     date(2029, 2, 28)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("artikel", "dagtekening", "start", "einde", "sluit", "opent"),
    TERMIJNEN,
    ids=[t[0] for t in TERMIJNEN],
)
def test_the_termijn_and_its_windows_follow_the_articles(
    artikel: str, dagtekening: date, start: date, einde: date, sluit: date, opent: date
) -> None:
    termijn = Inburgeringstermijn.na_eerste_pip(dagtekening)
    assert (termijn.startdatum, termijn.einddatum) == (start, einde), artikel
    assert termijn.routewijziging_venster_sluit == sluit, artikel
    assert termijn.verlengingsvenster_opent == opent, artikel


def test_a_change_is_allowed_up_to_the_day_before_the_window_closes() -> None:
    termijn = Inburgeringstermijn.na_eerste_pip(date(2026, 3, 10))
    assert termijn.routewijziging_toegestaan_op(date(2027, 9, 10))
    assert not termijn.routewijziging_toegestaan_op(date(2027, 9, 11))


def test_an_extension_moves_the_end_and_the_extension_window_but_not_the_start() -> None:
    termijn = Inburgeringstermijn.na_eerste_pip(date(2026, 3, 10))
    verlengd = termijn.verlengd_tot(date(2029, 9, 11))
    assert verlengd is not None
    assert (verlengd.startdatum, verlengd.einddatum) == (date(2026, 3, 11), date(2029, 9, 11))
    assert verlengd.verlengingsvenster_opent == date(2029, 3, 11)
    assert verlengd.routewijziging_venster_sluit == termijn.routewijziging_venster_sluit


@pytest.mark.parametrize("nieuwe_einddatum", [date(2029, 3, 11), date(2028, 1, 1)])
def test_an_extension_to_the_same_or_an_earlier_end_changes_nothing(
    nieuwe_einddatum: date,
) -> None:
    termijn = Inburgeringstermijn.na_eerste_pip(date(2026, 3, 10))
    assert termijn.verlengd_tot(nieuwe_einddatum) is None


def test_signals_are_due_at_their_lead_times() -> None:
    termijn = Inburgeringstermijn.na_eerste_pip(date(2026, 3, 10))
    assert signaaldata(termijn, VOORAF) == {
        ROUTEWIJZIGING_VENSTER_SLUIT: date(2027, 9, 11) - timedelta(days=60),
        VERLENGINGSVENSTER_GEOPEND: date(2028, 9, 11),
        TERMIJN_VERLOOPT: date(2029, 3, 11) - timedelta(days=90),
    }


def test_a_signal_day_starts_at_dutch_midnight_in_winter_and_summer() -> None:
    assert begin_van_dag(date(2027, 1, 15)).isoformat() == "2027-01-14T23:00:00+00:00"
    assert begin_van_dag(date(2027, 7, 15)).isoformat() == "2027-07-14T22:00:00+00:00"
    assert vandaag(begin_van_dag(date(2027, 7, 15))) == date(2027, 7, 15)


datums = st.dates(min_value=date(2022, 1, 1), max_value=date(2099, 12, 31))


@given(datums, st.integers(min_value=-120, max_value=120))
def test_adding_months_keeps_the_day_or_falls_back_to_the_month_end(d: date, n: int) -> None:
    uitkomst = plus_maanden(d, n)
    assert (uitkomst.year * 12 + uitkomst.month) - (d.year * 12 + d.month) == n
    if uitkomst.day != d.day:
        assert uitkomst.day < d.day
        assert (uitkomst + timedelta(days=1)).day == 1  # the last day of its month


@given(datums)
def test_every_termijn_lasts_three_years_and_its_windows_lie_inside_it(dagtekening: date) -> None:
    termijn = Inburgeringstermijn.na_eerste_pip(dagtekening)
    assert termijn.startdatum == dagtekening + timedelta(days=1)
    assert termijn.einddatum == plus_jaren(termijn.startdatum, 3)
    assert 365 * 3 - 1 <= (termijn.einddatum - termijn.startdatum).days <= 366 * 3
    assert (
        termijn.startdatum
        < termijn.routewijziging_venster_sluit
        < termijn.verlengingsvenster_opent
        < termijn.einddatum
    )
    assert plus_maanden(termijn.verlengingsvenster_opent, 6) <= termijn.einddatum


@given(datums, st.integers(min_value=1, max_value=800))
def test_an_extension_never_moves_the_start_or_the_change_window(
    dagtekening: date, dagen: int
) -> None:
    termijn = Inburgeringstermijn.na_eerste_pip(dagtekening)
    verlengd = termijn.verlengd_tot(termijn.einddatum + timedelta(days=dagen))
    assert verlengd is not None
    assert verlengd.startdatum == termijn.startdatum
    assert verlengd.routewijziging_venster_sluit == termijn.routewijziging_venster_sluit
    assert verlengd.verlengingsvenster_opent >= termijn.verlengingsvenster_opent


@given(st.integers(min_value=2024, max_value=2096).filter(lambda y: y % 4 == 0))
def test_a_termijn_starting_on_29_february_ends_on_28_february(jaar: int) -> None:
    termijn = Inburgeringstermijn.na_eerste_pip(date(jaar, 2, 28))
    assert termijn.startdatum == date(jaar, 2, 29)
    assert termijn.einddatum == date(jaar + 3, 2, 28)
