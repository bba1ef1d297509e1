"""A request body larger than the service accepts is refused with 413 before it is read whole:
by its Content-Length when it gives one, else as soon as the streamed body passes the limit."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from inburgering.shared.http.problems import DomainError, problem_response


class VerzoekTeGroot(DomainError):
    """Raised from the body stream, so the app's own problem handlers answer it while the
    handler is still reading."""

    status = 413
    code = "verzoek-te-groot"
    title = "Het verzoek is te groot."


class RequestSizeLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise VerzoekTeGroot(
                        f"Deze dienst neemt verzoeken tot {self.max_bytes} bytes aan."
                    )
            return message

        await self.app(scope, counting_receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            VerzoekTeGroot.status,
            VerzoekTeGroot.code,
            VerzoekTeGroot.title,
            f"Deze dienst neemt verzoeken tot {self.max_bytes} bytes aan.",
        )
        await response(scope, receive, send)
