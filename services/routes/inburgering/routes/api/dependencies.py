from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request


def _nu(request: Request) -> datetime:
    # The runtime's clock, so that tests can place a request anywhere in a termijn.
    return request.app.state.runtime.parts.clock()


NuDep = Annotated[datetime, Depends(_nu)]
