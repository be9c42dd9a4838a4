"""Is a channel open now, and if not, when does it open? And its weekly hours as text,
as staff type them and visitors read them. Pure functions, Amsterdam time.

Opening hours are (weekday, opens, closes) periods, Monday = 0. A period that closes at
00:00 runs until midnight.
"""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from .choices import Weekday

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MIDNIGHT = time(0, 0)
EN_DASH = "\u2013"


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
        for weekday, opens, _closes in periods:
            if weekday == day.weekday() and (days_ahead or opens > local.time()):
                naive = datetime.combine(day, opens)
                return OpenState(is_open=False, next_opening=naive.replace(tzinfo=AMSTERDAM))
    return UNKNOWN


# ---------------------------------------------------------------- hours as text
# A channel's weekly hours as staff type them and as they are stored: parts separated by
# ";", each days and times, in English or Dutch: "every day 11:00-21:00",
# "mo-fr 09:00-17:00; sa 10:00-12:00, 13:00-15:00", "ma-vr 9-17", "werkdagen 9:00-17:00".
# 24:00 (or 00:00) as closing time means midnight. Stored as format_week writes it.

DAY_CODES = {
    "en": ("mo", "tu", "we", "th", "fr", "sa", "su"),
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
}
DAY_NAMES = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
EVERY_DAY = {"en": "every day", "nl": "elke dag"}
DAY_GROUPS = {
    **{
        words: tuple(range(7))
        for words in ("every day", "daily", "elke dag", "dagelijks", "alle dagen")
    },
    **{words: tuple(range(5)) for words in ("weekdays", "werkdagen", "werkdag")},
    **dict.fromkeys(("weekend", "weekends"), (5, 6)),
}
DAYS = {
    word: index
    for table in (*DAY_CODES.values(), *DAY_NAMES.values())
    for index, word in enumerate(table)
}
PART = re.compile(r"^(?P<days>[^\d]+?)\s*(?P<times>\d.*)$")
SPAN = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*-\s*(\d{1,2})(?:[:.](\d{2}))?$")


class HoursError(ValueError):
    """What is wrong with a text of hours, in words for staff."""


def parse_week(text):
    """The (weekday, opens, closes) periods of a text of hours, sorted; raises HoursError."""
    periods = set()
    text = (text or "").lower().replace(EN_DASH, "-").replace("\u2014", "-")
    for part in re.split(r"[;\n]", text):
        part = part.strip()
        if not part:
            continue
        found = PART.match(part)
        if not found:
            raise HoursError(
                _("“%(part)s”: write the days, then the times, like “mo-fr 09:00-17:00”.")
                % {"part": part}
            )
        days = _days(found["days"].strip(" ,:"), part)
        for span in found["times"].split(","):
            opens, closes = _span(span.strip(), part)
            periods.update((day, opens, closes) for day in days)
    periods = sorted(periods)
    for (day, _opens, closes), (next_day, next_opens, _end) in zip(
        periods, periods[1:], strict=False
    ):
        if day == next_day and (closes == MIDNIGHT or closes > next_opens):
            name = str(Weekday(day).label)
            raise HoursError(_("Two periods on %(day)s overlap.") % {"day": name})
    return tuple(periods)


def _days(words, part):
    if words in DAY_GROUPS:
        return DAY_GROUPS[words]
    days = []
    for item in re.split(r"\s*,\s*|\s+", words):
        ends = [end.strip() for end in item.split("-")]
        if not all(end in DAYS for end in ends) or len(ends) > 2:
            raise HoursError(
                _(
                    "“%(part)s”: “%(item)s” is not a day. Use mo tu we th fr sa su, "
                    "ma di wo do vr za zo, “mo-fr” or “every day”."
                )
                % {"part": part, "item": item}
            )
        first, last = DAYS[ends[0]], DAYS[ends[-1]]
        days.extend(
            range(first, last + 1) if first <= last else [*range(first, 7), *range(last + 1)]
        )
    return tuple(days)


def _span(span, part):
    found = SPAN.match(span)
    try:
        opens = time(int(found[1]), int(found[2] or 0))
        closes_hour = int(found[3])
        closes = (
            MIDNIGHT
            if closes_hour == 24 and not int(found[4] or 0)
            else time(closes_hour, int(found[4] or 0))
        )
    except (TypeError, ValueError):
        raise HoursError(
            _("“%(part)s”: “%(span)s” is not a time span like 09:00-17:00.")
            % {"part": part, "span": span}
        ) from None
    if not (opens < closes or closes == MIDNIGHT):
        raise HoursError(
            _("“%(part)s”: the closing time must be after the opening time.") % {"part": part}
        )
    return opens, closes


def hhmm(value, end=False):
    """09:00; a closing time of midnight as 24:00."""
    return "24:00" if end and value == MIDNIGHT else f"{value:%H:%M}"


def _by_days(periods):
    """[(first day, last day, spans)]: runs of following days with the same spans."""
    spans = {}
    for day, opens, closes in sorted(periods):
        spans.setdefault(day, []).append((opens, closes))
    runs = []
    for day in sorted(spans):
        if runs and runs[-1][1] == day - 1 and runs[-1][2] == spans[day]:
            runs[-1] = (runs[-1][0], day, spans[day])
        else:
            runs.append((day, day, spans[day]))
    return runs


def _spans_text(spans, dash):
    return ", ".join(f"{hhmm(opens)}{dash}{hhmm(closes, end=True)}" for opens, closes in spans)


def format_week(periods, language="en"):
    """The text parse_week reads back: "every day 11:00-21:00", "mo-fr 09:00-17:00"."""
    codes = DAY_CODES[language]
    parts = []
    for first, last, spans in _by_days(periods):
        if first == 0 and last == 6:
            days = EVERY_DAY[language]
        else:
            days = codes[first] if first == last else f"{codes[first]}-{codes[last]}"
        parts.append(f"{days} {_spans_text(spans, '-')}")
    return "; ".join(parts)


def describe_week(periods, day_names):
    """For visitors, in the active language: "Every day 11:00–21:00", "Monday to Friday
    09:00–17:00; Saturday 10:00–12:00". day_names: the seven names, Monday first."""
    parts = []
    for first, last, spans in _by_days(periods):
        if first == 0 and last == 6:
            days = _("every day")
        elif first == last:
            days = day_names[first]
        elif last == first + 1:
            days = _("%(first)s and %(last)s") % {
                "first": day_names[first],
                "last": day_names[last],
            }
        else:
            days = _("%(first)s to %(last)s") % {"first": day_names[first], "last": day_names[last]}
        parts.append(f"{days} {_spans_text(spans, EN_DASH)}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]
