"""Whole lists from the services' paged endpoints, read up to a bound so that one page view
never turns into an unbounded crawl; the page says so when the bound was reached."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inburgering.portal.adapters.diensten import Diensten


@dataclass
class Lijst:
    items: list[dict[str, Any]] = field(default_factory=list)
    volledig: bool = True


async def alle(
    diensten: Diensten,
    dienst: str,
    pad: str,
    token: str,
    params: dict[str, Any] | None = None,
    *,
    per_pagina: int = 200,
    max_paginas: int = 10,
) -> Lijst:
    """Every item of a `limit`/`offset` list, at most `per_pagina × max_paginas`."""
    lijst = Lijst()
    for pagina in range(max_paginas):
        vraag = {**(params or {}), "limit": per_pagina, "offset": pagina * per_pagina}
        items = await diensten.json(dienst, pad, token, vraag)
        lijst.items.extend(items)
        if len(items) < per_pagina:
            return lijst
    lijst.volledig = False
    return lijst


async def gebeurtenissen(
    diensten: Diensten,
    token: str,
    gemeentecode: str,
    *,
    per_pagina: int = 500,
    max_paginas: int = 20,
) -> Lijst:
    """A gemeente's event feed from its start, oldest first (the feed offers no other order)."""
    lijst = Lijst()
    na = 0
    for _ in range(max_paginas):
        vraag = {"na": na, "limit": per_pagina, "gemeentecode": gemeentecode}
        items = await diensten.json("subscriptions", "/v1/gebeurtenissen", token, vraag)
        lijst.items.extend(items)
        if len(items) < per_pagina:
            return lijst
        na = int(items[-1]["sequence"])
    lijst.volledig = False
    return lijst
