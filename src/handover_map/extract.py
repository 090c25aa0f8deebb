"""Extract dated handover events from an article.

The rules, in order:

1. Only body paragraphs are read (see :mod:`handover_map.article`): photo
   captions and page furniture carry dates that are not events.
2. Sentences are split into clauses at ", but", ", and", ";" and the like,
   where the next clause has handover wording of its own.
3. In each clause, handover wording ("cues") is found: *scheduled* ("is to
   be handed over by", "scheduled for", "will be returned on", "deadline"),
   *postponed* ("postponed", "put off", "delayed"), *completed* ("ceded",
   "handed over", "entered", "took control of"). A cue behind a negation
   ("did not", "has yet to") or a condition ("if", "could") is dropped.
4. Each cue takes the place (or list of places) nearest to it in the clause,
   else the one place of the sentence; and the date nearest after it, else
   before it. A postponement takes the date it put off: "from X to Y" gives
   postponed X and scheduled Y; with no date it takes the district's latest
   announced date.
5. One row per (district, kind, date); the first sentence that says so is the
   evidence (at most 600 characters of it around the wording, marked "…"
   where cut). The source is the headline, the publication date and the
   file's name, never its folder.

Every step takes time linear (or n log n) in the article's length whatever
its text: places, dates and clauses are looked up by bisection, never by
scanning every earlier one, and no regular expression backtracks without
bound.

Place names come from the boundary file's names and the alias table, so no
region is built in: pass another boundary file for another region.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from . import settings
from ._errors import InputDataError
from .article import Article, _file_name
from .dates import NEEDS_PUBLISHED, DateMention, find_dates
from .events import Event
from .gazetteer import Gazetteer, Match, PlaceMention, fold

_HANDOVER_VERBS = r"(?:handed|returned|transferred|ceded|given|turned|vacated|surrendered)"
_ACTIVE_VERBS = r"(?:hand|return|transfer|cede|give|turn|withdraw|pull|vacate|leave|enter|take|surrender)"
_HANDOVER_NOUNS = r"(?:handover|hand-over|return|transfer|withdrawal|pullout|pull-out)"
SCHEDULED_CUES = [
    rf"\b(?:is|are|was|were)\s+(?:also\s+|now\s+)?(?:(?:due|set|scheduled|expected|supposed|slated|going|planned)\s+)?to\s+(?:be\s+)?(?:{_HANDOVER_VERBS}|{_ACTIVE_VERBS})\b",
    rf"\b(?:is|are|was|were)\s+(?:also\s+|initially\s+|originally\s+|first\s+)?(?:due|set|scheduled|slated|planned)\s+for\s+(?:the\s+|its\s+)?{_HANDOVER_NOUNS}\b",
    rf"\b{_HANDOVER_NOUNS}[\s,]+(?:\w+\s+){{0,3}}?(?:is\s+|was\s+|remains\s+|remained\s+)?(?:set|scheduled|slated|planned|due)\s+(?:for|on|by)\b",
    rf"\bwill\s+(?:also\s+|soon\s+|then\s+)?(?:be\s+)?(?:{_HANDOVER_VERBS}|{_ACTIVE_VERBS})\b",
    rf"\bmust\s+(?:be\s+)?(?:{_HANDOVER_VERBS}|{_ACTIVE_VERBS})\b",
    rf"\b(?:due|expected|scheduled|set)\s+to\s+(?:be\s+)?(?:{_HANDOVER_VERBS}|{_ACTIVE_VERBS})\b",
    rf"\bagreed\s+to\s+{_ACTIVE_VERBS}\b",
    r"\b(?:deadline|due\s+date)\b",
    r"\b(?:has|have)\s+until\b",
]
POSTPONED_CUES = [
    r"\b(?:postpone[ds]?|postponing|delay(?:ed|s|ing)?|put(?:ting)?\s+off|defer(?:red|s|ring)?|reschedul(?:ed|es|ing)|extend(?:ed|s|ing)?)\b",
    r"\bpush(?:ed|es|ing)?\s+(?:it\s+|them\s+|the\s+\w+\s+)?back\b",
]
COMPLETED_CUES = [
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:formally\s+|officially\s+|finally\s+|fully\s+|peacefully\s+|already\s+)?(?:ceded|handed\s+(?:over|back)|returned|transferred|given\s+back|surrendered|turned\s+over|relinquished|vacated)\b",
    r"\b(?:ceded|handed\s+(?:over|back)|gave\s+back|gave\s+up|surrendered|relinquished|vacated|turned\s+over|transferred)\b",
    r"\b(?:handed|gave|turned)\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){1,4}(?:over|back)\b",
    r"\b(?:has|have|had)\s+(?:now\s+|finally\s+)?(?:taken\s+(?:full\s+)?control\s+(?:of|over)|taken\s+over|entered|regained|withdrawn\s+from|pulled\s+out\s+of)\b",
    r"\b(?:entered|moved\s+into|marched\s+into|rolled\s+into|took\s+(?:full\s+)?control\s+(?:of|over)|took\s+over|regained(?:\s+control\s+(?:of|over))?|assumed\s+control\s+(?:of|over)|withdrew\s+from|pulled\s+out\s+of|completed\s+(?:the|its|their)\s+(?:handover|withdrawal|transfer|pullout)|raised\s+(?:the|its|their)\s+flags?)\b",
    r"\breturned\b(?!\s+(?:to|home|from)\b)",
    r"\b(?:came|passed|reverted|returned)\s+(?:back\s+)?(?:under|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:control|rule|sovereignty)\b",
    rf"\b{_HANDOVER_NOUNS}\s+of\s+(?:[\w'’-]+\s+){{1,4}}?(?:took\s+place|was\s+completed|was\s+carried\s+out|went\s+ahead)\b",
    r"\b(?:troops|forces|soldiers|units|army)\s+(?:have\s+|had\s+)?(?:finally\s+)?left\b",
    r"\b(?:retook|retaken|recaptured|liberated)\b",
    r"\btook\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:over|back)\b",
]
_KINDS = (("scheduled", SCHEDULED_CUES), ("postponed", POSTPONED_CUES), ("completed", COMPLETED_CUES))
CUES = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, patterns in _KINDS for pattern in patterns]

_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|yet\s+to|refused\s+to|failed\s+to|denied|rejected|without)\b|n[’']t\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|would|could|might|should|whether)\b|\bmay\b(?!\s+\d)")
# "(?<!\s)": a run of blanks is tried once, from its start, not from each blank in it.
_CLAUSE_BREAK = re.compile(r",\s+(?:but|and|while|whereas|although|though|and\s+then)\s+|;\s+|(?<!\s)\s+but\s+|(?<!\s)\s+while\s+")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|No|Vol|approx|etc|vs)\.$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# A place marked by a level word, "Kalbajar district": found run by run (see _level_words).
_NAME_RUN = re.compile(r"[\w'’-]+")
_CAPITAL_START = re.compile(r"(?<!\w)[A-Z]")
_LEVEL_AFTER = re.compile(r"(?P<second>\s+[A-Z][\w'’-]+)?\s+(?:district|region|province|rayon|raion|oblast|county|governorate|municipality)\b")
# Written so that each text has one parse: "(\s*X\s*)+" tried every split of the blanks.
_PLACE_LIST_GAP = re.compile(r"^\s*(?:(?:,|–|—|-|and|or|as\s+well\s+as)\s*)+$")
_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|while)\s+(?:the\s+)?(?:\w+\s+)?", re.IGNORECASE)  # fullmatch
_COORDINATION_WORDS = 6  # blank-separated words a coordination can have
_DEADLINE = re.compile(r"deadline|due\s+date", re.IGNORECASE)  # fullmatch
_SCHEDULE_LEAD = re.compile(r"\b(?:due|scheduled|set|planned|slated|deadline|originally|initially|first)\s+(?:(?:on|for|by|of)\s+)?(?:the\s+)?$", re.IGNORECASE)
_SHIFT = re.compile(r"\bby\s+(?P<count>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s+(?P<unit>days?|weeks?)\b", re.IGNORECASE)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30}
_DATED_NOUN = re.compile(rf"\s*(?:deadline|{_HANDOVER_NOUNS})\b", re.IGNORECASE)  # match at a date's end
_TO_DATE = re.compile(r"\b(?:to|until|till)\s+$", re.IGNORECASE)
_FROM_DATE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_WORD_RUN = re.compile(r"\S+")
_WORD_START = re.compile(r"(?<=\s)\S")
_SHIFT_OUT_OF_RANGE = "moves the date outside the calendar (years 1 to 9999)"
#: Evidence longer than this is cut around the handover wording.
MAX_EVIDENCE = 600
_NEVER = sys.maxsize  # an offset past any text


@dataclass
class Extraction:
    """Events found in an article, and what was found but not used, and why."""

    article: Article
    events: list[Event]
    unmatched_places: list[dict] = field(default_factory=list)
    unattached_dates: list[dict] = field(default_factory=list)

    def report(self) -> dict:
        """The review report, as JSON-ready data."""
        return {
            "published": {"date": self.article.published.isoformat() if self.article.published else None,
                          "from": self.article.published_from},
            "headline": self.article.headline,
            "unmatched_places": self.unmatched_places,
            "unattached_dates": self.unattached_dates,
        }


# A cue whose grammatical subject is the place: "Aghdam was ceded", "Lachin is to be
# handed over", "Kalbajar was scheduled for handover". In the active voice
# ("entered Kalbajar", "is due to return Kelbajar") the place is the object.
_PASSIVE = re.compile(
    rf"\b(?:be|been|is|are|was|were)\s+(?:\w+\s+)?(?:{_HANDOVER_VERBS}|given\s+back|relinquished|scheduled|slated|planned|set)\b"
    rf"|^{_HANDOVER_NOUNS}\b|^(?:came|passed|reverted|returned)\s",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Cue:
    kind: str
    start: int
    end: int
    passive: bool = False


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, not breaking after abbreviations."""
    spans, begin = [], start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        if _ABBREVIATION.search(text[max(begin, match.start() - 8):match.start()]):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[_Cue]:
    """Handover wording in ``text[start:end]``; earlier kinds win overlaps."""
    end = len(text) if end is None else end
    cues: list[_Cue] = []  # sorted by start, never overlapping
    for kind, pattern in CUES:
        # Each pattern's matches are merged with the sorted cues of earlier
        # patterns in one pass: checking each against all cues so far was
        # quadratic in the number of cues ("deadline deadline ...").
        merged: list[_Cue] = []
        i = 0
        for match in pattern.finditer(text, start, end):
            while i < len(cues) and cues[i].end <= match.start():
                merged.append(cues[i])
                i += 1
            if i < len(cues) and cues[i].start < match.end():
                continue
            merged.append(_Cue(kind, match.start(), match.end(), bool(_PASSIVE.search(match.group(0)))))
        merged.extend(cues[i:])
        cues = merged
    return cues


