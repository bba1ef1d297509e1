from inburgering.intake.bootstrap import build_parts
from inburgering.intake.usecases.sleutelrotatie import rekey_job
from inburgering.shared.crypto.cli import main as run


def main() -> None:
    """The shared commands (serve, migrate, …) and `rekey [--check] [--batch-size N]`."""
    run(build_parts, rekey_job)


if __name__ == "__main__":
    main()
