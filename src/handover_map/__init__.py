"""handover-map: turn a news report of territorial handovers into a slider map.

The pipeline, one module per stage::

    article (text) -> extract (events) -> events (table) -> gazetteer (names) -> boundaries (polygons)
                   -> timeline (states) -> render (folium page)

:func:`build_map` runs it end to end; each stage is importable on its own.
What a map shows is asked for with a :class:`MapSpec` (or its options as
keywords) and built once into a :class:`MapModel` (:func:`prepare_map`),
which every output reads.
"""

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from ._errors import (
    BoundaryDataError,
    DownloadError,
    HandoverMapError,
    HandoverMapWarning,
    InputDataError,
    OptionError,
    OutputError,
)

if TYPE_CHECKING:
    from .article import Article, read_article
    from .boundaries import load_boundaries
    from .build import build_html, build_map, extract_article, prepare_map
    from .events import Event, read_events, write_events
    from .extract import Extraction, extract_events
    from .gazetteer import Gazetteer, join_events, read_aliases
    from .model import MapModel
    from .notebook import HandoverMap
    from .render import HandoverLayer, render_map
    from .spec import MapSpec, PageOptions
    from .timeline import Timeline, build_timeline, state_on

#: {name: module it comes from}: imported on first use, so that a command
#: loads only what it needs (``--help`` neither geopandas nor folium).
_LAZY = {
    "Article": "article",
    "read_article": "article",
    "load_boundaries": "boundaries",
    "build_html": "build",
    "build_map": "build",
    "extract_article": "build",
    "prepare_map": "build",
    "Event": "events",
    "read_events": "events",
    "write_events": "events",
    "Extraction": "extract",
    "extract_events": "extract",
    "Gazetteer": "gazetteer",
    "join_events": "gazetteer",
    "read_aliases": "gazetteer",
    "MapModel": "model",
    "HandoverMap": "notebook",
    "HandoverLayer": "render",
    "render_map": "render",
    "MapSpec": "spec",
    "PageOptions": "spec",
    "Timeline": "timeline",
    "build_timeline": "timeline",
    "state_on": "timeline",
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "HandoverLayer",
    "HandoverMap",
    "HandoverMapError",
    "HandoverMapWarning",
    "InputDataError",
    "MapModel",
    "MapSpec",
    "OptionError",
    "OutputError",
    "PageOptions",
    "Timeline",
    "build_html",
    "build_map",
    "build_timeline",
    "extract_article",
    "extract_events",
    "join_events",
    "load_boundaries",
    "prepare_map",
    "read_aliases",
    "read_article",
    "read_events",
    "render_map",
    "state_on",
    "write_events",
]