def split_clauses(text: str, start: int, end: int) -> list[_Clause]:
    """Clause spans of a sentence; a break is kept only where the next part has a cue.

    ``start`` must not fall inside a run of blanks (sentences never begin with one).
    """
    breaks = list(_CLAUSE_BREAK.finditer(text, start, end))
    clauses, begin = [], start
    for number, match in enumerate(breaks):
        following = breaks[number + 1].start() if number + 1 < len(breaks) else end
        if find_cues(text, match.end(), following):
            clauses.append(_Clause(begin, match.start()))
            begin = match.end()
    clauses.append(_Clause(begin, end))
    return clauses


def _level_words(text: str) -> list[tuple[int, int, int]]:
    r"""Names marked by a level word ("Upper Kalbajar district"), as (start, end of the name, end).

    The same matches, in the same order, as searching for
    ``\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(district|region|...)\b``, found
    in linear time: that search tries every capital inside a hyphenated run
    ("A-A-A-...") and scans to the run's end from each, while whether a match
    follows depends only on the run's end, so it is checked once per run.
    """
    found: list[tuple[int, int, int]] = []
    resume = 0
    for run in _NAME_RUN.finditer(text):
        if run.end() <= resume:
            continue
        capital = _CAPITAL_START.search(text, max(run.start(), resume), run.end() - 1)
        if capital is None:
            continue
        after = _LEVEL_AFTER.match(text, run.end())
        if after is None:
            continue
        name_end = after.end("second") if after.group("second") is not None else run.end()
        found.append((capital.start(), name_end, after.end()))
        resume = after.end()
    return found


