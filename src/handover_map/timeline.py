"""Who controls what on each date: the control states derived from events.

For a district and a day the state is one of :data:`settings.STATES`:

``transferred``
    the latest change of control (a ``completed`` or ``captured`` event) on
    or before that day was a handover (``completed``), away from the
    district's original holder or back to it (then only until a newer
    handover date is announced: plans start afresh, and a plan to give it
    back is the handback's own, fulfilled however early).
``taken``
    the same, by a ``captured`` event: control changed without a handover.
``scheduled``
    a handover date is announced and not yet passed (the day itself counts:
    "by 1 December" is still on time on 1 December); a date that was later
    postponed counts as scheduled until it comes.
``postponed``
    the latest announced date has come and was put off, and no newer date is
    announced.
``overdue``
    the latest announced date has passed, not postponed, and no handover is
    reported.
``held``
    no change of control known.
``unreported``
    after the latest report (the *horizon*), a state that would have come
    only from time passing (an announced date going by) is not known: the
    reports end before it.

Only a change of control (:data:`settings.CONTROL_CHANGES`) moves a
district; announced dates never do.
The result depends only on the set of events, not on their order.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from . import settings
from .events import Event

ONE_DAY = dt.timedelta(days=1)

#: The state of a district after the latest report, when time alone would change it.
UNREPORTED = "unreported"


class _District:
    """What a district's state depends on, from its events, computed once.

    Of the announced dates only the latest matters: a later date is
    "scheduled" whenever an earlier one is, so the state follows the latest
    (see :func:`state_on`). Handovers are sorted by (date, taker), the order
    in which the latest one on a day is found.
    """

    def __init__(self, events: list[Event]) -> None:
        #: Who held the district before its first event.
        self.original = original_holder(events)
        self.completed = sorted((e for e in events if e.kind in settings.CONTROL_CHANGES), key=lambda e: (e.date, e.to, e.kind))
        plans = [e for e in events if e.kind in ("scheduled", "postponed")]
        #: The latest announced date, and whether it was put off; and the same after a handback, where a
        #: plan to hand the district back to its holder is the handback's own (done, however early).
        self.latest, self.latest_postponed = _latest_plan(plans)
        self.latest_anew, self.latest_anew_postponed = _latest_plan([e for e in plans if not self.original or e.to != self.original])

    def state(self, latest_completed: Event | None, day: dt.date | None) -> str:
        """The state on ``day`` (None: before every date) given the latest handover on or before it."""
        since, latest, postponed = dt.date.min, self.latest, self.latest_postponed
        if latest_completed is not None:
            if not latest_completed.to or latest_completed.to != self.original:
                return settings.CONTROL_STATE_OF_KIND[latest_completed.kind]
            # Handed back to the original holder: plans start afresh.
            since, latest, postponed = latest_completed.date, self.latest_anew, self.latest_anew_postponed
        if latest is None or latest <= since:
            # Handed back with no plan since: under its holder again, by that change ("retook" is no "held: no handover").
            return "held" if latest_completed is None else settings.CONTROL_STATE_OF_KIND[latest_completed.kind]
        # A postponed date is put off on the day itself; any other is kept on that day.
        if day is None or (day < latest if postponed else day <= latest):
            return "scheduled"
        return "postponed" if postponed else "overdue"


def _latest_plan(plans: list[Event]) -> tuple[dt.date | None, bool]:
    """The latest date of ``plans`` (scheduled and postponed events), and whether it was put off."""
    dates = [e.date for e in plans]
    latest = max(dates) if dates else None
    return latest, any(e.date == latest and e.kind == "postponed" for e in plans)


def state_on(events: Iterable[Event], day: dt.date) -> str:
    """State of one district on ``day``, given all of that district's events.

    Linear in the number of events.
    """
    district = _District(list(events))
    latest = max((e for e in district.completed if e.date <= day), key=lambda e: (e.date, e.to, e.kind), default=None)
    return district.state(latest, day)


@dataclass(frozen=True)
class Timeline:
    """Control states of every district over time, as change points.

    ``changes[name]`` lists ``(day, state)`` pairs, ascending; the first has
    ``day=None`` (the state before any date). ``stops`` are the dates a
    slider should offer: the day before the first event (when the calendar
    has one), every event date and every day on which a district's state
    changes, up to the slider's end when it has one (see
    :func:`build_timeline`). Between two stops no state changes, so the
    state on any day up to the last stop equals the state on the last stop
    before it.
    """

    changes: dict[str, list[tuple[dt.date | None, str]]]
    stops: list[dt.date]

    def state(self, name: str, day: dt.date) -> str:
        """State of district ``name`` on ``day`` (found by bisection)."""
        series = self.changes[name]
        return series[bisect_right(series, day, lo=1, key=lambda change: change[0] or dt.date.min) - 1][1]


def _candidate_days(events: list[Event]) -> set[dt.date]:
    """The days a state can change on: event dates, and the day after an announced date."""
    days = {e.date for e in events}
    days |= {e.date + ONE_DAY for e in events if e.kind in ("scheduled", "postponed") and e.date < dt.date.max}
    return days


def _series(events: list[Event], horizon: dt.date | None = None) -> list[tuple[dt.date | None, str]]:
    """Change points of one district, in one sweep over its sorted days and handovers.

    After ``horizon`` the first change is to :data:`UNREPORTED`, and none follows.
    """
    district = _District(events)
    series: list[tuple[dt.date | None, str]] = [(None, district.state(None, None))]
    latest, handovers = None, iter(district.completed)
    upcoming = next(handovers, None)
    for day in sorted(_candidate_days(events)):
        while upcoming is not None and upcoming.date <= day:
            latest, upcoming = upcoming, next(handovers, None)
        state = district.state(latest, day)
        if state != series[-1][1]:
            if horizon is not None and day > horizon:
                series.append((day, UNREPORTED))  # the reports end before this change
                break
            series.append((day, state))
    return series


def build_timeline(events_by_district: dict[str, list[Event]], *, horizon: dt.date | None = None, until: dt.date | None = None) -> Timeline:
    """Compute change points for each district.

    Parameters
    ----------
    events_by_district
        {district name: its events}; use the boundary names so the map can
        look states up by feature.
    horizon
        The date of the latest report: a change after it that only time
        passing would bring (an announced date going by) is
        :data:`UNREPORTED` instead, since no report can tell it.
    until
        The slider's last stop; default: ``horizon`` when given, else the
        last change. Stops after it are left out and it is a stop itself.

    Takes time n log n in the number of events.
    """
    changes: dict[str, list[tuple[dt.date | None, str]]] = {}
    stops: set[dt.date] = set()
    for name, events in sorted(events_by_district.items()):
        series = _series(events, horizon)
        changes[name] = series
        stops |= {e.date for e in events} | {day for day, _ in series[1:] if day is not None}
    if stops and min(stops) > dt.date.min:
        stops.add(min(stops) - ONE_DAY)
    end = until or horizon
    if end is not None and stops:
        stops = {day for day in stops if day <= end} | {end}
    return Timeline(changes=changes, stops=sorted(stops))


def slider_values(stops: list[dt.date]) -> list[int]:
    """The slider's value at each stop: its day counted from the first stop, but a long gap
    (:data:`~handover_map.settings.LONG_GAP_DAYS`, :data:`~handover_map.settings.LONG_GAP_TIMES`;
    there can be one only) drawn as wide as the other gaps together.

    >>> slider_values([dt.date(1982, 4, 1), dt.date(1982, 4, 2), dt.date(1982, 6, 14), dt.date(2022, 4, 2)])
    [0, 1, 74, 148]
    """
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(stops)]
    total = sum(gaps)
    values = [0]
    for gap in gaps:
        long = gap > settings.LONG_GAP_DAYS and gap > settings.LONG_GAP_TIMES * (total - gap)
        values.append(values[-1] + (max(1, total - gap) if long else gap))
    return values if stops else []


def original_holder(events: Iterable[Event]) -> str:
    """Who held a district before its first event: the ``from`` of its earliest event that names
    one (of one day's, by kind, then name), "" if none does."""
    givers = [(e.date, e.kind, e.from_) for e in events if e.from_]
    return min(givers)[2] if givers else ""


def holder_on(events: Iterable[Event], day: dt.date) -> str:
    """Who took a district in its latest change of control on or before ``day``
    ("" if none names who), ordered as :func:`state_on` orders the changes of one day."""
    changes = [e for e in events if e.kind in settings.CONTROL_CHANGES and e.date <= day]
    return max(changes, key=lambda e: (e.date, e.to, e.kind)).to if changes else ""


def group_by_district(events: Iterable[Event]) -> dict[str, list[Event]]:
    """{district name as written in the table: its events}."""
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        grouped[event.district].append(event)
    return dict(grouped)
