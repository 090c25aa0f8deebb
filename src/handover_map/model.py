"""The map model: everything a map shows, built once, read by every output.

:func:`handover_map.build.prepare_map` makes a :class:`MapModel` from a
:class:`~handover_map.spec.MapSpec`; the page (:func:`handover_map.render.render_map`),
the folium layer (:class:`handover_map.render.HandoverLayer`), the small
multiples (:mod:`handover_map.snapshot`), the timeline export
(:mod:`handover_map.export`) and the notebook object
(:class:`handover_map.notebook.HandoverMap`) only read it: the timeline, the
legend and the texts are derived here, once, and drawn there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import settings
from .cartography import MapLayers
from .events import Event
from .spec import MapSpec
from .timeline import Timeline, build_timeline, group_by_district, original_holder
from .words import DEFAULT_LANGUAGE, words

#: The words naming a party in a state's label ("Handed over to {party}"), by state.
PARTY_LABEL_KEYS = {state: style["party_label"] for state, style in settings.STATE_STYLES.items() if style["party_label"]}

#: What a legend entry stands for: a state (drawn in its colour and hatching),
#: a party holding districts (its colour), or a context layer: the held area's
#: dashed outline (``held``) or the districts without events (``others``),
#: named as :func:`handover_map.render.context_geometry` names those layers.
LegendKind = Literal["state", "party", "held", "others"]


@dataclass(frozen=True)
class LegendEntry:
    """One entry of a map's legend, in the map's language; each output draws its swatch."""

    kind: LegendKind
    label: str
    #: The state of a ``state`` entry.
    state: str = ""
    #: The fill colour of a ``state``, ``party`` or ``others`` entry.
    colour: str = ""
    #: Whether the slider can show the state (a date past its end, in the page's address, may show one more).
    on_slider: bool = True


def event_order(event: Event) -> tuple[dt.date, int, str]:
    """The order in which maps list events: by date, kind, district."""
    return (event.date, settings.EVENT_KINDS.index(event.kind), event.district)


@dataclass(frozen=True)
class MapModel:
    """What a map shows, ready to render as a page, images or a table, and
    the files it was made from (which no output may replace).

    Made by :func:`handover_map.build.prepare_map`, or by :meth:`create` from
    prepared layers; outputs only read it.

    Attributes
    ----------
    spec
        What the user asked for; the model's ``until`` and ``lang`` are its.
    layers
        The districts and their context, in EPSG:4326 (``bounds``: the
        districts'; ``region``: what the map shows around them).
    joined
        {boundary name: that district's events}.
    title, subtitle, note, credits
        The texts around the map; ``note`` is the "as reported on" line.
    files
        The input files read.
    horizon
        The latest report's date (see :func:`~handover_map.build.report_horizon`).
    timeline
        The control states and slider stops, computed once.
    events
        The events of the drawn districts, in :func:`event_order`.
    drawn_states
        Every state the timeline draws, in the vocabulary's order.
    state_labels
        {state: legend label}, naming the parties when the events agree on them.
    party_colours
        {party: colour} when control goes to more than one party, else {}.
    legend
        Entries for every state the timeline draws, the parties, and the
        context layers; each output draws those it shows.
    """

    spec: MapSpec
    layers: MapLayers
    joined: dict[str, list[Event]]
    title: str
    subtitle: str
    note: str
    credits: tuple[str, ...]
    files: tuple[Path, ...]
    horizon: dt.date | None
    timeline: Timeline
    events: tuple[Event, ...]
    drawn_states: tuple[str, ...]
    state_labels: Mapping[str, str]
    party_colours: Mapping[str, str]
    legend: tuple[LegendEntry, ...]

    @property
    def until(self) -> dt.date | None:
        """The slider's last stop, if the spec asks for one."""
        return self.spec.until

    @property
    def lang(self) -> str:
        """The language of the map's own words and dates (see :data:`handover_map.words.LANGUAGES`)."""
        return self.spec.lang

    @classmethod
    def create(
        cls,
        layers: MapLayers,
        joined: dict[str, list[Event]],
        *,
        title: str,
        subtitle: str = "",
        note: str = "",
        credits: Iterable[str] = (),
        files: Iterable[Path] = (),
        horizon: dt.date | None = None,
        spec: MapSpec | None = None,
    ) -> MapModel:
        """The model of prepared layers and their events: the timeline, the
        events in order, the legend and its labels derived once.

        Parameters are the attributes of the same names; ``spec`` gives
        ``until`` and ``lang`` (default: a spec of defaults).
        """
        spec = spec or MapSpec()
        timeline = build_timeline(joined, horizon=horizon, until=spec.until)
        events = tuple(sorted((e for d in layers.districts for e in joined[d.name]), key=event_order))
        labels = state_labels(list(events), spec.lang)
        colours = party_colours(list(events))
        drawn = {state for series in timeline.changes.values() for _, state in series}
        drawn_states = tuple(state for state in settings.STATES if state in drawn)
        return cls(
            spec=spec,
            layers=layers,
            joined=joined,
            title=title,
            subtitle=subtitle,
            note=note,
            credits=tuple(credits),
            files=tuple(files),
            horizon=horizon,
            timeline=timeline,
            events=events,
            drawn_states=drawn_states,
            state_labels=labels,
            party_colours=colours,
            legend=_legend(layers, timeline, drawn_states, labels, colours, spec.lang),
        )


def _legend(
    layers: MapLayers, timeline: Timeline, drawn_states: tuple[str, ...], labels: Mapping[str, str], colours: Mapping[str, str], lang: str
) -> tuple[LegendEntry, ...]:
    """:attr:`MapModel.legend`: the states in their order, then the parties, then the context layers."""
    say = words(lang)
    end = timeline.stops[-1] if timeline.stops else None
    shown = {state for series in timeline.changes.values() for day, state in series if day is None or end is None or day <= end}
    # With several parties taking districts, the colour is who holds one: an entry per party instead of one per state held by.
    entries = [
        LegendEntry("state", labels[state], state=state, colour=settings.STATE_STYLES[state]["color"], on_slider=state in shown)
        for state in drawn_states
        if not (colours and state in settings.CONTROL_STATES)
    ]
    entries += [LegendEntry("party", say("state.under_control", party=party), colour=colour) for party, colour in colours.items()]
    if layers.held_area is not None:
        entries.append(LegendEntry("held", layers.held_area_label or say("page.held_area")))
    if not layers.other_districts.empty:
        entries.append(LegendEntry("others", say("page.other_districts"), colour=str(settings.CONTEXT_STYLE["fillColor"])))
    return tuple(entries)


def _only(values: set[str]) -> str | None:
    values.discard("")
    return next(iter(values)) if len(values) == 1 else None


def state_labels(events: list[Event], lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Legend labels in ``lang``, naming the parties when all events agree on them:
    who holds the districts before, to whom they are handed over, and who
    takes them without a handover."""
    say = words(lang)
    labels = {state: say(f"state.{state}") for state in settings.STATES}
    # An announced or put-off date announces a handover: its party is the handover's.
    handover = settings.CONTROL_STATE_OF_KIND["completed"]
    # Who held the districts before their first change (not every giver: the Falklands' are two).
    parties = {"held": _only({original_holder(district) for district in group_by_district(events).values()})}
    parties |= {state: _only({e.to for e in events if settings.CONTROL_STATE_OF_KIND.get(e.kind, handover) == state}) for state in settings.CONTROL_STATES}
    for state, party in parties.items():
        if party and state in PARTY_LABEL_KEYS:
            labels[state] = say(PARTY_LABEL_KEYS[state], party=party)
    return labels


def takers(events: list[Event]) -> list[str]:
    """The parties that control changes go to, in the order they first do."""
    changes = sorted((e for e in events if e.kind in settings.CONTROL_CHANGES and e.to), key=lambda e: (e.date, e.to))
    return list(dict.fromkeys(e.to for e in changes))


def party_colours(events: list[Event]) -> dict[str, str]:
    """{party: colour} when control goes to more than one party (the colours
    then follow who holds a district), else {}."""
    parties = takers(events)
    if len(parties) < 2:
        return {}
    palette = settings.PARTY_COLOURS
    return {party: palette[i % len(palette)] for i, party in enumerate(parties)}
