"""The election calendar: the Pilkada serentak 2024 phases (kept as data), and the years a date
without a year is read in. This module is the one owner of election dates; the date parser asks
it for years instead of writing its own."""

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
FIRST_DAY = date(2024, 1, 1)  # before this a date is outside the election (na)
ELECTION_YEAR = CALENDAR[3][0].year  # the voting day's year
# A day and month with no year and no publication date: the year whose weekday matches, the
# election year first, then the year after (disputes, PSU), then the year before (preparation).
YEARS = (ELECTION_YEAR, ELECTION_YEAR + 1, ELECTION_YEAR - 1)
# The reference day for a typed date without a publication date: mid election year.
DEFAULT_REFERENCE = date(ELECTION_YEAR, 7, 1)


def phase_for(date_iso: str | None) -> str:
    """pre|campaign|quiet|voting|post, or na for no/invalid dates and dates outside the calendar."""
    if not date_iso:
        return "na"
    try:
        day = date.fromisoformat(date_iso[:10])
    except ValueError:
        return "na"
    if day < FIRST_DAY:
        return "na"
    phase = "na"
    for start, name in CALENDAR:
        if day >= start:
            phase = name
    return phase