class _Spans:
    """Spans sorted by start (they may overlap); tells in log time whether a position falls inside one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))

    def covers(self, position: int) -> bool:
        i = bisect_right(self.starts, position)
        return i > 0 and self.reach[i - 1] > position


class _Words:
    """The blank-separated words of a sentence, to count and find them in log time."""

    def __init__(self, text: str, start: int, end: int) -> None:
        runs = [m.span() for m in _WORD_RUN.finditer(text, start, end)]
        self.starts = [a for a, _ in runs]
        self.ends = [b for _, b in runs]

    def count(self, start: int, end: int) -> int:
        """``len(text[start:end].split())``."""
        if end <= start:
            return 0
        return bisect_left(self.starts, end) - bisect_right(self.ends, start)


def _group_places(text: str, places: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Places written as one list ("Aghdam, Kalbajar and Lachin") form one group."""
    groups: list[list[PlaceMention]] = []
    for place in places:
        if groups and _PLACE_LIST_GAP.match(text[groups[-1][-1].end:place.start]):
            groups[-1].append(place)
        else:
            groups.append([place])
    return groups


class _Collector:
    """Collects events, one per (boundary, kind, date), and what was not used."""

    def __init__(self, extraction: Extraction, source: str) -> None:
        self.extraction = extraction
        self.source = source
        self.keys: set[tuple[str, str, dt.date]] = set()
        self.spelling: dict[str, str] = {}
        self.announced: dict[str, dt.date] = {}
        self.used_dates: set[int] = set()
        self.unused: list[tuple[DateMention, str]] = []
        self._unused_keys: set[tuple[int, str, str]] = set()
        # What was announced before the current clause, without copying
        # `announced` for every clause: the value each boundary had when the
        # clause first changed it.
        self._clause = 0
        self._changed_in: dict[str, int] = {}
        self._before: dict[str, dt.date | None] = {}
        #: Counts the changes of `announced`: work redone with no change since is skipped.
        self.version = 0

    def begin_clause(self) -> None:
        self._clause += 1

    def announced_before(self, boundary: str) -> dt.date | None:
        """The latest date announced for ``boundary`` before the current clause."""
        if self._changed_in.get(boundary) == self._clause:
            return self._before[boundary]
        return self.announced.get(boundary)

    def unused_date(self, mention: DateMention, reason: str) -> None:
        """Note a date that gave no event; a reason already noted for it adds nothing."""
        key = (mention.start, mention.text, reason)
        if key not in self._unused_keys:
            self._unused_keys.add(key)
            self.unused.append((mention, reason))

    def add(self, boundary: str, place: PlaceMention, kind: str, date: DateMention | dt.date, evidence: tuple[int, int, int, int]) -> None:
        """Record an event; ``evidence`` is (sentence start, sentence end, cue start, cue end)."""
        day = date if isinstance(date, dt.date) else date.date
        if not isinstance(date, dt.date):
            self.used_dates.add(date.start)
        if kind == "scheduled" and self.announced.get(boundary) != day:
            if self._changed_in.get(boundary) != self._clause:
                self._changed_in[boundary] = self._clause
                self._before[boundary] = self.announced.get(boundary)
            self.announced[boundary] = day
            self.version += 1
        if (boundary, kind, day) in self.keys:
            return
        self.keys.add((boundary, kind, day))
        district = self.spelling.setdefault(boundary, written_name(place.text))
        start, end, quoted = _evidence(self.extraction.article.text, *evidence)
        self.extraction.events.append(Event(
            district=district, date=day, kind=kind, source=self.source,
            evidence=quoted, evidence_start=start, evidence_end=end,
        ))


