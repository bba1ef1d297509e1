"""[Bi] art. 9.2.3: the gemeente gives a cursusinstelling name and address of the people placed
with it; the provider's access follows its placement, per plaatsing."""

from __future__ import annotations

import pytest

from inburgering.intake.domain.contactgegevens import (
    Adres,
    Contactgegevens,
    Inzage,
    Naam,
    Plaatsingsfeit,
    Toegang,
    volgende_toegang,
)

A, B = "90012345", "90023456"
ACTIEF_A = Toegang(Inzage.ACTIEF, A)
AFGEWEZEN_A = Toegang(Inzage.AFGEWEZEN, A)
EINDE_A = Toegang(Inzage.BEEINDIGD, A)


@pytest.mark.parametrize(
    ("huidig", "feit", "kvk", "volgende"),
    [
        # Bi 9.2.3: an accepted or started placement opens the provider's access.
        (None, Plaatsingsfeit.GEACCEPTEERD, A, ACTIEF_A),
        (ACTIEF_A, Plaatsingsfeit.GEACCEPTEERD, A, ACTIEF_A),
        # Bi 9.2.3: a refusal closes it for the refusing provider only; the placement moves on.
        (ACTIEF_A, Plaatsingsfeit.AFGEWEZEN, A, AFGEWEZEN_A),
        (Toegang(Inzage.ACTIEF, B), Plaatsingsfeit.AFGEWEZEN, A, None),
        (None, Plaatsingsfeit.AFGEWEZEN, A, None),
        (AFGEWEZEN_A, Plaatsingsfeit.GEACCEPTEERD, B, Toegang(Inzage.ACTIEF, B)),
        # Bi 9.2.3: completed, dropped out, ended or withdrawn: no longer needed, so closed.
        (ACTIEF_A, Plaatsingsfeit.GEEINDIGD, A, EINDE_A),
        (ACTIEF_A, Plaatsingsfeit.GEEINDIGD, None, EINDE_A),
        (None, Plaatsingsfeit.GEEINDIGD, None, Toegang(Inzage.BEEINDIGD, None)),
        # An ended placement stays closed, also for a late or replayed acceptance.
        (EINDE_A, Plaatsingsfeit.GEACCEPTEERD, A, None),
        (EINDE_A, Plaatsingsfeit.GEEINDIGD, A, None),
    ],
)
def test_the_provider_sees_contact_data_only_while_its_placement_runs(
    huidig: Toegang | None, feit: Plaatsingsfeit, kvk: str | None, volgende: Toegang | None
) -> None:
    assert volgende_toegang(huidig, feit, kvk) == volgende


@pytest.mark.parametrize(
    "gegevens",
    [
        Contactgegevens(Naam("Haddad", "Amal", None)),
        Contactgegevens(
            Naam("Berg", None, "van den"), Adres("Markt", 1, "5611AB", "Eindhoven", "A")
        ),
    ],
)
def test_contact_data_survive_their_stored_form(gegevens: Contactgegevens) -> None:
    assert Contactgegevens.from_dict(gegevens.as_dict()) == gegevens
