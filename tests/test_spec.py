"""The typed map spec and the map model: keywords become one spec, the model
is built once and every output reads it; the command line and Python give
the same page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

import handover_map.timeline
from conftest import ONE_REPORT_EVENTS, REPO
from handover_map import MapModel, MapSpec, OptionError, PageOptions, build_map, prepare_map
from handover_map.build import build_html
from handover_map.cli import cli
from handover_map.model import event_order
from handover_map.notebook import HandoverLayer, HandoverMap
from handover_map.spec import DEFAULT_FOR_MODE, MAP_OPTIONS, MapOptions, map_spec
from handover_map.words import DEFAULT_LANGUAGE

DAY = dt.date(2020, 11, 25)


@pytest.fixture(scope="module")
def model() -> MapModel:
    return prepare_map(events=ONE_REPORT_EVENTS, context="none")


# -- the spec ------------------------------------------------------------------------------------


def test_every_option_has_a_typed_default():
    spec = MapSpec()
    assert spec.events is None and spec.article is None and spec.title is None
    assert spec.credits == () and spec.simplify == 0 and spec.lang == DEFAULT_LANGUAGE
    page = PageOptions()
    assert page.self_contained is True and page.tiles == DEFAULT_FOR_MODE and page.message_origins == ()
    assert page.drawn_tiles() is None  # a self-contained page draws no tiles: it opens with no network


def test_the_keyword_types_are_the_spec_fields():
    # mypy checks keywords against MapOptions: it must say what MapSpec holds, no more, no less.
    fields = {field.name: field.type for field in dataclasses.fields(MapSpec)}
    assert {name: hint.__forward_arg__ for name, hint in MapOptions.__annotations__.items()} == fields
    assert tuple(fields) == MAP_OPTIONS


def test_a_spec_is_frozen_and_keeps_no_list_of_the_caller():
    credits = ["first line"]
    spec = MapSpec(credits=credits, article=["a.txt", "b.txt"])
    credits.append("added later")
    assert spec.credits == ("first line",) and spec.article == ("a.txt", "b.txt")
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.lang = "fr"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"events": "my.csv", "article": "a.txt"}, "not both"),
        ({"lang": "xx"}, "no words in 'xx'"),
        ({"simplify": float("nan")}, "not a number of metres"),
        ({"simplify": -1}, "not a number of metres"),
    ],
)
def test_the_spec_refuses_what_no_map_can_show(options, words):
    with pytest.raises(OptionError, match=words) as raised:
        MapSpec(**options)
    assert raised.value.exit_code == 2 and raised.value.hint


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"message_origins": ("https://blog.example.org/post",)}, "not a web origin"),
        ({"tiles": "https://tiles.example.org/{z}/{x}/{y}.png"}, "need --tiles-attribution"),
        ({"tiles": "No.Such.Provider"}, "neither a tile provider"),
    ],
)
def test_page_options_are_checked_when_made(options, words):
    with pytest.raises(OptionError, match=words):
        PageOptions(**options)


# -- keywords become the spec in one place --------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda out: build_map(out, lnag="fr"),  # type: ignore[call-arg]
        lambda out: build_html(lnag="fr"),  # type: ignore[call-arg]
        lambda out: prepare_map(lnag="fr"),  # type: ignore[call-arg]
        lambda out: HandoverMap.build(lnag="fr"),  # type: ignore[call-arg]
        lambda out: HandoverLayer.from_events(lnag="fr"),  # type: ignore[call-arg]
        lambda out: HandoverLayer.from_reports("reports/", lnag="fr"),  # type: ignore[call-arg]
    ],
    ids=["build_map", "build_html", "prepare_map", "HandoverMap.build", "from_events", "from_reports"],
)
def test_an_unknown_keyword_is_named_before_any_work(tmp_path, call):
    with pytest.raises(OptionError) as raised:
        call(tmp_path / "map.html")
    assert "'lnag'" in raised.value.message
    assert "did you mean lang?" in raised.value.hint
    assert not list(tmp_path.iterdir())


def test_an_unknown_keyword_far_from_any_option_gets_the_list_of_options():
    with pytest.raises(OptionError, match="no option 'colour', 'zoom'") as raised:
        prepare_map(colour="red", zoom=3)  # type: ignore[call-arg]
    assert raised.value.hint.startswith("the options of a map") and "held_area_label" in raised.value.hint


def test_keywords_replace_the_values_of_a_spec():
    spec = MapSpec(events="my.csv", title="Mine")
    assert map_spec(spec, {"lang": "fr"}, "test") == MapSpec(events="my.csv", title="Mine", lang="fr")
    assert map_spec(None, {}, "test") == MapSpec()


def test_a_table_given_where_the_spec_goes_is_named():
    with pytest.raises(OptionError, match="takes a MapSpec") as raised:
        prepare_map(ONE_REPORT_EVENTS)  # type: ignore[arg-type]
    assert "events=" in raised.value.hint


def test_mypy_sees_the_keywords(tmp_path):
    # The keyword convenience is typed: a misspelt or mistyped option is a type error where it is written.
    program = tmp_path / "use.py"
    program.write_text(
        textwrap.dedent(
            """
            import datetime as dt
            from handover_map import build_map
            build_map("out.html", events="my.csv", lang="fr", until=dt.date(2020, 12, 1))
            build_map("out.html", lnag="fr")
            build_map("out.html", simplify="a lot")
            """
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent", "--ignore-missing-imports", str(program)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 2, result.stdout
    assert 'Unexpected keyword argument "lnag"' in errors[0] and "use.py:5:" in errors[0]
    assert '"simplify"' in errors[1] and "use.py:6:" in errors[1]


# -- one model, built once ------------------------------------------------------------------------


def test_a_model_read_by_every_output_builds_its_timeline_once(tmp_path, monkeypatch):
    from handover_map.export import write_timeline
    from handover_map.snapshot import write_snapshot

    built = []
    original = handover_map.timeline.build_timeline

    def counted(*args, **kwargs):
        built.append(1)
        return original(*args, **kwargs)

    # Wherever a module took the function by name, it now counts.
    for module in [m for name, m in sys.modules.items() if name.startswith("handover_map")]:
        if getattr(module, "build_timeline", None) is original:
            monkeypatch.setattr(module, "build_timeline", counted)
    spec = MapSpec(events=ONE_REPORT_EVENTS, context="none")
    map_model = prepare_map(spec)
    assert len(built) == 1
    page = PageOptions(self_contained=False, initial_date=DAY)
    from handover_map.render import render_map

    render_map(map_model, page)
    HandoverMap(map_model, initial_date=DAY).to_html(self_contained=False)
    HandoverLayer.from_map(map_model, initial_date=DAY)
    write_timeline(map_model, tmp_path / "timeline.csv")
    write_snapshot(map_model, tmp_path / "small", [DAY])
    assert len(built) == 1


def test_the_model_holds_what_the_outputs_draw(model):
    assert model.timeline.stops[0] < model.timeline.stops[-1] == model.horizon
    assert list(model.events) == sorted((e for events in model.joined.values() for e in events), key=event_order)
    states = [entry.state for entry in model.legend if entry.kind == "state"]
    assert states and set(states) <= set(model.drawn_states)
    assert all(entry.label for entry in model.legend)
    assert model.until is None and model.lang == DEFAULT_LANGUAGE and model.spec.events == ONE_REPORT_EVENTS
    assert ONE_REPORT_EVENTS in model.files


def test_a_date_off_the_slider_is_refused_by_every_output(model):
    from handover_map.render import render_map

    with pytest.raises(OptionError, match="outside the slider's range"):
        render_map(model, PageOptions(self_contained=False, initial_date=dt.date(2030, 1, 1)))
    with pytest.raises(OptionError, match="outside the slider's range"):
        HandoverMap(model, initial_date=dt.date(2030, 1, 1))


def test_the_notebook_page_is_in_the_map_language():
    shown = HandoverMap.build(events=ONE_REPORT_EVENTS, context="none", lang="fr").to_html(self_contained=False)
    assert '<html lang="fr">' in shown


# -- the command line and Python give the same page ------------------------------------------------


def test_the_command_line_and_python_write_the_same_page(tmp_path):
    options = ["--events", ONE_REPORT_EVENTS, "--title", "Trois districts", "--credit", "Drawn for a test", "--lang", "fr", "--until", "2020-12-05"]
    result = CliRunner().invoke(cli, ["build", "--cdn", "-o", tmp_path / "cli.html", *[str(o) for o in options]], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    spec = MapSpec(events=ONE_REPORT_EVENTS, title="Trois districts", credits=["Drawn for a test"], lang="fr", until=dt.date(2020, 12, 5))
    by_spec = build_map(tmp_path / "spec.html", spec, self_contained=False)
    by_keywords = build_map(
        tmp_path / "keywords.html",
        self_contained=False,
        events=ONE_REPORT_EVENTS,
        title="Trois districts",
        credits=["Drawn for a test"],
        lang="fr",
        until=dt.date(2020, 12, 5),
    )
    page = (tmp_path / "cli.html").read_bytes()
    assert page == by_spec.read_bytes() == by_keywords.read_bytes()
    assert b"Trois districts" in page and b'<html lang="fr">' in page


def test_the_command_line_reports_a_spec_error_in_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--simplify", "-5", "-o", str(tmp_path / "t.csv")])
    assert result.exit_code == 2
    assert "is not a number of metres" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "t.csv").exists()
