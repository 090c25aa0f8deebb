"""Documented defaults for handover-map.

Every knob the pipeline uses lives here so that a notebook user can read, and
override, one place. Environment variables are read at call time, not import
time, so tests and notebooks can set them after importing the package.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypedDict

#: Environment variable naming a folder that holds the boundary files (an
#: offline mirror such as ``../shared/geodata``). Files there are checksummed
#: like downloads; a wrong checksum is refused. Unset, a source checkout uses
#: ``../shared/geodata`` beside it when that exists (see :func:`mirror_dir`).
DATA_DIR_ENV = "HANDOVER_MAP_DATA_DIR"

#: Environment variable overriding the cache folder for downloads and assets.
CACHE_DIR_ENV = "HANDOVER_MAP_CACHE_DIR"

#: Environment variable that, set to 1, forbids downloads: a file missing from
#: the mirror and the cache is an error at once, not a network timeout.
OFFLINE_ENV = "HANDOVER_MAP_OFFLINE"

#: CRS of every geometry handed to the web map (Leaflet expects lon/lat).
WEB_CRS = "EPSG:4326"

#: Decimal places kept in lon/lat coordinates when none is chosen from the
#: map's scale (see :func:`handover_map.cartography.choose_decimals`).
#: 5 places is a step of 1.1 m at the equator: finer than any district border.
COORDINATE_DECIMALS = 5

#: Above this many drawn districts the page uses Leaflet's Canvas renderer,
#: which restyles thousands of polygons faster than SVG.
CANVAS_THRESHOLD = 1500

#: The slider runs through time (a week seven times as wide as a day), but a gap between two stops of
#: over LONG_GAP_DAYS that is more than LONG_GAP_TIMES as long as all the others together (a look back
#: from years later) is drawn as wide as the others together, with a break mark.
LONG_GAP_DAYS = 30
LONG_GAP_TIMES = 3

#: Deepest zoom of a tile layer: past a provider's last tiles, they are drawn larger (a map
#: zooms six levels closer than its districts fit: for a rock of 200 m on a large screen, about 25).
MAX_ZOOM = 30

#: Least height, in degrees of latitude (about 55 km), of the view a map opens on: a smaller
#: district opens with its neighbourhood around it (an island with the coasts it lies off) ...
MIN_VIEW_DEGREES = 0.5
#: ... but at most this many times its own size, so that it stays in sight (a rock of 200 m).
MAX_VIEW_WIDENING = 6

#: At most this many district labels (the largest districts), and tick marks.
MAX_LABELS = 60
MAX_TICKS = 150

#: Columns an events table must have, and the optional ones it may have.
REQUIRED_EVENT_COLUMNS = ("district", "date", "kind")
OPTIONAL_EVENT_COLUMNS = ("from", "to", "source", "evidence", "note", "evidence_start", "evidence_end", "as_written", "match", "reports_differ", "confirmation")

#: Values of the optional ``confirmation`` column, which overrides the rule
#: of :mod:`handover_map.confirmation` for its row.
CONFIRMATIONS = ("claimed", "confirmed")

#: Fill opacity of a district whose state rests on a claim only (one side's
#: word): paler than a confirmed one, as conflict maps draw claims.
CLAIMED_FILL_OPACITY = 0.35

#: Event kinds, in the order a reader meets them: an announced date, one put
#: off, a handover done, and a change of control that is no handover
#: (``captured``: taken or retaken by force, as the table says). How the page,
#: the event list and the snapshot name each kind: ``kind.<kind>`` in each
#: language's words (src/handover_map/locales/).
EVENT_KINDS = ("scheduled", "postponed", "completed", "captured")

#: Kinds that change who controls a district, and the state each leaves it in
#: (see timeline.py); the other kinds only announce or put off a date.
CONTROL_STATE_OF_KIND = {"completed": "transferred", "captured": "taken"}
CONTROL_CHANGES = tuple(CONTROL_STATE_OF_KIND)

#: Control states, least to most advanced, then the state no report can
#: tell (after the latest report: see timeline.py); keys of STATE_STYLES.
STATES = ("held", "scheduled", "postponed", "overdue", "transferred", "taken", "unreported")

#: States in which a change of control went to someone (coloured by who, when several parties take districts).
CONTROL_STATES = tuple(dict.fromkeys(CONTROL_STATE_OF_KIND.values()))


class StateStyle(TypedDict):
    """How every output draws and names a state."""

    #: Fill colour (Okabe-Ito, which stays distinct for the common forms of colour blindness).
    color: str
    #: The legend's words when no party is named (each language's ``state.<state>`` on pages).
    label: str
    #: Drawn hatched: announced but not (yet) done, or not known.
    hatched: bool
    #: Drawn pale when it rests on a claim (one side's word only): a state an event brought about.
    claim_pale: bool
    #: The words key that names the party in the label ("Handed over to {party}"), or "".
    party_label: str


STATE_STYLES: dict[str, StateStyle] = {
    "held": {"color": "#E69F00", "label": "Held: no handover reported", "hatched": False, "claim_pale": False, "party_label": "state.held_by"},
    "scheduled": {"color": "#F0E442", "label": "Handover announced, date not yet reached", "hatched": True, "claim_pale": True, "party_label": ""},
    "postponed": {"color": "#CC79A7", "label": "Announced handover put off", "hatched": True, "claim_pale": True, "party_label": ""},
    "overdue": {"color": "#D55E00", "label": "Announced date passed, no handover reported", "hatched": True, "claim_pale": True, "party_label": ""},
    "transferred": {"color": "#0072B2", "label": "Handed over", "hatched": False, "claim_pale": True, "party_label": "state.transferred_to"},
    "taken": {"color": "#009E73", "label": "Taken: control changed without a handover", "hatched": False, "claim_pale": True, "party_label": "state.taken_by"},
    "unreported": {"color": "#8c8c8c", "label": "Not known: after the latest report", "hatched": True, "claim_pale": False, "party_label": ""},
}

#: When the table's changes of control go to more than one party, the
#: districts they hold are coloured by who holds them, in this order of the
#: parties (Okabe-Ito colours the states do not use for holders).
PARTY_COLOURS = ("#0072B2", "#009E73", "#56B4E9", "#332288", "#000000")

#: Style of boundary features that no event mentions.
CONTEXT_STYLE = {"color": "#9e9e9e", "fillColor": "#f2f2f2", "weight": 0.6, "fillOpacity": 0.5}

#: Tile layer for maps that load assets from CDNs; self-contained maps use none,
#: since tiles would need the network.
DEFAULT_TILES = "Esri.WorldGrayCanvas"

#: Lowest fuzzy score (rapidfuzz WRatio, 0-100) at which a district name may be
#: matched to a boundary name it does not equal after normalisation, and the
#: lead it must have over the runner-up. Precision first: a wrong district is
#: worse than a stopped build.
FUZZY_CUTOFF = 90
FUZZY_MARGIN = 5

#: Words that name an administrative level rather than a place; they are
#: ignored when matching names ("Agdam District" ~ "Aghdam").
ADMIN_SUFFIXES = (
    "district",
    "rayon",
    "raion",
    "rayonu",
    "region",
    "province",
    "county",
    "oblast",
    "governorate",
    "municipality",
    "hromada",
    "okrug",
    "prefecture",
    "city",
    "town",
)


def package_geodata_dir() -> Path:
    """Folder with the source manifest, alias table and default events.

    An installed wheel carries it as ``handover_map/_geodata``; a source
    checkout (including an editable install) uses the top-level ``geodata/``.
    """
    bundled = Path(__file__).parent / "_geodata"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / "geodata"


def cache_dir() -> Path:
    """Folder for downloaded boundary files and web assets."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    # pooch.os_cache's folder, without importing pooch (and its progress bars) on every build
    import platformdirs

    return Path(platformdirs.user_cache_dir("handover-map"))


