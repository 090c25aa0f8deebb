"""The whole pipeline in one call: events + boundaries -> slider map page.

>>> from handover_map import build_map
>>> build_map(output="output/karabakh.html")  # self-contained: opens with no network  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import html
import json
import re
import warnings
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

import geopandas as gpd
import pandas as pd
import pyproj
import shapely
import shapely.geometry

from . import settings, sources
from ._atomic import refuse_overwriting_inputs, write_bytes_atomic, write_text_atomic
from ._errors import DownloadError, HandoverMapError, HandoverMapWarning, InputDataError, OptionError
from .assets import LEAFLET, fetch_assets
from .boundaries import SHARED_NAMES, load_boundaries, shared_names_message, warn_implausible
from .cartography import prepare_layers, region_box, select_feature, simplify_coverage
from .dates import find_dates
from .events import Event, read_events
from .gazetteer import Gazetteer, join_events, read_aliases, spelled_out
from .model import MapModel
from .places import reference_places
from .reports import Reports, cite_reports, published_dates, report_files, split_sources
from .spec import DEFAULT_FOR_MODE, MapOptions, MapSpec, PageOptions, Published, map_spec
from .timeline import ONE_DAY
from .words import DEFAULT_LANGUAGE, words

if TYPE_CHECKING:
    import folium  # imported where a page or tile layer is made: `extract` needs none

    from .article import Article
    from .reading import Extraction

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def long_date(day: dt.date) -> str:
    """'25 November 2020', independent of the machine's locale (for messages;
    the page's dates follow its language: :meth:`handover_map.words.Words.date`)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def default_events_path() -> Path:
    """The events table of the default case (Karabakh 2020)."""
    return settings.package_geodata_dir() / sources.default_case()["events"]


def default_output_path() -> Path:
    """Where ``handover-map build`` writes when given no ``-o``."""
    return Path("output") / sources.default_case()["output"]


def _default_title(events: list[Event], lang: str = DEFAULT_LANGUAGE) -> str:
    say = words(lang)
    districts = sorted({spelled_out(e.district) for e in events})
    shown = ", ".join(districts[:4])
    if len(districts) > 4:
        shown = say("text.title_more", len(districts) - 4, list=shown)
    # A war's captures are no handovers: the title says what changed, not how.
    key = "text.title_changes" if any(e.kind == "captured" for e in events) else "text.title"
    return say(key, districts=shown)


def _default_subtitle(events: list[Event], lang: str = DEFAULT_LANGUAGE) -> str:
    say = words(lang)
    first, last = min(e.date for e in events), max(e.date for e in events)
    count = len({e.district for e in events})
    span = say("text.span_one_day", date=say.date(first)) if first == last else say("text.span", first=say.date(first), last=say.date(last))
    return say("text.subtitle", who=say("text.who_controls", count), span=span)


def _load(boundaries, name_field, layer, assume_crs):
    """Boundary frame and manifest entry (if any) for a --boundaries value.

    Names shared by several features are merged, and implausible geometry
    kept, without a warning here: see :func:`_warn_used`, which warns about
    the districts the map or table uses.
    """
    path, source = sources.resolve(boundaries or sources.default_case()["boundaries"])
    field = name_field or (source.name_field if source else None)
    if source is None:
        return path, source, load_boundaries(path, field, layer=layer, assume_crs=assume_crs, warn_every_feature=False)
    return path, source, _load_source(path, source, field, layer, assume_crs)


