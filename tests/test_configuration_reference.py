"""docs/configuration.md documents exactly the settings the services read."""

from inburgering.devtools.env_reference import REFERENCE, render


def test_configuration_reference_is_current() -> None:
    assert REFERENCE.read_text() == render(), (
        "docs/configuration.md is stale: run `uv run inburgering-dev env-reference` and commit it"
    )


def test_every_setting_has_a_description() -> None:
    undocumented = [line for line in render().splitlines() if line.endswith("|  |")]
    assert undocumented == []
