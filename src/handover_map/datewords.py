"""Find dates in news text in any language that has a lexicon, and resolve them.

The forms news writes: "20 November 2020", "November 20", "Nov. 20", "the
25th of November", "20 ноября", "am 1. Dezember", "le 1er décembre",
"2020-11-20", "20.11.2020" (day first), weekdays, "today", "overnight",
"yesterday", "the following day". Year-less dates take the year that puts
them closest to the publication date (in a report looking back, to the
latest full date it writes); without one, the year of the last
full date before them in the article. Weekdays take the nearest such day on
or before the publication date (after it, in a sentence about the future);
"the following day" is the day after the date before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from .lexicon import DateWords, Lexicon, spaced

#: A year read with its day: from 1500 ("on 4 August 1704", in history pieces) to 2199; the events table
#: takes the same years (``events.YEARS``).
_YEAR = r"(?P<year>(?:1[5-9]|20|21)\d\d)"


@dataclass(frozen=True)
class DateMention:
    """A date in a text: where it stands, what it says, what it means.

    ``date`` is None when it needs a publication date that is unknown.
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    form: str
    #: Why a date that names a day has none: "names no day of the calendar" (31 February).
    problem: str = ""


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _initials(words) -> str:
    """A look-ahead for the first letters of ``words``: a position where none stands is passed over at
    once, where a case-blind alternation would try every word (most of a pattern's search time)."""
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