def _load_source(path: Path, source: sources.Source, name_field: str | None, layer: str | None, assume_crs: str | None) -> gpd.GeoDataFrame:
    """:func:`load_boundaries` of a manifest source's file (pinned, its SHA-256
    checked when fetched), kept in the cache when it loaded without a warning:
    a later build reads it back without GDAL, whose import, reading and
    merging cost about 0.05 s. Files given by path are read every time (a
    Shapefile's checksum would not cover its other files).
    """
    cached = settings.cache_dir() / "derived" / f"{_derived_key('boundaries', source.sha256, name_field, layer, assume_crs)}.geojson"
    frame = _read_cached(cached)
    if frame is not None:
        return frame
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = load_boundaries(path, name_field, layer=layer, assume_crs=assume_crs, warn_every_feature=False)
    finally:  # said as they would have been, before any error
        for said in caught:
            warnings.warn_explicit(said.message, said.category, said.filename, said.lineno, source=said.source)
    if not caught:  # a cached layer says nothing: only a silent load is kept
        _write_cached(cached, frame)
    return frame


@functools.cache
def _makers() -> str:
    """What a derived layer is made by: the code that reads, names and clips
    layers, and the libraries under it. Part of every derived layer's key, so
    that an upgrade or a change of this code makes new ones."""
    from importlib.metadata import version

    code = hashlib.sha256()
    for module in ("build", "boundaries", "cartography", "events"):
        code.update(resources.files("handover_map").joinpath(f"{module}.py").read_bytes())
    return f"{code.hexdigest()}|{gpd.__version__}|{shapely.__version__}|{shapely.geos_version_string}|{version('pyogrio')}|{pyproj.__version__}|{pyproj.proj_version_str}"


def _derived_key(*made_from: object) -> str:
    """The file name of a derived layer in the cache: a hash of what it is made
    from (its file's SHA-256 and the options) and by (:func:`_makers`)."""
    return hashlib.sha256("|".join(str(part) for part in (_makers(), *made_from)).encode()).hexdigest()[:32]


def _warn_used(frame: gpd.GeoDataFrame, used: list[str] | set[str], path: Path, source: sources.Source | None) -> None:
    """Warn about features merged because they share a name, and about geometry a web map cannot
    show well, but only for the districts in ``used`` (those on the map, or found in an article):
    a merge or a polar feature elsewhere in the file is not the user's concern.

    A manifest source is named by its file name, never by the folder it is in.
    """
    counts = frame.attrs.get(SHARED_NAMES, {})
    shared = sorted(name for name in set(used) if counts.get(name, 1) > 1)
    if shared:
        warnings.warn(shared_names_message(source.file if source else path, {name: counts[name] for name in shared}), HandoverMapWarning, stacklevel=3)
    warn_implausible(frame[frame["name"].isin(set(used))], source.file if source else path, stacklevel=4)


def _read_cached(cached: Path) -> gpd.GeoDataFrame | None:
    """A cached clipped layer, or None when there is none or it is not as written.

    Each file has its SHA-256 beside it, so that an edit, a truncation or a
    disk error is noticed, not drawn.
    """
    if not cached.is_file():
        return None
    try:
        data = cached.read_bytes()
        if hashlib.sha256(data).hexdigest() != cached.with_suffix(".sha256").read_text(encoding="ascii").strip():
            raise ValueError("it does not match its checksum")
        return _layer_from_json(data)
    except Exception as error:  # noqa: BLE001 - whatever broke the file, it is rebuilt
        warnings.warn(HandoverMapWarning(f"The cached layer '{cached.name}' could not be used ({error}); rebuilding it."), stacklevel=2)
        return None


def _layer_from_json(data: bytes) -> gpd.GeoDataFrame:
    """A layer as :func:`_write_cached` wrote it. Python's JSON reader gives each
    coordinate back exactly as written (the shortest text of the float), as
    GDAL would, and spares its import."""
    collection = json.loads(data)
    features = collection["features"]
    frame = gpd.GeoDataFrame(
        {"name": pd.array([feature["properties"]["name"] for feature in features], dtype="string")},
        geometry=[shapely.geometry.shape(feature["geometry"]) for feature in features],
        crs=settings.WEB_CRS,
    )
    frame.attrs[SHARED_NAMES] = {str(name): int(count) for name, count in collection[SHARED_NAMES].items()}
    return frame


