"""Whose referrals a caller may see: a gemeente its own, an institution those to its programmes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class GemeenteInzage:
    gemeentecodes: frozenset[str]


@dataclass(frozen=True)
class InstellingInzage:
    instelling_id: uuid.UUID


Inzage = GemeenteInzage | InstellingInzage
