"""The extraction engine: applies a language's lexicon to a report's sentences.

For each sentence:

1. Tokens, places (:mod:`handover_map.places`), dates
   (:mod:`handover_map.datewords`) and cues (the lexicon's wordings) are found.
2. A cue negated ("did not hand over") or made hypothetical ("if ... were
   returned") is dropped. A change cue with a future word before it ("will",
   "is due to be", "was expected to") reports a schedule, not a handover.
3. Each date belongs to one cue: the nearest, except that a date opening a
   clause ("and on August 7, they captured ...") belongs to the cue after it.
   Each place belongs to the nearest cue on the side the cue's wording puts
   it ("entered Kalbajar", "Kunduz fell", "Aghdam was ceded"). A place named
   as a party ("handed to Baku"), a dateline ("KABUL (AFP) -") or a
   government seat away from the cue is not a place handed over.
4. A cue's places take its nearest date; a cue without a date takes the
   nearest date no cue owns. Announcements and postponements without a
   place take the places of the sentence before. A postponement gives the
   date put off ("from", "originally due on", or the date last announced)
   and the new one ("until 25 November", "by ten days", "ten more days").

Every step is linear in the sentence's length.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from . import settings
from ._memory import remembered
from .article import Article, Paragraph, citation
from .datewords import DIGIT_DAY_FORMS, DateMention, DateReader, closest_year, matches_at, same_day_in
from .events import Event
from .gazetteer import Gazetteer, fold
from .lexicon import Cue, Lexicon, detect_language, load, parties
from .places import Place, PlaceFinder

_APOSTROPHES = str.maketrans({"\u00b4": "\u2019", "\u02bc": "\u2019"})  # acute accent, modifier letter apostrophe
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|n[’']t|[^\w\s]")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Vol|approx|etc|vs|"
    r"Nr|ca|bzw|Str|janv|févr|avr|juil|sept|oct|nov|déc|г|гг|ул|им|т\.е))\.$"
)
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"“‘«„‚(\[]?[^\W_a-zа-я])"
    # Pages that lost the space between paragraphs: "... et la Russie.Situé ...", "... in Jalalabad.A month ago ...".
    r"|(?<=[^\W\d_A-ZА-Я]{3}[.!?])(?=[^\W\d_a-zа-я](?:[^\W\d_A-ZА-Я]|\s))"
)
#: What every sentence break follows (both alternatives of :data:`_SENTENCE_BREAK` look behind for one).
_STOP = re.compile(r"[.!?…]")
_HARD_BREAKS = frozenset({";", "—", "–", ":"})


@dataclass
class Extraction:
    """Events found in a report, and what was found but not used, and why."""

    article: Article
    events: list[Event]
    language: str = ""
    unmatched_places: list[dict[str, str]] = field(default_factory=list)
    unattached_dates: list[dict[str, str | None]] = field(default_factory=list)
    #: Places told as changing hands with no day the rules could give them: for the reviewer to date.
    undated_changes: list[dict[str, str]] = field(default_factory=list)

    def report(self) -> dict[str, object]:
        """The review report, as JSON-ready data."""
        return {
            "published": {"date": self.article.published.isoformat() if self.article.published else None, "from": self.article.published_from},
            "language": self.language,
            "headline": self.article.headline,
            "unmatched_places": self.unmatched_places,
            "unattached_dates": self.unattached_dates,
            "undated_changes": self.undated_changes,
        }


class Token(NamedTuple):
    """A word or mark of a sentence, with its offsets (a tuple: sentences make many)."""

    start: int
    end: int
    text: str
    lower: str


@dataclass
class CueHit:
    """A cue found in a sentence, by token positions."""

    cue: Cue
    first: int
    last: int  # inclusive
    kind: str = ""
    passive: bool = False
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    #: An aim with a day ahead of the report ("arrived to hand it back on July 1"): a plan for that day.
    planned: bool = False
    #: A plan told as not met ("aurait dû être rétrocédé le 15 novembre"): put off from its day, if that day has come.
    unmet: bool = False
    #: Days from the sentence's day to this change, told only to date the sentence's own: "five days before the fall of Kabul" is 5.
    days_off: int | None = None


@dataclass(frozen=True)
class Found:
    """One event read from one sentence."""

    place: Place
    feature: str
    kind: str
    date: dt.date
    sentence: tuple[int, int]
    giver: str = ""
    taker: str = ""
    #: Told as taken by force ("captured", "fell"): a done change is then ``captured``.
    force: bool = False


#: Quotation marks, which may stand between a preposition and the party it puts: "под контроль «Талибана»".
_QUOTES = frozenset("\"'«»“”„‘’")


@dataclass(frozen=True)
class PartyMention:
    first: int
    last: int
    name: str


def _party_index() -> dict[str, list[tuple[str, tuple[re.Pattern[str], ...]]]]:
    index: dict[str, list[tuple[str, tuple[re.Pattern[str], ...]]]] = {}
    for party in parties():
        for phrase in party.words:
            first = phrase[0].pattern[:1]
            index.setdefault(first, []).append((party.name, phrase))
    return index


def find_parties(tokens: list[Token]) -> list[PartyMention]:
    """Who is named in a sentence: "Azerbaijani troops", "the Taliban", "Армения"."""
    index = _PARTIES.get("index") or _PARTIES.setdefault("index", _party_index())
    found: list[PartyMention] = []
    following = 0  # the first token after the last party found
    for i, token in enumerate(tokens):
        if i < following:
            continue
        # Most words start no party's name: the remembered answer, without a call.
        starting = _PARTIES_BY_TOKEN.get(token.lower)
        for name, phrase in _parties_starting(index, token.lower) if starting is None else starting:
            if all(i + k < len(tokens) and word.fullmatch(tokens[i + k].lower) for k, word in enumerate(phrase) if k):
                found.append(PartyMention(i, i + len(phrase) - 1, name))
                following = i + len(phrase)
                break
    return found


_PARTIES: dict[str, dict[str, list[tuple[str, tuple[re.Pattern[str], ...]]]]] = {}

#: Party phrases whose first word matches a token, by token (words recur: each is tested once).
_PARTIES_BY_TOKEN: dict[str, list[tuple[str, tuple[re.Pattern[str], ...]]]] = {}


def _parties_starting(index: dict[str, list[tuple[str, tuple[re.Pattern[str], ...]]]], token: str) -> list[tuple[str, tuple[re.Pattern[str], ...]]]:
    return remembered(_PARTIES_BY_TOKEN, token, lambda word: [(name, phrase) for name, phrase in index.get(word[:1], []) if phrase[0].fullmatch(word)])


@dataclass
class SentenceReport:
    """What a sentence gave and what it left unused, for the review report."""

    events: list[Found]
    unused_dates: list[tuple[DateMention, str]]
    ambiguous: list[Place]
    #: Names that a level word marks as places but that match no feature ("Nagorno-Karabakh region").
    unmatched: list[str] = field(default_factory=list)
    #: Towns named as towns inside a district that has no town feature ("the city of Fuzuli").
    towns: list[Place] = field(default_factory=list)


#: A token's lowercase word.
_LOWER = operator.attrgetter("lower")

#: Builds a :class:`Token` from a tuple without the named tuple's keyword-handling ``__new__`` (sentences make many).
_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Token]:
    return [_new_tuple(Token, (m.start(), m.end(), word, word.lower())) for m in _TOKEN.finditer(text) for word in (m.group(),)]


_NAME = re.compile(r"[^\W\d_a-zа-я][^\W\d_]*(?:[-'’][^\W\d_]+)*")
_ORDINAL = re.compile(r"\b\d{1,2}\.$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
#: An ordinal written in digits: "18th", "2nd".
_NUMBERED_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _years_before(day: dt.date, years: int) -> dt.date | None:
    """The same day ``years`` earlier (29 February falls back to the 28th); None before the year 1."""
    return same_day_in(day, day.year - years)


def split_sentences(text: str, start: int, end: int, after_ordinal: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, not breaking after abbreviations
    nor after an ordinal point before one of ``after_ordinal`` (months, and nouns
    an ordinal counts: "am 20. November", "der 20. Jahrestag")."""
    spans, begin = [], start
    # A break can only follow a full stop, question or exclamation mark or ellipsis: it is looked for there only.
    marks = (mark.end() for mark in _STOP.finditer(text, max(0, start - 1), end))
    for match in matches_at(_SENTENCE_BREAK, text, marks, end):
        before = text[max(begin, match.start() - 8) : match.start()]
        if _ABBREVIATION.search(before):
            continue
        if _ORDINAL.search(before):
            word = _FIRST_WORD.match(text, match.end())
            if word and word.group(0).lower() in after_ordinal:
                continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


#: Longer "sentences" (lists, tables, text without full stops) are read in
#: pieces of about this many characters, so that the work per sentence is
#: bounded and reading stays linear in the report's length.
MAX_SENTENCE = 2_000


def pieces(start: int, end: int, text: str, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """``(start, end)`` cut into spans of at most ``limit`` characters, at spaces where possible."""
    spans = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def _match_cue(cue: Cue, tokens: list[Token], i: int, gap: int, adverbs: frozenset[str] = frozenset(), joined_word: str | None = None) -> int | None:
    """The index of the last token of ``cue`` matched at ``i`` (``...`` skipping up to ``gap`` words,
    and one of ``adverbs`` or a quotation mark between two words: "come fully under", the "accession"
    of), or None. ``joined_word`` stands for the first token's text where an article is joined to it."""
    words = cue.words
    if None not in words:
        # Most wordings have no gap: one word per token, in a plain loop.
        at = i
        for k, word in enumerate(words):
            if k and at < len(tokens) and tokens[at].lower in adverbs and not (word is not None and word.fullmatch(tokens[at].lower)):
                at += 1  # an adverb the wording may hold, unless it is the wording's own word ("is now under")
            if at >= len(tokens) or word is None or not word.fullmatch(joined_word if joined_word is not None and at == i else tokens[at].lower):
                # A scare quote around the wording's first words: 'the "accession" of Crimea' (tested only where the word fails).
                if not (k and word is not None and at + 1 < len(tokens) and tokens[at].text in _QUOTES and word.fullmatch(tokens[at + 1].lower)):
                    return None
                at += 1
            at += 1
        return at - 1

    def walk(word: int, at: int) -> int | None:
        if word == len(cue.words):
            return at - 1
        pattern = cue.words[word]
        if pattern is None:
            for skip in range(gap + 1):
                found = walk(word + 1, at + skip)
                if found is not None:
                    return found
            return None
        if word and at < len(tokens) and tokens[at].text in _QUOTES:
            at += 1
        if at < len(tokens) and pattern.fullmatch(joined_word if joined_word is not None and at == i else tokens[at].lower):
            return walk(word + 1, at + 1)
        return None

    return walk(0, i)


def _after_elision(word: str, elisions: tuple[str, ...]) -> str | None:
    """The word after an article joined to it ("annexion" in "l’annexion"), or None."""
    if "'" not in word and "’" not in word:
        return None
    return next((word[len(article) :] for article in elisions if word.startswith(article)), None)


def find_cues(tokens: list[Token], lexicon: Lexicon) -> list[CueHit]:
    """Cues in a sentence, longest first where they overlap."""
    hits: list[CueHit] = []
    known = lexicon.cues_by_token
    for i, token in enumerate(tokens):
        # "l’annexion de la Crimée": the wording starts at the word the article is joined to.
        joined_word = _after_elision(token.lower, lexicon.elisions) if lexicon.elisions else None
        word = token.lower if joined_word is None else joined_word
        # Most words start no wording: the remembered answer, without a call.
        starting = known.get(word)
        if starting is None:
            starting = lexicon.cues_starting(word)
        best_cue, best_last = None, -1
        if starting and lexicon.not_wordings and _phrase_at(tokens, i, lexicon.not_wordings):
            continue  # "took place", "took part"
        if starting and i and tokens[i - 1].text == "," and token.lower in lexicon.attribution_verbs:
            continue  # "..., передает ТАСС": who reports
        for cue in starting:
            last = _match_cue(cue, tokens, i, lexicon.max_gap, lexicon.wording_adverbs, joined_word)
            # The longest; of two as long, the one with fewer wildcards: "withdrawal from" is the noun, not "withdr* from".
            if last is not None and (last > best_last or (last == best_last and best_cue is not None and cue.text.count("*") < best_cue.text.count("*"))):
                best_cue, best_last = cue, last
        if best_cue is None or best_cue.kind == "none":
            continue  # (a phrase that is no wording: its first word starts none, the words inside it may)
        if not hits or i > hits[-1].last:
            hits.append(CueHit(best_cue, i, best_last))
        elif best_last > hits[-1].last:
            hits[-1] = CueHit(best_cue, i, best_last)  # overlapping, the one reaching further: "have [taken] control of"
    return hits


def _pair(places: list[Place], dates: list[DateMention]) -> list[tuple[Place, DateMention]]:
    """Each place with its date. One date serves all; in a list ("Kalbajar by
    15 November, Agdam by 20 November") each place takes the date on the side
    the list writes it, before the next place."""
    if len(dates) == 1 or not places:
        return [(place, dates[0]) for place in places]
    places = sorted(places, key=lambda p: p.start)
    if len(places) == len(dates) and (dates[0].start > places[-1].end or dates[-1].end < places[0].start):
        return list(zip(places, dates))  # "Agdam and Lachin ... on 20 November and 1 December" (respectively)
    dates_first = dates[0].start < places[0].start
    pairs: list[tuple[Place, DateMention | None]] = []
    for k, place in enumerate(places):
        if dates_first:
            limit = places[k - 1].end if k else -1
            side = [d for d in dates if limit <= d.start < place.start]
            # "conquis dimanche Kunduz, Taloqan et Sar-e-Pul": a place with no date of its own goes with the one
            # before it; but the last place takes a date after it that no place has ("... of Paktika, on Saturday").
            after = [d for d in dates if d.start >= place.end] if k == len(places) - 1 else []
            chosen = side[-1] if side else after[0] if after else pairs[-1][1] if pairs else None
        else:
            limit = places[k + 1].start if k + 1 < len(places) else 1 << 62
            side = [d for d in dates if place.end <= d.start < limit]
            chosen = side[0] if side else None
        pairs.append((place, chosen))
    # A place with no date on its side takes the nearest only if no other place has it:
    # "the return of Kalbajar, as well as Agdam by 20 November and Lachin by 1 December".
    claimed = {id(d) for _, d in pairs if d is not None}
    paired = []
    for place, chosen in pairs:
        nearest = chosen or min(dates, key=lambda d: abs(d.start - place.start))
        if chosen is None and id(nearest) in claimed:
            continue
        paired.append((place, nearest))
    return paired


#: Phrases by their first word, per phrase list (lists live as long as their lexicon: keyed by identity).
_PHRASES_BY_FIRST_WORD: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, list[tuple[str, ...]]]]] = {}


#: Phrases by their last word, likewise.
_PHRASES_BY_LAST_WORD: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, list[tuple[str, ...]]]]] = {}