def _write_cached(cached: Path, frame: gpd.GeoDataFrame) -> None:
    """Keep a layer (``name``, ``geometry``, EPSG:4326) in the cache as GeoJSON,
    with its shared names (``attrs``) as a member of its own, and its SHA-256 beside it."""
    collection = frame.to_geo_dict(drop_id=True)
    collection[SHARED_NAMES] = frame.attrs.get(SHARED_NAMES, {})
    data = json.dumps(collection).encode("utf-8")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(cached, data)
        write_text_atomic(cached.with_suffix(".sha256"), hashlib.sha256(data).hexdigest() + "\n")
    except (OSError, HandoverMapError):
        pass  # a cache that cannot be written only costs time


def _load_context(value: str | Path, name_field: str | None, region: shapely.Polygon | None, feature: str | None = None) -> tuple:
    """A context layer (countries, held area) clipped to the map's region,
    its manifest entry (if any) and the file it was read from.

    The clipped result is cached beside the downloads, keyed by the file's
    SHA-256, the field, the feature and the region (and :func:`_makers`): parsing a 5 MB world
    file on every build would cost more than the rest of the build. A cached
    file that cannot be read is rebuilt, with a warning. Warnings about
    features the map does not draw (duplicates, repairs) are not the user's
    concern and are not shown.
    """
    path, source = sources.resolve(value)
    name = name_field or (source.name_field if source else None)
    digest = source.sha256 if source else sources.sha256_of(path)
    key = _derived_key("context", digest, name, feature, region.bounds if region is not None else None)
    cached = settings.cache_dir() / "derived" / f"{key}.geojson"
    frame = _read_cached(cached)
    if frame is not None:
        return frame, source, path
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = load_boundaries(path, name)
    if feature is not None:
        frame = gpd.GeoDataFrame({"name": [feature]}, geometry=[select_feature(frame, feature, str(value))], crs=frame.crs)
    if region is not None:
        frame = frame.assign(geometry=frame.geometry.intersection(region))
        frame = frame[~frame.geometry.is_empty]
    _write_cached(cached, frame)
    return frame, source, path


def context_layers(
    boundaries: str | Path | None,
    region: shapely.Polygon,
    context: str | Path | None,
    held_area: str | Path | None,
    held_area_field: str | None,
    held_area_name: str | None,
    held_area_label: str | None,
    lang: str = DEFAULT_LANGUAGE,
):
    """Countries (clipped to ``region``), the held area and its label, from
    options or the default case, their credits (their words in ``lang``) and
    the files they came from.

    ``context``/``held_area`` of ``"none"`` switch a layer off. The default
    case's held area applies only when its boundaries are used.
    """
    case = sources.default_case()
    credits: list[str] = []
    files: list[Path] = []
    countries = None
    context = case.get("context") if context is None else context
    if context and str(context).lower() != "none":
        countries, source, path = _load_context(context, None, region)
        files.append(path)
        credits.append(source.credit(lang) if source else words(lang)("credits.context", file=Path(str(context)).name))
    area, label = None, held_area_label or ""
    uses_default_boundaries = boundaries is None or str(boundaries) == case["boundaries"]
    if held_area is None and uses_default_boundaries and case.get("held_area"):
        held_area, held_area_name = case["held_area"], held_area_name or case.get("held_area_name")
        label = label or case.get("held_area_label", "")
    if held_area and str(held_area).lower() != "none":
        frame, source, path = _load_context(held_area, held_area_field, None, held_area_name)
        files.append(path)
        area = shapely.union_all(frame.geometry.values)
        if source:  # (one line per file: prepare_map drops a repeated one)
            credits.append(source.credit(lang))
    return countries, area, label, credits, files


def _aliases_path(aliases: str | Path | None) -> Path:
    """The alias table read for ``aliases`` (see :func:`~handover_map.gazetteer.read_aliases`)."""
    return Path(aliases) if aliases else settings.package_geodata_dir() / "aliases.csv"


