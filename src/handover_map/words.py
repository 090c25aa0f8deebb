"""The page's own words in each language, and dates written by the language's rules.

Every word the page, the snapshot and the embed snippet show of their own
(controls, legend, states, notes, credits, hints; never a report's text)
lives in ``locales/<language>.toml``, one file per language with the same
keys. Dates and numbers follow the language's locale through Babel
(``babel.dates``): "25 November 2020", "25 novembre 2020", "25. November
2020", "25 ноября 2020 г.", "25 de noviembre de 2020".

>>> words("fr").date(dt.date(2020, 11, 25))
'25 novembre 2020'
>>> words("de")("state.transferred_to", party="Aserbaidschan")
'Übergeben an Aserbaidschan'
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from importlib import resources
from typing import TYPE_CHECKING, Literal

from ._errors import OptionError

if TYPE_CHECKING:
    import babel  # imported where words are looked up: the command line starts without it

#: The languages of the page, the default first.
LANGUAGES = ("en", "fr", "de", "ru", "es")
DEFAULT_LANGUAGE = "en"

#: Date forms: ``long`` in sentences ("25 November 2020"), ``medium`` on the
#: slider, in the event list and popups ("25 Nov 2020"), ``day_month`` on the
#: slider's ticks ("25 Nov", a Babel skeleton).
DAY_MONTH_SKELETON = "dMMM"

#: Date fields the page script writes itself (see :meth:`Words.date_formats`).
_NUMERIC_FIELDS = {"d", "dd", "M", "MM", "y", "yyyy"}
_NAMED_MONTHS: dict[str, tuple[Literal["abbreviated", "wide"], Literal["format", "stand-alone"]]] = {
    "MMM": ("abbreviated", "format"),
    "MMMM": ("wide", "format"),
    "LLL": ("abbreviated", "stand-alone"),
    "LLLL": ("wide", "stand-alone"),
}


def check_language(lang: str) -> str:
    """``lang`` if the page has words in it.

    Raises
    ------
    OptionError
        For any other language, naming the choices.
    """
    if lang not in LANGUAGES:
        raise OptionError(f"The page has no words in '{lang}'.", hint=f"choose one of {', '.join(LANGUAGES)}.")
    return lang


def _flatten(table: dict, prefix: str = "") -> dict[str, str | dict[str, str]]:
    """{"section.key": text or {plural form: text}} of a language file's tables."""
    flat: dict[str, str | dict[str, str]] = {}
    for name, value in table.items():
        if isinstance(value, dict) and not prefix:
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[prefix + name] = value
    return flat


class Words:
    """One language's words (``words("fr")("page.play")``), dates and numbers."""

    def __init__(self, lang: str) -> None:
        import babel

        self.lang = check_language(lang)
        text = resources.files("handover_map").joinpath("locales", f"{lang}.toml").read_text(encoding="utf-8")
        entries = _flatten(tomllib.loads(text))
        locale = entries.pop("language.locale")
        self.name = str(entries.pop("language.name"))
        self.locale: babel.Locale = babel.Locale.parse(str(locale))
        #: The words, keyed "section.name"; a plural word is {plural form: text}.
        self.entries = entries

    def __call__(self, key: str, count: int | None = None, **fields: object) -> str:
        """The word ``key`` with ``fields`` filled in; a plural word takes the
        form Babel's rules give for ``count`` (also filled in, as the locale writes it)."""
        entry = self.entries[key]
        if isinstance(entry, dict):
            assert count is not None, f"{key} has plural forms: give count"
            entry = entry.get(self.locale.plural_form(count), entry["other"])
            fields["count"] = self.number(count)
        return entry.format(**fields)

    def number(self, value: int) -> str:
        """A whole number as the locale writes it ("1,234", "1 234")."""
        import babel.numbers

        return babel.numbers.format_decimal(value, locale=self.locale)

    def date(self, day: dt.date, form: Literal["long", "medium", "day_month"] = "long") -> str:
        """``day`` in the form ``long`` ("25 November 2020"), ``medium`` ("25 Nov 2020") or ``day_month`` ("25 Nov")."""
        import babel.dates

        if form == "day_month":
            return babel.dates.format_skeleton(DAY_MONTH_SKELETON, day, locale=self.locale)
        return babel.dates.format_date(day, form, locale=self.locale)

    def _pattern(self, form: Literal["long", "medium", "day_month"]) -> str:
        import babel.dates

        if form == "day_month":
            skeletons = self.locale.datetime_skeletons
            return str(skeletons[babel.dates.match_skeleton(DAY_MONTH_SKELETON, skeletons)].pattern)
        return str(babel.dates.get_date_format(form, locale=self.locale).pattern)

    def date_formats(self) -> dict:
        """What the page script needs to write dates as :meth:`date` does.

        ``medium`` and ``day_month``: the locale's pattern as a list of parts,
        a text as it stands or a one-element list naming a field ("d", "MMM",
        "y"); ``months``: the twelve month names of each named-month field used.
        """
        import babel.dates

        formats: dict = {"months": {}}
        forms: tuple[tuple[Literal["medium", "day_month"], str], ...] = (("medium", "day"), ("day_month", "dayMonth"))
        for form, key in forms:
            parts: list[str | list[str]] = []
            for kind, value in babel.dates.tokenize_pattern(self._pattern(form)):
                if isinstance(value, str):  # ("chars", text)
                    parts.append(value)
                    continue
                code = value[0] * value[1]  # ("field", (letter, width))
                if code in _NAMED_MONTHS:
                    width, context = _NAMED_MONTHS[code]
                    names = babel.dates.get_month_names(width, context, locale=self.locale)
                    formats["months"][code] = [names[month] for month in range(1, 13)]
                elif code not in _NUMERIC_FIELDS:
                    raise ValueError(f"the {self.lang} date pattern has a {kind} the page cannot write: {code}")
                parts.append([code])
            formats[key] = parts
        return formats

    def script_words(self) -> dict[str, str]:
        """The words the page script uses, keyed by name: they reach it as page data, never as code."""
        return {key.split(".", 1)[1]: str(value) for key, value in self.entries.items() if key.startswith("script.")}


@functools.cache
def words(lang: str = DEFAULT_LANGUAGE) -> Words:
    """The words of ``lang`` (one of :data:`LANGUAGES`); OptionError for any other."""
    return Words(check_language(lang))


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Words", "check_language", "words"]
