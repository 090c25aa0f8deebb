"""Find the places a report names, as a reader means them.

On top of the gazetteer's spellings (exact, level words, alias table,
transliteration noise), a :class:`PlaceFinder` knows:

- spellings from other transliterations and scripts, by a phonetic key
  (dj/j, dzh/j, tsch/ch, gh/g, kh/h, q/g, z/s, ou/u, y/i, vowels after the first
  letter; Cyrillic and other scripts through ``anyascii``), so "Kelbadschar",
  "Кельбаджар" and "Kalbadjar" all find Kalbajar;
- inflected forms, by trying the language's case endings
  ("Кельбаджарского района", "Latschins");
- capitals standing for their province ("Sheberghan" for Jowzjan), from
  Natural Earth's admin-1 capitals that lie inside one feature;
- names of several words joined by a Persian ezafe, in all its spellings
  ("Pol-e Alam", "Pul-i Alam", "Пули Алам");
- a boundary name that joins names with "and", named by them side by side
  in any language and order ("Tiran et de Sanafir" for "Tiran and Sanafir
  Is."), and compounds that leave out a name's geographic word
  ("Golanhöhen", "Falklandinseln").

A name that could mean two features is reported, not used, unless a level
word next to it says which ("town of Shusha" is the city).
"""

from __future__ import annotations

import csv
import difflib
import functools
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from . import settings
from ._memory import remembered
from .gazetteer import CYRILLIC, MIN_KEY, Gazetteer, core, ends_a_name, fold, keys_to_try, phonetic_key, plain, quieted, short

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ELISION = re.compile(r"^(?:[dlnjsc]|qu)['’](?=[^\W\d_])", re.IGNORECASE)

#: How many characters may stand between two names that together name a feature: "Donetsk People's Republic and the Luhansk".
_JOINT_GAP = 40
#: ... where no sentence or clause ends.
_JOINT_BREAK = re.compile(r"[.;:!?()\n]")

#: The number of a boundary name's own join ("Tiran and Sanafir Is."), told side by side: its names with the
#: language's "and" between them, and at most one function word after it ("Tiran et de Sanafir"); not "Tiran but
#: not Sanafir", "Tiran or Sanafir", nor "Matthew Lee and Hunter" or "Hunter and Matthew Brown", who are no islands.
_SIDE_BY_SIDE = -1


#: A word ending in a Persian ezafe: "Sar-i", "Pul-e".
_EZAFE = re.compile(r"\w-[ei]$")
#: The Persian ezafe written as a word of its own: "Pol-e Alam", "Qala i Naw", "Mazar-i-Sharif".
_EZAFE_WORDS = frozenset({"e", "i", "ye", "yi"})
#: Fewest letters an ezafe form may have: shorter ones are too easily another name's.
_EZAFE_FORM_LETTERS = 6


@functools.lru_cache(maxsize=65_536)  # asked for every run of capitalised words; bounded for hostile input
def ezafe_form(name: str) -> str:
    """One form for the spellings of a name of several words joined by a Persian ezafe, or "" for a
    name without one (the ezafe as a word: "Pol-e Alam", "Qala i Naw"; or joined to the first word:
    "Puli Alam", "Sari Pul"): the ezafe left out, o and ou read as u, the noise of transliteration
    dropped (:func:`~handover_map.gazetteer.quieted`); "" too where that leaves fewer than
    :data:`_EZAFE_FORM_LETTERS` letters.

    >>> ezafe_form("Pol-e Khomri") == ezafe_form("Pul-i-Kumri") == ezafe_form("Пули Хумри")
    True
    >>> ezafe_form("Baku City"), ezafe_form("Pul-e Alam") == ezafe_form("Pul-e Alam District")
    ('', False)
    """
    words = fold(anyascii(name)).split()
    if len(words) < 2:
        return ""
    if any(word in _EZAFE_WORDS for word in words[1:-1]):
        words = [word for word in words if word not in _EZAFE_WORDS]
    elif len(words[0]) > 3 and words[0][-1] in "ie":
        words[0] = words[0][:-1]
    else:
        return ""
    text = "".join(words).replace("ou", "u").replace("o", "u")
    form = quieted(text)
    return form if len(form) >= _EZAFE_FORM_LETTERS else ""


