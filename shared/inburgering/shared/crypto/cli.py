"""`rekey` next to the commands every service has (serve, migrate, …): re-seal a service's
sealed values under its current keys. `rekey --check` only counts values per key id, so an
operator can see that none are left under a key before removing it from the settings."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable

from inburgering.shared import cli as service_cli
from inburgering.shared.crypto.rekey import RekeyReport
from inburgering.shared.logging import configure_logging
from inburgering.shared.persistence.unit_of_work import UnitOfWork
from inburgering.shared.runtime import ServiceParts, ServiceRuntime

COMMAND = "rekey"

# (parts, unit-of-work factory, batch size, check only) -> report
RekeyJob = Callable[[ServiceParts, Callable[[], UnitOfWork], int, bool], Awaitable[RekeyReport]]


def main(
    build_parts: Callable[[], ServiceParts], job: RekeyJob, argv: list[str] | None = None
) -> None:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != COMMAND:
        service_cli.main(build_parts, args)
        return
    parser = argparse.ArgumentParser(
        prog=COMMAND, description="Re-seal and re-hash stored values under the current keys."
    )
    parser.add_argument("--batch-size", type=int, default=500, help="rows per transaction")
    parser.add_argument(
        "--check", action="store_true", help="only count values per key id; change nothing"
    )
    options = parser.parse_args(args[1:])
    sys.exit(asyncio.run(run(build_parts, job, options.batch_size, options.check)))


async def run(
    build_parts: Callable[[], ServiceParts], job: RekeyJob, batch_size: int, check: bool
) -> int:
    """Exit status 0 when every value is under the current key (or, with --check, would be
    after nothing), 1 otherwise."""
    parts = build_parts()
    configure_logging(json=parts.settings.log_json)
    runtime = ServiceRuntime(parts)
    try:
        report = await job(parts, runtime.uow, batch_size, check)
    finally:
        await runtime.engine.dispose()
    for line in report.lines():
        print(line)
    done = report.pending == 0 if check else report.complete
    return 0 if done else 1
