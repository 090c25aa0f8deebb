"""Template syntax and markup from every input channel stay text.

Each channel a user or a report controls (events-table columns, boundary
names, the alias table, context and held-area files, an article's body,
headline and metadata, every CLI text option, snapshot titles) carries
Jinja2 syntax that would run a command or compute a value if it were ever
evaluated, and markup that would run script if it reached the page
unescaped. The real CLI (its entry point, run in-process) builds the page,
the snapshot and the tables; the tests assert that nothing ran and that each
text comes out literally.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Outcome, run_command

pytestmark = pytest.mark.browser


def _payload(channel: str, marker: Path) -> str:
    """A text that runs ``touch marker`` if evaluated as a template, adds up if
    computed, and sets ``window.pwned`` if its markup runs."""
    return (
        f"{channel} {{{{ lipsum.__globals__['os'].popen('touch {marker}-{channel}').read() }}}} "
        f"{{{{7*7}}}} {{% if 1 %}}IF{{% endif %}}{{# c #}} "
        f"</script><script>window.pwned='{channel}'</script><img src=x onerror=\"window.pwned='{channel}'\">"
    )


def _square(x: float, y: float, size: float = 0.2) -> list:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def _feature_collection(features: list[tuple[dict, list]]) -> str:
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": ring}} for props, ring in features],
        }
    )


def _cli(*args: str, cwd: Path) -> Outcome:
    """The console command, in this process (see :func:`conftest.run_command`): a template that ran would touch its marker here too."""
    done = run_command(list(args), {"HANDOVER_MAP_OFFLINE": "1"}, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Hostile inputs for every channel, and the outputs the CLI made of them."""
    work = tmp_path_factory.mktemp("hostile")
    marker = work / "ran"
    text = {
        c: _payload(c, marker)
        for c in (
            "name",
            "alias",
            "from",
            "to",
            "source",
            "evidence",
            "note",
            "context",
            "held",
            "held-label",
            "title",
            "subtitle",
            "credit",
            "headline",
            "og",
            "sentence",
        )
    }
    # Two synthetic districts whose names are hostile; the second is reached through a hostile alias.
    (work / "districts.geojson").write_text(
        _feature_collection(
            [
                ({"district": text["name"]}, _square(46.0, 40.0)),
                ({"district": "Quiet District"}, _square(46.2, 40.0)),
            ]
        ),
        encoding="utf-8",
    )
    (work / "aliases.csv").write_text('name,alias\n"Quiet District","' + text["alias"].replace('"', '""') + '"\n', encoding="utf-8")
    (work / "countries.geojson").write_text(_feature_collection([({"name": text["context"]}, _square(45.5, 39.5, 1.2))]), encoding="utf-8")
    (work / "held.geojson").write_text(_feature_collection([({"name": text["held"]}, _square(45.9, 39.9, 0.6))]), encoding="utf-8")

    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    (work / "events.csv").write_text(
        "district,date,kind,from,to,source,evidence,note\n"
        + ",".join([cell(text["name"]), "2020-11-20", "completed"] + [cell(text[c]) for c in ("from", "to", "source", "evidence", "note")])
        + "\n"
        + ",".join([cell(text["alias"]), "2020-11-25", "completed", "", "", "", "", ""])
        + "\n",
        encoding="utf-8",
    )
    common = [
        "--boundaries",
        "districts.geojson",
        "--name-field",
        "district",
        "--aliases",
        "aliases.csv",
        "--context",
        "countries.geojson",
        "--held-area",
        "held.geojson",
        "--held-area-field",
        "name",
        "--held-area-name",
        text["held"],
        "--held-area-label",
        text["held-label"],
        "--title",
        text["title"],
        "--subtitle",
        text["subtitle"],
        "--credit",
        text["credit"],
    ]
    _cli("build", "--events", "events.csv", *common, "--self-contained", "-o", "table.html", cwd=work)
    _cli("snapshot", "--events", "events.csv", *common, "-o", "snap", cwd=work)

    # An article on the real districts, hostile in its metadata, headline and sentences.
    (work / "2020-11-25-report.html").write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{_html(text['headline'])}</title><meta property='og:title' content='{_html(text['og'])}'>"
        "<meta property='article:published_time' content='2020-11-25T10:00:00Z'></head><body><article>"
        f"<h1>{_html(text['headline'])}</h1>"
        f"<p>Azerbaijani troops entered the Kalbajar district on 25 November 2020, {_html(text['sentence'])} officials said.</p>"
        "<p>Aghdam was ceded on 20 November 2020 under the ceasefire deal, the defence ministry said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    _cli("build", "--article", "2020-11-25-report.html", "--self-contained", "-o", "article.html", cwd=work)
    _cli("extract", "2020-11-25-report.html", "-o", "article.csv", cwd=work)
    _cli("extract", "2020-11-25-report.html", "--format", "json", "-o", "article.json", cwd=work)
    return work, text, marker


