"""Extract dated handover events from a report: the library's entry point.

The reading itself is :mod:`handover_map.reading`, one engine that applies a
language's vocabulary (``lexicons/<lang>.toml``: handover wording, negation,
condition and future words, date words, level words) to each sentence, with
places from :mod:`handover_map.places` and dates from
:mod:`handover_map.datewords`. Nothing about any region is in the code: the
places come from the boundary file, its alias table and Natural Earth's
capitals; the parties from ``lexicons/parties.toml``.
"""

from __future__ import annotations

from .article import Article
from .gazetteer import Gazetteer
from .reading import Extraction, read_report

__all__ = ["Extraction", "extract_events"]


def extract_events(
    article: Article,
    gazetteer: Gazetteer,
    *,
    language: str | None = None,
    capitals: dict[str, str] | None = None,
    government_seats: frozenset[str] = frozenset(),
) -> Extraction:
    """Find the handover events of a report.

    Parameters
    ----------
    article
        From :func:`handover_map.article.read_article`.
    gazetteer
        The boundary names (and aliases) events may refer to.
    language
        ``en``, ``ru``, ``de``, ``fr`` (any language with a lexicon); default: detected.
    capitals, government_seats
        From :func:`handover_map.places.reference_places`: capitals that stand
        for their province, and features that hold a seat of government.

    Returns
    -------
    Extraction
        Events sorted by date, district and kind, plus the review report.
    """
    return read_report(article, gazetteer, language=language, capitals=capitals, government_seats=government_seats)
