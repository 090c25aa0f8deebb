"""Claimed or confirmed: whose word an event rests on.

An event that only one side's officials or media report is *claimed*; one
that the other side or an independent source reports as well is
*confirmed*, as conflict maps (ISW's, Wikipedia's) tell them apart. The
rule works on what the events table knows: the reports in ``source``, the
parties in ``from`` and ``to``, and a small table of outlets whose side is
known, ``geodata/outlets.csv`` (state media and officials of the parties;
an outlet it does not list counts as independent). For each report the
event cites:

- an outlet the table does not list is independent: the event is confirmed;
- an outlet of a side that is neither ``from`` nor ``to`` of the event (a
  third country's state agency on a handover between two others) is
  independent of it: confirmed;
- an outlet of the side that gives control up (``from``) says so against its
  own interest: confirmed;
- outlets of two different sides: confirmed.

Otherwise every report is of one side, the one that gains or whose word
alone it is: the event is claimed by that side. A row with no ``source``
is not marked either way (nothing says whose word it is) and is drawn as a
confirmed one. The ``confirmation`` column (``claimed`` or ``confirmed``)
overrides the rule for its row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import settings
from .events import Event
from .reports import split_sources


@dataclass(frozen=True)
class Outlet:
    """An outlet or office of one side: its names, its side's names (the first
    is shown), and its web hosts."""

    names: tuple[str, ...]
    side: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Confirmation:
    """``status`` ("claimed" or "confirmed") and, for a claim, who claims it."""

    status: str
    claimed_by: str = ""


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def read_outlets(path: Path | None = None) -> list[Outlet]:
    """The outlets whose side is known, from ``geodata/outlets.csv`` (columns
    ``outlet``, ``side``, ``domain``, ``note``; several names in a cell are
    separated by ``;``)."""
    path = path or settings.package_geodata_dir() / "outlets.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [Outlet(_split(row["outlet"]), _split(row["side"]), _split(row["domain"])) for row in csv.DictReader(handle)]


@cache
def _default_outlets() -> tuple[Outlet, ...]:
    return tuple(read_outlets())


_HOST = re.compile(r"https?://([^/\s:,]+)", re.IGNORECASE)


def outlet_of(source: str, outlets: tuple[Outlet, ...] | list[Outlet]) -> Outlet | None:
    """The listed outlet a citation names (its first part, before the first
    comma, is the outlet's name), or whose web host its address has; None
    for an outlet the table does not list."""
    lead = source.split(",", 1)[0].strip().strip('"').casefold()
    hosts = [host.casefold() for host in _HOST.findall(source)]
    for outlet in outlets:
        if lead in (name.casefold() for name in outlet.names):
            return outlet
        if any(host == domain or host.endswith("." + domain) for host in hosts for domain in outlet.domains):
            return outlet
    return None


def _is(party: str, side: tuple[str, ...]) -> bool:
    return bool(party) and party.casefold() in (name.casefold() for name in side)


def confirmation(event: Event, outlets: tuple[Outlet, ...] | list[Outlet] | None = None) -> Confirmation:
    """Whether ``event`` is claimed or confirmed, by the rule of this module
    (its ``confirmation`` cell, when set, wins)."""
    listed = _default_outlets() if outlets is None else outlets
    sides = []
    independent = False
    for source in split_sources(event.source):
        outlet = outlet_of(source, listed)
        if outlet is None or not (_is(event.from_, outlet.side) or _is(event.to, outlet.side) or not (event.from_ or event.to)):
            independent = True  # unlisted, or a third party's
        elif _is(event.from_, outlet.side):
            independent = True  # the side giving control up says so
        elif outlet.side not in sides:
            sides.append(outlet.side)
    claimant = sides[0][0] if len(sides) == 1 else ""
    if event.confirmation:
        return Confirmation(event.confirmation, (claimant or event.to) if event.confirmation == "claimed" else "")
    if independent or len(sides) != 1:
        return Confirmation("confirmed")
    return Confirmation("claimed", claimant)
