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
   evidence.

Place names come from the boundary file's names and the alias table, so no
region is built in: pass another boundary file for another region.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ._errors import InputDataError
from .article import Article
from .dates import DateMention, find_dates
from .events import Event
from . import settings
from .gazetteer import Gazetteer, PlaceMention, fold

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
_CLAUSE_BREAK = re.compile(r",\s+(?:but|and|while|whereas|although|though|and\s+then)\s+|;\s+|\s+but\s+|\s+while\s+")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|No|Vol|approx|etc|vs)\.$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LEVEL_WORD = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(district|region|province|rayon|raion|oblast|county|governorate|municipality)\b")
_PLACE_LIST_GAP = re.compile(r"^(?:\s*(?:,|–|—|-|and|or|as\s+well\s+as)\s*)+$")
_COORDINATION = re.compile(r"^\s*,?\s*(?:and|as\s+well\s+as|while)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_DEADLINE = re.compile(r"^(?:deadline|due\s+date)$", re.IGNORECASE)
_SCHEDULE_LEAD = re.compile(r"\b(?:due|scheduled|set|planned|slated|deadline|originally|initially|first)\s+(?:(?:on|for|by|of)\s+)?(?:the\s+)?$", re.IGNORECASE)
_SHIFT = re.compile(r"\bby\s+(?P<count>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s+(?P<unit>days?|weeks?)\b", re.IGNORECASE)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30}
_DATED_NOUN = re.compile(rf"^\s*(?:deadline|{_HANDOVER_NOUNS})\b", re.IGNORECASE)
_TO_DATE = re.compile(r"\b(?:to|until|till)\s+$", re.IGNORECASE)
_FROM_DATE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


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
    cues: list[_Cue] = []
    for kind, pattern in CUES:
        for match in pattern.finditer(text, start, end):
            if not any(match.start() < c.end and c.start < match.end() for c in cues):
                cues.append(_Cue(kind, match.start(), match.end(), bool(_PASSIVE.search(match.group(0)))))
    return sorted(cues, key=lambda c: c.start)


def split_clauses(text: str, start: int, end: int) -> list[_Clause]:
    """Clause spans of a sentence; a break is kept only where the next part has a cue."""
    clauses, begin = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        following = _CLAUSE_BREAK.search(text, match.end(), end)
        if find_cues(text, match.end(), following.start() if following else end):
            clauses.append(_Clause(begin, match.start()))
            begin = match.end()
    clauses.append(_Clause(begin, end))
    return clauses


def _blocked(text: str, clause: _Clause, cue: _Cue) -> str | None:
    before = text[clause.start:cue.start]
    window = " ".join(before.split()[-6:])
    if _NEGATION.search(window) or _NEGATION.search(text[cue.start:cue.end]):
        return "negated"
    if _CONDITION.search(before):
        return "hypothetical"
    return None