def _html(value: str) -> str:
    import html

    return html.escape(value, quote=True)


def test_no_template_ran(hostile):
    work, _, marker = hostile
    assert not list(work.glob(f"{marker.name}-*")), "a template expression ran a command"
    for name in ("table.html", "article.html", "snap.svg", "article.csv", "article.json"):
        written = (work / name).read_text(encoding="utf-8")
        assert "{{7*7}}" in written and "{% if 1 %}IF{% endif %}{# c #}" in written, f"{name}: template syntax was evaluated"


def test_page_shows_every_channel_literally(hostile, open_offline):
    work, text, _ = hostile
    page = open_offline(work / "table.html")
    assert page.errors == [] and page.blocked == [] and page.failed == []
    assert page.js("window.pwned === undefined")
    assert page.page.locator("h1").inner_text() == text["title"]
    assert page.page.locator(".hm-subtitle").inner_text() == text["subtitle"]
    credits = page.page.locator(".hm-credits").inner_text()
    assert text["credit"] in credits
    assert text["held-label"] in page.page.locator(".hm-legend").inner_text()
    assert page.js("Array.from(document.querySelectorAll('.hm-country-label')).map(e => e.textContent)") == [text["context"]]
    listed = page.page.locator("#hm-event-list").inner_text()
    for channel in ("evidence", "note", "source"):
        assert text[channel] in listed
    assert page.js("(name) => handoverMap.stateOf(name)", text["name"]) == "transferred"
    assert page.js("(name) => handoverMap.stateOf(name)", text["alias"]) == "transferred"
    page.js(
        "(name) => { const i = handoverMap.districts().findIndex(d => d.name === name);"
        " handoverMap.layer.getLayers().find(l => l.feature.properties.i === i).openPopup(); }",
        text["name"],
    )
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    shown = popup.inner_text()
    for channel in ("name", "from", "to", "evidence", "note", "source"):
        assert text[channel] in shown, channel
    assert page.js("window.pwned === undefined")


def test_article_channels_stay_text(hostile, open_offline):
    work, text, _ = hostile
    page = open_offline(work / "article.html")
    assert page.errors == [] and page.blocked == []
    assert page.js("window.pwned === undefined")
    title = page.page.locator("h1").inner_text()
    assert title in (text["headline"], text["og"])
    quotes = page.page.locator("#hm-event-list").inner_text()
    assert text["sentence"] in quotes
    rows = json.loads((work / "article.json").read_text(encoding="utf-8"))
    evidence = [row["evidence"] for row in rows["events"]]
    assert any(text["sentence"] in e for e in evidence)
    assert text["sentence"].replace('"', '""') in (work / "article.csv").read_text(encoding="utf-8")


def test_snapshot_draws_text_literally(hostile):
    work, text, _ = hostile
    svg = (work / "snap.svg").read_text(encoding="utf-8")
    import html

    assert html.escape(text["title"], quote=False) in svg
    assert (work / "snap.png").stat().st_size > 0


def test_state_lookup_takes_any_string(hostile, open_offline):
    work, _, _ = hostile
    page = open_offline(work / "table.html")
    for name in ("constructor", "__proto__", "toString", "hasOwnProperty", "", "valueOf"):
        assert page.js("(name) => handoverMap.stateOf(name)", name) is None, name


def test_only_named_origins_may_drive_an_embedded_page(tmp_path):
    env = {"HANDOVER_MAP_OFFLINE": "1"}
    done = run_command(["build", "--self-contained", "--message-origin", "https://blog.example.org", "-o", tmp_path / "m.html"], env)
    assert done.returncode == 0, done.stderr
    assert '"origins":["https://blog.example.org"]' in (tmp_path / "m.html").read_text(encoding="utf-8")
    bad = run_command(["build", "--message-origin", "javascript:alert(1)", "-o", tmp_path / "n.html"], env)
    assert bad.returncode == 2 and "is not a web origin" in bad.stderr and not (tmp_path / "n.html").exists()