def _evidence(text: str, start: int, end: int, cue_start: int, cue_end: int) -> tuple[int, int, str]:
    """The sentence as evidence, cut to :data:`MAX_EVIDENCE` characters around the cue at word
    boundaries ("…" marks a cut): rows stay small whatever the sentence."""
    if end - start > MAX_EVIDENCE:
        cut_start = max(start, min(cue_start - MAX_EVIDENCE // 3, end - MAX_EVIDENCE))
        cut_end = min(end, cut_start + MAX_EVIDENCE)
        if cut_start > start:
            word = _WORD_START.search(text, cut_start, cue_start + 1)
            cut_start = word.start() if word else cut_start
        if cut_end < end:
            blank = text.rfind(" ", cut_start, cut_end)
            cut_end = blank if blank >= cue_end else cut_end
        quoted = " ".join(text[cut_start:cut_end].split())
        return cut_start, cut_end, ("…" if cut_start > start else "") + quoted + ("…" if cut_end < end else "")
    return start, end, " ".join(text[start:end].split())


def written_name(mention: str) -> str:
    """A place as the article writes it, without level words: "Kalbajar region" -> "Kalbajar"."""
    kept = [word for word in mention.split() if fold(word) not in settings.ADMIN_SUFFIXES]
    return " ".join(kept) or mention


def _source_line(article: Article) -> str:
    parts = [article.headline or "(untitled)"]
    if article.published:
        parts.append(article.published.isoformat())
    name = _file_name(article.location)
    if name:
        parts.append(name)
    return ", ".join(parts)


def extract_events(article: Article, gazetteer: Gazetteer) -> Extraction:
    """Find handover events in an article.

    Parameters
    ----------
    article
        From :func:`handover_map.article.read_article`.
    gazetteer
        The boundary names (and aliases) events may refer to.

    Returns
    -------
    Extraction
        Events sorted by date, district and kind, plus the review report.
        The events' ``source`` names the article by headline, publication
        date and file name (never its folder).
    """
    extraction = Extraction(article, [])
    collector = _Collector(extraction, _source_line(article))
    text = article.text
    lookups: dict[str, Match | None] = {}
    for paragraph in article.paragraphs:
        if not paragraph.body:
            for m in find_dates(paragraph.text, article.published):
                mention = dataclasses.replace(m, start=m.start + paragraph.start, end=m.end + paragraph.start)
                collector.unused_date(mention, "in a photo caption, headline or page furniture")
            continue
        for sentence in split_sentences(text, paragraph.start, paragraph.end):
            _read_sentence(text, sentence, gazetteer, collector, article.published, lookups)
    extraction.events.sort(key=lambda e: (e.date, e.district, ("scheduled", "postponed", "completed").index(e.kind)))
    reported: set = set()
    for mention, reason in collector.unused:
        if mention.start in collector.used_dates or mention.start in reported or (mention.text, reason) in reported:
            continue
        reported |= {mention.start, (mention.text, reason)}
        extraction.unattached_dates.append({
            "text": mention.text, "date": mention.date.isoformat() if mention.date else None,
            "reason": reason if mention.date else (mention.problem or NEEDS_PUBLISHED),
        })
    return extraction


def _read_sentence(text, sentence, gazetteer, collector, published, lookups) -> None:
    start, end = sentence
    sentence_text = text[start:end]
    places = [PlaceMention(p.start + start, p.end + start, p.text, p.boundary_names) for p in gazetteer.mentions(sentence_text)]
    level_words = _level_words(sentence_text)
    fuzzy = _fuzzy_places(sentence_text, start, places, level_words, gazetteer, collector.extraction, lookups)
    places = sorted(places + fuzzy, key=lambda p: p.start)
    dates = [dataclasses.replace(d, start=d.start + start, end=d.end + start) for d in find_dates(sentence_text, published)]
    _report_places(sentence_text, places, level_words, start, collector.extraction)
    usable = [p for p in places if len(p.boundary_names) == 1]
    usable_starts = [p.start for p in usable]
    date_starts = [d.start for d in dates]
    words = _Words(text, start, end)
    cues_found = False
    previous_groups: list[list[PlaceMention]] = []
    for clause in split_clauses(text, start, end):
        collector.begin_clause()
        clause_places = usable[bisect_left(usable_starts, clause.start):bisect_left(usable_starts, clause.end)]
        clause_dates = [d for d in dates[bisect_left(date_starts, clause.start):bisect_left(date_starts, clause.end)] if d.date]
        groups = _group_places(text, clause_places) or (previous_groups if len(previous_groups) == 1 else [])
        cues = find_cues(text, clause.start, clause.end)
        if cues:
            cues_found = True
            _ClauseReader(text, clause, sentence, groups, clause_dates, words, collector).read(cues)
        previous_groups = groups if groups else previous_groups
    reason = "no handover wording in the sentence" if not cues_found else "no handover wording next to it"
    for d in dates:
        collector.unused_date(d, reason)


class _ClauseReader:
    """Pairs the cues of one clause with its places and dates.

    Each cue costs log time plus the distinct districts it records: places,
    dates, negations and words are found by bisection in lists built once
    per clause, and recording work already done in this clause, with no
    announced date changed since, is skipped (it could change nothing).
    """

    def __init__(self, text: str, clause: _Clause, sentence: tuple[int, int], groups: list[list[PlaceMention]],
                 dates: list[DateMention], words: _Words, collector: _Collector) -> None:
        self.text, self.clause, self.sentence, self.groups, self.dates = text, clause, sentence, groups, dates
        self.words, self.collector = words, collector
        self.group_starts = [g[0].start for g in groups]
        self.group_ends = [g[-1].end for g in groups]
        self.group_reach = list(accumulate(self.group_ends, max))  # for a group around a cue
        by_end = sorted(range(len(groups)), key=lambda i: self.group_ends[i])
        self.sorted_ends = [self.group_ends[i] for i in by_end]
        self.last_by_end = list(accumulate(by_end, max))  # for the last group before a cue
        self.date_starts = [d.start for d in dates]
        self.date_ends = [d.end for d in dates]
        negations = [m.span() for m in _NEGATION.finditer(text, clause.start, clause.end)]
        self.negation_starts = [a for a, _ in negations]
        self.negation_ends = [b for _, b in negations]
        condition = _CONDITION.search(text, clause.start, clause.end)
        self.condition_start = condition.start() if condition else _NEVER
        self.first_word = bisect_left(words.starts, clause.start)
        self.noun_end: list[int] = []  # where "deadline"/"handover" right after each date ends
        for d in dates:
            noun = _DATED_NOUN.match(text, d.end)
            self.noun_end.append(noun.end() if noun else _NEVER)
        self.distinct: dict[int, list[tuple[str, PlaceMention]]] = {}
        self.steps: dict[tuple[int, int], tuple[tuple[int, int], tuple[int, int]] | None] = {}
        self.done: dict[tuple, int] = {}
        self.postponement: _Postponement | None = None

    def read(self, cues: list[_Cue]) -> None:
        has_postponed = any(c.kind == "postponed" for c in cues)
        reported: set[str] = set()
        for cue in cues:
            why_not = self._blocked(cue)
            group = self._nearest_group(cue)
            if why_not or group is None:
                reason = why_not or "no district named near the handover wording"
                if reason not in reported:  # the same reason for the same dates adds nothing
                    reported.add(reason)
                    for d in self.dates:
                        self.collector.unused_date(d, reason)
                continue
            if cue.kind == "postponed":
                self._postponed(cue, group)
                continue
            if has_postponed and _DEADLINE.fullmatch(self.text, cue.start, cue.end):
                continue  # "the deadline was postponed": the deadline is what was put off
            date = self._date_for(cue)
            if date is not None:
                self._record_with_coordinated(cue, group, date)

    def _blocked(self, cue: _Cue) -> str | None:
        """"negated" if a negation is among the six words before the cue (or in it),
        "hypothetical" if a condition is anywhere before it in the clause."""
        last = bisect_left(self.words.starts, cue.start) - 1
        if last >= self.first_word:
            window_start = self.words.starts[max(self.first_word, last - 5)]
            i = bisect_left(self.negation_starts, window_start)
            if i < len(self.negation_starts) and self.negation_ends[i] <= cue.start:
                return "negated"
        if _NEGATION.search(self.text, cue.start, cue.end):
            return "negated"
        if self.condition_start < cue.start:
            return "hypothetical"
        return None

    def _nearest_group(self, cue: _Cue) -> int | None:
        """The place group a cue is about: one around it; else the subject of a passive
        ("Aghdam was ceded"), the object of an active verb ("entered Kalbajar"); the
        nearest on the other side when the preferred side has none."""
        after = bisect_left(self.group_starts, cue.end)  # groups before it start before the cue ends
        around = bisect_right(self.group_reach, cue.start)
        if around < after:
            return around
        last = bisect_right(self.sorted_ends, cue.start) - 1
        before = self.last_by_end[last] if last >= 0 else None
        after_group = after if after < len(self.groups) else None
        preferred, other = (before, after_group) if cue.passive else (after_group, before)
        return preferred if preferred is not None else other

    def _date_for(self, cue: _Cue) -> int | None:
        """The date a cue speaks of: the first after it; for a handover that
        happened, else the last before it ("On 20 November troops entered ...");
        for an announcement only "the <date> deadline" right before it."""
        after = bisect_left(self.date_starts, cue.end)
        if after < len(self.dates):
            return after
        before = bisect_right(self.date_ends, cue.start) - 1
        if before < 0:
            return None
        if cue.kind == "completed" or self.noun_end[before] <= cue.end:
            return before
        return None

    def _distinct(self, group: int) -> list[tuple[str, PlaceMention]]:
        """(boundary, first place naming it) for each district of a group: a district
        listed twice gives the same rows twice."""
        if group not in self.distinct:
            seen: dict[str, PlaceMention] = {}
            for place in self.groups[group]:
                (boundary,) = place.boundary_names
                seen.setdefault(boundary, place)
            self.distinct[group] = list(seen.items())
        return self.distinct[group]

    def _record(self, kind: str, group: int, date: int, cue: _Cue) -> None:
        for boundary, place in self._distinct(group):
            self.collector.add(boundary, place, kind, self.dates[date], (*self.sentence, cue.start, cue.end))

    def _skip(self, key: tuple) -> bool:
        """Whether the work named ``key`` was done in this clause with no announced date changed since."""
        return self.done.get(key) == self.collector.version

    def _record_with_coordinated(self, cue: _Cue, group: int, date: int) -> None:
        """Record (group, date) and the pairs joined to it by "and": "return
        Kelbajar by Nov. 15 and Lachin by Dec. 1"."""
        key = ("pair", cue.kind, group, date)
        if self._skip(key):
            return
        done = [key]
        self._record(cue.kind, group, date, cue)
        state = (self.date_ends[date], bisect_right(self.group_starts, max(self.group_ends[group], self.date_ends[date])))
        while not self._skip(key := ("chain", cue.kind, state)):
            done.append(key)
            step = self._coordinated_step(state)
            if step is None:
                break
            (group, date), state = step
            self._record(cue.kind, group, date, cue)
        for key in done:
            self.done[key] = self.collector.version

    def _coordinated_step(self, state: tuple[int, int]):
        """From (end of the last date, next group): the next coordinated
        (group, date) and the state after it, or None where the chain ends."""
        if state not in self.steps:
            self.steps[state] = self._next_coordinated(*state)
        return self.steps[state]

    def _next_coordinated(self, last_end: int, candidate: int):
        if candidate >= len(self.groups):
            return None
        # A coordination has at most six words (", as well as the other"): counting them first
        # keeps the pattern from rescanning long gaps (a run of blanks) for every candidate.
        gap_end = self.group_starts[candidate]
        if self.words.count(last_end, gap_end) > _COORDINATION_WORDS or not _COORDINATION.fullmatch(self.text, last_end, gap_end):
            return None
        candidate_end = self.group_ends[candidate]
        own = bisect_left(self.date_starts, candidate_end)
        if own == len(self.dates):
            return None
        following = bisect_left(self.group_starts, candidate_end)
        if following < len(self.groups) and self.group_starts[following] < self.date_starts[own]:
            return None  # another place stands between the place and the date
        if self.words.count(candidate_end, self.date_starts[own]) > 4:
            return None
        return (candidate, own), (self.date_ends[own], candidate + 1)

    def _postponed(self, cue: _Cue, group: int) -> None:
        """A postponement: "from X to Y", "to Y", "the X deadline", or no date at all."""
        put_off, new = self._postponed_dates(cue)
        shift = _SHIFT.search(self.text, cue.end, min(len(self.text), cue.end + 40))
        key = ("postponed", group, put_off, new, shift.span() if shift else None)
        if self._skip(key):
            return
        days = 0
        if shift:
            count = int(shift["count"]) if shift["count"].isdigit() else _COUNTS[shift["count"].lower()]
            days = count * (7 if shift["unit"].lower().startswith("week") else 1)
        evidence = (*self.sentence, cue.start, cue.end)
        for boundary, place in self._distinct(group):
            old = self.dates[put_off].date if put_off is not None else self.collector.announced_before(boundary)
            if old is None:
                continue
            announced = self.dates[put_off] if put_off is not None else old
            self.collector.add(boundary, place, "scheduled", announced, evidence)
            self.collector.add(boundary, place, "postponed", announced, evidence)
            if new is not None:
                self.collector.add(boundary, place, "scheduled", self.dates[new], evidence)
            elif shift:
                try:
                    moved = old + dt.timedelta(days=days)
                except OverflowError:
                    self.collector.unused_date(DateMention(shift.start(), shift.end(), shift.group(0), None, "shift", _SHIFT_OUT_OF_RANGE),
                                               _SHIFT_OUT_OF_RANGE)
                    continue
                self.collector.add(boundary, place, "scheduled", moved, evidence)
        self.done[key] = self.collector.version

    def _postponed_dates(self, cue: _Cue) -> tuple[int | None, int | None]:
        """(date put off, new date) of a postponement, as indexes of the clause's dates.

        The rules, for the dates in order: after "from" it is the date put
        off (the last such); after "to"/"until", past the cue, the new date
        (the last such); failing a "from", the first other date past the cue,
        before a "<date> deadline" or after "due on"/"originally", ahead of
        any new date, is the date put off.
        """
        if self.postponement is None:
            self.postponement = _Postponement(self.text, self.dates, self.noun_end)
        p = self.postponement
        following = bisect_right(p.to_starts, cue.start)
        new = p.to[-1] if p.to and p.to_starts[-1] > cue.start else None
        if p.last_from is not None:
            return p.last_from, new
        first_new = p.to[following] if following < len(p.to) else len(self.dates)
        candidates = [p.first_lead]
        past = bisect_right(self.date_starts, cue.end)
        candidates.append(past if past < len(self.dates) else None)
        noun = bisect_left(p.noun_reach, -cue.start)
        candidates.append(noun if noun < len(self.dates) else None)
        first = min((c for c in candidates if c is not None), default=None)
        return (first if first is not None and first < first_new else None), new


class _Postponement:
    """What each date of a clause says about a postponement, computed once per clause."""

    def __init__(self, text: str, dates: list[DateMention], noun_end: list[int]) -> None:
        leads = [text[max(0, d.start - 8):d.start] for d in dates]
        after_from = [bool(_FROM_DATE.search(lead)) for lead in leads]
        self.last_from = max((i for i, yes in enumerate(after_from) if yes), default=None)
        self.to = [i for i, lead in enumerate(leads) if not after_from[i] and _TO_DATE.search(lead)]
        self.to_starts = [dates[i].start for i in self.to]
        self.first_lead = next((i for i, d in enumerate(dates) if _SCHEDULE_LEAD.search(text[max(0, d.start - 30):d.start])), None)
        # Where a "<date> deadline" ends, the least so far, negated: ascending, for bisection.
        self.noun_reach = [-least for least in accumulate(noun_end, min)]


def _fuzzy_places(sentence_text, offset, places, level_words, gazetteer, extraction, lookups) -> list[PlaceMention]:
    """Misspelt names are matched fuzzily only where a level word marks them
    as places ("Kelbadjar district"), and the match is reported."""
    found = []
    exact = _Spans([(p.start - offset, p.end - offset) for p in places])
    for start, name_end, end in level_words:
        if exact.covers(start):
            continue
        name = sentence_text[start:name_end]
        if name not in lookups:  # a name written again costs no second search
            try:
                lookups[name] = gazetteer.lookup(name)
            except InputDataError:
                lookups[name] = None
        hit = lookups[name]
        if hit is not None and hit.rule == "fuzzy":
            found.append(PlaceMention(start + offset, name_end + offset, name, frozenset({hit.boundary_name})))
            extraction.unmatched_places.append({"text": sentence_text[start:end], "reason": f"taken to be {hit.boundary_name} (fuzzy match, score {hit.score:.0f})"})
    return found


def _report_places(sentence_text, places, level_words, offset, extraction) -> None:
    for place in places:
        if len(place.boundary_names) > 1:
            extraction.unmatched_places.append({
                "text": place.text, "reason": f"could be any of: {', '.join(sorted(place.boundary_names))}",
            })
    found = _Spans([(p.start - offset, p.end - offset) for p in places])
    for start, _, end in level_words:
        if found.covers(start):
            continue
        extraction.unmatched_places.append({"text": sentence_text[start:end], "reason": "no boundary feature of that name"})
