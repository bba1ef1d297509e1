"""Small-cell suppression for figures that cross gemeenten, CBS-style; no I/O.

A published table is a set of counts (cells) plus the sums that tie them together: a table's
total is the sum of its rows, a quarter the sum of its months, a leerroute the sum of its
contracts. The rules:

1. Primary: a count of 1 to 4 is hidden (no value, marked `onderdrukt`); 0 and 5 or more are
   shown. A hidden count looks the same whatever the reason it is hidden.
2. Secondary (complementary suppression): no sum may give a hidden count away.
   a. When exactly one figure of a sum is hidden (a part, or the total), the smallest other part
      that is shown and not 0 is hidden as well: the smallest, so the least is lost, and never a
      0, since a hidden 0 protects nothing. When there is no such part, the total is hidden.
   b. When a sum's total is shown and its hidden parts add up to exactly their number, each of
      them must be 1; then the smallest shown part of 2 or more is hidden too, else the total.
   Hiding a figure can open another sum it belongs to, so the rule runs until no sum does.
3. Whether to suppress at all is the caller's: a gemeente's view of its own gemeentecodes is
   never suppressed; any view across gemeenten is.

What this does not do: it checks each sum on its own, not all of them together as a linear
system (as τ-ARGUS does), and it protects one table at a time: two tables over different
populations (another peildatum, another samenwerkingsverband, a gemeente's own figures next to
its region's) can still be subtracted from each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

DREMPEL = 5
"""The smallest count shown in a view across gemeenten (besides 0)."""

K = TypeVar("K", bound=Hashable)


def te_klein(aantal: int) -> bool:
    return 0 < aantal < DREMPEL


@dataclass(frozen=True)
class Som(Generic[K]):
    """A relation the published figures show: `totaal` is the sum of `delen`."""

    totaal: K
    delen: tuple[K, ...]


@dataclass(frozen=True)
class Cijfer:
    """A published count: its value, or None when it is suppressed."""

    aantal: int | None
    onderdrukt: bool


def onderdrukt(aantallen: Mapping[K, int], sommen: Iterable[Som[K]]) -> frozenset[K]:
    """The cells to hide: the small ones, and then the ones that keep every sum from giving
    a hidden cell away."""
    verborgen = {cel for cel, aantal in aantallen.items() if te_klein(aantal)}
    # The same figures must always hide the same cells, whatever order they were built in:
    # two answers that differ in a complement would together show what each one hides. The
    # smallest sums go first: a complement chosen inside a sub-total often protects the larger
    # sum as well, so less is lost than the other way round.
    alle = sorted(
        (Som(som.totaal, tuple(sorted(som.delen, key=repr))) for som in sommen),
        key=lambda som: (aantallen[som.totaal], repr(som.totaal), tuple(map(repr, som.delen))),
    )
    per_cel: dict[K, list[int]] = defaultdict(list)
    for i, som in enumerate(alle):
        for cel in (som.totaal, *som.delen):
            per_cel[cel].append(i)
    te_bekijken = list(reversed(range(len(alle))))
    while te_bekijken:
        extra = _aanvulling(alle[te_bekijken.pop()], aantallen, verborgen)
        if extra is not None:
            verborgen.add(extra)
            # Each step hides one more cell, so this ends.
            te_bekijken.extend(per_cel[extra])
    return frozenset(verborgen)


def _aanvulling(som: Som[K], aantallen: Mapping[K, int], verborgen: set[K]) -> K | None:
    """The cell to hide as well so this sum gives nothing away; None when it already doesn't."""
    verborgen_delen = [cel for cel in som.delen if cel in verborgen]
    totaal_verborgen = som.totaal in verborgen
    if len(verborgen_delen) + totaal_verborgen == 1:
        minimum = 1
    elif (
        not totaal_verborgen
        and verborgen_delen
        and sum(aantallen[cel] for cel in verborgen_delen) == len(verborgen_delen)
    ):
        minimum = 2
    else:
        return None
    kandidaat = _kleinste(som, aantallen, verborgen, minimum)
    if kandidaat is None and not totaal_verborgen:
        return som.totaal
    # A hidden total whose parts are all shown would have a part above 0: never None here.
    return kandidaat


def _kleinste(som: Som[K], aantallen: Mapping[K, int], verborgen: set[K], minimum: int) -> K | None:
    kandidaten = [cel for cel in som.delen if cel not in verborgen and aantallen[cel] >= minimum]
    return min(kandidaten, key=lambda cel: (aantallen[cel], repr(cel))) if kandidaten else None


def publiceer(
    aantallen: Mapping[K, int], sommen: Iterable[Som[K]], *, onderdrukken: bool
) -> dict[K, Cijfer]:
    """Every cell as it may be shown: suppressed where the rules say so, if they apply."""
    verborgen = onderdrukt(aantallen, sommen) if onderdrukken else frozenset()
    return {
        cel: Cijfer(None, True) if cel in verborgen else Cijfer(aantal, False)
        for cel, aantal in aantallen.items()
    }
