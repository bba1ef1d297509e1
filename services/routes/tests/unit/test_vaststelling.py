from __future__ import annotations

import pytest

from inburgering.routes.domain.errors import LeerrouteVereist, MotiveringVereist
from inburgering.routes.domain.vaststelling import Vaststelling, stel_vast
from inburgering.shared.events.vocabulary import Leerroute

B1 = Leerroute.B1_ROUTE
Z = Leerroute.Z_ROUTE


def test_omitting_the_leerroute_confirms_the_advice() -> None:
    assert stel_vast(B1, None, None) == Vaststelling(
        B1, afwijkend_van_advies=False, motivering=None
    )


def test_naming_the_advised_leerroute_confirms_it_and_keeps_an_optional_motivering() -> None:
    assert stel_vast(B1, B1, " akkoord ") == Vaststelling(B1, False, "akkoord")


def test_deviating_with_a_motivering_is_recorded_as_deviating() -> None:
    assert stel_vast(B1, Z, "Proefles wees uit dat B1 te hoog gegrepen is.") == Vaststelling(
        Z, True, "Proefles wees uit dat B1 te hoog gegrepen is."
    )


@pytest.mark.parametrize("motivering", [None, "", "   "])
def test_deviating_without_a_motivering_is_refused(motivering: str | None) -> None:
    with pytest.raises(MotiveringVereist):
        stel_vast(B1, Z, motivering)


def test_without_an_advice_a_leerroute_must_be_given() -> None:
    with pytest.raises(LeerrouteVereist):
        stel_vast(None, None, "reden")


def test_without_an_advice_the_choice_must_be_motivated() -> None:
    with pytest.raises(MotiveringVereist):
        stel_vast(None, Z, None)


def test_without_an_advice_a_motivated_choice_is_not_a_deviation() -> None:
    assert stel_vast(None, Z, "Toets niet afneembaar; Z-route past.") == Vaststelling(
        Z, False, "Toets niet afneembaar; Z-route past."
    )