@dataclass(frozen=True)
class Place:
    """A place named in a text: where, as written, which feature(s), and by which rule."""

    start: int
    end: int
    text: str
    features: frozenset[str]
    rule: str  # exact, core, alias, skeleton, transliteration, inflection, capital, joined


class PlaceFinder:
    """Finds the boundary features a text names.

    Parameters
    ----------
    gazetteer
        The boundary names and aliases.
    capitals
        {capital's name: feature} for capitals that stand for their feature.
    endings
        The language's case endings, longest first (Russian "ского", "е" ...).
    town_words
        Words that say a name is a town or city ("town of Shusha").
    level_words
        Words that say which level a name is ("district", "province").
    compound_endings
        Words joined to a name to say what it is: German "Gazastreifen", "Gaza-Streifen".
    derived_endings
        Endings that make a name into a person's or a people's word: English "Laghmani" (from Laghman),
        which names no place.
    common_words
        The language's own words that a sound key must not turn into a place ("Three" keys like Takhar).
    and_words
        The language's words for "and": a boundary name joined with "and" is named by its names with one
        of them between (and at most one of ``common_words`` after it: "Tiran et de Sanafir").
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        capitals: dict[str, str] | None = None,
        endings: tuple[str, ...] = (),
        town_words: frozenset[str] = frozenset(),
        level_words: frozenset[str] = frozenset(),
        derived_endings: tuple[str, ...] = (),
        compound_endings: tuple[str, ...] = (),
        common_words: frozenset[str] = frozenset(),
        and_words: frozenset[str] = frozenset(),
    ) -> None:
        self.gazetteer = gazetteer
        self.and_words = and_words
        self.common_words = common_words
        self.endings = endings
        self.derived_endings = derived_endings
        self.compound_endings = compound_endings
        self.town_words = town_words
        self.level_words = level_words
        self._keys, self._cyrillic_keys = gazetteer.sound_keys, gazetteer.cyrillic_sound_keys
        self._feature_of: dict[str, set[str]] = defaultdict(set)
        #: {name without its geographic word: features}, the stems of compounds only: "Golanhöhen", "Falkland-Inseln".
        self._compound_stems: dict[str, set[str]] = defaultdict(set)
        for feature, names in gazetteer.spellings.items():
            for name in names:
                self._feature_of[fold(name)].add(feature)
                if plain(name) != short(name):
                    self._compound_stems[plain(name)].add(feature)
        #: Every name written for a place (spellings and capitals), folded.
        self._written = set(self._feature_of) | {fold(c) for c in capitals or {}}
        self._capitals: dict[str, str] = {}
        #: {word: what :meth:`_features_of_word` finds}: a report names its places again and again.
        self._word_features: dict[str, tuple[frozenset[str], str]] = {}
        self._cyrillic_capitals: dict[str, str] = {}
        #: {folded spelling or sound key: {(feature, alias number, part number)}}: the names that together name a feature.
        self._joint_parts: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
        #: {(feature, alias number): how many names it joins}.
        self._joint_sizes: dict[tuple[str, int], int] = {}
        #: {word: what :meth:`_joint_part` finds}, for the same reason as ``_word_features``.
        self._word_parts: dict[str, set[tuple[str, int, int]]] = {}
        # The alias groups by their numbers; a name's own join as number -1 (its names are told side by side).
        joints = [(feature, number, parts) for feature, groups in gazetteer.joint_names.items() for number, parts in enumerate(groups)]
        for feature, number, parts in joints + [(feature, _SIDE_BY_SIDE, parts) for feature, parts in gazetteer.joined_names.items()]:
            self._joint_sizes[feature, number] = len(parts)
            for part_number, part in enumerate(parts):
                for form in _joint_forms(part):
                    self._joint_parts[form].add((feature, number, part_number))
        #: {ezafe form: (feature, rule)} of the names of several words, features' and capitals', that no two features share.
        self._ezafe_names: dict[str, tuple[str, str]] = {}
        ezafe_named: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for feature, names in gazetteer.spellings.items():
            for name in names:
                ezafe_named[ezafe_form(name)].add((feature, "transliteration"))
        for capital, feature in (capitals or {}).items():
            ezafe_named[ezafe_form(capital)].add((feature, "capital"))
        for form, named in ezafe_named.items():
            if form and len({feature for feature, _ in named}) == 1:
                # The feature's own name before its capital's, where they are one ("Sar-e Pol", "Sar-e Pul").
                self._ezafe_names[form] = max(named, key=lambda found: found[1] == "transliteration")
        #: Capitals by their own names, folded: found even where their key is too short to trust ("Nili", "Sar-e Pul").
        self._capital_names = {fold(capital): feature for capital, feature in (capitals or {}).items()}
        for capital, feature in (capitals or {}).items():
            key = phonetic_key(capital)
            if len(key) >= MIN_KEY and not self._keys.get(key):
                self._capitals[key] = feature
                self._cyrillic_capitals[phonetic_key(capital, merge_h=True)] = feature

    def _tables(self, word: str) -> tuple[dict[str, set[str]], dict[str, str], bool]:
        """The key tables to look ``word`` up in, and whether its h and g are one sound."""
        if CYRILLIC.search(word):
            return self._cyrillic_keys, self._cyrillic_capitals, True
        return self._keys, self._capitals, False

    def _rule(self, name: str) -> str:
        """Which gazetteer rule finds ``name``: exact, core, alias or skeleton."""
        return self.gazetteer.rule(name)

    def _by_key(self, word: str) -> tuple[set[str], str]:
        if fold(word) in self._capital_names:
            return {self._capital_names[fold(word)]}, "capital"
        if CYRILLIC.search(word):
            # A capital whose key is too short to trust, in Cyrillic and maybe inflected: "Маймана", "Майману"
            # (the stem without its case ending, as written or with the nominative's -а).
            lowered = word.lower()
            stems = [word] + [word[: len(word) - len(e)] for e in self.endings if lowered.endswith(e) and len(word) - len(e) >= 3]
            for nominative in (form for stem in stems for form in (stem, stem + "а")):
                feature = self._capital_names.get(fold(anyascii(nominative)))
                if feature is not None:
                    return {feature}, "capital"
        keys, capitals, merge_h = self._tables(word)
        for key in keys_to_try(word, merge_h):
            if key in keys:
                return keys[key], "transliteration"
            if key in capitals:
                return {capitals[key]}, "capital"
        lowered = word.lower()
        for ending in self.endings:
            if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
                stem_key = phonetic_key(word[: len(word) - len(ending)], merge_h)
                if len(stem_key) >= MIN_KEY and stem_key in keys:
                    return keys[stem_key], "inflection"
                if len(stem_key) >= MIN_KEY and stem_key in capitals:
                    return {capitals[stem_key]}, "capital"
        return set(), ""

    def find(self, text: str) -> list[Place]:
        """Places in ``text`` (capitalised names only), in order, without overlaps."""
        found = [Place(m.start, m.end, m.text, m.boundary_names, self._rule(m.text)) for m in self.gazetteer.mentions(text)]
        taken = [(p.start, p.end) for p in found]
        tokens = list(_TOKEN.finditer(text))
        skip_until = -1
        parts: list[tuple[int, int, tuple[str, int, int]]] = []
        for number, token in enumerate(tokens):
            word = token.group(0)
            apostrophe = "'" in word or "’" in word
            if not apostrophe and not word[0].isupper():
                continue  # neither a name nor an elided one: most words, passed over first
            start = token.start()
            elided = _ELISION.match(word) if apostrophe else None
            if elided:  # "d'Aghdam", "l’Azerbaïdjan"
                start += elided.end()
                word = word[elided.end() :]
            if start < skip_until or not word[:1].isupper() or any(a <= start < b for a, b in taken):
                continue
            if number and self._surname(text, tokens[number - 1], word):
                continue  # "Daud Laghmani", the governor: a man named after Laghman, not Laghman
            place = self._name_of_words(text, tokens, number, start) or self._name_of_word(word, start, token.end())
            if place:
                found.append(place)
                skip_until = place.end
            elif self._joint_parts:
                parts.extend((start, token.end(), part) for part in remembered(self._word_parts, word, self._joint_part))
        found += self._joint_places(text, parts, found) if parts else []
        found.sort(key=lambda p: p.start)
        return [self._disambiguate(text, p) for p in found]

    def _joint_part(self, word: str) -> set[tuple[str, int, int]]:
        """The names of joint aliases a word is (as written, by its sound key, or inflected)."""
        cyrillic = bool(CYRILLIC.search(word))
        lowered = word.lower()
        stems = [word] + [word[: len(word) - len(e)] for e in self.endings if lowered.endswith(e) and len(word) - len(e) >= 3]
        for stem in stems:
            key = phonetic_key(stem, cyrillic)
            found = self._joint_parts.get(fold(anyascii(stem))) or (self._joint_parts.get(key) if len(key) > MIN_KEY else None)
            if found:
                return found
        return set()

    def _joint_places(self, text: str, parts: list[tuple[int, int, tuple[str, int, int]]], found: list[Place]) -> list[Place]:
        """A feature named by all the names of one of its joint aliases, told close together in one
        sentence and not inside a place already found: "the Donetsk and Luhansk People's Republics"."""
        places: list[Place] = []
        for (feature, number), size in self._joint_sizes.items():
            mine = [(start, end, part) for start, end, (f, n, part) in parts if (f, n) == (feature, number)]
            run: list[tuple[int, int, int]] = []
            for start, end, part in mine:
                if run and not self._told_together(text[run[-1][1] : start], number == _SIDE_BY_SIDE):
                    run = []
                run.append((start, end, part))
                if len({p for _, _, p in run}) == size:
                    first, last = run[0][0], run[-1][1]
                    if number == _SIDE_BY_SIDE and self._surname_after(text, last):
                        run = []
                        continue
                    if not any(p.start < last and first < p.end for p in found + places):
                        places.append(Place(first, last, text[first:last], frozenset({feature}), "joined" if number == _SIDE_BY_SIDE else "alias"))
                    run = []
        return places

    def _told_together(self, between: str, side_by_side: bool) -> bool:
        """Whether two names of a joint name with ``between`` them are told together: side by side, "and"
        between ("Tiran et de Sanafir"); else close, in one clause ("Donetsk People's Republic and the Luhansk")."""
        if side_by_side:
            words = between.lower().split()
            return 0 < len(words) <= 2 and words[0] in self.and_words and all(word in self.common_words for word in words[1:])
        return len(between) <= _JOINT_GAP and not _JOINT_BREAK.search(between)

    def _surname_after(self, text: str, end: int) -> bool:
        """Whether one capitalised word, not a name's own geographic word, follows right after ``end``:
        "Hunter and Matthew Brown took" are people; "Tiran and Sanafir Islands" and "Тиран и Санафир
        Саудовской Аравии" (a name of two words after) are the islands."""
        following = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
        if following is None or not following.group(0)[:1].isupper() or ends_a_name(following.group(0)):
            return False
        after = _TOKEN.match(text, following.end() + 1) if text[following.end() : following.end() + 1] == " " else None
        return after is None or not after.group(0)[:1].isupper()

    def _surname(self, text: str, previous: re.Match[str], word: str) -> bool:
        """Whether ``word`` is a place's name with a derived ending right after a capitalised
        given name: "Daud Laghmani" (but "control of Farahi" is a misspelt Farah)."""
        given = previous.group(0)
        return (
            given[:1].isupper()
            and text[previous.end() : previous.end() + 1] == " "
            and fold(given) not in self._written
            and any(word.lower().endswith(e) and fold(word[: -len(e)]) in self._written for e in self.derived_endings)
        )

    def _name_of_word(self, word: str, start: int, end: int) -> Place | None:
        if word.lower() in self.common_words:
            return None  # "Three more cities ...", not Takhar
        features, rule = remembered(self._word_features, word, self._features_of_word)
        return Place(start, end, word, features, rule) if features else None

    def _features_of_word(self, word: str) -> tuple[frozenset[str], str]:
        """The features one capitalised word names, and by which rule (none: an empty set)."""
        if fold(word) in self._feature_of:
            return frozenset(self._feature_of[fold(word)]), "exact"  # a name as written, even one too short for a key ("d'Abyei")
        features, rule = self._by_key(word)
        for ending in self.compound_endings if not features else ():
            stem = fold(word[: -len(ending)]) if word.lower().endswith(ending) else ""
            if stem in self._feature_of or stem in self._compound_stems:
                # A compound is read like an inflected form, and may leave out the name's own geographic word.
                features, rule = self._feature_of.get(stem) or self._compound_stems[stem], "inflection"
                break
            if stem:
                features, rule = self._by_key(word[: -len(ending)])  # ... also in another spelling: "Pandschir-Tal"
                if features:
                    break
        if not features and "-" in word:
            features, rule = self._by_key(word.replace("-", " "))
        if not features and (form := ezafe_form(word)) in self._ezafe_names:
            feature, rule = self._ezafe_names[form]  # "Pul-i-Kumri" for Pul-e Khumri
            features = {feature}
        return frozenset(features), rule

    def _name_of_words(self, text: str, tokens: list[re.Match[str]], number: int, start: int) -> Place | None:
        """A name of two or three words that no single word makes: "Lashkar Gah", "Qala i Naw"."""
        for size in (3, 2):
            last = number + size - 1
            if last >= len(tokens):
                continue
            words = tokens[number : last + 1]
            # The cheap test first: most capitalised words are not followed by another.
            if not words[-1].group(0)[:1].isupper() or not all(text[a.end() : b.start()] in (" ", "-") for a, b in itertools.pairwise(words)):
                continue
            name = text[start : words[-1].end()]
            if fold(name) in self._capital_names:
                return Place(start, words[-1].end(), name, frozenset({self._capital_names[fold(name)]}), "capital")
            if (form := ezafe_form(name)) in self._ezafe_names:
                feature, rule = self._ezafe_names[form]  # "Pol-e Alam", "Пули Алам" for Pul-e Alam
                return Place(start, words[-1].end(), name, frozenset({feature}), rule)
            keys, capitals, merge_h = self._tables(name)
            key = phonetic_key(name, merge_h)
            if len(key) < MIN_KEY + 1:
                continue
            # A Persian ezafe ("Sar-i Pul", "Pul-e Alam") marks a name of two words: a shorter key is enough.
            trusted = MIN_KEY + (1 if _EZAFE.search(words[0].group(0)) else 2)
            if key in keys and len(key) >= trusted:
                return Place(start, words[-1].end(), name, frozenset(keys[key]), "transliteration")
            if key in capitals:
                # A capital's name of several words is known well enough from a shorter key: "Sar-i Pul".
                return Place(start, words[-1].end(), name, frozenset({capitals[key]}), "capital")
        return None

    def names_a_town_only(self, text: str, place: Place) -> bool:
        """Whether ``place`` names a town inside its feature, not the feature: a town word beside it
        and no other level word ("liberated the city of Fuzuli and seven villages"), where the
        feature is a district (its name holds a level word) that has no town feature of its own.
        Taking the town is not taking the district; but a capital stands for its feature
        ("captured the city of Kunduz")."""
        if not self.may_name_a_town_only(place):
            return False
        around = {w.lower() for w in _TOKEN.findall(text[max(0, place.start - 12) : place.end + 12])}
        return bool(around & self.town_words) and not around & (self.level_words - self.town_words)

    def may_name_a_town_only(self, place: Place) -> bool:
        """Whether ``place``, named as a town, would name a town inside its feature: a district (its name
        holds a level word) with no town feature of its own, found by another name than a capital's."""
        if len(place.features) != 1 or place.rule == "capital" or fold(place.text) in self._capital_names:
            return False
        (feature,) = place.features
        return bool(set(fold(feature).split()) & (self.level_words - self.town_words))

    def _disambiguate(self, text: str, place: Place) -> Place:
        """Of a town and a district of one name, the town: when a town word stands next to the
        name, or when no level word does ("captured Shusha" is the town; the district would be
        written "Shusha district", which the gazetteer finds as such)."""
        if len(place.features) < 2:
            return place
        towns = {f for f in place.features if {"city", "town"} & set(fold(f).split())}
        if len(towns) != 1:
            return self._closest_spelling(place)
        around = {w.lower() for w in _TOKEN.findall(text[max(0, place.start - 12) : place.end + 12])}
        same_name = len({core(f) for f in place.features}) == 1
        if around & self.town_words or (same_name and not around & self.level_words):
            return Place(place.start, place.end, place.text, frozenset(towns), place.rule)
        return place

    @staticmethod
    def _closest_spelling(place: Place) -> Place:
        """Of features of different names that one sound key joins ("Gazakh": Qazakh or Goychay), the one
        spelt clearly closest to the report's word; else all of them, for the reviewer."""
        written = fold(place.text)
        likeness = sorted(((difflib.SequenceMatcher(None, written, fold(core(f))).ratio(), f) for f in place.features), reverse=True)
        (best, feature), (second, _) = likeness[0], likeness[1]
        if best >= 0.6 and best - second >= 0.25:
            return Place(place.start, place.end, place.text, frozenset({feature}), place.rule)
        return place


