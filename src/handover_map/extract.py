"""Extract dated handover events from a report: the library's entry point.

:func:`extract_events` is the reading engine's :func:`handover_map.reading.read_report`:
one engine that applies a language's vocabulary (``lexicons/<lang>.toml``:
handover wording, negation, condition and future words, date words, level
words) to each sentence, with places from :mod:`handover_map.places` and
dates from :mod:`handover_map.datewords`. Nothing about any region is in the
code: places come from the boundary file, its alias table and Natural
Earth's capitals; parties from ``lexicons/parties.toml``.
"""

from __future__ import annotations

from .reading import Extraction
from .reading import read_report as extract_events

__all__ = ["Extraction", "extract_events"]
