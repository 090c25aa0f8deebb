"""Find dates in news text and resolve them against the publication date.

Handles the forms news uses: "November 20", "Nov. 20", "20 November 2020",
"2020-11-20", "20.11.2020" (day first), "November 20th", weekdays ("on Friday", "said Wednesday") and
"today"/"yesterday"/"tomorrow". Year-less dates take the year that puts them
closest to the publication date; weekdays take the nearest such day on or
before it (or after it, in a sentence about the future).
"""

from __future__ import annotations

import datetime as dt
import re

from .datewords import DateMention, closest_year, matches_at

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}

#: Look-aheads for the first letters of the words a pattern starts with: a case-blind alternation
#: would try every word at every word boundary, the look-ahead passes most boundaries over at once.
_MONTH_INITIAL = "(?=[" + "".join(sorted({name[0] for name in MONTHS})) + "])"
_WEEKDAY_INITIAL = "(?=[" + "".join(sorted({name[0] for name in WEEKDAYS})) + "])"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("month-day", re.compile(r"\b" + _MONTH_INITIAL + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR, re.IGNORECASE)),
    ("day-month", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b" + _YEAR, re.IGNORECASE)),
    ("weekday", re.compile(r"\b" + _WEEKDAY_INITIAL + r"(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)),
    ("relative", re.compile(r"\b(?=[ty])(?P<relative>today|yesterday|tomorrow)\b", re.IGNORECASE)),
]
#: Forms whose pattern opens with a word boundary and a digit, and a run of digits (see :func:`.datewords.matches_at`).
_DIGIT_FIRST = frozenset({"iso", "numeric", "day-month"})
_DIGITS = re.compile(r"\d\d*")
#: What a match of a form written in words must contain, lower-cased: every weekday and "today" and
#: "yesterday" end in "day". (Only ASCII letters match these letters case-blind, so the test is exact.)
_WORDS_NEEDED = {"weekday": ("day",), "relative": ("day", "tomorrow")}
# "Friday prayers", "Good Friday": weekdays that name no date.
_NOT_A_DAY_AFTER = re.compile(r"^\s+(?:prayers?|sermons?|services?|markets?|protests?|rally|rallies|editions?|papers?|newspapers?|club|schools?)\b")
_NOT_A_DAY_BEFORE = re.compile(r"\b(?:Good|Black|Holy|Ash|Palm|Easter|Cyber|Super|Bloody|Maundy)\s+$")
FUTURE = re.compile(r"\b(will|is to|are to|due|scheduled|expected|set to|plans? to|deadline|next)\b", re.IGNORECASE)


#: Why a date mention has no date: it needs the publication date.
NEEDS_PUBLISHED = "needs the publication date, which is unknown"
#: Why a date mention has no date: it names no day ("31 February 2020").
NO_SUCH_DAY = "names no day of the calendar"
#: Why a date mention has no date: the day falls outside the years 1 to 9999.
OUT_OF_RANGE = "falls outside the calendar (years 1 to 9999)"


def _resolve(form: str, match: re.Match, published: dt.date | None, future: bool) -> dt.date | None:
    """The day a mention means; None if it needs an unknown publication date.

    Raises
    ------
    ValueError
        When it names no day ("31 February 2020").
    OverflowError
        When the day would fall outside the calendar (a weekday or
        "tomorrow" next to a publication date of 9999-12-31).
    """
    groups = match.groupdict()
    if form == "weekday":
        if published is None:
            return None
        delta = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        if future and delta:
            return published + dt.timedelta(days=7 - delta)
        return published - dt.timedelta(days=delta)
    if form == "relative":
        return published + dt.timedelta(days=RELATIVE[groups["relative"].lower()]) if published else None
    month = int(groups["month"]) if form in ("iso", "numeric") else MONTHS[groups["month"].lower()]
    day = int(groups["day"])
    if groups.get("year"):
        return dt.date(int(groups["year"]), month, day)
    if published is None:
        return None
    closest = closest_year(month, day, published)
    if closest is None:
        raise ValueError(f"no day {day} in month {month}")
    return closest


def _mention(start: int, end: int, form: str, match: re.Match, published: dt.date | None, future: bool) -> DateMention:
    try:
        day = _resolve(form, match, published, future)
    except OverflowError:
        return DateMention(start, end, match.group(0), None, form, OUT_OF_RANGE)
    except ValueError:
        return DateMention(start, end, match.group(0), None, form, NO_SUCH_DAY)
    return DateMention(start, end, match.group(0), day, form, "" if day else NEEDS_PUBLISHED)


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """All date mentions in ``text``, in order, without overlaps.

    "May" as a month needs a day next to it, so "may" the verb is no date.
    A weekday counts only capitalised, and not as a modifier ("Friday
    prayers") or a named day ("Good Friday"). A mention whose day cannot be
    resolved has ``date`` None and says why in ``problem``.
    """
    # Only a weekday read against a publication date looks forward or back: without one, no search.
    future = published is not None and bool(FUTURE.search(text))
    found: list[DateMention] = []  # sorted by start, never overlapping
    # Forms that open with a word boundary and a digit are tried only where a run of digits starts.
    digits = [run.start() for run in _DIGITS.finditer(text)]
    lowered = text.lower()
    for form, pattern in PATTERNS:
        if (form == "month-day" and not digits) or not any(map(lowered.__contains__, _WORDS_NEEDED.get(form, ("",)))):
            continue  # a day in words with no digit, or a weekday or relative day with none of its letters
        # One pass over this form's matches beside the sorted mentions of
        # earlier forms: linear, where checking each match against every
        # mention found so far was quadratic in the number of dates.
        merged: list[DateMention] = []
        i = 0
        for match in matches_at(pattern, text, digits) if form in _DIGIT_FIRST else pattern.finditer(text):
            start, end = match.span()
            while i < len(found) and found[i].end <= start:
                merged.append(found[i])
                i += 1
            if i < len(found) and found[i].start < end:
                continue
            if form == "weekday" and (
                not match.group(0)[0].isupper() or _NOT_A_DAY_AFTER.match(text[end : end + 20]) or _NOT_A_DAY_BEFORE.search(text[max(0, start - 10) : start])
            ):
                continue
            if form in ("month-day", "day-month") and not 1 <= int(match.group("day")) <= 31:
                continue
            merged.append(_mention(start, end, form, match, published, future))
        merged.extend(found[i:])
        found = merged
    return found
