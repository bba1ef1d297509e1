"""`inburgering-portal [serve]`: the portal as one process (it has no other roles)."""

from __future__ import annotations

import argparse

import uvicorn

from inburgering.portal.app import create_app
from inburgering.portal.settings import PortalSettings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="inburgering-portal", description=__doc__)
    parser.add_argument("command", nargs="?", default="serve", choices=["serve"])
    parser.parse_args(argv)
    settings = PortalSettings()
    uvicorn.run(create_app(settings), host=settings.http_host, port=settings.http_port)


if __name__ == "__main__":
    main()
