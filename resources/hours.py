"""Is a resource open now, and if not, when does it open? Pure functions, Amsterdam time.

Opening hours are (weekday, opens, closes) periods, Monday = 0. A period that closes at
00:00 runs until midnight.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MIDNIGHT = time(0, 0)


@dataclass(frozen=True)
class OpenState:
    """What a visitor needs to know: open now (until when), or when it opens next."""

    is_open: bool
    always: bool = False
    closes: time | None = None
    next_opening: datetime | None = None
    known: bool = True


UNKNOWN = OpenState(is_open=False, known=False)
ALWAYS = OpenState(is_open=True, always=True)


def _contains(period, moment):
    _, opens, closes = period
    return opens <= moment < closes or (closes == MIDNIGHT and moment >= opens)


def open_state(open_24_7, periods, now):
    """The open state at `now` (any aware datetime) for a resource's opening periods."""
    if open_24_7:
        return ALWAYS
    periods = sorted(periods, key=lambda p: (p[0], p[1]))
    if not periods:
        return UNKNOWN
    local = now.astimezone(AMSTERDAM)
    for period in periods:
        if period[0] == local.weekday() and _contains(period, local.time()):
            return OpenState(is_open=True, closes=period[2])
    for days_ahead in range(8):
        day = local.date() + timedelta(days=days_ahead)
        for weekday, opens, _ in periods:
            if weekday == day.weekday() and (days_ahead or opens > local.time()):
                naive = datetime.combine(day, opens)
                return OpenState(is_open=False, next_opening=naive.replace(tzinfo=AMSTERDAM))
    return UNKNOWN


# Opening hours as one line of text, for CSV files: "mo 09:00-17:00; tu 09:00-12:00".
DAY_CODES = ("mo", "tu", "we", "th", "fr", "sa", "su")


def periods_to_text(periods):
    return "; ".join(
        f"{DAY_CODES[weekday]} {opens:%H:%M}-{closes:%H:%M}"
        for weekday, opens, closes in sorted(periods)
    )


def text_to_periods(text):
    """Parse periods_to_text's format; raises ValueError saying what is wrong."""
    periods = []
    for part in (text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        try:
            day, span = part.split()
            opens, closes = (time.fromisoformat(value) for value in span.split("-"))
            weekday = DAY_CODES.index(day.lower())
        except ValueError:
            raise ValueError(
                f"'{part}' is not like 'mo 09:00-17:00' (days: {' '.join(DAY_CODES)})"
            ) from None
        if not (opens < closes or closes == MIDNIGHT):
            raise ValueError(f"'{part}': closing time must be after opening time")
        periods.append((weekday, opens, closes))
    return sorted(periods)