def _joint_forms(name: str) -> set[str]:
    """How a name of a joint alias is looked up: folded as written (in Latin letters too: "ДНР" is
    "DNR"), and by its sound keys when they are long enough to trust."""
    forms = {fold(name), fold(anyascii(name))}
    forms |= {key for key in (phonetic_key(name), phonetic_key(name, merge_h=True)) if len(key) > MIN_KEY}
    return forms


def capitals_from(places: list[tuple[str, float, float]], features: list[tuple[str, object]]) -> dict[str, str]:
    """{capital: feature} for each capital point inside exactly one feature.

    Parameters
    ----------
    places
        (name, longitude, latitude) of capitals.
    features
        (name, shapely geometry) of the boundary features.
    """
    import shapely

    if not places or not features:
        return {}
    tree = shapely.STRtree([geometry for _, geometry in features])
    points = shapely.points([(lon, lat) for _, lon, lat in places])
    hits: dict[int, set[str]] = defaultdict(set)
    for point_index, feature_index in zip(*tree.query(points, predicate="within")):
        hits[int(point_index)].add(features[int(feature_index)][0])
    return {places[i][0]: next(iter(names)) for i, names in sorted(hits.items()) if len(names) == 1}


def read_capitals(path: Path | None = None) -> list[tuple[str, str]]:
    """(feature, capital) pairs of the hand-checked capitals table, ``geodata/capitals.csv``.

    Natural Earth's admin-1 capitals are not all right (it gives Baraki Barak
    for Logar, whose seat is Pul-e Alam) nor spelled as reports spell them
    ("Zareh Sharan" for Sharana): for the features it lists, this table wins.
    """
    path = path or settings.package_geodata_dir() / "capitals.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["feature"], row["capital"]) for row in csv.DictReader(handle)]


