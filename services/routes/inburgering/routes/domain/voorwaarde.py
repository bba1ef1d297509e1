"""One completion condition, with the rule and the article it comes from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Voorwaarde:
    code: str
    regel: str
    artikel: str
    omschrijving: str
    vervuld: bool
    # Set when this service does not follow the fact (it is registered elsewhere, e.g. DUO).
    niet_gevolgd: bool = False
