"""A subscriber's webhook endpoint as a separate process, for the subscriptions e2e test.

Usage: python -m tests.e2e.webhook_receiver PORT LOG_FILE TOKEN
Answers the CloudEvents OPTIONS handshake, accepts POSTs that carry `Bearer TOKEN` (204) and
appends each one, headers and body, as a JSON line to LOG_FILE."""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Lock


def make_handler(log_path: str, token: str) -> type[BaseHTTPRequestHandler]:
    lock = Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_OPTIONS(self) -> None:
            self.send_response(200)
            self.send_header(
                "WebHook-Allowed-Origin", self.headers.get("WebHook-Request-Origin", "")
            )
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.headers.get("Authorization") != f"Bearer {token}":
                self.send_response(401)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            entry = {
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode(),
            }
            with lock, open(log_path, "a") as log:
                log.write(json.dumps(entry) + "\n")
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


def main() -> None:
    port, log_path, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(log_path, token))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
