"""Election phases from a date, by the Pilkada serentak 2024 calendar (kept as data)."""

from __future__ import annotations

from datetime import date

# (first day, phase): each phase runs until the next one starts.
CALENDAR: tuple[tuple[date, str], ...] = (
    (date(2000, 1, 1), "pre"),
    (date(2024, 9, 25), "campaign"),
    (date(2024, 11, 24), "quiet"),
    (date(2024, 11, 27), "voting"),
    (date(2024, 11, 28), "post"),
    (date(2025, 4, 1), "na"),
)


def phase_for(date_iso: str | None) -> str:
    """pre|campaign|quiet|voting|post, or na for no/invalid dates and dates outside the calendar."""
    if not date_iso:
        return "na"
    try:
        day = date.fromisoformat(date_iso[:10])
    except ValueError:
        return "na"
    if day < date(2024, 1, 1):
        return "na"
    phase = "na"
    for start, name in CALENDAR:
        if day >= start:
            phase = name
    return phase