def _patterns(words: DateWords) -> list[tuple[str, re.Pattern[str]]]:
    months = _alternatives(words.months)
    suffix = rf"(?:{_alternatives(words.day_suffixes)}|\.)?" if words.day_suffixes else r"\.?"
    joiner = rf"(?:(?:{_alternatives(words.day_month_joiners)})\s+)?" if words.day_month_joiners else ""
    # The year after a comma, or in brackets an editor added to a quote: "July 23 [1993]".
    year = rf"(?:(?:,?\s+|\s+\[){_YEAR}(?:\]|\b))?"
    patterns = []
    if words.window_openers and words.window_joiners:
        # First, so that the window's first day is not read as a date of its own.
        opener, between = _alternatives(words.window_openers), _alternatives(words.window_joiners)
        article = rf"(?:(?:{_alternatives(words.window_articles)})\s+)?" if words.window_articles else ""
        first_day = rf"{article}[0-3]?\d{suffix}(?:\s+{joiner}(?:{months})(?![^\W\d_])\.?)?"  # "11 September and 30 September"
        patterns.append(
            (
                "window",
                re.compile(
                    rf"\b(?:{opener})\s+{first_day}\s+(?:{between})\s+{article}(?P<day>[0-3]?\d){suffix}\s+{joiner}(?P<month>{months})(?![^\W\d_])\.?{year}",
                    re.IGNORECASE,
                ),
            )
        )
        if words.month_first:
            # "between September 11 and October 2", "between September 11 and 30"
            ordinal = rf"(?:{_alternatives(words.day_suffixes)})?" if words.day_suffixes else ""
            last_day = rf"(?P<day>[0-3]?\d){ordinal}\b{year}"
            day = rf"[0-3]?\d{ordinal}"
            patterns.append(
                ("window", re.compile(rf"\b(?:{opener})\s+(?:{months})\.?\s+{day}\s+(?:{between})\s+(?P<month>{months})\.?\s+{last_day}", re.IGNORECASE))
            )
            patterns.append(("window", re.compile(rf"\b(?:{opener})\s+(?P<month>{months})\.?\s+{day}\s+(?:{between})\s+{last_day}", re.IGNORECASE)))
    patterns += [
        ("iso", re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
        ("numeric", re.compile(rf"\b(?P<day>[0-3]?\d)(?P<separator>[./])(?P<month>[0-3]?\d)(?P=separator){_YEAR}\b")),
        ("day-month", re.compile(rf"\b(?P<day>[0-3]?\d){suffix}\s+{joiner}(?P<month>{months})(?![^\W\d_])\.?{year}", re.IGNORECASE)),
        # "Updated 23:05, 10-Aug-2021", "14-August-2021": a page's stamp.
        ("day-month", re.compile(rf"\b(?P<day>[0-3]?\d)-(?P<month>{months})-{_YEAR}\b", re.IGNORECASE)),
    ]
    if words.day_range_joiners:
        # "from 15 to 25 November": the first day, with the month (and year) written after the second.
        to = _alternatives(words.day_range_joiners)
        later_day = rf"[0-3]?\d{suffix}\s+{joiner}(?P<month>{months})(?![^\W\d_])\.?{year}"
        patterns.append(("day-month", re.compile(rf"\b(?P<day>[0-3]?\d){suffix}(?=\s+(?:{to})\s+{later_day})", re.IGNORECASE)))
    if words.month_first:
        patterns.append(
            (
                "month-day",
                re.compile(
                    rf"\b{_initials(words.months)}(?P<month>{months})\.?\s+(?P<day>[0-3]?\d)(?:{_alternatives(words.day_suffixes)})?\b{year}", re.IGNORECASE
                ),
            )
        )
    if words.this_day_in:
        # Before the relative words ("Today in 1704"); the year may be a long way back: "On this day in 1704, Gibraltar was
        # surrendered". One pattern for all the phrases: the words after the year ("году") are optional.
        split = [phrase.partition("{year}") for phrase in words.this_day_in]
        openings = "|".join(spaced(opening) for opening, _, _ in sorted(split, key=lambda p: -len(p[0])))
        closings = "|".join(dict.fromkeys(spaced(closing) for _, _, closing in split if closing.strip()))
        after_year = rf"(?:{closings})?" if closings else ""
        patterns.append(("this-day", re.compile(rf"\b(?:{openings}){_YEAR}{after_year}\b", re.IGNORECASE)))
    parts = rf"(?:{_alternatives(words.weekday_parts)})?" if words.weekday_parts else ""
    patterns.append(("weekday", re.compile(rf"\b{_initials(words.weekdays)}(?P<weekday>{_alternatives(words.weekdays)}){parts}\b", re.IGNORECASE)))
    if words.relative:
        patterns.append(("relative", re.compile(rf"\b{_initials(words.relative)}(?P<relative>{_alternatives(words.relative)})\b", re.IGNORECASE)))
    # A count of days: "five days later", "a day earlier", "three days ago".
    numbers = "|".join([r"\d+", *(re.escape(n) for n in sorted(words.numbers, key=len, reverse=True))])
    span = rf"(?P<n>{numbers})\s+(?P<unit>{_alternatives(words.day_units)})" if words.day_units else ""
    for form, after_span in (("later", words.later), ("earlier", words.earlier)):
        if span and after_span:
            patterns.append((form, re.compile(rf"\b{span}\s+(?:{_alternatives(after_span)})\b", re.IGNORECASE)))
    if span and words.ago:
        before, after = [w[:-4] for w in words.ago if w.endswith(" {n}")], [w[4:] for w in words.ago if w.startswith("{n} ")]
        choices = ([rf"(?:{_alternatives(before)})\s+{span}"] if before else []) + ([rf"{span}\s+(?:{_alternatives(after)})"] if after else [])
        patterns.append(("ago", re.compile(rf"\b(?:{'|'.join(choices)})\b", re.IGNORECASE)))
    if words.a_day_after:
        # Only after a comma: "The next day, ..." and "a day after that" at a sentence's start look forward.
        patterns.append(("day-before", re.compile(rf"(?<=,\s)(?P<before>{_alternatives(words.a_day_after)})\b(?=\s+[^\W\d_])", re.IGNORECASE)))
        # Not after a comma, the day after the event it names: "The fall of Logar comes a day after the Taliban took Herat on Thursday" is Friday.
        patterns.append(("day-after", re.compile(rf"(?<!,\s)\b(?P<after>{_alternatives(words.a_day_after)})\b(?=\s+[^\W\d_])", re.IGNORECASE)))
    if words.day_told_last:
        patterns.append(
            ("day-told-last", re.compile(rf"\b{_initials(words.day_told_last)}(?P<day_told_last>{_alternatives(words.day_told_last)})\b", re.IGNORECASE))
        )
    if words.day_before_told:
        patterns.append(("day-before-told", re.compile(rf"\b(?:{_alternatives(words.day_before_told)})\b", re.IGNORECASE)))
    if words.next_day:
        patterns.append(("next-day", re.compile(rf"\b{_initials(words.next_day)}(?P<next>{_alternatives(words.next_day)})\b", re.IGNORECASE)))
    return patterns


def _needles(words: DateWords) -> dict[str, tuple[str, ...]]:
    """Per date form written in words, the lowercase words one of which a match must contain."""
    ago = [w.replace("{n}", "").strip() for w in words.ago]
    lists = {
        "weekday": words.weekdays,
        "relative": words.relative,
        "next-day": words.next_day,
        "day-told-last": words.day_told_last,
        "day-before-told": words.day_before_told,
        "day-before": words.a_day_after,
        "day-after": words.a_day_after,
        "later": words.later,
        "window": words.window_openers,
        "earlier": words.earlier,
        "ago": ago,
        # The whole phrase before the year (most sentences hold "in", few "on this day in").
        "this-day": [w.partition("{year}")[0].strip() for w in words.this_day_in],
    }
    return {form: tuple(w.lower() for w in values) for form, values in lists.items() if values}


#: How far back the latest full date may lie for a report to be a retrospective (about ten years).
_RETROSPECTIVE_DAYS = 3653

#: The first day of a range right before a day and month: "8-" in "8-10 August".
_RANGE_START = re.compile(r"(?<!\d)\d{1,2}\s*[-–]\s*$")

#: Date forms that always write the day in digits.
DIGIT_DAY_FORMS = frozenset({"iso", "numeric", "day-month", "month-day"})
#: Date forms whose pattern opens with a word boundary and a digit: they can only match where a run of digits starts.
_DIGIT_FIRST = frozenset({"iso", "numeric", "day-month"})
#: A run of digits (written so that the regular expression engine scans for its first digit quickly).
_DIGITS = re.compile(r"\d\d*")


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int], end: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, 0, end)`` for a pattern that can only match at one of
    ``starts`` (increasing offsets), and never longer where it matches empty: tried at those offsets
    only, instead of at every character (where a pattern opening with a look-behind or word boundary
    is slow to fail)."""
    following = 0
    for start in starts:
        if start >= following:
            match = pattern.match(text, start) if end is None else pattern.match(text, start, end)
            if match:
                following = match.end()
                yield match


#: Compiled date patterns by language: (form, pattern, whether it needs a digit, the words one of which it needs, or None).
_COMPILED: dict[str, list[tuple[str, re.Pattern[str], bool, tuple[str, ...] | None]]] = {}


#: Date forms told against another event of the sentence (dated by :func:`_days_before`).
_EVENT_RELATIVE = frozenset({"day-before", "day-after"})


def _weekdays_with_their_dates(found: list[DateMention], text: str) -> list[DateMention]:
    """A weekday and the date written right after it ("Sunday, November 15", "ce samedi 14 août") as one
    mention: the written date's day, told like a weekday (the day something was said, or done)."""
    out: list[DateMention] = []
    for mention in found:
        before = out[-1] if out else None
        if before is not None and before.form == "weekday" and mention.form in DIGIT_DAY_FORMS and text[before.end : mention.start].strip() in ("", ","):
            # (With its year, the full date it is: "Last Updated: Monday, 12 September 2005".)
            full = re.search(_YEAR, mention.text)
            out[-1] = mention if full else DateMention(before.start, mention.end, text[before.start : mention.end], mention.date, "weekday", mention.problem)
        else:
            out.append(mention)
    return out


