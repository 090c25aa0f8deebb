"""Per-language handover vocabulary, kept as data in ``lexicons/<lang>.toml``.

A :class:`Lexicon` holds what extraction needs to know about one language:
the wording of handovers (cues, with the kind of event each reports, the
side its place stands on and the role of its subject), the words that negate,
make hypothetical or put in the future, the date words, and the words for
administrative levels. :func:`detect_language` picks the lexicon whose
function words the text uses most, among those of the scripts it uses. Adding a language is adding a TOML file.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ._errors import InputDataError
from ._memory import remembered

#: Cue kinds: a change of control (completed, or scheduled when put in the
#: future), an announced date, a date put off, and a phrase that starts like a
#: wording but is none (German "räumte ... ein", admitted, is no "räumte", vacated).
CUE_KINDS = ("change", "schedule", "postpone", "none")


@dataclass(frozen=True)
class Cue:
    """One wording of a handover: its words and what they say.

    ``words`` holds one compiled pattern per word, or None for a gap of up
    to three words (written ``...``).
    """

    text: str
    kind: str
    place: str  # "after", "before" or "any"
    subject: str  # "taker", "giver" or "none"
    words: tuple[re.Pattern[str] | None, ...]
    #: Whether the wording tells a change by force ("captured", "fell"), not a handover.
    force: bool = False
    #: Whether the wording tells a change a signature makes ("the accession of Crimea"): its treaty's signing is the change, not an agreement.
    signed: bool = False
    #: Whether the wording frees a place ("befreit"): a word of agency after it names who held it ("von der Besatzung befreit").
    freeing: bool = False


@dataclass(frozen=True)
class DateWords:
    """The date vocabulary of a language."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    next_day: tuple[str, ...]
    #: After a weekday, the week after the report's: "on Wednesday next week".
    next_week: tuple[str, ...]
    #: After a day without its year, the year before the report's: "on August 15 last year".
    last_year: tuple[str, ...]
    #: The day told last, or else the report's: "earlier in the day", "the same day".
    day_told_last: tuple[str, ...]
    #: The day before the day told last: "overran the city the day before".
    day_before_told: tuple[str, ...]
    day_month_joiners: tuple[str, ...]
    #: Between two days of one month: "from 15 to 25 November", "с 15 на 25 ноября" (the first day takes the month).
    day_range_joiners: tuple[str, ...]
    day_suffixes: tuple[str, ...]
    not_a_day_after: frozenset[str]
    not_a_day_before: frozenset[str]
    numbers: dict[str, int]
    day_units: dict[str, int]
    #: Ordinal words with their numbers, as an anniversary counts ("the fifth anniversary", "vierte Jahrestag"),
    #: besides digits with the language's ordinal marks (``ordinal_marks``: "25th", "20e", "20.").
    ordinal_numbers: dict[str, int] = field(default_factory=dict)
    ordinal_marks: tuple[str, ...] = ()
    #: Nouns an ordinal written with a point counts, which a sentence does not end before: "der 20. Jahrestag".
    ordinal_nouns: frozenset[str] = frozenset()
    #: Relative day words that name a day only in lower case: German "morgen" (tomorrow), not "Morgen" (morning).
    lower_case_relative: frozenset[str] = frozenset()
    later: tuple[str, ...] = ()  # "five days later": days after the date before
    #: A window of days, read as its last day (the day a change is due by): "between September 11 and 30",
    #: "zwischen dem 11. und 30. September": the opening word, the word between the days, articles before a day.
    window_openers: tuple[str, ...] = ()
    window_joiners: tuple[str, ...] = ()
    window_articles: tuple[str, ...] = ()
    earlier: tuple[str, ...] = ()  # "a day earlier": days before the date before
    #: Opening a clause after a comma: ", a day after the group took Herat" dates that clause's change
    #: the day before the sentence's own date.
    a_day_after: tuple[str, ...] = ()
    #: "{n} days ago", "il y a {n} jours": days before the publication ("{n}" marks where the count goes).
    ago: tuple[str, ...] = ()
    #: The report's own day and month in a year it names: "on this day in 1704", "в этот день в 2014 году"
    #: ("{year}" marks where the year goes).
    this_day_in: tuple[str, ...] = ()
    month_first: bool = True  # whether "November 20" is written (besides "20 November")
    #: Whether "7/12/2020" is 7 December (True) or July 12 (False); None: the language uses both, so only dates one order allows are read.
    slash_day_first: bool | None = None
    #: Parts of a day written joined to its weekday: German "Freitagmorgen", "Dienstagfrüh".
    weekday_parts: tuple[str, ...] = ()
    #: Relative words of the midnight ahead ("at midnight"): of a change told as done, the midnight that began the day.
    midnight: frozenset[str] = frozenset()
    #: A midnight right before or after a day ("at midnight on 19 December", "on Sunday at midnight") is the one
    #: that ends it: the change comes on the next day. Empty where the language counts it otherwise.
    midnight_ending: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """Everything extraction knows about one language."""

    language: str
    stopwords: frozenset[str]
    #: The script the language is written in (a Unicode script's name, "LATIN", "CYRILLIC"), from its function words.
    script: str
    #: Letters this language writes and the others of its script do not ("äöüß"): they settle a tie of function words.
    letters: frozenset[str]
    #: Common words whose sound key is a place's ("There" keys like Takhar): never a place.
    not_places: frozenset[str]
    dates: DateWords
    negation: frozenset[str]
    condition: frozenset[str]
    #: Phrases (words may end in "*") that make a sentence an anniversary: "one year passes since".
    anniversary: tuple[tuple[re.Pattern[str], ...], ...]
    #: The first three letters of the anniversary phrases' first words, to find where one may start ("" for one opening with "*").
    anniversary_starts: frozenset[str]
    #: How an anniversary counts its years ("one year passes since", "5 лет со дня"), with ``n`` the count.
    years_since: tuple[re.Pattern[str], ...]
    future: tuple[tuple[str, ...], ...]
    passive: frozenset[str]
    #: Endings that make a cue's own word passive, with no auxiliary before it: Russian "освобожден", "взята".
    passive_endings: tuple[str, ...]
    #: Endings of a verb's simple past ("handed"): a change told as done, whatever plan a clause before names.
    past_endings: tuple[str, ...]
    to_party: tuple[tuple[str, ...], ...]
    from_party: tuple[tuple[str, ...], ...]
    #: After a passive change, these put the party that takes control: "captured by the Taliban".
    agent_party: tuple[tuple[str, ...], ...]
    #: Whether a passive wording's agent may follow it with no preposition, in its case: "захвачен талибами".
    agent_by_case: bool
    #: Whether a sentence may put its subject right after the verb: "Am Montag eroberten die Taliban Kundus".
    subject_after_verb: bool
    #: Reflexive pronouns: before an auxiliary, they make it no passive ("se sont emparés").
    reflexive: frozenset[str]
    #: Pronouns that, as a wording's subject, stand for the party named before them in the sentence, else the side last told doing the same: "they seized Aybak".
    pronouns: frozenset[str]
    dateline_marks: tuple[str, ...]
    #: Words that say when the page was published, right before its date: "Publié le", "Опубликовано".
    publication_words: tuple[str, ...]
    level_words: frozenset[str]
    weekday_future: frozenset[str]
    #: Two words that look forward together ("are to leave by Monday"), each alone not.
    weekday_future_pairs: frozenset[tuple[str, ...]]
    old_date_words: frozenset[str]
    new_date_words: frozenset[str]
    clause_openers: frozenset[str]
    endings: tuple[str, ...]
    #: Words joined to a name that say what it is ("Gazastreifen"): the name stands for the place.
    compound_endings: tuple[str, ...]
    #: Endings that make a place's name a person's or people's word ("Laghmani"): no place.
    derived_endings: tuple[str, ...]
    other_day_words: frozenset[str]
    other_day_stems: tuple[str, ...]
    #: Of the other-day words, those that date the change of a wording just before them after all:
    #: "occupied since April 3, 1993" is the day of the occupation.
    held_since: frozenset[str]
    #: Verbs of signing whose date may stand a few words after them: "signed by the three leaders on 10 November".
    signing: tuple[re.Pattern[str], ...]
    list_words: frozenset[str]
    #: The words for "and": the only ones that join the names of a boundary name joined with "and" ("Tiran et Sanafir").
    and_words: frozenset[str]
    speech_words: frozenset[str]
    #: Whom a speech word tells, between it and its day: "told reporters on Sunday".
    speech_audience: frozenset[str]
    #: Words that put a future word in the past: "was due".
    past_markers: frozenset[str]
    #: Auxiliaries of the present perfect ("have taken"): a change told so, with no day, is news of the report's day.
    perfect_auxiliaries: frozenset[str]
    #: Words telling a change done at an earlier, unstated time: "have already retaken".
    undated_past: tuple[tuple[str, ...], ...]
    #: Words putting a change within hours of another the sentence dates: "hours after the fall of Ghazni".
    same_day: tuple[tuple[str, ...], ...]
    #: Units of distance: a place a few words after one is a landmark ("150 km from Kabul"), not a place handed over.
    distance_units: frozenset[str]
    #: Words pointing back to the place just told: "must hand this district over by 25 November".
    references: tuple[tuple[str, ...], ...]
    #: Directions: a place right after one is a landmark ("north of Kabul"), not a place handed over.
    directions: tuple[tuple[str, ...], ...]
    #: Words tying a change to the one told just before, and so to its day: "also took Farah".
    also_words: frozenset[str]
    #: Words tying a change to the day told before when set off by commas after it: "The capture of Ghazni, meanwhile, ...".
    aside_words: frozenset[str]
    #: Words telling a state holds now ("is now under Taliban control"): a change just made, like the perfect.
    now_words: frozenset[str]
    #: Words of a reaction to a change just made ("congratulated the people on the liberation of Aghdam",
    #: "welcomes the return of"): in a report's opening, with no day, the news of its day.
    reactions: tuple[re.Pattern[str], ...]
    #: Auxiliaries that make a verb-final clause passive from wherever they stand in it ("wurde ... befreit");
    #: not those shared with the future or the perfect of motion ("wird", "ist").
    clause_passive: frozenset[str]
    #: Words that join two clauses, where a clause's auxiliary stops reaching: "und", "oder".
    clause_joiners: frozenset[str]
    #: Things that fall or are fired, which around a wording make it literal: "In Kundus fielen Schüsse", "rockets fell on Kabul".
    falling_things: frozenset[str]
    #: Participles a conditional auxiliary right before them turns into a reported past, not a hypothesis:
    #: "Mazar-i-Sharif serait tombée vendredi" (it reportedly fell on Friday).
    reported_past: frozenset[str]
    #: Verbs of starting right before a wording of leaving: "began withdrawing from Gaza last night" is no change done.
    start_words: frozenset[str]
    #: Words of ordering or asking right before a wording: "ordered the withdrawal of forces from Crimea" tells no change.
    order_words: frozenset[str]
    #: Modal verbs of intent before a bare infinitive: "Die Taliban wollen Pandschir erobern" tells an aim, but
    #: with a perfect infinitive a claim of a change done ("wollen Pandschir erobert haben").
    intent_words: frozenset[str]
    #: A plan told as not met ("aurait dû être rétrocédé le 15 novembre"): put off from its date.
    unmet_plans: tuple[tuple[str, ...], ...]
    #: Words of a vote whose subject a wording right after them is: "the referendum on accession to Russia".
    vote_words: frozenset[str]
    #: Words of a state that held on, right before a wording: "remained firmly in government hands".
    remain_words: frozenset[str]
    #: Pronouns before a handover noun that point back to the place named last: "its fall".
    possessive_pronouns: frozenset[str]
    #: Nouns a handover noun may name ("the handover ceremony"): an event about the change, held on a day of its own.
    ceremony_words: frozenset[str]
    #: Right before a handover noun, a day that commemorates it: "celebrates the day of the liberation of Sukhumi".
    commemorations: tuple[tuple[str, ...], ...]
    #: Verbs that mark an anniversary in the present: a sentence that counts years with one of them and no day
    #: ("Azerbaijan marks the first anniversary of the liberation of Fuzuli") counts from the report's day.
    marking_words: frozenset[str]
    #: Words next to an anniversary's count that put it on the report's own day ("on this day three years ago",
    #: "exactly a year ago", "ровно пять лет назад"): a sentence that names no day counts from the report's day.
    on_the_day: re.Pattern[str] | None
    #: Phrases that start like a wording but are none: "took place", "took part".
    not_wordings: tuple[tuple[str, ...], ...]
    #: Words naming parts of a place ("villages of Fuzuli"): the place holding them did not change hands.
    part_words: frozenset[str]
    #: Between units of a lower level and the place that holds them: "districts of Helmand", "districts in Badghis".
    holder_words: frozenset[str]
    #: Words right after a wording that make it a question: Russian "покинут ли" (whether they leave).
    question_marks: frozenset[str]
    #: Words of a share of a place's units: "all six districts", "most districts of".
    quantity_words: frozenset[str]
    #: Words right before a verb that make it an aim: "massing to occupy Shusha".
    infinitive_markers: frozenset[str]
    #: Words before a deadline's date: a change due "by" the report's own day is still expected.
    deadline_words: tuple[tuple[str, ...], ...]
    #: Words right before a verb telling it done for some places and due for others ("have been or will be
    #: returned: Aghdam on Friday, Lachin on 1 December"): each date then says which.
    past_or_future: tuple[tuple[str, ...], ...]
    #: People who are no party: "residents left Stepanakert" tells no handover.
    civilians: frozenset[str]
    #: Words before the day a window of days opens: "starting on 20 November, with a deadline of 1 December".
    window_starts: tuple[tuple[str, ...], ...]
    #: Words before a participle that make it a description ("the liberated Zangilan district"), not a change.
    determiners: frozenset[str]
    #: Whether nouns are written with a capital (German): a capitalised wording after a determiner is a noun
    #: ("die Übergabe"), not a participle that describes ("den befreiten Teilen").
    capitalised_nouns: bool
    #: Verbs of a wording that, after a comma, say who reports: "..., передает ТАСС".
    attribution_verbs: frozenset[str]
    #: Articles written joined to the next word ("l’annexion"): a wording may start at the word after one.
    elisions: tuple[str, ...]
    #: Words naming a place as a target, not taken: "setting their sights on Mazar-i-Sharif", "closing in on Kabul".
    targets: tuple[tuple[str, ...], ...]
    #: Ordinals naming a change as one of a series: "the third provincial capital to be captured" tells it done.
    ordinals: frozenset[str]
    #: Words opening a relative clause: "Shusha, which overlooks Stepanakert".
    relative_words: frozenset[str]
    #: Words opening a clause that contrasts with the one before: a list does not go on past them
    #: ("seized Sar-e Pul, while they also gained ground in Kunduz").
    contrast_words: frozenset[str]
    #: Endings of a participle that opens a clause right after a place and its comma: a list does not go on
    #: into it ("captured Ghazni, linking Kabul with the south").
    participle_endings: tuple[str, ...]
    #: Words with a participle's ending that open no clause of their own: "according", "including", "neighbouring".
    not_participles: frozenset[str]
    #: Words right before a year that make it the sentence's time ("in 1967"; a month's name does too: "In June 1967").
    year_prepositions: frozenset[str]
    #: Words that tell one change days before or after another: "five days before the fall of Kabul".
    event_relations: dict[str, int]
    #: Words before an infinitive's marker that tell the aim reached: "managed to capture", "were able to take".
    achieved: frozenset[str]
    #: Prepositions that locate a named place in a larger one: "Wesh in Kandahar".
    locative: frozenset[str]
    max_gap: int
    #: Adverbs a wording of several words may hold between two of its words: "will come fully under", "have now taken".
    wording_adverbs: frozenset[str]
    #: Whether clauses may end with their verb and its object before it ("... aus Kalbadschar abzuziehen").
    verb_final: bool
    town_words: frozenset[str]
    cues: tuple[Cue, ...]
    shifts: tuple[re.Pattern[str], ...]
    #: Cues indexed by the first three letters of their first word's stem.
    cue_index: dict[str, list[Cue]] = field(default_factory=dict, compare=False)

    #: Cues whose first word matches a token, by token: words recur, so each is tested once.
    cues_by_token: dict[str, tuple[Cue, ...]] = field(default_factory=dict, compare=False)

    def cues_starting(self, token: str) -> tuple[Cue, ...]:
        """Cues whose first word matches ``token`` (lower case)."""
        return remembered(self.cues_by_token, token, self._cues_of)

    def _cues_of(self, token: str) -> tuple[Cue, ...]:
        candidates = [cue for size in (1, 2, 3) for cue in self.cue_index.get(token[:size], [])]
        return tuple(cue for cue in candidates if cue.words[0] is None or cue.words[0].fullmatch(token))


