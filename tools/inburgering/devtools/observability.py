"""The observability overlay: Prometheus, Grafana with a dashboard per service, and an
OpenTelemetry collector feeding a trace viewer; generated like the rest of the deployment."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inburgering.devtools.deployment import ROLES, SERVICES, Service, render_yaml
from inburgering.devtools.event_schemas import REPOSITORY_ROOT

OVERLAY = REPOSITORY_ROOT / "deploy" / "compose" / "observability.yml"
CONFIG_DIR = REPOSITORY_ROOT / "deploy" / "observability"


def overlay() -> dict[str, Any]:
    services: dict[str, Any] = {
        "otel-collector": {
            "image": "otel/opentelemetry-collector-contrib:0.114.0",
            "command": ["--config=/etc/otelcol/config.yaml"],
            "volumes": ["./deploy/observability/otel-collector.yaml:/etc/otelcol/config.yaml:ro"],
            "depends_on": ["jaeger"],
        },
        "jaeger": {
            "image": "jaegertracing/all-in-one:1.62.0",
            "environment": {"COLLECTOR_OTLP_ENABLED": "true"},
            "ports": ["16686:16686"],
        },
        "prometheus": {
            "image": "prom/prometheus:v2.55.1",
            "volumes": [
                "./deploy/observability/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./deploy/observability/alerts.yml:/etc/prometheus/alerts.yml:ro",
            ],
            "ports": ["9090:9090"],
        },
        "grafana": {
            "image": "grafana/grafana:11.3.1",
            "environment": {"GF_AUTH_ANONYMOUS_ENABLED": "true"},
            "volumes": [
                "./deploy/observability/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/observability/grafana/dashboards:/var/lib/grafana/dashboards:ro",
            ],
            "ports": ["3000:3000"],
            "depends_on": ["prometheus"],
        },
    }
    for service in SERVICES:
        for role in ROLES:
            services[f"{service.name}-{role}"] = {
                "environment": {
                    f"{service.prefix}OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel-collector:4318"
                }
            }
    return {"services": services}


def prometheus() -> dict[str, Any]:
    targets = [f"{s.name}-{role}:8000" for s in SERVICES for role in ROLES]
    return {
        "global": {"scrape_interval": "15s"},
        "rule_files": ["/etc/prometheus/alerts.yml"],
        "scrape_configs": [{"job_name": "inburgering", "static_configs": [{"targets": targets}]}],
    }


def alerts() -> dict[str, Any]:
    """What an operator must hear about at once: parked events, and events that name another
    gemeente than the case they touch (mis-keyed or forged; docs/security.md)."""
    consumed = "inburgering_consumer_events_total"
    return {
        "groups": [
            {
                "name": "inburgering",
                "rules": [
                    {
                        "alert": "GebeurtenisGeparkeerd",
                        "expr": f'increase({consumed}{{outcome="dead-lettered"}}[10m]) > 0',
                        "labels": {"severity": "warning"},
                        "annotations": {
                            "summary": "Een gebeurtenis staat op de dead-letter topic",
                            "runbook": "docs/operations.md#dead-letters",
                        },
                    },
                    {
                        "alert": "GebeurtenisVanAndereGemeente",
                        "expr": f'increase({consumed}{{outcome="tenant-mismatch"}}[10m]) > 0',
                        "labels": {"severity": "critical"},
                        "annotations": {
                            "summary": (
                                "Een gebeurtenis noemt een andere gemeente dan de zaak die zij "
                                "raakt; geparkeerd, niet toegepast"
                            ),
                            "runbook": "docs/operations.md#dead-letters",
                        },
                    },
                ],
            }
        ]
    }


def collector() -> dict[str, Any]:
    return {
        "receivers": {"otlp": {"protocols": {"http": {"endpoint": "0.0.0.0:4318"}}}},
        "processors": {"batch": {}},
        "exporters": {"otlp/jaeger": {"endpoint": "jaeger:4317", "tls": {"insecure": True}}},
        "service": {
            "pipelines": {
                "traces": {
                    "receivers": ["otlp"],
                    "processors": ["batch"],
                    "exporters": ["otlp/jaeger"],
                }
            }
        },
    }


def _panel(panel_id: int, title: str, expr: str, unit: str = "short") -> dict[str, Any]:
    return {
        "id": panel_id,
        "type": "timeseries",
        "title": title,
        "datasource": {"type": "prometheus", "uid": "prometheus"},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "gridPos": {
            "h": 8,
            "w": 12,
            "x": 12 * ((panel_id - 1) % 2),
            "y": 8 * ((panel_id - 1) // 2),
        },
        "targets": [{"refId": "A", "expr": expr}],
    }


def dashboard(service: Service) -> dict[str, Any]:
    s = f'service="{service.name}"'
    http = "inburgering_http_request_duration_seconds"
    consumed = "inburgering_consumer_events_total"
    panels = [
        (
            "Requests per second by route",
            f"sum by (route) (rate({http}_count{{{s}}}[5m]))",
            "reqps",
        ),
        (
            "p95 latency by route",
            f"histogram_quantile(0.95, sum by (le, route) (rate({http}_bucket{{{s}}}[5m])))",
            "s",
        ),
        ("Outbox backlog", f"inburgering_outbox_backlog{{{s}}}", "short"),
        (
            "Oldest unpublished event",
            f"inburgering_outbox_oldest_unpublished_age_seconds{{{s}}}",
            "s",
        ),
        (
            "Events published per second",
            f"sum by (topic) (rate(inburgering_relay_published_events_total{{{s}}}[5m]))",
            "ops",
        ),
        ("Events consumed by outcome", f"sum by (outcome) (rate({consumed}{{{s}}}[5m]))", "ops"),
        ("Consumer lag", f"sum by (topic) (inburgering_consumer_lag{{{s}}})", "short"),
        ("Dead letters (total)", f'sum({consumed}{{{s},outcome="dead-lettered"}})', "short"),
    ]
    return {
        "uid": f"inburgering-{service.name}",
        "title": f"Inburgering — {service.name}",
        "schemaVersion": 39,
        "refresh": "30s",
        "time": {"from": "now-1h", "to": "now"},
        "panels": [_panel(i, *panel) for i, panel in enumerate(panels, start=1)],
    }


def expected_files() -> dict[Path, str]:
    files = {
        OVERLAY: render_yaml(overlay()),
        CONFIG_DIR / "prometheus.yml": render_yaml(prometheus()),
        CONFIG_DIR / "alerts.yml": render_yaml(alerts()),
        CONFIG_DIR / "otel-collector.yaml": render_yaml(collector()),
        CONFIG_DIR / "grafana" / "provisioning" / "datasources" / "prometheus.yaml": render_yaml(
            {
                "apiVersion": 1,
                "datasources": [
                    {
                        "name": "Prometheus",
                        "uid": "prometheus",
                        "type": "prometheus",
                        "url": "http://prometheus:9090",
                        "isDefault": True,
                    }
                ],
            }
        ),
        CONFIG_DIR / "grafana" / "provisioning" / "dashboards" / "inburgering.yaml": render_yaml(
            {
                "apiVersion": 1,
                "providers": [
                    {
                        "name": "inburgering",
                        "type": "file",
                        "options": {"path": "/var/lib/grafana/dashboards"},
                    }
                ],
            }
        ),
    }
    for service in SERVICES:
        path = CONFIG_DIR / "grafana" / "dashboards" / f"{service.name}.json"
        files[path] = json.dumps(dashboard(service), indent=2, ensure_ascii=False) + "\n"
    return files
