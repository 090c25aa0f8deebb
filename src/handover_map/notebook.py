"""Maps for notebooks and scripts: shown inline in Jupyter, saved as pages,
or added as a layer to a folium map of your own.

::

    from handover_map.notebook import HandoverLayer, HandoverMap

    handover = HandoverMap.build(events="events.csv")
    handover                      # the last line of a cell: the map, inline
    handover.save("map.html")     # the page `handover-map build` writes

    m = folium.Map(location=[40.0, 46.6], zoom_start=8)
    HandoverLayer.from_events("events.csv").add_to(m)
    m.save("my-map.html")
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from ._atomic import refuse_overwriting_inputs, write_text_atomic
from .build import DEFAULT_FOR_MODE, MapInputs, check_initial_date, prepare_map, resolve_tiles, tile_layer
from .events import Event
from .render import HandoverLayer, render_map

__all__ = ["HandoverLayer", "HandoverMap"]


class HandoverMap:
    """A slider map of handovers, ready to show, save or add to a folium map.

    Parameters
    ----------
    inputs
        What the map shows, from :func:`handover_map.build.prepare_map`.
    tiles, tiles_attribution
        The basemap, as for :func:`handover_map.build.tile_layer`; by default
        a light grey basemap on a page that loads Leaflet from the web, none
        on a self-contained page (as ``handover-map build`` draws them).
    initial_date
        The date the map opens on; default: the latest completed handover.
    self_contained
        Whether the map shown inline carries Leaflet within it, and so shows
        with no network. By default it loads Leaflet from its CDN, as folium's
        maps do, and a notebook that keeps its outputs holds no copy of it.
    height
        Height of the inline frame, in pixels.

    Raises
    ------
    OptionError
        For a bad tile option, or an ``initial_date`` outside the slider's range.
    """

    def __init__(
        self,
        inputs: MapInputs,
        *,
        tiles: str | None = DEFAULT_FOR_MODE,
        tiles_attribution: str | None = None,
        initial_date: dt.date | None = None,
        self_contained: bool = False,
        height: int = 640,
    ) -> None:
        for mode in (False, True):  # a bad tile option fails now, not when the map is shown or saved
            tile_layer(resolve_tiles(tiles, mode), tiles_attribution)
        check_initial_date(initial_date, inputs.joined, horizon=inputs.horizon, until=inputs.until)
        self.inputs = inputs
        self.tiles = tiles
        self.tiles_attribution = tiles_attribution
        self.initial_date = initial_date
        self.self_contained = self_contained
        self.height = height

    @classmethod
    def build(
        cls,
        events: str | Path | list[Event] | None = None,
        boundaries: str | Path | None = None,
        *,
        tiles: str | None = DEFAULT_FOR_MODE,
        tiles_attribution: str | None = None,
        initial_date: dt.date | None = None,
        self_contained: bool = False,
        height: int = 640,
        **options: Any,
    ) -> HandoverMap:
        """Run the pipeline: ``events`` and ``boundaries`` and the ``options`` of
        :func:`handover_map.build.prepare_map` (``article``, ``title``,
        ``until``...); the other parameters are the class's."""
        return cls(
            prepare_map(events, boundaries, **options),
            tiles=tiles,
            tiles_attribution=tiles_attribution,
            initial_date=initial_date,
            self_contained=self_contained,
            height=height,
        )

    def to_html(self, *, self_contained: bool = True) -> str:
        """The map's page, as ``handover-map build`` writes it (``--cdn`` for ``self_contained=False``)."""
        return render_map(
            self.inputs.layers,
            self.inputs.joined,
            title=self.inputs.title,
            subtitle=self.inputs.subtitle,
            note=self.inputs.note,
            credits=self.inputs.credits,
            self_contained=self_contained,
            tiles=tile_layer(resolve_tiles(self.tiles, self_contained), self.tiles_attribution),
            initial_date=self.initial_date,
            horizon=self.inputs.horizon,
            until=self.inputs.until,
        )

    def save(self, path: str | Path, *, self_contained: bool = True) -> Path:
        """Write the page atomically; by default self-contained, so it opens with no network.

        Raises
        ------
        OutputError
            If ``path`` is one of the map's input files, or cannot be written.
        DownloadError
            When a self-contained page needs Leaflet and it is neither cached
            nor fetchable.
        """
        target = Path(path)
        refuse_overwriting_inputs([target], self.inputs.files)
        return write_text_atomic(target, self.to_html(self_contained=self_contained))

    def layer(self) -> HandoverLayer:
        """The districts, slider and event list, to add to a ``folium.Map`` of your own."""
        return HandoverLayer.from_map(self.inputs, initial_date=self.initial_date)

    def __repr__(self) -> str:
        stops = self.inputs.timeline().stops
        span = f", {stops[0].isoformat()} to {stops[-1].isoformat()}" if stops else ""
        return f"<HandoverMap {self.inputs.title!r}: {len(self.inputs.layers.districts)} district(s){span}>"

    def _repr_html_(self) -> str:
        """The page in an iframe, for Jupyter. ``srcdoc`` lets its script run
        in the frame; the sandbox keeps it from the notebook's own page."""
        page = self.to_html(self_contained=self.self_contained)
        return (
            f'<iframe srcdoc="{html.escape(page)}" title="{html.escape(self.inputs.title)}" sandbox="allow-scripts allow-popups" '
            f'style="width:100%;height:{int(self.height)}px;border:0;display:block"></iframe>'
        )
