"""Metrics for operators: HTTP latency, outbox backlog, relay throughput, consumer outcomes."""