def _group_places(text: str, places: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Places written as one list ("Aghdam, Kalbajar and Lachin") form one group."""
    groups: list[list[PlaceMention]] = []
    for place in places:
        if groups and _PLACE_LIST_GAP.match(text[groups[-1][-1].end:place.start]):
            groups[-1].append(place)
        else:
            groups.append([place])
    return groups


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


def _nearest_group(groups: list[list[PlaceMention]], cue: _Cue) -> list[PlaceMention] | None:
    """The place group a cue is about: the subject of a passive ("Aghdam was
    ceded"), the object of an active verb ("entered Kalbajar"); the nearest
    on the other side when the preferred side has none."""
    inside = [g for g in groups if g[0].start < cue.end and cue.start < g[-1].end]
    if inside:
        return inside[0]
    before = [g for g in groups if g[-1].end <= cue.start]
    after = [g for g in groups if g[0].start >= cue.end]
    preferred, other = (before[::-1], after) if cue.passive else (after, before[::-1])
    return (preferred or other or [None])[0]


def _coordinated(text: str, groups: list[list[PlaceMention]], dates: list[DateMention], group: list[PlaceMention], date: DateMention):
    """Further (group, date) pairs joined to the first by "and": "return
    Kelbajar by Nov. 15 and Lachin by Dec. 1"."""
    pairs, last_end = [], date.end
    for candidate in [g for g in groups if g[0].start > max(group[-1].end, date.end)]:
        if not _COORDINATION.match(text[last_end:candidate[0].start]):
            break
        own = [d for d in dates if candidate[-1].end <= d.start and not _HAS_PLACE_BETWEEN(groups, candidate[-1].end, d.start)]
        if not own or len(text[candidate[-1].end:own[0].start].split()) > 4:
            break
        pairs.append((candidate, own[0]))
        last_end = own[0].end
    return pairs


def _HAS_PLACE_BETWEEN(groups, start, end) -> bool:
    return any(start <= g[0].start < end for g in groups)


def _date_for(text: str, dates: list[DateMention], cue: _Cue) -> DateMention | None:
    """The date a cue speaks of: the first after it; for a handover that
    happened, else the last before it ("On 20 November troops entered ...");
    for an announcement only "the <date> deadline" right before it."""
    after = [d for d in dates if d.start >= cue.end]
    if after:
        return after[0]
    before = [d for d in dates if d.end <= cue.start]
    if not before:
        return None
    if cue.kind == "completed" or _DATED_NOUN.match(text[before[-1].end:cue.end]):
        return before[-1]
    return None


class _Collector:
    """Collects events, one per (boundary, kind, date), and what was not used."""

    def __init__(self, extraction: Extraction, source: str) -> None:
        self.extraction = extraction
        self.source = source
        self.keys: set[tuple[str, str, dt.date]] = set()
        self.spelling: dict[str, str] = {}
        self.announced: dict[str, dt.date] = {}
        self.announced_before: dict[str, dt.date] = {}
        self.used_dates: set[int] = set()

    def add(self, place: PlaceMention, kind: str, date: DateMention | dt.date, sentence: tuple[int, int]) -> None:
        (boundary,) = place.boundary_names
        day = date if isinstance(date, dt.date) else date.date
        if not isinstance(date, dt.date):
            self.used_dates.add(date.start)
        if kind == "scheduled":
            self.announced[boundary] = day
        if (boundary, kind, day) in self.keys:
            return
        self.keys.add((boundary, kind, day))
        district = self.spelling.setdefault(boundary, written_name(place.text))
        text = self.extraction.article.text
        self.extraction.events.append(Event(
            district=district, date=day, kind=kind, source=self.source,
            evidence=" ".join(text[sentence[0]:sentence[1]].split()),
            evidence_start=sentence[0], evidence_end=sentence[1],
        ))


def written_name(mention: str) -> str:
    """A place as the article writes it, without level words: "Kalbajar region" -> "Kalbajar"."""
    kept = [word for word in mention.split() if fold(word) not in settings.ADMIN_SUFFIXES]
    return " ".join(kept) or mention


def _source_line(article: Article) -> str:
    parts = [article.headline or "(untitled)"]
    if article.published:
        parts.append(article.published.isoformat())
    if article.location:
        parts.append(article.location)
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
    """
    extraction = Extraction(article, [])
    collector = _Collector(extraction, _source_line(article))
    text = article.text
    unattached: list[tuple[DateMention, str]] = []
    for paragraph in article.paragraphs:
        if not paragraph.body:
            for m in find_dates(paragraph.text, article.published):
                mention = DateMention(m.start + paragraph.start, m.end + paragraph.start, m.text, m.date, m.form)
                unattached.append((mention, "in a photo caption, headline or page furniture"))
            continue
        for sentence in split_sentences(text, paragraph.start, paragraph.end):
            _read_sentence(text, sentence, gazetteer, collector, unattached, article.published)
    extraction.events.sort(key=lambda e: (e.date, e.district, ("scheduled", "postponed", "completed").index(e.kind)))
    reported: set = set()
    for mention, reason in unattached:
        if mention.start in collector.used_dates or mention.start in reported or (mention.text, reason) in reported:
            continue
        reported |= {mention.start, (mention.text, reason)}
        extraction.unattached_dates.append({
            "text": mention.text, "date": mention.date.isoformat() if mention.date else None,
            "reason": reason if mention.date else "needs the publication date, which is unknown",
        })
    return extraction


def _read_sentence(text, sentence, gazetteer, collector, unattached, published) -> None:
    start, end = sentence
    sentence_text = text[start:end]
    places = [PlaceMention(p.start + start, p.end + start, p.text, p.boundary_names) for p in gazetteer.mentions(sentence_text)]
    places = sorted(places + _fuzzy_places(sentence_text, start, places, gazetteer, collector.extraction), key=lambda p: p.start)
    dates = [DateMention(d.start + start, d.end + start, d.text, d.date, d.form) for d in find_dates(sentence_text, published)]
    _report_places(sentence_text, places, start, collector.extraction)
    usable = [p for p in places if len(p.boundary_names) == 1]
    cues_found = False
    previous_groups: list[list[PlaceMention]] = []
    for clause in split_clauses(text, start, end):
        collector.announced_before = dict(collector.announced)  # what earlier clauses announced
        clause_places = [p for p in usable if clause.start <= p.start < clause.end]
        clause_dates = [d for d in dates if clause.start <= d.start < clause.end and d.date]
        groups = _group_places(text, clause_places) or (previous_groups if len(previous_groups) == 1 else [])
        for cue in find_cues(text, clause.start, clause.end):
            cues_found = True
            why_not = _blocked(text, clause, cue)
            group = _nearest_group(groups, cue)
            if why_not or group is None:
                for d in clause_dates:
                    unattached.append((d, why_not or "no district named near the handover wording"))
                continue
            if cue.kind == "postponed":
                _postponed(text, cue, clause_dates, group, sentence, collector, unattached)
                continue
            if _DEADLINE.match(text[cue.start:cue.end]) and any(c.kind == "postponed" for c in find_cues(text, clause.start, clause.end)):
                continue  # "the deadline was postponed": the deadline is what was put off
            date = _date_for(text, clause_dates, cue)
            if date is None:
                continue
            for places, day in [(group, date), *_coordinated(text, groups, clause_dates, group, date)]:
                for place in places:
                    collector.add(place, cue.kind, day, sentence)
        previous_groups = groups if groups else previous_groups
    reason = "no handover wording in the sentence" if not cues_found else "no handover wording next to it"
    for d in dates:
        unattached.append((d, reason))


def _postponed(text, cue, dates, group, sentence, collector, unattached) -> None:
    """A postponement: "from X to Y", "to Y", "the X deadline", or no date at all."""
    put_off, new = None, None
    for d in dates:
        lead = text[max(0, d.start - 8):d.start]
        if _FROM_DATE.search(lead):
            put_off = d
        elif _TO_DATE.search(lead) and d.start > cue.start:
            new = d
        elif put_off is None and new is None and (
            d.start > cue.end or _DATED_NOUN.match(text[d.end:cue.start]) or _SCHEDULE_LEAD.search(text[max(0, d.start - 30):d.start])
        ):
            put_off = d  # "postponed the 15 November handover", "originally due on 15 November, was put off"
    shift = _SHIFT.search(text, cue.end, min(len(text), cue.end + 40))
    for place in group:
        (boundary,) = place.boundary_names
        old = put_off.date if put_off else collector.announced_before.get(boundary)
        if old is None:
            continue
        collector.add(place, "scheduled", put_off or old, sentence)
        collector.add(place, "postponed", put_off or old, sentence)
        if new is not None:
            collector.add(place, "scheduled", new, sentence)
        elif shift:
            count = int(shift["count"]) if shift["count"].isdigit() else _COUNTS[shift["count"].lower()]
            days = count * (7 if shift["unit"].lower().startswith("week") else 1)
            collector.add(place, "scheduled", old + dt.timedelta(days=days), sentence)


def _fuzzy_places(sentence_text, offset, places, gazetteer, extraction) -> list[PlaceMention]:
    """Misspelt names are matched fuzzily only where a level word marks them
    as places ("Kelbadjar district"), and the match is reported."""
    found = []
    for match in _LEVEL_WORD.finditer(sentence_text):
        if any(p.start - offset <= match.start(1) < p.end - offset for p in places):
            continue
        try:
            hit = gazetteer.lookup(match.group(1))
        except InputDataError:
            continue
        if hit is not None and hit.rule == "fuzzy":
            found.append(PlaceMention(match.start(1) + offset, match.end(1) + offset, match.group(1), frozenset({hit.boundary_name})))
            extraction.unmatched_places.append({"text": match.group(0), "reason": f"taken to be {hit.boundary_name} (fuzzy match, score {hit.score:.0f})"})
    return found


def _report_places(sentence_text, places, offset, extraction) -> None:
    for place in places:
        if len(place.boundary_names) > 1:
            extraction.unmatched_places.append({
                "text": place.text, "reason": f"could be any of: {', '.join(sorted(place.boundary_names))}",
            })
    found = {(p.start - offset, p.end - offset) for p in places}
    for match in _LEVEL_WORD.finditer(sentence_text):
        if any(a <= match.start(1) < b for a, b in found):
            continue
        extraction.unmatched_places.append({"text": match.group(0), "reason": "no boundary feature of that name"})
