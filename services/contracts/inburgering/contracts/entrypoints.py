from inburgering.contracts.bootstrap import build_parts
from inburgering.shared.cli import main as run


def main() -> None:
    run(build_parts)


if __name__ == "__main__":
    main()
