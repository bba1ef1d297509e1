"""The published tables of referrals: per institution, programme and status, each summing to
the total and each institution to its programmes; no I/O.

Across gemeenten the small-cell rules apply to all tables together (domain/onderdrukking.py);
a gemeente's own view is shown as it is, with the full cross-table (`cellen`).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.shared.statistiek.onderdrukking import Cijfer, Som, publiceer


@dataclass(frozen=True)
class Verwijzinggroep:
    """Referrals alike in programme and status; never whose they are. No programme: not yet
    submitted."""

    opleiding_id: uuid.UUID | None
    status: VerwijzingStatus
    aantal: int


@dataclass(frozen=True)
class Cel:
    instelling_id: uuid.UUID | None
    opleiding_id: uuid.UUID | None
    status: VerwijzingStatus
    aantal: int


@dataclass(frozen=True)
class Verwijzingstabellen:
    totaal: Cijfer
    per_instelling: dict[uuid.UUID | None, Cijfer]
    per_opleiding: dict[uuid.UUID | None, Cijfer]
    per_status: dict[VerwijzingStatus, Cijfer]
    # Only in a gemeente's own view.
    cellen: list[Cel] | None


TOTAAL = ("totaal",)


def tabellen(
    groepen: Iterable[Verwijzinggroep],
    instelling_van: Mapping[uuid.UUID, uuid.UUID],
    instellingen: Iterable[uuid.UUID] = (),
    *,
    onderdrukken: bool,
) -> Verwijzingstabellen:
    """`instelling_van`: every programme of the catalogue with its institution. Each programme
    and institution is listed, a 0 included."""
    groepen = list(groepen)
    aantallen: Counter[tuple[Hashable, ...]] = Counter()
    for sleutel in (
        TOTAAL,
        ("instelling", None),
        ("opleiding", None),
        *(("instelling", i) for i in (*instellingen, *instelling_van.values())),
        *(("opleiding", o) for o in instelling_van),
        *(("status", s) for s in VerwijzingStatus),
    ):
        aantallen[sleutel] += 0
    for groep in groepen:
        instelling = instelling_van.get(groep.opleiding_id) if groep.opleiding_id else None
        for sleutel in (
            TOTAAL,
            ("instelling", instelling),
            ("opleiding", groep.opleiding_id),
            ("status", groep.status),
        ):
            aantallen[sleutel] += groep.aantal
    cijfers = publiceer(aantallen, _sommen(aantallen, instelling_van), onderdrukken=onderdrukken)

    def per(dimensie: str) -> dict:
        return {sleutel[1]: cijfer for sleutel, cijfer in cijfers.items() if sleutel[0] == dimensie}

    return Verwijzingstabellen(
        totaal=cijfers[TOTAAL],
        per_instelling=per("instelling"),
        per_opleiding=per("opleiding"),
        per_status=per("status"),
        cellen=None if onderdrukken else _cellen(groepen, instelling_van),
    )


def _sommen(
    aantallen: Counter[tuple[Hashable, ...]], instelling_van: Mapping[uuid.UUID, uuid.UUID]
) -> list[Som[tuple[Hashable, ...]]]:
    """Every table sums to the total; an institution to its programmes (and the referrals not
    yet submitted are the same count in both tables)."""
    dimensies: dict[Hashable, list[tuple[Hashable, ...]]] = {}
    for sleutel in aantallen:
        if sleutel != TOTAAL:
            dimensies.setdefault(sleutel[0], []).append(sleutel)
    sommen = [Som(TOTAAL, tuple(delen)) for delen in dimensies.values()]
    per_instelling: dict[uuid.UUID | None, list[tuple[Hashable, ...]]] = {None: []}
    for sleutel in aantallen:
        if sleutel[0] == "opleiding":
            opleiding = sleutel[1]
            instelling = instelling_van.get(opleiding) if isinstance(opleiding, uuid.UUID) else None
            per_instelling.setdefault(instelling, []).append(sleutel)
    sommen += [Som(("instelling", i), tuple(delen)) for i, delen in per_instelling.items()]
    return sommen


def _cellen(
    groepen: list[Verwijzinggroep], instelling_van: Mapping[uuid.UUID, uuid.UUID]
) -> list[Cel]:
    tellingen: Counter[tuple] = Counter()
    for g in groepen:
        instelling = instelling_van.get(g.opleiding_id) if g.opleiding_id else None
        tellingen[(instelling, g.opleiding_id, g.status)] += g.aantal
    cellen = [Cel(*sleutel, aantal=n) for sleutel, n in tellingen.items() if n]
    return sorted(cellen, key=lambda c: (str(c.instelling_id), str(c.opleiding_id), c.status))
