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
  Natural Earth's admin-1 capitals that lie inside one feature.

A name that could mean two features is reported, not used, unless a level
word next to it says which ("town of Shusha" is the city).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from anyascii import anyascii

from .gazetteer import Gazetteer, core, fold

# Order matters: longer spellings first, so "dzh" is not read as "d" + "zh".
_SOUNDS = (
    ("tsch", "ch"),
    ("dsch", "j"),
    ("dzh", "j"),
    ("tch", "ch"),
    ("sch", "sh"),
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
)
_NOT_LETTER = re.compile(r"[^a-z]")
_VOWELS = re.compile(r"[aeiou]")
_DOUBLE = re.compile(r"(.)\1+")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ELISION = re.compile(r"^(?:[dlnjsc]|qu)['’](?=[^\W\d_])", re.IGNORECASE)
#: Keys shorter than this match too many ordinary words to be trusted.
MIN_KEY = 3


def phonetic_key(name: str) -> str:
    """A spelling-independent key: the first letter and the consonants after it.

    >>> phonetic_key("Kəlbəcər") == phonetic_key("Kalbajar")
    False
    >>> phonetic_key("Кельбаджар") == phonetic_key("Kelbadschar") == phonetic_key("Kalbajar")
    True
    """
    text = anyascii(unicodedata.normalize("NFKC", core(name) or name)).lower()
    for written, sound in _SOUNDS:
        text = text.replace(written, sound)
    text = _NOT_LETTER.sub("", text)
    if not text:
        return ""
    return _DOUBLE.sub(r"\1", text[0] + _VOWELS.sub("", text[1:]))


@dataclass(frozen=True)
class Place:
    """A place named in a text: where, as written, which feature(s), and by which rule."""

    start: int
    end: int
    text: str
    features: frozenset[str]
    rule: str  # exact, core, alias, skeleton, transliteration, inflection, capital


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
    """

    def __init__(
        self, gazetteer: Gazetteer, capitals: dict[str, str] | None = None, endings: tuple[str, ...] = (), town_words: frozenset[str] = frozenset()
    ) -> None:
        self.gazetteer = gazetteer
        self.endings = endings
        self.town_words = town_words
        self._keys: dict[str, set[str]] = defaultdict(set)
        spellings: dict[str, set[str]] = defaultdict(set)
        for name in gazetteer.names:
            spellings[name].add(name)
        for alias, targets in gazetteer.alias_targets().items():
            for target in targets:
                spellings[target].add(alias)
        for feature, names in spellings.items():
            for name in names:
                key = phonetic_key(name)
                if len(key) >= MIN_KEY:
                    self._keys[key].add(feature)
        self._capitals: dict[str, str] = {}
        for capital, feature in (capitals or {}).items():
            key = phonetic_key(capital)
            if len(key) >= MIN_KEY and not self._keys.get(key):
                self._capitals[key] = feature

    def _rule(self, name: str) -> str:
        """Which gazetteer rule finds ``name``: exact, core, alias or skeleton."""
        return next((rule for rule, found in self.gazetteer.steps(name) if found), "exact")

    def _by_key(self, word: str) -> tuple[set[str], str]:
        key = phonetic_key(word)
        if len(key) >= MIN_KEY:
            if key in self._keys:
                return self._keys[key], "transliteration"
            if key in self._capitals:
                return {self._capitals[key]}, "capital"
        lowered = word.lower()
        for ending in self.endings:
            if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
                stem_key = phonetic_key(word[: len(word) - len(ending)])
                if len(stem_key) >= MIN_KEY and stem_key in self._keys:
                    return self._keys[stem_key], "inflection"
                if len(stem_key) >= MIN_KEY and stem_key in self._capitals:
                    return {self._capitals[stem_key]}, "capital"
        return set(), ""

    def find(self, text: str) -> list[Place]:
        """Places in ``text`` (capitalised names only), in order, without overlaps."""
        found = [Place(m.start, m.end, m.text, m.boundary_names, self._rule(m.text)) for m in self.gazetteer.mentions(text)]
        taken = [(p.start, p.end) for p in found]
        for token in _TOKEN.finditer(text):
            word, start = token.group(0), token.start()
            elided = _ELISION.match(word)
            if elided:  # "d'Aghdam", "l’Azerbaïdjan"
                start += elided.end()
                word = word[elided.end() :]
            if not word[:1].isupper() or any(a <= start < b for a, b in taken):
                continue
            features, rule = self._by_key(word)
            if not features and "-" in word:
                features, rule = self._by_key(word.replace("-", " "))
            if features:
                found.append(Place(start, token.end(), word, frozenset(features), rule))
        found.sort(key=lambda p: p.start)
        return [self._disambiguate(text, p) for p in found]

    def _disambiguate(self, text: str, place: Place) -> Place:
        """Of several features, the town when a town word stands next to the name."""
        if len(place.features) < 2 or not self.town_words:
            return place
        around = {w.lower() for w in _TOKEN.findall(text[max(0, place.start - 12) : place.end + 12])}
        if around & self.town_words:
            towns = {f for f in place.features if {"city", "town"} & set(fold(f).split())}
            if len(towns) == 1:
                return Place(place.start, place.end, place.text, frozenset(towns), place.rule)
        return place


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


def reference_places(frame) -> tuple[dict[str, str], frozenset[str]]:
    """Capitals that stand for their feature, and features that hold a seat of government.

    From Natural Earth's populated places (``ne-10m-populated-places``):
    admin-1 capitals inside exactly one feature of ``frame`` (a boundary
    frame with ``name`` and geometry in EPSG:4326), and the features that
    contain a national capital. Without that file (offline, no mirror), none.
    """
    import warnings

    import geopandas as gpd

    from . import sources
    from ._errors import HandoverMapError, HandoverMapWarning

    try:
        path, _ = sources.resolve("ne-10m-populated-places")
        points = gpd.read_file(path, columns=["name", "namealt", "featurecla"])
    except HandoverMapError as error:
        warnings.warn(f"Capitals are not read as their provinces: {error}", HandoverMapWarning, stacklevel=2)
        return {}, frozenset()
    features = list(zip(frame["name"], frame.geometry))
    admin1 = points[points["featurecla"].str.startswith("Admin-1 capital", na=False)]
    named = [(str(n), g.x, g.y) for n, g in zip(admin1["name"], admin1.geometry)]
    named += [(str(n), g.x, g.y) for n, g in zip(admin1["namealt"], admin1.geometry) if isinstance(n, str) and n]
    seats = points[points["featurecla"].str.startswith("Admin-0 capital", na=False)]
    seat_features = capitals_from([(str(n), g.x, g.y) for n, g in zip(seats["name"], seats.geometry)], features)
    return capitals_from(named, features), frozenset(seat_features.values())