def _read_article(article: str | Path, published: dt.date | None) -> Article:
    """Read an article whose source lines name the file only, never the folder it is in
    (a local path such as /home/alice/Downloads must not be published)."""
    from .article import read_article  # the article reader (lxml, charset detection) loads only for reports

    read = read_article(article, published=published)
    return dataclasses.replace(read, location=Path(article).name)


def extract_article(
    article: str | Path,
    boundaries: str | Path | None = None,
    *,
    name_field: str | None = None,
    layer: str | None = None,
    assume_crs: str | None = None,
    published: dt.date | None = None,
    aliases: str | Path | None = None,
) -> Extraction:
    """Read an article (text or saved HTML) and extract its handover events.

    Place names are looked for among the boundary file's names (default:
    the default case's source) and the alias table. Each event's ``source``
    cites the report (see :func:`~handover_map.reports.citation`).
    """
    found = extract_reports([article], boundaries, name_field=name_field, layer=layer, assume_crs=assume_crs, published=published, aliases=aliases)
    return dataclasses.replace(found.extractions[0], events=found.events)


def extract_reports(
    articles: str | Path | Sequence[str | Path],
    boundaries: str | Path | None = None,
    *,
    name_field: str | None = None,
    layer: str | None = None,
    assume_crs: str | None = None,
    published: Published = None,
    aliases: str | Path | None = None,
) -> Reports:
    """Read several reports (text or saved HTML) into one events table.

    Parameters
    ----------
    articles
        Report files, or folders of them (their ``.txt`` and ``.html`` files).
    boundaries, name_field, layer, assume_crs, aliases
        As for :func:`extract_article`.
    published
        One date for a single report, or {report: date} for some of several
        (a report named by its path or file name); the others keep the date
        of their page metadata, dateline, file name or text.

    Returns
    -------
    Reports
        Each report's extraction, and ``events``: one row per event, citing
        every report that gives it; reports that disagree on a date keep a
        row each, marked (see :func:`~handover_map.reports.merge_reports`).

    Raises
    ------
    InputDataError
        If a report or folder cannot be read (see
        :func:`~handover_map.article.read_article`).
    OptionError
        If ``published`` names no report, or gives one date for several.
    """
    path, source, frame = _load(boundaries, name_field, layer, assume_crs)
    found = _read_reports(articles, frame, aliases, published)
    _warn_used(frame, {e.district for e in found.events}, path, source)
    return found


def _read_reports(articles: str | Path | Sequence[str | Path], frame: gpd.GeoDataFrame, aliases: str | Path | None, published: Published) -> Reports:
    """:func:`extract_reports` against a boundary frame."""
    files = report_files([articles] if isinstance(articles, (str, Path)) else list(articles))
    dates = published_dates(files, published)
    extractions = [_extract(_read_article(file, day), frame, aliases) for file, day in zip(files, dates, strict=True)]
    return cite_reports(extractions, [file.name for file in files], files)


def _extract(article: Article, frame: gpd.GeoDataFrame, aliases: str | Path | None) -> Extraction:
    """Extraction against a boundary frame: its names, aliases, capitals and seats of government."""
    from .extract import extract_events  # the reading engine loads only when there are reports to read

    capitals, seats = reference_places(frame)
    return extract_events(article, Gazetteer(list(frame["name"]), read_aliases(aliases)), capitals=capitals, government_seats=seats)


def extract_inputs(article: str | Path | Sequence[str | Path], boundaries: str | Path | None = None, aliases: str | Path | None = None) -> list[Path]:
    """The files :func:`extract_article` or :func:`extract_reports` read with
    these options (outputs must not replace them); folders stand for their reports."""
    path, _ = sources.resolve(boundaries or sources.default_case()["boundaries"])
    articles = [article] if isinstance(article, (str, Path)) else list(article)
    return [*_report_inputs(articles), path, _aliases_path(aliases)]


