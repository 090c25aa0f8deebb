"""The page's own script and style sheet are minified; the page data never is.

Only the static code of templates/ passes through the minifiers (rjsmin,
rcssmin), once per process; the data, hostile text included, reaches the
page as :func:`handover_map.render.script_json` writes it and stays inert
(real Chromium, no network).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from pathlib import Path

import jinja2
import pytest
import rcssmin
import rjsmin

from handover_map import build_map, render
from handover_map.events import Event
from handover_map.render import page_script, script_json

#: Text a district's name and an event's evidence carry: markup that sets
#: ``window.pwned`` if it ever runs, a template literal and comments that a
#: minifier would change if the data ever passed through it.
HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"> `${window.pwned=3}` a  /* left as data */  b // left as data'


@pytest.fixture(autouse=True)
def _fresh_minified_code():
    """Each test sees the minifiers called anew (the page code is cached per process)."""
    render._page_code.cache_clear()
    render._page_css.cache_clear()
    yield
    render._page_code.cache_clear()
    render._page_css.cache_clear()


@pytest.mark.parametrize("canvas", [False, True])
def test_the_page_script_has_no_comments_and_no_indentation(canvas):
    code = render._page_code(canvas)
    assert not re.search(r"(?m)^[ \t]", code)
    assert not re.search(r"(?m)^\s*//", code) and "/*" not in code
    assert len(code) < 0.75 * len(render._script_source(canvas))
    assert code in page_script("{}", "map_hm1", canvas=canvas)
    assert ("function FillLayer(" in code) is canvas


def _outside_strings(code: str) -> str:
    """``code`` with its escapes blanked and its string and template literals emptied."""
    return re.sub(r""""[^"\n]*"|'[^'\n]*'|`[^`]*`""", '""', re.sub(r"\\.", "_", code))


@pytest.mark.parametrize("canvas", [False, True])
def test_the_minifier_made_no_comment_of_code(canvas):
    # The one construct rjsmin gets wrong: a division followed by a regular
    # expression literal ("a / /b/.source") comes out as "a//b/.source", a
    # comment. Outside string literals no "//" may remain.
    assert "//" in _outside_strings(render._minified_script('x = a / /b/.source; y = "http://x"'))
    assert "//" not in _outside_strings(render._page_code(canvas))


def test_the_page_style_sheet_is_minified():
    css = render._page_css()
    assert "/*" not in css and "\n  " not in css and len(css) < 0.8 * len(render._template_text("handover.css"))
    assert ".hm-date::before{content:attr(data-shown);" in css


@pytest.mark.parametrize("canvas", [False, True])
def test_the_minified_code_is_the_same_with_or_without_the_compiled_minifiers(canvas):
    # rjsmin and rcssmin fall back to pure Python where no compiled wheel installs: pages stay byte-identical.
    source = render._script_source(canvas)
    assert rjsmin._make_jsmin(python_only=True)(source, keep_bang_comments=True) == render._page_code(canvas)
    css = render._template_text("handover.css")
    assert rcssmin._make_cssmin(python_only=True)(css, keep_bang_comments=True) == render._page_css()


def test_the_code_is_minified_once_per_process(monkeypatch):
    calls = []
    minify = rjsmin.jsmin
    monkeypatch.setattr(rjsmin, "jsmin", lambda source, **options: calls.append(source) or minify(source, **options))
    first = [page_script(f'{{"n":{n}}}', "map_hm1", canvas=n % 2 == 1) for n in range(4)]
    assert len(calls) == 2  # once for SVG pages, once for Canvas pages
    assert first[0].replace('"n":0', '"n":2') == first[2]


def test_a_licence_notice_in_a_part_stays(monkeypatch):
    notice = "/*! Some code (c) its authors, MIT licence */"
    parts = {"js/words.js": notice + "\n// an ordinary comment\nfunction Words(data) {\n  return data;\n}\n"}
    loader = jinja2.ChoiceLoader([jinja2.DictLoader(parts), jinja2.PackageLoader("handover_map", "templates")])
    monkeypatch.setattr(render, "_templates", lambda: jinja2.Environment(loader=loader, trim_blocks=True, lstrip_blocks=True))
    code = render._page_code(False)
    assert code.startswith(notice + "function Words(data){return data;}")
    assert "an ordinary comment" not in code


def test_the_minifier_keeps_the_meaning_of_modern_script(browser_context):
    # Constructs a part may use: regular expressions holding //, template
    # literals holding comment marks and lines, arrows, a statement ended by
    # a line break alone, optional chaining, a class with a private field.
    source = r"""
    // a comment
    const url = "https://example.org/a//b"; /* a block comment */
    const re = /\/\/[^/]*\/*x/g, literal = `a // b ${url} /* c */ ${ `inner ${1 + 2}` }`;
    const add = (a, b = 2) => a
      + b;
    let n = 1
    let m = n
    ++n
    const lines = `one
      two   spaced`;
    const half = [4].map(v => v / 2)[0] / 2, matched = /a+/.test("aa") ? "yes" : "no";
    class Box { #inside = 7; get inside() { return this.#inside; } }
    const chained = ({ a: null }).a?.b ?? "none";
    return [url, re.source, literal, add(1), n, m, lines, half, matched, new Box().inside, chained];
    """
    minified = render._minified_script(source)
    assert "a comment" not in minified and len(minified) < len(source)
    page = browser_context.new_page()
    try:
        run = "code => Function(code)()"
        assert page.evaluate(run, minified) == page.evaluate(run, source)
        assert page.evaluate(run, source)[6] == "one\n      two   spaced"
    finally:
        page.close()


def _hostile_map(folder: Path) -> Path:
    """A page whose district name and evidence are :data:`HOSTILE`."""
    ring = [[46.0, 40.0], [46.2, 40.0], [46.2, 40.2], [46.0, 40.2], [46.0, 40.0]]
    feature = {"type": "Feature", "properties": {"district": HOSTILE}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
    boundaries = folder / "districts.geojson"
    boundaries.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    events = [Event(HOSTILE, dt.date(2020, 11, 20), "completed", "A", "B", evidence=HOSTILE)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_map(folder / "hostile.html", events=events, boundaries=str(boundaries), name_field="district", context="none", self_contained=True)


def test_hostile_text_never_reaches_the_minifier_and_stays_escaped_and_inert(tmp_path, monkeypatch, open_offline):
    minified = []
    minify_script, minify_css = rjsmin.jsmin, rcssmin.cssmin
    monkeypatch.setattr(rjsmin, "jsmin", lambda source, **options: minified.append(source) or minify_script(source, **options))
    monkeypatch.setattr(rcssmin, "cssmin", lambda source, **options: minified.append(source) or minify_css(source, **options))
    path = _hostile_map(tmp_path)
    assert len(minified) == 2 and not any("pwned" in source or "left as data" in source for source in minified)

    text = path.read_text(encoding="utf-8")
    escaped = script_json(HOSTILE)[1:-1]
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned=1" in escaped and text.count(escaped) >= 1
    assert "<script>window.pwned" not in text and "a  /* left as data */  b // left as data" in text  # written as it is, comments and spaces kept
    data = json.loads(re.search(r"var data = (\{.*?\});\n", text).group(1))
    assert HOSTILE in data["strings"]

    page = open_offline(path)
    assert page.errors == [] and page.js("window.pwned === undefined")
    assert page.js("handoverMap.districts()[0].name") == HOSTILE
    assert HOSTILE in page.js("document.getElementById('hm-event-list').textContent")
