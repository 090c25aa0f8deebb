"""Reports that differ and claims on the page's data; the claimed/confirmed rule; the confirmation column."""

from __future__ import annotations

import datetime as dt

import pytest

from handover_map import InputDataError, settings
from handover_map.confirmation import Confirmation, confirmation, outlet_of, read_outlets
from handover_map.events import Event, events_csv, read_events
from handover_map.model import party_colours, state_labels
from handover_map.timeline import build_timeline, holder_on, state_on

DAY = dt.date(2020, 11, 25)
OUTLETS = read_outlets()


def _event(source: str, from_: str = "Armenia", to: str = "Azerbaijan", confirmation: str = "") -> Event:
    return Event("Kalbajar", DAY, "completed", from_, to, source=source, confirmation=confirmation)


def test_outlets_are_found_by_name_or_by_web_host():
    assert outlet_of("AZERTAC, Army enters a district, 2020-11-25", OUTLETS).side[0] == "Azerbaijan"  # type: ignore[union-attr]
    assert outlet_of("Some headline, 2020-11-25, https://www.armenpress.am/eng/news/1", OUTLETS).side[0] == "Armenia"  # type: ignore[union-attr]
    assert outlet_of("Example Wire, Army enters a district, 2020-11-25", OUTLETS) is None
    assert outlet_of("Example, https://notarmenpress.am/x", OUTLETS) is None  # a host that only ends alike is another


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("AZERTAC, Army enters a district, 2020-11-25", Confirmation("claimed", "Azerbaijan")),  # the gaining side alone
        ("Armenpress, Troops leave a district, 2020-11-25", Confirmation("confirmed")),  # the side giving it up says so
        ("Example Wire, Army enters a district, 2020-11-25", Confirmation("confirmed")),  # an outlet not listed: independent
        ("TASS, Peacekeepers report a handover, 2020-11-25", Confirmation("confirmed")),  # a third country's agency
        ("AZERTAC, Army enters, 2020-11-25 | Example Wire, Army enters, 2020-11-25", Confirmation("confirmed")),
        ("", Confirmation("confirmed")),  # no source: nothing says whose word it is
    ],
)
def test_the_rule(source, expected):
    assert confirmation(_event(source), OUTLETS) == expected


def test_without_parties_one_sides_outlets_are_a_claim_and_two_sides_confirm():
    assert confirmation(_event("AZERTAC, A district taken, 2020-11-25", "", ""), OUTLETS) == Confirmation("claimed", "Azerbaijan")
    both = "AZERTAC, A district taken, 2020-11-25 | Armenpress, A district lost, 2020-11-25"
    assert confirmation(_event(both, "", ""), OUTLETS) == Confirmation("confirmed")


def test_the_column_overrides_the_rule():
    assert confirmation(_event("AZERTAC, Army enters, 2020-11-25", confirmation="confirmed"), OUTLETS) == Confirmation("confirmed")
    assert confirmation(_event("Example Wire, Army enters, 2020-11-25", confirmation="claimed"), OUTLETS) == Confirmation("claimed", "Azerbaijan")


def test_the_confirmation_column_is_read_written_and_checked(tmp_path):
    table = tmp_path / "events.csv"
    table.write_text("district,date,kind,confirmation\nKalbajar,2020-11-25,completed,Claimed\nAghdam,2020-11-20,completed,\n", encoding="utf-8")
    events = read_events(table)
    assert [e.confirmation for e in events] == ["claimed", ""]
    again = tmp_path / "again.csv"
    again.write_text(events_csv(events), encoding="utf-8")
    assert read_events(again) == events
    table.write_text("district,date,kind,confirmation\nKalbajar,2020-11-25,completed,maybe\n", encoding="utf-8")
    with pytest.raises(InputDataError, match="row 2: unknown confirmation 'maybe'"):
        read_events(table)


# -- Parties and wording ----------------------------------------------------------------------------------------------