def _report_inputs(articles: list[str | Path]) -> list[Path]:
    """The report files of ``articles`` (folders listed), or the arguments
    themselves when a folder cannot be listed (reading it says why)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # said again when the reports are read
            return report_files(articles)
    except InputDataError:
        return [Path(article) for article in articles]


_ISO_DAY = re.compile(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")


def _report_day(cited: str) -> dt.date | None:
    """The publication date of one cited report: the ISO date its citation
    gives (see :func:`~handover_map.article.citation`; not one in its
    address), else the latest full date written in it ("25 November 2020")."""
    before_address = re.split(r"https?://", cited, maxsplit=1)[0]
    for text in reversed(_ISO_DAY.findall(before_address)):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(text)
    days = [found.date for found in find_dates(before_address) if found.date and found.form != "weekday"]
    return max(days) if days else None


def latest_report(events: list[Event]) -> tuple[dt.date, list[str]] | None:
    """The latest report the events cite: its publication date and its
    citation (several when reports of that day are cited), or None when no
    ``source`` gives a date."""
    dated = {cited: _report_day(cited) for cited in sorted({cited for e in events for cited in split_sources(e.source)})}
    days = [day for day in dated.values() if day is not None]
    if not days:
        return None
    last = max(days)
    return last, [cited for cited, day in dated.items() if day == last]


def report_horizon(events: list[Event]) -> dt.date | None:
    """The date after which the map knows nothing: the latest report's, or
    a later handover that the table itself gives as done; None when no
    report is dated (then the map ends at its last change, as before)."""
    latest = latest_report(events)
    if latest is None:
        return None
    return max([latest[0], *(e.date for e in events if e.kind in settings.CONTROL_CHANGES)])


def as_reported_note(events: list[Event], until: dt.date | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    """ "As reported on ...", naming the latest report, for maps whose sources are dated.

    It says so when that report announced dates still to come, and when the
    slider goes on past it (``until``). In the language ``lang``; the
    citations stay as written.
    """
    latest = latest_report(events)
    if latest is None:
        return ""
    say = words(lang)
    day, cited = latest
    sentences = [say("text.as_reported", date=say.date(day), reports="; ".join(cited))]
    if any(e.kind not in settings.CONTROL_CHANGES and e.date > day for e in events):
        sentences.append(say("text.announced_after"))
    if until is not None and until > day:
        sentences.append(say("text.slider_goes_on", date=say.date(until)))
    return " ".join(sentences)


def prepare_map(spec: MapSpec | None = None, /, **options: Unpack[MapOptions]) -> MapModel:
    """Run the pipeline up to what the map shows: the map model, which
    every output reads.

    Parameters
    ----------
    spec
        What the map shows (see :class:`~handover_map.spec.MapSpec`, whose
        options all have defaults).
    **options
        Options of :class:`~handover_map.spec.MapSpec`, given as keywords
        (``events="my.csv", lang="fr"``), replacing those of ``spec``.

    Raises
    ------
    OptionError
        For a keyword that is no option, a value the spec refuses, or an
        ``until`` before the day before the first event.
    InputDataError
        If no report given as ``article`` tells a handover.
    """
    spec = map_spec(_spec_given(spec, "prepare_map"), options, "prepare_map")
    say = words(spec.lang)
    case = sources.default_case()
    uses_default_events = spec.events is None and spec.article is None
    path, source, frame = _load(spec.boundaries, spec.name_field, spec.layer, spec.assume_crs)
    shared = frame.attrs.get(SHARED_NAMES, {})
    frame = simplify_coverage(frame, spec.simplify)
    frame.attrs[SHARED_NAMES] = shared
    headline = ""
    files = [Path(path), _aliases_path(spec.aliases)]
    if spec.article is not None:
        found = _read_reports(spec.article, frame, spec.aliases, spec.published)
        event_list = found.events
        if not event_list:
            shown = f"the article '{found.files[0]}'" if len(found.files) == 1 else f"any of the {len(found.files)} reports"
            raise InputDataError(
                f"Found no handover events in {shown}.",
                hint="run `handover-map extract` to see why, then write an events table and pass --events.",
            )
        for name, extraction in zip(found.names, found.extractions, strict=True):
            if not extraction.events and len(found.files) > 1:
                warnings.warn(f"Found no handover events in '{name}'.", HandoverMapWarning, stacklevel=2)
        headline = found.extractions[0].article.headline if len(found.files) == 1 else ""
        files += found.files
    elif spec.events is None or isinstance(spec.events, (str, Path)):
        table = Path(spec.events or default_events_path())
        event_list = read_events(table)
        files.append(table)
    else:
        event_list = list(spec.events)
    _check_until(spec.until, event_list)
    joined = join_events(event_list, list(frame["name"]), read_aliases(spec.aliases))
    _warn_used(frame, set(joined), path, source)
    mapped = frame[frame["name"].isin(joined)]
    countries, area, area_label, context_credits, context_files = context_layers(
        spec.boundaries,
        region_box(tuple(mapped.total_bounds)),
        spec.context,
        spec.held_area,
        spec.held_area_field,
        spec.held_area_name,
        spec.held_area_label,
        spec.lang,
    )
    layers = prepare_layers(frame, joined, countries=countries, held_area=area, held_area_label=area_label)
    cited = sorted({report for e in event_list for report in split_sources(e.source)})
    lines = [source.credit(spec.lang) if source else say("credits.boundaries", file=Path(path).name)]
    lines += context_credits
    lines += [say("credits.events", report=report) for report in cited]
    lines += list(spec.credits)
    lines.append(say("credits.map"))
    lines = list(dict.fromkeys(lines))  # a file that is both the boundaries and the context (Natural Earth's countries) is credited once
    title = spec.title
    if title is None:
        title = case["title"] if uses_default_events else (headline or _default_title(event_list, spec.lang))
    return MapModel.create(
        layers,
        joined,
        title=title,
        subtitle=spec.subtitle if spec.subtitle is not None else _default_subtitle(event_list, spec.lang),
        note=as_reported_note(event_list, spec.until, spec.lang),
        credits=lines,
        files=files + context_files,
        horizon=report_horizon(event_list),
        spec=spec,
    )


def _spec_given(spec: object, caller: str) -> MapSpec | None:
    """``spec`` if it is one: a table or report given where the spec goes is named in the error."""
    if spec is None or isinstance(spec, MapSpec):
        return spec
    raise OptionError(
        f"{caller}() takes a MapSpec or keyword options, not {type(spec).__name__} {spec!r}.",
        hint="name the option: events=... for a table, article=... for reports.",
    )


def _check_until(until: dt.date | None, events: list[Event]) -> None:
    """Refuse a slider end before the slider's first stop (the day before the first event)."""
    if until is None or not events:
        return
    first = min(e.date for e in events)
    if until < first - ONE_DAY:
        raise OptionError(
            f"--until {until.isoformat()} is before the first event, on {long_date(first)}.",
            hint=f"give --until {first.isoformat()} or later, or leave it out to end on the latest report's date.",
        )


