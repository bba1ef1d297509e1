"""Kubernetes manifests per service: a Deployment per role, Service, ConfigMap, Secret template,
migration Job and consumer autoscaling."""

from __future__ import annotations

from typing import Any

from inburgering.devtools.deployment import ROLES, Service

# Keys a service cannot start without in production, per service (values come from your vault).
SERVICE_SECRETS = {
    "intake": {
        "INTAKE_BSN_KEY": "REPLACE-WITH-A-RANDOM-KEY",
        "INTAKE_GEZONDHEID_KEY": "REPLACE-WITH-ANOTHER-RANDOM-KEY",
    },
    "subscriptions": {"SUBSCRIPTIONS_CREDENTIAL_KEY": "REPLACE-WITH-A-RANDOM-KEY"},
}
# Non-secret settings a service needs in production beyond the common ones.
SERVICE_CONFIG = {
    # The ingress verifies DUO's PKIoverheid certificate and passes it on (docs/operations.md).
    "intake": {"INTAKE_DUO_MTLS": "true"},
}


def _labels(service: Service, role: str) -> dict[str, str]:
    return {
        "app.kubernetes.io/name": f"inburgering-{service.name}",
        "app.kubernetes.io/component": role,
        "app.kubernetes.io/part-of": "inburgering",
    }


def _container(service: Service, role: str) -> dict[str, Any]:
    container: dict[str, Any] = {
        "name": role,
        "image": f"registry.example/inburgering-{service.name}:0.1.0",
        "args": ["migrate"] if role == "migrate" else ["serve"],
        "envFrom": [
            {"configMapRef": {"name": f"inburgering-{service.name}"}},
            {"secretRef": {"name": f"inburgering-{service.name}"}},
        ],
        "env": [{"name": f"{service.prefix}ROLES", "value": ROLES.get(role, "api")}],
        "securityContext": {
            "runAsNonRoot": True,
            "runAsUser": 10001,
            "allowPrivilegeEscalation": False,
            "readOnlyRootFilesystem": True,
            "capabilities": {"drop": ["ALL"]},
        },
        "resources": {
            "requests": {"cpu": "100m", "memory": "192Mi"},
            "limits": {"cpu": "1", "memory": "512Mi"},
        },
    }
    if role != "migrate":
        container["ports"] = [{"name": "http", "containerPort": 8000}]
        container["livenessProbe"] = {
            "httpGet": {"path": "/health", "port": "http"},
            "periodSeconds": 10,
        }
        container["readinessProbe"] = {
            "httpGet": {"path": "/ready", "port": "http"},
            "periodSeconds": 5,
            "failureThreshold": 3,
        }
        # Out of the Service's endpoints before SIGTERM: then uvicorn finishes in-flight requests
        # and the consumer commits its last batch and leaves its group.
        container["lifecycle"] = {"preStop": {"exec": {"command": ["sleep", "5"]}}}
    return container


def kubernetes(service: Service) -> dict[str, list[dict[str, Any]]]:
    """File name → the manifests it holds."""
    name = f"inburgering-{service.name}"
    p = service.prefix
    files: dict[str, list[dict[str, Any]]] = {
        "configmap.yaml": [
            {
                "apiVersion": "v1",
                "kind": "ConfigMap",
                "metadata": {"name": name, "labels": _labels(service, "config")},
                "data": {
                    f"{p}ENVIRONMENT": "production",
                    f"{p}KAFKA_BOOTSTRAP_SERVERS": "kafka-bootstrap.kafka:9092",
                    f"{p}KAFKA_IDEMPOTENCE": "true",
                    f"{p}KAFKA_CREATE_TOPICS": "false",
                    f"{p}MIGRATE_ON_START": "false",
                    f"{p}HTTP_HOST": "0.0.0.0",
                    f"{p}HTTP_PORT": "8000",
                    f"{p}LOG_JSON": "true",
                    f"{p}JWT_ISSUERS": "https://auth.example.nl",
                    f"{p}JWT_JWKS_URL": "https://auth.example.nl/.well-known/jwks.json",
                    f"{p}SOURCE_OIN": "00000001234567890000",
                    f"{p}RATE_LIMIT_PER_MINUTE": "600",
                    **SERVICE_CONFIG.get(service.name, {}),
                },
            }
        ],
        "secret.template.yaml": [
            {
                "apiVersion": "v1",
                "kind": "Secret",
                "metadata": {"name": name, "labels": _labels(service, "config")},
                "type": "Opaque",
                "stringData": {
                    # The service's own role owns no table, so row-level security binds it;
                    # only the migration job uses the owner (docs/operations.md).
                    f"{p}DATABASE_URL": "postgresql+asyncpg://APP_ROLE:PASSWORD@HOST:5432/DATABASE",
                    f"{p}MIGRATION_DATABASE_URL": (
                        "postgresql+asyncpg://OWNER_ROLE:PASSWORD@HOST:5432/DATABASE"
                    ),
                    f"{p}JWT_DEV_SECRET": "REPLACE-WITH-A-RANDOM-VALUE-OF-32-BYTES-OR-MORE",
                    **SERVICE_SECRETS.get(service.name, {}),
                },
            }
        ],
        "migrate-job.yaml": [
            {
                "apiVersion": "batch/v1",
                "kind": "Job",
                "metadata": {"name": f"{name}-migrate", "labels": _labels(service, "migrate")},
                "spec": {
                    "backoffLimit": 3,
                    "template": {
                        "metadata": {"labels": _labels(service, "migrate")},
                        "spec": {
                            "restartPolicy": "Never",
                            "containers": [_container(service, "migrate")],
                        },
                    },
                },
            }
        ],
        "service.yaml": [
            {
                "apiVersion": "v1",
                "kind": "Service",
                "metadata": {"name": name, "labels": _labels(service, "api")},
                "spec": {
                    "selector": _labels(service, "api"),
                    "ports": [{"name": "http", "port": 80, "targetPort": "http"}],
                },
            }
        ],
    }
    for role in ROLES:
        if role == "consumer" and not service.consumes:
            continue
        files[f"deployment-{role}.yaml"] = [
            {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "metadata": {"name": f"{name}-{role}", "labels": _labels(service, role)},
                "spec": {
                    # A second relay stands by behind the advisory lock.
                    "replicas": 2,
                    "selector": {"matchLabels": _labels(service, role)},
                    "template": {
                        "metadata": {
                            "labels": _labels(service, role),
                            "annotations": {
                                "prometheus.io/scrape": "true",
                                "prometheus.io/port": "8000",
                                "prometheus.io/path": "/metrics",
                            },
                        },
                        "spec": {
                            "terminationGracePeriodSeconds": 30,
                            "containers": [_container(service, role)],
                        },
                    },
                },
            }
        ]
    if service.consumes:
        files["hpa-consumer.yaml"] = [
            {
                "apiVersion": "autoscaling/v2",
                "kind": "HorizontalPodAutoscaler",
                "metadata": {"name": f"{name}-consumer", "labels": _labels(service, "consumer")},
                "spec": {
                    "scaleTargetRef": {
                        "apiVersion": "apps/v1",
                        "kind": "Deployment",
                        "name": f"{name}-consumer",
                    },
                    # More consumers than partitions would sit idle (6 partitions per topic).
                    "minReplicas": 1,
                    "maxReplicas": 6,
                    "metrics": [
                        {
                            "type": "Resource",
                            "resource": {
                                "name": "cpu",
                                "target": {"type": "Utilization", "averageUtilization": 70},
                            },
                        }
                    ],
                },
            }
        ]
    return files