def _word_pattern(word: str) -> re.Pattern[str]:
    """A word of a cue: "*" stands for any letters ("overr*n*" = overran, overrunning)."""
    return re.compile(r"[\w'’-]*".join(re.escape(part) for part in word.split("*")))


def spaced(phrase: str) -> str:
    """``phrase`` as a pattern whose spaces match any run of white space."""
    return r"\s+".join(map(re.escape, phrase.split(" ")))


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """One case-blind pattern for whole phrases, whose spaces match any white space; None for none."""
    if not phrases:
        return None
    alternatives = "|".join(spaced(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _phrases(values: list[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples; a blank entry is no phrase (the look-ups index phrases by their first and last words)."""
    return tuple(tuple(value.split()) for value in values if value.split())


def _shift_pattern(template: str, dates: DateWords) -> re.Pattern[str]:
    numbers = "|".join(sorted(map(re.escape, dates.numbers), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, dates.day_units), key=len, reverse=True))
    # "{o}": an ordinal count, in words or digits with an ordinal mark ("fifth", "25th", "20.").
    ordinals = "|".join(sorted(map(re.escape, dates.ordinal_numbers), key=len, reverse=True)) or "(?!)"
    marks = "|".join(sorted(map(re.escape, dates.ordinal_marks), key=len, reverse=True))
    digits = rf"\d+(?:{marks})" if marks else r"\d+"
    ordinal = rf"(?P<n>{digits}|{ordinals})"
    text = spaced(template).replace(r"\{n\}", rf"(?P<n>\d+|{numbers})").replace(r"\{unit\}", rf"(?P<unit>{units})")
    text = text.replace(r"\{o\}", ordinal)
    # Not a word right after the count: "zum 20." may end a sentence, where "\b" after the point would need a word.
    return re.compile(r"\b" + text + r"(?!\w)", re.IGNORECASE)


def _with_compounds(ordinals: dict[str, int], tens: dict[str, int]) -> dict[str, int]:
    """The ordinals and those written with a tens word before a unit's ordinal: "forty-first", "forty first"."""
    units = {word: value for word, value in ordinals.items() if value < 10}
    compounds = {f"{ten}{joint}{unit}": tens[ten] + value for ten in tens for unit, value in units.items() for joint in ("-", " ")}
    return {**compounds, **ordinals}


#: The word lists whose words may end in "*" (matched as patterns or stems); every other list is matched word for word.
_WILDCARD_LISTS = frozenset({"anniversary", "force", "freeing", "reactions", "signed_changes", "signing", "other_day_words", "perfect_auxiliaries"})


def _parse(spec: dict) -> Lexicon:
    words, date_spec = spec["words"], spec["dates"]
    for key, values in words.items():
        # A "*" in a list matched word for word would never match: say so when the lexicon loads, not by a silent miss.
        starred = [value for value in values if "*" in value] if isinstance(values, list) and key not in _WILDCARD_LISTS else []
        if starred:
            raise ValueError(f"lexicon {spec['language']!r}: the words of {key!r} are matched as written; write out {', '.join(starred)}")
    dates = DateWords(
        months=date_spec["months"],
        weekdays=date_spec["weekdays"],
        relative=date_spec.get("relative", {}),
        next_day=tuple(date_spec.get("next_day", [])),
        next_week=tuple(date_spec.get("next_week", [])),
        last_year=tuple(date_spec.get("last_year", [])),
        day_told_last=tuple(date_spec.get("day_told_last", [])),
        day_before_told=tuple(date_spec.get("day_before_told", [])),
        day_month_joiners=tuple(date_spec.get("day_month_joiners", [])),
        day_range_joiners=tuple(date_spec.get("day_range_joiners", [])),
        day_suffixes=tuple(date_spec.get("day_suffixes", [])),
        not_a_day_after=frozenset(date_spec.get("not_a_day_after", [])),
        not_a_day_before=frozenset(date_spec.get("not_a_day_before", [])),
        numbers=date_spec.get("numbers", {}),
        ordinal_numbers=_with_compounds(date_spec.get("ordinal_numbers", {}), date_spec.get("tens", {})),
        ordinal_marks=tuple(date_spec.get("ordinal_marks", [])),
        ordinal_nouns=frozenset(date_spec.get("ordinal_nouns", [])),
        lower_case_relative=frozenset(date_spec.get("lower_case_relative", [])),
        day_units=date_spec.get("day_units", {}),
        month_first=date_spec.get("month_first", True),
        slash_day_first=date_spec.get("slash_day_first"),
        later=tuple(date_spec.get("later", [])),
        window_openers=tuple(date_spec.get("window_openers", [])),
        window_joiners=tuple(date_spec.get("window_joiners", [])),
        window_articles=tuple(date_spec.get("window_articles", [])),
        earlier=tuple(date_spec.get("earlier", [])),
        a_day_after=tuple(date_spec.get("a_day_after", [])),
        ago=tuple(date_spec.get("ago", [])),
        this_day_in=tuple(date_spec.get("this_day_in", [])),
        weekday_parts=tuple(date_spec.get("weekday_parts", [])),
        midnight=frozenset(date_spec.get("midnight", [])),
        midnight_ending=tuple(date_spec.get("midnight_ending", [])),
    )
    force_words = [_word_pattern(w) for w in words.get("force", [])]
    signed_words = [_word_pattern(w) for w in words.get("signed_changes", [])]
    freeing_words = [_word_pattern(w) for w in words.get("freeing", [])]
    cues = []
    for group in spec["cue"]:
        if group["kind"] not in CUE_KINDS:
            raise ValueError(f"cue kind {group['kind']!r} is not one of {CUE_KINDS}")
        for text in group["words"]:
            compiled = tuple(None if w == "..." else _word_pattern(w) for w in text.split())
            first = text.split()[0].lower().replace("*", "")
            force = group["kind"] == "change" and any(pattern.fullmatch(first) for pattern in force_words)
            signed = group["kind"] == "change" and any(pattern.fullmatch(first) for pattern in signed_words)
            freeing = any(pattern.fullmatch(first) for pattern in freeing_words)
            cues.append(Cue(text, group["kind"], group["place"], group["subject"], compiled, force, signed, freeing))
    index: dict[str, list[Cue]] = {}
    for cue in cues:
        first = cue.text.split()[0].split("*")[0]
        index.setdefault(first[:3], []).append(cue)
    return Lexicon(
        language=spec["language"],
        stopwords=frozenset(spec["stopwords"]),
        script=_main_script(" ".join(spec["stopwords"])),
        letters=frozenset(spec.get("letters", "")),
        not_places=frozenset(spec.get("not_places", [])),
        dates=dates,
        negation=frozenset(words["negation"]),
        condition=frozenset(words["condition"]),
        anniversary=tuple(tuple(_word_pattern(word) for word in phrase.split()) for phrase in words.get("anniversary", [])),
        anniversary_starts=frozenset(phrase.split()[0].split("*")[0][:3] for phrase in words.get("anniversary", [])),
        years_since=tuple(_shift_pattern(template, dates) for template in words.get("years_since", [])),
        future=_phrases(words["future"]),
        passive=frozenset(words["passive"]),
        passive_endings=tuple(words.get("passive_endings", [])),
        past_endings=tuple(words.get("past_endings", [])),
        to_party=_phrases(words["to_party"]),
        from_party=_phrases(words["from_party"]),
        agent_party=_phrases(words.get("agent_party", [])),
        agent_by_case=words.get("agent_by_case", False),
        subject_after_verb=words.get("subject_after_verb", False),
        reflexive=frozenset(words.get("reflexive", [])),
        pronouns=frozenset(words.get("pronouns", [])),
        dateline_marks=tuple(words.get("dateline_marks", [])),
        publication_words=tuple(words.get("publication_words", [])),
        level_words=frozenset(words["level_words"]),
        weekday_future=frozenset(words.get("weekday_future", [])),
        weekday_future_pairs=frozenset(tuple(p.split()) for p in words.get("weekday_future_pairs", [])),
        old_date_words=frozenset(words.get("old_date_words", [])),
        new_date_words=frozenset(words.get("new_date_words", [])),
        clause_openers=frozenset(words.get("clause_openers", [])),
        endings=tuple(sorted(words.get("endings", []), key=len, reverse=True)),
        derived_endings=tuple(words.get("derived_endings", [])),
        compound_endings=tuple(sorted(words.get("compound_endings", []), key=len, reverse=True)),
        town_words=frozenset(words.get("town_words", [])),
        other_day_words=frozenset(w for w in words.get("other_day_words", []) if not w.endswith("*")),
        max_gap=words.get("max_gap", 3),
        wording_adverbs=frozenset(words.get("wording_adverbs", [])),
        verb_final=words.get("verb_final", False),
        speech_words=frozenset(words.get("speech_words", [])),
        speech_audience=frozenset(words.get("speech_audience", [])),
        list_words=frozenset(words.get("list_words", [])) | {",", "(", ")", "-", "–", "—"},
        and_words=frozenset(words.get("and_words", [])) | {"&"},
        locative=frozenset(words.get("locative", [])),
        past_markers=frozenset(words.get("past_markers", [])),
        perfect_auxiliaries=frozenset(words.get("perfect_auxiliaries", [])),
        undated_past=_phrases(words.get("undated_past", [])),
        relative_words=frozenset(words.get("relative_words", [])),
        contrast_words=frozenset(words.get("contrast_words", [])),
        participle_endings=tuple(words.get("participle_endings", [])),
        not_participles=frozenset(words.get("not_participles", [])),
        year_prepositions=frozenset(words.get("year_prepositions", [])),
        event_relations=dict(words.get("event_relations", {})),
        achieved=frozenset(words.get("achieved", [])),
        infinitive_markers=frozenset(words.get("infinitive_markers", [])),
        part_words=frozenset(words.get("part_words", [])),
        holder_words=frozenset(words.get("holder_words", [])),
        question_marks=frozenset(words.get("question_marks", [])),
        quantity_words=frozenset(words.get("quantity_words", [])),
        ordinals=frozenset(words.get("ordinals", [])),
        targets=_phrases(words.get("targets", [])),
        determiners=frozenset(words.get("determiners", [])),
        capitalised_nouns=words.get("capitalised_nouns", False),
        elisions=tuple(words.get("elisions", [])),
        attribution_verbs=frozenset(words.get("attribution_verbs", [])),
        deadline_words=_phrases(words.get("deadline_words", [])),
        window_starts=_phrases(words.get("window_starts", [])),
        civilians=frozenset(words.get("civilians", [])),
        past_or_future=_phrases(words.get("past_or_future", [])),
        also_words=frozenset(words.get("also_words", [])),
        aside_words=frozenset(words.get("aside_words", [])),
        now_words=frozenset(words.get("now_words", [])),
        reactions=tuple(_word_pattern(w) for w in words.get("reactions", [])),
        clause_passive=frozenset(words.get("clause_passive", [])),
        clause_joiners=frozenset(words.get("clause_joiners", [])),
        falling_things=frozenset(words.get("falling_things", [])),
        reported_past=frozenset(words.get("reported_past", [])),
        start_words=frozenset(words.get("start_words", [])),
        order_words=frozenset(words.get("order_words", [])),
        intent_words=frozenset(words.get("intent_words", [])),
        unmet_plans=_phrases(words.get("unmet_plans", [])),
        vote_words=frozenset(words.get("vote_words", [])),
        remain_words=frozenset(words.get("remain_words", [])),
        possessive_pronouns=frozenset(words.get("possessive_pronouns", [])),
        ceremony_words=frozenset(words.get("ceremony_words", [])),
        commemorations=_phrases(words.get("commemorations", [])),
        marking_words=frozenset(words.get("marking_words", [])),
        on_the_day=_phrase_pattern(words.get("on_the_day", [])),
        not_wordings=_phrases(words.get("not_wordings", [])),
        directions=_phrases(words.get("directions", [])),
        references=_phrases(words.get("references", [])),
        distance_units=frozenset(words.get("distance_units", [])),
        same_day=_phrases(words.get("same_day", [])),
        other_day_stems=tuple(w[:-1] for w in words.get("other_day_words", []) if w.endswith("*")),
        held_since=frozenset(words.get("held_since", [])),
        signing=tuple(_word_pattern(w) for w in words.get("signing", [])),
        cues=tuple(cues),
        shifts=tuple(_shift_pattern(t, dates) for group in spec.get("shift", []) for t in group["patterns"]),
        cue_index=index,
    )


def languages() -> list[str]:
    """The languages that have a lexicon, e.g. ``["de", "en", "fr", "ru"]``."""
    folder = resources.files("handover_map").joinpath("lexicons")
    return sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml") and entry.name != "parties.toml")


@cache
def load(language: str) -> Lexicon:
    """The lexicon of ``language`` (an ISO 639-1 code).

    Raises
    ------
    InputDataError
        If there is no lexicon for that language.
    """
    if language not in languages():
        raise InputDataError(f"No handover vocabulary for the language '{language}'.", hint=f"use one of: {', '.join(languages())}.")
    text = resources.files("handover_map").joinpath("lexicons", f"{language}.toml").read_text(encoding="utf-8")
    return _parse(tomllib.loads(text))


_WORDS = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The language whose lexicon's function words are most frequent in ``text``.

    Only lexicons written in a script the text uses count ("Талибы захватили
    Кундуз" has no Russian function word, yet it is no English). A tie goes to
    the language of the text's main script, then to the one whose own letters
    (:attr:`Lexicon.letters`) its lowercase words write most ("Taliban
    übernehmen Kundus"; a name's letters do not count: "Jürgen Müller"), then
    to English. Counts only the first 20,000 characters: enough to tell, and
    bounded.
    """
    sample = text[:20_000]
    lexicons = {code: load(code) for code in languages()}
    scripts = _script_letters(sample)
    lexicons = {code: lexicon for code, lexicon in lexicons.items() if scripts[lexicon.script]} or lexicons
    counts = dict.fromkeys(lexicons, 0)
    # Each distinct word is looked up once, with how often it occurs.
    for word, times in Counter(_WORDS.findall(sample.lower())).items():
        for code, lexicon in lexicons.items():
            if word in lexicon.stopwords:
                counts[code] += times
    most = max(counts.values())
    tied = sorted((code for code in counts if counts[code] == most), key=lambda code: code != "en")
    if len(tied) == 1:
        return tied[0]
    lowercase = " ".join(word for word in _WORDS.findall(sample) if word[0].islower())
    return max(tied, key=lambda code: (scripts[lexicons[code].script], sum(lowercase.count(letter) for letter in lexicons[code].letters)))


@cache
def _script_of(letter: str) -> str:
    """The Unicode script a letter belongs to, by the first word of its name ("LATIN", "CYRILLIC")."""
    return unicodedata.name(letter, "").partition(" ")[0]


def _script_letters(text: str) -> Counter[str]:
    """How many of ``text``'s letters each script writes (one per script when it uses only one: no counting)."""
    letters = [letter for letter in set(text) if letter.isalpha()]
    scripts = Counter({_script_of(letter): 1 for letter in letters})
    if len(scripts) > 1:
        scripts = Counter()
        for letter in letters:
            scripts[_script_of(letter)] += text.count(letter)
    return scripts


def _main_script(text: str) -> str:
    """The script most of ``text``'s letters are written in ("" if it has none)."""
    return next(iter(_script_letters(text).most_common(1)), ("", 0))[0]


@dataclass(frozen=True)
class Party:
    """A party to a handover and the words (any language) that name it."""

    name: str
    words: tuple[tuple[re.Pattern[str], ...], ...]


@cache
def parties() -> tuple[Party, ...]:
    """The parties of ``lexicons/parties.toml``."""
    text = resources.files("handover_map").joinpath("lexicons", "parties.toml").read_text(encoding="utf-8")
    return tuple(
        Party(entry["name"], tuple(tuple(_word_pattern(w) for w in phrase.split()) for phrase in entry["words"])) for entry in tomllib.loads(text)["party"]
    )
