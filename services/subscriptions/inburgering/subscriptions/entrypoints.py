from inburgering.shared.cli import main as run
from inburgering.subscriptions.bootstrap import build_parts


def main() -> None:
    run(build_parts)


if __name__ == "__main__":
    main()