def _change(day: int, kind: str, from_: str, to: str, district: str = "Kalbajar") -> Event:
    return Event(district, dt.date(2020, 11, day), kind, from_, to)


def test_a_capture_is_taken_not_handed_over():
    events = [_change(20, "captured", "Party A", "Party B")]
    assert state_on(events, dt.date(2020, 11, 19)) == "held"
    assert state_on(events, dt.date(2020, 11, 20)) == "taken"
    assert state_labels(events)["taken"] == "Taken by Party B"
    assert state_labels([_change(20, "completed", "Party A", "Party B")])["transferred"] == "Handed over to Party B"


def test_a_district_passes_from_a_to_b_to_c_and_back():
    events = [_change(20, "completed", "Party A", "Party B"), _change(25, "captured", "Party B", "Party C"), _change(28, "captured", "Party C", "Party A")]
    timeline = build_timeline({"Kalbajar": events})
    # Back with Party A by a capture: taken, under Party A's control (its colour), not "held: no handover reported".
    assert [state for _, state in timeline.changes["Kalbajar"]] == ["held", "transferred", "taken"]
    assert holder_on(events, events[-1].date) == "Party A"
    assert party_colours(events) == {"Party B": settings.PARTY_COLOURS[0], "Party C": settings.PARTY_COLOURS[1], "Party A": settings.PARTY_COLOURS[2]}
    assert party_colours(events[:1]) == {}  # one taker: the colours stay the states'


def test_every_kind_and_state_is_defined_once_with_label_and_colour():
    from handover_map.words import LANGUAGES, words

    for lang in LANGUAGES:  # every kind and state has its words in every language
        say = words(lang)
        assert all(say(f"kind.{kind}") for kind in settings.EVENT_KINDS)
        assert all(say(f"state.{state}") for state in settings.STATES)
    assert set(settings.STATE_STYLES) == set(settings.STATES)
    assert set(settings.CONTROL_CHANGES) <= set(settings.EVENT_KINDS)
    assert all(style["label"] and style["color"].startswith("#") for style in settings.STATE_STYLES.values())


def test_the_snapshot_colours_and_names_the_parties_as_the_page_does(tmp_path):
    from matplotlib.colors import to_hex

    from handover_map.build import prepare_map
    from handover_map.snapshot import draw_small_multiples

    table = tmp_path / "parties.csv"
    table.write_text(
        "district,date,kind,from,to\nKalbajar,2020-11-20,completed,Party A,Party B\nKalbajar,2020-11-25,captured,Party B,Party C\nAghdam,2020-11-22,captured,Party A,Party C\n",
        encoding="utf-8",
    )
    figure = draw_small_multiples(prepare_map(events=table), [dt.date(2020, 11, 25)])
    legend = figure.legends[0]
    entries = {text.get_text(): to_hex(patch.get_facecolor()) for text, patch in zip(legend.get_texts(), legend.get_patches(), strict=True)}
    assert entries["Under Party B control"] == settings.PARTY_COLOURS[0].lower()
    assert entries["Under Party C control"] == settings.PARTY_COLOURS[1].lower()
    assert "Taken by Party C" not in entries  # the colours are the parties', not the states'


def test_the_export_has_an_interval_for_each_holder(tmp_path):
    from handover_map.build import prepare_map
    from handover_map.export import timeline_intervals

    table = tmp_path / "parties.csv"
    table.write_text(
        "district,date,kind,from,to\nKalbajar,2020-11-20,completed,Party A,Party B\nKalbajar,2020-11-25,completed,Party B,Party C\n", encoding="utf-8"
    )
    records = [interval.record() for interval in timeline_intervals(prepare_map(events=table))]
    assert [(r["state"], r["holder"], r["start"], r["end"]) for r in records] == [
        ("held", None, "2020-11-19", "2020-11-19"),
        ("transferred", "Party B", "2020-11-20", "2020-11-24"),
        ("transferred", "Party C", "2020-11-25", None),
    ]
