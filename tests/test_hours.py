"""Open now, or when it opens next, in Amsterdam time; hours as staff type them and as
visitors read them."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from resources.channels import Channel, listing_state
from resources.choices import Weekday
from resources.hours import (
    AMSTERDAM,
    HoursError,
    describe_week,
    format_week,
    open_state,
    parse_week,
)

DAILY_11_21 = [(day, time(11), time(21)) for day in range(7)]
WEEKDAYS_9_17 = [(day, time(9), time(17)) for day in range(5)]


def at(text):
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


def test_open_during_hours_until_closing_time():
    state = open_state(False, DAILY_11_21, at("2026-11-24 15:00"))
    assert state.is_open and state.closes == time(21)


def test_closed_in_the_morning_opens_later_today():
    state = open_state(False, DAILY_11_21, at("2026-11-24 08:30"))
    assert not state.is_open
    assert state.next_opening == at("2026-11-24 11:00")


def test_closing_minute_counts_as_closed():
    state = open_state(False, DAILY_11_21, at("2026-11-24 21:00"))
    assert not state.is_open
    assert state.next_opening == at("2026-11-25 11:00")


def test_friday_evening_opens_on_monday():
    state = open_state(False, WEEKDAYS_9_17, at("2026-11-27 18:00"))
    assert state.next_opening == at("2026-11-30 09:00")


def test_open_24_7_is_always_open():
    state = open_state(True, [], at("2026-11-24 03:00"))
    assert state.is_open and state.always


def test_no_hours_is_unknown_not_closed():
    state = open_state(False, [], at("2026-11-24 12:00"))
    assert not state.known


def test_period_closing_at_midnight_is_open_late():
    state = open_state(False, [(1, time(20), time(0))], at("2026-11-24 23:59"))
    assert state.is_open


def test_utc_time_is_read_as_amsterdam_time():
    # 10:30 UTC is 11:30 in Amsterdam in winter: open.
    utc = datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("UTC"))
    assert open_state(False, DAILY_11_21, utc).is_open
    # 20:30 UTC on a summer day is 22:30 in Amsterdam: closed.
    summer = datetime(2026, 7, 1, 20, 30, tzinfo=ZoneInfo("UTC"))
    assert not open_state(False, DAILY_11_21, summer).is_open


# ---------------------------------------------------------------- hours as staff type them


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("every day 11:00-21:00", "every day 11:00-21:00"),
        ("Elke dag 11-21", "every day 11:00-21:00"),
        (
            "ma-vr 9:00–17:00; za 10.00-12.00, 13-15",
            "mo-fr 09:00-17:00; sa 10:00-12:00, 13:00-15:00",
        ),
        ("werkdagen 09:00-17:00", "mo-fr 09:00-17:00"),
        ("weekend 10:00-14:00", "sa-su 10:00-14:00"),
        ("mo 22:00-24:00", "mo 22:00-24:00"),
        ("mo, we, fr 13:00-18:00", "mo 13:00-18:00; we 13:00-18:00; fr 13:00-18:00"),
        ("maandag 9-17\ndinsdag 9-17", "mo-tu 09:00-17:00"),
    ],
)
def test_hours_are_typed_in_dutch_or_english_and_stored_the_same_way(typed, stored):
    assert format_week(parse_week(typed)) == stored
    assert parse_week(format_week(parse_week(typed), "nl")) == parse_week(typed)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("every day", "write the days, then the times"),
        ("xx 09:00-17:00", "is not a day"),
        ("mo 9-25", "is not a time span"),
        ("mo 17:00-09:00", "closing time must be after"),
        ("mo 09:00-12:00, 11:00-13:00", "overlap"),
    ],
)
def test_hours_that_cannot_be_read_say_what_is_wrong(typed, says):
    with translation.override("en"), pytest.raises(HoursError, match=says):
        parse_week(typed)


def test_hours_for_visitors_name_the_days_in_their_language():
    periods = parse_week("mo-fr 09:00-17:00; sa 10:00-12:00")
    with translation.override("en"):
        names = [str(day.label) for day in Weekday]
        assert describe_week(periods, names) == "Monday to Friday 09:00–17:00; Saturday 10:00–12:00"
    with translation.override("nl"):
        names = [str(day.label) for day in Weekday]
        assert (
            describe_week(periods, names) == "Maandag t/m vrijdag 09:00–17:00; zaterdag 10:00–12:00"
        )
        assert describe_week(parse_week("every day 11-21"), names) == "Elke dag 11:00–21:00"


def channel(hours, week=""):
    periods = parse_week(week) if week else ()
    return Channel("phone", "0800-0432", False, hours, periods, "", "")


def test_a_listing_is_open_when_one_channel_is_and_closed_only_when_all_are_known():
    office = channel("week", "mo-fr 09:00-17:00")
    evening = channel("week", "mo-fr 18:00-21:00")
    night = at("2026-11-24 17:30")
    assert not listing_state([office, evening], night).is_open
    assert listing_state([office, evening], night).next_opening == at("2026-11-24 18:00")
    assert listing_state([office, channel("always")], night).always
    assert not listing_state([office, channel("unknown")], night).known
