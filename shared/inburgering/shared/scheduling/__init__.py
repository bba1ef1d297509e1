"""Durable timers: deadlines that fire once, across restarts, through the outbox."""

from inburgering.shared.scheduling.timers import (
    Clock,
    Timer,
    TimerHandler,
    TimerRegistry,
    Timers,
    TimerScheduler,
    timer_table,
)

__all__ = [
    "Clock",
    "Timer",
    "TimerHandler",
    "TimerRegistry",
    "TimerScheduler",
    "Timers",
    "timer_table",
]
