"""The command line every service exposes: serve (api, relay, consumer), migrate."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable

import uvicorn

from inburgering.shared.logging import configure_logging
from inburgering.shared.observability.traces import configure_tracing
from inburgering.shared.runtime import ServiceParts, ServiceRuntime

COMMANDS = {
    "serve": "run the roles named in the settings (default: all of them)",
    "api": "run only the HTTP API",
    "relay": "run only the outbox relay",
    "consumer": "run only the event consumer",
    "scheduler": "run only the timer scheduler (deadlines)",
    "migrate": "apply database migrations and exit (production deployments)",
}


def main(build_parts: Callable[[], ServiceParts], argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run one inburgering service.")
    sub = parser.add_subparsers(dest="command")
    for name, help_text in COMMANDS.items():
        sub.add_parser(name, help=help_text)
    args = parser.parse_args(argv)
    command = args.command or "serve"

    parts = build_parts()
    settings = parts.settings
    configure_logging(json=settings.log_json)
    configure_tracing(settings.service_name, settings.otel_exporter_otlp_endpoint)
    if command != "serve":
        settings.roles = command
    runtime = ServiceRuntime(parts)

    if command == "migrate":
        asyncio.run(runtime.migrate())
        return
    # Every role serves HTTP: /health, /ready and /metrics for probes and scraping; only the
    # api role also serves the API itself.
    server = uvicorn.Server(
        uvicorn.Config(
            runtime.create_app(),
            host=settings.http_host,
            port=settings.http_port,
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=20,
        )
    )
    server.run()