def offline() -> bool:
    """True when ``HANDOVER_MAP_OFFLINE`` forbids downloads."""
    return os.environ.get(OFFLINE_ENV, "") not in ("", "0")


#: Where a source checkout looks for the offline mirror when
#: ``HANDOVER_MAP_DATA_DIR`` is not set: this folder beside the checkout.
MIRROR_BESIDE_CHECKOUT = Path("..") / "shared" / "geodata"


def checkout_dir() -> Path | None:
    """The source checkout the package runs from (an editable install or
    ``PYTHONPATH=src``), or None for an installed wheel."""
    if (Path(__file__).parent / "_geodata").is_dir():
        return None
    root = Path(__file__).resolve().parents[2]
    return root if (root / "geodata" / "sources.toml").is_file() else None


def mirror_dir() -> Path | None:
    """The offline mirror of boundary files, if any.

    ``HANDOVER_MAP_DATA_DIR`` when it is set (set but empty: no mirror);
    otherwise, for a source checkout, ``../shared/geodata`` beside the
    checkout when that folder exists (see :data:`MIRROR_BESIDE_CHECKOUT`).
    """
    value = os.environ.get(DATA_DIR_ENV)
    if value is not None:
        return Path(value) if value else None
    root = checkout_dir()
    if root is None:
        return None
    beside = (root / MIRROR_BESIDE_CHECKOUT).resolve()
    return beside if beside.is_dir() else None
