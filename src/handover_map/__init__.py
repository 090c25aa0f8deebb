"""handover-map: turn a news report of territorial handovers into a slider map.

The pipeline, one module per stage::

    article (text) -> extract (events) -> events (table) -> gazetteer (names) -> boundaries (polygons)
                   -> timeline (states) -> render (folium page)

:func:`build_map` runs it end to end; each stage is importable on its own.
"""

from importlib.metadata import PackageNotFoundError, version

from ._errors import (
    BoundaryDataError,
    DownloadError,
    HandoverMapError,
    HandoverMapWarning,
    InputDataError,
    OptionError,
    OutputError,
)
from .article import Article, read_article
from .boundaries import load_boundaries
from .build import build_html, build_map, extract_article
from .events import Event, read_events, write_events
from .extract import Extraction, extract_events
from .gazetteer import Gazetteer, join_events, read_aliases
from .render import render_map
from .timeline import Timeline, build_timeline, state_on

try:
    __version__ = version("handover-map")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0+unknown"

__all__ = [
    "Article",
    "BoundaryDataError",
    "DownloadError",
    "Event",
    "Extraction",
    "Gazetteer",
    "HandoverMapError",
    "HandoverMapWarning",
    "InputDataError",
    "OptionError",
    "OutputError",
    "Timeline",
    "build_html",
    "build_map",
    "build_timeline",
    "extract_article",
    "extract_events",
    "join_events",
    "load_boundaries",
    "read_aliases",
    "read_article",
    "read_events",
    "render_map",
    "state_on",
    "write_events",
]