#: Placeholders a tile URL may hold: Leaflet's {s}ubdomain, {z}oom, {x}, {y}, {-y} (TMS) and {r}etina suffix.
_TILE_PLACEHOLDERS = frozenset({"s", "z", "x", "y", "-y", "r"})

_TILE_HINT = (
    "give a provider name such as Esri.WorldGrayCanvas or OpenStreetMap.Mapnik, "
    "a URL like https://tiles.example.org/{z}/{x}/{y}.png with --tiles-attribution TEXT, or 'none'."
)


def _tile_url(url: str, attribution: str | None) -> folium.TileLayer:
    import folium

    # Quotes, markup, backslashes, whitespace and control characters have no place in a tile URL.
    odd = re.search(r"""[\s"'<>`\\\x00-\x1f\x7f]""", url)
    if odd:
        raise OptionError(f"The tile URL contains {odd.group()!r}, which no tile URL needs.", hint=_TILE_HINT)
    placeholders = set(re.findall(r"\{([^{}]*)\}", url))
    rest = re.sub(r"\{[^{}]*\}", "", url)
    if not {"z", "x", "y"} <= placeholders or not placeholders <= _TILE_PLACEHOLDERS or "{" in rest or "}" in rest:
        raise OptionError("A tile URL needs the placeholders {z}, {x} and {y}, and no others but {s}, {r} and {-y}.", hint=_TILE_HINT)
    if not (attribution or "").strip():
        raise OptionError(
            "Tiles from a URL need --tiles-attribution TEXT: their provider's credit line.",
            hint="copy it from the provider's terms, e.g. --tiles-attribution '© OpenStreetMap contributors'.",
        )
    # Leaflet shows the attribution as HTML: escape it, braces included, so it stays the text given.
    text = html.escape(" ".join((attribution or "").split())).replace("{", "&#123;").replace("}", "&#125;")
    return folium.TileLayer(url, attr=text, name="tiles")