def reference_places(frame) -> tuple[dict[str, str], frozenset[str]]:
    """Capitals that stand for their feature, and features that hold a seat of government.

    From Natural Earth's populated places (``ne-10m-populated-places``):
    admin-1 capitals inside exactly one feature of ``frame`` (a boundary
    frame with ``name`` and geometry in EPSG:4326), and the features that
    contain a national capital; for the features that the capitals table
    (:func:`read_capitals`) lists, its capitals instead. Without the Natural
    Earth file (offline, no mirror), the table's only.
    """
    import warnings

    import geopandas as gpd

    from . import sources
    from ._errors import HandoverMapError, HandoverMapWarning

    names = set(frame["name"])
    checked = [(feature, capital) for feature, capital in read_capitals() if feature in names]
    listed = {feature for feature, _ in checked}
    table = {capital: feature for feature, capital in checked}
    try:
        path, _ = sources.resolve("ne-10m-populated-places")
        points = gpd.read_file(path, columns=["name", "namealt", "featurecla"])
    except HandoverMapError as error:
        warnings.warn(f"Capitals outside the capitals table are not read as their provinces: {error}", HandoverMapWarning, stacklevel=2)
        return table, frozenset()
    features = list(zip(frame["name"], frame.geometry))
    admin1 = points[points["featurecla"].str.startswith("Admin-1 capital", na=False)]
    # A capital stands for its feature only as the one capital inside it: in a file of countries,
    # Assen and Moundou are two of many (and "Asian", "Monday" would read as the Netherlands, Chad).
    inside = capitals_from([(str(k), g.x, g.y) for k, g in enumerate(admin1.geometry)], features)
    held = Counter(inside.values())
    admin1 = admin1[[str(k) in inside and held[inside[str(k)]] == 1 for k in range(len(admin1))]]
    named = [(str(n), g.x, g.y) for n, g in zip(admin1["name"], admin1.geometry)]
    named += [(str(n), g.x, g.y) for n, g in zip(admin1["namealt"], admin1.geometry) if isinstance(n, str) and n]
    seats = points[points["featurecla"].str.startswith("Admin-0 capital", na=False)]
    seat_features = capitals_from([(str(n), g.x, g.y) for n, g in zip(seats["name"], seats.geometry)], features)
    natural_earth = {capital: feature for capital, feature in capitals_from(named, features).items() if feature not in listed}
    return natural_earth | table, frozenset(seat_features.values())
