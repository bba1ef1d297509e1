"""A subscriber's webhook endpoint as a real process (`webhook_receiver.py`) that can go down and
come back."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from inburgering.devtools.platform import stop
from inburgering.shared.testing.broker import free_port

RECEIVER_TOKEN = "ontvanger-token-e2e"


class Receiver:
    """The subscriber's endpoint as a real process that can go down and come back."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.log = directory / "received.jsonl"
        self.log.touch()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.e2e.webhook_receiver",
                str(self.port),
                str(self.log),
                RECEIVER_TOKEN,
            ],
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                httpx.options(self.url, timeout=1)
                return
            except httpx.HTTPError:
                if self.process.poll() is not None:
                    raise RuntimeError("receiver exited") from None
                time.sleep(0.05)
        raise TimeoutError("receiver did not start")

    def stop(self) -> None:
        if self.process is not None:
            stop([self.process])
            self.process = None

    def received(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log.read_text().splitlines() if line]