def tile_layer(tiles: str | None, attribution: str | None = None) -> str | folium.TileLayer | None:
    """Check a tile option and return what :func:`~handover_map.render.render_map` draws (see :class:`~handover_map.spec.PageOptions`).

    Parameters
    ----------
    tiles
        None or ``"none"`` for no tiles; a tile provider's name as folium
        knows it from xyzservices (``"Esri.WorldGrayCanvas"``, ``"CartoDB
        Voyager"``), which brings its own attribution; or an http(s) URL with
        ``{z}``, ``{x}`` and ``{y}`` placeholders.
    attribution
        Credit line of the tiles of a URL, required with one (plain text,
        shown as given).

    Raises
    ------
    OptionError
        For anything else: an unknown name, a provider that needs an API key,
        a malformed URL, a URL without attribution.
    """
    if tiles is None or tiles.strip().lower() == "none":
        if attribution:
            raise OptionError("--tiles-attribution goes with a tile URL, and no tiles are drawn.", hint=_TILE_HINT)
        return None
    if any(mark in tiles for mark in ("{{", "{%", "{#")):  # never let template syntax near folium's Jinja templates
        raise OptionError("--tiles contains template syntax ({{, {% or {#), which no tile name or URL has.", hint=_TILE_HINT)
    if re.match(r"https?://[^/]", tiles, re.IGNORECASE):
        return _tile_url(tiles, attribution)
    import folium
    import xyzservices

    if attribution:
        raise OptionError("--tiles-attribution goes with a tile URL: named providers bring their own.", hint=_TILE_HINT)
    try:
        # folium's one alias; every other name is xyzservices'
        provider = xyzservices.providers.query_name("OpenStreetMap.Mapnik" if tiles.lower() == "openstreetmap" else tiles)
    except ValueError:
        raise OptionError("--tiles is neither a tile provider's name nor an http(s) tile URL.", hint=_TILE_HINT) from None
    try:
        folium.TileLayer(provider.name)
    except ValueError:
        raise OptionError(
            f"The tile provider {provider.name} needs an API key.", hint="give its tile URL with your key and --tiles-attribution, or another provider."
        ) from None
    return provider.name  # the canonical name: the text given never reaches folium


def _leaflet_ready() -> None:
    """Fetch (or find in the cache) the pinned Leaflet that a self-contained
    page inlines, before any other work, with what to do when it cannot be had."""
    try:
        fetch_assets(LEAFLET)
    except DownloadError as error:
        raise DownloadError(
            "A self-contained page inlines Leaflet, and it could not be had: " + error.message,
            hint="run `handover-map assets fetch` once with network access (`make map` does), then build again; "
            "or build with --cdn for a page that loads Leaflet from the web.",
        ) from None


