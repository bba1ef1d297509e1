from inburgering.shared.crypto.cli import main as run
from inburgering.subscriptions.bootstrap import build_parts
from inburgering.subscriptions.sleutelrotatie import rekey_job


def main() -> None:
    """The shared commands (serve, migrate, …) and `rekey [--check] [--batch-size N]`."""
    run(build_parts, rekey_job)


if __name__ == "__main__":
    main()
