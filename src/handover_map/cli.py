"""The ``handover-map`` command line: a thin click layer over the library API."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import json
import re
import signal
import sys
import urllib.parse
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__, sources
from ._atomic import refuse_overwriting_inputs, write_text_atomic
from ._errors import DownloadError, HandoverMapError, HandoverMapWarning, Interrupted
from .spec import DEFAULT_FOR_MODE, MAX_SIMPLIFY, MapSpec, PageOptions
from .words import DEFAULT_LANGUAGE, LANGUAGES

#: Years a publication date may fall in: anything else is a typing slip.
PUBLISHED_YEARS = (1800, 2200)

#: Frame heights `embed` accepts, in pixels.
EMBED_HEIGHTS = (100, 4000)

#: What --name-field takes, and what it defaults to (boundaries.pick_name_field).
NAME_FIELD_HELP = (
    "Field of the boundary file with the district names (default: name, NAME, shapeName, NAME_EN, NAME_2, NAME_1 ... or the field of names, said in a warning)."
)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that temporary files are removed on the way out."""


def _raise_terminated(signal_number, frame) -> None:
    raise _Terminated()


def _interrupted(stop: BaseException) -> Interrupted:
    if isinstance(stop, _Terminated):
        return Interrupted(signal.SIGTERM, "SIGTERM")
    return Interrupted(signal.SIGINT, "Ctrl-C (SIGINT)")


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    click.echo(f"Warning: {message}", err=True)


class _Failed(click.ClickException):
    """A library error or an interruption as click shows it: one line on stderr, and its exit code."""

    def __init__(self, error: HandoverMapError | Interrupted) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code  # type: ignore[misc]  # click reads it from the instance
        self.interrupted = isinstance(error, Interrupted)

    def show(self, file=None) -> None:
        if self.interrupted:  # nothing is wrong with the input: no "Error:" before it
            click.echo(self.message, file=file, err=file is None)
        else:
            super().show(file)


@contextlib.contextmanager
def _loading_libraries() -> Iterator[None]:
    """Import a command's libraries with the cyclic garbage collector paused,
    then set what they made aside from its later passes (``gc.freeze``).

    geopandas, pandas and folium make about a million objects that live as
    long as the process: a full pass over them finds nothing to free, and the
    passes during the imports, during the command and when the process ends
    cost about 0.2 s of a 0.9 s default build. What the command itself makes
    is collected as usual. (:func:`main` puts the set-aside objects back
    first, for a process that runs several commands.)
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def friendly(command):
    """Run a command the way its user sees it.

    Library errors become one line on stderr and their category's exit code;
    unexpected exceptions too, unless --debug. Library warnings are printed
    as ``Warning: ...`` lines while the command runs, and the warning display
    is put back afterwards (the library may run on in the same process).
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            with warnings.catch_warnings():
                warnings.showwarning = _show_warning
                warnings.simplefilter("always", HandoverMapWarning)
                return command(*args, **kwargs)
        except HandoverMapError as error:
            raise _Failed(error) from error
        # A closed pipe ("handover-map data list | head -0") is click's to end quietly, not a bug to report.
        except (click.exceptions.Exit, click.Abort, click.UsageError, BrokenPipeError):
            raise
        except KeyboardInterrupt as stop:
            raise _Failed(_interrupted(stop)) from None
        except Exception as error:
            if debug:
                raise
            raise click.ClickException(f"unexpected {type(error).__name__}: {error}. Hint: rerun with --debug for the traceback and report it.") from None

    return wrapper


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2020-11-25.") from None


def _published_date(ctx, param, value):
    day = _iso_date(ctx, param, value)
    first, last = PUBLISHED_YEARS
    if day is not None and not first <= day.year <= last:
        raise click.BadParameter(f"{value} is not a plausible publication date (years {first} to {last}).")
    return day


def _published_dates(ctx, param, values):
    """``--published`` (repeatable): ``DATE`` for a single report, or ``FILE=DATE`` per report.

    Returns None, a date, or {file: date}.
    """
    single = None
    per_report: dict[str, dt.date] = {}
    for value in values:
        name, equals, day = value.rpartition("=")
        if not equals:
            if single is not None:
                raise click.BadParameter("give one --published DATE, or --published FILE=DATE for each report.")
            single = _published_date(ctx, param, value)
            continue
        if not name.strip():
            raise click.BadParameter(f"'{value}' names no report: write FILE=YYYY-MM-DD.")
        date = _published_date(ctx, param, day.strip())
        if per_report.get(name, date) != date:
            raise click.BadParameter(f"two dates for '{name}'.")
        per_report[name] = date
    if single is not None and per_report:
        raise click.BadParameter("give either --published DATE (one report) or --published FILE=DATE (one or more), not both.")
    return per_report or single