def check_initial_date(initial_date: dt.date | None, model: MapModel, what: str = "The date to open on") -> None:
    """Refuse a date to open on (or to draw, ``what`` says which) outside the slider's range.

    Raises
    ------
    OptionError
        When ``initial_date`` is before the slider's first stop (the day
        before the first event) or after its last (the latest report's
        date, ``until``, or the last change).
    """
    if initial_date is None:
        return
    stops = model.timeline.stops
    if stops and not stops[0] <= initial_date <= stops[-1]:
        first, last = long_date(stops[0]), long_date(stops[-1])
        raise OptionError(
            f"{what}, {initial_date.isoformat()}, is outside the slider's range, {first} to {last}.",
            hint=f"give --date from {stops[0].isoformat()} to {stops[-1].isoformat()}, or leave it out.",
        )


def build_html(
    spec: MapSpec | None = None,
    *,
    self_contained: bool = True,
    tiles: str | None = DEFAULT_FOR_MODE,
    tiles_attribution: str | None = None,
    initial_date: dt.date | None = None,
    message_origins: tuple[str, ...] = (),
    **options: Unpack[MapOptions],
) -> str:
    """Run the pipeline and return the map page as HTML.

    Takes a :class:`~handover_map.spec.MapSpec` or its options as keywords
    (see :func:`prepare_map`), and the page options of
    :class:`~handover_map.spec.PageOptions`. By default the page is
    self-contained (Leaflet inlined) and draws no tiles, so it opens with
    no network; ``self_contained=False`` links Leaflet from its CDN and
    draws the light grey basemap. Tiles given explicitly are drawn either way.
    """
    page = PageOptions(
        self_contained=self_contained, tiles=tiles, tiles_attribution=tiles_attribution, initial_date=initial_date, message_origins=message_origins
    )
    return _render(_prepare(spec, options, page, "build_html"), page)


def _prepare(spec: MapSpec | None, options: Mapping[str, object], page: PageOptions, caller: str) -> MapModel:
    """The model of the map of ``caller``'s page (``page``, checked already): the spec
    is checked, and the Leaflet a self-contained page inlines found, before the work."""
    spec = map_spec(_spec_given(spec, caller), options, caller)
    if page.self_contained:
        _leaflet_ready()
    return prepare_map(spec)


def _render(model: MapModel, page: PageOptions) -> str:
    from .render import render_map

    return render_map(model, page)


def build_map(
    output: str | Path | None = None,
    spec: MapSpec | None = None,
    *,
    self_contained: bool = True,
    tiles: str | None = DEFAULT_FOR_MODE,
    tiles_attribution: str | None = None,
    initial_date: dt.date | None = None,
    message_origins: tuple[str, ...] = (),
    **options: Unpack[MapOptions],
) -> Path:
    """Run the pipeline and write the map page atomically.

    Takes the options of :func:`build_html` (by default a self-contained page
    without tiles, which opens with no network); ``output`` defaults to
    ``output/karabakh-2020-handovers.html``, whose folder is created when
    missing. Returns the written path.

    Raises
    ------
    OptionError
        For a keyword that is no option, a bad tile option or message
        origin, or an ``initial_date`` outside the slider's range.
    DownloadError
        When a self-contained page needs Leaflet and it is neither cached nor
        fetchable (the hint says how to fetch it).
    OutputError
        If ``output`` is one of the input files, or cannot be written.
    """
    target = Path(output) if output else default_output_path()
    page = PageOptions(
        self_contained=self_contained, tiles=tiles, tiles_attribution=tiles_attribution, initial_date=initial_date, message_origins=message_origins
    )
    model = _prepare(spec, options, page, "build_map")
    html_page = _render(model, page)
    refuse_overwriting_inputs([target], model.files)
    if not output:
        _make_default_folder(target)
    return write_text_atomic(target, html_page)


def _make_default_folder(target: Path) -> None:
    """Create the default output folder (``output/``), which the user did not
    choose; a folder named with ``-o`` must exist."""
    with contextlib.suppress(OSError):  # writing the page then says what is wrong
        target.parent.mkdir(parents=True, exist_ok=True)
