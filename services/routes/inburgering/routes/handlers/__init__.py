"""Routes use cases: each runs in one unit of work and appends its events to the outbox."""