def _embed_url(ctx, param, value):
    """An http(s) URL or a relative one: never javascript:, data: or another scheme."""
    if value is None:
        return None
    if re.search(r"[\s\x00-\x1f\x7f]", value):
        raise click.BadParameter("the URL contains spaces or control characters; write them %-encoded (%20).")
    parts = urllib.parse.urlsplit(value)
    if parts.scheme and (parts.scheme.lower() not in ("http", "https") or not parts.netloc):
        raise click.BadParameter(f"'{value}' is not an http(s) URL.")
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handover-map")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def cli(debug: bool) -> None:
    """Turn reports of territorial handovers into an interactive slider map.

    \b
    Example:
        handover-map build
    """


def map_options(command):
    """The options that say what a map shows, shared by `build`, `snapshot` and `export`."""
    options = [
        click.option("--events", type=click.Path(dir_okay=False, path_type=Path), help="Events table (CSV). Default: the Karabakh 2020 table."),
        click.option(
            "--article",
            "articles",
            multiple=True,
            type=click.Path(path_type=Path),
            help="Extract the events from this report (text or saved HTML) instead; repeatable, and a folder stands for its .txt and .html files. "
            "Events several reports give are one row citing them all.",
        ),
        click.option(
            "--published",
            multiple=True,
            callback=_published_dates,
            help="With --article: a report's publication date, if its page gets it wrong: YYYY-MM-DD for one report, "
            "FILE=YYYY-MM-DD (repeatable) for one of several.",
        ),
        click.option("--boundaries", help="Boundary file (GeoJSON, GeoPackage, Shapefile...) or a source id from `handover-map data list`."),
        click.option("--name-field", help=NAME_FIELD_HELP),
        click.option("--layer", help="Layer of a multi-layer boundary file."),
        click.option("--assume-crs", help="CRS to assume when the boundary file declares none, e.g. EPSG:4326."),
        click.option("--context", help="Countries drawn for context: a source id or file, or 'none'. Default: Natural Earth countries."),
        click.option("--held-area", help="Area held before the handovers (file or source id): only districts' parts inside it are coloured. 'none' for none."),
        click.option("--held-area-field", help="Name field of the --held-area file."),
        click.option("--held-area-name", help="Which feature of the --held-area file, by its name."),
        click.option("--held-area-label", help="Legend label for the held area."),
        click.option("--title", help="Title above the map. Default: the article's headline, or the districts."),
        click.option("--subtitle", help="Line under the title."),
        click.option("--credit", "credits", multiple=True, help="Extra credit line (repeatable)."),
        click.option(
            "--aliases", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Alias table (CSV: name,alias). Default: the shipped one."
        ),
        click.option(
            "--simplify",
            type=float,
            default=0,
            help=f"Simplify borders by this many metres (up to {MAX_SIMPLIFY:,}), keeping shared borders shared. Default: 0 (none).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def lang_option(command):
    """``--lang``: the language of the map's own words and dates (`build`, `snapshot`, `story build`)."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=DEFAULT_LANGUAGE,
        show_default=True,
        help="Language of the map's own words (controls, legend, notes, credits) and dates; text from reports stays as written.",
    )(command)


_UNTIL_HELP = "Last date of the slider (YYYY-MM-DD). Default: the latest report's publication date; after it, what no report could tell is drawn as not known."


def _map_spec(options: dict[str, Any]) -> MapSpec:
    """The map spec of a command's map options (:func:`map_options`, ``--until``, ``--lang``):
    click's values under the spec's names; the spec checks them."""
    articles = options.pop("articles", ())
    return MapSpec(article=tuple(articles) or None, **options)


@cli.command()
@map_options
@click.option("-o", "--output", type=click.Path(path_type=Path), help="HTML file to write. Default: output/karabakh-2020-handovers.html.")
@click.option(
    "--self-contained/--cdn",
    "self_contained",
    default=True,
    help="--self-contained (the default): inline Leaflet, so the page opens with no network. "
    "--cdn: a smaller page that loads Leaflet and a basemap from the web (blank without network).",
)
@click.option(
    "--tiles",
    default=None,
    help="Tile provider name (folium/xyzservices, e.g. OpenStreetMap.Mapnik), an http(s) URL with {z}, {x} and {y} (with --tiles-attribution), or 'none'. "
    "Tiles need the network. Default: none on a self-contained page, a light grey basemap with --cdn.",
)
@click.option("--tiles-attribution", help="Credit line of the tiles of a --tiles URL (plain text), e.g. '© OpenStreetMap contributors'.")
@click.option("--date", "initial_date", callback=_iso_date, help="Date shown when the page opens (YYYY-MM-DD).")
@click.option("--until", callback=_iso_date, help=_UNTIL_HELP)
@click.option(
    "--message-origin",
    "message_origins",
    multiple=True,
    help="Web origin allowed to drive the embedded page with postMessage (repeatable), e.g. https://blog.example.org. Default: any embedding parent.",
)
@lang_option
@friendly
def build(output, self_contained, tiles, tiles_attribution, initial_date, message_origins, **options) -> None:
    """Build the slider map from an events table (or an article) and boundary polygons.

    \b
    The page is self-contained (it opens with no network) unless --cdn is
    given; one line on stderr says which was written.

    \b
    Examples:
        handover-map build
        handover-map build -o map.html
        handover-map build --cdn -o map.html
        handover-map build --events my.csv --boundaries districts.gpkg --name-field NAME_EN -o out.html
        handover-map build --article article.txt -o out.html
        handover-map build --article a.txt --article b.html --published a.txt=2020-11-20 -o out.html
        handover-map build --article reports/ -o out.html
        handover-map build --tiles 'https://tiles.example.org/{z}/{x}/{y}.png' --tiles-attribution '© Example'
        handover-map build --until 2020-12-05 -o out.html
        handover-map build --lang fr -o carte.html
    """
    with _loading_libraries():  # a command imports what it needs (geopandas, folium) when it runs
        from . import render  # noqa: F401 - the page's libraries load with the others, collector paused
        from .build import build_map

    tiles = DEFAULT_FOR_MODE if tiles is None else tiles
    written = build_map(
        output,
        _map_spec(options),
        self_contained=self_contained,
        tiles=tiles,
        tiles_attribution=tiles_attribution,
        initial_date=initial_date,
        message_origins=tuple(message_origins),
    )
    drawn = PageOptions(self_contained=self_contained, tiles=tiles, tiles_attribution=tiles_attribution).drawn_tiles()
    with_tiles = drawn is not None and drawn.strip().lower() != "none"
    if not self_contained:
        kind = "--cdn: loads Leaflet" + (" and tiles" if with_tiles else "") + " from the web, blank without network"
    elif with_tiles:
        kind = "self-contained, Leaflet inlined; its tiles need the network"
    else:
        kind = "self-contained: opens with no network"
    click.echo(f"Wrote {written} ({written.stat().st_size:,} bytes; {kind}). To embed it: handover-map embed {written}", err=True)


@cli.command()
@map_options
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Base name of the images; .png and .svg are written. Default: output/<map name>.")
@click.option(
    "--date",
    "dates",
    multiple=True,
    callback=lambda c, p, v: [_iso_date(c, p, d) for d in v],
    help="A panel's date (repeatable). Default: every event date up to the slider's end.",
)
@click.option("--until", callback=_iso_date, help=_UNTIL_HELP)
@lang_option
@friendly
def snapshot(output, dates, **options) -> None:
    """Write small multiples of the map, one panel per event date, as PNG and SVG.

    Same colours, hatching, legend and credits as the web map; for social
    cards, print and READMEs.

    \b
    Examples:
        handover-map snapshot
        handover-map snapshot --article article.txt -o output/lachin --date 2020-11-30 --date 2020-12-02
        handover-map snapshot --article reports/ -o output/story
        handover-map snapshot --lang ru -o output/karabakh-ru
    """
    with _loading_libraries():
        from .build import check_initial_date, default_output_path, prepare_map
        from .snapshot import write_snapshot

    target = output or default_output_path().with_suffix("")
    model = prepare_map(_map_spec(options))
    for day in dates:
        check_initial_date(day, model, what="A snapshot date")
    for written in write_snapshot(model, target, dates or None):
        click.echo(f"Wrote {written} ({written.stat().st_size:,} bytes)", err=True)


@cli.command("export")
@map_options
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), required=True, help="File to write: .geojson (or .json) for GIS tools, .csv for a spreadsheet."
)
@click.option("--until", callback=_iso_date, help=_UNTIL_HELP)
@friendly
def export_timeline(output, **options) -> None:
    """Write who controls what, when: one record per district and state interval.

    Each record has the district, its label, the state and its legend label,
    and start and end dates (both included; the last interval has no end).
    GeoJSON carries each district's shape (EPSG:4326) for QGIS's temporal
    controller or kepler.gl; CSV has no geometry. Takes the same inputs as
    build.

    \b
    Examples:
        handover-map export -o output/timeline.geojson
        handover-map export --events events.csv -o timeline.csv
        handover-map export --until 2020-12-05 -o timeline.csv
    """
    with _loading_libraries():
        from .build import prepare_map
        from .export import write_timeline

    written = write_timeline(prepare_map(_map_spec(options)), output)
    click.echo(f"Wrote {written} ({written.stat().st_size:,} bytes)", err=True)


@cli.command()
@click.argument("page", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--url",
    callback=_embed_url,
    help="Where the page will be published: an http(s) URL, or one relative to the post. Default: its file name, for a page beside the post.",
)
@click.option(
    "--height",
    type=click.IntRange(*EMBED_HEIGHTS),
    help="Height of the frame in pixels until the map reports its own, and where scripts do not run. Default: an aspect ratio of 3:2.",
)
@friendly
def embed(page, url, height) -> None:
    """Print a snippet that embeds a built map in a web page.

    An iframe whose height follows the map's content at any column width
    (a few lines of script listen to the map's own frame; without them the
    frame keeps an aspect ratio), with the title and a link to the map's page.
    On touch screens one finger scrolls the post and two move the map. The
    map answers postMessage calls from the parent page:
    {type: "handover-map:setDate", date: "2020-11-25"}, {type: "handover-map:play"},
    {type: "handover-map:pause"}; it posts {type: "handover-map:date", date} back.

    \b
    Example:
        handover-map embed output/karabakh-2020-handovers.html --url https://example.org/maps/karabakh.html
    """
    from .embed import embed_snippet, page_language, page_title

    text = page.read_text(encoding="utf-8", errors="replace")
    click.echo(embed_snippet(url or urllib.parse.quote(page.name), page_title(text), height, page_language(text)))


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write. Default: standard output.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="csv: the events table; json: events plus the review report (of each report, with several).",
)
@click.option("--boundaries", help="Boundary file or source id whose names are the places to look for. Default: the default case's.")
@click.option("--name-field", help=NAME_FIELD_HELP)
@click.option("--layer", help="Layer of a multi-layer boundary file.")
@click.option("--assume-crs", help="CRS to assume when the boundary file declares none.")
@click.option(
    "--published",
    multiple=True,
    callback=_published_dates,
    help="Publication date: YYYY-MM-DD for one report, FILE=YYYY-MM-DD (repeatable) for one of several. Default: from the page, dateline, file name or text.",
)
@click.option("--aliases", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Alias table (CSV: name,alias). Default: the shipped one.")
@friendly
def extract(articles, output, output_format, boundaries, name_field, layer, assume_crs, published, aliases) -> None:
    """Extract dated handover events from news reports into one events table.

    Each report may be plain text or a saved HTML page; a folder stands for
    its .txt and .html files. The same event from several reports is one
    row citing them all; reports that disagree on a date keep a row each,
    marked in the reports_differ column. Review the table, fix what is
    wrong, then `handover-map build --events TABLE`. What was found but not
    used (place names, dates) is reported on stderr.

    \b
    Examples:
        handover-map extract article.txt -o events.csv
        handover-map extract saved-page.html --format json -o events.json
        handover-map extract a.txt b.html c.txt -o events.csv
        handover-map extract reports/ --published b.html=2020-11-25 -o events.csv
        handover-map extract article.txt --boundaries districts.gpkg --name-field NAME_EN --published 2019-03-14
    """
    with _loading_libraries():
        from .build import extract_inputs, extract_reports
    from .events import events_csv

    if output:
        refuse_overwriting_inputs([output], extract_inputs(list(articles), boundaries, aliases))
    found = extract_reports(list(articles), boundaries, name_field=name_field, layer=layer, assume_crs=assume_crs, published=published, aliases=aliases)
    several = len(found.extractions) > 1
    if output_format == "json":
        rows = [e.as_row() for e in found.events]
        data = {"events": rows, "reports": found.report()} if several else {"events": rows, "report": found.extractions[0].report()}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = events_csv(found.events)
    if output:
        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)
    if not several:
        _echo_report(found.extractions[0].report(), len(found.events), found.names[0])
        return
    for name, extraction in zip(found.names, found.extractions, strict=True):
        _echo_report(extraction.report(), len(extraction.events), name, prefix=f"{name}: ")
    shared = sum(" | " in e.source for e in found.events)
    differ = sum(bool(e.reports_differ) for e in found.events)
    click.echo(
        f"Found {len(found.events)} event(s) in {len(found.extractions)} reports: {shared} given by several reports, {differ} where reports differ on the date.",
        err=True,
    )


def _echo_report(report: dict, count: int, name: str, prefix: str = "") -> None:
    published = report["published"]
    if published["date"]:
        click.echo(f"{prefix}Published: {published['date']} (from {published['from']})", err=True)
    else:
        option = "--published FILE=YYYY-MM-DD" if prefix else "--published YYYY-MM-DD"
        click.echo(f"{prefix}Published: unknown; pass {option} to date its weekdays, 'today' and dates without a year", err=True)
    for place in report["unmatched_places"]:
        click.echo(f"{prefix}Place not matched: {place['text']}: {place['reason']}", err=True)
    for date in report["unattached_dates"]:
        click.echo(f"{prefix}Date not used: {date['text']} ({date['date'] or '?'}): {date['reason']}", err=True)
    for change in report["undated_changes"]:
        click.echo(f"{prefix}Change without a day: {change['district']} ({change['text']}): {change['reason']}", err=True)
    if count:
        click.echo(f"{prefix}Found {count} event(s).", err=True)
    else:
        click.echo(f"Warning: found no handover events in '{name}'.", err=True)


@cli.group()
def story() -> None:
    """A story folder: add reports one by one, review one table, rebuild one map.

    \b
    The folder holds story.toml (settings), reports/ (copies of the
    reports), events.csv (the reviewed table: edit it; clear the review
    column of the rows you checked) and the map. Adding a report reads every
    report again and never overwrites a row you edited or deleted.

    \b
    Example:
        handover-map story init karabakh --title "Three districts change hands"
        handover-map story add karabakh agdam.txt --published agdam.txt=2020-11-20
        handover-map story build karabakh
    """


@story.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="", help="Title above the map. Default: the districts.")
@click.option("--subtitle", default="", help="Line under the title.")
@click.option("--boundaries", help="Boundary file or source id. Default: the default case's.")
@click.option("--name-field", default="", help=NAME_FIELD_HELP)
@click.option("--layer", default="", help="Layer of a multi-layer boundary file.")
@click.option("--assume-crs", default="", help="CRS to assume when the boundary file declares none.")
@click.option("--aliases", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Alias table (CSV: name,alias). Default: the shipped one.")
@click.option("--credit", "credits", multiple=True, help="Extra credit line (repeatable).")
@friendly
def story_init(folder, **settings) -> None:
    """Start a story folder: settings in story.toml, an empty events table, reports/.

    \b
    Example:
        handover-map story init karabakh --title "Three districts change hands"
    """
    from .story import SETTINGS_FILE, init_story

    init_story(folder, **settings)
    click.echo(f"Started the story '{folder}': settings in {folder / SETTINGS_FILE}. Next: handover-map story add {folder} REPORT", err=True)


@story.command("add")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--published",
    multiple=True,
    callback=_published_dates,
    help="Publication date: YYYY-MM-DD for one report, FILE=YYYY-MM-DD (repeatable) for one of several. Default: from the page, dateline, file name or text.",
)
@friendly
def story_add(folder, reports, published) -> None:
    """Copy reports into the story, read them all again and update its events table.

    Rows you edited, added or deleted in events.csv stay as you left them;
    new rows from the machine are marked "new" in its review column, rows a
    new report changed "updated". One or two lines say what changed.

    \b
    Examples:
        handover-map story add karabakh agdam.txt
        handover-map story add karabakh kalbajar.html lachin.txt --published lachin.txt=2020-12-01
    """
    from .story import add_reports

    click.echo(add_reports(folder, list(reports), published).summary(), err=True)


@story.command("build")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="HTML file to write. Default: the story's output (map.html in the folder).")
@click.option("--until", callback=_iso_date, help=_UNTIL_HELP)
@click.option(
    "--self-contained/--cdn", "self_contained", default=True, help="--self-contained (the default): opens with no network; --cdn: loads Leaflet from the web."
)
@lang_option
@friendly
def story_build(folder, output, until, self_contained, lang) -> None:
    """Build the story's map from its reviewed events table and settings.

    \b
    Examples:
        handover-map story build karabakh
        handover-map story build karabakh --until 2020-12-05 -o karabakh.html
        handover-map story build karabakh --lang de -o karabakh-de.html
    """
    with _loading_libraries():
        from .story import build_story

    written = build_story(folder, output=output, until=until, self_contained=self_contained, lang=lang)
    click.echo(f"Wrote {written} ({written.stat().st_size:,} bytes). To embed it: handover-map embed {written}", err=True)


@cli.group()
def data() -> None:
    """The public boundary sources: list, fetch and verify them.

    \b
    Example:
        HANDOVER_MAP_DATA_DIR=../shared/geodata handover-map data verify
    """


@data.command("list")
@friendly
def data_list() -> None:
    """List the sources: id, status (mirror/cached/not downloaded), licence, URL.

    \b
    Example:
        handover-map data list
    """
    for source in sources.sources().values():
        click.echo(f"{source.id}\t{sources.status(source)}\t{source.licence}\t{source.description}\n    {source.url}")


def _ids(ids: tuple[str, ...]) -> list[str]:
    return list(ids) or list(sources.sources())


@data.command("fetch")
@click.argument("ids", nargs=-1)
@friendly
def data_fetch(ids: tuple[str, ...]) -> None:
    """Download sources (all by default) into the cache, checking SHA-256.

    \b
    Example:
        handover-map data fetch geoboundaries-aze-adm2
    """
    for source_id in _ids(ids):
        click.echo(f"{source_id}\t{sources.fetch(source_id, progress=True)}")


@data.command("verify")
@click.argument("ids", nargs=-1)
@friendly
def data_verify(ids: tuple[str, ...]) -> None:
    """Check the SHA-256 of mirrored or cached files without downloading.

    \b
    Example:
        handover-map data verify
    """
    missing = 0
    for source_id in _ids(ids):
        source = sources.get_source(source_id)
        where = sources.mirrored_path(source) or (sources.cached_path(source) if sources.cached_path(source).is_file() else None)
        if where is None:
            click.echo(f"{source_id}\tnot downloaded")
            missing += 1
            continue
        sources.fetch(source_id)  # raises on a wrong checksum
        click.echo(f"{source_id}\tok\t{where}")
    if missing:
        raise DownloadError(f"{missing} source(s) not downloaded.", hint="run `handover-map data fetch`.")


@cli.group()
def assets() -> None:
    """The pinned web assets (Leaflet) that self-contained pages (the default) inline.

    \b
    Example:
        handover-map assets fetch
    """


@assets.command("fetch")
@friendly
def assets_fetch() -> None:
    """Fetch Leaflet into the cache (npm pack, or its CDN), checking SHA-256.

    \b
    Example:
        handover-map assets fetch
    """
    from .assets import LEAFLET, fetch_assets

    click.echo(f"{LEAFLET.spec}\t{fetch_assets(LEAFLET)}")


def main() -> None:
    """Console-script entry point: every error is one line on stderr.

    Ctrl-C and SIGTERM stop the command cleanly: temporary files are removed,
    one line says so, and the exit code is 130 or 143 (128 + the signal).
    """
    signal.signal(signal.SIGTERM, _raise_terminated)
    gc.unfreeze()  # what an earlier command in this process set aside (see _loading_libraries) is collected again
    try:
        code = cli.main(prog_name="handover-map", standalone_mode=False)
    except click.UsageError as error:
        where = error.ctx.command_path if error.ctx else "handover-map"
        click.echo(f"Error: {error.format_message()} Hint: see `{where} --help`.", err=True)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.Abort as abort:  # click's own: a signal outside a command, or end of input
        _exit_interrupted(_interrupted(abort.__context__ or KeyboardInterrupt()))
    except KeyboardInterrupt as stop:  # between click's handlers
        _exit_interrupted(_interrupted(stop))
    sys.exit(code if isinstance(code, int) else 0)


def _exit_interrupted(stop: Interrupted) -> None:
    click.echo(str(stop), err=True)
    sys.exit(stop.exit_code)
