"""Fuzzing the reading side (issue 9): any article text and any saved page
may give events or one of the library's own errors, never another exception.

Each test keeps to a few hundred small examples (about 20 s at most on the
project's 2-core machine); together they run a few thousand.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import tempfile
from pathlib import Path

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AZE_ADM2
from handover_map import HandoverMapError, read_article
from handover_map.article import parse_article
from handover_map.dates import find_dates
from handover_map.extract import extract_events
from handover_map.gazetteer import Gazetteer, read_aliases
from handover_map.settings import EVENT_KINDS
from handover_map.timeline import build_timeline, group_by_district


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


# Words the reader reacts to, mixed with any text: random characters alone rarely reach the rules.
WORDS = [
    "deadline",
    "was ceded",
    "is to be handed over",
    "postponed",
    "pushed back",
    "entered",
    "will be returned",
    "handover",
    "took control of",
    "not",
    "if",
    "could",
    "Aghdam",
    "Ağdam",
    "AĞDAM",
    "Kalbajar",
    "Kelbajar district",
    "Lachin",
    "Laçın",
    "Shusha",
    "Kalbadjar district",
    "Upper Foo region",
    "20 November 2020",
    "Nov. 15",
    "December 1",
    "2020-11-25",
    "31.12.2020",
    "31 February 2020",
    "Friday",
    "Good Friday",
    "yesterday",
    "tomorrow",
    "by ten days",
    "by 9999999 days",
    "from",
    "to",
    "until",
    ",",
    ";",
    ".",
    "!",
    "?",
    "and",
    "but",
    "while",
    "—",
    "-",
    "'",
    "’",
    "“",
    "(AFP)",
    "Photo by",
    "FILE PHOTO -",
    "Mr.",
    "U.S.",
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    "\t",
    " ",
    "  ",
    "\u00a0",
    "\u202e",
    "\x00",
    "\ufeff",
]
article_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map(" ".join)
published = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))
#: Where the fuzzed articles claim to come from: a path no citation may show.
LOCAL_FILE = Path("/home/someone/reports/article-0417.txt")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(list(gpd.read_file(AZE_ADM2)["shapeName"]), read_aliases())


def _check(extraction, location: Path) -> None:
    """What every extraction keeps to, whatever the text: no duplicate, in the table's order,
    evidence inside the text, and a one-line citation that never names the local file."""
    text = extraction.article.text
    keys = [(e.district, e.kind, e.date) for e in extraction.events]
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys, key=lambda k: (k[2], k[0], EVENT_KINDS.index(k[1])))
    for event in extraction.events:
        assert 0 <= event.evidence_start <= event.evidence_end <= len(text)
        # A headline may hold a "/" (the text is random); the file's folder and name never appear.
        assert "\n" not in event.source and str(location.parent) not in event.source and location.name not in event.source
    build_timeline(group_by_district(extraction.events))


@fuzz(2000)
@given(text=article_text, published=published, is_html=st.booleans())
def test_any_article_text_gives_events_or_an_input_error(gazetteer, text, published, is_html):
    try:
        article = parse_article(text, location=str(LOCAL_FILE), is_html=is_html, published=published)
    except HandoverMapError:
        return
    _check(extract_events(article, gazetteer), LOCAL_FILE)


@fuzz(1500)
@given(text=st.text(max_size=200), published=published)
def test_any_unicode_text_gives_events_or_an_input_error(gazetteer, text, published):
    try:
        article = parse_article(text, location=str(LOCAL_FILE), published=published)
    except HandoverMapError:
        return
    _check(extract_events(article, gazetteer), LOCAL_FILE)


@fuzz(1500)
@given(text=article_text, published=published)
def test_any_text_gives_dates_in_the_calendar_or_a_reason(text, published):
    for mention in find_dates(text, published):
        assert (mention.date is None) == bool(mention.problem)
        assert text[mention.start : mention.end] == mention.text


# Saved pages: random tags, attributes, entities and comments, saved in random encodings.
TAGS = [
    "html",
    "head",
    "body",
    "article",
    "main",
    "div",
    "p",
    "span",
    "section",
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "title",
    "meta",
    "script",
    "style",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "br",
    "b",
    "i",
    "a",
    "time",
    "blockquote",
    "noscript",
    "svg",
    "math",
    "template",
    "iframe",
    "pre",
    "header",
]
ATTRIBUTES = [
    "class='story'",
    "id=main",
    "property='article:published_time' content='2020-11-26'",
    "charset='utf-8'",
    "charset=windows-1251",
    "name='date' content='2020-13-45'",
    'content="9999-12-31" itemprop=datePublished',
    "href='javascript:alert(1)'",
    "style='x'",
    "lang=ru",
    "dir=rtl",
    "onload=x()",
    "content='0001-01-01'",
]
PIECES = [
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x110000;",
    "&#65;",
    "&nbsp;",
    "&bogus;",
    "<!--",
    "-->",
    "<!-- c -->",
    "<![CDATA[x]]>",
    "<?xml version='1.0' encoding='utf-8'?>",
    "<?php x ?>",
    "<!DOCTYPE html>",
    "</",
    "<",
    ">",
    '"',
    "'",
    "=",
    "{{ 7*7 }}",
    "\x00",
    "\r",
    "\r\n",
    "\ufeff",
]


@st.composite
def pages(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            tag = draw(st.sampled_from(TAGS))
            attributes = " ".join(draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=2)))
            parts.append(f"<{tag} {attributes}>" if attributes else f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(PIECES)))
        elif kind == 3:
            parts.append(draw(article_text))
        else:
            parts.append(draw(st.text(max_size=10)))
    return "".join(parts)


def _save(page: str, how: str) -> bytes:
    if how == "utf-8 with BOM":
        return codecs.BOM_UTF8 + page.encode("utf-8", "surrogatepass")
    if how in ("utf-16", "utf-32"):
        return page.encode(how, "surrogatepass")
    if how == "utf-16-be with BOM":
        return codecs.BOM_UTF16_BE + page.encode("utf-16-be", "surrogatepass")
    return page.encode(how, "replace")


@fuzz(800)
@given(
    page=pages(),
    how=st.sampled_from(["utf-8", "utf-8 with BOM", "utf-16", "utf-16-be with BOM", "utf-32", "cp1252", "cp1251", "koi8-r"]),
    prefix=st.sampled_from(["", "<!DOCTYPE html>", "<html><body>", "<?xml version='1.0'?>\n<html>", "<!-- saved -->\n<html>"]),
    published=published,
)
def test_any_saved_page_gives_events_or_an_input_error(gazetteer, page, how, prefix, published):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_bytes(_save(prefix + page, how))
        try:
            article = read_article(path, published=published)
        except HandoverMapError:
            return
    _check(extract_events(article, gazetteer), path)


@fuzz(1000)
@given(
    raw=st.one_of(
        st.binary(max_size=300),
        st.sampled_from(["<html>", "<!--", "\ufeff", "<?xml"]).flatmap(lambda start: st.binary(max_size=200).map(lambda tail: start.encode() + tail)),
    )
)
def test_any_bytes_give_an_article_or_an_input_error(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.html"
        path.write_bytes(raw)
        with contextlib.suppress(HandoverMapError):
            read_article(path)
