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

import dataclasses
import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from ._atomic import refuse_overwriting_inputs, write_text_atomic
from .build import check_initial_date, prepare_map
from .events import Event
from .model import MapModel
from .render import HandoverLayer, render_map
from .spec import DEFAULT_FOR_MODE, MapOptions, PageOptions, given_options, map_spec

__all__ = ["HandoverLayer", "HandoverMap"]


class HandoverMap:
    """A slider map of handovers, ready to show, save or add to a folium map.

    Parameters
    ----------
    model
        What the map shows, from :func:`handover_map.build.prepare_map`.
    tiles, tiles_attribution
        The basemap, as for :class:`handover_map.spec.PageOptions`; by default
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
        model: MapModel,
        *,
        tiles: str | None = DEFAULT_FOR_MODE,
        tiles_attribution: str | None = None,
        initial_date: dt.date | None = None,
        self_contained: bool = False,
        height: int = 640,
    ) -> None:
        self.page = PageOptions(self_contained=self_contained, tiles=tiles, tiles_attribution=tiles_attribution, initial_date=initial_date)
        self._page_of(not self_contained)  # a bad tile option fails now, for either kind of page, not when the map is shown or saved
        check_initial_date(initial_date, model)
        self.model = model
        self.height = height

    @classmethod
    def build(
        cls,
        events: str | Path | Sequence[Event] | None = None,
        boundaries: str | Path | None = None,
        /,
        *,
        tiles: str | None = DEFAULT_FOR_MODE,
        tiles_attribution: str | None = None,
        initial_date: dt.date | None = None,
        self_contained: bool = False,
        height: int = 640,
        **options: Unpack[MapOptions],
    ) -> HandoverMap:
        """Run the pipeline: ``events`` and ``boundaries`` (by position or
        name) and the other ``options`` of :class:`handover_map.spec.MapSpec`
        (``article``, ``title``, ``until``...); the other parameters are the class's."""
        spec = map_spec(None, {**given_options(events=events, boundaries=boundaries), **options}, "HandoverMap.build")
        return cls(
            prepare_map(spec),
            tiles=tiles,
            tiles_attribution=tiles_attribution,
            initial_date=initial_date,
            self_contained=self_contained,
            height=height,
        )

    def _page_of(self, self_contained: bool) -> PageOptions:
        return dataclasses.replace(self.page, self_contained=self_contained)

    def to_html(self, *, self_contained: bool = True) -> str:
        """The map's page, as ``handover-map build`` writes it (``--cdn`` for ``self_contained=False``)."""
        return render_map(self.model, self._page_of(self_contained))

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
        refuse_overwriting_inputs([target], self.model.files)
        return write_text_atomic(target, self.to_html(self_contained=self_contained))

    def layer(self) -> HandoverLayer:
        """The districts, slider and event list, to add to a ``folium.Map`` of your own."""
        return HandoverLayer.from_map(self.model, initial_date=self.page.initial_date)

    def __repr__(self) -> str:
        stops = self.model.timeline.stops
        span = f", {stops[0].isoformat()} to {stops[-1].isoformat()}" if stops else ""
        return f"<HandoverMap {self.model.title!r}: {len(self.model.layers.districts)} district(s){span}>"

    def _repr_html_(self) -> str:
        """The page in an iframe, for Jupyter. ``srcdoc`` lets its script run
        in the frame; the sandbox keeps it from the notebook's own page."""
        page = self.to_html(self_contained=self.page.self_contained)
        return (
            f'<iframe srcdoc="{html.escape(page)}" title="{html.escape(self.model.title)}" sandbox="allow-scripts allow-popups" '
            f'style="width:100%;height:{int(self.height)}px;border:0;display:block"></iframe>'
        )