def _days_before(found: list[DateMention]) -> list[DateMention]:
    """Each clause's "a day after" dated from the sentence's own date, the last one before it or
    else the first one after it: "..., a day after the group took Herat, an official said on
    Friday" is Thursday; and "comes a day after the group took Herat on Thursday" is Friday, the
    day after the date of the event it names (the first after it). One pass each way: linear in
    the mentions."""
    own = [m.date if m.form not in _EVENT_RELATIVE else None for m in found]
    following: list[dt.date | None] = [None] * len(found)
    for k in range(len(found) - 2, -1, -1):
        following[k] = own[k + 1] or following[k + 1]
    out, last = [], None
    for k, mention in enumerate(found):
        anchor = (last or following[k]) if mention.form == "day-before" else following[k]
        if mention.form not in _EVENT_RELATIVE:
            out.append(mention)
        elif anchor is None:
            out.append(replace(mention, problem="a day after an event the sentence does not date"))
        else:
            out.append(replace(mention, date=_shift(anchor, -1 if mention.form == "day-before" else 1)))
        last = own[k] or last
    return out


def closest_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The date with that month and day nearest to ``anchor`` (year before, same or after)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def same_day_in(day: dt.date, year: int) -> dt.date | None:
    """``day``'s day and month in ``year`` (29 February falls back to the 28th); None for a year no date has."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None  # "2025 years since", told in 2025
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def _shift(day: dt.date | None, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days) if day else None
    except OverflowError:
        return None


class DateReader:
    """Reads the dates of one article, sentence by sentence, in order.

    It remembers the last full year and the last date it read, for
    year-less dates and "the following day".
    """

    def __init__(self, lexicon: Lexicon, published: dt.date | None, story: dt.date | None = None) -> None:
        self.words = lexicon.dates
        if lexicon.language not in _COMPILED:
            needles = _needles(lexicon.dates)
            _COMPILED[lexicon.language] = [(form, pattern, form in DIGIT_DAY_FORMS, needles.get(form)) for form, pattern in _patterns(lexicon.dates)]
        self.patterns = _COMPILED[lexicon.language]
        self.published = published
        #: The day "today" and weekdays count from: the publication day, or a dateline's day before it
        #: ("JERUSALEM, Dec. 14 -- ... today", printed on the 15th).
        self.today = published
        # A retrospective ("five years ago, on 25 November 2020, ...") sets its
        # year-less dates in the story's time, not in the year of publication; a date
        # decades back is history mentioned in passing, not the story's time.
        self.retrospective = bool(story and published and 180 < (published - story).days < _RETROSPECTIVE_DAYS)
        self.anchor = story if self.retrospective else published
        #: Whether the text has written a year yet (in a retrospective, year-less dates take it).
        self.year_written = False
        self.last_year: int | None = published.year if published else None
        #: The year a full date of the paragraph being read last wrote (:meth:`new_paragraph` clears it).
        self.paragraph_year: int | None = None
        self.previous: dt.date | None = None
        self.previous_past: dt.date | None = None

    def new_paragraph(self) -> None:
        """Forget the year the paragraph before wrote: a day without its year takes the report's time again."""
        self.paragraph_year = None

    def find(self, text: str, future: bool = False, forms: frozenset[str] | None = None, done_on: frozenset[int] = frozenset()) -> list[DateMention]:
        """The dates in ``text``, in order, without overlaps; of ``forms`` only, if given. ``future``: a weekday
        is the next one, except one starting at an offset of ``done_on`` (it dates a thing done: "agreed on Sunday")."""
        matches: list[tuple[str, re.Match[str]]] = []
        # Most sentences hold no date: skip each pattern whose digits or words the text lacks
        # (a substring test is far cheaper than a case-blind regex scan).
        digits = [run.start() for run in _DIGITS.finditer(text)]
        holds = text.lower().__contains__
        for form, pattern, needs_digit, needles in self.patterns:
            if (forms is not None and form not in forms) or (needs_digit and not digits) or (needles is not None and not any(map(holds, needles))):
                continue
            for match in matches_at(pattern, text, digits) if form in _DIGIT_FIRST else pattern.finditer(text):
                start, end = match.span()
                if any(start < m.end() and m.start() < end for _, m in matches) or not self._is_date(form, match, text):
                    continue
                matches.append((form, match))
        found: list[DateMention] = []
        for form, match in sorted(matches, key=lambda fm: fm[1].start()):
            if form in _EVENT_RELATIVE:
                found.append(DateMention(match.start(), match.end(), match.group(0), None, form, ""))  # dated below, from the sentence's date
                continue
            if form == "day-month" and _RANGE_START.search(text[max(0, match.start() - 6) : match.start()]):
                # "8-10 August": a span of days names no one day.
                found.append(DateMention(match.start(), match.end(), match.group(0), None, form, "a range of days, not one day"))
                continue
            day = self._resolve(form, match, future and match.start() not in done_on)
            if day is not None and match.groupdict().get("year"):
                self.last_year, self.year_written, self.paragraph_year = day.year, True, day.year
            if day is not None:
                self.previous = day
            if day is not None and (self.published is None or day <= self.published):
                self.previous_past = day  # not a plan ahead: "will arrive on August 15. A day earlier, ..." counts from the story's day
            problem = "" if day is not None else self._problem(form, match)
            found.append(DateMention(match.start(), match.end(), match.group(0), day, form, problem))
        return _days_before(self._midnight_ending(_weekdays_with_their_dates(found, text), text, future))

    def _midnight_ending(self, found: list[DateMention], text: str, future: bool) -> list[DateMention]:
        """A day told with the midnight that ends it ("at midnight on 19 December", "at about midnight on
        Thursday", "tomorrow at midnight"): the next day, the midnight's own mention ("at midnight
        tomorrow") folded into it. But a report's own weekday told as past ("at midnight Wednesday",
        read on that Wednesday) is the midnight that began it: the one ending it has not come yet."""
        lowered = text.lower()
        phrases = [p for p in self.words.midnight_ending if p in lowered]
        if not phrases:
            return found
        found = list(found)
        folded: set[int] = set()
        for k, mention in enumerate(found):
            if mention.date is None or mention.text.lower() in self.words.midnight:
                continue
            if mention.form == "weekday" and mention.date == self.published and not future:
                continue
            before, after = lowered[max(0, mention.start - 40) : mention.start], lowered[mention.end : mention.end + 40]
            # The midnight right before the day or one word from it ("at midnight on", "à minuit le", "at midnight, June 30"),
            # or right after it.
            if any(re.search(rf"\b{re.escape(p)},?\s+(?:\w+\s+)?$", before) or re.match(rf",?\s+{re.escape(p)}\b", after) for p in phrases):
                found[k] = replace(mention, date=_shift(mention.date, 1))
                folded.update(j for j in (k - 1, k + 1) if 0 <= j < len(found) and found[j].text.lower() in self.words.midnight)
        return [m for j, m in enumerate(found) if j not in folded]

    def _problem(self, form: str, match: re.Match[str]) -> str:
        """Why a date mention gave no day, when the text is to blame (not a missing publication date)."""
        if form in ("iso", "numeric", "day-month", "month-day", "window"):
            if match.groupdict().get("separator") == "/":
                return "could be day/month or month/day: write the month in words or pass the date in the table"
            if match.groupdict().get("year"):
                return "names no day of the calendar"
            return "falls outside the calendar (years 1 to 9999)" if self.anchor else ""
        relative_to = {
            "next-day": self.previous,
            "later": self.previous,
            "earlier": self.previous_past,
            "day-told-last": self.previous or self.published,
            "day-before-told": self.previous_past or self.published,
        }.get(form, self.published)
        return "falls outside the calendar (years 1 to 9999)" if relative_to else ""

    def _is_date(self, form: str, match: re.Match[str], text: str) -> bool:
        if form in ("day-month", "month-day", "iso", "numeric", "window"):
            return 1 <= int(match.group("day")) <= 31
        if form == "weekday":
            following = text[match.end() : match.end() + 20].split()
            preceding = text[max(0, match.start() - 12) : match.start()].split()
            return not (following and following[0].lower().strip(".,") in self.words.not_a_day_after) and not (
                preceding and preceding[-1].lower() in self.words.not_a_day_before
            )
        if form == "relative" and self.words.lower_case_relative:
            # "morgen" is tomorrow, but "Morgen" and "Donnerstag morgen" the morning.
            word, preceding = match.group("relative"), text[max(0, match.start() - 16) : match.start()].split()
            if word.lower() in self.words.lower_case_relative:
                return word.islower() and not (preceding and preceding[-1].lower() in self.words.weekdays)
        return True

    def _day_first(self, first: int, second: int) -> bool:
        """Whether "first/second/year" is day/month: by the numbers where only one order is a date, else by the language."""
        if first > 12 or second > 12:
            return first > 12
        return self.words.slash_day_first is not False

    def _next_week_after(self, match: re.Match[str]) -> bool:
        """Whether a weekday is followed by words that put it in the next week: "Wednesday next week"."""
        after = " ".join(match.string[match.end() : match.end() + 40].lower().split())
        return any(after.startswith(phrase) for phrase in self.words.next_week)

    def _last_year_after(self, match: re.Match[str]) -> bool:
        """Whether a day without its year is followed by words that put it in the year before: "August 15 last year"."""
        after = " ".join(match.string[match.end() : match.end() + 40].lower().replace("’", "'").split())
        return any(after.startswith(phrase) for phrase in self.words.last_year)

    def _resolve(self, form: str, match: re.Match[str], future: bool) -> dt.date | None:
        groups = match.groupdict()
        published = self.published
        today = self.today
        if form == "weekday":
            if today is None:
                return None
            weekday = self.words.weekdays[groups["weekday"].lower()]
            if self._next_week_after(match):
                return _shift(today, 7 - today.weekday() + weekday)  # "on Wednesday next week"
            delta = (today.weekday() - weekday) % 7
            return _shift(today, 7 - delta if future and delta else -delta)
        if form == "relative":
            return _shift(today, self.words.relative[groups["relative"].lower()])
        if form == "this-day":
            return same_day_in(published, int(groups["year"])) if published is not None else None
        if form == "next-day":
            return _shift(self.previous, 1)
        if form == "day-told-last":
            return self.previous or published  # "Earlier in the day": the day told last, or the report's
        if form == "day-before-told":
            return _shift(self.previous_past or published, -1)  # "overran the city the day before", told after "on Monday"
        if form in ("later", "earlier", "ago"):
            count = groups["n"].lower()
            number = int(count) if count.isdigit() else self.words.numbers[count]
            days = number * self.words.day_units[groups["unit"].lower()]
            anchor, sign = {"later": (self.previous, 1), "earlier": (self.previous_past, -1), "ago": (published, -1)}[form]
            return _shift(anchor, sign * days)
        month = int(groups["month"]) if form in ("iso", "numeric") else self.words.months[groups["month"].lower()]
        day = int(groups["day"])
        if groups.get("separator") == "/":
            if self.words.slash_day_first is None and day <= 12 and month <= 12 and day != month:
                return None  # "07/12/2020": 7 December or July 12, the language does not say
            if not self._day_first(day, month):
                day, month = month, day
        try:
            if groups.get("year"):
                return dt.date(int(groups["year"]), month, day)
            if published is not None and self._last_year_after(match):
                return dt.date(published.year - 1, month, day)
            if published is not None:
                if self.retrospective and self.year_written and self.last_year:
                    return dt.date(self.last_year, month, day)  # "... on 10 November 2020. By November 15, ..."
                if self.paragraph_year is not None and self.paragraph_year < published.year - 1:
                    # History told in the paragraph: "The war began on June 5, 1967. By June 10th ..."
                    return dt.date(self.paragraph_year, month, day)
                return closest_year(month, day, self.anchor or published)
            return dt.date(self.last_year, month, day) if self.last_year else None
        except ValueError:
            return None
