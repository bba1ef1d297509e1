from __future__ import annotations

import uuid
from datetime import date

import pytest

from inburgering.routes.domain.beleid import vereis_leerroute_van_beleid
from inburgering.routes.domain.errors import BeleidAlleenDoorLead, BeleidVoorAndereLeerroute
from inburgering.routes.domain.samenwerkingsverband import (
    Lidmaatschap,
    Samenwerkingsverband,
    verantwoordelijk_verband,
    vereis_lead,
)
from inburgering.shared.events.vocabulary import Leerroute

ONDERWIJS, B1 = Leerroute.ONDERWIJSROUTE, Leerroute.B1_ROUTE


def verband(
    *leden: Lidmaatschap, leerroute: Leerroute = ONDERWIJS, id: uuid.UUID | None = None
) -> Samenwerkingsverband:
    return Samenwerkingsverband(
        id=id or uuid.uuid4(),
        naam="Zuidoost-Brabant",
        leerroute=leerroute,
        lead_gemeentecode="GM0772",
        periode_start=date(2026, 1, 1),
        periode_eind=date(2027, 12, 31),
        versie=1,
        lidmaatschappen=leden,
    )


@pytest.mark.parametrize(
    ("dag", "lid"),
    [
        (date(2026, 2, 28), False),
        (date(2026, 3, 1), True),
        (date(2026, 8, 31), True),
        # Until, not on, the einddatum.
        (date(2026, 9, 1), False),
    ],
)
def test_a_membership_counts_from_its_ingangsdatum_until_its_einddatum(
    dag: date, lid: bool
) -> None:
    assert Lidmaatschap("GM0796", date(2026, 3, 1), date(2026, 9, 1)).geldt_op(dag) is lid


def test_a_verband_covers_a_member_for_its_own_leerroute_within_its_period() -> None:
    v = verband(Lidmaatschap("GM0796", date(2026, 1, 1)))

    assert v.dekt("GM0796", ONDERWIJS, date(2026, 6, 1))
    assert not v.dekt("GM0796", B1, date(2026, 6, 1))
    assert not v.dekt("GM0794", ONDERWIJS, date(2026, 6, 1))
    assert not v.dekt("GM0796", ONDERWIJS, date(2028, 1, 1))


def test_the_verband_of_the_leerroute_on_the_day_is_responsible() -> None:
    b1 = verband(Lidmaatschap("GM0796", date(2026, 1, 1)), leerroute=B1)
    vertrokken = verband(Lidmaatschap("GM0796", date(2026, 1, 1), date(2026, 6, 1)))
    later = verband(Lidmaatschap("GM0796", date(2026, 6, 1)))

    assert (
        verantwoordelijk_verband([b1, vertrokken, later], "GM0796", ONDERWIJS, date(2026, 5, 31))
        == vertrokken
    )
    assert (
        verantwoordelijk_verband([b1, vertrokken, later], "GM0796", ONDERWIJS, date(2026, 6, 1))
        == later
    )
    assert verantwoordelijk_verband([b1], "GM0796", ONDERWIJS, date(2026, 6, 1)) is None


def test_of_two_verbanden_for_one_leerroute_the_lowest_id_counts_as_in_contracts() -> None:
    lid = Lidmaatschap("GM0796", date(2026, 1, 1))
    laag = verband(lid, id=uuid.UUID(int=1))
    hoog = verband(lid, id=uuid.UUID(int=2))

    assert verantwoordelijk_verband([hoog, laag], "GM0796", ONDERWIJS, date(2026, 6, 1)) == laag


def test_the_members_on_a_day_are_listed_once_in_order() -> None:
    v = verband(
        Lidmaatschap("GM0796", date(2026, 1, 1), date(2026, 3, 1)),
        Lidmaatschap("GM0796", date(2026, 4, 1)),
        Lidmaatschap("GM0772", date(2026, 1, 1)),
    )

    assert v.leden_op(date(2026, 2, 1)) == ("GM0772", "GM0796")
    assert v.leden_op(date(2026, 3, 15)) == ("GM0772",)


def test_only_the_lead_sets_the_verbands_policy() -> None:
    v = verband(Lidmaatschap("GM0796", date(2026, 1, 1)))

    vereis_lead(v, {"GM0772", "GM0855"})
    with pytest.raises(BeleidAlleenDoorLead, match="GM0772"):
        vereis_lead(v, {"GM0796"})


def test_the_onderwijsroute_age_limit_is_set_by_an_onderwijsroute_verband_only() -> None:
    vereis_leerroute_van_beleid(ONDERWIJS, "Onderwijs Brabant")
    with pytest.raises(BeleidVoorAndereLeerroute, match="b1-route"):
        vereis_leerroute_van_beleid(B1, "B1 Brabant")
