"""Match place names across spellings: "Aghdam", "Agdam District", "AĞDAM", "Akna".

A :class:`Gazetteer` holds the names of the boundary features and an alias
table (exonyms and transliterations, kept as data in ``geodata/aliases.csv``).
:meth:`Gazetteer.match` returns the boundary name a given name refers to, or
raises with the closest candidates. Precision comes first: a name that could
mean two features is an error, never a guess.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
import warnings
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from . import settings
from ._errors import HandoverMapWarning, InputDataError
from ._memory import remembered
from .events import Event, excerpt, visible

# Letters that Unicode decomposition leaves alone but Latin transliterations
# of Turkic, Caucasian and Nordic names write as plain ASCII.
_LETTER_FOLDS = str.maketrans({"ə": "a", "ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "þ": "th"})
_SUFFIXES = re.compile(r"\b(?:" + "|".join(settings.ADMIN_SUFFIXES) + r")\b")
_NON_WORD = re.compile(r"[\W_]+")
# A word of a place name: letters, joined by hyphens or apostrophes ("Nagorno-Karabakh",
# "Bilhorod-Dnistrovskyi"), but not a possessive "'s".
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+|['’](?!s\b)[^\W\d_]+)*")
#: Largest alias table read, in bytes: far more than any real one, and a
#: bound on what an endless file (``/dev/zero``, a pipe) can cost.
MAX_ALIAS_BYTES = 10_000_000
#: Joins the names of an alias that names a feature only with all of them together ("Donetsk + Luhansk").
JOINT = " + "


@functools.lru_cache(maxsize=65_536)  # a report asks for the same words many times; bounded for hostile input
def fold(name: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name.

    >>> fold("  Kəlbəcər  Rayonu ")
    'kalbacar rayonu'
    """
    text = unicodedata.normalize("NFKC", visible(name)).casefold().translate(_LETTER_FOLDS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


@functools.lru_cache(maxsize=65_536)  # asked for every candidate phrase of every sentence
def core(name: str) -> str:
    """:func:`fold` without words for administrative levels ("district", "rayon", ...).

    >>> core("Agdam District")
    'agdam'
    """
    folded = fold(name)
    stripped = " ".join(_SUFFIXES.sub(" ", folded).split())
    return stripped or folded


_TRAILING_ABBREVIATION = re.compile(r"(?:\s+(?:[a-z]|is|isl|sar))+$")
#: The geographic words of a name that other languages join to it: "Golanhöhen", "Falklandinseln"
#: (singular "Island" stays: "Hans Island" is not Hans, "Europa Island" not Europe).
_GEOGRAPHIC_WORDS = re.compile(r"(?:\s+(?:islands|heights|glacier))+$")
_SILENT_H = re.compile(r"(?<=[bcdgkpstz])h")
_DOUBLED = re.compile(r"(.)\1+")


def short(name: str) -> str:
    """:func:`core` without trailing abbreviations, for boundary names such
    as "Hong Kong S.A.R." or "Abu Musa I." that texts write in full words.

    >>> short("Hong Kong S.A.R.")
    'hong kong'
    """
    stripped = _TRAILING_ABBREVIATION.sub("", core(name))
    return stripped or core(name)


def plain(name: str) -> str:
    """:func:`short` without a last geographic word ("Golan Heights", "Falkland Islands"): the name
    that other languages join their own word to ("Golanhöhen", "Falklandinseln"), and one of the
    names a boundary name joined with "and" is named by ("Tiran and Sanafir Islands"). Never a
    name by itself: "Cook", "Marshall" and "Northern" are no islands.

    >>> plain("Golan Heights"), plain("Falkland Islands"), plain("Hans Island")
    ('golan', 'falkland', 'hans island')
    """
    return _GEOGRAPHIC_WORDS.sub("", short(name)) or short(name)


def ends_a_name(word: str) -> bool:
    """Whether ``word`` is one a boundary name may end in and be told without: an abbreviation
    ("Is.", "S.A.R.") or a geographic word ("Islands", "Heights"), as :func:`plain` drops them."""
    return plain(f"name {word}") == "name"


#: Abbreviated words of boundary names (Natural Earth writes "W. Sahara", "N. Cyprus", "Falkland Is.",
#: "Abu Musa I."), each with the words a text writes in full.
_ABBREVIATIONS = {
    "n": ("north", "northern"),
    "s": ("south", "southern"),
    "e": ("east", "eastern"),
    "w": ("west", "western"),
    "is": ("islands",),
    "isl": ("islands",),
    "i": ("island",),
}
#: Most abbreviated words a name may have written out (each doubles its forms).
MAX_ABBREVIATED_WORDS = 3
#: A word written with a full stop after it: an abbreviation.
_ABBREVIATED = re.compile(r"\b([^\W\d_]+)\.")


#: Abbreviated words of boundary names that stand for one word only, as a reader writes it, after
#: another word: "Is." and "Isl." before a space, punctuation or the end ("Senkaku Is., Diaoyu Is."),
#: "I." only at the end or before "and" ("Abu Musa I.", "Heard I. and McDonald Is."; not the
#: initial of "Charles I. Land" nor the ordinal of "I. kerület").
_SPELLED_OUT = {"Is": "Islands", "Isl": "Islands", "IS": "Islands", "ISL": "Islands", "I": "Island"}
_ONE_WORD_ABBREVIATION = re.compile(r"(?<=\w )(?:(Is|Isl|IS|ISL)\.(?=[\s,;:)]|$)|(I)\.(?=$|\s+(?i:and)\s))")


def spelled_out(name: str) -> str:
    """``name`` for a reader: an abbreviation that stands for one word only written out ("Falkland
    Is." is "Falkland Islands"); "W. Sahara" and "N. Cyprus" keep theirs (west or western?).

    >>> spelled_out("Heard I. and McDonald Is."), spelled_out("N. Cyprus"), spelled_out("Charles I. Land"), spelled_out("ABU MUSA I.")
    ('Heard Island and McDonald Islands', 'N. Cyprus', 'Charles I. Land', 'ABU MUSA ISLAND')
    """

    def written(match: re.Match[str]) -> str:
        abbreviation = match.group(1) or match.group(2)
        before = name[: match.start()].split()
        # In capitals where the abbreviation or the word before it is: "ABU MUSA I.", "FALKLAND IS. (Malvinas)".
        capitals = (len(abbreviation) > 1 and abbreviation.isupper()) or (bool(before) and before[-1].isupper())
        return _SPELLED_OUT[abbreviation].upper() if capitals else _SPELLED_OUT[abbreviation]

    return _ONE_WORD_ABBREVIATION.sub(written, name)


def written_out(name: str) -> set[str]:
    """The :func:`core` forms of ``name`` with its abbreviated words (written with a
    full stop) in full; empty if it has none ("Pol-e Khomri" has no "e." for east).

    >>> sorted(written_out("W. Sahara"))
    ['west sahara', 'western sahara']
    >>> written_out("Falkland Is.")
    {'falkland islands'}
    """
    abbreviated = {fold(word) for word in _ABBREVIATED.findall(name)} & _ABBREVIATIONS.keys()
    words = core(name).split()
    # Each word written out doubles the forms: a name of more than a few is no place's ("N.N.N.N...").
    if not abbreviated or sum(word in abbreviated for word in words) > MAX_ABBREVIATED_WORDS:
        return set()
    forms = [""]
    for word in words:
        forms = [f"{form} {full}".strip() for form in forms for full in (_ABBREVIATIONS[word] if word in abbreviated else (word,))]
    return set(forms)


@functools.lru_cache(maxsize=65_536)
def skeleton(name: str) -> str:
    """:func:`core` with transliteration noise removed: an "h" after a
    consonant (gh/g, kh/k, sh/s, ch/c), doubled letters, and spaces.

    >>> skeleton("Aghdam") == skeleton("Agdam")
    True
    """
    return quieted(core(name).replace("x", "kh")).replace(" ", "")


def quieted(text: str) -> str:
    """``text`` (folded) without the noise of transliteration: an "h" after a consonant (gh/g, kh/k,
    sh/s, ch/c) and doubled letters."""
    return _DOUBLED.sub(r"\1", _SILENT_H.sub("", text))


# Order matters: longer spellings first, so "dzh" is not read as "d" + "zh".
_SOUNDS = (
    ("tsch", "ch"),
    ("dsch", "j"),
    ("dzh", "j"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("jsh", "sh"),  # Panjshir is "Panchir" in French, Панджшер in Russian
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("q", "g"),
    ("x", "h"),
    ("z", "s"),
    ("ou", "u"),
    ("w", "v"),
    ("y", "i"),
    ("ck", "k"),
    ("ch", "sh"),  # German "Laschin", French "Choucha" for Lachin, Shusha
)
_NOT_LETTER = re.compile(r"[^a-z]")
_VOWELS = re.compile(r"[aeiou]")
#: A c that sounds k: not before e or i (y is read as i by then).
_HARD_C = re.compile(r"c(?![ei])")
_PERSIAN_ENDING = re.compile(r"(?<=[a-z][a-z])eh\b")
#: "ow" or "aw" before a consonant is the diphthong German and Russian write "au": Jowzjan, Jawzjan, Dschausdschan, Джаузджан.
_OW = re.compile(r"[ao]w(?![aeiouy])")
#: Keys shorter than this match too many ordinary words to be trusted.
MIN_KEY = 3
#: Cyrillic letters: a name written in them keys h and g as one sound (г stands for both).
CYRILLIC = re.compile("[\u0400-\u04ff]")


@functools.lru_cache(maxsize=65_536)  # names recur across a report's sentences; bounded for hostile input
def phonetic_key(name: str, merge_h: bool = False) -> str:
    """A spelling-independent key: the first letter and the consonants after it.

    >>> phonetic_key("Kəlbəcər") == phonetic_key("Kalbajar")
    False
    >>> phonetic_key("Кельбаджар") == phonetic_key("Kelbadschar") == phonetic_key("Kalbajar")
    True
    """
    text = anyascii(unicodedata.normalize("NFKC", core(name) or name)).lower()
    text = _OW.sub("au", text)
    for written, sound in _SOUNDS:
        text = text.replace(written, sound)
    if merge_h:
        text = text.replace("h", "g")  # Russian writes Latin h as г: "Кандагар", "Герат"
    text = _HARD_C.sub("k", text)  # "Crimea" is "Krim", "Крым"; "Cebrayil" keeps its soft c
    text = _PERSIAN_ENDING.sub("a", text)  # "Meymaneh" is "Maimana"
    text = _NOT_LETTER.sub("", text)
    if not text:
        return ""
    return _DOUBLED.sub(r"\1", text[0] + _VOWELS.sub("", text[1:]))


#: Vowels that open a name and are written for one sound: "Oruzgan" for Uruzgan.
_OPENING_VOWELS = {"o": "u", "u": "o"}


def alternative_keys(word: str, key: str, merge_h: bool) -> list[str]:
    """Keys ``word`` may also have, tried after its own key found nothing (a key long enough to trust only).

    "Talokan" for Taloqan: q and k, written for one sound, key apart (q keys with g, as Gazakh for
    Qazakh), so k is tried as g. German writes kh as ch ("Badachschan" for Badakhshan), which the
    key reads as French sh ("Choucha"); Azerbaijani c is j ("Kelbecer", "Cebrayil" without their
    accents). German dsch may stand for j and the sh after it ("Pandschir" for Panjshir). An opening
    o or u may be the other ("Oruzgan").
    """
    alternatives = [key.replace("k", "g")]
    if "ch" in word.lower():
        alternatives.append(phonetic_key(re.sub("ch", "kh", word, flags=re.IGNORECASE), merge_h))
    elif "c" in word.lower():
        alternatives.append(phonetic_key(re.sub("c", "j", word, flags=re.IGNORECASE), merge_h))
    if "dsch" in word.lower():
        alternatives.append(key.replace("j", "sh"))  # German dsch before sh, written once: "Pandschir" for Panjshir
    if key[0] in _OPENING_VOWELS:
        alternatives.append(_OPENING_VOWELS[key[0]] + key[1:])
    return [a for a in alternatives if a != key]


def keys_to_try(word: str, merge_h: bool) -> list[str]:
    """The sound keys to look ``word`` up by, in order: its :func:`phonetic_key` (none if shorter than
    :data:`MIN_KEY`), then, for a key longer than that, its :func:`alternative_keys`."""
    key = phonetic_key(word, merge_h)
    if len(key) < MIN_KEY:
        return []
    return [key, *alternative_keys(word, key, merge_h)] if len(key) > MIN_KEY else [key]


_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def _joined_names(name: str) -> tuple[str, ...]:
    """The names a boundary name joins with "and", each without its level or geographic word
    ("Tiran and Sanafir Is.", "Tiran and Sanafir Islands": tiran, sanafir); empty for a name that joins
    none, repeats one, or joins one of several words (its words are looked for one at a time)."""
    parts = tuple(plain(part) for part in _AND.split(name))
    return parts if len(parts) > 1 and all(part and " " not in part for part in parts) and len(set(parts)) == len(parts) else ()


def joint_parts(alias: str) -> tuple[str, ...]:
    """The names an alias joins with " + " (one for a plain alias): "Donetsk + Luhansk"."""
    return tuple(part.strip() for part in alias.split(JOINT) if part.strip())


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in a text, with the boundary names it may mean."""

    start: int
    end: int
    text: str
    boundary_names: frozenset[str]


@dataclass(frozen=True)
class Match:
    """How a name was resolved: the boundary name and the rule that found it."""

    name: str
    boundary_name: str
    rule: str  # "exact", "core", "alias", "skeleton" or "fuzzy"
    score: float = 100.0


def read_aliases(path: str | Path | None = None) -> dict[str, list[str]]:
    """Read an alias table (columns ``name``, ``alias``) into {name: [aliases]}.

    Defaults to the table shipped in ``geodata/aliases.csv``.

    Raises
    ------
    InputDataError
        If the file cannot be read, is larger than :data:`MAX_ALIAS_BYTES`
        (only that much is read, so an endless file fails fast), holds NUL
        bytes (a binary file), is not UTF-8 CSV or lacks the columns.
    """
    path = Path(path) if path else settings.package_geodata_dir() / "aliases.csv"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ALIAS_BYTES + 1)
    except OSError as error:
        raise InputDataError(f"Cannot read alias table '{path}': {error.strerror}.", hint="give the path of a CSV file with the columns name,alias.") from None
    if b"\x00" in data:
        raise InputDataError(f"Alias table '{path}' is a binary file, not a CSV table.", hint="give a CSV file with the columns name,alias.")
    if len(data) > MAX_ALIAS_BYTES:
        raise InputDataError(f"Alias table '{path}' is larger than {MAX_ALIAS_BYTES // 1_000_000} MB.", hint="give a CSV file with the columns name,alias.")
    table: dict[str, list[str]] = defaultdict(list)
    try:
        reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        if not {"name", "alias"} <= set(reader.fieldnames or []):
            raise InputDataError(f"Alias table '{path}' needs the columns name and alias.", hint="write a CSV with the header name,alias.")
        for row in reader:
            if row["name"] and row["alias"]:
                table[row["name"].strip()].append(row["alias"].strip())
    except UnicodeDecodeError:
        raise InputDataError(f"Alias table '{path}' is not UTF-8 text.", hint="save it as CSV in UTF-8.") from None
    except csv.Error as error:
        raise InputDataError(f"Alias table '{path}' is not valid CSV: {error}.", hint="save it as CSV.") from None
    return dict(table)


class Gazetteer:
    """The place names of one boundary file, searchable across spellings.

    Parameters
    ----------
    names
        Names of the boundary features (duplicates are allowed; a name shared
        by several features is matched as one).
    aliases
        {name: [other spellings]}; see :func:`read_aliases`. An alias group
        is used only where its name resolves to a boundary feature. An alias
        of names joined by " + " names the feature only where a text names
        them all together (:attr:`joint_names`): "Donetsk + Luhansk" is the
        Donbass of the two breakaway republics, neither of which alone is.
        A boundary name that joins names with "and" is named by them side
        by side in any language and order (:attr:`joined_names`): "Tiran and
        Sanafir Is." is "Tiran et Sanafir", "Sanafir et de Tiran", "Тиран и
        Санафир".
    """

    def __init__(self, names: list[str], aliases: dict[str, list[str]] | None = None) -> None:
        self.names = sorted(set(names))
        self._by_key: dict[str, dict[str, set[str]]] = {rule: defaultdict(set) for rule in ("exact", "core", "skeleton")}
        for name in self.names:
            self._by_key["exact"][fold(name)].add(name)
            self._by_key["core"][core(name)].add(name)
            self._by_key["core"][short(name)].add(name)
            for form in written_out(name):
                self._by_key["core"][form].add(name)
            self._by_key["skeleton"][skeleton(name)].add(name)
        self._alias_targets: dict[str, set[str]] = defaultdict(set)
        #: {boundary name: [the names that together name it]}, from aliases joined by " + ".
        self.joint_names: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        #: {boundary name: the names it joins with "and"}, which name it told side by side.
        self.joined_names: dict[str, tuple[str, ...]] = {name: joined for name in self.names if (joined := _joined_names(name))}
        for canonical, spellings in (aliases or {}).items():
            # Aliases point at names the file itself resolves (not at other aliases).
            targets: set[str] = next((found for rule, found in self._steps(canonical) if found and rule != "alias"), set()) or self._written_out(canonical)
            for spelling in [canonical, *spellings] if targets else []:
                parts = joint_parts(spelling)
                if len(parts) == 1:
                    self._alias_targets[core(spelling)].update(targets)
                elif len(targets) == 1:
                    self.joint_names[next(iter(targets))].append(parts)
        self._core_keys = sorted(self._by_key["core"])
        #: {boundary name: its spellings}: the name and its aliases (in their core form).
        self.spellings: dict[str, set[str]] = defaultdict(set)
        for name in self.names:
            self.spellings[name].add(name)
        for alias, targets in self._alias_targets.items():
            for target in targets:
                self.spellings[target].add(alias)
        #: {phrase: what :meth:`exact_names` finds}, for :meth:`mentions`: a report
        #: writes the same names and capitalised phrases in sentence after sentence.
        self._phrase_names: dict[str, frozenset[str]] = {}
        #: {name: what :meth:`rule` finds}, remembered for the same reason.
        self._rules: dict[str, str] = {}

    @functools.cached_property
    def _sound_tables(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        # Names by their sound (:func:`phonetic_key`), for spellings of other transliterations: Cyrillic
        # names are keyed with h and g as one sound (г stands for both); Latin ones keep them apart
        # (German "Häuser" is no "Qusar"). Worked out when first needed (extraction, or a name no
        # rule finds): a join whose names all match needs none.
        keys: dict[str, set[str]] = defaultdict(set)
        cyrillic_keys: dict[str, set[str]] = defaultdict(set)
        for feature, written in self.spellings.items():
            for name in written | {short(name) for name in written}:
                key = phonetic_key(name)
                if len(key) >= MIN_KEY:
                    keys[key].add(feature)
                    cyrillic_keys[phonetic_key(name, merge_h=True)].add(feature)
        return keys, cyrillic_keys

    @property
    def sound_keys(self) -> dict[str, set[str]]:
        """{sound key: boundary names}, keyed from every spelling: the names, their aliases, and
        each without a trailing abbreviation ("Hong Kong S.A.R." is written "Hongkong")."""
        return self._sound_tables[0]

    @property
    def cyrillic_sound_keys(self) -> dict[str, set[str]]:
        """The same keys with h and g as one sound, for names written in Cyrillic."""
        return self._sound_tables[1]

    def _steps(self, name: str):
        """(rule, boundary names) for each non-fuzzy rule, most exact first."""
        yield "exact", self._by_key["exact"].get(fold(name), set())
        yield "core", self._by_key["core"].get(core(name), set())
        yield "alias", self._alias_targets.get(core(name), set())
        yield "skeleton", self._by_key["skeleton"].get(skeleton(name), set())

    def _written_out(self, name: str) -> set[str]:
        """The boundary names ``name`` means with its abbreviated words written out ("Falkland Is."
        is "Falkland Islands", "W. Sahara" "Western Sahara"): for a table or alias table written
        with Natural Earth's ``NAME`` and a file named by its ``ADMIN``."""
        return {found for form in written_out(name) for found in self._by_key["core"].get(form, ())}

    def exact_names(self, name: str) -> set[str]:
        """Boundary names ``name`` means by any rule but fuzzy (empty if none)."""
        return next((found for _, found in self._steps(name) if found), set())

    def steps(self, name: str):
        """(rule, boundary names) for each non-fuzzy rule, most exact first."""
        return self._steps(name)

    def rule(self, name: str) -> str:
        """The first non-fuzzy rule that finds ``name`` ("exact", "core", "alias" or "skeleton"; "exact" if none does)."""
        return remembered(self._rules, name, lambda text: next((rule for rule, found in self._steps(text) if found), "exact"))

    def _exact_name_set(self, phrase: str) -> frozenset[str]:
        return frozenset(self.exact_names(phrase))

    def mentions(self, text: str, max_words: int = 3) -> list[PlaceMention]:
        """Place names in running text, longest first, without overlaps.

        Only capitalised phrases count (place names are proper nouns), and
        only non-fuzzy rules: a text is full of words that look like names.
        """
        tokens = list(_WORD.finditer(text))
        found: list[PlaceMention] = []
        following = 0  # the first token after the last name found
        for i, token in enumerate(tokens):
            if i < following or not token.group(0)[0].isupper():
                continue
            for n in range(min(max_words, len(tokens) - i), 0, -1):
                start, end = token.start(), tokens[i + n - 1].end()
                phrase = text[start:end]
                if "\n" in phrase:
                    continue
                names = remembered(self._phrase_names, phrase, self._exact_name_set)
                if names:
                    found.append(PlaceMention(start, end, phrase, names))
                    following = i + n
                    break
        return found

    def candidates(self, name: str, limit: int = 3) -> list[str]:
        """The boundary names closest to ``name``, best first."""
        from rapidfuzz import fuzz, process  # fuzzy matching loads only when a name has no exact match

        hits = process.extract(core(name), self._core_keys, scorer=fuzz.WRatio, limit=limit)
        return sorted({n for key, _, _ in hits for n in self._by_key["core"][key]}, key=lambda n: -fuzz.WRatio(core(name), core(n)))

    def lookup(self, name: str) -> Match | None:
        """Resolve a name, or return None when nothing matches: by the exact, core, alias and
        skeleton rules, with its abbreviated words written out ("Falkland Is."), then one clear
        fuzzy match. Never by sound alone (:meth:`sound_alike`): a name that sounds like a
        feature is as often another place (Granada, Colombo, Kazakh).

        Raises
        ------
        InputDataError
            When the name could mean more than one feature.
        """
        for rule, found in [*self._steps(name), ("core", self._written_out(name))]:
            if len(found) == 1:
                return Match(name, next(iter(found)), rule)
            if len(found) > 1:
                raise InputDataError(
                    f"District '{excerpt(name)}' could be any of: {', '.join(sorted(found))}.",
                    hint="write the full boundary name in the events table.",
                )
        return self._fuzzy(name)

    def sound_alike(self, name: str) -> set[str]:
        """The boundary names that sound like ``name`` written in another transliteration
        ("Nimroz" for Nimruz, "Hilmand" for Helmand, "Кельбаджар" for Kalbajar): by its
        :func:`keys_to_try`."""
        merge_h = bool(CYRILLIC.search(name))
        keys = self.cyrillic_sound_keys if merge_h else self.sound_keys
        return next((set(keys[key]) for key in keys_to_try(name, merge_h) if key in keys), set())

    def _closest_key(self, name: str) -> tuple[str, float] | None:
        """The core key ``name`` most likely misspells, with its score: None
        unless one scores high enough and clearly above the runner-up."""
        from rapidfuzz import fuzz, process  # fuzzy matching loads only when a name has no exact match

        hits = process.extract(core(name), self._core_keys, scorer=fuzz.WRatio, limit=2)
        if not hits or hits[0][1] < settings.FUZZY_CUTOFF:
            return None
        if len(hits) > 1 and hits[0][1] - hits[1][1] < settings.FUZZY_MARGIN:
            return None
        return hits[0][0], hits[0][1]

    def _only_partly(self, name: str, closest: tuple[str, float] | None) -> bool:
        """Whether the closest key only extends or shortens ``name`` at its
        start or end ("Kalbajar" ~ "Other Kalbajar District", "Marrow" ~
        "Marrow Valley"): that names another place more often than it
        corrects a typo, though it scores high."""
        if closest is None:
            return False
        shorter, longer = sorted((core(name), closest[0]), key=len)
        return longer.startswith(shorter) or longer.endswith(shorter)

    def _fuzzy(self, name: str) -> Match | None:
        """A misspelling's one clear fuzzy match, or None (also when the match
        is only partial, see :meth:`_only_partly`)."""
        closest = self._closest_key(name)
        if closest is None or self._only_partly(name, closest):
            return None
        found = self._by_key["core"][closest[0]]
        if len(found) != 1:
            return None
        return Match(name, next(iter(found)), "fuzzy", closest[1])

    def match(self, name: str) -> Match:
        """Resolve a name or fail with the closest candidates.

        Raises
        ------
        InputDataError
            When the name is unknown or ambiguous, or its closest match agrees
            with only part of it.
        """
        found = self.lookup(name)
        if found is None:
            closest, alike = self.candidates(name), sorted(self.sound_alike(name))
            raise InputDataError(
                f"District '{excerpt(name)}' matches no boundary feature"
                + (f"; it sounds like {' or '.join(alike)}" if 0 < len(alike) <= 2 else "")
                + (f"; closest: {', '.join(closest)}" if closest else "")
                + (" (only part of the name agrees, which is no typo)." if self._only_partly(name, self._closest_key(name)) else "."),
                hint="fix the name in the events table (the full boundary name), add the spelling to an alias table "
                "(--aliases), or pass the right --name-field.",
            )
        return found


def join_events(events: list[Event], boundary_names: list[str], aliases: dict[str, list[str]] | None = None) -> dict[str, list[Event]]:
    """Attach each event to the boundary feature its district name means.

    Returns {boundary name: events in table order}. Fuzzy matches are
    reported as warnings.

    Raises
    ------
    InputDataError
        Naming every unknown or ambiguous district, with the closest
        boundary names, so that one edit of the table fixes them all.
    """
    gazetteer = Gazetteer(boundary_names, aliases)
    joined: dict[str, list[Event]] = {}
    boundary_of: dict[str, str] = {}
    problems = []
    for name in sorted({e.district for e in events}):
        try:
            found = gazetteer.match(name)
        except InputDataError as error:
            problems.append(error.message)
            continue
        if found.rule == "fuzzy":
            warnings.warn(
                f"District '{excerpt(name)}' taken to be '{found.boundary_name}' (fuzzy match, score {found.score:.0f}).", HandoverMapWarning, stacklevel=2
            )
        boundary_of[name] = found.boundary_name
        joined.setdefault(found.boundary_name, [])
    # One pass in table order: each district's events keep the table's order
    # across spellings (which the map's label choice relies on).
    for event in events:
        if event.district in boundary_of:
            joined[boundary_of[event.district]].append(event)
    if problems:
        raise InputDataError(" ".join(problems), hint="fix the district names in the events table, or pass the right --boundaries/--name-field.")
    return dict(joined)
