"""docs/configuration.md: every environment variable of every service, from the settings classes."""

from __future__ import annotations

import importlib
from pathlib import Path

from pydantic_settings import BaseSettings

from inburgering.devtools.event_schemas import REPOSITORY_ROOT
from inburgering.shared.settings import BaseServiceSettings

REFERENCE = REPOSITORY_ROOT / "docs" / "configuration.md"
SETTINGS = {
    "intake": "inburgering.intake.settings:IntakeSettings",
    "routes": "inburgering.routes.settings:RoutesSettings",
    "contracts": "inburgering.contracts.settings:ContractsSettings",
    "referrals": "inburgering.referrals.settings:ReferralsSettings",
    "subscriptions": "inburgering.subscriptions.settings:SubscriptionsSettings",
    "portal": "inburgering.portal.settings:PortalSettings",
}
SECRET_HINT = "secret"


def _settings_class(path: str) -> type[BaseSettings]:
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)


def _default(field: object) -> str:
    default = getattr(field, "default", None)
    if default is None or default == "":
        return "—"
    if hasattr(default, "get_secret_value"):
        return "(development value; required in production)"
    return f"`{getattr(default, 'value', default)}`"


def render() -> str:
    lines = [
        "# Configuration reference",
        "",
        "Generated from the settings classes by `uv run inburgering-dev env-reference`;",
        "a test fails when it is stale. Every service reads only variables with its own",
        "prefix. With `<PREFIX>ENVIRONMENT=production` a service refuses to start while any",
        "development default that is unsafe in production is still in place.",
        "",
    ]
    for service, path in SETTINGS.items():
        cls = _settings_class(path)
        prefix = cls.model_config.get("env_prefix", "")
        lines += [f"## {service}", "", "| variable | default | meaning |", "|---|---|---|"]
        for name, field in cls.model_fields.items():
            if name == "service_name":
                continue
            inherited = BaseServiceSettings.model_fields.get(name)
            text = field.description or (inherited.description if inherited else "") or ""
            description = text.replace("|", "\\|")
            lines.append(f"| `{prefix}{name.upper()}` | {_default(field)} | {description} |")
        lines.append("")
    return "\n".join(lines)


def write(target: Path = REFERENCE) -> Path:
    target.write_text(render())
    return target
