"""Open now, or when it opens next: computed in Amsterdam time."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from resources.hours import AMSTERDAM, open_state

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
