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
from .boundaries import load_boundaries
from .article import Article, read_article
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
    "Article", "Extraction", "extract_article", "extract_events", "read_article",
    "BoundaryDataError", "DownloadError", "Event", "Gazetteer", "HandoverMapError", "HandoverMapWarning",
    "InputDataError", "OptionError", "OutputError", "Timeline", "build_html", "build_map", "build_timeline", "join_events",
    "load_boundaries", "read_aliases", "read_events", "render_map", "state_on", "write_events",
]
