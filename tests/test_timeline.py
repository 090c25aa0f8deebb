"""The control timeline: states per district and date, from the events table."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import strategies as st

from conftest import DEFAULT_EVENTS, ONE_REPORT_EVENTS
from handover_map.events import Event, read_events
from handover_map.timeline import build_timeline, group_by_district, state_on

D = dt.date


def _default():
    return group_by_district(read_events(DEFAULT_EVENTS))


def test_seed_article_states():
    events = group_by_district(read_events(ONE_REPORT_EVENTS))
    expected = {
        ("Aghdam", D(2020, 11, 19)): "held",
        ("Aghdam", D(2020, 11, 20)): "transferred",
        ("Kalbajar", D(2020, 11, 10)): "scheduled",
        ("Kalbajar", D(2020, 11, 15)): "postponed",
        ("Kalbajar", D(2020, 11, 24)): "postponed",
        ("Kalbajar", D(2020, 11, 25)): "transferred",
        ("Lachin", D(2020, 11, 30)): "scheduled",
        ("Lachin", D(2020, 12, 1)): "scheduled",
        ("Lachin", D(2020, 12, 5)): "overdue",
    }
    for (district, day), state in expected.items():
        assert state_on(events[district], day) == state, (district, day)


def test_the_story_hands_lachin_over_on_its_announced_day():
    events = _default()
    assert state_on(events["Lachin"], D(2020, 11, 30)) == "scheduled"
    assert state_on(events["Lachin"], D(2020, 12, 1)) == state_on(events["Lachin"], D(2020, 12, 5)) == "transferred"
    assert build_timeline(events).changes["Lachin"] == [(None, "scheduled"), (D(2020, 12, 1), "transferred")]


def test_timeline_change_points_agree_with_state_on():
    events = _default()
    timeline = build_timeline(events)
    assert timeline.changes["Kalbajar"] == [(None, "scheduled"), (D(2020, 11, 15), "postponed"), (D(2020, 11, 25), "transferred")]
    day = D(2020, 11, 1)
    while day < D(2021, 1, 1):
        for name in events:
            assert timeline.state(name, day) == state_on(events[name], day)
        day += dt.timedelta(days=1)


def test_a_handback_to_the_original_holder_is_a_change_of_control_and_plans_start_afresh():
    events = [
        Event("X", D(1982, 4, 2), "captured", "United Kingdom", "Argentina"),
        Event("X", D(1982, 6, 14), "captured", "Argentina", "United Kingdom"),
    ]
    assert state_on(events, D(1982, 4, 1)) == "held"
    assert state_on(events, D(1982, 5, 1)) == "taken"
    # Retaken: under its first holder again by a change of control, not "held: no handover reported".
    assert state_on(events, D(1982, 6, 14)) == "taken"
    handed = [Event("X", D(2020, 1, 1), "completed", "A", "B"), Event("X", D(2020, 2, 1), "completed", "B", "A")]
    assert state_on(handed, D(2020, 2, 1)) == "transferred"
    # A plan announced after the handback is the district's news again; one announced before it is not.
    later = [*handed, Event("X", D(2020, 3, 1), "scheduled", "A", "B")]
    assert state_on(later, D(2020, 2, 15)) == "scheduled"
    earlier = [*handed, Event("X", D(2020, 1, 20), "scheduled", "B", "A")]
    assert state_on(earlier, D(2020, 2, 15)) == "transferred"
    # A plan to hand it back, dated after the handback, was done early: no "overdue" once its day has passed.
    early = [*handed, Event("X", D(2020, 2, 10), "scheduled", "B", "A")]
    assert [state_on(early, D(2020, 2, day)) for day in (5, 15)] == ["transferred", "transferred"]


def test_a_new_date_after_a_postponement_is_scheduled():
    events = [
        Event("X", D(2020, 11, 15), "scheduled"),
        Event("X", D(2020, 11, 15), "postponed"),
        Event("X", D(2020, 11, 25), "scheduled"),
    ]
    assert state_on(events, D(2020, 11, 20)) == "scheduled"
    assert state_on(events, D(2020, 11, 26)) == "overdue"


# Property-based: random event sets for one district.
days = st.dates(min_value=D(2020, 1, 1), max_value=D(2020, 3, 1))
parties = st.sampled_from(["A", "B"])
event_strategy = st.builds(
    lambda day, kind, giver, taker: Event("X", day, kind, giver, taker),
    days,
    st.sampled_from(["scheduled", "postponed", "completed"]),
    parties,
    parties,
)


@given(st.lists(event_strategy, min_size=1, max_size=8), days, st.randoms())
def test_state_does_not_depend_on_row_order(events, day, rng):
    shuffled = list(events)
    rng.shuffle(shuffled)
    assert state_on(events, day) == state_on(shuffled, day)


@given(st.lists(st.builds(lambda d, k: Event("X", d, k, "A", "B"), days, st.sampled_from(["scheduled", "postponed"])), min_size=1), days)
def test_announcements_alone_never_transfer(events, day):
    assert state_on(events, day) != "transferred"


@given(st.lists(event_strategy, min_size=1, max_size=8))
def test_transferred_stays_until_a_later_completed_event(events):
    timeline = build_timeline({"X": events})
    completed_days = {e.date for e in events if e.kind == "completed"}
    for (_day, state), (next_day, _) in zip(timeline.changes["X"], timeline.changes["X"][1:]):
        if state == "transferred":
            assert next_day in completed_days


def test_random_tables_agree_between_timeline_and_state_on():
    rng = random.Random(7)
    for _ in range(200):
        events = [
            Event("X", D(2020, 1, 1) + dt.timedelta(days=rng.randrange(40)), rng.choice(["scheduled", "postponed", "completed"]), "A", rng.choice("AB"))
            for _ in range(rng.randrange(1, 6))
        ]
        timeline = build_timeline({"X": events})
        for offset in range(-2, 45):
            day = D(2020, 1, 1) + dt.timedelta(days=offset)
            assert timeline.state("X", day) == state_on(events, day)


def test_the_slider_draws_a_long_gap_as_wide_as_the_others_together():
    from handover_map.timeline import slider_values

    day = dt.date(2020, 11, 14)
    # Days apart as they are: the default map's stops, a month-long pause, gaps of a few days.
    assert slider_values([day, day + dt.timedelta(1), day + dt.timedelta(6), day + dt.timedelta(17)]) == [0, 1, 6, 17]
    assert slider_values([day, day + dt.timedelta(10), day + dt.timedelta(40)]) == [0, 10, 40]  # not over three times the rest
    assert slider_values([day, day + dt.timedelta(1), day + dt.timedelta(20)]) == [0, 1, 20]  # not over a month
    # A look back 40 years later: the gap is drawn as wide as the others (74 days).
    retrospective = [dt.date(1982, 4, 1), dt.date(1982, 4, 2), dt.date(1982, 6, 14), dt.date(2022, 4, 2)]
    assert slider_values(retrospective) == [0, 1, 74, 148]
    # Events ten years apart each: no gap is over three quarters of the time, all as they are.
    decades = [dt.date(2000, 1, 1), dt.date(2000, 1, 11), dt.date(2010, 1, 1), dt.date(2010, 1, 11), dt.date(2020, 1, 1)]
    assert slider_values(decades) == [(d - decades[0]).days for d in decades]
    # A single event with a report years later: the event half-way.
    assert slider_values([dt.date(2014, 3, 17), dt.date(2014, 3, 18), dt.date(2024, 3, 18)]) == [0, 1, 2]
    assert slider_values([day]) == [0] and slider_values([]) == []


def test_a_small_district_opens_with_its_neighbourhood_in_sight():
    import geopandas as gpd
    import pytest

    from handover_map.cartography import MapLayers

    def view(bounds):
        return MapLayers([], gpd.GeoSeries(), None, [], None, "", bounds).view

    karabakh = (45.6, 39.4, 46.9, 40.4)
    assert view(karabakh) == karabakh  # large enough: as it is
    # Tiran and Sanafir (about 24 by 12 km): half a degree of latitude, as many km of longitude.
    west, south, east, north = view((34.49, 27.908, 34.732, 28.017))
    assert north - south == pytest.approx(0.5) and (east - west) == pytest.approx(0.5 / 0.8829, rel=1e-3)
    # A rock of 200 m: six times its size, so that it stays in sight.
    west, south, east, north = view((131.86, 37.24, 131.862, 37.242))
    assert north - south == pytest.approx(0.012, rel=1e-3)
    # Far north, a tall narrow district: the widening stops at the region the context is cut to (1.5 degrees around).
    west, south, east, north = view((-66.5, 80.7, -66.45, 80.83))
    assert (west, east) == pytest.approx((-68.0, -64.95))
