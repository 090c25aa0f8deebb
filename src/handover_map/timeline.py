"""Who controls what on each date: the control states derived from events.

For a district and a day the state is one of :data:`settings.STATES`:

``transferred``
    the latest ``completed`` event on or before that day handed control away
    from the district's original holder.
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
    no handover known.

Only a ``completed`` event transfers a district; announced dates never do.
The result depends only on the set of events, not on their order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .events import Event

ONE_DAY = dt.timedelta(days=1)


def state_on(events: Iterable[Event], day: dt.date) -> str:
    """State of one district on ``day``, given all of that district's events."""
    events = list(events)
    completed = sorted((e for e in events if e.kind == "completed" and e.date <= day), key=lambda e: (e.date, e.to))
    since = dt.date.min
    if completed:
        original = _original_holder(events)
        latest = completed[-1]
        if not latest.to or latest.to != original:
            return "transferred"
        since = latest.date  # handed back to the original holder: plans start afresh
    postponed = {e.date for e in events if e.kind == "postponed"}
    announced = {e.date for e in events if e.kind == "scheduled"} | postponed
    statuses = []
    for date in sorted(d for d in announced if d > since):
        if date in postponed:
            statuses.append("scheduled" if day < date else "postponed")
        else:
            statuses.append("scheduled" if day <= date else "overdue")
    if "scheduled" in statuses:
        return "scheduled"
    return statuses[-1] if statuses else "held"


def _original_holder(events: list[Event]) -> str:
    """Who held the district before its first event (its earliest ``from``)."""
    dated = sorted((e.date, e.kind, e.from_) for e in events if e.from_)
    return dated[0][2] if dated else ""


@dataclass(frozen=True)
class Timeline:
    """Control states of every district over time, as change points.

    ``changes[name]`` lists ``(day, state)`` pairs, ascending; the first has
    ``day=None`` (the state before any date). ``stops`` are the dates a
    slider should offer: the day before the first event, every event date
    and every day on which a district's state changes. Between two stops no state
    changes, so the state on any day equals the state on the last stop
    before it.
    """

    changes: dict[str, list[tuple[dt.date | None, str]]]
    stops: list[dt.date]

    def state(self, name: str, day: dt.date) -> str:
        """State of district ``name`` on ``day``."""
        current = self.changes[name][0][1]
        for date, state in self.changes[name][1:]:
            if date > day:
                break
            current = state
        return current


def _candidate_days(events: list[Event]) -> set[dt.date]:
    days = {e.date for e in events}
    days |= {e.date + ONE_DAY for e in events if e.kind in ("scheduled", "postponed")}
    return days


def build_timeline(events_by_district: dict[str, list[Event]]) -> Timeline:
    """Compute change points for each district.

    Parameters
    ----------
    events_by_district
        {district name: its events}; use the boundary names so the map can
        look states up by feature.
    """
    changes: dict[str, list[tuple[dt.date | None, str]]] = {}
    stops: set[dt.date] = set()
    for name, events in sorted(events_by_district.items()):
        days = sorted(_candidate_days(events))
        series: list[tuple[dt.date | None, str]] = [(None, state_on(events, days[0] - ONE_DAY))]
        for day in days:
            state = state_on(events, day)
            if state != series[-1][1]:
                series.append((day, state))
        changes[name] = series
        stops |= {e.date for e in events} | {day for day, _ in series[1:]}
    if stops:
        stops.add(min(stops) - ONE_DAY)
    return Timeline(changes=changes, stops=sorted(stops))


def group_by_district(events: Iterable[Event]) -> dict[str, list[Event]]:
    """{district name as written in the table: its events}."""
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        grouped[event.district].append(event)
    return dict(grouped)