def _indexed(
    phrases: tuple[tuple[str, ...], ...], known: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, list[tuple[str, ...]]]]], word: int
) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` by their word at ``word`` (0 or -1), worked out once per phrase list."""
    entry = known.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            index.setdefault(phrase[word], []).append(phrase)
        entry = known[id(phrases)] = (phrases, index)
    return entry[1]


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    return _indexed(phrases, _PHRASES_BY_FIRST_WORD, 0)


def _has_phrase(tokens: list[Token], start: int, end: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of ``phrases`` (lowercase word tuples) stands within ``tokens[start:end]``."""
    index = _by_first_word(phrases)
    start, end = max(0, start), min(max(0, end), len(tokens))
    if index.keys().isdisjoint(map(_LOWER, tokens[start:end])):
        return False  # no phrase starts with any word of the span (most spans): told without a loop in Python
    for k in range(start, end):
        for phrase in index.get(tokens[k].lower, ()):
            size = len(phrase)
            if k + size <= end and all(tokens[k + n].lower == phrase[n] for n in range(1, size)):
                return True
    return False


def _phrase_at(tokens: list[Token], at: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of ``phrases`` (lowercase word tuples) starts at ``tokens[at]``."""
    return any(
        all(at + n < len(tokens) and tokens[at + n].lower == word for n, word in enumerate(phrase))
        for phrase in _by_first_word(phrases).get(tokens[at].lower, ())
    )


def _starts_phrase(tokens: list[Token], at: int, phrase: tuple[re.Pattern[str], ...]) -> bool:
    return at + len(phrase) <= len(tokens) and all(word.fullmatch(tokens[at + k].lower) for k, word in enumerate(phrase))


def _ends_sentence(tokens: list[Token], at: int) -> bool:
    """Whether the token at ``at`` is a full stop, not the point of an ordinal ("am 15. November")."""
    return tokens[at].text == "." and not (at > 0 and tokens[at - 1].text.isdigit())


#: How many characters from an anniversary's count words that put it on the report's day may stand ("exactly three years ago").
_NEXT_TO_COUNT = 24

#: Why a wording after "to" tells no change: "forces were massing to occupy Shusha".
_AIM = "an aim, not a change"
#: Why a wording after a day's name tells no change: "the Day of the Liberation of Shusha".
_COMMEMORATED = "a day that commemorates the change"


def _phrase_just_before(tokens: list[Token], at: int, phrases: tuple[tuple[str, ...], ...], slack: int = 0) -> bool:
    """Whether one of ``phrases`` ends right before the token at ``at``, or up to ``slack`` words earlier."""
    index = _indexed(phrases, _PHRASES_BY_LAST_WORD, -1)
    for end in range(at, max(0, at - slack - 1), -1):
        for phrase in index.get(tokens[end - 1].lower, ()):
            start = end - len(phrase)
            if start >= 0 and all(tokens[start + n].lower == word for n, word in enumerate(phrase)):
                return True
    return False


def _words_between(tokens: list[Token], first: int, last: int) -> int:
    """How far apart two tokens are, not counting an aside in round brackets between them (and its brackets)."""
    count, depth = 0, 0
    for token in tokens[first + 1 : last + 1]:
        if token.text == "(":
            depth += 1
        elif token.text == ")" and depth:
            depth -= 1
        elif not depth:
            count += 1
    return count


def _bracketed(tokens: list[Token]) -> set[int]:
    """The indices of the tokens inside round brackets, in one pass."""
    inside, depth = set(), 0
    for k, token in enumerate(tokens):
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(k)
    return inside


def _with_year(mention: DateMention, year: int) -> DateMention:
    """``mention`` in ``year`` (29 February stays where that year has none)."""
    assert mention.date is not None
    try:
        return replace(mention, date=mention.date.replace(year=year))
    except ValueError:
        return mention


def _window_start(tokens: list[Token], index: int, size: int) -> int:
    """The start of a window of ``size`` tokens before ``index``, not crossing hard punctuation."""
    start = index
    while start > 0 and index - start < size and tokens[start - 1].text not in _HARD_BREAKS and not _ends_sentence(tokens, start - 1):
        start -= 1
    return start


class SentenceReader:
    """Reads the events of one report's sentences, keeping what discourse needs."""

    def __init__(self, lexicon: Lexicon, finder: PlaceFinder, dates: DateReader, government_seats: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.finder = finder
        self.dates = dates
        self.government_seats = government_seats
        self.announced: dict[str, dt.date] = {}
        self.recent_places: list[Place] = []
        #: The places the sentence before named, whatever it told of them: what "its fall" may point back to.
        self.last_named: list[Place] = []
        self.postponed: set[str] = set()
        #: How often the report names each party, in any of its sentences.
        self.parties_named: Counter[str] = Counter()
        #: Days an anniversary counted back to from a dated line's day ("(14 Dec, 2024) ... 25 years since the handover": 14 December 1999).
        self.counted_days: set[dt.date] = set()
        #: The last shift a postponement was told with: (days, words).
        self.last_shift: tuple[int, str] | None = None
        #: The sentence whose shift was read last, and that shift.
        self.shift_read: tuple[tuple[int, int], tuple[int, str] | None] | None = None
        #: Postponements whose date put off the report has not told yet: (place, feature, new date, sentence).
        self.unresolved: list[tuple[Place, str, dt.date, tuple[int, int]]] = []
        #: Postponements told with a shift but no date ("granted ten more days to leave Kalbajar"), whose date
        #: the report tells later: (place, feature, shift, sentence).
        self.shifted_unresolved: list[tuple[Place, str, tuple[int, str], tuple[int, int]]] = []
        #: Dates that name no usable day, with why, for the review report.
        self.unusable: list[DateMention] = []
        # Discourse: a handover told without its date (or date without place) in one
        # sentence, completed by the next.
        self.pending_places: list[Place] = []
        #: Features whose change the report has dated so far.
        self.dated_changes: set[str] = set()
        #: Who gave and who took each pending place, and whether by force, as its sentence told: {id(place): (giver, taker, force)}.
        self.pending_parties: dict[int, tuple[str, str, bool]] = {}
        self.pending_span: tuple[int, int] = (0, 0)
        self.pending_date: DateMention | None = None
        #: The date of a heading line that is only a date ("Aug. 13:"), for the lines under it.
        self.section_date: DateMention | None = None
        #: The one day of the changes the sentence before told with their places, for "also took Farah".
        self.last_change_date: DateMention | None = None
        #: Sentences read since the pending places or date were told (one that names nothing may come between).
        self.pending_age = 0
        #: Changes told as just done ("have taken Jalalabad") with no day: (place, sentence, sentence number, (giver, taker, force)).
        self.undated_changes: list[tuple[Place, tuple[int, int], int, tuple[str, str, bool]]] = []
        #: Every place of a change told with no day, in the order told (the review report lists those never dated).
        self.undated_places: list[Place] = []
        #: The party last told taking, and giving, control in the sentences read so far.
        self.last_sides = {"taker": "", "giver": ""}
        #: Sentences read so far (the headline's included).
        self.sentences_read = 0
        #: Words a list after its wording does not go on past: a relative or contrasting clause.
        self.list_stops = lexicon.relative_words | lexicon.contrast_words
        #: Words that may stand between two places of one list besides their dates.
        self.list_joiners = lexicon.list_words | lexicon.level_words | lexicon.stopwords | {word for phrase in lexicon.deadline_words for word in phrase}
        #: {word: whether it is a verb of signing}, for the words of this report.
        self.signing_words: dict[str, bool] = {}
        #: Where the sentence being read has weekdays that date a thing done beside them ("agreed on Sunday").
        self.done_on: frozenset[int] = frozenset()
        #: The days the sentence being read tells.
        self.sentence_days: set[dt.date] = set()
        #: {start of a lede: where its story begins after the dateline}: "BAKU, Nov 25 (Agency) - Troops entered ..." is quoted from "Troops".
        self.story_starts: dict[int, int] = {}

    def read(self, text: str, span: tuple[int, int], paragraph_start: bool, headline: bool = False) -> SentenceReport:
        start, end = span
        self.sentences_read += 1
        sentence = text[start:end]
        tokens = tokenize(sentence)
        lexicon = self.lexicon
        cues = find_cues(tokens, lexicon)
        # "will hand over on Sunday" looks forward; "was due on Sunday" does not.
        future_sentence = any(
            (t.lower in lexicon.weekday_future or (k + 1 < len(tokens) and (t.lower, tokens[k + 1].lower) in lexicon.weekday_future_pairs))
            and not (k and tokens[k - 1].lower in lexicon.past_markers)
            and not (k + 1 < len(tokens) and tokens[k + 1].lower in lexicon.perfect_auxiliaries)
            for k, t in enumerate(tokens)
        )
        dateline = _CAPITAL_DATELINE.match(sentence)
        if paragraph_start:
            self.dates.new_paragraph()
        # Weekdays of things done ("agreed on Sunday"): past even where the sentence looks forward, and no date put off.
        done_on = frozenset() if lexicon.dates.weekdays.keys().isdisjoint(map(_LOWER, tokens)) else self._weekdays_of_things_done(tokens)
        self.done_on = done_on
        dates = [d for d in self.dates.find(sentence, future_sentence, done_on=done_on) if not (paragraph_start and dateline and d.start < dateline.end() + 3)]
        self.sentence_days = {d.date for d in dates if d.date}
        written = self.finder.find(sentence)
        datelined = [p for p in written if self._is_dateline(sentence, p, paragraph_start) and not self._heads_an_entry(sentence, p, written, dates)]
        places = [p for p in written if p not in datelined]
        story = _story_start(sentence, self.lexicon) if paragraph_start else 0
        if story:
            self.story_starts[start] = start + story
        # The day of a dateline is the report's ("Kabul, July 8 : ..."), not an event's.
        dates = [d for d in dates if not any(0 < d.start - p.end <= 3 for p in datelined)]
        # "The council chief in Zabul province said the local capital fell": where the speaker
        # is, which "the local capital" may point back to.
        spoken = [p for p in places if self._is_speaker(sentence, p)]
        places = [p for p in places if p not in spoken]
        ambiguous = [p for p in places if len(p.features) > 1]
        towns = [p for p in places if self.finder.names_a_town_only(sentence, p)]
        # "the cities of Jabrayil, Fuzuli and Zangilan": the town word names each place of its list.
        for before, place in itertools.pairwise(places):
            if before in towns and place not in towns and self._listed_next(sentence[before.end : place.start]) and self.finder.may_name_a_town_only(place):
                towns.append(place)
        places = [p for p in places if len(p.features) == 1 and p not in towns]
        named_before, self.last_named = self.last_named, places
        report = SentenceReport([], [], ambiguous, self._unmatched(sentence, tokens, places + ambiguous + towns), towns)
        starts = [t.start for t in tokens]

        def index_of(offset: int) -> int:
            return max(0, bisect.bisect_right(starts, offset) - 1)

        named_parties = find_parties(tokens)
        # A party named in brackets is an aside: "the Taliban (banned in Russia) seized Tarinkot".
        asides = _bracketed(tokens) if any(t.text == "(" for t in tokens) else set()
        sides = [p for p in named_parties if p.first not in asides]
        self.parties_named.update(p.name for p in sides)
        if cues and sentence.rstrip(_CLOSING).endswith("?"):
            # A question tells no change in its own clause: "When did Israel give back the West Bank?";
            # but "The Taliban captured Kunduz on Sunday, so is Kabul next?" tells Kunduz's.
            clause = max((k for k, t in enumerate(tokens) if t.text in (",", ";", ":")), default=-1)
            cues = [c for c in cues if c.last < clause]
            places = [p for p in places if index_of(p.start) < clause]
        if not cues:
            return self._read_without_cues(report, sentence, tokens, dates, places, index_of, end)
        live: list[CueHit] = []
        anniversary = _counts_years(tokens, lexicon)
        # "Today, one year passes since the liberation of Kalbajar": the change, that many years before the day told.
        # (Not from the day it was said: "will visit for the 25th anniversary of the handover, the agency reported on Saturday".)
        said_then = [d for d in dates if d.date and d.form == "weekday" and self._said_on(tokens, index_of(d.start))] if anniversary else []
        days_counted_from = [d for d in dates if all(d is not s for s in said_then)]
        years_back = self._years_since(sentence, days_counted_from) if anniversary else None
        marked = self._marked_today(sentence, tokens) if anniversary and years_back is None else None
        today: DateMention | None = None
        if marked is not None and self.dates.published is not None and not any(d.date for d in days_counted_from):
            # "Azerbaijan marks the first anniversary of the liberation of Fuzuli", "on this day three years ago":
            # counted from the report's day.
            today = DateMention(*marked, self.dates.published, "relative", "")
            years_back = self._years_since(sentence, [today])
            dates = [*dates, today] if years_back is not None else dates
        # "am 1. Juli 1997 ging die Kronkolonie an China zurück - also ein Jahrestag": a day with its own earlier year.
        own_year = False
        if anniversary and self.dates.published is not None:
            own_year = any(d.date and _YEAR_DIGITS.search(d.text) and d.date.year < self.dates.published.year for d in dates)
        place_ends = {index_of(p.end - 1) for p in places}
        aims: list[CueHit] = []
        commemorated: list[int] = []  # where a day's name ends: "den Tag der Befreiung von", "the Day of the Liberation of"
        published = self.dates.published
        # A day after the report was written: "arrived to hand the colony back on July 1" is a plan.
        # (In a postponement, the day ahead is the new date, which the postponement tells.)
        ahead = published is not None and any(d.date is not None and d.date > published for d in dates) and all(h.cue.kind != "postpone" for h in cues)
        for number, hit in enumerate(cues):
            reason = self._blocked(tokens, hit, anniversary and years_back is None and not own_year, ahead)
            if reason == _AIM:
                aims.append(hit)
            if reason == _COMMEMORATED:
                commemorated.append(hit.last)
            if reason:
                report.unused_dates += [(d, reason) for d in dates if abs(index_of(d.start) - hit.first) < 12]
                continue
            hit.planned = ahead and self._blocked(tokens, hit, False) == _AIM
            hit.passive = tokens[hit.first - 1].lower in lexicon.passive if hit.first > 0 else False
            word = tokens[hit.first].lower
            if not hit.passive and len(word) > 5 and word.endswith(lexicon.passive_endings):
                hit.passive = True  # "Кельбаджарский район освобожден", "Шуша взята"
            if hit.first > 1 and not hit.passive and tokens[hit.first - 1].lower.endswith("ly"):
                hit.passive = tokens[hit.first - 2].lower in lexicon.passive  # "was formally ceded"
            if not hit.passive and lexicon.verb_final and hit.last + 1 < len(tokens) and tokens[hit.last + 1].lower in lexicon.passive:
                hit.passive = True  # "ist Hongkong an China übergeben worden": the auxiliary after the participle
            after_place = hit.first > 0 and (tokens[hit.first - 1].text == "," or hit.first - 1 in place_ends)
            if not hit.passive and hit.cue.place == "after" and after_place and self._date_follows(tokens, hit, dates, index_of):
                hit.passive = True  # "Agdam, ceded on 20 November", "celui d'Aghdam rendu le 20 novembre"
            if not hit.passive and hit.cue.place == "after" and after_place and self._agent_follows(tokens, hit) and self._past_form(word):
                hit.passive = True  # "Macau, handed over by Portugal to China on December 20, 1999,"
            hit.kind = self._kind(tokens, hit, cues[number + 1].first if number + 1 < len(cues) else len(tokens))
            # "will swear in its fifth leader since its return to China": a change counted from, told before the plan.
            since_reason = "a change counted from, not the plan" if ahead and not anniversary and self._since_before(tokens, hit) else ""
            # "the Gaza Strip, which it had occupied since the Six Day War": a state, not a change of the sentence's day.
            if not since_reason and self._since_at(tokens, hit.last + 1) and not self._date_follows(tokens, hit, dates, index_of, width=4):
                since_reason = "a state held since an undated time, not a change"
            if since_reason:
                report.unused_dates += [(d, since_reason) for d in dates if abs(index_of(d.start) - hit.first) < 12]
                continue
            hit.unmet = hit.kind == "scheduled" and _has_phrase(tokens, _window_start(tokens, hit.first, 4), hit.first, lexicon.unmet_plans)
            hit.days_off = self._days_off(tokens, hit)
            if years_back is not None and hit.cue.kind == "change":
                hit.kind = "completed"  # "two years have passed since the date of the liberation of Aghdam": done then
            live.append(hit)
        if not live:
            # Only negated, hypothetical or aimed wordings: the sentence tells no change of its own.
            return self._read_without_cues(report, sentence, tokens, dates, places, index_of, end)
        # The day something was said ("officials announced Friday") dates no handover of its own,
        # but it is the best a reader has for a change the sentence tells without a day.
        said_on = [d for d in dates if d.date and d.form in ("weekday", "relative") and self._said_on(tokens, index_of(d.start))]
        named_a_day = bool(dates)
        # "It has been six days since Aghdam was handed over": the "since" is the date's own word.
        # (Not the day an anniversary is marked, which its marking word stands for or comes right before: "China marks 20
        # years since the handover", "feiert Russland morgen den ersten Jahrestag": the years are counted from it; but
        # "arrived yesterday to commemorate the 25th anniversary" dates the arrival.)
        counted_from = (
            {
                id(d)
                for d in days_counted_from
                if any(t.lower in lexicon.marking_words for t in tokens[_window_start(tokens, index_of(d.start), 3) : index_of(d.start)])
            }
            if years_back is not None
            else set()
        )
        dates = [
            d
            for d in dates
            if d is today
            or id(d) in counted_from
            or (d.form == "ago" and self._other_day_word(tokens[index_of(d.end - 1)]))
            or not self._names_another_day(tokens, index_of(d.start), cues)
        ]
        years_told = _years_told(sentence, dates, lexicon)
        if years_back is not None:
            counted = [(d, self._counted_back(d, years_back)) for d in dates if d.date is not None and all(d is not s for s in said_then)]
            # Counted from a dated line's own day ("(14 Dec, 2024) ... marking 25 years since"), not from "today" of
            # the anniversary itself: the count gives only the year (see _without_counted_twins).
            self.counted_days.update(c.date for d, c in counted if c is not d and c.date is not None and _YEAR_DIGITS.search(d.text))
            dates = [c for _, c in counted]
        else:
            dates = self._in_the_year_told(dates, years_told, index_of)
        # (A change told only to date the sentence takes no date; if it is the only one, it keeps them, and gives no event.)
        self._assign_dates(tokens, [h for h in live if h.days_off is None] or live, dates, index_of)
        for hit in live:
            if hit.kind == "scheduled":
                # "Macao will return to China in 1999, the ambassador said Monday": the day of saying dates no plan.
                hit.dates = [d for d in hit.dates if all(d is not s for s in said_on)]
        for hit in live:
            if hit.planned:
                hit.dates = [d for d in hit.dates if d.date is not None and published is not None and d.date > published]
        # A country that is both a feature and a party named beside another place is the party:
        # "Portugal signed ..., China resumes sovereignty over Macao" hands over Macao only.
        party_tokens = {k for party in named_parties for k in range(party.first, party.last + 1)}
        as_party = [p for p in places if index_of(p.start) in party_tokens]
        # ... and one that is the subject of the wording is the party even alone: "Am 20. Dezember 1999 gab
        # Portugal die Souveränität zurück an China" (over Macao, named before).
        subjects = {k for h in cues if h.cue.subject != "none" for k in (h.first - 1, h.first + 1, h.last + 1)}
        if len(as_party) < len(places) or any(index_of(p.start) in subjects for p in as_party):
            places = [p for p in places if p not in as_party]
        # A place in a day's name is no other wording's: "auf den Tag der Befreiung von Shusha verschoben" moved a holiday.
        self._assign_places(tokens, live, [p for p in places if not any(0 < index_of(p.start) - last <= 3 for last in commemorated)], index_of)
        for hit in live:
            # "after capturing Kandahar and Herat earlier in August": the change has a time of its own,
            # vaguer than the day the sentence tells.
            told_after = max((index_of(p.end - 1) for p in hit.places), default=-1) + 1
            if hit.kind == "completed" and hit.first < told_after < len(tokens) and _phrase_at(tokens, told_after, lexicon.undated_past):
                hit.dates = [d for d in hit.dates if index_of(d.start) < told_after and d.date is not None and index_of(d.start) > hit.first]
        live = self._fold_into_postponements(live)
        for hit, after in itertools.pairwise(live):
            # "return Aghdam ... starting on 20 November, with a deadline of 1 December": the window's end is told
            # by a wording of its own, and is the day the change is due by (see :meth:`_events`).
            opens_window = hit.dates and all(_phrase_just_before(tokens, index_of(d.start), lexicon.window_starts) for d in hit.dates)
            if opens_window and hit.places and after.cue.kind == "schedule" and after.dates and not after.places:
                hit.dates = hit.dates + after.dates
        # "agreed to give more time to withdraw from Kalbajar until 25 November": the place of the
        # aim (no change of its own) is what the postponement is about.
        aimed = [p for p in places if any(0 < index_of(p.start) - a.last <= 6 for a in aims) and not any(p in h.places for h in live)]
        for hit in live:
            if hit.cue.kind == "postpone" and not hit.places and aimed:
                hit.places = aimed
        owned = {id(d) for hit in live for d in hit.dates}
        free = [d for d in dates if id(d) not in owned and d.date is not None]
        donors = [h for h in live if h.dates and not h.places]
        # "have already retaken Fuzuli", "took the largest cities within a week": done at an unstated time.
        undated_past = self._undated_past(tokens, {index_of(d.start) for d in dates})
        # "In June 1967, the West Bank was captured": a sentence that writes its own year takes no day of another year from the sentences before.
        own_years = set(years_told.values())

        def carried(day: DateMention | None) -> DateMention | None:
            return day if day is not None and day.date is not None and (not own_years or day.date.year in own_years) else None

        named = any(h.places for h in live)
        refers_back = _has_phrase(tokens, 0, len(tokens), lexicon.references)
        # "Hours later, ...": looked for once, at the sentence's start (not before every wording: linear).
        opens_later = _has_phrase(tokens, 0, 6, lexicon.same_day)
        # The one day the sentence dates its changes with, for one told "hours after" another.
        days_told = {d.date: d for h in live if h.places for d in h.dates if d.date}
        # Announcements before postponements, so that a postponement knows the date it puts off
        # even when the sentence tells it after: "granted ten more days ..., which was due on Sunday".
        told_by: dict[int, tuple[str, str, bool]] = {}
        for hit in sorted(live, key=lambda h: h.kind == "postponed"):
            if hit.days_off is not None:
                continue  # its places are its own, but its day is not the sentence's: dated below
            if not hit.places and hit.cue.subject == "none" and hit.first and tokens[hit.first - 1].lower in lexicon.possessive_pronouns:
                # "Ghazni serves as a gateway to the south. Its fall on Thursday ...": the place named last.
                earlier = [p for p in places if index_of(p.end - 1) < hit.first and not any(p in h.places for h in live)]
                hit.places = earlier[-1:] or named_before[-1:]
            if not hit.places and not named and not commemorated and (hit.cue.kind in ("schedule", "postpone") or refers_back):
                # "The deadline was postponed": the places just told; but a change with no place of
                # the map ("will pull out of the country by 31 August") is about somewhere else, and
                # a day's name moved is a holiday ("auf den Tag der Befreiung von Shusha verschoben").
                spoken_features = {f for p in spoken for f in p.features}
                hit.places = spoken[:1] if refers_back and len(spoken_features) == 1 else list(self.recent_places)
            if not hit.dates and hit.places and not undated_past:
                # A date no cue owns, else one held by a cue that names no place:
                # "On 1 December, under the peacekeepers' watch, Lachin was handed over".
                spare = free or [d for h in donors for d in h.dates]
                if hit.kind == "scheduled":
                    spare = [d for d in spare if all(d is not s for s in said_on)]  # the day of saying dates no plan
                if spare:
                    hit.dates = [min(spare, key=lambda d: abs(index_of(d.start) - hit.first))]
                elif (carried_day := carried(self.pending_date)) is not None and hit.kind == "completed":
                    hit.dates = [carried_day]  # "... took another city on Wednesday. The capture of Faizabad ..."
                elif (carried_day := carried(self.section_date)) is not None and hit.kind == "completed":
                    hit.dates = [carried_day]  # under a heading "Aug. 13:" in a day-by-day list
                elif said_on and hit.kind == "completed" and len({d.date for d in said_on}) == 1:
                    hit.dates = [said_on[0]]  # "captured the city of Zaranj, officials announced Friday"
                elif hit.kind == "completed" and (shared := [d for h in live if h is not hit for d in h.dates if d.form == "day-told-last" and d.date]):
                    hit.dates = shared[:1]  # "took Kandahar on the same day that they seized Herat": one day for both
                elif len(days_told) == 1 and _has_phrase(tokens, _window_start(tokens, hit.first, 4), hit.first, lexicon.same_day):
                    hit.dates = list(days_told.values())  # "took Herat on Thursday, hours after the fall of Ghazni"
                elif hit.kind == "completed" and len(days_told) == 1 and self._told_also(tokens, hit):
                    hit.dates = list(days_told.values())  # "took Zabul on August 13, while in the west Ghor also fell"
                elif (carried_day := carried(self.last_change_date)) is not None and hit.kind == "completed" and (self._told_also(tokens, hit) or opens_later):
                    hit.dates = [carried_day]  # "... fell on Tuesday. The Taliban also took Farah." / "Hours later, ..."
            giver, taker = self._parties(tokens, hit, sides)
            self.last_sides = {"taker": taker or self.last_sides["taker"], "giver": giver or self.last_sides["giver"]}
            told_by[id(hit)] = (giver, taker, hit.cue.force)
            for found in self._events(tokens, hit, index_of, (start, end)):
                report.events.append(Found(found.place, found.feature, found.kind, found.date, found.sentence, giver, taker, hit.cue.force))
        # "On this day two years ago, five days before the fall of Kabul, Farah fell": Kabul fell five days after that day.
        told_days = {f.date for f in report.events}
        if len(told_days) == 1:
            (told_day,) = told_days
            for hit in live:
                if hit.days_off is None:
                    continue
                try:
                    shifted = told_day + dt.timedelta(days=hit.days_off)
                except OverflowError:
                    continue  # a day outside the calendar
                # "Lachin is due on December 1, ten days after the handover of Aghdam", told before Aghdam's: a plan too.
                kind = "scheduled" if self.dates.published is not None and shifted > self.dates.published else "completed"
                giver, taker = self._parties(tokens, hit, sides)
                report.events += [Found(p, next(iter(p.features)), kind, shifted, (start, end), giver, taker, hit.cue.force) for p in hit.places]
        # "... has captured Puli Alam, the capital of Logar. The lawmaker confirmed the fall on Friday."
        unplaced = free + [d for h in live if not h.places for d in h.dates if d.date is not None]
        # (Not a day told with "since": "five capitals have fallen since Friday" opens a period.)
        since = bool(unplaced) and self._since_at(tokens, index_of(unplaced[0].start) - 1)
        if self.pending_places and not any(h.places for h in live) and len(unplaced) == 1 and unplaced[0].form in ("weekday", "relative") and not since:
            day = unplaced[0].date
            assert day is not None  # only dated mentions are counted
            for place in self.pending_places:
                (feature,) = place.features
                report.events.append(
                    Found(place, feature, "completed", day, (self.pending_span[0], end), *self.pending_parties.get(id(place), ("", "", False)))
                )
            free = []
        # "have already retaken Fuzuli": done at some earlier time, not dated by the next sentence.
        waiting_hits = [h for h in live if h.kind == "completed" and h.places and h.days_off is None and not any(d.date for d in h.dates) and not undated_past]
        self.undated_places += [p for h in waiting_hits for p in h.places]
        # A change the report already dated ("took Shusha on Sunday ... after the capture of Shusha") waits for no day.
        self.dated_changes.update(f.feature for f in report.events if f.kind == "completed")
        waiting = [p for h in waiting_hits for p in h.places if next(iter(p.features)) not in self.dated_changes]
        # One place, maybe named twice ("Tarinkot, the centre of Uruzgan province"); a list of places told as
        # just taken is more often a run of days (measured: a list lost more than it gained).
        just_done = [
            h
            for h in live
            if h.kind == "completed"
            and len({next(iter(p.features)) for p in h.places}) == 1
            and not h.dates
            and (headline or self._perfect(tokens, h) or self._reacted_to(tokens, h))
        ]
        one_place = len({next(iter(p.features)) for p in waiting}) == 1
        # (Not where the sentence names a day, even another's: "today is the Day of the reunification of Crimea".)
        if len(just_done) == 1 and not named_a_day and not undated_past and not _YEAR_DIGITS.search(sentence) and one_place:
            self.undated_changes.append((waiting[0], (start, end), self.sentences_read, told_by[id(waiting_hits[0])]))
        # (Not a day counted back: "having toppled a district two days earlier" is that clause's own day.)
        undated = [d for h in live if h.kind == "completed" and not h.places for d in h.dates if d.date and d.form != "earlier"]
        if not waiting and not places and not dates and self.pending_age == 0:
            self.pending_age = 1  # "The insurgents have taken 12 capitals in a week." keeps the thread
        else:
            # (Not an accession or annexation, which the next sentence's day does not date: "the procedures for the
            # accession of Crimea. The document was signed hours after ...".)
            signed = {id(p) for h in waiting_hits if h.cue.signed for p in h.places}
            self.pending_places, self.pending_span, self.pending_age = [p for p in waiting if id(p) not in signed], (start, end), 0
            self.pending_parties = {id(p): told_by[id(h)] for h in waiting_hits for p in h.places}
            # "on Wednesday (Aug 11)": two mentions of one day are one date.
            self.pending_date = undated[0] if len({d.date for d in undated}) == 1 else None
        used = {id(d) for hit in live if hit.places for d in hit.dates if d.date is not None}
        report.unused_dates += [(d, "no district named near the handover wording") for d in dates if id(d) not in used]
        with_places = [p for hit in live for p in hit.places]
        if with_places:
            self.recent_places = with_places
        changed_on = {d.date: d for h in live if h.kind == "completed" and h.places for d in h.dates if d.date}
        told = [next(iter(p.features)) for h in live if h.kind == "completed" for p in h.places]
        if changed_on or not told or not set(told) <= self.dated_changes:
            # Kept over a sentence that only tells again a change already dated: "... took Chaghcharan on
            # Friday. Its capital fell to the Taliban. The militants also took Qalat."
            self.last_change_date = next(iter(changed_on.values())) if len(changed_on) == 1 else None
        return report

    def _told_as_done(self, tokens: list[Token], hit: CueHit) -> bool:
        """Whether a verb wording is told in a past tense: its first word has a past ending ("occupied",
        "захватили"), or a past auxiliary stands right before it ("had fallen"; not the present perfect of a
        state, "have been in the hands of")."""
        lexicon = self.lexicon
        if hit.cue.subject == "none" and hit.cue.place == "after":
            return False  # a noun has no tense: "the return of Aghdam on 20 November"
        return self._past_form(tokens[hit.first].lower) or any(t.lower in lexicon.past_markers for t in tokens[max(0, hit.first - 2) : hit.first])

    def _past_form(self, word: str) -> bool:
        """Whether a word has the ending of a simple past ("occupied", "захватили"; not "fed")."""
        return len(word) > 4 and word.endswith(self.lexicon.past_endings)

    def _perfect(self, tokens: list[Token], hit: CueHit) -> bool:
        """Whether a wording is told in the present perfect: "have taken", "has fallen", "haben ... eingenommen"."""
        if "*" in self.lexicon.perfect_auxiliaries:
            return True  # a language whose past tense is its perfect (Russian "захватили")
        window = tokens[_window_start(tokens, hit.first, 12 if self.lexicon.verb_final else 3) : hit.first + 1]
        if any(t.lower in self.lexicon.now_words for t in tokens[max(0, hit.first - 1) : hit.last + 1]):
            return True  # "steht nun unter Kontrolle der Taliban", "is now under": a state just reached
        return any(t.lower in self.lexicon.perfect_auxiliaries for t in window)

    def _clause_passive(self, tokens: list[Token], at: int) -> bool:
        """Whether a passive auxiliary ("wurde", "worden") stands earlier in the clause of the participle at ``at``."""
        lexicon = self.lexicon
        for token in reversed(tokens[_window_start(tokens, at, 20) : at]):
            if token.text in (",", ";", ":") or token.lower in lexicon.relative_words or token.lower in lexicon.clause_joiners:
                return False  # "Agdam wurde abgetreten und Latschin soll übergeben werden": another clause's auxiliary
            if token.lower in lexicon.clause_passive:
                return True
        return False

    def _reacted_to(self, tokens: list[Token], hit: CueHit) -> bool:
        """Whether a reaction stands in the eight words before a wording: "congratulated the people on the liberation of"."""
        return any(pattern.fullmatch(t.lower) for t in tokens[_window_start(tokens, hit.first, 8) : hit.first] for pattern in self.lexicon.reactions)

    def _told_also(self, tokens: list[Token], hit: CueHit) -> bool:
        """Whether "also" (or its like) stands in the three words before a wording: "also gained control over"."""
        also = self.lexicon.also_words
        # ... or opening the sentence: "Auch Mihtarlam, die Hauptstadt der Provinz Laghman, fiel an die Taliban".
        if (bool(tokens) and tokens[0].lower in also) or any(t.lower in also for t in tokens[_window_start(tokens, hit.first, 3) : hit.first]):
            return True
        # ... or set off by commas after the wording's places: "The capture of Ghazni, meanwhile, cuts off a highway".
        return any(
            tokens[k].lower in self.lexicon.aside_words and tokens[k - 1].text == "," and tokens[k + 1].text == ","
            for k in range(hit.last + 1, min(len(tokens) - 1, hit.last + 8))
        )

    def _ends_clause(self, tokens: list[Token], hit: CueHit) -> bool:
        """Whether a wording stands last in its clause, in a language that puts its verbs there (an
        auxiliary may follow it: "sollen den Gazastreifen verlassen haben")."""
        after = hit.last + 1
        if self.lexicon.verb_final and after < len(tokens) and tokens[after].lower in self.lexicon.perfect_auxiliaries:
            after += 1
        return self.lexicon.verb_final and (after >= len(tokens) or tokens[after].text in (".", ",", ";", ":", "!", "?"))

    def _read_without_cues(
        self, report: SentenceReport, sentence: str, tokens: list[Token], dates: list[DateMention], places: list[Place], index_of, end: int
    ) -> SentenceReport:
        """A sentence with no live wording may only date the places of the sentence before."""
        # Only "said on Friday"-like dates complete the sentence before: a full date in a
        # sentence of its own is more often background ("The war began on 27 September").
        dated = [d for d in dates if d.date and d.form in ("weekday", "relative") and not self._names_another_day(tokens, index_of(d.start))]
        if len(dated) == 1 and _counts_years(tokens, self.lexicon):
            # "Aghdam was liberated. Today marks five years since the liberation.": that many years before the day told.
            years = self._years_since(sentence, dated)
            dated = [self._counted_back(dated[0], years)] if years is not None else dated
        if self.pending_places and len(dated) == 1 and dated[0].date is not None:
            day = dated[0].date
            for place in self.pending_places:
                (feature,) = place.features
                report.events.append(
                    Found(place, feature, "completed", day, (self.pending_span[0], end), *self.pending_parties.get(id(place), ("", "", False)))
                )
            dates = []
        told = {id(d) for d, _ in report.unused_dates}
        report.unused_dates += [(d, "no handover wording in the sentence") for d in dates if id(d) not in told]
        if not places and not dates and self.pending_age == 0:
            self.pending_age = 1  # a sentence in between that names nothing keeps the thread
            return report
        self.pending_places, self.pending_age = [], 0
        if dates or places:
            self.last_change_date = None  # another day or place was told since
        # A heading that is only a date (and a name): "– Aug. 7 – SHEBERGHAN." dates what follows.
        heading = [d for d in dates if d.date] if len(tokens) <= 10 else []
        self.pending_date = heading[0] if len({d.date for d in heading}) == 1 else None
        return report

    def _since_at(self, tokens: list[Token], at: int) -> bool:
        """Whether "since" (a word of ``held_since``) stands at ``at``."""
        return 0 <= at < len(tokens) and tokens[at].lower in self.lexicon.held_since

    def _since_before(self, tokens: list[Token], hit: CueHit) -> bool:
        """Whether "since" stands one or two words before the wording: "since its return to China"."""
        return self._since_at(tokens, hit.first - 1) or self._since_at(tokens, hit.first - 2)

    def _agent_follows(self, tokens: list[Token], hit: CueHit) -> bool:
        """Whether the words right after the cue mark its agent ("handed over by Portugal")."""
        return hit.last + 1 < len(tokens) and _phrase_at(tokens, hit.last + 1, self.lexicon.agent_party)

    @staticmethod
    def _date_follows(tokens: list[Token], hit: CueHit, dates: list[DateMention], index_of, width: int = 2) -> bool:
        """Whether a date starts within ``width`` words after the cue (by default at most one word between)."""
        return any(hit.last < index_of(d.start) <= hit.last + width for d in dates)

    def _names_another_day(self, tokens: list[Token], at: int, cues: Sequence[CueHit] = ()) -> bool:
        """A date of signing, a decree or a statement, not of a handover: "the deal signed on 10 November",
        "the statement signed by the leaders of Armenia, Russia and Azerbaijan on 10 November"."""
        held = [h for h in cues if h.cue.kind == "change" and 0 <= at - 1 - h.last <= 8] if self._since_at(tokens, at - 1) else []
        if held:
            # The day a state began ("occupied since April 3, 1993", "kept under occupation by its army since
            # April 3, 1993"); but "the seventh capital the group has seized since Friday", "to fall since
            # Friday" count changes over a period that day opens.
            word = tokens[held[-1].first - 1].lower if held[-1].first else ""
            return word in self.lexicon.perfect_auxiliaries or word in self.lexicon.infinitive_markers
        # Right before the date ("signed on 10 November") or right after it ("the 10 November agreement") ...
        before = tokens[_window_start(tokens, at, 3) : at]
        before = before[next((k + 1 for k in range(len(before) - 1, -1, -1) if before[k].text == ","), 0) :]
        around = before + tokens[at + 1 : at + 4]
        # A treaty's signing is the change it tells, where that is an accession or annexation: "signed on 18 March".
        signed = any(h.cue.signed for h in cues)
        if any(self._other_day_word(t) and not (signed and self._is_signing(t.lower)) for t in around):
            return True
        if signed:
            return False
        # ... or a signing further back, with no handover wording in between; or further on, before any
        # handover wording ("On April 13, 1987, after rounds of talks, China and Portugal signed",
        # "die Vereinbarung, die am 9. November geschlossen wurde").
        # (Up to 30 words back: "signed by President of Azerbaijan Ilham Aliyev, President of Russia Vladimir Putin
        # and Prime Minister of Armenia Nikol Pashinyan on November 10", 21 words.)
        start = max([_window_start(tokens, at, 30)] + [h.last + 1 for h in cues if h.last < at])
        # (Not a date opening a clause of its own that goes on to a wording: "Согласно заявлению, подписанному
        # лидерами трех стран, 25 ноября части армии вошли в Кельбаджарский район".)
        opens_a_change = at > 0 and tokens[at - 1].text == "," and any(h.first > at and not any(t.text == "," for t in tokens[at + 1 : h.first]) for h in cues)
        if any(self._is_signing(t.lower) for t in tokens[start:at]) and not opens_a_change:
            return True
        # Further on only where no wording came before the date (not "vacated Kalbajar on 25 November under the
        # agreement signed ...") or, where verbs end their clause, within the date's own clause.
        told_before = any(h.last < at for h in cues)
        if told_before and not self.lexicon.verb_final:
            return False
        end = min([len(tokens), at + (8 if told_before else 16)] + [h.first for h in cues if h.first > at])
        ahead = itertools.takewhile(lambda t: t.text not in _HARD_BREAKS and not (told_before and t.text == ","), tokens[at + 1 : end])
        return any(self._is_signing(t.lower) for t in ahead)

    def _is_signing(self, word: str) -> bool:
        """Whether ``word`` is a verb of signing (each of the report's words is tested once)."""
        return remembered(self.signing_words, word, lambda text: any(pattern.fullmatch(text) for pattern in self.lexicon.signing))

    def _said_on(self, tokens: list[Token], at: int) -> bool:
        """Whether the date at ``at`` is the day something was said: "officials announced Friday", "said on Sunday"."""
        before = [t.lower for t in tokens[max(0, at - 2) : at]]
        if bool(before) and (before[-1] in self.lexicon.speech_words or (len(before) == 2 and before[0] in self.lexicon.speech_words)):
            return True
        # ... with whom it was told between: "told reporters on Sunday", "told AFP on Sunday".
        if at < 3 or tokens[at - 3].lower not in self.lexicon.speech_words:
            return False
        audience = tokens[at - 2]
        return audience.lower in self.lexicon.speech_audience or audience.text[:1].isupper()

    def _other_day_word(self, token: Token) -> bool:
        return token.lower in self.lexicon.other_day_words or token.lower.startswith(self.lexicon.other_day_stems)

    @staticmethod
    def _fold_into_postponements(hits: list[CueHit]) -> list[CueHit]:
        """In a sentence that puts a handover off, the announced handover (or the one named
        by a noun) is what was put off:
        "the transfer of Kalbajar, due on 15 November, was postponed until 25 November"."""
        postponements = [h for h in hits if h.kind == "postponed"]
        if not postponements:
            return hits
        folded = set()
        firsts = [p.first for p in postponements]  # in sentence order
        ends = {p.last for p in postponements}
        for hit in hits:
            # What was put off is announced before the postponement ("due on 15 November, but
            # postponed"), named by a noun after it ("postponed the handover of Kalbajar"), or
            # told right after it ("отсрочку на вывод войск из Кельбаджара до 25 ноября").
            before = firsts[-1] > hit.last
            right_after = hit.kind != "postponed" and bool({hit.first - 1, hit.first - 2} & ends)
            # "agreed to extend a deadline for Armenian forces to pull out of Kalbajar until 25 November":
            # the plan a few words after the postponement is what it moves.
            preceding = bisect.bisect_left(firsts, hit.first) - 1
            right_after = right_after or (hit.kind == "scheduled" and preceding >= 0 and 0 < hit.first - postponements[preceding].last <= 8)
            if (hit.kind == "scheduled" and before) or (hit.cue.subject == "none" and hit.kind != "postponed") or right_after:
                at = bisect.bisect_left(firsts, hit.first)
                target = min(postponements[max(0, at - 1) : at + 1], key=lambda p: abs(p.first - hit.first))
                target.places += [p for p in hit.places if p not in target.places]
                target.dates = sorted(target.dates + hit.dates, key=lambda d: d.start)
                if right_after:
                    folded.add(id(hit))
        # An announcement stated with its own date stays an event ("was initially scheduled for
        # 15 November, but the deadline was postponed"); a handover noun, or a wording right after
        # the postponement, only names what was put off.
        return [h for h in hits if (h.kind != "completed" or h.cue.subject != "none") and id(h) not in folded]

    def _unmatched(self, sentence: str, tokens: list[Token], places: list[Place]) -> list[str]:
        """Capitalised names before a level word that no feature matched: reported for review."""
        found = []
        for k in range(1, len(tokens)):
            name = tokens[k - 1]
            if (
                tokens[k].lower in self.lexicon.level_words
                and _NAME.fullmatch(name.text)
                and name.lower not in self.lexicon.stopwords
                and not any(p.start <= name.start < p.end for p in places)
            ):
                start = (
                    tokens[k - 2].start if k > 1 and _NAME.fullmatch(tokens[k - 2].text) and tokens[k - 2].lower not in self.lexicon.stopwords else name.start
                )
                found.append(sentence[start : tokens[k].end])
        return found

    def _is_speaker(self, sentence: str, place: Place) -> bool:
        """A place that speaks, or where someone speaks: "officials in Baku said", "Kabul announced"."""
        # The words right after and before the place (as :func:`tokenize` would cut those stretches).
        after = _TOKEN.search(sentence, place.end, place.end + 20)
        before = [word.lower() for word in _TOKEN.findall(sentence, max(0, place.start - 40), place.start)[-4:]]
        return bool(after and after.group().lower() in self.lexicon.speech_words) or bool(
            before and before[-1] in ("in", "à", "в", "aus") and any(word in self.lexicon.speech_words for word in before)
        )

    def _weekdays_of_things_done(self, tokens: list[Token]) -> frozenset[int]:
        """Where weekdays start that date a verb in the past right beside them: "Baku agreed on Sunday to extend
        the deadline", "Azerbaijan on Sunday extended the deadline" (not "is to be returned on Sunday", nor
        "scheduled on Sunday"). Such a day is past where the sentence looks forward, and no day put off."""
        lexicon = self.lexicon
        done = set()
        for k, token in enumerate(tokens):
            if token.lower not in lexicon.dates.weekdays:
                continue
            preposition = k > 0 and tokens[k - 1].text.isalpha() and len(tokens[k - 1].text) <= 3
            before = k - 2 if preposition else k - 1  # (past "on")
            # Past the subject of a clause the weekday opens: "On Sunday, Baku agreed", "However, on Sunday, Azerbaijan agreed",
            # "... (Agency) - On Sunday, Baku agreed" (not "on Sunday, Aliyev confirmed", which tells who said it, nor past a
            # comma alone: "scheduled for Sunday, has been delayed").
            opens = before < 0 or tokens[before].text in (",", ":", "-", "–", "—")
            after = k + 1
            while opens and after < len(tokens) and after <= k + 3 and (tokens[after].text == "," or tokens[after].text[:1].isupper()):
                after += 1
            if not any(t.text[:1].isupper() for t in tokens[k + 1 : after]):
                after = k + 1
            if any(self._past_verb(tokens, at) for at in (before, after) if 0 <= at < len(tokens)):
                done.add(token.start)
        return frozenset(done)

    def _past_verb(self, tokens: list[Token], at: int) -> bool:
        """Whether the token at ``at`` tells a thing done: a verb in the simple past ("agreed", "was returned"; not a
        plan's word, "scheduled", "expected", nor a participle after "be" or "been": "to be returned"), or the
        auxiliary of a perfect that is no copula ("hat am Sonntag die Frist verlängert", "a accepté dimanche")."""
        lexicon, word = self.lexicon, tokens[at].lower
        if word in lexicon.perfect_auxiliaries and word not in lexicon.passive:
            return True
        if at > 0 and tokens[at].text.islower() and tokens[at - 1].lower in lexicon.perfect_auxiliaries and tokens[at - 1].lower not in lexicon.passive:
            return word not in lexicon.weekday_future  # its participle: "a accepté dimanche"
        if not (lexicon.past_endings and tokens[at].text.islower() and len(word) > 4 and word.endswith(lexicon.past_endings)) or word in lexicon.weekday_future:
            return False
        auxiliary = tokens[at - 1].lower if at > 0 else ""
        return auxiliary in lexicon.past_markers or auxiliary not in lexicon.passive

    def _is_dateline(self, sentence: str, place: Place, paragraph_start: bool) -> bool:
        if not paragraph_start or place.start > 40:
            return False
        after = sentence[place.end : place.end + 30].lower()
        return (
            after[:1] in (":", ",", "(")
            and (place.text.isupper() or ":" in after[:2] or any(mark in after for mark in self.lexicon.dateline_marks) or self._month_follows(after))
        ) or after.lstrip().startswith(self.lexicon.dateline_marks)

    @staticmethod
    def _heads_an_entry(sentence: str, place: Place, written: list[Place], dates: list[DateMention]) -> bool:
        """Whether a place and a date opening a paragraph head an entry of a timeline ("Kunduz, August 8:
        the insurgents seize the northern city"): a colon after the date, and no other place told."""
        heading = _ENTRY_HEADING.match(sentence, place.end)
        return heading is not None and len(written) == 1 and any(place.end < d.start and d.end <= heading.end() for d in dates)

    def _counted_back(self, mention: DateMention, years: int) -> DateMention:
        """The day of a change an anniversary counts ``years`` back to: from the anniversary in
        the publication's time ("three years have passed since the liberation on November 25",
        written in 2023, is 2020), whatever year a retrospective gave the day; a year written
        with the day is the change's own, unless it is the anniversary's, less than the years
        counted before the publication ("(14 Dec 2024) ... marking 25 years since the handover")."""
        assert mention.date is not None  # only dated mentions are counted back
        published = self.dates.published
        if _YEAR_DIGITS.search(mention.text) and (published is None or mention.date.year <= published.year - years):
            return mention
        if published is None and not _YEAR_DIGITS.search(mention.text):
            # "18 March marks the tenth anniversary" with no publication date: the anniversary's year is unknown
            # (the year the text writes last is more often the change's own).
            return replace(mention, date=None, problem="an anniversary's day without its year: pass --published")
        day = (closest_year(mention.date.month, mention.date.day, published) if published else None) or mention.date
        return replace(mention, date=_years_before(day, years))

    def _in_the_year_told(self, dates: list[DateMention], years_told: dict[int, int], index_of) -> list[DateMention]:
        """Days without a year in a sentence that tells one earlier year take it: "launching an operation
        on March 27 in 1993, the troops occupied Kalbajar on April 2", "from May 16 to May 17, 1992, ...
        occupied Lachin on May 18"."""
        published = self.dates.published
        if published is None:
            return dates
        # Where the sentence tells a year: with a full date, or alone after "in" or a month (see _years_told).
        told = [(index_of(d.start), d.date.year) for d in dates if d.date and _YEAR_DIGITS.search(d.text)]
        told += [(index_of(at), year) for at, year in years_told.items()]
        years = {year for _, year in told}
        year = years.pop() if len(years) == 1 else None
        if year is None or not published.year - 100 < year < published.year:
            return dates
        # Only days told after the year ("... surrendered on November 20 ..., since a war in 1994" is not 1994).
        first = min(k for k, _ in told)
        return [
            _with_year(d, year) if d.date and d.form in ("day-month", "month-day") and not _YEAR_DIGITS.search(d.text) and index_of(d.start) > first else d
            for d in dates
        ]

    def _marked_today(self, sentence: str, tokens: list[Token]) -> tuple[int, int, str] | None:
        """Where an anniversary sentence puts its count on the report's day: a verb that marks it
        ("Azerbaijan marks the first anniversary"), or words next to the count ("on this day three
        years ago", "exactly a year ago", "il y a trois ans jour pour jour")."""
        lexicon = self.lexicon
        marking = next((t for t in tokens if t.lower in lexicon.marking_words), None)
        if marking is not None:
            return marking.start, marking.end, marking.text
        if lexicon.on_the_day is None:
            return None
        for pattern in lexicon.years_since:
            counted = pattern.search(sentence)
            # Right before or after the count: "exactly" farther away qualifies something else.
            near = lexicon.on_the_day.search(sentence, max(0, counted.start() - _NEXT_TO_COUNT), counted.end() + _NEXT_TO_COUNT) if counted else None
            if near is not None:
                return near.start(), near.end(), near.group()
        return None

    def _years_since(self, sentence: str, dates: list[DateMention]) -> int | None:
        """The years an anniversary counts from one day the sentence names, or None."""
        days = {d.date for d in dates if d.date is not None}
        for pattern in self.lexicon.years_since:
            counted = pattern.search(sentence)
            if counted and len(days) == 1:
                count = counted.groupdict().get("n")
                if count is None:
                    return 1  # "год назад": a year without a count is one
                digits = re.match(r"\d+", count)
                if digits:
                    return int(digits.group())  # "25", "25th", "20."
                words = self.lexicon.dates
                return words.numbers.get(count.lower()) or words.ordinal_numbers[count.lower()]
        return None

    def _month_follows(self, after: str) -> bool:
        """Whether a name is followed by a date as in a dateline: "Kabul, Aug 8", "Kabul, 8 August"."""
        dated = re.match(r",\s+(\w+)\.?\s+(\d+)(?:\s+(\w+))?", after)
        months = self.lexicon.dates.months
        if dated is None:
            return False
        return dated[1].lower() in months or (dated[3] or "").lower() in months

    def _blocked(self, tokens: list[Token], hit: CueHit, anniversary: bool, ahead: bool = False) -> str | None:
        lexicon = self.lexicon
        # Before the wording and its first word, not in a gap it spans ("se sont emparés sans résistance dimanche de").
        window = tokens[_window_start(tokens, hit.first, 5) : hit.first + 1]
        if any(t.lower in lexicon.negation for t in window):
            return "negated"
        before = tokens[_window_start(tokens, hit.first, 12) : hit.first]
        reported = len(before) > 0 and before[-1].lower in lexicon.condition and tokens[hit.first].lower in lexicon.reported_past
        if any(t.lower in lexicon.condition for t in (before[:-1] if reported else before)):
            return "hypothetical"
        if lexicon.falling_things and any(t.lower in lexicon.falling_things for t in tokens[_window_start(tokens, hit.first, 3) : hit.last + 4]):
            return "things that fell, not a place"  # "In Kundus fielen am Sonntag Schüsse", "rockets fell on Kabul"
        if hit.last + 1 < len(tokens) and tokens[hit.last + 1].lower in lexicon.question_marks:
            return "a question"  # "покинут ли войска Крым": whether the troops will leave
        if anniversary:
            return "an anniversary"
        if hit.cue.subject == "giver" and any(t.lower in lexicon.civilians for t in tokens[_window_start(tokens, hit.first, 4) : hit.first]):
            return "people leaving, not a party"  # "most residents left Stepanakert before the truce"
        if hit.cue.subject == "none" and hit.last + 1 < len(tokens) and tokens[hit.last + 1].lower in lexicon.ceremony_words:
            return "a ceremony, not the change"  # "a handover ceremony took place on June 30"
        # (Not where the sentence writes the year of the day it names: "20 октября 2020 года вписан ... как День освобождения".)
        if (
            hit.cue.subject == "none"
            # (the day's name may hold its place: "the Day of Crimea's Reunification with Russia")
            and _phrase_just_before(tokens, hit.first - (1 if hit.first and self._possessive(tokens[hit.first - 1]) else 0), lexicon.commemorations)
            and not any(_YEAR_DIGITS.fullmatch(t.text) for t in tokens)
        ):
            return _COMMEMORATED  # "отмечается день освобождения Сухуми", "the Day of the Liberation of"
        # Words right before the wording that make it no change of its own.
        three_before = {t.lower for t in tokens[_window_start(tokens, hit.first, 3) : hit.first]}
        two_before = {t.lower for t in tokens[_window_start(tokens, hit.first, 2) : hit.first]}
        nominal_after = {t.lower for t in tokens[hit.last + 1 : hit.last + 5]} if hit.cue.subject == "none" else set()
        # A verb-final language puts the order at the clause's end ("hat den Abzug der Truppen von der Krim angeordnet")
        # or, a verb of its own, further before ("ordnet am Montag den kompletten Rückzug von der Krim an").
        if lexicon.verb_final:
            stop = next((k for k in range(hit.last + 1, min(len(tokens), hit.last + 13)) if tokens[k].text in (",", ";", ":", ".")), hit.last + 13)
            ordering = {t.lower for t in tokens[_window_start(tokens, hit.first, 8) : hit.first]} | {t.lower for t in tokens[hit.last + 1 : stop]}
        else:
            ordering = three_before
        for applies, words, near, reason in (
            (hit.cue.kind == "change", lexicon.remain_words, three_before, "a state that held on, not a change"),  # "only Kabul remained in government hands"
            (hit.cue.kind == "change", lexicon.order_words, ordering, "an order, not the change"),  # "ordered the withdrawal of forces from Crimea"
            # "a referendum on accession"; a noun's vote may follow it: "за воссоединение с Россией проголосовало 96%".
            (hit.cue.kind == "change", lexicon.vote_words, three_before | nominal_after, "the subject of a vote, not the change"),
            # "began withdrawing from the Gaza Strip", "began its withdrawal from the Gaza Strip"
            (
                hit.cue.subject == "giver" or (hit.cue.subject == "none" and hit.cue.place == "after"),
                lexicon.start_words,
                three_before,
                "a start, not the change",
            ),
            (hit.cue.kind != "change", lexicon.ceremony_words, two_before, "a ceremony, not the change"),  # "a handover ceremony scheduled for"
        ):
            if applies and not words.isdisjoint(near):
                return reason
        if (
            hit.cue.kind == "change"
            and hit.first == hit.last
            and hit.first > 0
            and (
                tokens[hit.first - 1].lower in lexicon.determiners
                # "in liberated Shusha"; not a gerund: "succeeded in capturing Kunduz"
                or (tokens[hit.first - 1].lower in lexicon.locative and not tokens[hit.first].lower.endswith(lexicon.participle_endings or ("\0",)))
            )
            and not (hit.cue.subject == "none" and tokens[hit.first - 1].lower in lexicon.possessive_pronouns)  # "its fall on Thursday"
            and not (lexicon.capitalised_nouns and tokens[hit.first].text[:1].isupper())  # "die Übergabe"
        ):
            return "a description, not a change"  # "visited the liberated Zangilan district"; but "granted a delay"
        # "to hand", "to formally hand"
        marker = hit.first - 2 if hit.first > 1 and tokens[hit.first - 1].lower.endswith("ly") else hit.first - 1
        aim = hit.cue.subject != "none" and marker >= 0 and tokens[marker].lower in lexicon.infinitive_markers
        # A wording that is an infinitive with its marker, at its clause's end: "weigerte sich, Agdam zu übergeben".
        aim = aim or (hit.cue.subject != "none" and tokens[hit.first].lower in lexicon.infinitive_markers and self._ends_clause(tokens, hit))
        aim = aim and not (marker > 0 and tokens[marker - 1].lower in lexicon.achieved)  # "managed to capture": reached
        claimed = hit.first > 1 and tokens[hit.first - 2].lower in lexicon.speech_words  # "claimed to capture"
        # "signed a treaty Tuesday to incorporate Crimea into Russia": the treaty does what it aims at.
        signed = hit.cue.signed and any(self._is_signing(t.lower) for t in tokens[_window_start(tokens, hit.first, 8) : hit.first])
        # (A verb ending its clause has its plan word at the clause's start, as in :meth:`_kind`.)
        plan_from = _window_start(tokens, hit.first, 16 if self._ends_clause(tokens, hit) else 8)
        if aim and not claimed and not signed and not ahead and not _has_phrase(tokens, plan_from, hit.first, lexicon.future):
            return _AIM  # "forces were massing to occupy Shusha"
        perfect = hit.last + 1 < len(tokens) and tokens[hit.last + 1].lower in lexicon.perfect_auxiliaries
        if hit.cue.subject != "none" and not perfect and any(t.lower in lexicon.intent_words for t in tokens[_window_start(tokens, hit.first, 12) : hit.first]):
            return _AIM  # "Die Taliban wollen die Provinz Pandschir erobern"; not "... erobert haben", a claim of it done
        return None

    def _kind(self, tokens: list[Token], hit: CueHit, until: int) -> str:
        """The event kind a live cue reports; ``until``: where the next cue starts."""
        if hit.cue.kind == "postpone":
            return "postponed"
        if hit.cue.kind == "schedule":
            return "scheduled"
        if _phrase_just_before(tokens, hit.first, self.lexicon.past_or_future):
            return "completed"  # "ont été ou seront rétrocédés : Aghdam vendredi, Latchin le 1er décembre": the dates decide
        # A verb ending its clause has its plan word at the clause's start: "Es wurde vereinbart, die Truppen ... abzuziehen".
        before = _window_start(tokens, hit.first, 16 if self._ends_clause(tokens, hit) else 8)
        # "Aibak was the sixth provincial capital to be captured": the infinitive after an ordinal tells no plan;
        # nor does one after a verb of saying: "Zaranj, said to be seized on Friday".
        ordinal = self._ordinal_before(tokens, hit.first)
        if ordinal is None and hit.first >= 3 and tokens[hit.first - 3].lower in self.lexicon.speech_words:
            marker, auxiliary = tokens[hit.first - 2].lower, tokens[hit.first - 1].lower
            if marker in self.lexicon.infinitive_markers and auxiliary in self.lexicon.passive:
                ordinal = hit.first - 3
        if not self.lexicon.verb_final:
            # A plan word set off by commas before a verb of its own: "according to the agreement, on 20 November,
            # Armenia handed over Aghdam" tells what was done under the plan; so does a passive ("Aghdam was returned").
            comma = next((k for k in range(hit.first - 1, before - 1, -1) if tokens[k].text == ","), None)
            past = tokens[hit.first].lower.endswith(self.lexicon.past_endings)
            if comma is not None and past and not _has_phrase(tokens, comma + 1, hit.first, self.lexicon.future):
                before = comma + 1
        if hit.cue.signed:
            # "signed the agreement on the annexation of Crimea": the signing makes the change, whatever its document is called.
            signing = next((k for k in range(hit.first - 1, _window_start(tokens, hit.first, 8) - 1, -1) if self._is_signing(tokens[k].lower)), None)
            if signing is not None and not _has_phrase(tokens, before, signing, self.lexicon.future):
                return "completed"
        if _has_phrase(tokens, before, hit.first if ordinal is None else ordinal, self.lexicon.future) or (
            ordinal is None and _has_phrase(tokens, hit.last + 1, hit.last + 3, self.lexicon.future)
        ):
            return "scheduled"
        if (
            hit.cue.subject == "none"
            and hit.cue.place == "after"
            and _has_phrase(tokens, hit.last + 1, self._clause_end(tokens, hit.last + 1, min(hit.last + 16, until)), self.lexicon.future)
        ):
            return "scheduled"  # "the handover of Lachin is due on 1 December"; not "after the liberation of Shusha on 8 November, Armenia had to sign"
        return "completed"

    def _ordinal_before(self, tokens: list[Token], at: int) -> int | None:
        """Where an ordinal stands that makes the infinitive right before ``at`` one of a series
        ("the third provincial capital to be captured", "the 18th to fall"), or None; not "the second
        of three districts to be handed over", which may still be a plan."""
        lexicon = self.lexicon
        marker = None
        for k in range(at - 1, _window_start(tokens, at, 7) - 1, -1):
            word = tokens[k].lower
            if word in lexicon.infinitive_markers:
                marker = k
            elif marker is not None and (word in lexicon.ordinals or _NUMBERED_ORDINAL.fullmatch(word)):
                return k
            elif word in lexicon.list_words or word.isdigit() or word in lexicon.dates.numbers:
                return None  # "the second of three districts to be handed over"
            elif marker is not None and word in lexicon.passive:
                return None  # "the last troops are to leave by Monday": a verb of its own, a plan
        return None

    def _clause_end(self, tokens: list[Token], start: int, end: int) -> int:
        """Where the clause from ``start`` ends once it has told its day (a comma, semicolon or colon
        right after a date: "the liberation of Shusha on November 8, had to sign"; not "November 15,
        2020" nor "Kelbajar, which was due"), at most ``end``."""
        days = self.lexicon.dates
        for k in range(start + 1, min(end, len(tokens))):
            told = tokens[k - 1].text.isdigit() or tokens[k - 1].lower in days.months or tokens[k - 1].lower in days.weekdays
            if told and tokens[k].text in (",", ";", ":") and not (k + 1 < len(tokens) and len(tokens[k + 1].text) == 4 and tokens[k + 1].text.isdigit()):
                return k
        return end

    def _days_off(self, tokens: list[Token], hit: CueHit) -> int | None:
        """How many days from the sentence's day a noun wording's change lies when the sentence dates itself
        by it: "five days before the fall of Kabul" is +5, "zwei Wochen nach der Einnahme von Kundus" -14
        (not "hours after", the same day); None when it does not."""
        noun = hit.cue.subject == "none" or (hit.first > 0 and tokens[hit.first - 1].lower in self.lexicon.determiners)  # "der Einnahme von"
        if not noun:
            return None
        window = tokens[_window_start(tokens, hit.first, 6) : hit.first]
        days = self.lexicon.dates
        for k in range(1, len(window) - 1):
            count, unit, relation = window[k - 1].lower, window[k].lower, window[k + 1].lower
            number = int(count) if count.isdecimal() else days.numbers.get(count)  # (not "²": a digit int() refuses)
            if (
                number
                and unit in days.day_units
                and relation in self.lexicon.event_relations
                and all(t.lower in self.lexicon.determiners for t in window[k + 2 :])
            ):
                return number * days.day_units[unit] * self.lexicon.event_relations[relation]
        return None

    def _assign_dates(self, tokens: list[Token], hits: list[CueHit], dates: list[DateMention], index_of) -> None:
        """Each date to one cue: the nearest, or the next one when the date opens a clause."""
        firsts = [h.first for h in hits]
        for date in dates:
            at = index_of(date.start)
            after = bisect.bisect_left(firsts, at)  # hits[after] is the first cue starting at or after the date
            previous = hits[after - 1] if after > 0 else None
            following = hits[after] if after < len(hits) else None
            if previous is not None and previous.first <= at <= previous.last:
                previous.dates.append(date)
                continue
            opener = at == 0 or self._opens_clause(tokens, at)
            # Between two cues a date belongs to the earlier one ("ceded on 20 November,
            # followed by ...") unless it opens a clause ("and on 7 August, they captured").
            if previous is None or (following is not None and opener):
                (following or previous).dates.append(date)  # type: ignore[union-attr]  # hits is never empty
            else:
                previous.dates.append(date)

    def _opens_clause(self, tokens: list[Token], at: int) -> bool:
        """Whether the date at ``at`` opens a clause: "and on 7 August, they captured", ", on Friday"; not
        "Sar-e-Pul and Taleqan on Sunday", where a name stands between the opener and the date."""
        for k in range(at - 1, max(-1, at - 4), -1):
            token = tokens[k]
            if token.lower in self.lexicon.clause_openers or token.text in (",", ";"):
                return True
            if token.text[:1].isupper() or not (token.lower in self.lexicon.stopwords or (token.lower,) in self.lexicon.future):
                return False  # a name, or a verb: "that of Agdam, surrendered on November 20"; not "Kalbajar, due on 15 November"
        return False

    def _assign_places(self, tokens: list[Token], hits: list[CueHit], places: list[Place], index_of) -> None:
        """Each place to the nearest cue whose wording points at it."""
        firsts = [h.first for h in hits]
        lasts = [h.last for h in hits]
        cue_ends = {h.last: h for h in hits}
        starts = {index_of(p.start) for p in places}
        named = {k for p in places for k in range(index_of(p.start), index_of(p.end - 1) + 1)}
        possessed: set[int] = set()
        for place in places:
            at = index_of(place.start)
            ending = cue_ends.get(at - 1)
            after = bisect.bisect_left(firsts, at)
            # "withdrew from Aghdam on Nov. 20, from Kalbajar on Nov. 25": the wording's preposition, repeated in its list.
            repeated = (
                at > 1
                and after > 0
                and hits[after - 1].cue.text.split()[-1] == tokens[at - 1].lower
                and (tokens[at - 2].text == "," or tokens[at - 2].lower in self.lexicon.list_words)
            )
            if (
                self._is_party(tokens, at)
                and (ending is None or ending.cue.place == "before")
                and not repeated
                and not self._left_by_final_verb(tokens, at, hits)
            ):
                # "handed over to Baku", "Lachin returned to Azerbaijan", "refugees returned to Stepanakert";
                # but "withdrew from Gaza": there the "from" belongs to a cue whose place follows it.
                continue
            if ending is not None and ending.cue.place == "before" and len(ending.cue.words) > 1:
                continue  # "Crimea's reunification with Russia", "in the hands of": the partner of the place before
            if self._names_its_location(tokens, at) and not self._destination_inside(tokens, at, hits):
                continue  # "captured a border town called Wesh in Kandahar": Wesh was taken, not Kandahar
            if self._landmark(tokens, at, starts):
                continue  # "Ghazni, 150 km south-west of Kabul", "Panjshir, north of Kabul": a landmark
            if _phrase_just_before(tokens, at, self.lexicon.targets, slack=2):
                continue  # "setting their sights on Mazar-i-Sharif", "closing in on Kabul": a target, not taken
            if self._part_of(tokens, at, places, index_of):
                continue  # "18 villages of Fuzuli, Jabrayil and Khojavend": parts, not the districts
            if self._held_on(tokens, at, named):
                continue  # "only Kabul, Jalalabad and Mazar Sharif remained in government hands, with surrenders in Helmand"
            if self._locates_a_part(tokens, at, index_of(place.end - 1), firsts, lasts):
                continue  # "haben in der Großstadt Kundus nun auch den Flughafen erobert": the airport was taken
            after = bisect.bisect_left(firsts, at)
            previous = hits[after - 1] if after > 0 else None
            following = hits[after] if after < len(hits) else None
            if previous is not None and previous.first <= at <= previous.last:
                previous.places.append(place)  # "handed Aghdam over"
                continue
            last = index_of(place.end - 1)
            if following is not None and following.first == last + 1 and self._possessive(tokens[last]):
                following.places.append(place)  # "Jalalabad's capture cuts off Kabul": the noun has its place
                possessed.add(id(following))
                continue
            if previous is not None and id(previous) in possessed:
                continue
            options = []
            # (Not after a wording whose object is a part: "ont pris le contrôle de la route du nord qui, de Kaboul, monte".)
            if previous is not None and (previous.cue.place in ("after", "any") and not previous.passive) and not self._object_is_part(tokens, previous):
                options.append((at - previous.last, previous))
            if following is not None and (following.cue.place in ("before", "any") or following.passive):
                options.append((following.first - at, following))
            if not options:
                # A wording on the other side: "Kalbajar, which Azerbaijan captured", "entered on Friday was Lachin".
                options = [(at - h.last, h) for h in [previous] if h] + [(h.first - at, h) for h in [following] if h]
                # Not the subject right before an active verb: "Portugal handed over Macao"; but in a
                # language that ends clauses with the verb, the object: "die Truppen aus Kalbadschar abzuziehen".
                options = [(d + 4, h) for d, h in options if not (h is following and d <= 2 and h.cue.subject != "none" and not self._ends_clause(tokens, h))]
                # Nor a place far before a wording whose own place follows it: "Panjshir remained the last
                # stronghold ... since the seizure of Kabul on 15 August" tells Kabul's fall, not Panjshir's.
                # (More than ten words away; ``d`` carries the other-side penalty of 4.)
                options = [(d, h) for d, h in options if not (h is following and d > 10 + 4 and h.cue.place == "after" and {h.last + 1, h.last + 2} & starts)]
                # Nor any place before a wording whose object is a part: "unrest grew in Crimea as gunmen
                # seized the regional parliament" tells a building taken, not Crimea.
                options = [(d, h) for d, h in options if not (h is following and h.cue.place == "after" and self._object_is_part(tokens, h))]
                # Nor a place where something else fell, after a wording whose place is its subject: "Food prices fell in Herat".
                options = [(d, h) for d, h in options if not (h is previous and h.cue.place == "before" and tokens[at - 1].lower in self.lexicon.locative)]
                if not options:
                    continue
            distance, hit = min(options, key=lambda o: o[0])
            # A long list after its wording ("had seized Kandahar, capital of ...; Herat, ...; and
            # Firoz Koh, ...") goes on as long as its places come close after one another,
            # but not into a relative clause ("captured Shusha, which overlooks Stepanakert").
            listed = [p for p in hit.places if index_of(p.start) > hit.last]
            between = tokens[index_of(listed[-1].end - 1) + 1 : at] if listed else []
            if hit is previous and listed and (any(t.lower in self.list_stops for t in between) or self._opens_participle(between)):
                continue
            # Nor past a clause of its own: "the transfer of Lachin by 1 December, the Armenians are setting fires
            # as they did in Kalbajar" (a list's places are joined by few words of their own: "Herat, the third city; and Kandahar").
            if hit is previous and listed and self._clause_words(tokens[index_of(listed[-1].end - 1) + 1 : at]) > LIST_GAP_WORDS:
                continue
            if distance > 40 and not (hit is previous and listed and at - index_of(listed[-1].end - 1) <= 12):
                continue
            (feature,) = place.features
            # A wording after the place: the words between them ("in Kabul einmarschiert" is 1, though
            # ``distance`` carries the other-side penalty); before it, the distance with its penalty.
            gap = hit.first - index_of(place.end - 1) if hit is following else distance
            if hit is following:
                apposition = self._apposition(tokens, index_of(place.end - 1), hit.first)  # "Kabul, the capital, fell"
                distance, gap = distance - apposition, gap - apposition
            if feature in self.government_seats and (hit.cue.kind != "change" or gap > (8 if hit is previous and not hit.passive else 3)):
                # "Baku postponed", "talks in Kabul": the seat of a party, not a place handed over;
                # but "took control of the presidential palace in Kabul" takes the capital.
                continue
            hit.places.append(place)
        for hit in hits:
            self._keep_nearest_list(tokens, hit, index_of)

    def _opens_participle(self, between: list[Token]) -> bool:
        """Whether the words after a listed place open a participle's clause after a comma: ", linking" in
        "captured Ghazni on Thursday, linking Kabul"."""
        return any(
            comma.text == ","
            and word.text[:1].islower()
            and word.lower not in self.lexicon.not_participles
            and any(word.lower.endswith(e) and len(word.lower) > len(e) + 2 for e in self.lexicon.participle_endings)
            for comma, word in itertools.pairwise(between)
        )

    def _listed_next(self, between: str) -> bool:
        """Whether the text between two places only joins them in a list: ", ", " and "."""
        return all(t.text == "," or t.lower in self.lexicon.list_words for t in tokenize(between))

    def _clause_words(self, between: list[Token]) -> int:
        """How many words between two places are neither names, numbers nor words that join a list."""
        return sum(1 for t in between if t.text[:1].isalpha() and not t.text[:1].isupper() and t.lower not in self.list_joiners)

    def _locates_a_part(self, tokens: list[Token], at: int, last: int, firsts: list[int], lasts: list[int]) -> bool:
        """Whether a place told with a locative ("in der Großstadt Kundus") is followed, before the next wording,
        by a part of it: then the part changed hands there, not the place."""
        lexicon = self.lexicon
        window = tokens[_window_start(tokens, at, 4) : at]
        if not any(t.lower in lexicon.locative for t in window):
            return False
        following = bisect.bisect_right(firsts, last)
        end = firsts[following] if following < len(firsts) else len(tokens)
        if following < len(firsts) and self.lexicon.verb_final:
            # ... or inside a wording split around its object: "In der Provinz Kundus nahmen die Taliban den Flughafen ein".
            end = max(end, lasts[following])
        return end - last <= 12 and any(t.lower in lexicon.part_words for t in tokens[last + 1 : end])

    def _object_is_part(self, tokens: list[Token], hit: CueHit) -> bool:
        """Whether the words right after a wording name a part of a place as its object: "seized the parliament"."""
        lexicon = self.lexicon
        for token in tokens[hit.last + 1 : hit.last + 7]:  # "seized one of the last bases"
            if token.lower in lexicon.part_words:
                return True
            if not (token.lower in lexicon.determiners or (token.text[:1].islower() and token.text.isalpha())):
                return False  # a name, a number or punctuation ends the object's first words
        return False

    def _possessive(self, token: Token) -> bool:
        """Whether a name is written as a possessive ("Jalalabad's")."""
        return token.lower.endswith(self.lexicon.endings) and token.lower not in self.lexicon.endings

    @staticmethod
    def _apposition(tokens: list[Token], last: int, before: int) -> int:
        """The length of a short apposition between commas right after a place's last word and before
        a wording ("Kabul, the capital, fell": 4), or 0."""
        if last + 1 >= before or tokens[last + 1].text != ",":
            return 0
        for k in range(last + 2, min(before, last + 9)):
            if tokens[k].text == ",":
                return k - last
            if not tokens[k].text[0].isalnum():
                return 0
        return 0

    def _keep_nearest_list(self, tokens: list[Token], hit: CueHit, index_of) -> None:
        """A wording whose place comes before it takes the list right before it,
        not every name further back: "Latchine suivra, comme celui d'Aghdam rendu le 20 novembre"."""
        before = sorted((p for p in hit.places if index_of(p.start) < hit.first), key=lambda p: -p.start)
        if len(before) < 2:
            return
        kept = [before[0]]
        nearest = index_of(before[0].start)
        gap = tokens[index_of(before[0].end - 1) + 1 : hit.first]
        relative = next((k for k, t in enumerate(gap) if t.lower in self.lexicon.relative_words), None)
        if (
            relative is not None
            and nearest > 0
            and tokens[nearest - 1].text == ","
            and not (relative + 1 < len(gap) and gap[relative + 1].lower in self.lexicon.quantity_words)
        ):
            # A relative clause's wording takes its antecedent alone where an apposition names it: "Kunduz, Herat
            # and the second city, Kandahar, which fell on Thursday" (not "Kunduz, Herat and Kandahar, which all fell").
            hit.places = [p for p in hit.places if index_of(p.start) > hit.first or p is before[0]]
            return
        # "den Bezirk Kalbajar und vor dem 1. Dezember den Bezirk Lachin": list words, level words, and the
        # words of a deadline with their articles.
        joining = self.list_joiners
        dated = {index_of(at) for date in hit.dates for at in range(date.start, date.end)}
        for place in before[1:]:
            first, last = index_of(place.end - 1) + 1, index_of(kept[-1].start)
            # A list may pair each place with another name or its date:
            # "Maimana of Faryab, Asadabad of Kunar", "Aghdam am 20. November und Latschin bis zum 1. Dezember".
            gap = tokens[first:last]
            described = (
                len(gap) >= 2
                and gap[0].text != ","
                and gap[0].lower in self.lexicon.list_words
                and gap[1].lower in self.lexicon.determiners
                and not any(t.lower in self.list_stops or t.lower in self.lexicon.speech_words or t.text[:1].isdigit() for t in gap)
                and self._clause_words(gap) <= LIST_DESCRIPTION_WORDS
            )
            # ... or describe the next place in a few words after a list word and an article: "die Stadt Herat sowie
            # das strategisch wichtige Ghasni eingenommen" (not "attacked Kunduz and the government said Herat fell").
            if not described and not all(k in dated or t.lower in joining or t.text[:1].isupper() for k, t in enumerate(gap, first)):
                break
            kept.append(place)
        hit.places = [p for p in hit.places if index_of(p.start) > hit.first or p in kept]

    def _parties(self, tokens: list[Token], hit: CueHit, named: list[PartyMention]) -> tuple[str, str]:
        """Who gives and who takes, where the sentence says: "handed over to Azerbaijan",
        "Azerbaijani troops entered", "Kunduz fell to the Taliban", "withdrew from ... to Armenia"."""
        lexicon = self.lexicon
        # A wording may hold its own auxiliary ("was taken"); a reflexive verb's makes no passive ("les talibans se sont emparés de").
        passive = (hit.passive or hit.cue.text.split()[0] in lexicon.passive) and not (hit.first > 1 and tokens[hit.first - 2].lower in lexicon.reflexive)
        # "wurde die Stadt am 20. Oktober von der Besatzung befreit": the auxiliary opens the clause (for who did it only).
        passive = passive or (bool(lexicon.clause_passive) and self._clause_passive(tokens, hit.first))
        giver = taker = after_verb = ""
        for party in named:
            gap = tokens[hit.last + 1 : party.first]
            if party.first > hit.last and len(gap) <= 8:
                if hit.cue.text.split()[-1] in ("to", "under", "an", "à", "под", "к") and len(gap) <= 1:
                    taker = taker or party.name  # "fell to the Taliban", "came under Azerbaijani control"
                elif self._marked(tokens, party.first, lexicon.to_party, hit.first):
                    taker = taker or party.name  # "fell into the hands of the Taliban", "to the swiftly advancing Taliban"
                elif (
                    passive
                    and not hit.cue.freeing
                    and (self._marked(tokens, party.first, lexicon.agent_party, hit.last + 1) or (lexicon.agent_by_case and not gap))
                ):
                    # "Zaranj was captured by the Taliban", "захвачен талибами"; the agent of giving gives: "handed over
                    # by Portugal" (not a case ending, which may be the taker's: "передан Китаю").
                    by_giver = hit.cue.subject == "giver" and bool(gap)
                    giver, taker = (giver or party.name, taker) if by_giver else (giver, taker or party.name)
                elif self._marked(tokens, party.first, lexicon.from_party, hit.last + 1):
                    giver = giver or party.name
                elif lexicon.subject_after_verb and not passive and self._modifiers_only(gap):
                    after_verb = after_verb or party.name  # the subject after its verb: "Am Montag eroberten die Taliban die Stadt"
            elif party.last < hit.first and hit.first - party.last <= 10:
                # Before the wording, only where a preposition says the side: "the handover of the region to Azerbaijan has been delayed".
                if _phrase_just_before(tokens, party.first, lexicon.to_party, slack=1):
                    taker = taker or party.name
                elif passive and not hit.cue.freeing and self._marked(tokens, party.first, lexicon.agent_party, 0):
                    # "von den radikalislamischen Taliban erobert worden"; "von Portugal an China übergeben".
                    by_giver = hit.cue.subject == "giver"
                    giver, taker = (giver or party.name, taker) if by_giver else (giver, taker or party.name)
                elif _phrase_just_before(tokens, party.first, lexicon.from_party, slack=1):
                    giver = giver or party.name
            elif (
                hit.first < party.first < hit.last
                and self._only_time_between(tokens[party.last + 1 : hit.last])
                and _phrase_just_before(tokens, party.first, lexicon.to_party)
            ):
                # Inside the wording, after its preposition and before its last word, with at most its day between: "под
                # контроль талибов в пятницу перешел Кандагар", "gibt Macao an China zurück" (not "drove forces loyal to Armenia out of Lachin").
                taker = taker or party.name
            elif party.first > hit.first and lexicon.subject_after_verb and not passive and self._modifiers_only(tokens[hit.first + 1 : party.first]):
                after_verb = after_verb or party.name  # inside a verb in two parts, right after its first: "nahmen die Islamisten auch Herat ein"
        # A verb-final clause holds its whole object between the subject and the participle: "Die Taliban haben ... eingenommen".
        reach = 20 if lexicon.verb_final else 10
        # (An aside in brackets does not count: "The Taliban movement (banned in Russia, a terrorist organisation) seized Asadabad".)
        subjects = [p.name for p in named if p.last < hit.first and _words_between(tokens, p.last, hit.first) <= reach and not passive]
        subject = after_verb or (subjects[-1] if subjects else "")
        if not (subject or giver or taker or passive):
            subject = self._pronoun_party(tokens, hit, named)  # "they seized Aybak"
        if subject:
            if hit.cue.subject == "taker" and not taker:
                taker = subject
            elif hit.cue.subject == "giver" and not giver:
                giver = subject
        return (giver, taker) if giver != taker else ("", taker)

    def _only_time_between(self, between: list[Token]) -> bool:
        """Whether ``between`` holds at most a day and an adverb: "в пятницу", "am Mittwoch", "25 ноября", "также"."""
        lexicon = self.lexicon
        days = lexicon.dates.weekdays.keys() | lexicon.dates.months.keys()
        return len(between) <= 3 and all(
            len(t.text) <= 2
            or t.text.isdigit()
            or t.lower in days
            or t.lower in lexicon.also_words
            or t.lower in lexicon.now_words
            or t.lower in lexicon.wording_adverbs
            for t in between
        )

    def _pronoun_party(self, tokens: list[Token], hit: CueHit, named: list[PartyMention]) -> str:
        """The party a pronoun subject (up to three words before the wording, or right after it where the
        subject may follow its verb) stands for: the one the
        sentence names before it ("the Taliban said they had seized Herat"), else the side last told doing
        the same ("The Taliban took Kunduz on Sunday. On Monday they seized Aybak."), else none."""
        at = next((k for k in range(hit.first - 1, max(-1, hit.first - 4), -1) if tokens[k].lower in self.lexicon.pronouns), None)
        if at is None and self.lexicon.subject_after_verb and hit.last + 1 < len(tokens) and tokens[hit.last + 1].lower in self.lexicon.pronouns:
            at = hit.last + 1  # right after its verb: "In der Nacht eroberten sie Kandahar"
        if at is None or hit.cue.subject not in self.last_sides:
            return ""
        before = [p.name for p in named if p.last < at]
        return before[-1] if before else "" if named else self.last_sides[hit.cue.subject]

    @staticmethod
    def _modifiers_only(between: list[Token]) -> bool:
        """Whether the words between hold only an article and describing words ("the rapidly advancing"), at most three."""
        return len(between) <= 3 and all(t.text[:1].islower() or t.text in _QUOTES for t in between)

    def _marked(self, tokens: list[Token], at: int, phrases: tuple[tuple[str, ...], ...], floor: int) -> bool:
        """Whether one of ``phrases``, starting at ``floor`` or after, ends right before the
        token at ``at`` or before describing words there: "to the swiftly advancing Taliban"."""
        for skipped in range(4):
            end = at - skipped
            if skipped and (end < floor or not self._modifiers_only([tokens[end]])):
                return False
            if any(end - len(p) >= floor and tuple(t.lower for t in tokens[end - len(p) : end]) == p for p in phrases):
                return True
        return False

    def _part_of(self, tokens: list[Token], at: int, places: list[Place], index_of) -> bool:
        """Whether the place at ``at`` is named as holding the parts that changed hands:
        "villages of Fuzuli", "18 villages of Fuzuli, Jabrayil, and Khojavend provinces"."""
        lexicon = self.lexicon
        named = {k for p in places for k in range(index_of(p.start), index_of(p.end - 1) + 1)}
        if self._counted_units(tokens, at, {index_of(p.start) for p in places}, named):
            return True
        # "Shulgara district in Balkh province", "the Dihrawud district in the southern Uruzgan province": a unit of
        # a lower level, named, that lies in the place.
        k = at - 1
        while k > at - 3 and k > 0 and tokens[k].text.isalpha() and tokens[k].text.islower() and tokens[k].lower not in lexicon.locative:
            k -= 1  # "the southern"
        if k >= 2 and tokens[k].lower in lexicon.locative and self._names_another_unit(tokens, k - 1, named):
            return True
        k = at - 1
        # "villages in Zangilan, Jabrayil and Fuzuli districts": names (matched or not), list and level words back to the parts.
        while k > 0 and (
            tokens[k].lower in lexicon.list_words
            or tokens[k].lower in lexicon.level_words
            or tokens[k].lower in lexicon.locative
            or k in named
            or tokens[k].text[:1].isupper()
        ):
            k -= 1
        if k >= 0 and tokens[k].lower in lexicon.part_words:
            return True
        # "took control of Kandahar's Panjwai area": a part the place holds, named after it (not a level
        # word naming the place itself: "the Abyei area").
        end = max([index_of(p.end - 1) for p in places if index_of(p.start) == at], default=at)
        after = tokens[end + 1].lower if end + 1 < len(tokens) else ""
        if after in lexicon.part_words and after not in lexicon.level_words:
            return True  # "the army's headquarters at Kunduz airport fell": the airport, not Kunduz
        if self._possessive(tokens[end]):
            first = end + 1  # "Kandahar's" is one token
        elif end + 1 < len(tokens) and tokens[end + 1].lower in lexicon.endings:
            first = end + 2
        else:
            return False
        if first < len(tokens) and any(tokens[first].lower.endswith(w) and tokens[first].lower != w for w in lexicon.level_words):
            return True  # "Kabuls Nachbarprovinz Wardak": a place next to it
        k = first
        while k < len(tokens) and k - first < 3 and tokens[k].text[:1].isupper() and k not in named:
            k += 1
        return first < k < len(tokens) and (tokens[k].lower in lexicon.part_words or tokens[k].lower in lexicon.level_words)

    def _names_another_unit(self, tokens: list[Token], level: int, named: set[int]) -> bool:
        """Whether the word at ``level`` is a level word (not a town's) after a name that no feature
        matched: "Shulgara district", a unit the map does not hold."""
        lexicon = self.lexicon
        word = tokens[level]
        return (
            word.lower in lexicon.level_words
            and word.lower not in lexicon.town_words
            and level > 0
            and level - 1 not in named
            and _NAME.fullmatch(tokens[level - 1].text) is not None
            and tokens[level - 1].lower not in lexicon.stopwords
        )

    def _undated_past(self, tokens: list[Token], date_starts: set[int]) -> bool:
        """Whether the sentence tells a change done at an unstated time ("have already retaken Fuzuli", "earlier");
        not "Earlier on Thursday", "Ранее в четверг", where a day follows the word."""
        index = _by_first_word(self.lexicon.undated_past)
        for k, token in enumerate(tokens):
            for phrase in index.get(token.lower, ()):
                after = k + len(phrase)
                if (
                    after <= len(tokens)
                    and all(tokens[k + n].lower == word for n, word in enumerate(phrase))
                    and not date_starts & {after, after + 1}
                    and not self._ends_same_day(tokens, k)
                ):
                    return True
        return False

    def _ends_same_day(self, tokens: list[Token], at: int) -> bool:
        """Whether the word at ``at`` closes a phrase of the same day: "hours earlier", "Stunden zuvor";
        not one that counts half a day or more ("Weniger als 24 Stunden zuvor" may be the day before)."""
        index = _by_first_word(self.lexicon.same_day)
        return any(
            at - len(phrase) < start
            and all(start + n < len(tokens) and tokens[start + n].lower == word for n, word in enumerate(phrase))
            and not (start > 0 and tokens[start - 1].text.isdigit() and int(tokens[start - 1].text) >= 12)
            for start in range(max(0, at - 3), at)
            for phrase in index.get(tokens[start].lower, ())
        )

    def _counted_units(self, tokens: list[Token], at: int, starts: set[int], named: set[int]) -> bool:
        """Whether the place at ``at`` holds a count of units of a lower level that changed hands:
        "nine out of 10 districts of Helmand", "all six districts in Badghis", "one of the districts of";
        not "the three districts of Aghdam, Kalbajar and Lachin", which names them all."""
        lexicon = self.lexicon
        level = at - 2
        if level < 1 or tokens[at - 1].lower not in lexicon.holder_words or tokens[level].lower not in lexicon.level_words:
            return False
        counts: list[int] = []
        some = False  # "all", "most", or a count of a count: "one of the", "nine out of 10"
        k = level - 1
        while k >= 0 and level - k <= 5:
            word = tokens[k].lower
            number = int(word) if word.isdecimal() else lexicon.dates.numbers.get(word) if word != "a" else None
            if number is not None:
                some = some or bool(counts) or tokens[k + 1].lower in lexicon.holder_words
                counts.append(number)
            elif word in lexicon.quantity_words:
                some = True
            elif not (word in lexicon.determiners or word in lexicon.holder_words or word in lexicon.list_words):
                break
            k -= 1
        if some:
            return True
        if not counts:
            return False
        listed = sum(1 for k in range(at, self._list_end(tokens, at, named)) if k in starts)
        return listed != counts[0]

    def _held_on(self, tokens: list[Token], at: int, named: set[int]) -> bool:
        """Whether the place at ``at`` opens a list that a state that held on follows: "Kabul, Jalalabad and
        Mazar Sharif remained in government hands"."""
        end = self._list_end(tokens, at, named)
        return end < len(tokens) and tokens[end].lower in self.lexicon.remain_words

    def _list_end(self, tokens: list[Token], at: int, named: set[int]) -> int:
        """Where a list of places opened at ``at`` ends: past its names, commas, list and level words."""
        lexicon = self.lexicon
        k = at
        while k < len(tokens) and (k in named or tokens[k].text == "," or tokens[k].lower in lexicon.list_words or tokens[k].lower in lexicon.level_words):
            k += 1
        return k

    def _names_its_location(self, tokens: list[Token], at: int) -> bool:
        """Whether the place at ``at`` only locates another named place before it ("Wesh in Kandahar")."""
        # "поселка Гадрут Ходжавендского района": a part named, then its district in the genitive.
        if at >= 2 and tokens[at - 2].lower in self.lexicon.part_words and self._unknown_name(tokens[at - 1]):
            return True
        # "Wesh in Kandahar", "Yenikand (in Zangilan)"
        named = at - 3 if at >= 3 and tokens[at - 2].text == "(" else at - 2
        # (Not a weekday: "its first capital Friday in Nimroz".)
        return named >= 0 and tokens[at - 1].lower in self.lexicon.locative and self._unknown_name(tokens[named])

    def _destination_inside(self, tokens: list[Token], at: int, hits: list[CueHit]) -> bool:
        """Whether the place at ``at`` is where a verb in two parts goes, inside it, after a noun (capitalised where
        nouns are) that is no part of a place: "rückte die Armee in Agdam ein"; but "nahmen den Flughafen in Kandahar
        ein" took the airport."""
        noun = at - 2
        return (
            self.lexicon.capitalised_nouns
            and noun >= 1
            and tokens[noun - 1].lower in self.lexicon.determiners
            and tokens[noun].lower not in self.lexicon.part_words
            and any(hit.first < at < hit.last for hit in hits)
        )

    def _unknown_name(self, token: Token) -> bool:
        """Whether a capitalised word is a name the map does not hold (nor a function word or a date's)."""
        return (
            token.text[:1].isupper()
            and token.lower not in self.lexicon.stopwords
            and token.lower not in self.lexicon.dates.weekdays
            and token.lower not in self.lexicon.dates.months
            and not self.finder.find(token.text)
        )

    def _landmark(self, tokens: list[Token], at: int, place_starts: set[int]) -> bool:
        """Whether the place at ``at`` only locates another: "about 130km (80 miles) southwest of the
        national capital, Kabul", "north of Kabul"; the first place after a distance is its landmark."""
        units = self.lexicon.distance_units
        for k in range(max(0, at - 8), at):
            word = tokens[k].lower
            if (word in units or word.lstrip("0123456789.,") in units) and not place_starts & set(range(k + 1, at)):
                # ... unless a list goes on between them: "Taloqan, 50 km à l'est, et Sar-e-Pul".
                return not any(t.lower in self.lexicon.clause_openers for t in tokens[k + 1 : at])
        # "north of Kabul", "north of the Kabul": a direction ending one or two words before the place.
        return _phrase_just_before(tokens, at, self.lexicon.directions, slack=1)

    def _left_by_final_verb(self, tokens: list[Token], at: int, hits: list[CueHit]) -> bool:
        """Whether the place at ``at`` is what a clause-final verb of giving up leaves:
        "sich aus Kalbadschar zurückgezogen", "die Truppen aus Kalbadschar abzuziehen"."""
        following = next((h for h in hits if h.first > at), None)
        return following is not None and following.first - at <= 2 and following.cue.subject == "giver" and self._ends_clause(tokens, following)

    def _is_party(self, tokens: list[Token], at: int) -> bool:
        """A place right after "to" or "from": who takes or gives, not what changes hands."""
        return _phrase_just_before(tokens, at, self.lexicon.to_party) or _phrase_just_before(tokens, at, self.lexicon.from_party)

    def _events(self, tokens: list[Token], hit: CueHit, index_of, sentence: tuple[int, int]):
        if hit.kind == "postponed":
            yield from self._postponed(tokens, hit, index_of, sentence)
            return
        dated = [d for d in hit.dates if d.date is not None]
        # "..., a day after the group took Herat, police said on Friday": the clause's own day, and only for it.
        clause = [d for d in dated if d.form == "day-before" and index_of(d.start) < hit.first]
        dated = clause or [d for d in dated if d.form != "day-before"]
        # "return Aghdam, Kalbajar and Lachin starting on 20 November, with a deadline of 1 December":
        # the window's opening is not the day the change is due by.
        closing = [d for d in dated if not _phrase_just_before(tokens, index_of(d.start), self.lexicon.window_starts)]
        if closing and len(closing) < len(dated):
            dated = closing
        if not dated:
            return
        published = self.dates.published
        told_ahead = any(d.form == "relative" and d.text.lower() in self.lexicon.dates.midnight for d in dated) and _has_phrase(
            tokens, 0, len(tokens), self.lexicon.future
        )
        if len({next(iter(p.features)) for p in hit.places}) == 1 and len(dated) > 1:
            # "Launching an operation on March 27, the troops occupied Kalbajar on April 2": the day right after the place.
            last = index_of(max(p.end for p in hit.places) - 1)
            # (Not a place the wording only points back to, with a day of its own after the wording:
            # "launched a counteroffensive in Kunduz on Monday, ... who overran the city the day before".)
            pointed_back = last < hit.first and any(t.lower in self.list_stops for t in tokens[last + 1 : hit.first])
            own = [d for d in dated if index_of(d.start) > hit.last] if pointed_back else []
            dated = own[:1] or [d for d in dated if 0 < index_of(d.start) - last <= 2][:1] or dated
            # "..., der am Sonntag an Aserbaidschan übergeben werden muss, standen Samstag früh Häuser in Flammen":
            # the day in the wording's own clause, not one across a comma.
            dated = [d for d in dated if not self._comma_between(tokens, index_of(d.start), hit)] or dated
        for place, date in _pair(hit.places, dated):
            (feature,) = place.features
            assert date.date is not None  # only dated mentions are paired
            day = date.date
            if (
                hit.kind == "completed"
                and date.form == "relative"
                and date.text.lower() in self.lexicon.dates.midnight
                and published is not None
                and not told_ahead
            ):
                day = published  # "ging um Mitternacht an China zurück": the midnight that began the report's day
            elif (
                hit.kind == "completed"
                and date.form == "weekday"
                and published is not None
                and day > published
                and day.toordinal() > 7
                and not any(character.isdigit() for character in date.text)  # "Sunday, November 15" is that day
            ):
                # A weekday read forward because the sentence also tells a plan, on a change told as done:
                # "Am Freitag war Aghdam übergegangen, am 1. Dezember soll Latschin folgen."
                day -= dt.timedelta(days=7)
            elif (
                hit.kind == "completed"
                and date.form in ("day-month", "month-day")
                and published is not None
                and day > published
                and not _YEAR_DIGITS.search(date.text)
                and self._told_as_done(tokens, hit)
                and (year_before := _years_before(day, 1)) is not None
                and year_before <= published
            ):
                # A day without its year, nearer ahead than back, on a change told in the past tense: the one
                # before the report ("On April 2 Argentine troops occupied the islands", written on 19 March).
                day = year_before
            # A change dated after the report was written can only have been expected:
            # "the return of Aghdam by 20 November", read on the 16th; and one due "by" the report's own day too.
            due_today = (
                day == published
                and _phrase_just_before(tokens, index_of(date.start), self.lexicon.deadline_words)  # "by 15 November"
                and not self._as_of(tokens, index_of(date.start))
            )
            kind = "scheduled" if hit.kind == "completed" and published is not None and (day > published or due_today) else hit.kind
            if hit.unmet and published is not None and day <= published:
                kind = "postponed"  # "should have been handed over on 15 November", told after that day
            if kind == "scheduled":
                self.announced[feature] = day
            yield Found(place, feature, kind, day, sentence)

    @staticmethod
    def _comma_between(tokens: list[Token], at: int, hit: CueHit) -> bool:
        """Whether a comma stands between the token at ``at`` and the wording."""
        first, last = (at, hit.first) if at < hit.first else (hit.last, at)
        return any(t.text == "," for t in tokens[first:last])

    def _as_of(self, tokens: list[Token], at: int) -> bool:
        """Whether a "by" day opening the sentence tells how things stood, not a deadline: "By Friday
        afternoon, only Kabul remained in government hands" (told in the past, with no plan in it)."""
        lexicon = self.lexicon
        return (
            at == 1
            and any(t.lower in lexicon.past_markers or self._past_form(t.lower) for t in tokens)
            and not _has_phrase(tokens, 0, len(tokens), lexicon.future)
        )

    def _shift(self, sentence_text: str) -> tuple[int, str] | None:
        """How many days a postponement moves the date ("by ten days", "ten more days"), and the words."""
        for pattern in self.lexicon.shifts:
            shift = pattern.search(sentence_text)
            if shift:
                count = shift["n"]
                number = int(count) if count.isdecimal() else self.lexicon.dates.numbers[count.lower()]
                return number * self.lexicon.dates.day_units[shift["unit"].lower()], shift.group(0)
        return None

    def _sentence_shift(self, tokens: list[Token], sentence: tuple[int, int]) -> tuple[int, str] | None:
        """The shift of :meth:`_shift`, read once per sentence: a sentence of many postponements stays linear."""
        if self.shift_read is None or self.shift_read[0] != sentence:
            self.shift_read = (sentence, self._shift(" ".join(t.text for t in tokens)))
        return self.shift_read[1]

    def _shifted(self, day: dt.date, shift: tuple[int, str], sign: int = 1) -> dt.date | None:
        """``day`` moved by ``shift`` (back with ``sign`` -1); a shift past the calendar is reported."""
        try:
            return day + sign * dt.timedelta(days=shift[0])
        except (OverflowError, ValueError):
            self.unusable.append(DateMention(0, 0, shift[1], None, "shift", "moves the date outside the calendar"))
            return None

    def dates_put_off(self, scheduled: dict[str, list[dt.date]], postponed: set[str]) -> list[Found]:
        """Postponements told with their new date only ("postponed until 25 November"),
        once the whole report is read: the date put off is the latest date the report
        gives the same place's handover before the new one ("... was due on 15 November")."""
        found = []
        for place, feature, new, sentence in self.unresolved:
            earlier = [day for day in scheduled.get(feature, []) if day < new]
            # Else, for a place with no date put off yet, the shift the report told ("Armenia asked
            # for ten more days"), counted back.
            shifted = self._shifted(new, self.last_shift, -1) if self.last_shift and feature not in postponed else None
            before = max(earlier) if earlier else shifted
            if before is not None:
                found.append(Found(place, feature, "postponed", before, sentence))
        told_new_date = {feature for _, feature, _, _ in self.unresolved}  # "delayed until 25 November": resolved above
        for place, feature, shift, sentence in self.shifted_unresolved:
            due = sorted(scheduled.get(feature, []))
            if feature in postponed or feature in told_new_date or not due:
                continue
            # The date put off is the one whose shifted date the report also gives; else the one date it gives,
            # which is the new date if it lies after the report's day ("ten more days ... until 25 November",
            # read on the 15th), the date put off if not.
            moved = [(day, later) for day in due if (later := self._shifted(day, shift)) is not None]
            pair: tuple[dt.date | None, dt.date | None] | None = next(((d, s) for d, s in moved if s in due), None)
            published = self.dates.published
            if pair is None and published is not None and due[0] > published:
                pair = (self._shifted(due[0], shift, -1), due[0])
            day, later = pair or (moved[0] if moved else (None, None))
            if day is not None and later is not None:
                found += [Found(place, feature, "postponed", day, sentence), Found(place, feature, "scheduled", later, sentence)]
        return found

    def _postponed(self, tokens: list[Token], hit: CueHit, index_of, sentence: tuple[int, int]):
        old = new = None
        marked = False  # whether the new date is marked as such ("until 25 November")
        two_days = len({d.date for d in hit.dates if d.date is not None}) > 1
        for date in hit.dates:
            if date.date is None:
                continue
            at = index_of(date.start)
            if self._said_on(tokens, at) or date.start in self.done_on:
                continue  # "..., the adviser said on Sunday", "Baku agreed on Sunday to extend the deadline": the day it was said or done
            lead = {t.lower for t in tokens[max(0, at - 3) : at]}
            # Of two days, a plan's day before the wording is the day put off, whatever its preposition: "намеченная на
            # 15 ноября, перенесена на 25 ноября" (the plan word before the preposition: "until" is a plan word too).
            preposition = next((k for k in range(max(0, at - 2), at) if tokens[k].lower in self.lexicon.new_date_words), at)
            planned = two_days and at < hit.first and _has_phrase(tokens, preposition - 2, preposition, self.lexicon.future)
            if not planned and preposition < at:
                new, marked = date, True
            elif lead & self.lexicon.old_date_words or _has_phrase(tokens, at - 3, at, self.lexicon.future) or at < hit.first:
                old = date
            else:
                new = date
        shift = self._sentence_shift(tokens, sentence)
        if shift is not None:
            self.last_shift = shift
        for place in hit.places:
            (feature,) = place.features
            if old is None and new is None and feature in self.postponed:
                continue  # the same postponement told again
            before = old.date if old else self.announced.get(feature)
            if old is None and before in self.sentence_days:
                before = None  # announced by this sentence's own plan wording: its new date ("die Frist für den Abzug ... bis zum 25. November verlängert")
            if new is not None and before == new.date:
                before = None  # the new date, announced by the same sentence, is not the date put off
            if before is None and marked and new is not None and new.date is not None and shift is not None:
                before = self._shifted(new.date, shift, -1)  # "ten more days, until 25 November"
            if before is None and new is None:
                if shift is not None:
                    self.shifted_unresolved.append((place, feature, shift, sentence))
                continue
            self.postponed.add(feature)
            if before is not None:
                yield Found(place, feature, "postponed", before, sentence)
            elif new is not None and new.date is not None and marked:
                # The date put off may be told later in the report: see :meth:`dates_put_off`.
                self.unresolved.append((place, feature, new.date, sentence))
            later = new.date if new else None
            if later is None and before is not None and shift is not None:
                later = self._shifted(before, shift)
            if later is not None:
                self.announced[feature] = later
                yield Found(place, feature, "scheduled", later, sentence)


_STAMP = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/](?P<month>[01]?\d)[-/](?P<day>[0-3]?\d)(?:[T ]\d\d:\d\d|\b)")
_DATELINE = re.compile(r"^[^\W\d_][^\W\d_ .'/-]*(?:[ /-][^\W\d_][^\W\d_.'-]*){0,3}(?: \([^)]{1,30}\)| \[[^\]]{1,30}\])?[,.]\s")
#: After a place opening a paragraph, a date ending in a colon: "Kunduz, August 8: ...".
_ENTRY_HEADING = re.compile(r",\s+[^:.;\n]{1,30}:\s")
#: A dateline in capitals, whose date is the report's, not an event's: "KYIV, 11 November 2022 —"; also one
#: whose bracket holds the agency and the date, with no comma after it: "MOSCOW (Agency / Sputnik - 16th August, 2021) ...".
_CAPITAL_DATELINE = re.compile(r"^[^\W\d_a-zа-я][^\W\d_a-zа-я .'/-]{1,40}(?:, [^\W\d_][^\W\d_ ]{1,30})?(?: \([^)]{1,60}\)\s|(?: \([^)]{1,30}\))?,\s)")
#: The dash that ends a dateline, before the story's first word: "BAKU, Nov 25 (Agency) - Troops ...".
_DATELINE_DASH = re.compile(r"\s[-–—]{1,2}\s+(?=[^\W\d_])")
#: How long a dateline may be (a place, a date and an agency).
_DATELINE_LENGTH = 80


def _story_start(sentence: str, lexicon: Lexicon) -> int:
    """Where a lede's story begins after its dateline ("BAKU, Nov 25 (Agency) - ", "KABUL, Afghanistan — ",
    "Москва, 25 ноября - "), or 0. A dateline is names, a date's words and an agency before a dash, with a comma
    or bracket and a date, an agency or a place in capitals; not "Aghdam, Kalbajar, Lachin – three districts"
    nor "Kalbajar – a mountainous district –"."""
    dash = _DATELINE_DASH.search(sentence, 0, _DATELINE_LENGTH)
    if dash is None:
        return 0
    words = sentence[: dash.start()].replace("(", " ( ").replace(")", " ) ").split()
    date_words = lexicon.dates.months.keys() | lexicon.dates.weekdays.keys()
    # (Not a sentence opening with a function word, "On 20 November, Aghdam - ...", unless in capitals: "THE HAGUE, ...".)
    if not words or (words[0].lower() in lexicon.stopwords and not words[0].isupper()):
        return 0
    if any(w[:1].islower() and w.strip(".,").lower() not in date_words for w in words):
        return 0
    # A place in capitals or a date marks a dateline; a bracket alone ("Aghdam (AP) - ") only where no dash
    # closes it as an aside: "Lachin (Berdzor) - the town on the corridor - was handed over".
    strong = any(w[:1].isdigit() for w in words) or (len(words[0].strip(",")) > 1 and words[0].strip(",").isupper())
    aside = _DATELINE_DASH.search(sentence, dash.end(), dash.end() + _DATELINE_LENGTH) is not None
    marked = strong or ("(" in words and not aside)
    return dash.end() if marked and ("," in sentence[: dash.start()] or "(" in words) else 0


#: How many of a report's first lines are read for a byline or dateline date.
_HEAD_LINES = 10
#: How far after a publication word its date may start ("Published: Monday, 20 December 1999").
_PUBLICATION_GAP = 16
#: A saved page's menus may push its date line further down: the lines before its body are read too, up to this many.
_HEAD_LIMIT = 60
#: What follows a date that stamps the page: a clock time ("13 августа, 2021, 08:54", "11.08.2021 13:33",
#: "12th August 2021 1:25 pm", "14/03/2021 à 08h12", "3. Juni 2011 / 09:15 Uhr", "07.04.2018, 09.15 Uhr")
#: or the bar before a byline ("September 12, 2005|By ...").
_STAMP_AFTER = re.compile(r"[,\s]{1,3}(?:[/–-]\s*|(?:à|a|um|в|at)\s+)?\d{1,2}(?::\d\d|h\d\d|\.\d\d(?=\s*Uhr))(?!\d)|\s?\|")
#: A letter run into a number, or a year run into a word, where a page's parts were joined without a
#: space ("Jerusalem3. Mai 2012", "May 4, 2012The"): read as two words.
_RUN_TOGETHER = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d{4})(?=[^\W\d_])")
#: A bracket of names and a dash right after a date: "May 28, 2012 (KHARTOUM) – ", "June 30, 2022 (EIRNS)—".
_CREDIT_AFTER = re.compile(r"\s*\((?P<names>[^()]{1,30})\)\s*[–—-]")
#: A clock time right before a date, maybe with its weekday between: "12:40 14.09.2005", "4:40AM Monday, Sep 12, 2005".
_CLOCK_BEFORE = re.compile(r"(?<![\d:])\d{1,2}:\d\d(?:\s*[AaPp][Mm])?\s+(?:[^\W\d_]+,\s+)?\Z")
#: How far into a line a bracket may open that dates the report: "KABUL (Agency - 15th August, 2021)", "(16 Nov 2020) ...".
_DATELINE_BRACKET = 40


_YEAR_DIGITS = re.compile(r"\d{4}")


#: A year and the word right before it: "June 1967", "in 2014".
_YEAR_AFTER_WORD = re.compile(r"(\S+)\s+(1[5-9]\d\d|20\d\d)(?![\w/-]|[.,]\d)")


def _years_told(sentence: str, dates: list[DateMention], lexicon: Lexicon) -> dict[int, int]:
    """The years a sentence tells as its time, outside its dates of a day, by where each starts: "In June
    1967", "in 2014" (not "the 2006 elections"). One pass over the years, a binary search in the dates for each."""
    years: dict[int, int] = {}
    starts = [d.start for d in dates]
    for match in _YEAR_AFTER_WORD.finditer(sentence):
        k = bisect.bisect_right(starts, match.start(2)) - 1
        if k >= 0 and dates[k].end > match.start(2):
            continue  # the year of a date with its day
        word = match.group(1).lower().strip(",")
        if word in lexicon.dates.months or word in lexicon.year_prepositions:
            years[match.start(2)] = int(match.group(2))
    return years


def _written_in_full(mention: DateMention) -> bool:
    """Whether a date is written with its day, month and year ("25 November 2020", "2020-11-25")."""
    return mention.date is not None and mention.form in DIGIT_DAY_FORMS and bool(_YEAR_DIGITS.search(mention.text))


#: The forms that write a day in digits, and the window whose days no other form may take ("between 11 and 30
#: September 2020"): the forms a full date is found by.
_FULL_FORMS = DIGIT_DAY_FORMS | {"window"}


def _full_dates(article, lexicon: Lexicon) -> list[dt.date]:
    """The dates with a year that the report's body writes (only pieces with four digits in a row can hold one;
    the date forms in words are not looked for: they write no year)."""
    reader = DateReader(lexicon, None)
    return [
        d.date
        for p in article.paragraphs
        if p.body
        for a, b in pieces(p.start, p.end, article.text)
        if _YEAR_DIGITS.search(article.text, a, b)
        for d in reader.find(article.text[a:b], forms=_FULL_FORMS)
        if d.date and _written_in_full(d)
    ]


def _is_date_line(line: str, lexicon: Lexicon) -> bool:
    """A short line of names, numbers and date words ("Last Updated: Monday, 12 September
    2005, 08:46 GMT", "France 24 • 25/11/2020 à 14:31"), not a caption's prose
    ("A soldier in Kandahar on 14 July 2021 - NAME")."""
    words = line.split()
    if len(words) > 12:
        return False
    date_words = lexicon.dates.months.keys() | lexicon.dates.weekdays.keys()
    prose = [w for w in words if w[:1].islower() and w.strip(".,").lower() not in date_words]
    return len(prose) <= 3


def _counts_years(tokens: list[Token], lexicon: Lexicon) -> bool:
    """Whether the words count years since a day: an anniversary ("the first anniversary", "25 years since")."""
    return any(
        _starts_phrase(tokens, k, phrase)
        for k, token in enumerate(tokens)
        if token.lower[:3] in lexicon.anniversary_starts or "" in lexicon.anniversary_starts  # "" : a phrase opening with "*" ("*-летие")
        for phrase in lexicon.anniversary
    )


def find_published(article, lexicon: Lexicon, full_dates: list[dt.date] | None = None) -> tuple[dt.date | None, str]:
    """The publication date as a careful reader finds it in the text, and where.

    In the first lines: a time stamp ("2020/11/20 15:29",
    "2012-05-30T00:56:08"), a line that is only a date ("25. November
    2020"), a dateline ("BAKU, December 1. /TASS/", "KABUL, Aug 8 (AFP)"),
    or a date with its year that a clock time, a byline's bar or an agency's
    bracket marks as the page's ("13 August, 2021, 08:54", "September 12,
    2005|By ...", "KABUL (Agency - 15th August, 2021)");
    a dateline without a year takes the latest year the text writes, unless
    the text counts years since a day (an anniversary's dateline is years later).
    Otherwise none: the latest full date in the body is more often a date of
    history than the report's own day (43 of 61 real reports where it was
    taken as a guess). Dates in captions and furniture are never taken,
    except a stamp or dateline line.
    """
    full_dates = _full_dates(article, lexicon) if full_dates is None else full_dates
    years = [day.year for day in full_dates]
    for paragraph in _head(article.paragraphs):
        stamp = _STAMP.search(paragraph.text[:80])
        if stamp and (not paragraph.body or stamp.start() == 0):
            try:
                return dt.date(int(stamp["year"]), int(stamp["month"]), int(stamp["day"])), "time stamp"
            except ValueError:
                pass
        line = _RUN_TOGETHER.sub(" ", paragraph.text[:120])
        found = DateReader(lexicon, None).find(line[:90])
        full = [d for d in found if _written_in_full(d)]
        if full and _is_date_line(line, lexicon):
            return full[0].date, "date line"
        published = _after_publication_word(paragraph.text[:200], lexicon)
        if published is not None:
            return published, "byline"
        dateline = _DATELINE.match(line)
        if dateline:
            dated = DateReader(lexicon, None)
            dated.last_year = max(years) if years else None
            mention = _dateline_date(line, dateline.end(), dated, ("day-month", "month-day", "iso", "numeric"))
            if mention is not None and mention.date:
                if re.search(r"\d{4}", mention.text):
                    return mention.date, "dateline"
                # An anniversary's dateline ("Baku, 9 October ... the first anniversary ... on 9 October 2020")
                # is years after the latest year its text writes (wrong in 7 of 11 real reports that took it).
                if not _counts_years(tokenize(article.text), lexicon):
                    return mention.date, "dateline, year from the text"
        stamped = _stamped_date(line, full)
        if stamped is not None:
            return stamped
    return None, "unknown"


def _dateline_day(article, lexicon: Lexicon, published: dt.date) -> dt.date | None:
    """The day a dateline gives the story, where it is a day or two before the publication date:
    "JERUSALEM, Dec. 14 -- ... became part of Israel today", printed on the 15th. Its "today" is the 14th."""
    # The lede opens with it: "Напомним, 17 марта ..." further down is no dateline.
    lede = next((p for p in article.paragraphs if p.body), None)
    line = _RUN_TOGETHER.sub(" ", lede.text[:120]) if lede is not None else ""
    dateline = _DATELINE.match(line) or _CAPITAL_DATELINE.match(line)
    # A place's name, every word of it capitalised (not "At midnight, June 30, ...").
    if dateline is None or not all(word[:1].isupper() for word in re.findall(r"[^\W\d_]+", line[: dateline.end()].split("(")[0])):
        return None
    mention = _dateline_date(line, dateline.end(), DateReader(lexicon, published), ("day-month", "month-day"))
    if mention is None or mention.date is None:
        return None
    return mention.date if 1 <= (published - mention.date).days <= 2 else None


def _dateline_date(line: str, after: int, reader: DateReader, forms: tuple[str, ...]) -> DateMention | None:
    """The date of one of ``forms`` that follows a dateline ending at ``after``: "KABUL, Aug 8 (AFP)"."""
    return next((d for d in reader.find(line[after : after + 30]) if d.start < 3 and d.form in forms), None)


def _head(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The lines a reader looks at for the page's date: the first ten, and the page's furniture up to
    where its body begins (two paragraphs of prose in a row), which under a long menu is further down."""
    body_from = next((k for k in range(len(paragraphs) - 1) if paragraphs[k].body and paragraphs[k + 1].body), len(paragraphs))
    furniture = [p for p in paragraphs[_HEAD_LINES : min(body_from, _HEAD_LIMIT)] if not p.body]
    return paragraphs[:_HEAD_LINES] + furniture


def _after_publication_word(line: str, lexicon: Lexicon) -> dt.date | None:
    """The full date right after a word that says the page was published: "Publié le 14/03/2021",
    "Опубликовано: 12 Март 2019", "publiziert: Freitag, 3. Juni 2011"."""
    lowered = line.lower()
    for word in lexicon.publication_words:
        at = lowered.find(word)
        if at < 0:
            continue
        after = at + len(word)
        for mention in DateReader(lexicon, None).find(_RUN_TOGETHER.sub(" ", line[after : after + _PUBLICATION_GAP + 30])):
            if mention.start <= _PUBLICATION_GAP and mention.date and _written_in_full(mention):
                return mention.date
    return None


def _stamped_date(line: str, full: list[DateMention]) -> tuple[dt.date, str] | None:
    """A date with its year that stamps the page inside a longer line: followed by a clock time or a
    byline's bar, or in a bracket opening the line ("KABUL (Agency - 15th August, 2021) The ...")."""
    for mention in full:
        assert mention.date is not None  # only dates with a day are kept in full
        after = _STAMP_AFTER.match(line, mention.end)
        if after:
            return mention.date, "byline" if "|" in after.group() else "time stamp"
        opening = line.find("(", 0, _DATELINE_BRACKET)
        if 0 <= opening < mention.start and line.startswith(")", mention.end) and _names_only(line[opening + 1 : mention.start]):
            return mention.date, "dateline"
        # Opening the line before an agency's or a place's bracket and a dash: "May 28, 2012 (KHARTOUM) – The ..."
        credit = _CREDIT_AFTER.match(line, mention.end)
        if mention.start <= 2 and credit and _names_only(credit["names"]):
            return mention.date, "dateline"
        # After a clock time: "12:40 14.09.2005", "4:40AM Monday, Sep 12, 2005".
        if _CLOCK_BEFORE.search(line, 0, mention.start):
            return mention.date, "time stamp"
    return None


def _names_only(words: str) -> bool:
    """Only names and marks, as an agency's credit writes them ("UrduPoint News / Sputnik -"), not a
    caption's words ("Photo taken on", "Photo:")."""
    return not any(c in words for c in ":()") and not any(word[:1].islower() for word in words.split())


def written_name(mention: str) -> str:
    """A place as the report writes it, without level words: "Kalbajar region" -> "Kalbajar"."""
    kept = [word for word in mention.split() if fold(word) not in settings.ADMIN_SUFFIXES]
    return " ".join(kept) or mention


def _date_heading(line: str, dates: DateReader) -> DateMention | None:
    """The date of a line that is only a date, heading what follows: "Aug. 13:", "– 6 августа –"."""
    if len(line) > 40:
        return None
    found = [m for m in dates.find(line) if m.date is not None]
    if len(found) != 1 or re.sub(r"[\W_]", "", line[: found[0].start] + line[found[0].end :]):
        return None
    return found[0]


def _complete_parties(events: list[Event], named: Counter[str]) -> list[Event]:
    """Fill who gives and who takes from the report's own words elsewhere.

    When the report's events name who gives (most often "Armenia") and who
    takes (most often "Azerbaijan"), an event that names one side of that
    pair, or neither, takes the other side: the report has said who the two
    sides are. Events naming another party keep theirs. When the events name
    only one side, the other is the party the report names most after it,
    if it names that party at least twice and twice as often as any other
    ("the Taliban captured ..." in a report that speaks of "government
    forces" throughout); failing that, events that name no one take the one
    side named, when it is the report's only one ("Kunduz fell" in a report
    whose other changes the Taliban made).
    """
    givers = Counter(e.from_ for e in events if e.from_)
    takers = Counter(e.to for e in events if e.to)
    if not givers and not takers:
        return events
    if not givers or not takers:
        known = (takers or givers).most_common(1)[0][0]
        others = [(count, name) for name, count in named.most_common() if name != known]
        if not others or others[0][0] < 2 or (len(others) > 1 and others[0][0] < 2 * others[1][0]):
            # The other side is not known; the one named still fills the events that name no one.
            if len(takers or givers) > 1:
                return events
            return [(replace(e, to=known) if takers else replace(e, from_=known)) if not e.from_ and not e.to else e for e in events]
        other = others[0][1]
        giver, taker = (other, known) if takers else (known, other)
    else:
        (giver, _), (taker, _) = givers.most_common(1)[0], takers.most_common(1)[0]
    if giver == taker:
        return events
    return [replace(e, from_=giver, to=taker) if e.from_ in ("", giver) and e.to in ("", taker) else e for e in events]


def _add_events(extraction: Extraction, found_events: list[Found], seen: set[tuple[str, str, dt.date]], source: str) -> None:
    """Append events not yet found to ``extraction``, each (feature, kind, date) once."""
    text = extraction.article.text
    for found in found_events:
        key = (found.feature, found.kind, found.date)
        if key in seen:
            continue
        seen.add(key)
        a, b = found.sentence
        extraction.events.append(
            Event(
                district=found.feature,
                date=found.date,
                kind="captured" if found.kind == "completed" and found.force else found.kind,
                from_=found.giver,
                to=found.taker,
                source=source,
                evidence=" ".join(text[a:b].split()),
                evidence_start=a,
                evidence_end=b,
                as_written=written_name(found.place.text),
                match=found.place.rule,
            )
        )


#: How items of a list open: "- ", "• ", "* ".
_BULLETS = frozenset({"- ", "• ", "* ", "– ", "— "})

#: A change this many years before the latest one a report tells is its background ("Lachin was occupied
#: on May 18, 1992", in a report of its return in 2020): mapped, it would stretch the slider over decades.
BACKGROUND_YEARS = 20


def _without_counted_twins(events: list[Event], counted: set[dt.date]) -> list[Event]:
    """Events without those dated by an anniversary's count ("25 years since the handover", told on
    14 December 2024: 14 December 1999) where the report writes the same place's change of that kind
    in full within a month of it ("handed over on December 20, 1999"): the count gives only the year."""
    if not counted:
        return events
    written: dict[tuple[str, str], list[dt.date]] = {}
    for e in events:
        if e.date not in counted:
            written.setdefault((e.district, e.kind), []).append(e.date)
    for days in written.values():
        days.sort()

    def has_twin(e: Event) -> bool:
        days = written.get((e.district, e.kind), [])
        at = bisect.bisect_left(days, e.date - dt.timedelta(days=31))
        return at < len(days) and days[at] <= e.date + dt.timedelta(days=31)

    return [e for e in events if e.date not in counted or not has_twin(e)]


def _without_background(events: list[Event]) -> tuple[list[Event], list[Event]]:
    """The events of a report's story, and those of its background history (see :data:`BACKGROUND_YEARS`)."""
    if not events:
        return events, []
    newest = max(e.date for e in events)
    cutoff = _years_before(newest, BACKGROUND_YEARS) or dt.date.min  # dates of year 1 are valid input
    return [e for e in events if e.date >= cutoff], [e for e in events if e.date < cutoff]


#: How many first sentences of a report tell the news of its day.
LEAD_SENTENCES = 3

#: What may close a sentence after its last mark: quotes, brackets and spaces.
_CLOSING = " \t\n\"'»”’)]"

#: A list of places after its wording goes on past at most this many words of their own between two places.
LIST_GAP_WORDS = 6

#: A list of places before its wording may describe a place after its list word in at most this many words.
LIST_DESCRIPTION_WORDS = 3

#: The note of an event dated by its report's publication day, for the reviewer.
NEWS_OF_THE_DAY_NOTE = "No day in the text: told as just done in the report's opening, so dated by its publication day; check."


def _common_words(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's own words for numbers, months, weekdays, function words and levels ("Bezirk" keys
    like Bazarak, Panjshir's capital), and the common words it lists as keying like places: never a place's name."""
    days = lexicon.dates
    levels = frozenset(word for word in lexicon.level_words | lexicon.town_words if " " not in word)
    return frozenset(days.numbers) | frozenset(days.months) | frozenset(days.weekdays) | lexicon.stopwords | lexicon.not_places | levels


def place_finder(gazetteer: Gazetteer, lexicon: Lexicon, capitals: dict[str, str] | None = None) -> PlaceFinder:
    """The place finder a report in ``lexicon``'s language is read with: its endings, town, level and
    common words, and ``capitals`` ({capital: feature}) that stand for their features."""
    return PlaceFinder(
        gazetteer,
        capitals,
        endings=lexicon.endings,
        town_words=lexicon.town_words,
        level_words=lexicon.level_words,
        derived_endings=lexicon.derived_endings,
        compound_endings=lexicon.compound_endings,
        common_words=_common_words(lexicon),
        and_words=lexicon.and_words,
    )


def read_report(
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
        The report's language (a lexicon's code); default: detected.
    capitals
        {capital: feature} for capitals that stand for their feature.
    government_seats
        Features that hold a party's seat of government (Baku, Kabul): taken
        only right next to handover wording.

    Returns
    -------
    Extraction
        Events sorted by date, district and kind, plus the review report.
    """
    lexicon = load(language or detect_language(article.text))
    full_dates = _full_dates(article, lexicon)
    if article.published is None:
        article.published, article.published_from = find_published(article, lexicon, full_dates)
    finder = place_finder(gazetteer, lexicon, capitals)
    dates = DateReader(lexicon, article.published, max(full_dates, default=None))
    if article.published is not None:
        # A story datelined the day before it was printed tells its "today" from the dateline's day.
        dates.today = _dateline_day(article, lexicon, article.published) or article.published
    if article.published is None:
        # No publication date: year-less dates take the year the page writes last, captions
        # included (a reader learns the year there even though a caption's date is no event).
        years = [
            d.date.year
            for p in article.paragraphs
            for a, b in pieces(p.start, p.end, article.text)
            if _YEAR_DIGITS.search(article.text, a, b)
            for d in DateReader(lexicon, None).find(article.text[a:b])
            if d.date and _YEAR_DIGITS.search(d.text)
        ]
        dates.last_year = max(years, default=None)
    reader = SentenceReader(lexicon, finder, dates, government_seats)
    extraction = Extraction(article, [], lexicon.language)
    source = citation(article)
    seen: set[tuple[str, str, dt.date]] = set()
    # Read with one apostrophe: some copies write "Farah´s" or "Farahʼs" (same length: the offsets hold).
    text = article.text.translate(_APOSTROPHES)
    captions = DateReader(lexicon, article.published)
    after_ordinal = frozenset(lexicon.dates.months) | lexicon.dates.ordinal_nouns  # no sentence ends at "20." before these
    headline_read = False
    for paragraph in article.paragraphs:
        is_headline = not headline_read and not paragraph.body and article.headline and " ".join(paragraph.text.split()) == article.headline
        if is_headline:
            headline_read = True
        if not paragraph.body and not is_headline:
            heading = _date_heading(paragraph.text, dates)
            if heading is not None:
                reader.section_date, reader.pending_date = heading, None
                continue
            for a, b in pieces(paragraph.start, paragraph.end, text):
                extraction.unattached_dates += [
                    {"text": m.text, "date": m.date.isoformat() if m.date else None, "reason": "in a photo caption, headline or page furniture"}
                    for m in captions.find(text[a:b])
                ]
            continue
        if paragraph.text[:2] in _BULLETS:
            # Each item of a list is its own fact: "- took three capitals on 8 August." does not date "- Kandahar fell."
            reader.pending_date, reader.pending_places, reader.last_change_date = None, [], None
        spans = [piece for sentence in split_sentences(text, paragraph.start, paragraph.end, after_ordinal) for piece in pieces(*sentence, text)]
        for number, span in enumerate(spans):
            # A headline tells what was just done in the present: "Taliban Capture Faizabad".
            report = reader.read(text, span, paragraph_start=number == 0, headline=bool(is_headline))
            _add_events(extraction, report.events, seen, source)
            unused = report.unused_dates + [(m, m.problem) for m in reader.unusable]
            reader.unusable = []
            for mention, reason in unused:
                extraction.unattached_dates.append(
                    {
                        "text": mention.text,
                        "date": mention.date.isoformat() if mention.date else None,
                        "reason": reason if mention.date else mention.problem or "needs the publication date, which is unknown",
                    }
                )
            extraction.unmatched_places += [{"text": name, "reason": "no boundary feature of that name"} for name in report.unmatched]
            for place in report.ambiguous:
                extraction.unmatched_places.append({"text": place.text, "reason": f"could be any of: {', '.join(sorted(place.features))}"})
            for place in report.towns:
                extraction.unmatched_places.append(
                    {"text": place.text, "reason": f"the town, not {next(iter(place.features))}: the report does not say the district changed hands"}
                )
    scheduled: dict[str, list[dt.date]] = {}
    for event in extraction.events:
        if event.kind == "scheduled":
            scheduled.setdefault(event.district, []).append(event.date)
    postponed = {e.district for e in extraction.events if e.kind == "postponed"}
    _add_events(extraction, reader.dates_put_off(scheduled, postponed), seen, source)
    if article.published is not None and article.published_from in ("option", "page metadata") and not dates.retrospective:
        # "The Taliban have taken Jalalabad", in a report's first sentences with no day: the news of its day
        # (not in a report looking back, whose opening quotes the news of the story's day).
        changed = {e.district for e in extraction.events if e.kind in settings.CONTROL_CHANGES}
        news = [
            Found(p, next(iter(p.features)), "completed", article.published, sentence, *parties)
            for p, sentence, number, parties in reader.undated_changes
            if number <= LEAD_SENTENCES
        ]
        before = len(extraction.events)
        _add_events(extraction, [f for f in news if f.feature not in changed], seen, source)
        for k in range(before, len(extraction.events)):
            extraction.events[k] = replace(extraction.events[k], note=NEWS_OF_THE_DAY_NOTE)
    extraction.events = _without_counted_twins(extraction.events, reader.counted_days)
    # The sides of the story, not of its background history: "occupied by Armenian forces in 1992" gives no side to its 2020 change.
    extraction.events, background = _without_background(extraction.events)
    extraction.events = _complete_parties(extraction.events, reader.parties_named)
    extraction.unattached_dates += [
        {
            "text": event.as_written,
            "date": event.date.isoformat(),
            "reason": f"a change more than {BACKGROUND_YEARS} years before the report's latest one, told as background; add it to the table to map it",
        }
        for event in background
    ]
    mapped = {e.district for e in extraction.events} | {e.district for e in background}
    for place in reader.undated_places:
        (feature,) = place.features
        if feature not in mapped:
            mapped.add(feature)
            extraction.undated_changes.append(
                {
                    "district": feature,
                    "text": written_name(place.text),
                    "reason": "told as changing hands on no day the text gives; add it to the table with its day if the report says when",
                }
            )
    # A lede's evidence is its story, not its dateline.
    for k, event in enumerate(extraction.events):
        story = reader.story_starts.get(event.evidence_start) if event.evidence_start is not None else None
        if story is not None and event.evidence_end is not None and story < event.evidence_end:
            extraction.events[k] = replace(event, evidence=" ".join(text[story : event.evidence_end].split()), evidence_start=story)
    order = settings.EVENT_KINDS
    extraction.events.sort(key=lambda e: (e.date, e.district, order.index(e.kind)))
    return extraction
