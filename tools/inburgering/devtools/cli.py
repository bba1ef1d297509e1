"""`inburgering-dev`: run the platform locally, mint development tokens, write migrations."""

from __future__ import annotations

import argparse
import os

from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.auth.tokens import PERMISSION_CLAIMS, SERVICES
from inburgering.shared.settings import DEV_JWT_SECRET


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="inburgering-dev", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="start the broker and all four services (Ctrl-C stops all)")
    run.add_argument("--database-url", default="", help="PostgreSQL server URL; SQLite if empty")
    run.add_argument("--data-dir", default=".data", help="folder for SQLite files and logs")
    run.add_argument("--base-port", type=int, default=8001, help="first service port")
    run.add_argument(
        "--empty",
        action="store_true",
        help="no demo region or hbo/wo network: set the region up through the API",
    )

    token = sub.add_parser("token", help="print a development bearer token")
    token.add_argument("--rol", choices=[r.value for r in Rol], default=Rol.GEMEENTE.value)
    token.add_argument("--gemeente", action="append", default=[], help="gemeentecode (repeatable)")
    token.add_argument("--kvk", help="KvK number of an aanbieder")
    token.add_argument("--instelling", help="id of an instelling")
    token.add_argument("--subject", default="dev-client")
    token.add_argument("--ttl", type=int, default=3600)
    token.add_argument(
        "--bevoegdheid",
        action="append",
        default=[],
        choices=list(PERMISSION_CLAIMS),
        help="extra permission claim, e.g. gezondheid (health data) or privacy (processing log)",
    )

    revision = sub.add_parser("revision", help="write a migration from a service's table changes")
    revision.add_argument("service", choices=SERVICES)
    revision.add_argument("-m", "--message", required=True)

    sub.add_parser("event-schemas", help="regenerate docs/events/ from the event models")
    sub.add_parser("env-reference", help="regenerate docs/configuration.md from the settings")
    sub.add_parser("deployment", help="regenerate docker-compose.yml and deploy/k8s/")

    args = parser.parse_args(argv)
    if args.command == "token":
        secret = os.environ.get("INBURGERING_DEV_JWT_SECRET", DEV_JWT_SECRET)
        print(
            mint_dev_token(
                secret,
                rol=Rol(args.rol),
                subject=args.subject,
                gemeentecodes=args.gemeente,
                kvk=args.kvk,
                instelling=args.instelling,
                ttl_seconds=args.ttl,
                permissions=args.bevoegdheid,
            )
        )
    elif args.command == "event-schemas":
        from inburgering.devtools.event_schemas import write

        for path in write():
            print(path.name)
    elif args.command == "env-reference":
        from inburgering.devtools.env_reference import write as write_reference

        print(write_reference())
    elif args.command == "deployment":
        from inburgering.devtools.deployment import write as write_deployment

        for path in write_deployment():
            print(path)
    elif args.command == "revision":
        from inburgering.devtools.revision import write_revision

        print(write_revision(args.service, args.message))
    else:
        from inburgering.devtools.platform import run_platform

        run_platform(
            database_url=args.database_url,
            data_dir=args.data_dir,
            base_port=args.base_port,
            empty=args.empty,
        )
