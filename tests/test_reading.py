"""The reading engine on constructions seen in real reports, in sentences written for these tests.

Each sentence reproduces a construction that real news reports use (the
reports themselves stay out of the repository; see benchmarks/real_reports).
Boundaries are the real geoBoundaries files from the offline mirror.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from conftest import MIRROR
from handover_map.article import date_from_address, parse_article
from handover_map.boundaries import load_boundaries
from handover_map.datewords import DateReader
from handover_map.gazetteer import Gazetteer, read_aliases
from handover_map.lexicon import detect_language, languages, load
from handover_map.places import PlaceFinder, phonetic_key, reference_places
from handover_map.reading import find_published, pieces, place_finder, read_report


def _setup(file: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = load_boundaries(MIRROR / file, "shapeName")
        capitals, seats = reference_places(frame)
    return Gazetteer(list(frame["name"]), read_aliases()), capitals, seats


@pytest.fixture(scope="module")
def azerbaijan():
    return _setup("geoBoundaries-AZE-ADM2.geojson")


@pytest.fixture(scope="module")
def afghanistan():
    return _setup("geoBoundaries-AFG-ADM1_simplified.geojson")


def events(setup, text: str, published: str | None = "2020-11-25", language: str | None = None) -> set[tuple[str, str, str]]:
    gazetteer, capitals, seats = setup
    article = parse_article(text, published=dt.date.fromisoformat(published) if published else None)
    found = read_report(article, gazetteer, language=language, capitals=capitals, government_seats=seats).events
    return {(e.district, e.kind, e.date.isoformat()) for e in found}


# --- English -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "province"),
    [
        # Pul-e Alam and Pul-e Khumri, Logar's and Baghlan's capitals, in other spellings of the Persian ezafe.
        ("Insurgents overran Pol-e Alam on Saturday, officials said.", "en", "Logar"),
        ("Insurgents overran Pul-i Alam on Saturday, officials said.", "en", "Logar"),
        ("Am Samstag eroberten die Taliban Pul-i-Kumri.", "de", "Baghlan"),
        ("В субботу талибы захватили Пули Алам.", "ru", "Logar"),
    ],
)
def test_a_capital_s_name_in_any_spelling_of_its_ezafe(afghanistan, sentence, language, province):
    assert events(afghanistan, sentence + "\n", "2021-08-15", language) == {(province, "captured", "2021-08-14")}


def test_capture_of_a_provincial_capital_stands_for_the_province(afghanistan):
    text = "Insurgents overran Sheberghan, the provincial capital, on Saturday, a local official told reporters.\n"
    assert events(afghanistan, text, "2021-08-08") == {("Jowzjan", "captured", "2021-08-07")}


def test_fell_to_takes_the_place_before(afghanistan):
    text = "On Friday the city of Zaranj in Nimroz fell to the militants without a fight, officials said.\n"
    assert events(afghanistan, text, "2021-08-07") == {("Nimruz", "captured", "2021-08-06")}


def test_dates_opening_clauses_belong_to_the_next_verb(afghanistan):
    text = (
        "On 6 August the fighters captured the capital of Nimruz province and on 7 August they seized "
        "the northern province of Jawzjan; the following day they took control of Kunduz.\n"
    )
    assert events(afghanistan, text, "2021-08-10") == {
        ("Nimruz", "captured", "2021-08-06"),
        ("Jowzjan", "captured", "2021-08-07"),
        ("Kunduz", "completed", "2021-08-08"),
    }


def test_a_list_of_places_and_deadlines_pairs_each_with_its_own(azerbaijan):
    text = (
        "Under the truce Baku was expected to take over the Kalbajar district by 15 November, "
        "the Agdam district by 20 November and the Lachin district by 1 December.\n"
    )
    assert events(azerbaijan, text) == {
        ("Kalbajar District", "scheduled", "2020-11-15"),
        ("Agdam District", "scheduled", "2020-11-20"),
        ("Lachin District", "scheduled", "2020-12-01"),
    }


def test_postponed_until_gives_the_old_and_the_new_date(azerbaijan):
    # "was due today" states the announced date too.
    text = "The handover of Kelbajar, which was due today, has been put off until 25 November, the presidency said.\n"
    assert events(azerbaijan, text, "2020-11-15") == {
        ("Kalbajar District", "scheduled", "2020-11-15"),
        ("Kalbajar District", "postponed", "2020-11-15"),
        ("Kalbajar District", "scheduled", "2020-11-25"),
    }


def test_delayed_by_days_counts_from_the_announced_date(azerbaijan):
    text = "Armenian forces were to leave Kalbajar on 15 November. Baku then gave them ten more days, delaying the withdrawal.\n"
    assert events(azerbaijan, text, "2020-11-16") == {
        ("Kalbajar District", "scheduled", "2020-11-15"),
        ("Kalbajar District", "postponed", "2020-11-15"),
        ("Kalbajar District", "scheduled", "2020-11-25"),
    }


def test_the_agreement_date_is_not_a_handover_date(azerbaijan):
    text = "Yerevan agreed to return Lachin under the ceasefire deal signed on 10 November.\n"
    assert events(azerbaijan, text) == set()


def test_a_capital_named_as_a_party_is_not_handed_over(azerbaijan):
    text = "The Lachin district was handed over to Baku on 1 December, the ministry in Baku said.\n"
    assert events(azerbaijan, text, "2020-12-02") == {("Lachin District", "completed", "2020-12-01")}


def test_a_dateline_city_is_not_a_place_handed_over(azerbaijan):
    text = "BAKU (AFP) - Azerbaijani troops entered the Lachin district on Tuesday, the ministry said.\n"
    assert events(azerbaijan, text, "2020-12-02") == {("Lachin District", "completed", "2020-12-01")}


def test_followed_by_with_days_later(azerbaijan):
    text = "Agdam was transferred on 20 November, followed by Kalbacar five days later.\n"
    assert events(azerbaijan, text, "2020-12-01") == {("Agdam District", "completed", "2020-11-20"), ("Kalbajar District", "completed", "2020-11-25")}


def test_negated_and_hypothetical_handovers_are_dropped(azerbaijan):
    text = "Officials denied that troops had entered Lachin on Monday.\n\nIf Armenia refused, Azerbaijan could retake Kalbajar by 20 November.\n"
    assert events(azerbaijan, text) == set()


def test_the_date_in_the_next_sentence(afghanistan):
    text = "The Taliban have captured Puli Alam, the capital of Logar province.\n\nA provincial lawmaker confirmed the fall to reporters on Friday.\n"
    assert events(afghanistan, text, "2021-08-14") == {("Logar", "captured", "2021-08-13")}


def test_a_report_without_handovers_gives_nothing(azerbaijan):
    text = (
        "Thousands protested in Yerevan on Wednesday against the prime minister.\n\n"
        "Refugees from the region said on 12 November that they had lost everything.\n"
    )
    assert events(azerbaijan, text) == set()


# --- Russian, German, French --------------------------------------------------


def test_russian_inflected_names_and_dates(azerbaijan):
    text = (
        "Азербайджанские военные вошли в Кельбаджарский район 25 ноября, сообщило министерство обороны.\n\n"
        "Лачинский район должен перейти под контроль Азербайджана до 1 декабря.\n"
    )
    assert events(azerbaijan, text) == {("Kalbajar District", "completed", "2020-11-25"), ("Lachin District", "scheduled", "2020-12-01")}


def test_russian_postponement(azerbaijan):
    text = "Срок передачи Кельбаджарского района перенесен с 15 ноября на 25 ноября, заявили в Баку.\n"
    assert events(azerbaijan, text, "2020-11-15") == {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")}


def test_german_ordinal_dates_and_separable_verbs(afghanistan):
    text = (
        "Die Taliban nahmen am 8. August die Provinzhauptstadt Kundus ein, teilte ein Abgeordneter mit.\n\n"
        "Die Frist für Kandahar (20. August) bleibt nach Angaben der Regierung gleich.\n"
    )
    assert events(afghanistan, text, "2021-08-09") == {("Kunduz", "captured", "2021-08-08"), ("Kandahar", "scheduled", "2021-08-20")}


def test_german_spelling_of_a_district(azerbaijan):
    text = "Am 1. Dezember soll Latschin als letzter Bezirk an Aserbaidschan übergeben werden.\n"
    assert events(azerbaijan, text) == {("Lachin District", "scheduled", "2020-12-01")}


def test_french_participles_and_elided_names(azerbaijan):
    text = "Le district de Latchine suivra, comme celui d'Aghdam rendu le 20 novembre et celui de Kalbajar rétrocédé le 25 novembre.\n"
    assert events(azerbaijan, text, "2020-11-30") == {("Agdam District", "completed", "2020-11-20"), ("Kalbajar District", "completed", "2020-11-25")}


def test_french_postponement(azerbaijan):
    text = "Bakou a accepté de reporter au 25 novembre la date limite du retrait arménien de Kalbajar, prévu le 15 novembre.\n"
    assert ("Kalbajar District", "scheduled", "2020-11-25") in events(azerbaijan, text, "2020-11-15")


# --- Language, places, publication date ---------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The district was handed over to the army on Friday, officials said.", "en"),
        ("Район был передан армии в пятницу, сообщили в министерстве.", "ru"),
        ("Der Bezirk wurde am Freitag an die Armee übergeben, teilte das Ministerium mit.", "de"),
        ("Le district a été remis à l'armée vendredi, a indiqué le ministère.", "fr"),
        # Headlines and posts with no function word: by the script, then by the language's own letters.
        ("Талибы захватили Кундуз", "ru"),
        ("Taliban übernehmen Kundus", "de"),
        ("Kaboul tombée, Kandahar prise", "fr"),
        ("Taliban seize Kunduz", "en"),
        # A Russian report quoting an English name in Latin letters is still Russian.
        ("Талибы захватили провинцию Кундуз, сообщает Reuters со ссылкой на Taliban", "ru"),
    ],
)
def test_language_is_detected(text, language):
    assert detect_language(text) == language


def test_a_one_line_report_with_no_function_word_is_read_in_its_own_language(azerbaijan):
    # It was read with the English lexicon, which knows no Russian wording: no event.
    assert events(azerbaijan, "Армянские войска покинули Агдам 24 ноября.\n") == {("Agdam District", "completed", "2020-11-24")}
    assert events(azerbaijan, "Armenische Truppen räumten Agdam\n") == {("Agdam District", "completed", "2020-11-25")}


def test_every_lexicon_loads():
    assert {"en", "ru", "de", "fr"} <= set(languages())
    for code in languages():
        lexicon = load(code)
        assert lexicon.cues and lexicon.dates.months


@pytest.mark.parametrize("spelling", ["Kelbajar", "Kalbadjar", "Kelbadschar", "Кельбаджар", "Kalbajar"])
def test_spellings_share_a_phonetic_key(spelling):
    assert phonetic_key(spelling) == phonetic_key("Kalbajar District")


@pytest.mark.parametrize("spelling", ["Krim", "Крым", "Krym", "Crimée"])
def test_a_hard_c_is_a_k(spelling):
    assert phonetic_key(spelling) == phonetic_key("Crimea")


def test_a_c_before_e_or_i_stays_apart_from_k():
    assert phonetic_key("Cebrayil").startswith("c")  # Azerbaijani c before e is j


def test_crimea_in_german_and_russian_and_a_russian_question():
    setup = _setup_disputed()
    text = "Am Dienstag übernahm Russland die Kontrolle über die Krim, teilte der Kreml mit.\n"
    assert events(setup, text, "2014-03-19") == {("Crimea", "completed", "2014-03-18")}
    text = "Во вторник Крым вошёл в состав России, сообщил Кремль.\n"
    assert events(setup, text, "2014-03-19") == {("Crimea", "completed", "2014-03-18")}
    text = "Журналисты спросили министра, покинут ли войска Крым, и он ответил, что нет.\n"
    assert events(setup, text, "2014-03-19") == set()


@pytest.mark.parametrize("spelling", ["Jawzjan", "Dschausdschan", "Джаузджан", "Jowzdschan"])
def test_the_ow_diphthong_is_written_au_in_other_languages(spelling):
    assert phonetic_key(spelling) == phonetic_key("Jowzjan")


@pytest.mark.parametrize(("spelling", "feature"), [("Badachschan", "Badakhshan"), ("Oruzgan", "Uruzgan"), ("Talokan", "Takhar"), ("Pandschir", "Panjshir")])
def test_spellings_whose_key_differs_find_the_province(afghanistan, spelling, feature):
    # German ch for kh, an opening o for u, k for q, dsch for jsh: tried when the spelling's own key finds nothing.
    gazetteer, capitals, _ = afghanistan
    (place,) = PlaceFinder(gazetteer, capitals).find(f"Die Taliban nahmen {spelling} ein.")
    assert place.features == {feature}
    assert PlaceFinder(gazetteer, capitals).find("Die Nacht war ruhig, die Kirche blieb offen.") == []


def test_town_word_chooses_the_city_feature(azerbaijan):
    gazetteer, capitals, _ = azerbaijan
    finder = PlaceFinder(gazetteer, capitals, town_words=load("en").town_words)
    (place,) = finder.find("troops reached the town of Shusha")
    assert place.features == {"Shusha City"}


@pytest.mark.parametrize(
    ("head", "expected", "how"),
    [
        ("BAKU, December 1, 2020 /TASS/. Azerbaijani troops entered the Lachin district early on Tuesday, the ministry said.", "2020-12-01", "dateline"),
        ("By Staff\n\n2020/11/20 15:29\n\nTroops entered Agdam.", "2020-11-20", "time stamp"),
        ("Region news\n\n25. November 2020\n\nDie Truppen rückten in Kelbadschar ein.", "2020-11-25", "date line"),
        ("KABUL: The city fell on Wednesday, officials said.", None, "unknown"),
        # A date stamped with its clock time, a byline's bar, or an agency's credit in brackets.
        ("Kandahar, Afghanistan, 13 August, 2021, 08:54 - Wire. Officials said the city fell.", "2021-08-13", "time stamp"),
        ("Headline here\n\n11.08.2021 13:33 : Hundreds of soldiers gave up in Kunduz, an official said.", "2021-08-11", "time stamp"),
        (
            "Troops leave the strip\n\nSeptember 12, 2005|By Jane Roe and John Doe, Daily Paper. Jane Roe reported from the coast.\n\nThe last troops left.",
            "2005-09-12",
            "byline",
        ),
        ("KABUL (Wire News / Agency - 15th August, 2021) The movement announced the capture of the city.", "2021-08-15", "dateline"),
        ("Конфликт в регионе, 15 авг 2021, 21:13\n\nВойска вошли в город, сообщило министерство.", "2021-08-15", "date line"),
        ("KABUL (Photo taken on 14 July 2021) Soldiers patrol the city of Kunduz.", None, "unknown"),
        ("A soldier on 14 July 2021 (AP Photo) as the city waits for news from the front.", None, "unknown"),
        # A date opening the line before a credit's bracket and a dash; a clock time before a date.
        ("Wire\n\nMay 28, 2012 (KHARTOUM) – The army began its withdrawal from the area.", "2012-05-28", "dateline"),
        ("May 28, 2012 (a Monday) was the day the army left the area.", None, "unknown"),
        ("Новости\n\n12:40 14.09.2005 Официальные лица сообщили о выводе войск.", "2005-09-14", "time stamp"),
        ("News\n\n4:40AM Monday, Sep 12, 2005 The last troops left the strip.", "2005-09-12", "time stamp"),
        ("Troops left at 12:40 on 14 September 2005 after a ceremony.", None, "unknown"),
    ],
)
def test_publication_date_as_a_reader_finds_it(head, expected, how):
    article = parse_article(head)
    published, found_how = find_published(article, load(detect_language(head)))
    assert (published.isoformat() if published else None) == expected
    assert found_how.startswith(how)


def test_long_sentences_are_read_in_bounded_pieces():
    text = "word " * 10_000
    spans = pieces(0, len(text), text)
    assert max(b - a for a, b in spans) <= 2_000 and spans[0][0] == 0 and spans[-1][1] == len(text)


@pytest.mark.parametrize(
    ("text", "published", "giver", "taker"),
    [
        ("Armenia handed the Agdam district over to Azerbaijan on Friday.\n", "2020-11-21", "Armenia", "Azerbaijan"),
        ("Azerbaijani troops entered the Lachin district on 1 December.\n", "2020-12-02", "", "Azerbaijan"),
        ("Армения передала Азербайджану Агдамский район 20 ноября.\n", "2020-11-21", "Armenia", ""),
    ],
)
def test_parties_where_the_sentence_names_them(azerbaijan, text, published, giver, taker):
    gazetteer, capitals, seats = azerbaijan
    article = parse_article(text, published=dt.date.fromisoformat(published))
    (event,) = read_report(article, gazetteer, capitals=capitals, government_seats=seats).events
    assert (event.from_, event.to) == (giver, taker)


def test_the_taliban_take_what_falls_to_them(afghanistan):
    gazetteer, capitals, seats = afghanistan
    article = parse_article("Kunduz fell to the Taliban on Sunday, officials said.\n", published=dt.date(2021, 8, 9))
    (event,) = read_report(article, gazetteer, capitals=capitals, government_seats=seats).events
    assert (event.district, event.to) == ("Kunduz", "Taliban")


def test_a_report_looking_back_keeps_the_story_year(azerbaijan):
    text = "Two years ago, on 25 November 2020, the army entered Kalbajar.\n\nThe ceasefire had provided for the return of Kalbajar by November 15.\n"
    assert events(azerbaijan, text, "2022-11-25") == {("Kalbajar District", "completed", "2020-11-25"), ("Kalbajar District", "scheduled", "2020-11-15")}


def test_an_agreement_named_after_its_date_is_not_a_handover(azerbaijan):
    text = "Armenia handed Kalbajar over per the November 10 trilateral agreement, on 25 November.\n"
    assert events(azerbaijan, text, "2020-11-26") == {("Kalbajar District", "completed", "2020-11-25")}


# --- Constructions from the third batch of real reports (h2) and the tuning after it ---


def test_a_change_dated_after_the_report_is_only_expected(azerbaijan):
    text = "The accord includes the return of the Agdam district by 20 November and of the Lachin district by 1 December.\n"
    assert events(azerbaijan, text, "2020-11-16") == {("Agdam District", "scheduled", "2020-11-20"), ("Lachin District", "scheduled", "2020-12-01")}


def test_a_place_without_its_own_date_in_a_dated_list_takes_none(azerbaijan):
    text = "The deal provides for the return of Kalbajar, and of the Agdam district by 20 November and the Lachin district by 1 December.\n"
    assert events(azerbaijan, text, "2020-11-14") == {("Agdam District", "scheduled", "2020-11-20"), ("Lachin District", "scheduled", "2020-12-01")}


def test_places_then_dates_pair_in_order(azerbaijan):
    text = "Die Termine für die Übergabe der Regionen Agdam und Latschin – der 20. November und der 1. Dezember – bleiben gleich.\n"
    assert events(azerbaijan, text, "2020-11-15") == {("Agdam District", "scheduled", "2020-11-20"), ("Lachin District", "scheduled", "2020-12-01")}


def test_a_heading_date_dates_the_sentence_after_it(afghanistan):
    text = (
        "Capitals taken so far:\n"
        "– Aug. 6 – ZARANJ. The fighters take over the city, capital of Nimroz province, without a fight.\n"
        "– Aug. 7 – SHEBERGHAN. The group says it has seized Jawzjan province and its capital.\n"
    )
    assert events(afghanistan, text, "2021-08-10") == {("Nimruz", "completed", "2021-08-06"), ("Jowzjan", "captured", "2021-08-07")}


def test_a_sentence_that_names_nothing_keeps_the_thread(afghanistan):
    text = (
        "The group has seized the two largest cities of the south and west, Kandahar and Herat. "
        "It now holds a third of the country's capitals. "
        "Both fell on Thursday, officials said.\n"
    )
    assert events(afghanistan, text, "2021-08-13") == {("Kandahar", "captured", "2021-08-12"), ("Herat", "captured", "2021-08-12")}


def test_capitals_of_two_words_and_a_capital_of_each_province_in_a_list(afghanistan):
    text = "On Saturday four capitals, Lashkar Gah of Helmand, Maimana of Faryab, Asadabad of Kunar and Gardez of Paktia, fell to the insurgents.\n"
    assert events(afghanistan, text, "2021-08-15") == {(p, "captured", "2021-08-14") for p in ("Helmand", "Faryab", "Kunar", "Paktia")}


def test_a_postponement_told_with_its_new_date_first_finds_the_date_put_off_later(azerbaijan):
    text = (
        "Baku agreed to give Yerevan until 25 November for the withdrawal from Kalbajar, postponing it.\n"
        "The district was originally due to be handed over on 15 November.\n"
    )
    assert events(azerbaijan, text, "2020-11-15") == {
        ("Kalbajar District", "scheduled", "2020-11-25"),
        ("Kalbajar District", "postponed", "2020-11-15"),
        ("Kalbajar District", "scheduled", "2020-11-15"),
    }


def test_a_weekday_in_a_plan_is_the_next_one(azerbaijan):
    text = "Residents left this week after it was announced that Azerbaijan would take over the Kalbajar district on Sunday.\n"
    assert events(azerbaijan, text, "2020-11-14") == {("Kalbajar District", "scheduled", "2020-11-15")}


def test_paragraphs_run_together_without_a_space_are_two_sentences(azerbaijan):
    text = "Les unités sont entrées dans le district de Kalbajar le 25 novembre, selon Bakou.Situé entre deux montagnes, le district avait été promis pour le 15 novembre.\n"
    assert ("Kalbajar District", "completed", "2020-11-25") in events(azerbaijan, text, "2020-11-26")


@pytest.mark.parametrize(
    ("head", "language", "expected"),
    [
        ("Just News | @justnews | 08 Dec 2020, 08:58 pm Print", "en", dt.date(2020, 12, 8)),
        ("France 24 • 25/11/2020 à 14:31", "fr", dt.date(2020, 11, 25)),
        ("Last Updated: Monday, 12 September 2005, 08:46 GMT", "en", dt.date(2005, 9, 12)),
        ("A soldier walks in Kandahar on 14 July 2021 as the city waits - NAME SURNAME", "en", None),
        ("Posted • 07/12/2020", "en", None),  # 7 December or July 12: English writes both
    ],
)
def test_a_date_line_at_the_top_is_the_publication_date(head, language, expected):
    body = {
        "en": "The army entered the district, the ministry said in a statement to the press.",
        "fr": "L'armée est entrée dans le district, a indiqué le ministère.",
    }
    article = parse_article(f"{head}\n\n{body[language]}\n")
    found, source = find_published(article, load(language))
    assert found == expected
    assert (source == "date line") == (expected is not None)


MENU = "\n\n".join(["Home", "World", "Politics", "Business", "Sport", "Culture", "Science", "Opinion", "Video", "Podcasts", "Newsletters", "Weather"])
PROSE = {
    "en": "The army entered the district on the morning after the deal, the ministry said in a statement to the press. Residents had left the day before.",
    "fr": "L'armée est entrée dans le district au matin, a indiqué le ministère dans un communiqué. Les habitants étaient partis la veille.",
    "de": "Die Armee rückte am Morgen in den Bezirk ein, teilte das Ministerium in einer Erklärung mit. Die Bewohner waren am Vortag gegangen.",
    "ru": "Армия вошла в район утром, сообщило министерство в своем заявлении для прессы. Жители покинули его накануне.",
}


@pytest.mark.parametrize(
    ("head", "language", "expected", "how"),
    [
        # A date line under a menu longer than the ten lines read before, above the body.
        (MENU + "\n\nArmy returns to the district\n\nThursday, March 9, 2006; Section B, Page 3", "en", dt.date(2006, 3, 9), "date line"),
        (MENU + "\n\nSeen in the hills\n\nA soldier on 14 July 2021 in the hills above the town, where the army waits", "en", None, "unknown"),
        # A name or a section run into its date where the page's parts were joined.
        ("Anna Example, Jerusalem3. Mai 2012", "de", dt.date(2012, 5, 3), "date line"),
        ("Monde17 juin 2019", "fr", dt.date(2019, 6, 17), "date line"),
        # A publication word before the date, a clock time after it in the page's language.
        ("Publié le 14/03/2021 à 08h12 - Modifié le 15/03/2021 à 17h40", "fr", dt.date(2021, 3, 14), "byline"),
        (
            "Opinion, analyses et commentaires\nPublié le 5 mars 2021 par la rédaction avec les agences de presse, mis à jour ce matin",
            "fr",
            dt.date(2021, 3, 5),
            "byline",
        ),
        ("Ein Gastbeitrag unserer Redaktion aus der Hauptstadt\npubliziert: Freitag, 3. Juni 2011", "de", dt.date(2011, 6, 3), "byline"),
        ("Lokales aus der Region und der Welt 07.04.2018, 09.15 Uhr", "de", dt.date(2018, 4, 7), "time stamp"),
        ("Опубликовано: 12 Март 2019", "ru", dt.date(2019, 3, 12), "date line"),
        ("Fighters seize the capital of Farah province\nUpdated 23:05, 10-Aug-2021", "en", dt.date(2021, 8, 10), "date line"),
        ("Fighters take another capital\nKabul\n14-August-2021", "en", dt.date(2021, 8, 14), "date line"),
        ("Иван Примеров 17 Березня 2014 11:02", "ru", dt.date(2014, 3, 17), "date line"),
    ],
)
def test_a_page_s_date_under_its_menus_run_together_or_after_a_publication_word(head, language, expected, how):
    article = parse_article(f"{head}\n\n{PROSE[language]}\n\n{PROSE[language]}\n")
    assert find_published(article, load(language)) == (expected, how)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "KABUL, Aug 9 (Wire Service) - Fighters entered the city on Sunday after weeks of clashes, officials said. "
            "The outlying districts have been contested since 2 June 2021.",
            (dt.date(2021, 8, 9), "dateline, year from the text"),
        ),
        # An anniversary's dateline is years after the year its text writes: no year, so no date.
        (
            "BAKU, Oct 9 (Wire Service) - Today marks the first anniversary of the liberation of the town, which the army "
            "retook on 9 October 2020, officials recalled at a ceremony.",
            (None, "unknown"),
        ),
    ],
)
def test_a_dateline_without_a_year_takes_the_text_s_year_unless_the_text_counts_years(opening, expected):
    article = parse_article(f"{opening}\n\n{PROSE['en']}\n")
    assert find_published(article, load("en")) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://news.example/2020/11/20/army-enters-aghdam", dt.date(2020, 11, 20)),
        ("https://news.example/fr/asie/20210808-kunduz", dt.date(2021, 8, 8)),
        ("https://news.example/news/abroad/25112020/142748", dt.date(2020, 11, 25)),
        ("https://news.example/news/2005/sep/12/story/", dt.date(2005, 9, 12)),
        ("https://news.example/06-Sep-2021/panjshir", dt.date(2021, 9, 6)),
        ("https://news.example/politics/25/11/2020/5fbd6a02", dt.date(2020, 11, 25)),
        ("https://news.example/world/2021/0812/kabul-parks", dt.date(2021, 8, 12)),
        ("https://news.example/world/2021/08/15070945/1311982/story.vpf", dt.date(2021, 8, 15)),
        ("https://news.example/international/202011131044764442-story/", dt.date(2020, 11, 13)),
        ("https://news.example/news/20210211075653677-story", dt.date(2021, 2, 11)),
        ("https://news.example/2021/07/spin-boldak", None),
        ("https://news.example/article/2013457788-story", None),
        ("https://news.example/story/2000121451170/story", None),
        ("https://news.example/article/1228075?date=20201120", None),
        # A web archive's copy: the copied page's day, never the day of the copy.
        ("https://web.archive.org/web/20070630162402/http://news.example/20070614-gaza.html", dt.date(2007, 6, 14)),
        ("http://web.archive.org/web/20080818115412id_/http:/news.example/world/story.html", None),
        ("https://wayback.archive.org/web/20080818115412*/news.example/world/story.html", None),
        ("archive.ph/20210815123456/https://news.example/world/story.html", None),
        ("https://web.archive.org/web/20080818115412/http://web.archive.org/web/20070101000000/http://news.example/a.html", None),
    ],
)
def test_the_day_in_a_page_address(address, expected):
    assert date_from_address(address) == expected


def test_ordinal_points_do_not_end_the_window_of_a_plan(azerbaijan):
    text = "Laut Vereinbarung sollten die Armenier Kalbadschar bis zum 15. November verlassen.\n"
    assert events(azerbaijan, text, "2020-11-15") == {("Kalbajar District", "scheduled", "2020-11-15")}


def test_a_list_with_a_date_after_each_place(azerbaijan):
    text = "Er sagte, dass die Region Aghdam am 20. November und der Rayon Latschin bis zum 1. Dezember an Aserbaidschan übergeben werden sollen.\n"
    assert events(azerbaijan, text, "2020-11-15") == {("Agdam District", "scheduled", "2020-11-20"), ("Lachin District", "scheduled", "2020-12-01")}


def test_the_capital_taken_through_its_palace(afghanistan):
    text = "The insurgents said on Sunday night that they had taken control of the presidential palace in Kabul.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Kabul", "completed", "2021-08-15")}


def test_the_seat_of_a_party_that_speaks_is_not_taken(azerbaijan):
    text = "Azerbaijani troops entered the Lachin district on Tuesday, the ministry in Baku said.\n"
    assert events(azerbaijan, text, "2020-12-02") == {("Lachin District", "completed", "2020-12-01")}


def test_parties_named_once_in_a_report_fill_its_other_events(azerbaijan):
    gazetteer, capitals, seats = azerbaijan
    text = "Armenia handed the Agdam district back on 20 November.\n\nAzerbaijani troops entered Kalbajar on 25 November.\n"
    found = read_report(parse_article(text, published=dt.date(2020, 11, 26)), gazetteer, capitals=capitals, government_seats=seats).events
    assert {(e.district, e.from_, e.to) for e in found} == {("Agdam District", "Armenia", "Azerbaijan"), ("Kalbajar District", "Armenia", "Azerbaijan")}


def test_the_agent_of_a_passive_capture_takes(afghanistan):
    gazetteer, capitals, seats = afghanistan
    article = parse_article("On Friday Zaranj was captured by the Taliban without a fight.\n", published=dt.date(2021, 8, 7))
    (event,) = read_report(article, gazetteer, capitals=capitals, government_seats=seats).events
    assert (event.district, event.to) == ("Nimruz", "Taliban")


# --- Constructions from the fourth batch of real reports (h3) ---


def test_a_day_by_day_list_dates_each_line_by_its_heading(afghanistan):
    text = (
        "Timeline of the offensive\n\n"
        "Aug. 13:\n\n"
        "-- A spokesman said the fighters had seized Lashkar Gah, capital of Helmand province, and Qalat, capital of Zabul province.\n\n"
        "Aug. 12:\n\n"
        "-- Officials confirmed the fighters had overrun Ghazni, the capital of the province of the same name.\n"
    )
    assert events(afghanistan, text, "2021-08-14") == {
        ("Helmand", "captured", "2021-08-13"),
        ("Zabul", "captured", "2021-08-13"),
        ("Ghanzi", "captured", "2021-08-12"),
    }


def test_a_long_list_after_its_wording_keeps_going(afghanistan):
    text = (
        "The group said on Friday it had seized Kandahar, capital of the southern province of Kandahar; Herat, capital of "
        "western Herat province; Qalat, capital of southern Zabul province; Lashkar Gah, capital of southern Helmand "
        "province; Pul-e Alam, capital of eastern Logar province; and Tarinkot, capital of the southern province of Uruzgan.\n"
    )
    found = events(afghanistan, text, "2021-08-14")
    assert {place for place, _, _ in found} == {"Kandahar", "Herat", "Zabul", "Helmand", "Logar", "Uruzgan"}


@pytest.mark.parametrize(
    ("text", "language", "published"),
    [
        ("Сегодня пятая годовщина освобождения Кельбаджарского района.\n", "ru", "2025-11-25"),
        ("Heute ist der fünfte Jahrestag der Rückgabe von Kelbadschar an Aserbaidschan.\n", "de", "2025-11-25"),
    ],
)
def test_an_anniversary_is_not_a_handover_on_its_day(azerbaijan, text, language, published):
    # The fifth anniversary counts back to the change's own day, five years before.
    assert {(place, day) for place, _, day in events(azerbaijan, text, published, language)} == {("Kalbajar District", "2020-11-25")}


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Today one year passes since the liberation of the Kalbajar district from occupation.\n", "2021-11-25"),
        ("Сегодня, 25 ноября, исполняется 5 лет со дня освобождения Кельбаджарского района, напомнили в министерстве обороны.\n", "2025-11-25"),
    ],
)
def test_an_anniversary_counting_its_years_dates_the_change_back(azerbaijan, text, published):
    assert events(azerbaijan, text, published) == {("Kalbajar District", "captured", "2020-11-25")}


def test_ne_que_is_not_a_negation(afghanistan):
    text = "Il n'a fallu que quelques heures aux talibans dimanche pour prendre le contrôle des villes de Kunduz et de Taloqan.\n"
    assert events(afghanistan, text, "2021-08-09", "fr") == {("Kunduz", "completed", "2021-08-08"), ("Takhar", "completed", "2021-08-08")}


def test_a_long_paragraph_cut_off_mid_sentence_is_still_read(afghanistan):
    text = (
        "Headline of the page\n\n"
        "Ten in the morning on Sunday. The first fighters entered the outskirts of the capital, residents said. "
        "Jalalabad was overrun on Sunday morning, after the fall of Mazar-i-Sharif on Saturday, and the last government "
        "forces in the east laid down their arms while the president was said to be preparing to"
    )
    assert events(afghanistan, text, "2021-08-15") >= {("Nangarhar", "captured", "2021-08-15")}


def test_a_copy_cut_off_inside_its_last_sentence_is_still_read(azerbaijan):
    text = (
        "The deal was signed on Tuesday after weeks of fighting in the region.\n\n"
        "A key part of the deal is Armenia's return of the Aghdam district by November 20 and of the Lachin district "
        "by December 1, two districts which"
    )
    assert events(azerbaijan, text, "2020-11-15") == {("Agdam District", "scheduled", "2020-11-20"), ("Lachin District", "scheduled", "2020-12-01")}
    # Not a short line at the end of a copy: a caption may stop like that.
    assert events(azerbaijan, "Aghdam district to be handed over by November 20 under the\n", "2020-11-15") == set()


def test_an_infinitive_after_a_verb_of_saying_tells_no_plan(afghanistan):
    text = "The group claimed several provincial capitals this week, the first one, Zaranj, said to be seized on Friday.\n"
    assert events(afghanistan, text, "2021-08-11") == {("Nimruz", "captured", "2021-08-06")}
    text = "Zaranj will be handed over on Friday, the group said.\n"
    assert events(afghanistan, text, "2021-08-11") == {("Nimruz", "scheduled", "2021-08-13")}


def test_a_french_target_is_not_taken_and_a_list_keeps_its_days_in_order(afghanistan):
    text = (
        "Avant de convoiter Kunduz, les insurgés se sont emparés vendredi et samedi de deux capitales de province, "
        "Zaranj, dans le sud-ouest, et Sheberghan, dans le nord.\n"
    )
    assert events(afghanistan, text, "2021-08-08") == {("Nimruz", "captured", "2021-08-06"), ("Jowzjan", "captured", "2021-08-07")}


def test_a_day_across_a_comma_gives_way_to_the_wording_s_own(azerbaijan):
    text = "Residents of Kalbajar fled on Saturday, burning their homes, as the district was set to be turned over to Azerbaijan on Sunday.\n"
    assert events(azerbaijan, text, "2020-11-16") == {("Kalbajar District", "scheduled", "2020-11-15")}


def test_a_dateline_s_day_dates_no_event(afghanistan):
    text = "Kabul, July 8 : Government forces have regained control of Qala-e-Naw in Badghis province, the ministry said on Wednesday.\n"
    assert events(afghanistan, text, "2021-07-08") == {("Badghis", "completed", "2021-07-07")}


def test_history_decades_before_the_story_is_its_background(azerbaijan):
    text = (
        "On December 1, Azerbaijan marks five years since the liberation of the Lachin district.\n\n"
        "Lachin was occupied on May 18, 1992, and Kalbajar on April 2, 1993.\n"
    )
    article = parse_article(text, published=dt.date(2025, 12, 1))
    gazetteer, capitals, seats = azerbaijan
    extraction = read_report(article, gazetteer, capitals=capitals, government_seats=seats)
    assert {(e.district, e.date.isoformat()) for e in extraction.events} == {("Lachin District", "2020-12-01")}
    told = {(d["text"], d["date"]) for d in extraction.unattached_dates if "background" in str(d["reason"])}
    assert told == {("Lachin", "1992-05-18"), ("Kalbajar", "1993-04-02")}


@pytest.mark.parametrize(
    "text",
    [
        "Les talibans se sont emparés de Herat jeudi, selon des responsables.\n\nLe même jour, les insurgés se sont emparés de Kandahar.\n",
        "Die Taliban haben am Donnerstag Herat erobert.\n\nAm selben Tag eroberten sie auch Kandahar.\n",
    ],
)
def test_the_same_day_in_french_and_german_is_the_day_told_last(afghanistan, text):
    assert {(place, day) for place, _, day in events(afghanistan, text, "2021-08-14")} == {("Herat", "2021-08-12"), ("Kandahar", "2021-08-12")}


def test_a_range_of_days_names_no_day(afghanistan):
    text = "Over 8-10 August the group took five northern capitals, Kunduz, Sar-e Pul, Sheberghan, Aibak and Mazar-i-Sharif.\n"
    assert events(afghanistan, text, "2021-08-11") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The governor said on Wednesday that all six districts in Badghis had fallen to the insurgents.\n",
        "The militants captured seven of the 11 districts of Faryab on Wednesday, a council member said.\n",
        "On Wednesday the group seized one of the districts of Kunduz after a night of fighting.\n",
        "Les talibans ont pris mercredi tous les districts de Badghis, selon le gouverneur.\n",
    ],
)
def test_counted_districts_of_a_province_are_parts_of_it(afghanistan, text):
    assert events(afghanistan, text, "2021-07-08") == set()


def test_a_count_of_districts_that_names_them_all_is_them(azerbaijan):
    text = "Armenia handed over the two districts of Aghdam and Kalbajar on 25 November.\n"
    assert events(azerbaijan, text, "2020-11-26") == {("Agdam District", "completed", "2020-11-25"), ("Kalbajar District", "completed", "2020-11-25")}


def test_by_a_day_opening_a_past_sentence_is_how_things_stood(afghanistan):
    text = (
        "By Friday afternoon, only Kabul and Mazar-i-Sharif remained in government hands, "
        "with surrenders of government forces in Logar and Ghor in quick succession.\n"
    )
    assert events(afghanistan, text, "2021-08-13") == {("Logar", "completed", "2021-08-13"), ("Ghor", "completed", "2021-08-13")}
    # A deadline of the report's own day is still a plan.
    text = "Government forces will hand over Logar and Ghor to the Taliban by Friday, elders said.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Logar", "scheduled", "2021-08-13"), ("Ghor", "scheduled", "2021-08-13")}


def test_a_named_place_located_in_a_province_is_what_was_taken(afghanistan):
    text = "The fighters captured an important border town called Wesh in Kandahar on Wednesday, their spokesman said.\n"
    assert events(afghanistan, text, "2021-07-15") == set()


@pytest.mark.parametrize(
    "text",
    [
        "More than a thousand refugees returned to Stepanakert on Tuesday with help from the peacekeepers.\n",
        "On Tuesday the displaced families went back to Shusha, officials said.\n",
    ],
)
def test_a_place_people_return_to_is_not_handed_over(azerbaijan, text):
    assert events(azerbaijan, text, "2020-12-09") == set()


def test_the_date_of_a_signing_a_few_words_back_is_not_the_handover(azerbaijan):
    text = "Under the statement signed by the leaders of Armenia, Russia and Azerbaijan on 10 November, Armenian troops had to leave Kalbajar by 15 November.\n"
    assert events(azerbaijan, text, "2020-11-16") == {("Kalbajar District", "scheduled", "2020-11-15")}


def test_an_agreement_before_a_deadline_keeps_the_deadline(azerbaijan):
    text = "Laut Vereinbarung sollten die Armenier Kalbadschar bis zum 15. November verlassen.\n"
    assert events(azerbaijan, text, "2020-11-15") == {("Kalbajar District", "scheduled", "2020-11-15")}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Армянские войска должны были покинуть Кельбаджар до 15 ноября.\n", "ru", {("Kalbajar District", "scheduled", "2020-11-15")}),
        (
            "Kalbajar aurait dû être rétrocédé le 15 novembre mais Bakou a reporté la date.\n",
            "fr",
            {("Kalbajar District", "postponed", "2020-11-15")},  # a plan not met on its day is put off from it, no longer due then
        ),
    ],
)
def test_a_handover_that_should_have_happened(azerbaijan, text, language, expected):
    assert events(azerbaijan, text, "2020-11-16", language) == expected


def test_a_paragraph_ending_in_a_stray_opening_quote_is_read(azerbaijan):
    text = "Bericht\n\nAgdam wurde am 20. November abgetreten und Latschin soll bis zum 1. Dezember übergeben werden. “\n\nTags:\n"
    assert events(azerbaijan, text, "2020-11-25") == {("Agdam District", "completed", "2020-11-20"), ("Lachin District", "scheduled", "2020-12-01")}


def test_a_weekday_of_a_change_told_as_done_looks_back_beside_a_plan(azerbaijan):
    text = "Am Freitag war bereits der Bezirk Aghdam an Aserbaidschan übergegangen, am 1. Dezember soll Laschin als letzte Region folgen.\n"
    assert events(azerbaijan, text, "2020-11-25") == {("Agdam District", "completed", "2020-11-20"), ("Lachin District", "scheduled", "2020-12-01")}


def test_a_wording_right_after_a_postponement_names_what_was_put_off(azerbaijan):
    text = (
        "Армянские войска должны были покинуть Кельбаджар до 15 ноября.\n"
        "Баку согласился дать Еревану отсрочку на вывод войск из Кельбаджарского района до 25 ноября.\n"
        "Просьба о предоставлении отсрочки связана с плохой дорогой из Кельбаджарского района.\n"
    )
    assert events(azerbaijan, text, "2020-11-15", "ru") == {
        ("Kalbajar District", "scheduled", "2020-11-15"),
        ("Kalbajar District", "postponed", "2020-11-15"),
        ("Kalbajar District", "scheduled", "2020-11-25"),
    }


def test_a_retrospective_takes_the_year_it_last_wrote(azerbaijan):
    text = (
        "On 10 November 2020 the leaders signed the statement ending the war.\n"
        "It provided for the return of Kalbajar by November 15, and Kalbajar was handed over on November 25.\n"
    )
    assert events(azerbaijan, text, "2022-11-25") == {("Kalbajar District", "scheduled", "2020-11-15"), ("Kalbajar District", "completed", "2020-11-25")}


def test_history_decades_back_does_not_move_the_year_of_the_news(azerbaijan):
    text = "The army entered the Aghdam district on November 20. The district had been occupied on 23 July 1993.\n"
    assert ("Agdam District", "completed", "2020-11-20") in events(azerbaijan, text, "2020-11-20")


# --- Constructions from the fifth batch (h4) and the tuning after it ---


def test_a_handover_that_was_due_on_a_weekday_looks_back(azerbaijan):
    text = "Armenia was granted ten more days to leave the Kalbajar district, which was due to be handed over to Azerbaijan on Sunday.\n"
    assert ("Kalbajar District", "scheduled", "2020-11-15") in events(azerbaijan, text, "2020-11-16")


def test_a_change_told_as_already_done_is_not_dated_by_the_next_sentence(azerbaijan):
    text = "Azerbaijani forces have already retaken Fuzuli, Jabrayil and Zangilan. On Sunday, settlers in Kalbajar began burning their houses.\n"
    assert events(azerbaijan, text, "2020-11-16") == set()


def test_a_bare_name_of_a_town_and_its_district_is_the_town(azerbaijan):
    text = "Azerbaijan said on Sunday it had captured Shusha, which sits on a mountain top overlooking Stepanakert.\n"
    assert events(azerbaijan, text, "2020-11-09") == {("Shusha City", "captured", "2020-11-08")}


def test_an_aim_is_not_a_change_but_a_claim_is(afghanistan, azerbaijan):
    assert events(azerbaijan, "Yesterday, 7 November, officials said forces were massing to occupy Shusha.\n", "2020-11-08") == set()
    assert events(afghanistan, "On Monday the group claimed to capture all of Panjshir province.\n", "2021-09-07") == {("Panjshir", "captured", "2021-09-06")}


def test_a_blocked_wording_does_not_break_the_thread(afghanistan):
    text = (
        "The group has captured Kandahar and Herat. The insurgents now hold a third of the capitals. "
        "The latest conquests on Thursday came as foreign troops began to withdraw from the country.\n"
    )
    assert events(afghanistan, text, "2021-08-13") == {("Kandahar", "captured", "2021-08-12"), ("Herat", "captured", "2021-08-12")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Einheiten der Armee marschierten am 25. November in den Bezirk Kalbadschar ein.\n", ("Kalbajar District", "completed", "2020-11-25")),
        ("Es wurde vereinbart, die Streitkräfte am 25. November aus dem Bezirk Kalbadschar abzuziehen.\n", ("Kalbajar District", "scheduled", "2020-11-25")),
        # The day first, the subject after the verb: "die Armee in Agdam" is a noun (nouns have capitals), not a town Agdam locates.
        ("Am 20. November rückte die Armee in Agdam ein.\n", ("Agdam District", "completed", "2020-11-20")),
        ("Am Freitag rückten die Truppen in Agdam ein, wie das Ministerium mitteilte.\n", ("Agdam District", "completed", "2020-11-20")),
    ],
)
def test_german_separable_and_zu_infinitive_verbs(azerbaijan, text, expected):
    assert expected in events(azerbaijan, text, "2020-11-26", "de")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "25 ноября азербайджанская армия вошла в Кельбаджарский район. Днём ранее армянские силы покинули Агдам.\n",
            {("Kalbajar District", "completed", "2020-11-25"), ("Agdam District", "completed", "2020-11-24")},
        ),
        (
            "Армянские силы покинули Агдам 20 ноября. Днем позже армия вошла в Кельбаджар.\n",
            {("Agdam District", "completed", "2020-11-20"), ("Kalbajar District", "completed", "2020-11-21")},
        ),
    ],
)
def test_russian_a_day_earlier_and_a_day_later_count_from_the_day_told(azerbaijan, text, expected):
    assert events(azerbaijan, text, "2020-11-26", "ru") == expected


def test_a_french_reflexive_capture_with_its_day_inside(afghanistan):
    text = "Les talibans se sont également emparés vendredi de Lashkar Gah, capitale de la province du Helmand.\n"
    assert events(afghanistan, text, "2021-08-14", "fr") == {("Helmand", "captured", "2021-08-13")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Aghdam was handed over five days ago.\n", "en"),
        ("Aghdam a été rendu il y a cinq jours.\n", "fr"),
        ("Aghdam wurde vor fünf Tagen übergeben.\n", "de"),
    ],
)
def test_days_ago_count_back_from_the_publication(azerbaijan, text, language):
    assert events(azerbaijan, text, "2020-11-25", language) == {("Agdam District", "completed", "2020-11-20")}


def test_anticipating_a_fall_is_not_a_fall(afghanistan):
    text = "On Wednesday the government seemed to anticipate the falling of Kandahar, moving detainees out of the city.\n"
    assert events(afghanistan, text, "2021-08-12") == set()


def test_the_day_it_was_announced_dates_a_change_told_without_one(afghanistan):
    text = "The Taliban captured the city of Zaranj, the capital of Nimruz province, government officials announced Friday.\n"
    assert events(afghanistan, text, "2021-08-07") == {("Nimruz", "captured", "2021-08-06")}


def test_villages_of_a_district_are_not_the_district(azerbaijan):
    text = "The army freed 18 villages of Fuzuli, Jabrayil and Khojavend provinces, the president announced on Tuesday.\n"
    assert events(azerbaijan, text, "2020-10-21") == set()


def test_captures_over_a_week_take_no_day_from_elsewhere(afghanistan):
    text = "On Sunday the fighters reached Kabul. Within a week they had captured Kandahar, Herat and Jalalabad.\n"
    assert events(afghanistan, text, "2021-08-15") == set()


def test_a_shift_told_apart_counts_back_from_the_new_date(azerbaijan):
    text = (
        "Armenia asked Azerbaijan for ten more days to leave the Kalbajar district.\n"
        "The handover of the Kalbajar district has been delayed until November 25.\n"
    )
    assert events(azerbaijan, text, "2020-11-15") >= {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")}


def test_the_other_side_is_the_party_the_report_names_most(afghanistan):
    gazetteer, capitals, seats = afghanistan
    text = (
        "Government forces retreated from the north on Friday as the Taliban advanced.\n\n"
        "The Taliban captured Kunduz on Sunday after government forces abandoned their positions, government forces said.\n"
    )
    found = read_report(parse_article(text, published=dt.date(2021, 8, 9)), gazetteer, capitals=capitals, government_seats=seats).events
    assert [(e.district, e.from_, e.to) for e in found] == [("Kunduz", "Afghan government", "Taliban")]


def test_also_dates_a_change_by_the_one_told_just_before(afghanistan):
    text = "Herat fell to the militants on Thursday evening, residents said.\n\nThe militants also gained control over Qala-e-Naw, the capital of Badghis.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Herat", "captured", "2021-08-12"), ("Badghis", "completed", "2021-08-12")}
    # Another place told in between breaks the tie: the day of "also" is no longer known.
    text = (
        "Herat fell to the militants on Thursday evening, residents said.\n\n"
        "Heavy fighting went on through the night near Kandahar, where government troops were regrouping.\n\n"
        "The militants also gained control over Qala-e-Naw, the capital of Badghis.\n"
    )
    assert events(afghanistan, text, "2021-08-13") == {("Herat", "captured", "2021-08-12")}


def test_a_plan_told_with_an_adverb_in_between(azerbaijan):
    text = "Baku is also to recover the Lachin district on 1 December, the statement says.\n"
    assert events(azerbaijan, text, "2020-11-20") == {("Lachin District", "scheduled", "2020-12-01")}


def test_german_weekday_joined_with_a_part_of_the_day(afghanistan):
    text = "Die Aufständischen nahmen am Freitagabend auch Feroz Koh ein, die Hauptstadt der Provinz Ghor, sagte ein Sprecher.\n"
    assert events(afghanistan, text, "2021-08-14") == {("Ghor", "captured", "2021-08-13")}


def test_hours_after_another_change_is_the_same_day(afghanistan):
    text = "Jeudi, les insurgés ont pris Hérat, quelques heures après la chute de Ghazni, située à 150 km de Kaboul.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Herat", "completed", "2021-08-12"), ("Ghanzi", "captured", "2021-08-12")}
    text = "The insurgents took Herat on Thursday, hours after the fall of Ghazni, some 150 km south-west of Kabul.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Herat", "completed", "2021-08-12"), ("Ghanzi", "captured", "2021-08-12")}


def test_russian_nouns_of_capture(afghanistan):
    text = "В понедельник движение объявило о захвате города Айбак, центра провинции Саманган.\n"
    assert events(afghanistan, text, "2021-08-10") == {("Samangan", "captured", "2021-08-09")}


def test_a_change_with_no_place_of_the_map_borrows_none(afghanistan, azerbaijan):
    text = (
        "On Sunday the insurgents captured Kunduz, the provincial capital, officials said.\n\n"
        "The president has said foreign troops will pull out of the country by 31 August.\n"
    )
    assert events(afghanistan, text, "2021-08-09") == {("Kunduz", "captured", "2021-08-08")}
    # A deadline or a postponement with no place is about the places just told.
    text = (
        "Kalbajar was to be handed over to Azerbaijan on 15 November under the ceasefire agreement.\n\n"
        "The deadline was postponed until 25 November, officials in Yerevan said.\n"
    )
    assert ("Kalbajar District", "scheduled", "2020-11-25") in events(azerbaijan, text, "2020-11-16")


def test_a_change_pointing_back_to_the_place_just_told(azerbaijan):
    text = (
        "Seit Tagen verlassen die Familien Kalbadschar mit Lastwagen und fahren nach Armenien.\n\n"
        "Bis zum 25. November muss Armenien diesen Bezirk an Aserbaidschan übergeben, so das Abkommen.\n"
    )
    assert events(azerbaijan, text, "2020-11-16") == {("Kalbajar District", "scheduled", "2020-11-25")}
    # Without the pointer, a plan naming no place of the map is about somewhere else.
    text = (
        "Seit Tagen verlassen die Familien Kalbadschar mit Lastwagen und fahren nach Armenien.\n\n"
        "Bis zum 25. November muss Armenien die Kontrolle über die Straße nach Goris übergeben, so das Abkommen.\n"
    )
    assert events(azerbaijan, text, "2020-11-16") == set()


def test_german_place_left_by_a_clause_final_verb(azerbaijan):
    text = "Die Armee hat sich am Montag aus Kalbadschar zurückgezogen, teilte das Ministerium mit.\n"
    assert events(azerbaijan, text, "2020-11-26") == {("Kalbajar District", "completed", "2020-11-23")}
    # "aus" before a place with no such verb is still where someone comes from.
    text = "Am Montag sind Flüchtlinge aus Kalbadschar in Agdam angekommen, teilte das Ministerium mit.\n"
    assert events(azerbaijan, text, "2020-11-26") == set()


def test_a_sentence_ends_before_a_german_opening_quote(azerbaijan):
    from handover_map.reading import split_sentences

    text = "Die Armee ist eingerückt. „Wir sind da“, sagte ein Sprecher."
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == ["Die Armee ist eingerückt.", "„Wir sind da“, sagte ein Sprecher."]


def test_a_place_that_locates_another_is_a_landmark(afghanistan):
    text = (
        "The insurgents pressed on across the south and west of the country this week.\n\n"
        "Ghazni, some 150km (90 miles) south-west of the capital, Kabul, also fell on Thursday, officials said.\n"
    )
    assert events(afghanistan, text, "2021-08-13") == {("Ghanzi", "captured", "2021-08-12")}
    text = "On Monday the group said it had taken Panjshir province north of Kabul, the last holdout of its opponents.\n"
    assert events(afghanistan, text, "2021-09-07") == {("Panjshir", "completed", "2021-09-06")}
    # The first place after a distance is its landmark; a place named after that is not.
    text = "On Thursday the rebels came within 150 km of Kabul, seizing Ghazni on the way.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Ghanzi", "captured", "2021-08-12")}


def test_setting_something_ablaze_is_no_plan(afghanistan):
    text = "On Monday crowds set the governor's office ablaze as the insurgents entered Kunduz.\n"
    assert events(afghanistan, text, "2021-08-10") == {("Kunduz", "completed", "2021-08-09")}


def test_a_place_opening_a_paragraph_with_a_distance_is_no_dateline(afghanistan):
    text = (
        "The insurgents pressed on across the south and west of the country this week.\n\n"
        "Ghazni, about 150 km from the capital, fell on Thursday, officials said.\n"
    )
    assert events(afghanistan, text, "2021-08-13") == {("Ghanzi", "captured", "2021-08-12")}


def test_a_photo_taken_on_a_day_is_no_capture(azerbaijan):
    text = "A photo taken on 21 November shows soldiers raising a flag over the ruins of the Agdam mosque, our reporter writes.\n"
    assert events(azerbaijan, text, "2020-11-30") == set()
    text = "On Sunday the army said it had taken control of the Agdam district, officials in Baku confirmed.\n"
    assert events(azerbaijan, text, "2020-11-23") == {("Agdam District", "completed", "2020-11-22")}


def test_a_person_named_after_a_place_is_not_the_place(afghanistan):
    text = "Ghazni fell to the Taliban on Thursday morning after a deal with Daud Laghmani, the provincial governor, a council member said.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Ghanzi", "captured", "2021-08-12")}
    # Without a given name before it, the same ending is a spelling of the place.
    text = "On Tuesday the Taliban took control of Farahi in the west, officials said.\n"
    assert events(afghanistan, text, "2021-08-11") == {("Farah", "completed", "2021-08-10")}


def test_german_compound_of_a_name():
    setup = _setup_disputed()
    text = "Die Armee hatte sich am Montagmorgen endgültig aus dem Gazastreifen zurückgezogen, teilte ein Sprecher mit.\n"
    assert events(setup, text, "2005-09-13") == {("Gaza", "completed", "2005-09-12")}
    text = "Am Montagmorgen hatte der letzte Konvoi den Gaza-Streifen verlassen, teilte ein Sprecher mit.\n"
    assert events(setup, text, "2005-09-13") == {("Gaza", "completed", "2005-09-12")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Tuesday Putin signed a treaty on the accession of Crimea to Russia.", "en"),
        ("Putin hat am Dienstag den Vertrag über die Aufnahme der Krim in die Russische Föderation unterzeichnet.", "de"),
        ("La Russie a signé mardi le traité sur le rattachement de la Crimée.", "fr"),
        ("18 марта 2014 года Путин подписал договор о принятии Крыма в состав России.", "ru"),
    ],
)
def test_the_signing_of_an_accession_is_the_change(text, language):
    # An annexation is made by its treaty: the signing's day is the change's, not an agreement's.
    assert events(_setup_disputed(), text + "\n", "2014-03-19", language) == {("Crimea", "completed", "2014-03-18")}


def test_a_treaty_signed_to_annex_does_what_it_aims_at():
    text = "Putin signed a treaty on Tuesday to incorporate the region of Crimea into Russia.\n"
    assert events(_setup_disputed(), text, "2014-03-19") == {("Crimea", "completed", "2014-03-18")}
    # ... while troops massing to annex it is no change.
    assert events(_setup_disputed(), "On Tuesday troops were massing to annex Crimea.\n", "2014-03-19") == set()


def test_an_accession_voted_on_or_undated_is_no_change():
    setup = _setup_disputed()
    # A holiday's day is no change's: "today is the Day of the reunification of Crimea".
    assert events(setup, "Сегодня большой праздник – День воссоединения Крыма с Россией.\n", "2022-03-18", "ru") == set()
    assert events(setup, "A referendum on the accession of Crimea to Russia was held on Sunday.\n", "2014-03-19") == set()
    # The next sentence's day does not date an accession told without one.
    text = "Parliament drafted the procedures for the accession of Crimea.\n\nThe document was signed on Monday.\n"
    assert events(setup, text, "2014-03-19") == set()
    # An anniversary counted "from the moment" of the change, and one written as "the 20th".
    text = "Сегодня исполняется 10 лет с момента воссоединения Крыма с Россией.\n"
    assert events(setup, text, "2024-03-18", "ru") == {("Crimea", "completed", "2014-03-18")}
    assert events(setup, "Крым встретил 10-летие воссоединения с Россией.\n", "2024-03-18", "ru") == set()


def test_a_year_without_a_count_is_one(azerbaijan):
    text = "Ровно год назад азербайджанская армия освободила Губадлы, и 25 октября будет отмечаться как день Победы.\n"
    assert events(azerbaijan, text, "2021-10-25", "ru") == {("Qubadli District", "captured", "2020-10-25")}


def _setup_disputed():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = load_boundaries(MIRROR / "ne_10m_admin_0_disputed_areas.json", "BRK_NAME")
    return Gazetteer(list(frame["name"]), read_aliases()), {}, frozenset()


def test_hours_later_is_the_day_of_the_change_before(afghanistan):
    text = (
        "В воскресенье талибы захватили Кундуз, сообщили местные власти.\n\n"
        "Через несколько часов пали еще два административных центра — Сари-Пуль и Талукан, столица провинции Тахар.\n"
    )
    assert events(afghanistan, text, "2021-08-09") == {
        ("Kunduz", "captured", "2021-08-08"),
        ("Sar-e Pol", "captured", "2021-08-08"),
        ("Takhar", "captured", "2021-08-08"),
    }


@pytest.fixture(scope="module")
def countries():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = load_boundaries(MIRROR / "ne_50m_admin_0_countries.json", "ADMIN")
        capitals, seats = reference_places(frame)
    return Gazetteer(list(frame["name"]), read_aliases()), capitals, seats


def test_a_list_of_places_each_with_its_deadline_after_a_dash(azerbaijan):
    text = (
        "Under the deal, Baku is to assume control over the Fuzuli district until October 30, "
        "Kalbajar district - until November 15, and the Lachin district - until December 1.\n"
    )
    assert events(azerbaijan, text, "2020-10-20") == {
        ("Fuzuli District", "scheduled", "2020-10-30"),
        ("Kalbajar District", "scheduled", "2020-11-15"),
        ("Lachin District", "scheduled", "2020-12-01"),
    }


def test_resuming_sovereignty_over_a_territory_is_its_handover(countries):
    text = "On December 20, 1999, the government in Beijing resumed the exercise of sovereignty over Macao.\n"
    assert events(countries, text, "2009-12-10") == {("Macao S.A.R", "completed", "1999-12-20")}


def test_a_country_named_as_a_party_is_not_a_place_handed_over(countries):
    text = "Portugal and China agreed in 1987 that China resumes sovereignty over Macao on December 20, 1999.\n"
    assert events(countries, text, "1999-12-19") == {("Macao S.A.R", "scheduled", "1999-12-20")}


def test_one_of_many_regional_capitals_does_not_stand_for_a_country(countries):
    # Moundou (Chad) and Assen (the Netherlands) are two of many regional capitals in their countries:
    # "Monday" and "Asian" are no countries.
    text = "Soldiers rolled into Hong Kong on Monday, a reminder that an Asian colony was changing hands.\n"
    assert ("Chad", "completed", "1997-04-21") not in events(countries, text, "1997-04-22")
    assert not {e for e in events(countries, text, "1997-04-22") if e[0] == "Netherlands"}


def test_russian_g_stands_for_a_latin_h(afghanistan):
    text = "В минувший четверг талибы заняли Кандагар. Талибы также захватили Герат.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Kandahar", "captured", "2021-08-12"), ("Herat", "captured", "2021-08-12")}
    # ... while a capitalised German noun keeps its h: "Häuser" is no Qusar.
    assert phonetic_key("Häuser") != phonetic_key("Qusar")


def test_a_postponement_is_about_the_place_of_the_aim_it_extends(azerbaijan):
    text = "On Sunday, November 15, Baku agreed to give the Armenian side additional time to withdraw its troops from Kalbajar district until November 25.\n"
    assert ("Kalbajar District", "scheduled", "2020-11-25") in events(azerbaijan, text, "2020-11-15")


def test_a_place_far_before_a_wording_whose_own_place_follows_it(afghanistan):
    text = "The valley of Panjshir stayed the last holdout in the long struggle that followed the seizure of Kabul on 15 August.\n"
    assert events(afghanistan, text, "2021-09-06") == {("Kabul", "captured", "2021-08-15")}


def test_a_change_done_at_midnight_is_on_the_day_that_midnight_began(countries, azerbaijan):
    assert events(countries, "Nach einer Zeremonie ging Macao um Mitternacht an China zurück.\n", "1999-12-20", "de") == {
        ("Macao S.A.R", "completed", "1999-12-20")
    }
    # ... but a midnight still ahead is the next day's deadline.
    text = "The last units are leaving Kalbajar district, which is due to pass to Azerbaijan at midnight.\n"
    assert ("Kalbajar District", "scheduled", "2020-11-25") in events(azerbaijan, text, "2020-11-24")


def test_a_day_told_with_the_midnight_that_ends_it_is_the_next_day(countries):
    assert events(countries, "At midnight on 30 June the colony of Hong Kong returned to China.\n", "1997-07-01") == {
        ("Hong Kong S.A.R.", "completed", "1997-07-01")
    }
    assert events(countries, "At about midnight on Sunday the enclave of Macao returned to China.\n", "1999-12-20") == {
        ("Macao S.A.R", "completed", "1999-12-20")
    }
    assert events(countries, "At midnight, June 30, 1997, Hong Kong returned to China.\n", "1997-07-02") == {("Hong Kong S.A.R.", "completed", "1997-07-01")}
    # A report's own weekday told as past is the midnight that began it: the one ending it has not come yet.
    assert events(countries, "At midnight Monday the enclave of Macao returned to China.\n", "1999-12-20") == {("Macao S.A.R", "completed", "1999-12-20")}
    # "at midnight tomorrow" is one date, the midnight after tomorrow.
    assert events(countries, "The governor will hand Macao back to China at midnight tomorrow.\n", "1999-12-18") == {("Macao S.A.R", "scheduled", "1999-12-20")}
    assert events(countries, "Portugal gibt Macao am 19. Dezember um Mitternacht an China zurück.\n", "1999-12-10", "de") == {
        ("Macao S.A.R", "scheduled", "1999-12-20")
    }
    # Without the midnight, the day told.
    assert events(countries, "On 19 December the enclave of Macao returned to China.\n", "1999-12-20") == {("Macao S.A.R", "completed", "1999-12-19")}


def test_the_day_of_a_celebration_is_not_the_day_of_the_change(azerbaijan):
    text = "Today Azerbaijan celebrates the liberation of Shusha, which its army won on November 8, 2020.\n"
    assert events(azerbaijan, text, "2022-11-08") == {("Shusha City", "captured", "2020-11-08")}


def test_villages_in_a_list_of_districts_are_not_the_districts(azerbaijan):
    text = "On Tuesday the army took Alpha, Beta and Gamma villages in Fuzuli, and 12 villages in Zangelan, Jabrayil and Khojavend districts.\n"
    assert events(azerbaijan, text, "2020-10-21") == set()


def test_an_area_a_place_holds_is_not_the_place(afghanistan):
    text = "Two days later the insurgents took control of Kandahar's Panjwai area, their old stronghold.\n"
    assert events(afghanistan, text, "2021-07-06") == set()


def test_a_town_under_a_party_s_control_on_a_day(afghanistan):
    text = "Lashkar Gah, the capital of Helmand, was under insurgent control Friday after weeks of fighting.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Helmand", "completed", "2021-08-13")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a French noun of a handover takes its plan word after the place
        ("Le transfert de Kalbajar à l'Azerbaïdjan était prévu pour le 15 novembre.\n", {("Kalbajar District", "scheduled", "2020-11-15")}),
        # entering a district is taking it
        ("Des soldats ont pénétré mercredi dans le district de Kalbajar.\n", {("Kalbajar District", "completed", "2020-11-25")}),
        # "reporter au 25 novembre" is one
        ("Bakou a accepté de reporter au 25 novembre la date limite du retrait de Kalbajar.\n", {("Kalbajar District", "scheduled", "2020-11-25")}),
    ],
)
def test_french_nouns_entering_and_postponing(azerbaijan, text, expected):
    assert expected <= events(azerbaijan, text, "2020-11-25", "fr")
    assert {e for e in events(azerbaijan, text, "2020-11-25", "fr") if e[1] != "postponed"} == expected


def test_a_french_news_report_is_no_postponement():
    from handover_map.reading import find_cues, tokenize

    french = load("fr")
    assert find_cues(tokenize("Reportage de nos envoyés spéciaux, avec un reporter local."), french) == []
    assert [h.cue.kind for h in find_cues(tokenize("Bakou a accepté de reporter au 25 novembre le retrait."), french)] == ["postpone"]


def test_french_in_the_night_is_the_night_just_gone(afghanistan):
    text = "Les insurgés ont revendiqué dans la nuit la prise de Kandahar, deuxième ville du pays.\n"
    assert events(afghanistan, text, "2021-08-13", "fr") == {("Kandahar", "captured", "2021-08-13")}


def test_an_aim_with_a_day_ahead_is_a_plan_for_that_day(countries, afghanistan):
    text = "The prince arrived in Hong Kong on Saturday to formally hand the colony back to China on July 1.\n"
    assert events(countries, text, "1997-06-28") == {("Hong Kong S.A.R.", "scheduled", "1997-07-01")}
    # ... while an aim without a day ahead stays no event.
    assert events(afghanistan, "On Friday fighters were massing to take Kandahar.\n", "2021-08-13") == set()


def test_german_army_reaching_a_district_handed_over(azerbaijan):
    text = "Einheiten der Armee hätten am frühen Dienstagmorgen den Bezirk Latschin erreicht, teilte das Ministerium mit.\n"
    assert events(azerbaijan, text, "2020-12-01", "de") == {("Lachin District", "completed", "2020-12-01")}


def test_a_change_told_as_just_done_in_the_opening_is_the_news_of_the_day(afghanistan):
    gazetteer, capitals, seats = afghanistan
    text = "Insurgents take eastern city\n\nThe Taliban have taken Jalalabad without a fight, residents said.\n\nThe group had seized Kandahar earlier in the week.\n"
    found = read_report(parse_article(text, published=dt.date(2021, 8, 15)), gazetteer, capitals=capitals, government_seats=seats).events
    assert {(e.district, e.kind, e.date.isoformat()) for e in found} == {("Nangarhar", "completed", "2021-08-15")}
    assert "publication day" in found[0].note  # the reviewer sees why
    # German, with the auxiliary far before its verb; a pluperfect ("hatten") stays undated.
    german = "Die Taliban haben die ostafghanische Stadt Dschalalabad kampflos eingenommen.\n\nZuvor hatten sie Kandahar erobert.\n"
    assert events(afghanistan, german, "2021-08-15", "de") == {("Nangarhar", "captured", "2021-08-15")}
    # Deep in a report, or without the publication date, it stays undated.
    late = "Talks went on in Doha.\n\nDiplomats met again.\n\nAid groups warned of hunger.\n\nThe Taliban have taken Jalalabad.\n"
    assert events(afghanistan, late, "2021-08-15") == set()
    assert events(afghanistan, "The Taliban have taken Jalalabad.\n", None) == set()


def test_a_headline_tells_its_news_in_the_present(afghanistan, countries):
    # Headlines put what was just done in the present: "take" is "have taken".
    text = "Taliban Capture Jalalabad Without a Fight\n\nResidents said shops stayed shut as fighters patrolled the streets of the eastern city.\n"
    assert events(afghanistan, text, "2021-08-15") == {("Nangarhar", "captured", "2021-08-15")}
    # A place the insurgents are advancing to is no place they took.
    text = (
        "Taliban Say Captured Another Provincial Capital, Advancing To Seize Kandahar\n\nResidents said shops stayed shut as fighters patrolled the streets.\n"
    )
    assert events(afghanistan, text, "2021-08-13") == set()
    # The same words in the body are no news of the day, and an agreement in a headline is a plan.
    body = "Shops stayed shut as fighters patrolled the streets of the eastern city.\n\nThe Taliban capture Jalalabad without a fight.\n"
    assert events(afghanistan, body, "2021-08-15") == set()
    agreed = "Lisbon and Beijing Agree on Return of Macao\n\nThe talks in the Chinese capital ended after four rounds, officials said.\n"
    assert events(countries, agreed, "1987-03-26") == set()


def test_a_weekday_scheduled_is_the_next_one(azerbaijan):
    text = "Residents are leaving Kalbajar, which is scheduled to be handed over on Sunday.\n"
    assert events(azerbaijan, text, "2020-11-12") == {("Kalbajar District", "scheduled", "2020-11-15")}


def test_a_plan_told_as_not_met_is_put_off_from_its_day(azerbaijan):
    text = "Kalbajar aurait dû être rétrocédé le 15 novembre, mais Bakou a accordé un délai.\n"
    assert events(azerbaijan, text, "2020-11-25", "fr") == {("Kalbajar District", "postponed", "2020-11-15")}
    assert events(azerbaijan, "Armenia should have handed over Kalbajar on November 15.\n", "2020-11-25") == {("Kalbajar District", "postponed", "2020-11-15")}
    # ... while a day still ahead is a plan.
    assert events(azerbaijan, "Armenia should hand over Kalbajar on November 15.\n", "2020-11-12") == {("Kalbajar District", "scheduled", "2020-11-15")}


def test_azerbaijani_c_is_j_and_german_uebertragen(azerbaijan):
    text = "Armenien hat den Kreis Kelbecer am Sonntag an Aserbaidschan übertragen.\n"
    assert events(azerbaijan, text, "2020-11-26", "de") == {("Kalbajar District", "completed", "2020-11-22")}


def test_the_day_told_to_someone_is_not_the_new_date(azerbaijan):
    text = "Yerevan will delay the withdrawal of its troops from Lachin until December 5, an official told journalists on Friday.\n"
    assert events(azerbaijan, text, "2020-11-28") == {("Lachin District", "scheduled", "2020-12-05")}
    text = "Yerevan will delay the withdrawal of its troops from Lachin until December 5, an official told AFP on Friday.\n"
    assert events(azerbaijan, text, "2020-11-28") == {("Lachin District", "scheduled", "2020-12-05")}


def test_hand_over_in_two_words_and_a_pullout_of_someone_are_nouns(azerbaijan):
    text = "The hand over of Lachin to Azerbaijan, which was scheduled for Sunday, has been delayed by five days.\n"
    assert events(azerbaijan, text, "2020-11-29") == {("Lachin District", "postponed", "2020-11-29"), ("Lachin District", "scheduled", "2020-12-04")}
    # ... as is a pullout of someone from a place.
    text = "The pullout of Armenian soldiers from Lachin, which was scheduled for Sunday, has been delayed by five days.\n"
    assert events(azerbaijan, text, "2020-11-29") == {("Lachin District", "postponed", "2020-11-29"), ("Lachin District", "scheduled", "2020-12-04")}


def test_a_list_after_its_wording_does_not_go_on_into_another_clause(azerbaijan, afghanistan):
    text = "Ahead of the handover of Lachin on December 1, residents are burning their homes as they did in Kalbajar.\n"
    assert events(azerbaijan, text, "2020-11-26") == {("Lachin District", "scheduled", "2020-12-01")}
    # A list whose places have a few words each still goes on.
    text = "The Taliban captured Kunduz, a city of some 370,000 people in the north, and Taloqan on Sunday.\n"
    assert events(afghanistan, text, "2021-08-09") == {("Kunduz", "captured", "2021-08-08"), ("Takhar", "captured", "2021-08-08")}


def test_parties_of_a_change_dated_by_the_next_sentence_and_of_the_whole_report(afghanistan):
    text = (
        "Government forces had defended the city for weeks. Government forces withdrew to the airport.\n\n"
        "The Taleban have captured Puli Alam, the capital of Logar.\n\n"
        "A lawmaker confirmed the fall on Friday.\n"
    )
    gazetteer, capitals, seats = afghanistan
    found = read_report(parse_article(text, published=dt.date(2021, 8, 15)), gazetteer, capitals=capitals, government_seats=seats).events
    assert [(e.district, e.date.isoformat(), e.from_, e.to) for e in found] == [("Logar", "2021-08-13", "Afghan government", "Taliban")]


def test_a_change_by_force_is_a_capture_and_a_handover_is_completed(afghanistan, azerbaijan):
    assert events(afghanistan, "The insurgents captured Kunduz on Sunday.\n", "2021-08-09") == {("Kunduz", "captured", "2021-08-08")}
    assert events(afghanistan, "Kunduz fell to the Taliban on Sunday.\n", "2021-08-09") == {("Kunduz", "captured", "2021-08-08")}
    assert events(azerbaijan, "Armenia handed Aghdam over to Azerbaijan on Friday.\n", "2020-11-21") == {("Agdam District", "completed", "2020-11-20")}
    # Entering or taking control tells no force: the report's other words may, the reviewer decides.
    assert events(azerbaijan, "Azerbaijani troops entered Aghdam on Friday.\n", "2020-11-21") == {("Agdam District", "completed", "2020-11-20")}


def test_the_headline_is_read_like_the_text(afghanistan):
    text = "Taliban seize Pul-e Khumri on Tuesday\n\nResidents fled as fighting spread across the north, aid groups said.\n"
    assert events(afghanistan, text, "2021-08-11") == {("Baghlan", "captured", "2021-08-10")}


def test_a_report_looking_back_dates_no_news_of_its_own_day(azerbaijan):
    # Its opening quotes the news of the story's day: the report's own day is not the change's.
    text = 'The president said: "Our army has liberated Shusha."\n\nThe war ended on November 10, 2020.\n'
    assert events(azerbaijan, text, "2025-11-08") == set()
    # ... which a report of the day does.
    assert events(azerbaijan, text.replace("November 10, 2020", "November 10"), "2020-11-08") == {("Shusha City", "captured", "2020-11-08")}


def test_russian_past_in_the_opening_is_the_news_of_the_day(afghanistan):
    text = "Группировка «Талибан» захватила Кундуз, столицу одноименной провинции.\n\nЖители покидают город.\n"
    assert events(afghanistan, text, "2021-08-08", "ru") == {("Kunduz", "captured", "2021-08-08")}


def test_a_clause_a_day_after_the_sentence_s_date_is_the_day_before(afghanistan):
    # The sentence's own date may come before the clause or after it.
    text = "The rebels have taken Kunduz, one day after the group claimed control over Herat and Farah, a governor said on Monday.\n"
    assert events(afghanistan, text, "2021-08-10") == {
        ("Kunduz", "completed", "2021-08-09"),
        ("Herat", "completed", "2021-08-08"),
        ("Farah", "completed", "2021-08-08"),
    }
    text = "Officials said on Monday that the rebels took Kunduz, a day after they seized Herat.\n"
    assert events(afghanistan, text, "2021-08-10") == {("Kunduz", "completed", "2021-08-09"), ("Herat", "captured", "2021-08-08")}
    text = "Les rebelles ont pris Hérat lundi, au lendemain de la chute de Kunduz.\n"
    assert events(afghanistan, text, "2021-08-10") == {("Herat", "completed", "2021-08-09"), ("Kunduz", "captured", "2021-08-08")}
    # Opening a sentence, "the day after" still looks forward from the date before.
    text = "Rebels seized Herat on Sunday. The day after, Kunduz fell to them.\n"
    assert events(afghanistan, text, "2021-08-10") == {("Herat", "captured", "2021-08-08"), ("Kunduz", "captured", "2021-08-09")}


def test_russian_extra_days_put_the_date_off(azerbaijan):
    text = "Баку дал Еревану дополнительные десять дней на вывод войск из Кельбаджарского района до 25 ноября.\n"
    found = events(azerbaijan, text, "2020-11-15", "ru")
    assert ("Kalbajar District", "postponed", "2020-11-15") in found and ("Kalbajar District", "scheduled", "2020-11-25") in found
    assert not any(kind == "completed" for _, kind, _ in found)


def test_french_elided_de_after_s_emparer(afghanistan):
    text = "Samedi, les insurgés se sont emparés d'une autre capitale provinciale, Taloqan, selon un élu.\n"
    assert events(afghanistan, text, "2021-08-09", "fr") == {("Takhar", "captured", "2021-08-07")}
    assert events(afghanistan, "Les insurgés se sont emparés samedi d'Hérat.\n", "2021-08-09", "fr") == {("Herat", "captured", "2021-08-07")}


def test_a_russian_short_passive_takes_the_place_before_it(azerbaijan):
    text = "Новости\n\nСегодня Кельбаджарский район освобожден, сообщило министерство обороны.\n"
    assert events(azerbaijan, text, "2020-11-25", "ru") == {("Kalbajar District", "captured", "2020-11-25")}


def test_german_into_the_hands_of(afghanistan):
    text = "Lage in Afghanistan\n\nAm Sonntagmorgen gelangte auch Dschalalabad in die Hände der Aufständischen, sagten Beamte.\n"
    assert events(afghanistan, text, "2021-08-15", "de") == {("Nangarhar", "completed", "2021-08-15")}


def test_french_seized_and_the_french_spelling_of_panjshir(afghanistan):
    text = "Mardi, les insurgés avaient saisi Farah, dans l'ouest.\n"
    assert events(afghanistan, text, "2021-08-11", "fr") == {("Farah", "captured", "2021-08-10")}
    text = "Les insurgés ont pris lundi le contrôle de la province du Panchir, a annoncé leur porte-parole.\n"
    assert events(afghanistan, text, "2021-09-07", "fr") == {("Panjshir", "completed", "2021-09-06")}


def test_french_date_between_the_verb_and_its_object(afghanistan):
    text = "Les insurgés se sont emparés, jeudi 12 août, de Kandahar, dans le sud.\n"
    assert events(afghanistan, text, "2021-08-14", "fr") == {("Kandahar", "captured", "2021-08-12")}


def test_an_anniversary_counts_back_from_the_publication_not_from_a_retrospective_s_year(azerbaijan):
    text = (
        "Kalbajar remembers\n\n"
        "Three years have passed since the liberation of the Kalbajar district on November 25.\n\n"
        "Troops had entered the district on November 25, 2020, after the agreement of November 10, 2020.\n"
    )
    assert {date for district, _, date in events(azerbaijan, text, "2023-11-25") if district == "Kalbajar District"} == {"2020-11-25"}


def test_a_capital_with_an_apposition_before_its_wording(afghanistan):
    assert events(afghanistan, "Kabul on Sunday\n\nOn Sunday, Kabul, the capital, fell to the Taliban.\n", "2021-08-16") == {
        ("Kabul", "captured", "2021-08-15")
    }
    text = "Dimanche 15 août, Kaboul, la capitale du pays, a été prise par les talibans.\n"
    assert events(afghanistan, text, "2021-08-16", "fr") == {("Kabul", "captured", "2021-08-15")}
    # The seat of government named in passing stays out: talks there are no change of its control.
    assert events(afghanistan, "Talks in Kabul, the capital, were postponed on Sunday.\n", "2021-08-16") == set()


def test_a_plan_word_in_the_next_clause_is_not_the_noun_s(azerbaijan):
    text = "After the liberation of Shusha on November 8, Armenia had to sign the statement.\n"
    assert events(azerbaijan, text, "2020-11-20") == {("Shusha City", "captured", "2020-11-08")}
    assert events(azerbaijan, "The handover of Lachin is due on December 1.\n", "2020-11-20") == {("Lachin District", "scheduled", "2020-12-01")}
    text = "The transfer of the Kalbajar district on November 15, 2020 is provided for by the statement.\n"
    assert events(azerbaijan, text, "2020-11-12") == {("Kalbajar District", "scheduled", "2020-11-15")}


def test_wordings_of_withdrawal_restoration_and_the_fall_in_four_languages(azerbaijan, afghanistan):
    disputed = _setup_disputed()
    text = "The mission confirmed the full withdrawal of the army from the Abyei area yesterday, a spokesman said.\n"
    assert events(disputed, text, "2012-05-30") == {("Abyei", "completed", "2012-05-29")}
    text = "Le lundi 12 septembre 2005, les derniers soldats sont sortis pour de bon de la bande de Gaza.\n"
    assert events(disputed, text, "2005-09-13", "fr") == {("Gaza", "completed", "2005-09-12")}
    text = "In a speech on December 1, the president praised the restoration of control over Lachin.\n"
    assert events(azerbaijan, text, "2020-12-02") == {("Lachin District", "completed", "2020-12-01")}
    text = "Nach dem Fall von Herat und Gasni am Donnerstag bleibt der Regierung wenig.\n"
    assert events(afghanistan, text, "2021-08-13", "de") == {("Herat", "completed", "2021-08-12"), ("Ghanzi", "completed", "2021-08-12")}
    assert events(afghanistan, "Im Fall von Herat gilt eine andere Regel, sagte er am Donnerstag.\n", "2021-08-13", "de") == set()
    text = "Талибы в субботу объявили, что под их контроль перешли провинция Нимроз и Джаузджан.\n"
    assert events(afghanistan, text, "2021-08-08", "ru") == {("Nimruz", "completed", "2021-08-07"), ("Jowzjan", "completed", "2021-08-07")}


def test_macau_is_macao(countries):
    text = "On December 20, 1999, China resumed the exercise of sovereignty over Macau.\n"
    assert events(countries, text, "2019-12-20") == {("Macao S.A.R", "completed", "1999-12-20")}


def test_occupied_since_a_day_is_occupied_that_day(azerbaijan):
    assert events(azerbaijan, "Kelbajar was occupied since April 3, 1993, by Armenian forces.\n", "2020-11-25") == {
        ("Kalbajar District", "captured", "1993-04-03")
    }
    # "since" after anything but a wording of change is still another day: the state began with something else.
    text = "The Kalbajar district was handed over on Wednesday. Talks had gone on since April 3.\n"
    assert events(azerbaijan, text, "2020-11-26") == {("Kalbajar District", "completed", "2020-11-25")}


def test_taken_already_with_its_day_and_french_recovered(afghanistan):
    text = "The movement had already taken key cities such as Kandahar on August 12.\n"
    assert events(afghanistan, text, "2021-08-20") == {("Kandahar", "completed", "2021-08-12")}
    text = "Le mouvement avait déjà récupéré des villes clés comme Kandahar, le 12 août.\n"
    assert events(afghanistan, text, "2021-08-20", "fr") == {("Kandahar", "captured", "2021-08-12")}


def test_a_timeline_entry_s_heading_is_its_place_and_day(afghanistan):
    text = (
        "The advance, day by day\n\n"
        "Kunduz, August 8: Taliban fighters seize control of the northern city, a prize on the road north.\n\n"
        "Zaranj, August 6, 2021: The insurgents took over the provincial capital without a fight.\n"
    )
    assert events(afghanistan, text, "2021-08-16") == {("Kunduz", "captured", "2021-08-08"), ("Nimruz", "completed", "2021-08-06")}
    # A dateline with a colon before a sentence that names its own place stays a dateline.
    text = "Kabul, Aug 15: The Taliban said they had captured Jalalabad on Sunday.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Nangarhar", "captured", "2021-08-15")}


def test_a_list_s_and_before_its_date_opens_no_clause(afghanistan):
    # "and" opens a clause only right before its date: "Farah and Zaranj on Sunday" is the list's day.
    text = "The rebels took the towns of Farah and Zaranj on Sunday after seizing Kunduz, capital of its province, on Saturday and Herat on Friday.\n"
    assert events(afghanistan, text, "2021-08-09") == {
        ("Farah", "completed", "2021-08-08"),
        ("Nimruz", "completed", "2021-08-08"),
        ("Kunduz", "captured", "2021-08-07"),
        ("Herat", "captured", "2021-08-06"),
    }


def test_a_change_that_comes_a_day_after_another_is_dated_from_it(afghanistan):
    text = "The loss of Farah came a day after the rebels captured Herat on Tuesday.\n"
    assert events(afghanistan, text, "2021-08-12") == {("Farah", "captured", "2021-08-11"), ("Herat", "captured", "2021-08-10")}
    # Without the other event's day, no day: not the day after the report.
    text = "The loss of Farah came a day after the rebels captured two other towns.\n"
    assert events(afghanistan, text, "2021-08-12") == set()


def test_an_adverb_inside_a_wording(azerbaijan, afghanistan):
    text = "The Lachin region will come fully under Azerbaijani control on 1 December.\n"
    assert events(azerbaijan, text, "2020-11-26") == {("Lachin District", "scheduled", "2020-12-01")}
    assert events(afghanistan, "The rebels have now taken Kunduz, officials said on Sunday.\n", "2021-08-09") == {("Kunduz", "completed", "2021-08-08")}
    text = "Der Bezirk Latschin kam am 1. Dezember unter vollständige Kontrolle.\n"
    assert events(azerbaijan, text, "2020-12-02", "de") == {("Lachin District", "completed", "2020-12-01")}
    text = "Лачинский район полностью перешёл под контроль Азербайджана 1 декабря.\n"
    assert events(azerbaijan, text, "2020-12-02", "ru") == {("Lachin District", "completed", "2020-12-01")}


def test_an_infinitive_after_an_ordinal_tells_a_change_done(afghanistan, azerbaijan):
    text = "Taloqan is the third provincial capital to be captured by the insurgents on Sunday.\n"
    assert events(afghanistan, text, "2021-08-09") == {("Takhar", "captured", "2021-08-08")}
    # One of a counted series may still be a plan; and a plan word before the ordinal keeps it one.
    assert events(azerbaijan, "Kalbajar is the second of three districts to be handed over on 25 November.\n", "2020-11-22") == {
        ("Kalbajar District", "scheduled", "2020-11-25")
    }
    assert events(azerbaijan, "Lachin will be the last district to be handed over, on 1 December.\n", "2020-11-22") == {
        ("Lachin District", "scheduled", "2020-12-01")
    }


def test_a_capital_is_found_by_its_own_name_where_its_key_is_too_short(afghanistan):
    # Short phonetic keys ("nl", "srpl" over two words) are not trusted, but the capital's own name is.
    assert events(afghanistan, "The rebels took Nili on Saturday.\n", "2021-08-15") == {("Daykundi", "completed", "2021-08-14")}
    assert events(afghanistan, "The rebels took Sar-e Pul on Saturday.\n", "2021-08-15") == {("Sar-e Pol", "completed", "2021-08-14")}
    assert events(afghanistan, "The rebels captured Maimana on Saturday.\n", "2021-08-15") == {("Faryab", "captured", "2021-08-14")}


@pytest.mark.parametrize("name", ["город Маймана", "Майману"])
def test_a_capital_with_a_short_key_is_found_in_cyrillic_and_inflected(afghanistan, name):
    text = f"В субботу боевики без боя захватили {name}, сообщили источники в правительстве провинции.\n"
    assert events(afghanistan, text, "2021-08-15", "ru") == {("Faryab", "captured", "2021-08-14")}


def test_earlier_in_the_day_is_the_day_told_last_or_the_report_s(afghanistan):
    text = "Herat fell to the rebels on Thursday. Earlier in the day, the rebels took Ghazni.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Herat", "captured", "2021-08-12"), ("Ghanzi", "completed", "2021-08-12")}
    assert events(afghanistan, "Earlier in the day, the rebels took Ghazni.\n", "2021-08-13") == {("Ghanzi", "completed", "2021-08-13")}


def test_pushing_back_fighters_puts_no_date_off(afghanistan, azerbaijan):
    assert events(afghanistan, "Government troops pushed back rebel fighters in Kunduz on Monday.\n", "2021-08-10") == set()
    text = "Azerbaijan pushed back the deadline for Kalbajar from 15 November to 25 November.\n"
    assert events(azerbaijan, text, "2020-11-15") == {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")}
    text = "The handover of Kalbajar, due on 15 November, was pushed back until 25 November.\n"
    assert events(azerbaijan, text, "2020-11-15") == {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")}


def test_a_change_due_by_the_report_s_own_day_is_still_expected(azerbaijan):
    assert events(azerbaijan, "Kalbajar returns to Azerbaijan by 15 November.\n", "2020-11-15") == {("Kalbajar District", "scheduled", "2020-11-15")}
    text = "По соглашению Азербайджану возвращается, в том числе, до 15 ноября - Кельбаджарский район.\n"
    assert events(azerbaijan, text, "2020-11-15", "ru") == {("Kalbajar District", "scheduled", "2020-11-15")}
    # Without the deadline word, a change told on the report's day is done.
    assert events(azerbaijan, "Kalbajar returned to Azerbaijan on 15 November.\n", "2020-11-15") == {("Kalbajar District", "completed", "2020-11-15")}


def test_a_name_written_without_its_trailing_abbreviation_in_one_word(countries):
    # "Hong Kong S.A.R." written "Hongkong"; and a German passive with its auxiliary after the participle.
    text = "Nach 156 Jahren ist Hongkong am Dienstag an die Volksrepublik China übergeben worden.\n"
    assert events(countries, text, "1997-07-02", "de") == {("Hong Kong S.A.R.", "completed", "1997-07-01")}


def test_parties_named_before_the_wording_with_their_preposition_and_by_a_french_subject(azerbaijan):
    gazetteer, capitals, seats = azerbaijan

    def parties(text: str, published: str, language: str | None = None) -> set[tuple[str, str, str, str]]:
        found = read_report(
            parse_article(text, published=dt.date.fromisoformat(published)), gazetteer, language=language, capitals=capitals, government_seats=seats
        )
        return {(e.district, e.kind, e.from_, e.to) for e in found.events}

    text = "Armenia was due to hand Kalbajar over on 15 November. The handover of the region to Azerbaijan has been delayed until November 25.\n"
    assert ("Kalbajar District", "postponed", "Armenia", "Azerbaijan") in parties(text, "2020-11-15")
    # "ont quitté" is active: its subject gives the place up.
    text = "Les forces arméniennes ont quitté la région d'Aghdam le 20 novembre.\n"
    assert parties(text, "2020-11-21", "fr") == {("Agdam District", "completed", "Armenia", "")}


def test_a_town_is_not_its_district(azerbaijan, afghanistan):
    # Taking the town of Fuzuli is not taking Fuzuli District (the map would overstate the report) ...
    gazetteer, capitals, seats = azerbaijan
    text = "Azerbaijan has liberated the city of Fuzuli and seven surrounding villages on Saturday.\n"
    extraction = read_report(parse_article(text, published=dt.date(2020, 10, 18)), gazetteer, capitals=capitals, government_seats=seats)
    assert extraction.events == []
    assert [p["text"] for p in extraction.report()["unmatched_places"]] == ["Fuzuli"]
    # ... unless the report says the district changed hands; and a provincial capital stands for its province.
    assert events(azerbaijan, "Azerbaijan has liberated Fuzuli district on Saturday.\n", "2020-10-18") == {("Fuzuli District", "captured", "2020-10-17")}
    assert events(afghanistan, "The rebels captured the city of Kunduz on Sunday.\n", "2021-08-09") == {("Kunduz", "captured", "2021-08-08")}
    # A town word before a list names each of its places: "the cities of ...".
    assert events(azerbaijan, "On 9 November the army liberated the cities of Jabrayil, Fuzuli and Zangilan.\n", "2020-11-10") == set()
    assert events(afghanistan, "On Sunday the rebels captured the cities of Kunduz and Taloqan.\n", "2021-08-09") == {
        ("Kunduz", "captured", "2021-08-08"),
        ("Takhar", "captured", "2021-08-08"),
    }


def test_a_part_of_a_district_is_not_the_district(azerbaijan):
    assert events(azerbaijan, "On 9 November the army liberated a part of Lachin and Kalbajar districts.\n", "2020-11-10") == set()
    assert events(azerbaijan, "On 9 November the army liberated part of Khojavend district.\n", "2020-11-10") == set()


def test_a_list_after_its_date_shares_it_and_the_last_place_keeps_a_date_of_its_own(afghanistan):
    text = "Après avoir conquis dimanche Kunduz, la grande ville du nord-est, Taloqan, 50 km à l'est, et Sar-e-Pul, les insurgés ont pris lundi Aibak.\n"
    assert events(afghanistan, text, "2021-08-10", "fr") == {
        ("Kunduz", "captured", "2021-08-08"),
        ("Takhar", "captured", "2021-08-08"),
        ("Sar-e Pol", "captured", "2021-08-08"),
        ("Samangan", "completed", "2021-08-09"),
    }
    text = "KABUL, 15th August, 2021. The rebels announced the capture of Sharana, the capital of Paktika province, on Saturday.\n"
    assert ("Paktika", "captured", "2021-08-14") in events(afghanistan, text, "2021-08-15")


def test_german_separable_verbs_and_control_in_and_french_se_rendre_maitre(afghanistan):
    # "nehmen ... ein" takes by force, as "nahmen ... ein" does.
    assert events(afghanistan, "Die Aufständischen nehmen am Sonntag auch die Stadt Kundus ein.\n", "2021-08-09", "de") == {
        ("Kunduz", "captured", "2021-08-08")
    }
    text = "Am Montag übernahmen sie die Kontrolle in Aibak in der Provinz Samangan.\n"
    assert events(afghanistan, text, "2021-08-10", "de") == {("Samangan", "completed", "2021-08-09")}
    text = "Les insurgés se sont rendus maîtres vendredi d'une première capitale provinciale, Zaranj.\n"
    assert events(afghanistan, text, "2021-08-07", "fr") == {("Nimruz", "completed", "2021-08-06")}


def test_a_participle_after_a_determiner_describes_and_a_village_s_district_in_brackets_locates(azerbaijan):
    assert events(azerbaijan, "On December 23, the president visited the liberated Zangilan district.\n", "2020-12-24") == set()
    text = "The army liberated the villages of Birinji, Raband, Yenikand (in Zangilan) and Sofulu (in Jabrayil) on Monday.\n"
    assert events(azerbaijan, text, "2020-10-27") == set()
    # The verb itself still tells the change.
    assert events(azerbaijan, "The army liberated the Zangilan district on Monday.\n", "2020-10-27") == {("Zangilan District", "captured", "2020-10-26")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The handover of Kalbajar was postponed from 15 to 25 November.\n", "en"),
        ("По его словам, дата передачи Кельбаджарского района перенесена с 15 на 25 ноября.\n", "ru"),
        ("Die Übergabe von Kalbadschar wurde vom 15. auf den 25. November verschoben.\n", "de"),
        ("La remise de Kalbajar a été reportée du 15 au 25 novembre.\n", "fr"),
    ],
)
def test_a_day_before_another_of_the_same_month_takes_its_month(azerbaijan, text, language):
    # "from 15 to 25 November": the date put off is 15 November; the handover noun names what was put off.
    assert events(azerbaijan, text, "2020-11-15", language) == {
        ("Kalbajar District", "postponed", "2020-11-15"),
        ("Kalbajar District", "scheduled", "2020-11-25"),
    }


def test_a_place_named_as_a_target_is_not_taken(afghanistan):
    text = "Six capitals have fallen since Friday, with the insurgents setting their sights on Mazar-i-Sharif.\n"
    assert events(afghanistan, text, "2021-08-11") == set()
    text = "Les talibans ont pris lundi 9 août une nouvelle capitale et ont tourné leur regard sur Mazar-i-Sharif.\n"
    assert events(afghanistan, text, "2021-08-10", "fr") == set()
    assert events(afghanistan, "The rebels captured Mazar-i-Sharif on Saturday.\n", "2021-08-15") == {("Balkh", "captured", "2021-08-14")}


def test_a_window_s_opening_day_is_not_the_day_a_change_is_due_by(azerbaijan):
    text = "Under the deal, Armenia has to give back Aghdam, Kalbajar and Lachin starting on 20 November 2020, with a final deadline of 1 December 2020.\n"
    assert events(azerbaijan, text, "2020-11-17") == {
        ("Agdam District", "scheduled", "2020-12-01"),
        ("Kalbajar District", "scheduled", "2020-12-01"),
        ("Lachin District", "scheduled", "2020-12-01"),
    }


def test_a_shift_told_before_the_date_it_moves(azerbaijan):
    text = (
        "Baku has given Yerevan ten more days to pull its troops out of Kalbajar, an aide told a briefing on 15 November.\n"
        "Under the truce, the Armenian troops had to be out of Kalbajar by 15 November.\n"
    )
    assert events(azerbaijan, text, "2020-11-15") >= {
        ("Kalbajar District", "postponed", "2020-11-15"),
        ("Kalbajar District", "scheduled", "2020-11-25"),
    }
    assert ("Kalbajar District", "completed", "2020-11-15") not in events(azerbaijan, text, "2020-11-15")


def test_a_verb_told_done_for_some_places_and_due_for_others(azerbaijan):
    text = "Trois districts ont été ou seront rétrocédés : Aghdam vendredi, Kalbajar le 25 novembre et Latchin le 1er décembre.\n"
    assert events(azerbaijan, text, "2020-11-20") == {
        ("Agdam District", "completed", "2020-11-20"),
        ("Kalbajar District", "scheduled", "2020-11-25"),
        ("Lachin District", "scheduled", "2020-12-01"),
    }


def test_german_a_signing_after_the_date_and_a_perfect_with_sein(azerbaijan):
    text = "Die Armee ist in den Bezirk Agdam eingerückt.\nDie Übergabe ist Teil der Vereinbarung, die am 9. November in Moskau geschlossen wurde.\n"
    assert events(azerbaijan, text, "2020-11-20") == {("Agdam District", "completed", "2020-11-20")}


def test_german_give_back_with_a_list_of_places_each_after_its_deadline(azerbaijan):
    text = "Armenien wird am 25. November den Bezirk Kalbajar und vor dem 1. Dezember den Bezirk Lachin an Aserbaidschan zurückgeben.\n"
    assert events(azerbaijan, text, "2020-11-20") == {
        ("Kalbajar District", "scheduled", "2020-11-25"),
        ("Lachin District", "scheduled", "2020-12-01"),
    }


def test_a_place_near_which_a_change_happened_is_a_landmark(afghanistan):
    text = "The insurgents captured another provincial capital near Kabul on Thursday.\nSeizing Ghazni cuts the main road south of the capital.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Ghanzi", "captured", "2021-08-12")}


@pytest.mark.parametrize(
    "text",
    [
        "The fighters captured a district just outside the capital Kabul on Thursday, as violence spread across the country.\n",
        "The fighters took Paghman, just outside Kabul, on Thursday, as violence spread across the country.\n",
        "The fighters seized an army base outside Kabul on Thursday, as violence spread across the country.\n",
    ],
)
def test_a_place_outside_which_a_change_happened_is_a_landmark(afghanistan, text):
    assert events(afghanistan, text, "2021-08-13") == set()


def test_a_base_in_a_province_is_a_part_of_it(afghanistan):
    text = "Taliban fighters stormed an army base in Kandahar on Monday, officials said.\n"
    assert events(afghanistan, text, "2021-08-10") == set()


def test_a_sentence_a_copy_breaks_across_lines_is_read_whole(azerbaijan):
    text = "Azerbaijani troops were due to enter Kalbajar on 15 November, but\nagreed to put off their entry until 25 November.\n"
    assert events(azerbaijan, text, "2020-11-25") == {
        ("Kalbajar District", "scheduled", "2020-11-15"),
        ("Kalbajar District", "postponed", "2020-11-15"),
        ("Kalbajar District", "scheduled", "2020-11-25"),
    }


def test_a_list_does_not_go_on_past_a_contrasting_clause(afghanistan):
    text = "On Sunday the Taliban seized Sheberghan, capital of Jowzjan province, while they also gained ground in Kunduz city, capital of Kunduz province.\n"
    assert events(afghanistan, text, "2021-08-09") == {("Jowzjan", "captured", "2021-08-08")}


def test_a_possessive_before_a_wording_is_its_place(afghanistan):
    text = "On Sunday, Jalalabad's capture cut off Kabul from the east.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Nangarhar", "captured", "2021-08-15")}


def test_a_signing_after_an_opening_date_is_that_date_s(countries):
    text = "On 13 April 1987, after long talks, China and Portugal signed a declaration by which China resumes sovereignty over Macao on 20 December 1999.\n"
    assert events(countries, text, "1999-12-19") == {("Macao S.A.R", "scheduled", "1999-12-20")}


def test_a_plan_a_few_words_after_its_postponement_is_what_it_moves(azerbaijan):
    text = "Baku agreed to extend a deadline for Armenian troops to pull out of Kalbajar until November 25.\nThe first deadline had been Sunday, November 15.\n"
    found = events(azerbaijan, text, "2020-11-15")
    assert {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")} <= found


def test_a_verb_between_a_comma_and_a_date_keeps_the_date_its_own(azerbaijan):
    text = "The district of Agdam, surrendered on November 20, and that of Kalbajar, surrendered on November 25, form a buffer zone.\n"
    assert events(azerbaijan, text, "2020-12-01") == {
        ("Agdam District", "completed", "2020-11-20"),
        ("Kalbajar District", "completed", "2020-11-25"),
    }


def test_french_controls_since_a_day(azerbaijan):
    text = "L'armée azerbaïdjanaise contrôle depuis le 1er décembre la région de Latchine.\n"
    assert events(azerbaijan, text, "2020-12-04") == {("Lachin District", "completed", "2020-12-01")}


def test_a_sound_key_shared_by_two_names_goes_to_the_one_spelt_closest(azerbaijan):
    text = "D'ici au 1er décembre, les régions de Gazakh et Latchin seront rendues à l'Azerbaïdjan.\n"
    assert events(azerbaijan, text, "2020-11-13") == {
        ("Qazakh District", "scheduled", "2020-12-01"),
        ("Lachin District", "scheduled", "2020-12-01"),
    }


def test_a_change_told_again_waits_for_no_later_day(azerbaijan):
    text = (
        "Schon am Sonntag hatte der Präsident die Einnahme von Schuschi verkündet.\n"
        "Nach der Eroberung der Stadt Schuschi durch Aserbaidschan fürchtet die Region eine Niederlage. "
        "Die Stadt sei verloren, räumte ein Sprecher am Montag ein.\n"
    )
    assert events(azerbaijan, text, "2020-11-09") == {("Shusha City", "captured", "2020-11-08")}


def test_also_dates_a_change_by_the_one_dated_earlier_in_its_sentence(afghanistan):
    text = "The fighters on August 13 took the capital of Zabul in the south, while in the west the capital of Ghor also fell.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Zabul", "completed", "2021-08-13"), ("Ghor", "captured", "2021-08-13")}
    # Without "also" the second change keeps no day of its own.
    text = "The fighters on August 13 took the capital of Zabul in the south, after the capital of Ghor fell to them.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Zabul", "completed", "2021-08-13")}


@pytest.mark.parametrize(
    "sentence",
    [
        # A verb in the past tense after a plan word set off by a comma tells what was done under the plan.
        "Согласно заявлению, 25 ноября части армии вошли в Кельбаджарский район, сказано в сообщении.",
        # A date opening a clause that goes on to the wording is not the signing's, told before it.
        "Согласно заявлению, подписанному лидерами трех стран, 25 ноября части армии вошли в Кельбаджарский район, сказано в сообщении.",
    ],
)
def test_a_russian_past_tense_after_an_agreement_tells_a_change_done(azerbaijan, sentence):
    text = "Стороны выполнили условия соглашения, сообщили в министерстве обороны страны.\n\n" + sentence + "\n"
    assert events(azerbaijan, text, "2020-11-25", "ru") == {("Kalbajar District", "completed", "2020-11-25")}


def test_a_date_right_after_a_signing_is_still_the_signing_s(azerbaijan):
    text = "По заявлению, подписанному 10 ноября, армянские силы покинули Агдамский район в пятницу, сказано в сообщении.\n"
    assert {day for _, _, day in events(azerbaijan, text, "2020-11-21", "ru")} == {"2020-11-20"}


def test_a_change_told_days_after_another_does_not_wait_for_the_next_sentence_s_day(azerbaijan):
    # "Two days after" ties the capture to an event the sentence does not date: the day said next is not its day.
    text = (
        "The president spoke on television in the evening, in an address to the nation.\n\n"
        "It came two days after the army made major gains, announcing the capture of the city of Shusha. "
        "The president noted on Friday that the army had entered the area without a shot.\n"
    )
    assert events(azerbaijan, text, "2020-11-21") == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A year on, a fighter recalled how his unit took Kabul on August 15 last year, hours after the president fled.\n", "en"),
        ("Les talibans ont pris Kaboul le 15 août de l'an dernier, quelques heures après la fuite du président.\n", "fr"),
        ("Die Taliban nahmen Kabul am 15. August vergangenen Jahres ein, wenige Stunden nach der Flucht des Präsidenten.\n", "de"),
        ("Год спустя боец рассказал, как его отряд захватил Кабул 15 августа прошлого года, через несколько часов после бегства президента.\n", "ru"),
    ],
)
def test_a_day_followed_by_last_year_is_in_the_year_before_the_report_s(afghanistan, text, language):
    assert {(place, day) for place, _, day in events(afghanistan, text, "2022-08-20", language)} == {("Kabul", "2021-08-15")}


def test_a_german_separable_verb_after_a_fronted_clause_spans_its_inverted_subject(afghanistan):
    text = "Wie drei Provinzräte bestätigten, nahmen die Taliban am Donnerstag die Provinzhauptstadt Gasni im Südosten von Afghanistan ein.\n"
    assert events(afghanistan, text, "2021-08-13", "de") == {("Ghanzi", "captured", "2021-08-12")}


def test_a_german_modal_of_intent_tells_an_aim_and_with_a_perfect_infinitive_a_claim(afghanistan):
    opening = "Die Kämpfe dauerten die ganze Woche, berichteten Bewohner der Region im Norden.\n\n"
    aim = "Die Taliban wollen die Provinz Pandschir noch am Montag erobern.\n"
    assert events(afghanistan, opening + aim, "2021-09-04", "de") == set()
    claim = "Die Taliban wollen nach eigenen Angaben die Provinz Pandschir am Montag erobert haben.\n"
    assert events(afghanistan, opening + claim, "2021-09-07", "de") == {("Panjshir", "captured", "2021-09-06")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "räumte ... ein" admits: no "räumte", vacated, starts there.
        ("Die Führung räumte am Samstag zudem ein, dass die Truppen kurz vor der Hauptstadt Stepanakert stünden.", set()),
        ("Die armenischen Truppen räumten am Freitag den Bezirk Agdam.", {("Agdam District", "completed", "2020-11-20")}),
        # ... and the wordings inside it stay: "räumte ... mehr Zeit ein" grants more time.
        (
            "Die Übergabe von Kalbadschar sollte am Sonntag erfolgen, doch Baku räumte Armenien aus humanitären Gründen mehr Zeit ein.",
            {("Kalbajar District", "scheduled", "2020-11-15"), ("Kalbajar District", "postponed", "2020-11-15")},
        ),
    ],
)
def test_a_phrase_that_only_starts_like_a_wording_starts_none(azerbaijan, sentence, expected):
    text = "Die Kämpfe dauerten die ganze Woche, berichteten Bewohner der Region.\n\n" + sentence + "\n"
    assert events(azerbaijan, text, "2020-11-21", "de") == expected


def test_a_passive_past_after_a_plan_word_set_off_by_a_comma_tells_a_change_done(azerbaijan):
    # "according to the agreement" tells the plan it was done under, not a plan still to come.
    text = "According to the agreement, Aghdam was officially returned to Azerbaijan on November 20, 2020, the ministry recalled.\n"
    assert events(azerbaijan, text, "2024-11-20") == {("Agdam District", "completed", "2020-11-20")}


def test_a_claim_to_capture_is_a_claim_of_a_change_not_an_aim(afghanistan):
    text = "The group's claim to capture Jalalabad was confirmed by residents early on Sunday, officials in the province said.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Nangarhar", "captured", "2021-08-15")}


def test_the_date_in_a_dateline_s_bracket_is_the_report_s(afghanistan):
    text = (
        "MOSCOW (Agency News / Wire - 16th August, 2021) Fighters entered the compound of a television channel "
        "in the Afghan capital of Kabul after it fell to the insurgency.\n"
    )
    assert events(afghanistan, text, "2021-08-16") == set()


def test_a_signing_date_after_a_long_list_of_signatories_is_the_signing_s(azerbaijan):
    text = (
        "The district's monuments are many, and some of them are centuries old.\n\n"
        "In accordance with a declaration signed by President of Azerbaijan Ilham Aliyev, President of Russia Vladimir Putin "
        "and Prime Minister of Armenia Nikol Pashinyan on November 10, 2020, Aghdam district must be transferred to Azerbaijan.\n"
    )
    assert events(azerbaijan, text, "2020-11-20") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Argentine forces seized the Falkland Islands on 2 April 1982, after a brief fight with a small garrison.", ("Falkland Is.", "", "Argentina")),
        ("Spain withdrew from Western Sahara on February 26, 1976, ending almost a century of rule.", ("W. Sahara", "Spain", "")),
        (
            "Egypt handed over Tiran and Sanafir islands to Saudi Arabia on June 24, 2017, the presidency said.",
            ("Tiran and Sanafir Is.", "Egypt", "Saudi Arabia"),
        ),
    ],
)
def test_parties_of_other_conflicts(sentence, expected):
    text = "The war was short but bloody, historians say.\n\n" + sentence + "\n"
    assert _sides(_setup_disputed(), text, "2022-06-14", "en") == {expected}


def test_a_common_word_keyed_like_a_place_s_alias_is_no_place():
    # "Südosten" (south-east) keys like "Südossetien", South Ossetia's German name in the alias table.
    text = "Am Montag nahmen russische Soldaten auch ein Militärlager in der Hafenstadt im äussersten Südosten ein.\n"
    assert events(_setup_disputed(), text, "2014-03-25", "de") == set()


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("В воскресенье в столице Абхазии отмечается день освобождения Сухуми, сообщили местные власти.", "ru"),
        ("On Sunday the region celebrates the Day of the Liberation of Sukhumi with a parade, officials said.", "en"),
        ("Am Sonntag feiert die Region den Tag der Befreiung von Suchumi mit einer Parade.", "de"),
    ],
)
def test_a_day_that_commemorates_a_change_is_not_the_change(sentence, language):
    assert events(_setup_disputed(), sentence + "\n", "2009-09-27", language) == set()


def test_a_commemorated_day_whose_year_is_written_is_the_change_s_day(azerbaijan):
    text = "20 октября 2020 года вписано в нашу историю как день освобождения Зангелана от оккупации.\n"
    assert events(azerbaijan, text, "2023-10-20", "ru") == {("Zangilan District", "captured", "2020-10-20")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Azerbaijan marks the first anniversary of the liberation of Fuzuli from occupation, with parades in the capital.", "en"),
        ("В Азербайджане отмечается первая годовщина освобождения Физули от оккупации, сообщили в столице.", "ru"),
    ],
)
def test_an_anniversary_marked_in_the_present_counts_from_the_report_s_day(azerbaijan, sentence, language):
    text = "The day was marked with parades across the country.\n\n" if language == "en" else "День отметили парадами по всей стране.\n\n"
    assert {(place, day) for place, _, day in events(azerbaijan, text + sentence + "\n", "2021-10-17", language)} == {("Fuzuli District", "2020-10-17")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # A part named right after the place: the airport, not the province.
        ("On Wednesday the barracks at Kunduz airport fell to the Taliban after a short fight, an official said.", "en"),
        # A unit of a lower level the map does not hold, told as lying in the place.
        ("On Wednesday the Taliban seized the centre of Chimtal district in Balkh province, an official said.", "en"),
        # The object of a wording split around it in German.
        ("In der Nachbarprovinz Kundus nahmen die Taliban am Mittwoch nach kurzen Kämpfen den Flughafen ein.", "de"),
        # A road is a part: the place only says where it runs.
        ("Mercredi, les talibans ont pris le contrôle de la route qui, depuis Kaboul, mène vers le nord.", "fr"),
    ],
)
def test_a_part_that_changed_hands_is_not_its_place(afghanistan, sentence, language):
    assert events(afghanistan, sentence + "\n", "2021-08-11", language) == set()


def test_a_place_told_beside_a_part_is_still_taken_alone(afghanistan):
    text = "On Wednesday the Taliban seized Kunduz and, hours later, the airport.\n"
    assert events(afghanistan, text, "2021-08-11", "en") == {("Kunduz", "captured", "2021-08-11")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Told in the past tense: the day before the report, not a plan ahead of it.
        ("On April 2 Argentine troops occupied the islands of the Falklands, a veteran recalled.", {("Falkland Is.", "captured", "2013-04-02")}),
        ("On April 2 the Falkland Islands were occupied by Argentine troops, a veteran recalled.", {("Falkland Is.", "captured", "2013-04-02")}),
        # A noun has no tense: still what was expected.
        ("Britain said the return of the Falkland Islands on April 2 was out of the question.", {("Falkland Is.", "scheduled", "2014-04-02")}),
    ],
)
def test_a_day_without_its_year_told_in_the_past_is_the_one_before_the_report(sentence, expected):
    assert events(_setup_disputed(), sentence + "\n", "2014-03-19", "en") == expected


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("On this day in 1704, after a short siege, the Spanish garrison surrendered Gibraltar to the fleet.", "en"),
        ("Today in 1704, the governor of the town surrendered Gibraltar to an English and Dutch fleet.", "en"),
        ("В этот день в 1704 году испанский гарнизон после короткой осады сдал Гибралтар флоту союзников.", "ru"),
    ],
)
def test_this_day_in_a_year_is_the_report_s_day_in_that_year(sentence, language):
    assert events(_setup_disputed(), sentence + "\n", "2024-08-04", language) == {("Gibraltar", "completed", "1704-08-04")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("On 18 March 2014 the peninsula of Crimea became part of Russia after a disputed vote, officials said.", "en"),
        # An adverb between the place and the wording ("вош* в" alone would take "состав" for its place).
        ("18 марта 2014 года полуостров Крым официально вошел в состав России после спорного голосования.", "ru"),
        ("18 марта 2014 года Россия присоединила Крым после спорного голосования.", "ru"),
    ],
)
def test_becoming_part_of_a_state_is_a_change(sentence, language):
    assert {(place, day) for place, _, day in events(_setup_disputed(), sentence + "\n", "2014-03-20", language)} == {("Crimea", "2014-03-18")}


def test_a_dateline_a_day_before_the_paper_tells_the_story_s_today():
    text = "The paper of record\n\nKYRENIA, Aug. 15 -- Turkish troops took Northern Cyprus today after a second offensive, officials said.\n"
    assert events(_setup_disputed(), text, "1974-08-16", "en") == {("N. Cyprus", "completed", "1974-08-15")}
    # ... its "today" only: a day written out on the publication day is no plan.
    text += "\nOn 16 August 1974 the army said Northern Cyprus had come under the control of its troops.\n"
    assert events(_setup_disputed(), text, "1974-08-16", "en") == {("N. Cyprus", "completed", "1974-08-15"), ("N. Cyprus", "completed", "1974-08-16")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The town marks the day when, on 4 August 1704, an English and Dutch fleet captured Gibraltar from Spain.", "en"),
        ("Le 4 août 1704, une flotte anglaise et hollandaise s'est emparée de Gibraltar, rappelle la ville.", "fr"),
        # ... also in a chronology's present tense.
        ("Le 4 août 1704, une flotte anglaise et hollandaise s'empare de Gibraltar, rappelle la ville.", "fr"),
    ],
)
def test_a_year_centuries_back_is_read_with_its_day(sentence, language):
    assert events(_setup_disputed(), sentence + "\n", "2004-08-05", language) == {("Gibraltar", "captured", "1704-08-04")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Sunday the insurgents captured Sar-e Pul, officials said.\n\nOnly a few hours earlier the insurgents had captured Kunduz.\n", "en"),
        ("Am Sonntag eroberten die Islamisten die Stadt Sar-i-Pul.\n\nNur wenige Stunden zuvor war die Stadt Kundus an die Islamisten gefallen.\n", "de"),
    ],
)
def test_hours_earlier_is_the_day_of_the_change_before(afghanistan, text, language):
    assert {(place, day) for place, _, day in events(afghanistan, text, "2021-08-09", language)} == {("Sar-e Pol", "2021-08-08"), ("Kunduz", "2021-08-08")}


def test_a_day_s_worth_of_hours_earlier_is_not_the_same_day(afghanistan):
    text = "On Sunday the insurgents captured Sar-e Pul, officials said.\n\nLess than 24 hours earlier the insurgents had captured Kunduz.\n"
    assert {place for place, _, _ in events(afghanistan, text, "2021-08-09", "en")} == {"Sar-e Pol"}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("On this day three years ago the Taliban took Kunduz.", "en"),
        ("Exactly three years ago, the Taliban took Kunduz.", "en"),
        ("В этот день три года назад талибы захватили Кундуз.", "ru"),
        ("Ровно три года назад талибы захватили Кундуз.", "ru"),
        ("Vor genau drei Jahren eroberten die Taliban Kundus.", "de"),
        ("Il y a trois ans jour pour jour, les talibans ont pris Kunduz.", "fr"),
    ],
)
def test_an_anniversary_on_the_report_s_own_day_counts_back_from_it(afghanistan, sentence, language):
    assert {(place, day) for place, _, day in events(afghanistan, sentence + "\n", "2024-08-08", language)} == {("Kunduz", "2021-08-08")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # Years without a day: no day of the change.
        ("Three years ago the Taliban took Kunduz.", "en"),
        # "exactly" far from the count qualifies something else.
        ("It is not exactly clear how the army lost its grip on the north, but three years ago the Taliban took Kunduz.", "en"),
        # "ce jour-là" is that day, not this one.
        ("Il y a trois ans, ce jour-là, les talibans ont pris Kunduz.", "fr"),
    ],
)
def test_an_anniversary_without_the_report_s_day_dates_nothing(afghanistan, sentence, language):
    assert events(afghanistan, sentence + "\n", "2024-08-08", language) == set()


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("On 30 September 2022 Russia annexed the Donetsk and Lugansk People's Republics.", "en"),
        ("On 30 September 2022 Russia annexed Luhansk, Donetsk, Zaporizhzhia and Kherson.", "en"),
        ("30 сентября 2022 года ДНР и ЛНР вошли в состав России.", "ru"),
        ("Am 30. September 2022 annektierte Russland die Volksrepubliken Donezk und Luhansk.", "de"),
    ],
)
def test_the_names_that_together_name_a_feature_find_it_together(sentence, language):
    # Natural Earth's Donbass is the land of the two breakaway republics: the alias table joins their names with " + ".
    assert events(_setup_disputed(), sentence + "\n", "2022-10-03", language) == {("Donbass", "completed", "2022-09-30")}


@pytest.mark.parametrize(
    "sentence",
    [
        "On 30 September 2022 Russia annexed Donetsk, its troops said.",
        # Far apart, in different clauses: no joint name.
        "On 30 September 2022 Russian troops captured Lysychansk near Luhansk; shelling went on around the city of Donetsk.",
    ],
)
def test_one_of_the_names_that_together_name_a_feature_is_not_it(sentence):
    assert events(_setup_disputed(), sentence + "\n", "2022-10-03", "en") == set()


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Le 17 juin 2017, l'Égypte a cédé Tiran et Sanafir à l'Arabie saoudite.", "fr"),
        ("Le 17 juin 2017, l'Égypte a cédé les îles de Sanafir et de Tiran à l'Arabie saoudite.", "fr"),
        ("17 июня 2017 года Египет передал Тиран и Санафир Саудовской Аравии.", "ru"),
        ("Am 17. Juni 2017 trat Ägypten Tiran und Sanafir an Saudi-Arabien ab.", "de"),
        ("On 17 June 2017 Egypt ceded Tiran & Sanafir to Saudi Arabia.", "en"),
        ("On 17 June 2017 Egypt ceded the Tiran and Sanafir Islands to Saudi Arabia.", "en"),
    ],
)
def test_a_boundary_name_joined_with_and_is_its_names_side_by_side_in_any_language(sentence, language):
    # Natural Earth's "Tiran and Sanafir Is.": no alias table entry needed for the two names in another language or order.
    gazetteer = Gazetteer(list(_setup_disputed()[0].names), {})
    assert events((gazetteer, {}, frozenset()), sentence + "\n", "2017-06-20", language) == {("Tiran and Sanafir Is.", "completed", "2017-06-17")}


def test_each_name_of_a_joined_boundary_name_is_without_its_geographic_word():
    # "Tiran and Sanafir Islands" is named by "Tiran et Sanafir"; a name of several words is not looked for one word at a time.
    assert Gazetteer(["Tiran and Sanafir Islands", "Saint Kitts and Nevis"], {}).joined_names == {"Tiran and Sanafir Islands": ("tiran", "sanafir")}


@pytest.mark.parametrize(
    ("sentence", "feature"),
    [
        ("Am 9. Juni 1967 eroberte Israel die Golanhöhen.", "Golan Heights"),
        ("Am 2. April 1982 besetzte Argentinien die Falklandinseln.", "Falkland Is."),
        ("Am 2. April 1982 besetzte Argentinien die Falkland-Inseln.", "Falkland Is."),
    ],
)
def test_a_compound_may_leave_out_the_name_s_geographic_word(sentence, feature):
    # Without the alias table: German joins its own word for "Heights" or "Islands" to the name without it.
    gazetteer = Gazetteer(list(_setup_disputed()[0].names), {})
    assert {place for place, _, _ in events((gazetteer, {}, frozenset()), sentence + "\n", "2024-01-10", "de")} == {feature}


@pytest.mark.parametrize(
    ("text", "feature"), [("Фолклендских островов", "Falkland Is."), ("Курильских островах", "Kuril Is."), ("Фолклендские", "Falkland Is.")]
)
def test_a_russian_adjective_of_a_name_in_the_plural_is_the_name(text, feature):
    # Without the alias table: the plural case endings of an adjective made from a name ("-ских", "-ские").
    finder = place_finder(Gazetteer(list(_setup_disputed()[0].names), {}), load("ru"))
    assert [sorted(place.features) for place in finder.find(text)] == [[feature]]


def test_a_russian_adjective_of_a_name_in_a_sentence():
    text = "2 апреля 1982 года Аргентина захватила контроль над Фолклендскими островами.\n"
    gazetteer = Gazetteer(list(_setup_disputed()[0].names), {})
    assert events((gazetteer, {}, frozenset()), text, "1982-04-05", "ru") == {("Falkland Is.", "captured", "1982-04-02")}


@pytest.mark.parametrize("text", ["Tim Cook", "George Marshall", "King Solomon", "the Northern Ireland talks", "China", "The army"])
def test_a_name_without_its_geographic_word_is_no_name_by_itself(text):
    # Cook, Marshall and Solomon Islands, "Northern Islands", "The Heights", Siachen Glacier (whose short key is China's).
    names = ["Cook Islands", "Marshall Islands", "Solomon Islands", "Northern Islands", "The Heights", "Siachen Glacier"]
    assert place_finder(Gazetteer(names, {}), load("en")).find(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # Names of people, or the two names apart, in two clauses or one denied: not the islands.
        "On 17 June 2017 Matthew Lee and Hunter Price took control of the club.",
        "On 17 June 2017 Matthew, Hunter and their father took control of the family firm.",
        "On 17 June 2017 Egypt ceded Tiran to Saudi Arabia; talks on Sanafir went on.",
        "On 17 June 2017 Egypt ceded Tiran; talks on Sanafir went on.",
        "On 17 June 2017 Egypt ceded Tiran (not Sanafir) to Saudi Arabia.",
        "On 17 June 2017 Egypt ceded Tiran but not Sanafir to Saudi Arabia.",
        # Only "and" joins them, and no surname follows the second.
        "On 17 June 2017 Egypt ceded Tiran until Sanafir to Saudi Arabia.",
        "On 17 June 2017 Egypt ceded Tiran or Sanafir to Saudi Arabia.",
        "On 17 June 2017 Hunter and Matthew Brown took control of the family firm.",
        "On 17 June 2017 a report by Matthew on Hunter Biden said the brothers took control of the firm.",
    ],
)
def test_the_names_of_a_joined_boundary_name_apart_are_not_it(sentence):
    # Without the alias table too (the names side by side are a rule of their own).
    gazetteer = Gazetteer(list(_setup_disputed()[0].names), {})
    assert events((gazetteer, {}, frozenset()), sentence + "\n", "2017-06-20", "en") == set()


def test_a_french_annexation_told_with_the_verb():
    # "a annexé", as English "annexed", German "annektierte" and Russian "аннексировала" already were.
    text = "Israël a annexé le Golan le 14 décembre 1981, selon le texte voté par la Knesset.\n"
    assert events(_setup_disputed(), text, "1981-12-20", "fr") == {("Golan Heights", "completed", "1981-12-14")}


@pytest.mark.parametrize(
    "sentence",
    [
        # A participle after an article describes: "in den befreiten Teilen" tells no change.
        "Am 30. September 2022 feierten die Menschen in der befreiten Krim.",
        # A referendum is no change.
        "Am 16. März 2014 gab es Referenden über die Aufnahme der Krim in Russland.",
    ],
)
def test_german_descriptions_and_referendums_tell_no_change(sentence):
    assert events(_setup_disputed(), sentence + "\n", "2022-10-03", "de") == set()


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("On Wednesday Azerbaijan restored its sovereignty over Nagorno-Karabakh, the president said.", "en"),
        ("Mercredi, l'Azerbaïdjan a rétabli sa souveraineté sur le Haut-Karabakh.", "fr"),
        ("В среду Азербайджан восстановил суверенитет над Нагорным Карабахом.", "ru"),
    ],
)
def test_sovereignty_restored_over_a_place_is_a_change(sentence, language):
    assert events(_setup_disputed(), sentence + "\n", "2023-09-21", language) == {("Nagorno-Karabakh", "completed", "2023-09-20")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # A scare quote inside a wording: the wording still tells the change.
        ('On 18 March 2014 Moscow proclaimed the "accession" of Crimea to Russia.', "en"),
        ("Le 18 mars 2014, la Russie a « rétabli sa souveraineté » sur la Crimée.", "fr"),
        # The place after the verb.
        ("18 марта 2014 года в состав России вошли Крым и Севастополь.", "ru"),
    ],
)
def test_a_wording_around_quotes_or_before_its_place(sentence, language):
    assert events(_setup_disputed(), sentence + "\n", "2014-03-20", language) == {("Crimea", "completed", "2014-03-18")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Heute, am 18. März, jährt sich die Wiedervereinigung der Krim mit Russland zum zehnten Mal.",
        # The count's point may end the sentence.
        "Am 18. März jährt sich die Annexion der Krim zum 10.",
    ],
)
def test_a_german_anniversary_that_comes_round_counts_back(sentence):
    assert events(_setup_disputed(), sentence + "\n", "2024-03-18", "de") == {("Crimea", "completed", "2014-03-18")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Le 18 mars 2014, Moscou a signé un traité rattachant la Crimée à la Russie.", "fr"),
        ("Le 18 mars 2014, la Crimée a intégré le territoire russe.", "fr"),
        ("Am 18. März 2014 verleibte sich Russland die Krim ein.", "de"),
    ],
)
def test_wordings_of_an_accession(sentence, language):
    assert events(_setup_disputed(), sentence + "\n", "2014-03-20", language) == {("Crimea", "completed", "2014-03-18")}


@pytest.mark.parametrize(
    ("sentence", "language", "place", "day"),
    [
        ("On Friday the insurgents swept through Herat, officials said.", "en", "Herat", "2021-08-13"),
        ("Am Freitag war Herat in den Händen der Islamisten.", "de", "Herat", "2021-08-13"),
        ("В пятницу под власть талибов перешла провинция Герат.", "ru", "Herat", "2021-08-13"),
        ("В пятницу провинция Герат перешла под власть талибов.", "ru", "Herat", "2021-08-13"),
    ],
)
def test_wordings_of_a_place_coming_under_a_side(afghanistan, sentence, language, place, day):
    assert {(p, d) for p, _, d in events(afghanistan, sentence + "\n", "2021-08-14", language)} == {(place, day)}


def test_the_stroke_of_midnight_that_ends_a_day_begins_the_next(countries):
    sentence = "Macao returned to China at the stroke of midnight on December 19, 1999, ending Portuguese rule.\n"
    assert {(p, d) for p, _, d in events(countries, sentence, "1999-12-21", "en")} == {("Macao S.A.R", "1999-12-20")}


def test_a_day_without_its_year_takes_the_year_of_history_its_paragraph_told():
    text = "The war began on June 5, 1967. By June 10th Israeli forces had also captured the Golan Heights.\n"
    assert events(_setup_disputed(), text, "1987-06-10", "en") == {("Golan Heights", "captured", "1967-06-10")}
    # ... only in that paragraph: the next one is told in the report's own time.
    text = "The war began on June 5, 1967.\n\nOn June 10 Israel said it had annexed the Golan Heights.\n"
    assert events(_setup_disputed(), text, "1987-06-12", "en") == {("Golan Heights", "completed", "1987-06-10")}


def test_independence_from_a_colonial_power_is_a_change_its_anniversary_counts_back_to():
    text = "On Friday Somaliland marked the 60th anniversary of its independence from Britain with a parade.\n"
    assert events(_setup_disputed(), text, "2020-06-27", "en") == {("Somaliland", "completed", "1960-06-26")}


def test_a_named_lower_unit_in_a_place_described_by_adjectives_is_a_part(afghanistan):
    text = "On Monday the Taliban overran the Dihrawud district in the southern Uruzgan province.\n"
    assert events(afghanistan, text, "2021-07-20", "en") == set()


@pytest.mark.parametrize(
    ("sentence", "place", "day"),
    [
        # Four words between a wording's words: "withdrawal of ... from".
        ("The withdrawal of the Sudan Armed Forces from the Abyei Area was completed yesterday.", "Abyei", "2012-05-29"),
        ("Yesterday the Abyei area was accepted into the Republic of South Sudan.", "Abyei", "2012-05-29"),
        ("Yesterday Khartoum completed the annexations of the regions of Abyei and Heglig.", "Abyei", "2012-05-29"),
    ],
)
def test_more_wordings_of_a_change(sentence, place, day):
    assert events(_setup_disputed(), sentence + "\n", "2012-05-30", "en") == {(place, "completed", day)}


def test_a_german_plan_told_in_the_future_perfect_by_a_weekday():
    text = "Bis Montag sollten die letzten Soldaten den Gazastreifen verlassen haben.\n"
    assert events(_setup_disputed(), text, "2005-09-11", "de") == {("Gaza", "scheduled", "2005-09-12")}


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # The signing of an accession makes it, whatever its document is called ...
        ("Moscow and Simferopol signed the agreement on the annexation of Crimea on March 18.", "2014-03-21", {("Crimea", "completed", "2014-03-18")}),
        # ... unless the signing itself is ahead.
        ("Moscow and Simferopol will sign the agreement on the annexation of Crimea on March 18.", "2014-03-17", {("Crimea", "scheduled", "2014-03-18")}),
        ("On Friday Moscow signed the law admitting the Republic of Crimea to the Russian Federation.", "2014-03-22", {("Crimea", "completed", "2014-03-21")}),
        # A count of years that a marking word puts on the day told.
        (
            "Crowds gathered on March 18, 2024, commemorating ten years the peninsula of Crimea was annexed.",
            "2024-03-19",
            {("Crimea", "completed", "2014-03-18")},
        ),
    ],
)
def test_signed_accessions_and_marked_counts_of_years(sentence, published, expected):
    assert events(_setup_disputed(), sentence + "\n", published, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Government forces lost control of Herat on Friday.", "en"),
        ("On Friday the insurgents drove the last army units out of Herat.", "en"),
        ("The army was driven out of Herat on Friday.", "en"),
        ("The insurgents expelled the garrison from Herat on Friday.", "en"),
        ("On Friday the militants ousted the governor's guards from Herat.", "en"),
        ("By Friday evening Herat was in Taliban hands.", "en"),
        ("Herat is now controlled by the Taliban, a local official said on Friday.", "en"),
        ("L'armée a perdu le contrôle de Hérat vendredi, selon un élu.", "fr"),
        ("Vendredi, les insurgés ont chassé la garnison de Hérat, selon un élu.", "fr"),
        ("Vendredi soir, Hérat était désormais aux mains des insurgés, selon un élu.", "fr"),
        ("Am Freitag vertrieben die Aufständischen die Garnison aus Herat, sagte ein Abgeordneter.", "de"),
        ("Seit Freitag ist Herat in der Hand der Aufständischen, sagte ein Abgeordneter.", "de"),
        ("В пятницу боевики выбили гарнизон из Герата, сообщил депутат.", "ru"),
        ("В пятницу Герат оказался в руках боевиков, сообщил депутат.", "ru"),
        ("Армия потеряла контроль над Гератом в пятницу, сообщил депутат.", "ru"),
    ],
)
def test_wordings_of_a_change_by_losing_expelling_or_holding(afghanistan, sentence, language):
    assert events(afghanistan, sentence + "\n", "2021-08-14", language) == {("Herat", "completed", "2021-08-13")}


def test_a_participle_set_off_after_its_place_with_an_agent_is_passive_and_its_agent_gives(countries):
    gazetteer, capitals, seats = countries
    text = "Macau, handed over by Portugal to China on December 20, 1999, has grown into a gambling hub.\n"
    article = parse_article(text, published=dt.date(2024, 12, 19))
    found = read_report(article, gazetteer, capitals=capitals, government_seats=seats).events
    assert [(e.district, e.kind, e.date.isoformat(), e.from_, e.to) for e in found] == [("Macao S.A.R", "completed", "1999-12-20", "Portugal", "China")]


@pytest.mark.parametrize(
    "sentence",
    [
        "On December 20 the president will swear in Macau's fifth leader since its return to China.",
        "On December 20 the president will swear in the fifth leader since the return of Macau to China.",
    ],
)
def test_a_change_counted_from_with_since_is_no_plan_of_the_sentence(countries, sentence):
    assert events(countries, sentence + "\n", "2024-12-19", "en") == set()


def test_a_french_first_person_conditional_is_no_change(azerbaijan):
    text = "Bakou, 1er décembre (Agence)\n\nNous aurions libéré Latchine et Kelbedjer. Le relief nous en a empêchés.\n"
    assert events(azerbaijan, text, "2020-12-01", "fr") == set()


def test_a_day_named_after_a_change_moved_to_another_day_is_no_postponement(azerbaijan):
    text = (
        "Aserbaidschan feierte am 8. November 2020 die Befreiung von Shusha.\n\n"
        "Der Feiertag wurde später auf den 8. November, den Tag der Befreiung von Shusha, verschoben.\n"
    )
    assert events(azerbaijan, text, "2022-11-08", "de") == {("Shusha City", "captured", "2020-11-08")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Lundi, l'armée a tenté de prendre le contrôle de Kunduz.", "fr"),
        ("В понедельник армия пыталась занять Кундуз.", "ru"),
    ],
)
def test_trying_to_take_a_place_is_no_change(afghanistan, sentence, language):
    assert events(afghanistan, "Titre\n\n" + sentence + "\n", "2021-08-10", language) == set()


def test_a_german_place_after_nach_is_where_something_leads_not_what_was_taken(azerbaijan):
    text = "Mit der Einnahme von Shusha am Sonntag kontrolliert die Armee beide Straßen nach Stepanakert.\n"
    assert events(azerbaijan, text, "2020-11-10", "de") == {("Shusha City", "captured", "2020-11-08")}


@pytest.mark.parametrize("article", ["l'", "l’"])
def test_a_french_wording_may_start_at_a_word_its_article_is_joined_to(article):
    text = f"Lundi 18 mars, Moscou a fêté le 5e anniversaire de {article}annexion de la Crimée.\n"
    assert events(_setup_disputed(), text, "2019-03-19", "fr") == {("Crimea", "completed", "2014-03-18")}


@pytest.mark.parametrize("ordinal", ["forty-first", "forty first"])
def test_a_compound_ordinal_counts_an_anniversary_back(ordinal):
    text = f"Today marks the {ordinal} anniversary of the annexation of the Syrian Golan.\n"
    assert events(_setup_disputed(), text, "2022-12-14", "en") == {("Golan Heights", "completed", "1981-12-14")}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("On Friday a new governor took over as head of Herat province.", "en"),
        ("Vendredi, le conseil a pris la décision de fermer Hérat.", "fr"),
    ],
)
def test_phrases_that_start_like_a_wording_but_are_none(afghanistan, sentence, language):
    assert events(afghanistan, sentence + "\n", "2021-08-14", language) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Herat sei am Freitag von den Aufständischen übernommen worden, sagte ein Abgeordneter.",
        "Am Freitag haben die Aufständischen die Macht in der Stadt Herat übernommen, sagte ein Abgeordneter.",
    ],
)
def test_uebernommen_is_a_change(afghanistan, sentence):
    assert events(afghanistan, sentence + "\n", "2021-08-14", "de") == {("Herat", "completed", "2021-08-13")}


def test_years_since_a_change_marked_count_back_from_the_report_s_day(countries):
    text = "China marks 20 years since the handover of Hong Kong.\n"
    assert events(countries, text, "2017-07-01", "en") == {("Hong Kong S.A.R.", "completed", "1997-07-01")}


def test_a_russian_verb_of_handing_over_after_a_comma_says_who_reports(afghanistan):
    text = "В четверг в аэропорту Кандагара отменили все рейсы, передает агентство.\n"
    assert events(afghanistan, text, "2021-08-13", "ru") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "On 15 August 2005 the army began its withdrawal from the Gaza Strip.",
        "On 15 August 2005 the army began its 'withdrawal' from the strip of Gaza, which it had held since the war.",
        "On 15 August 2005 settlers left the Gaza Strip, which the army had occupied since the war.",
    ],
)
def test_a_start_or_a_state_held_since_an_undated_time_is_no_change_of_the_day(sentence):
    assert events(_setup_disputed(), sentence + "\n", "2021-09-12", "en") == set()


def test_devenue_une_partie_de_is_a_change():
    text = "Le 18 mars 2014, la Crimée est devenue une partie de la Russie.\n"
    assert events(_setup_disputed(), text, "2019-03-19", "fr") == {("Crimea", "completed", "2014-03-18")}


@pytest.mark.parametrize(
    ("sentence", "published", "language", "expected"),
    [
        # "morgen" is tomorrow, and the day an anniversary is marked, which the years count back from ...
        ("Mit einem Konzert feiert Russland morgen den ersten Jahrestag der Annexion der Krim.", "2015-03-17", "de", {("Crimea", "completed", "2014-03-18")}),
        # ... but "Donnerstag morgen" is Thursday morning.
        ("Erst am Dienstag morgen war die Krim an Russland gefallen.", "2014-03-20", "de", {("Crimea", "captured", "2014-03-18")}),
        # A place in a possessive between the wording and the anniversary's count.
        ("On March 18 cities mark the first anniversary of Crimea's reunification with Russia.", "2015-03-19", "en", {("Crimea", "completed", "2014-03-18")}),
        ("On Friday Moscow will sign the treaty on the annexation to Russia of Crimea.", "2014-03-19", "en", {("Crimea", "scheduled", "2014-03-21")}),
        # A day's name that holds its place names no change; nor do voters' choices.
        ('In Russia March 18 was proclaimed the "Day of Crimea\'s Reunification with Russia."', "2015-03-19", "en", set()),
        ("On March 16, 2014, voters supported Crimea's reunification with Russia.", "2015-03-19", "en", set()),
    ],
)
def test_anniversaries_marked_and_wordings_of_accession(sentence, published, language, expected):
    assert events(_setup_disputed(), sentence + "\n", published, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # Hands, an office, a drive, fighter jets and the road to a place tell no change ...
        ("In Kunduz the governor shook hands with the envoys on Sunday.", "en", set()),
        ("В воскресенье жители Кундуза вышли с цветами в руках.", "ru", set()),
        ("Am Sonntag standen in Kundus Frauen mit Plakaten in der Hand.", "de", set()),
        ("Die Aufständischen übernahmen am Sonntag in Kundus die Verantwortung für den Anschlag.", "de", set()),
        ("Dimanche, des chasseurs de l'armée ont survolé Kunduz.", "fr", set()),
        ("The president drove out of Kunduz on Sunday.", "en", set()),
        # ... while a change counted from with "since" outside a plan, a fall after a start, and a capture
        # after "nach" are changes.
        ("Since the fall of Kunduz on Sunday, thousands have fled.", "en", {("Kunduz", "captured", "2021-08-08")}),
        ("Fighting started and Kunduz fell to the militants on Sunday.", "en", {("Kunduz", "captured", "2021-08-08")}),
        ("Die Aufständischen eroberten am Sonntag nach heftigen Kämpfen Kundus.", "de", {("Kunduz", "captured", "2021-08-08")}),
    ],
)
def test_wordings_of_this_session_fire_only_where_they_should(afghanistan, sentence, language, expected):
    assert events(afghanistan, sentence + "\n", "2021-08-10", language) == expected


def test_a_day_right_after_its_place_dates_a_clause_final_verb(azerbaijan):
    # The day after the verb is another event's ("the counteroffensive of 27 September"), not the place's.
    text = "Zangilan wurde am 20. Oktober befreit, als Ergebnis einer Gegenoffensive vom 27. September 2020.\n"
    assert events(azerbaijan, text, "2024-10-20", "de") == {("Zangilan District", "captured", "2020-10-20")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A settlement named with its district in the genitive: the settlement changed hands, not the district ...
        ("20 октября азербайджанская армия освободила поселок Агбенд Зангиланского района.", set()),
        # ... while the district itself does.
        ("20 октября азербайджанская армия освободила Зангиланский район.", {("Zangilan District", "captured", "2020-10-20")}),
    ],
)
def test_a_part_named_before_its_district_in_the_genitive(azerbaijan, sentence, expected):
    assert events(azerbaijan, sentence + "\n", "2020-10-21", "ru") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Rejoining one's family or unit is no change of a place (so "rejoined" is no wording) ...
        ("Refugees who had fled Kunduz were reunited with their families on Monday.", set()),
        ("Soldiers from Kunduz rejoined their units in Kabul on Monday.", set()),
        # ... nor is a prisoner taken, a fight that goes on, or an aim with "in" before its gerund unreached.
        ("In Kunduz, ten soldiers were taken prisoner on Sunday.", set()),
        ("In Herat geht der Kampf an der Front am Montag weiter.", set()),
        ("The Taliban succeeded in capturing Kunduz on Sunday.", {("Kunduz", "captured", "2021-08-08")}),
        # A list goes on past an -ing word that opens no clause, and stops at a speaker's clause.
        (
            "The Taliban captured Ghazni, neighbouring Wardak and Logar on Friday.",
            {("Ghanzi", "captured", "2021-08-13"), ("Wardak", "captured", "2021-08-13"), ("Logar", "captured", "2021-08-13")},
        ),
        (
            "They took Kunduz, Takhar and, according to officials, Baghlan on Friday.",
            {("Kunduz", "completed", "2021-08-13"), ("Takhar", "completed", "2021-08-13"), ("Baghlan", "completed", "2021-08-13")},
        ),
        ("The Taliban attacked Kunduz and the government said Herat fell on Sunday.", {("Herat", "captured", "2021-08-08")}),
        # A relative clause with "all" takes the whole list; a question's own clause tells nothing, the clause before it does.
        (
            "Kunduz, Herat and Kandahar, which all fell on Thursday, are large cities.",
            {("Kunduz", "captured", "2021-08-12"), ("Herat", "captured", "2021-08-12"), ("Kandahar", "captured", "2021-08-12")},
        ),
        ("The Taliban took Herat on Thursday; will Kandahar be next?", {("Herat", "completed", "2021-08-12")}),
    ],
)
def test_guards_of_the_review(afghanistan, sentence, expected):
    language = "de" if " geht " in sentence else "en"
    assert events(afghanistan, sentence + "\n", "2021-08-14", language) == expected


def test_a_reunification_with_a_country_hands_over_the_place_before_it(countries):
    text = "Crimea's reunification with Russia was sealed on March 18, 2014.\n"
    assert events(_setup_disputed(), text, "2015-03-19", "en") == {("Crimea", "completed", "2014-03-18")}
    # The country after "with" takes the place; it is not handed over.
    assert events(countries, text, "2015-03-19", "en") == set()


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A participle opening a clause after a listed place: the places in it are not in the list.
        ("The Taliban took Ghazni on Thursday, linking Kabul with the south.", "en", {("Ghanzi", "completed", "2021-08-12")}),
        ("The Taliban seized Ghazni, cutting Kabul off from the south, on Thursday.", "en", {("Ghanzi", "captured", "2021-08-12")}),
        ("Талибы в четверг захватили Газни, связывающую Кабул с югом страны.", "ru", {("Ghanzi", "captured", "2021-08-12")}),
        # A place that a word of nearness locates by is a landmark.
        ("Die Taliban haben am Donnerstag die Stadt Gasni nahe Kabul eingenommen.", "de", {("Ghanzi", "captured", "2021-08-12")}),
        ("Талибы в четверг захватили Газни близ Кабула.", "ru", {("Ghanzi", "captured", "2021-08-12")}),
        # Wordings: an infinitive after a modal, and control won.
        ("Am Donnerstag konnten sie auch die Stadt Gasni einnehmen.", "de", {("Ghanzi", "captured", "2021-08-12")}),
        ("The Taliban won control of Ghazni on Thursday.", "en", {("Ghanzi", "completed", "2021-08-12")}),
        # An aim reached is a change; an aim is none.
        ("On Sunday the Taliban managed to capture the city of Taloqan.", "en", {("Takhar", "captured", "2021-08-08")}),
        ("On Sunday the Taliban massed fighters to capture the city of Taloqan.", "en", set()),
        # A list before a clause-final verb may describe a place after its list word ...
        (
            "Am Donnerstag hatten sie die Stadt Herat sowie das strategisch wichtige Ghasni eingenommen.",
            "de",
            {("Herat", "captured", "2021-08-12"), ("Ghanzi", "captured", "2021-08-12")},
        ),
        # ... but a relative clause's wording takes its antecedent alone ...
        ("They hold Kunduz, Herat and the third city, Ghazni, which fell on Thursday.", "en", {("Ghanzi", "captured", "2021-08-12")}),
        # ... and a comparison after a comma is no list.
        ("Le district de Kunduz, comme celui de Hérat pris le 12 août, est un carrefour.", "fr", {("Herat", "captured", "2021-08-12")}),
        # "devrait" looks forward, as "doit" does.
        ("Kunduz devrait être remis au gouvernement dimanche.", "fr", {("Kunduz", "scheduled", "2021-08-15")}),
        # A prisoner taken in a place, a place told as liberated after "in", and a level word that keys like a
        # capital ("Bezirk", like Bazarak) tell no change of that place.
        ("В городе Кундуз талибы в воскресенье взяли в плен командира ополчения.", "ru", set()),
        ("On Sunday the president spoke in liberated Kunduz.", "en", set()),
        ("Am Sonntag eroberten die Taliban den Bezirk Kang.", "de", set()),
        # A change days before or after the sentence's own is dated from it, and does not take its day.
        (
            "On Sunday, five days before the fall of Kabul, the Taliban took Taloqan.",
            "en",
            {("Takhar", "completed", "2021-08-08"), ("Kabul", "captured", "2021-08-13")},
        ),
        (
            "Талибы взяли Талукан в воскресенье, через два дня после захвата Кундуза.",
            "ru",
            {("Takhar", "captured", "2021-08-08"), ("Kunduz", "captured", "2021-08-06")},
        ),
        # "the day before": the day before the day told last; a wording that points back to a place named with
        # another clause's day takes its own day.
        (
            "Afghan forces launched a counterattack in Kunduz on Tuesday against fighters who overran the city the day before.",
            "en",
            {("Kunduz", "captured", "2021-08-09")},
        ),
        # A question tells no change.
        ("Was Ghazni captured by the Taliban on Thursday?", "en", set()),
        ("Les talibans ont-ils pris Ghazni jeudi ?", "fr", set()),
    ],
)
def test_lists_landmarks_questions_and_plain_wordings(afghanistan, sentence, language, expected):
    assert events(afghanistan, sentence + "\n", "2021-08-14", language) == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # A sentence that tells its own year takes no day of another year from a heading date before it ...
        ("In June 1967, the West Bank was captured by Israel.", set()),
        ("In 1967, Israel captured the West Bank.", set()),
        # ... but one with no year of its own, or with the heading's year, does.
        ("The West Bank was captured by Israel.", {("West Bank", "captured", "2005-09-12")}),
        ("In September 2005, the West Bank was captured by Israel.", {("West Bank", "captured", "2005-09-12")}),
    ],
)
def test_a_sentence_that_tells_its_own_year_keeps_it(second, expected):
    text = f"September 12, 2005\n\n{second}\n"
    assert {e for e in events(_setup_disputed(), text, "2025-09-07", "en") if e[0] == "West Bank"} == expected


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # A year told after a month or a word for "in" dates the days told after it, in each language.
        ("After an offensive launched in June 1993, Armenian troops occupied Kalbajar on April 2.", "en"),
        ("Après une offensive lancée en 1993, les troupes arméniennes ont occupé Kalbajar le 2 avril.", "fr"),
    ],
)
def test_days_after_a_year_told_take_it(azerbaijan, sentence, language):
    assert events(azerbaijan, sentence + "\n", "2020-11-25", language) == {("Kalbajar District", "captured", "1993-04-02")}


def test_also_after_a_sentence_that_tells_a_dated_change_again(afghanistan):
    text = (
        "On Friday the Taliban took control of the capital of Ghor province.\n"
        "A council member said the capital, Firoz Koh, fell to the Taliban.\n"
        "The militants also seized the capitals of Zabul and Uruzgan provinces.\n"
    )
    assert events(afghanistan, text, "2021-08-14") == {
        ("Ghor", "completed", "2021-08-13"),
        ("Zabul", "captured", "2021-08-13"),
        ("Uruzgan", "captured", "2021-08-13"),
    }


def test_a_number_word_is_never_a_place(afghanistan):
    text = "Three more cities have fallen to the Taliban on Friday.\n"
    assert events(afghanistan, text, "2021-08-13") == set()


def test_the_news_of_the_day_may_name_its_place_twice(afghanistan):
    text = "The Taliban have seized the city of Tarinkot, the administrative centre of Uruzgan province, a spokesman said.\n"
    assert events(afghanistan, text, "2021-08-13") == {("Uruzgan", "captured", "2021-08-13")}


def test_each_item_of_a_list_is_its_own_fact(afghanistan):
    text = "To recall:\n- On 8 August the Taliban took three provincial capitals.\n- The Taliban said they had captured the city of Kandahar after heavy fighting.\n"
    assert ("Kandahar", "captured", "2021-08-08") not in events(afghanistan, text, "2021-08-13")


def test_russian_names_of_hong_kong_macao_and_gaza(countries):
    assert events(countries, "Гонконг был возвращён Китаю 1 июля 1997 года.\n", "2022-07-01") == {("Hong Kong S.A.R.", "completed", "1997-07-01")}
    text = "Макао, город на юге Китая, передан Китаю Португалией 20 декабря 1999 года.\n"
    assert events(countries, text, "2024-12-20") == {("Macao S.A.R", "completed", "1999-12-20")}


def test_a_german_verb_around_a_long_list_at_the_same_time_as_a_change_told_before(afghanistan):
    text = (
        "Am Sonntag brachten die Taliban die Stadt Kundus unter ihre Kontrolle.\n"
        "Zeitgleich mit Kundus nahmen die Kämpfer die zwei Provinzhauptstädte Sar-i Pul und Talokan ein.\n"
    )
    assert events(afghanistan, text, "2021-08-09") == {
        ("Kunduz", "completed", "2021-08-08"),
        ("Sar-e Pol", "captured", "2021-08-08"),
        ("Takhar", "captured", "2021-08-08"),
    }


def test_a_province_next_to_a_place_named_with_its_genitive(afghanistan):
    text = "Am Sonntag nahmen die Taliban auch Kabuls Nachbarprovinz Wardak ein.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Wardak", "captured", "2021-08-15")}


def test_the_day_a_postponement_was_told_is_not_its_new_date(azerbaijan):
    text = "Baku agreed to prolong the deadline for the pull-out from Kalbajar until November 25, an aide said on Sunday.\n"
    assert events(azerbaijan, text, "2020-11-15") == {("Kalbajar District", "scheduled", "2020-11-25")}


def test_a_shift_whose_new_date_comes_later_counts_back_from_it(azerbaijan):
    text = (
        "Азербайджан дал Армении ещё десять дней на вывод войск из Кельбаджарского района, заявил в воскресенье помощник президента.\n"
        "Теперь армянские войска должны покинуть Кельбаджарский район до 25 ноября.\n"
    )
    assert events(azerbaijan, text, "2020-11-15") >= {
        ("Kalbajar District", "postponed", "2020-11-15"),
        ("Kalbajar District", "scheduled", "2020-11-25"),
    }


def test_years_elapsed_since_the_date_of_a_change_tell_it_done_then(azerbaijan):
    text = "Aujourd'hui, trois ans se sont écoulés depuis la date de libération de Latchine.\n"
    assert events(azerbaijan, text, "2023-12-01") == {("Lachin District", "captured", "2020-12-01")}


def test_a_party_named_in_brackets_is_an_aside(afghanistan):
    gazetteer, capitals, seats = afghanistan
    text = "The Taliban (banned in Russia) have seized Tarinkot, the capital of Uruzgan province (a Russia-watcher said so in Russia).\n"
    found = read_report(parse_article(text, published=dt.date(2021, 8, 13)), gazetteer, capitals=capitals, government_seats=seats)
    assert [(e.district, e.from_, e.to) for e in found.events] == [("Uruzgan", "", "Taliban")]


def test_a_day_without_a_year_after_a_year_the_sentence_tells_takes_it(azerbaijan):
    text = "Launching an offensive on March 27 in 1993, the Armenian troops occupied Kalbajar on April 2.\n"
    assert events(azerbaijan, text, "2018-04-02") == {("Kalbajar District", "captured", "1993-04-02")}
    text = "Agdam, given back on November 20, and Kalbajar, given back on November 25, had been a buffer zone since a war that ended in 1994.\n"
    assert events(azerbaijan, text, "2020-12-01") == {("Agdam District", "completed", "2020-11-20"), ("Kalbajar District", "completed", "2020-11-25")}


def test_an_anniversary_may_still_tell_a_change_with_its_own_earlier_year(azerbaijan):
    text = "On this anniversary we recall that on 4 October 2020 the army liberated Jabrayil.\n"
    assert events(azerbaijan, text, "2023-10-04") == {("Jabrayil District", "captured", "2020-10-04")}


def test_people_leaving_a_place_is_no_handover(azerbaijan):
    assert events(azerbaijan, "Most residents abandoned Kalbajar on 14 November, burning their houses.\n", "2020-11-16") == set()
    assert events(azerbaijan, "Многие жители покинули Кельбаджарский район 14 ноября.\n", "2020-11-16") == set()
    assert events(azerbaijan, "Armenian troops left Kalbajar on 24 November.\n", "2020-11-26") == {("Kalbajar District", "completed", "2020-11-24")}


def test_a_wording_s_preposition_repeated_in_its_list_and_a_hard_c(azerbaijan):
    text = "Armenian units withdrew from Aghdam on Nov. 20, from Kalbajar on Nov. 25, and from Lachin on Nov. 30.\n"
    assert events(azerbaijan, text, "2020-12-02") == {
        ("Agdam District", "completed", "2020-11-20"),
        ("Kalbajar District", "completed", "2020-11-25"),
        ("Lachin District", "completed", "2020-11-30"),
    }
    text = "Under the deal, Calbajar will be handed over to Azerbaijan by 1 December 2020.\n"
    assert events(azerbaijan, text, "2020-11-16") == {("Kalbajar District", "scheduled", "2020-12-01")}


def test_a_weekday_between_a_capital_and_its_province_and_a_weekend_is_no_day(afghanistan):
    text = "The group captured its first provincial capital Friday in Nimroz province.\n"
    assert events(afghanistan, text, "2021-08-09") == {("Nimruz", "captured", "2021-08-06")}
    text = "Over the weekend, the fighters have claimed control of Sheberghan, the capital of Jowzjan province.\n"
    assert events(afghanistan, text, "2021-08-09") == set()


def test_a_year_an_editor_put_in_brackets_and_a_russian_since_of_fighting(azerbaijan):
    text = '"We fled on July 23 [1993], when Aghdam was occupied," she said.\n'
    assert events(azerbaijan, text, "2020-11-28") == {("Agdam District", "captured", "1993-07-23")}
    text = "В ходе боёв, продолжающихся с 27 сентября, армия освободила Физулинский район.\n"
    assert ("Fuzuli District", "captured", "2020-09-27") not in events(azerbaijan, text, "2020-11-09")


def test_a_russian_reflexive_passive_takes_the_place_before_it(azerbaijan):
    text = "По соглашению Лачинский район возвращается Азербайджану до 1 декабря.\n"
    assert events(azerbaijan, text, "2020-11-16") == {("Lachin District", "scheduled", "2020-12-01")}


def test_a_country_that_is_the_subject_of_the_wording_is_the_party_even_alone(countries):
    text = "Macau war eine portugiesische Kolonie. Am 20. Dezember 1999 gab Portugal die Souveränität zurück an China.\n"
    assert not any(district == "Portugal" for district, _, _ in events(countries, text, "2004-12-20"))


def test_a_seat_of_government_right_before_a_clause_final_verb_and_french_investi(afghanistan):
    text = "Am Sonntag sind die Taliban praktisch kampflos in Kabul einmarschiert.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Kabul", "completed", "2021-08-15")}
    text = "Ce 15 août, les talibans ont investi Kaboul sans rencontrer de résistance.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Kabul", "completed", "2021-08-15")}


def test_forces_retreating_from_a_place_give_it_up(afghanistan):
    text = "Government forces retreated from Sheberghan in Jowzjan province on Saturday.\n"
    assert events(afghanistan, text, "2021-08-08") == {("Jowzjan", "completed", "2021-08-07")}


def test_also_opening_the_sentence_and_hours_earlier(afghanistan):
    text = (
        "Die Taliban eroberten am Samstag Maimana, die Hauptstadt der Provinz Farjab.\n"
        "Auch Mihtarlam, die Hauptstadt der Provinz Laghman im Osten, fiel an die Taliban.\n"
    )
    assert events(afghanistan, text, "2021-08-15") == {("Faryab", "captured", "2021-08-14"), ("Laghman", "captured", "2021-08-14")}
    text = "Am Sonntag nahmen die Taliban Sar-i Pul ein. Nur wenige Stunden später fiel auch Kundus an die Taliban.\n"
    assert ("Kunduz", "captured", "2021-08-08") in events(afghanistan, text, "2021-08-09")


def test_days_since_a_change_count_back_from_the_report(azerbaijan):
    assert events(azerbaijan, "It has been 6 days since Aghdam was handed over to us.\n", "2020-11-26") == {("Agdam District", "completed", "2020-11-20")}


def test_complete_control(afghanistan):
    text = "The Taliban said on September 6 that it had claimed complete control of the Panjshir valley.\n"
    assert events(afghanistan, text, "2021-09-07") == {("Panjshir", "completed", "2021-09-06")}


def test_a_region_that_extends_is_not_a_deadline_extended_and_a_long_signing(azerbaijan):
    text = "Lachin was handed over on 1 December. The snowy Lachin region extends from north to south along the border.\n"
    assert events(azerbaijan, text, "2020-12-02") == {("Lachin District", "completed", "2020-12-01")}
    text = (
        "Under the statement signed by Azerbaijani President Ilham Aliyev, Russian President Vladimir Putin and "
        "Armenian Prime Minister Nikol Pashinyan on November 10, 2020, Kalbajar was to be returned on November 15.\n"
    )
    assert events(azerbaijan, text, "2025-11-25") == {("Kalbajar District", "scheduled", "2020-11-15")}


def test_a_building_seized_in_a_region_is_not_the_region(afghanistan):
    text = "As fighting spread through Kunduz province, gunmen seized the police headquarters on Sunday morning.\n"
    assert events(afghanistan, text, "2021-08-09") == set()


def test_a_change_told_earlier_in_the_month_takes_no_later_day(afghanistan):
    text = "The militants drew closer to Kabul on Saturday, 14 August, after capturing Kandahar and Herat earlier in August.\n"
    assert events(afghanistan, text, "2021-08-14") == set()


def test_the_local_capital_where_the_speaker_is(afghanistan):
    text = "The head of the provincial council in Zabul province told reporters on Friday that the local capital fell to the Taliban.\n"
    assert events(afghanistan, text, "2021-08-14") == {("Zabul", "captured", "2021-08-13")}


def test_assumption_of_control_and_a_state_told_as_now(afghanistan):
    text = "Fighters walked into the palace after the president left on Sunday, a step in the group's assumption of control over Kabul.\n"
    assert events(afghanistan, text, "2021-08-16") == {("Kabul", "completed", "2021-08-15")}
    assert events(afghanistan, "Ghazni is now under Taliban control.\n", "2021-08-12") == {("Ghanzi", "completed", "2021-08-12")}
    assert events(afghanistan, "Ghazni steht nun unter Kontrolle der Taliban.\n", "2021-08-12") == {("Ghanzi", "completed", "2021-08-12")}


def test_a_period_opened_with_since_dates_no_change_told_before(afghanistan):
    text = (
        "A lawmaker said the Taliban had taken Farah city, capital of the province of the same name.\n"
        "Five of the other provincial capitals to have fallen since Friday are in the north.\n"
    )
    assert events(afghanistan, text, "2021-08-11") == set()


def test_an_acute_accent_written_for_an_apostrophe(afghanistan):
    text = (
        "A lawmaker said the Taliban had taken Farah city, capital of the province of the same name.\n"
        "Several capitals have fallen since Friday, with the fighters setting their sights on Mazar-i-Sharif \u2014 the region\u00b4s biggest city.\n"
    )
    assert events(afghanistan, text, "2021-08-11") == set()
    evidence = "The Taliban captured Farah\u00b4s capital on Tuesday.\n"
    gazetteer, capitals, seats = afghanistan
    found = read_report(parse_article(evidence, published=dt.date(2021, 8, 11)), gazetteer, capitals=capitals, government_seats=seats).events
    assert [(e.district, e.date.isoformat(), e.evidence) for e in found] == [("Farah", "2021-08-10", evidence.strip())]


def test_a_withdrawal_originally_set_and_a_delay_granted(azerbaijan):
    expected = {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")}
    text = "The withdrawal from Kalbajar was originally scheduled for 15 November, but Azerbaijan granted a delay until 25 November.\n"
    assert events(azerbaijan, text, "2020-11-25") == expected
    text = "Армия вошла в Кельбаджарский район. Вывод войск был ранее назначен на 15 ноября, но Баку дал отсрочку до 25 ноября.\n"
    assert expected <= events(azerbaijan, text, "2020-11-25")


def test_a_day_earlier_counts_back_from_the_story_day_not_a_plan(afghanistan):
    text = (
        "On August 14, the Taliban pushed on in the east, capturing two provincial capitals.\n"
        "Fighters took over Sharan, the capital of the eastern province of Paktika.\n"
        "Extra troops will arrive in the city on the evening of August 15.\n"
        "A day earlier, the Taliban captured the provincial capitals of Kandahar, Helmand, Ghor and Zabul.\n"
    )
    found = events(afghanistan, text, "2021-08-14")
    assert {("Kandahar", "captured", "2021-08-13"), ("Helmand", "captured", "2021-08-13"), ("Zabul", "captured", "2021-08-13")} <= found
    assert not any(day == "2021-08-14" and place in ("Kandahar", "Helmand", "Ghor", "Zabul") for place, _, day in found)


def test_a_day_counted_back_dates_its_own_clause_only(afghanistan):
    text = (
        "The group took another capital on Monday. It is the sixth capital to have fallen in days, after fighters toppled a nearby district two days earlier.\n"
        "Aybak fell to the Taliban, an official said.\n"
    )
    assert not any(day == "2021-08-07" for _, _, day in events(afghanistan, text, "2021-08-10"))


def test_a_handover_ceremony_is_not_the_handover(countries):
    text = "On June 30, 1997, the last day of British rule, a handover ceremony took place in the new convention centre of Hong Kong.\n"
    assert events(countries, text, "2016-07-01") == set()


def test_a_day_a_decision_was_taken_dates_no_change_before():
    text = "Rund 3000 Soldaten waren aus dem Gazastreifen abgezogen. Die Regierung hatte am Sonntag das Ende der Militärverwaltung beschlossen.\n"
    assert events(_setup_disputed(), text, "2005-09-12") == set()


def test_a_count_since_a_day_is_not_that_days_change(afghanistan):
    text = "The Taliban captured the provincial capital of Farah on Tuesday, the seventh provincial capital the group has seized since Friday.\n"
    assert events(afghanistan, text, "2021-08-11") == {("Farah", "captured", "2021-08-10")}
    text = "The insurgents have captured the capital of Farah province, the seventh capital to fall since Friday.\n"
    assert ("Farah", "captured", "2021-08-06") not in events(afghanistan, text, "2021-08-11")


def test_a_part_taken_in_a_place_named_before_it(afghanistan):
    text = "Die Taliban haben in der Großstadt Kundus nun auch den Flughafen und eine große Militärbasis erobert. Das bestätigten Provinzräte am Mittwoch.\n"
    assert events(afghanistan, text, "2021-08-11") == set()
    text = "Die Taliban haben die Großstadt Kundus am Sonntag erobert.\n"
    assert events(afghanistan, text, "2021-08-11") == {("Kunduz", "captured", "2021-08-08")}


def test_a_window_of_days_is_due_by_its_last_day():
    text = "The two sides agreed on Thursday to pull their forces out of Abyei between September 11 and 30.\n"
    assert events(_setup_disputed(), text, "2011-09-08") == {("Abyei", "scheduled", "2011-09-30")}
    for language, window in (
        ("en", "between 11 September and 30 September 2011"),
        ("en", "between November 25th and December 1st"),
        ("de", "zwischen dem 11. und 30. September"),
        ("fr", "entre le 11 et le 30 septembre"),
    ):
        (mention,) = DateReader(load(language), dt.date(2011, 9, 8)).find(f"Les troupes partent {window}.")
        assert (mention.text.rstrip("."), mention.date.month, mention.date.day) == (window, *((12, 1) if "December" in window else (9, 30)))


def test_a_past_verb_after_a_plan_set_off_by_commas_is_done(azerbaijan):
    text = "Also, under the agreement, on 20 November, Armenia handed over the Aghdam region to Azerbaijan.\n"
    assert events(azerbaijan, text, "2020-12-01") == {("Agdam District", "completed", "2020-11-20")}
    text = "Under the agreement, Armenia is to hand over the Lachin region by 1 December.\n"
    assert events(azerbaijan, text, "2020-11-20") == {("Lachin District", "scheduled", "2020-12-01")}


def test_a_weekday_with_its_date_is_that_date(azerbaijan):
    text = "Kelbajar region, with its monastery, would be the first \u2013 returned by Sunday, November 15.\n"
    assert events(azerbaijan, text, "2020-11-13") == {("Kalbajar District", "scheduled", "2020-11-15")}
    (mention,) = DateReader(load("fr"), dt.date(2021, 8, 14)).find("le président a promis ce samedi 14 août de remobiliser ses troupes")
    assert (mention.date, mention.form) == (dt.date(2021, 8, 14), "weekday")


def test_airports_in_provinces_are_parts(afghanistan):
    text = "Taliban insurgents on Wednesday captured airports in the Afghan provinces of Farah and Kunduz.\n"
    assert events(afghanistan, text, "2021-08-12") == set()


def test_its_fall_points_back_to_the_place_named_last(afghanistan):
    text = (
        "Situated on the highway to the south, Ghazni serves as a gateway to the militants' strongholds. "
        "Its fall on Thursday marked the tenth provincial capital to be taken this week.\n"
    )
    assert events(afghanistan, text, "2021-08-13") == {("Ghanzi", "captured", "2021-08-12")}


def test_a_withdrawal_begun_and_a_ceremony_scheduled_are_no_events():
    text = "The last troops began withdrawing from the Gaza Strip last night.\nThere was doubt over a planned handover ceremony scheduled for late yesterday.\n"
    assert events(_setup_disputed(), text, "2005-09-12") == set()
    assert events(_setup_disputed(), "The last troops withdrew from the Gaza Strip last night.\n", "2005-09-12") == {("Gaza", "completed", "2005-09-11")}


def test_meanwhile_ties_a_change_to_the_day_told_before(afghanistan):
    text = (
        "The seizure of Kandahar and Herat on Thursday marks the biggest prizes yet for the Taliban.\n"
        "The capture of the city of Ghazni, meanwhile, cuts off a crucial highway.\n"
    )
    assert ("Ghanzi", "captured", "2021-08-12") in events(afghanistan, text, "2021-08-13")


def test_given_to_a_party(countries):
    text = "Macau followed two years later, when it too was given to China by Portugal on December 20, 1999.\n"
    assert events(countries, text, "2019-07-01") == {("Macao S.A.R", "completed", "1999-12-20")}


def test_an_order_to_withdraw_and_bases_seized_are_no_handover():
    text = "The interim president ordered the withdrawal of armed forces from Crimea on Monday.\n"
    assert events(_setup_disputed(), text, "2014-03-25") == set()
    text = "The president ordered the removal of all troops from the Crimea peninsula as Russia seized one of the last bases in Feodosia on Monday.\n"
    assert events(_setup_disputed(), text, "2014-03-25") == set()


def test_an_annexation_is_a_change_and_a_referendum_s_day_dates_none():
    setup = _setup_disputed()
    assert events(setup, "Russia formally annexed Crimea on Tuesday, the Kremlin said.\n", "2014-03-19") == {("Crimea", "completed", "2014-03-18")}
    assert events(setup, "The annexation of Crimea on March 18 was condemned in the West.\n", "2014-03-20") == {("Crimea", "completed", "2014-03-18")}
    assert events(setup, "Moscow's annexation of Crimea comes just days after Sunday's referendum on the peninsula.\n", "2014-03-21") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Die Übergangsregierung hat am Montag den vollständigen Abzug ihrer Truppen von der Krim angeordnet.\n",
        "Der Präsident ordnet am Montag den kompletten Rückzug des Militärs von der Krim an.\n",
        "В понедельник президент приказал вывести войска из Крыма.\n",
    ],
)
def test_an_order_to_withdraw_in_german_and_russian(text):
    assert events(_setup_disputed(), text, "2014-03-25") == set()


def test_a_state_that_held_on_a_plan_said_on_a_day_and_a_coast_off_a_country(afghanistan, countries):
    assert events(afghanistan, "By Friday, only Kabul remained under the control of the government.\n", "2021-08-14") == set()
    assert events(countries, "Macao will return to China in the year 1999, the ambassador said Monday.\n", "1987-03-24") == set()
    text = "The enclave of 450,000 people off southern China will revert to Chinese sovereignty on Dec. 20, 1999.\n"
    assert events(countries, text, "1987-03-24") == set()


def test_earlier_with_a_day_after_it_is_that_day(afghanistan):
    text = "Ранее в четверг представитель сообщил о взятии под контроль талибами городов Герат и Кандагар.\n"
    assert events(afghanistan, text, "2021-08-12") == {("Herat", "completed", "2021-08-12"), ("Kandahar", "completed", "2021-08-12")}
    # ... but alone it still tells an unstated time.
    text = "Ранее представитель сообщил о взятии под контроль талибами городов Герат и Кандагар.\n"
    assert events(afghanistan, text, "2021-08-12") == set()


def test_years_ago_on_this_day_counts_the_years_back(azerbaijan):
    expected = {("Jabrayil District", "captured", "2020-10-04")}
    assert events(azerbaijan, "Пять лет назад в этот день, 4 октября, город Джебраил был освобожден от оккупации.\n", "2025-10-04") == expected
    assert {(p, "captured", d) for p, _, d in events(azerbaijan, "Five years ago, on 4 October, Jabrayil district was liberated.\n", "2025-10-04")} == expected
    text = "Сегодня, 4 октября, исполняется пять лет с того дня как армия освободила город Джебраил от оккупации.\n"
    assert events(azerbaijan, text, "2025-10-04") == expected


def test_last_week_is_no_day(azerbaijan):
    text = (
        "The army has entered the Kalbajar region, one more territory ceded by Armenian forces under a peace deal, the ministry said on Wednesday.\n"
        "The deal stipulated that Armenia hand over control of some areas.\n"
        "The first one, Agdam, was turned over last week.\n"
    )
    assert ("Agdam District", "completed", "2020-11-25") not in events(azerbaijan, text, "2020-11-25")


def test_a_french_wording_ending_in_de_takes_an_elided_name():
    assert events(_setup_disputed(), "Les troupes se sont retirées d'Abyei lundi.\n", "2011-09-08", "fr") == {("Abyei", "completed", "2011-09-05")}


def test_meanwhile_opening_a_sentence_turns_to_another_story(afghanistan):
    text = (
        "A spokesman confirmed that Ghazni province had fallen to the fighters on Thursday.\n"
        "Meanwhile, the governor of Farah province and other local officials have surrendered to the Taliban, reports said.\n"
    )
    assert not any(place == "Farah" and day == "2021-08-12" for place, _, day in events(afghanistan, text, "2021-08-13"))  # not the day told before


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Under the ceasefire deal, Kalbajar is due to pass to Azerbaijan on Wednesday next week, officials in Yerevan said.\n", "en"),
        ("Armenien muss den Bezirk Kalbadschar am Mittwoch nächster Woche an Aserbaidschan übergeben, wie es das Abkommen vorsieht.\n", "de"),
        ("По соглашению Армения должна передать Кельбаджарский район Азербайджану в среду на следующей неделе, сообщили в министерстве.\n", "ru"),
        ("Selon l'accord, l'Arménie doit remettre le district de Kalbajar à l'Azerbaïdjan mercredi de la semaine prochaine, a indiqué le ministère.\n", "fr"),
    ],
)
def test_a_weekday_of_next_week_is_in_the_week_after_the_report_s(azerbaijan, text, language):
    # Read on Saturday 21 or on Monday 16 November 2020, Wednesday next week is the 25th (on the Monday, the coming Wednesday is the 18th).
    assert events(azerbaijan, text, "2020-11-21", language) == {("Kalbajar District", "scheduled", "2020-11-25")}
    assert events(azerbaijan, text, "2020-11-16", language) == {("Kalbajar District", "scheduled", "2020-11-25")}


def test_a_french_infinitive_after_a_word_of_duty_is_a_plan_and_selon_is_no_place(azerbaijan):
    text = "Selon le ministère, l'Arménie doit quitter le district de Latchine d'ici au 1er décembre, selon l'accord signé par les deux pays.\n"
    assert events(azerbaijan, text, "2020-11-21", "fr") == {("Lachin District", "scheduled", "2020-12-01")}
    text = "Selon le ministère, les troupes arméniennes ont quitté le district de Kalbajar le 25 novembre au matin.\n"
    assert events(azerbaijan, text, "2020-11-26", "fr") == {("Kalbajar District", "completed", "2020-11-25")}


def test_a_word_keyed_like_a_place_is_still_a_feature_of_that_very_name():
    # "Martin" keys like Mauritania in a file of countries, but names a district of that name in another file:
    # exact names are found before any word's key is read.
    common = load("en").not_places
    text = "Troops entered Martin on Sunday."
    assert [p.features for p in PlaceFinder(Gazetteer(["Martin", "Mauritania"]), common_words=common).find(text)] == [{"Martin"}]
    assert PlaceFinder(Gazetteer(["Mauritania"]), common_words=common).find(text) == []
    assert [p.features for p in PlaceFinder(Gazetteer(["Mauritania"])).find(text)] == [{"Mauritania"}]


def test_common_words_that_key_like_places_name_none(afghanistan, azerbaijan):
    # "There" keys like Takhar, "Leichen" like Lachin, "Selon" like Salyan (each language's `not_places`).
    text = "There, fighters seized the governor's office on Sunday after a night of clashes, residents said.\n"
    assert events(afghanistan, text, "2021-08-09") == set()
    text = "Die Leichen wurden am Sonntag an Aserbaidschan übergeben, nachdem die Truppen abgezogen waren, teilte das Ministerium mit.\n"
    assert events(azerbaijan, text, "2020-11-23", "de") == set()


def _sides(frame, text, published, language=None):
    gazetteer, capitals, seats = frame
    article = parse_article(text, published=dt.date.fromisoformat(published))
    return {(e.district, e.from_, e.to) for e in read_report(article, gazetteer, language=language, capitals=capitals, government_seats=seats).events}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Describing words between the preposition and the party; the preposition inside a long wording.
        ("Pul-e Khumri fell on Tuesday to the heavily armed Taliban after a short battle, officials said.\n", "en"),
        ("The provincial capital Pul-e Khumri fell into the hands of the Taliban on Tuesday, residents said.\n", "en"),
        # A wording that holds its own auxiliary is passive: its "by" names who takes.
        ("The town of Pul-e Khumri was taken by the Taliban late on Tuesday, a local official said.\n", "en"),
        # The agent of a German passive before its participle, and the subject after the verb.
        ("Die Stadt Kundus ist am Dienstag von den schwer bewaffneten Taliban eingenommen worden, meldeten die Behörden.\n", "de"),
        ("Am Dienstag eroberten die Taliban nach kurzen Gefechten auch die Stadt Kundus, meldete ein Abgeordneter.\n", "de"),
        ("Nach Angaben der Behörden fiel die Stadt Kundus am Dienstag in die Hände der Taliban.\n", "de"),
        # A verb-final clause holds its whole object between the subject and the participle.
        ("Die Taliban haben am Dienstag nach tagelangen schweren Gefechten mit der Armee auch die Provinzhauptstadt Kundus im Norden eingenommen.\n", "de"),
        # The Russian agent in the instrumental, with no preposition; "fell before".
        ("Город Пули-Хумри был занят талибами во вторник, сообщил местный источник.\n", "ru"),
        ("Во вторник Пули-Хумри пал перед талибами после коротких боев, сообщил источник.\n", "ru"),
        # A French reflexive verb is no passive: its subject takes.
        ("Les talibans se sont emparés mardi de la ville de Pul-e Khumri, selon un responsable local.\n", "fr"),
        ("Mardi, la ville de Pul-e Khumri est tombée aux mains des talibans, selon un responsable local.\n", "fr"),
    ],
)
def test_who_takes_in_each_language_s_constructions(afghanistan, text, language):
    assert _sides(afghanistan, text, "2021-08-11", language) == {("Kunduz" if language == "de" else "Baghlan", "", "Taliban")}


def test_freed_from_names_who_held_the_place(azerbaijan):
    # "von" after a freeing wording is who held the place, where after another passive it is who took it.
    text = "Die Stadt Schuscha sei am Sonntag von der armenischen Besatzung befreit worden, sagte der Minister in einer Ansprache.\n"
    assert _sides(azerbaijan, text, "2020-11-09", "de") == {("Shusha City", "Armenia", "")}


def test_the_report_s_only_taker_takes_its_changes_that_name_no_one(afghanistan):
    text = "The Taliban captured Aybak on Monday after days of fighting, officials said.\n\nPul-e Khumri fell on Tuesday, a local councillor said.\n"
    assert _sides(afghanistan, text, "2021-08-11") == {("Samangan", "", "Taliban"), ("Baghlan", "", "Taliban")}
    # Two takers in one report: the change that names no one stays so.
    text = (
        "The Taliban captured Aybak on Monday after days of fighting, officials said.\n\n"
        "Government forces retook Kunduz on Monday, the army said.\n\n"
        "Pul-e Khumri fell on Tuesday, a local councillor said.\n"
    )
    assert ("Baghlan", "", "") in _sides(afghanistan, text, "2021-08-11")


def test_a_side_of_the_background_history_is_not_the_story_s(azerbaijan):
    # The 1992 capture names its taker; the 2020 change, which names none, does not take it.
    text = (
        "Shusha was liberated on 8 November after weeks of fighting, the president said.\n\n"
        "Shusha had been captured by Armenian forces on 8 May 1992, after a siege of several months.\n"
    )
    assert _sides(azerbaijan, text, "2020-11-10") == {("Shusha City", "", "")}


def test_an_anniversary_counts_back_from_its_own_dated_day_and_yields_to_the_day_written_in_full(countries):
    opening = "Lisbon, (Wire Service - 14th Dec, 2024) Leaders will gather next week in Macau for a ceremony marking 25 years since the former colony's handover to China, officials said Saturday.\n"
    # The day written with the publication's year is the anniversary's: the change is 25 years before it.
    assert events(countries, opening, "2024-12-14") == {("Macao S.A.R", "completed", "1999-12-14")}
    # The count gives only the year: the day the report writes in full for the same change replaces it.
    text = opening + "\nMacau was handed over to China on December 20, 1999, after centuries of Portuguese rule.\n"
    assert events(countries, text, "2024-12-14") == {("Macao S.A.R", "completed", "1999-12-20")}


def test_a_place_that_only_locates_a_surrender_is_not_taken(afghanistan):
    text = "On Friday, dozens of soldiers surrendered to the insurgents after talks at an army camp on the edge of Kunduz city, two officers said.\n"
    assert events(afghanistan, text, "2021-08-14") == set()


def test_a_pronoun_subject_is_the_side_last_told_doing_so(afghanistan):
    text = (
        "Government troops retook Kunduz on Sunday, the army said.\n\n"
        "The Taliban captured Aybak on Monday, officials said.\n\n"
        "Security forces pulled back to the airport. On Tuesday they seized Pul-e Khumri after a short battle.\n"
    )
    # "they": the Taliban, last told taking a town, though security forces were named last.
    takers = {district: taker for district, _, taker in _sides(afghanistan, text, "2021-08-11")}
    assert takers == {"Kunduz": "Afghan government", "Samangan": "Taliban", "Baghlan": "Taliban"}


def test_an_anniversary_told_on_its_day_keeps_its_count(azerbaijan):
    # Counted from "today", the anniversary's own day, the count is a day of its own: a day written in full
    # nearby (the troops' departure) does not replace it.
    text = (
        "Today marks five years since the handover of Kalbajar, and the district celebrates.\n\n"
        "Armenian forces left Kalbajar on 24 November 2020, a day before the deadline, residents recalled.\n"
    )
    assert events(azerbaijan, text, "2025-11-25") == {("Kalbajar District", "completed", "2020-11-24"), ("Kalbajar District", "completed", "2020-11-25")}


def test_the_same_day_as_another_change_dates_both(afghanistan):
    text = (
        "Fighters overran Farah on Tuesday, a council member said.\n\n"
        "They had entered Farah on the same day that they seized Qala-e-Naw and Pul-e Khumri after brief clashes.\n"
    )
    assert events(afghanistan, text, "2021-08-11") == {
        ("Farah", "captured", "2021-08-10"),
        ("Badghis", "captured", "2021-08-10"),
        ("Baghlan", "captured", "2021-08-10"),
    }


def test_a_pronoun_subject_is_the_party_its_sentence_names_before_it(afghanistan):
    text = (
        "The Taliban, in a long statement sent to reporters and diplomats on Saturday morning, said that they had seized Asadabad after overnight fighting.\n"
    )
    assert {(district, taker) for district, _, taker in _sides(afghanistan, text, "2021-08-15")} == {("Kunar", "Taliban")}


@pytest.mark.parametrize(
    ("text", "published", "language"),
    [
        ("Die Feiern zur Rückgabe von Hongkong an China vor 25 Jahren finden am Freitag statt, meldete die Agentur.\n", "2022-07-01", "de"),
        ("В Гонконге 1 июля прошли торжества к 22-годовщине передачи города Китаю, сообщили местные власти.\n", "2019-07-02", "ru"),
        # Ordinals in words or digits: "the fifth anniversary", "25th", "vingtième", "20. Jahrestag", "двадцатую годовщину".
        ("Today, July 1, marks the fifth anniversary of the return of Hong Kong to China, the city's government said.\n", "2002-07-01", "en"),
        ("On July 1 the city held a ceremony for the 20th anniversary of Hong Kong's handover to China, officials said.\n", "2017-07-02", "en"),
        ("Le 1er juillet, la ville a célébré le vingtième anniversaire de la rétrocession de Hong Kong à la Chine, selon les autorités.\n", "2017-07-02", "fr"),
        ("Am 1. Juli feierte die Stadt den 20. Jahrestag der Rückgabe von Hongkong an China, teilten die Behörden mit.\n", "2017-07-02", "de"),
        ("1 июля в городе отметили двадцатую годовщину передачи Гонконга Китаю, сообщили власти.\n", "2017-07-02", "ru"),
    ],
)
def test_an_anniversary_counted_in_years_ago_or_as_an_ordinal(countries, text, published, language):
    # "vor 25 Jahren" and "22-годовщина" count back from the day the sentence tells, as "25 years ago" does.
    assert events(countries, text, published, language) == {("Hong Kong S.A.R.", "completed", "1997-07-01")}


def test_an_anniversary_is_not_counted_from_the_day_it_was_reported(countries):
    # The day of saying is not the anniversary's: the count has no day to start from.
    text = (
        "Leader to visit the city for the anniversary of the handover\n"
        "The president will visit Hong Kong for the 25th anniversary of the city's handover to China, the state news agency reported on Saturday.\n"
    )
    assert events(countries, text, "2022-06-25") == set()


def test_without_the_publication_date_an_anniversary_s_day_gives_no_year_to_count_from():
    # The year the text writes last is the change's own here (2014), not the anniversary's.
    text = (
        "On March 18 the country marks the tenth anniversary of the reunification of Crimea with Russia, officials said in a statement.\n\n"
        "The treaty on the accession was signed in Moscow on March 18, 2014, by the leaders of both sides, the statement recalled.\n"
    )
    assert ("Crimea", "completed", "2004-03-18") not in events(_setup_disputed(), text, None)


def test_a_page_that_lost_the_space_between_paragraphs_still_breaks_before_a_one_letter_word(afghanistan):
    from handover_map.reading import split_sentences

    text = "On Monday the group said it had held talks in Herat.A week earlier its fighters had entered Kandahar."
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == [
        "On Monday the group said it had held talks in Herat.",
        "A week earlier its fighters had entered Kandahar.",
    ]
    # "On Monday" is the talks' day, not the day Kandahar was entered.
    assert ("Kandahar", "completed", "2021-09-20") not in events(afghanistan, text + "\n", "2021-09-21")


def test_a_paragraph_over_a_photo_credit_is_a_caption(azerbaijan):
    # In a gallery each caption sits over its credit line; a caption's date is the photo's, no handover's.
    caption = (
        "A family loads a truck with furniture as residents leave a village before the handover of Kalbajar "
        "to Azerbaijan, Nov. 18, 2020, in the mountains of the region."
    )
    lead = "Armenia had to hand back three districts under the peace deal, and the army took them over in the following weeks.\n\n"
    assert events(azerbaijan, f"{lead}{caption}\n\nAP Photo\n\n", "2020-12-01") == set()
    assert events(azerbaijan, f"{lead}{caption}\n\n", "2020-12-01") != set()
    # A lede of several sentences over its photo's credit is prose, not a caption.
    lede = (
        "The army entered the Kalbajar district on Wednesday after days of delay, officials said. "
        "Residents had left the villages over the weekend.\nPhoto: Agency / Staff photographer\n\n"
    )
    assert ("Kalbajar District", "2020-11-25") in {(place, day) for place, _, day in events(azerbaijan, lede, "2020-11-26")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The foreign ministry of a neighbouring country welcomed the liberation of the Aghdam district, a statement to the press said.\n", "en"),
        ("Le président a félicité le peuple pour la libération de la région d'Aghdam, a indiqué son bureau dans un communiqué.\n", "fr"),
        ("Der Präsident gratulierte dem Volk zur Befreiung der Region Aghdam, teilte sein Büro in einer Erklärung mit.\n", "de"),
    ],
)
def test_a_reaction_to_a_change_in_the_opening_is_the_news_of_the_day(azerbaijan, text, language):
    # Congratulated on, welcomed: the change was just made, so a report of its day dates it by that day.
    assert {(place, day) for place, _, day in events(azerbaijan, text, "2020-11-20", language)} == {("Agdam District", "2020-11-20")}


def test_befreiung_is_a_change_noun(azerbaijan):
    text = "Die Befreiung von Aghdam am 20. November beendete eine fast drei Jahrzehnte lange Besatzung, erklärte das Ministerium.\n"
    assert {(place, day) for place, _, day in events(azerbaijan, text, "2020-11-21", "de")} == {("Agdam District", "2020-11-20")}


def test_take_back_is_a_change(countries):
    text = "On Monday China will take back Macau from Portugal, officials said in a statement to the press.\n"
    assert events(countries, text, "1999-12-18") == {("Macao S.A.R", "scheduled", "1999-12-20")}


def test_a_first_line_in_sentence_case_is_the_headline(afghanistan):
    # Many outlets write headlines in sentence case: the first line of a text that goes on heads it.
    text = (
        "Taliban fighters enter Kunduz as the army withdraws\n\n"
        "Residents described gunfire through the night and long queues at the city's bakeries, a local reporter said.\n"
    )
    article = parse_article(text, published=dt.date(2021, 8, 8))
    assert article.headline == "Taliban fighters enter Kunduz as the army withdraws"
    assert {(place, day) for place, _, day in events(afghanistan, text, "2021-08-08")} == {("Kunduz", "2021-08-08")}


def test_a_vote_after_its_noun_is_no_change():
    # "за воссоединение с Россией проголосовало": what the vote was for, not a change on the vote's day.
    text = "Напомним, что 16 марта на полуострове прошел референдум, и за воссоединение Крыма с Россией проголосовало большинство жителей.\n"
    assert events(_setup_disputed(), text, "2014-03-21", "ru") == set()


@pytest.mark.parametrize("valley", ["Panjshir-Tal", "Pandschir-Tal"])
def test_a_valley_joined_to_its_name_is_the_place(afghanistan, valley):
    text = f"Die Kämpfer haben das {valley} am Montag vollständig erobert, erklärte ein Sprecher der Gruppe vor Journalisten.\n"
    assert {(place, day) for place, _, day in events(afghanistan, text, "2021-09-07", "de")} == {("Panjshir", "2021-09-06")}


def test_an_aside_in_brackets_does_not_part_a_subject_from_its_verb(afghanistan):
    text = (
        "The Taliban movement (a group listed as a terrorist organisation in several countries, officials note) "
        "seized Asadabad, the capital of Kunar province, on Saturday.\n"
    )
    assert _sides(afghanistan, text, "2021-08-15") == {("Kunar", "", "Taliban")}


def test_a_passive_auxiliary_opening_a_german_clause_makes_its_participle_passive(azerbaijan):
    # "wurde ... befreit": the party named before the participle is not its subject.
    text = (
        "Nach einer Gegenoffensive der aserbaidschanischen Armee wurde die Stadt Zangilan am 20. Oktober "
        "von der armenischen Besatzung befreit, berichtete die Agentur.\n"
    )
    ((place, giver, taker),) = _sides(azerbaijan, text, "2020-10-21", "de")
    assert (place, giver) == ("Zangilan District", "Armenia") and taker != "Armenia"


def test_a_pronoun_subject_right_after_a_german_verb(afghanistan):
    text = (
        "Regierungstruppen eroberten am Mittwoch die Stadt Kundus nach schweren Kämpfen zurück, hieß es aus Kabul.\n\n"
        "Die Taliban nahmen am Donnerstag die Stadt Herat ein, wie ein Provinzrat mitteilte.\n\n"
        "In der Nacht zum Freitag eroberten sie auch Kandahar, die zweitgrößte Stadt des Landes.\n"
    )
    assert ("Kandahar", "", "Taliban") in _sides(afghanistan, text, "2021-08-13", "de")


def test_a_negation_word_inside_a_wording_s_gap_negates_nothing(afghanistan):
    # "sans résistance" between the verb and its object: taken without a fight, not "not taken".
    text = "Les talibans se sont emparés sans résistance dimanche de la ville de Jalalabad, selon des habitants.\n"
    assert {(place, day) for place, _, day in events(afghanistan, text, "2021-08-16", "fr")} == {("Nangarhar", "2021-08-15")}


def test_the_last_troops_are_to_leave_by_monday_is_a_plan_for_the_next_monday():
    # "are to" looks forward, and "the last troops" is no ordinal of a series of changes ("the 18th to fall").
    text = "The last Israeli troops are to leave the Gaza Strip by Monday morning, the army said in a statement.\n"
    assert events(_setup_disputed(), text, "2005-09-11") == {("Gaza", "scheduled", "2005-09-12")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A conditional before a participle of "être" reports a change not yet confirmed: it fell on Friday.
        ("La ville de Mazar-i-Sharif serait tombée vendredi aux mains des talibans, selon des sources locales.\n", {("Balkh", "2021-08-13")}),
        # Before a passive it stays a hypothesis: the city would be handed over.
        ("La ville de Mazar-i-Sharif serait remise vendredi aux talibans, selon des sources locales.\n", set()),
        ("Si les renforts n'arrivent pas, Mazar-i-Sharif serait tombée vendredi, selon un député de la province.\n", set()),
    ],
)
def test_a_french_conditional_before_a_participle_of_etre_reports_a_past_change(afghanistan, sentence, expected):
    text = "Les combats ont duré toute la semaine dans le nord du pays, selon les habitants de la région.\n\n" + sentence
    assert {(place, day) for place, _, day in events(afghanistan, text, "2021-08-15", "fr")} == expected


@pytest.mark.parametrize(
    "count",
    ["Today marks 5 years since the liberation.", "Today marks five years since that day."],
)
def test_years_counted_in_the_next_sentence_date_the_change_before_it(azerbaijan, count):
    text = (
        "The day of the city is celebrated across the country this morning with parades and concerts.\n\n"
        f"As a result of the victory in the war, Aghdam was liberated from the occupation. {count}\n"
    )
    assert {(place, day) for place, _, day in events(azerbaijan, text, "2025-11-20")} == {("Agdam District", "2020-11-20")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A duty looks forward from a Friday report: the coming Sunday.
        ("Under the truce, Armenia should return Kalbajar on Sunday, the officials in Moscow said.\n", ("Kalbajar District", "scheduled", "2020-11-15")),
        ("Armenian forces must leave Kalbajar on Sunday, a spokesman for the ministry said.\n", ("Kalbajar District", "scheduled", "2020-11-15")),
        ("Armenia has to hand over Kalbajar on Sunday, the officials said in a statement.\n", ("Kalbajar District", "scheduled", "2020-11-15")),
        # Told in the past ("was set to") or as a duty missed ("should have"), it looks back.
        (
            "Villagers fled on Saturday as the district was set to be handed over to Azerbaijan on Sunday, in Kalbajar.\n",
            ("Kalbajar District", "scheduled", "2020-11-08"),
        ),
        ("Armenia should have handed over Lachin on Monday, the officials complained to reporters.\n", ("Lachin District", "postponed", "2020-11-09")),
    ],
)
def test_a_weekday_after_a_duty_is_the_next_such_day(azerbaijan, text, expected):
    assert events(azerbaijan, text, "2020-11-13") == {expected}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In der Stadt waren am Freitagabend Schüsse zu hören, als sich das Gerücht verbreitete, die Kämpfer hätten das Panjshir-Tal erobert.\n", "de"),
        ("Late on Friday celebratory gunfire rang out as rumours spread that the fighters had captured Panjshir, residents said.\n", "en"),
    ],
)
def test_a_rumour_of_a_capture_is_no_change(afghanistan, text, language):
    assert events(afghanistan, text, "2021-09-04", language) == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In Kundus fielen am Sonntag Schüsse, berichteten Augenzeugen der Nachrichtenagentur.\n", "de"),
        ("Late on Sunday several rockets fell in Kunduz near the airport, witnesses told the agency.\n", "en"),
    ],
)
def test_shots_or_rockets_that_fell_are_no_fall_of_the_place(afghanistan, text, language):
    assert events(afghanistan, text, "2021-08-09", language) == set()


def test_unter_ihre_kontrolle_gebracht_is_a_change(afghanistan):
    text = "Die Kämpfer haben am Sonntag die Stadt Kabul unter ihre Kontrolle gebracht, berichteten Augenzeugen der Agentur.\n"
    assert {(place, day) for place, _, day in events(afghanistan, text, "2021-08-16", "de")} == {("Kabul", "2021-08-15")}


def test_a_first_line_opening_with_a_quote_may_be_the_headline():
    text = "«Талибан» вошел в город и занял дворец\n\nЖители рассказали, что ночью на улицах было тихо, а утром открылись рынки.\n"
    assert parse_article(text).headline == "«Талибан» вошел в город и занял дворец"


def test_a_blank_entry_in_a_vocabulary_is_no_phrase(azerbaijan, monkeypatch):
    """A slip in a lexicon (a blank phrase in a word list) reads as if it were not there, not as an error."""
    import tomllib
    from importlib import resources

    from handover_map import lexicon, reading

    spec = tomllib.loads(resources.files("handover_map").joinpath("lexicons", "en.toml").read_text(encoding="utf-8"))
    for key in ("to_party", "from_party", "deadline_words"):
        spec["words"][key].append(" ")
    monkeypatch.setattr(reading, "load", lambda language: lexicon._parse(spec))
    text = "Armenian forces handed the Kalbajar district over to Azerbaijan on 25 November.\n"
    assert events(azerbaijan, text, "2020-11-26", "en") == {("Kalbajar District", "completed", "2020-11-25")}


def test_a_wildcard_in_a_list_matched_word_for_word_is_an_error_when_the_lexicon_loads():
    """'намечен*' in Russian's plan words never matched a word: a lexicon's author learns it when it loads."""
    import tomllib
    from importlib import resources

    from handover_map import lexicon

    spec = tomllib.loads(resources.files("handover_map").joinpath("lexicons", "ru.toml").read_text(encoding="utf-8"))
    spec["words"]["future"].append("намечен*")
    with pytest.raises(ValueError, match=r"'future' are matched as written; write out намечен\*"):
        lexicon._parse(spec)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A plan's day before a postponement, with its own preposition, is the day put off.
        (
            "Передача Кельбаджарского района, намеченная на 15 ноября, перенесена на 25 ноября.",
            "ru",
            {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")},
        ),
        # The noun "restitution du" is a wording whose plan word may follow it.
        (
            "La restitution du district de Kelbajar, prévue le 15 novembre, a été reportée au 25 novembre.",
            "fr",
            {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")},
        ),
        # Russian plan words written out in full (they were "намечен*", which matched no word): a plan, not a change done.
        ("Передача Кельбаджарского района была запланирована на 15 ноября.", "ru", {("Kalbajar District", "scheduled", "2020-11-15")}),
        ("Передача Кельбаджарского района намечена на 15 ноября.", "ru", {("Kalbajar District", "scheduled", "2020-11-15")}),
        (
            "Передача Кельбаджарского района, назначенная на 15 ноября, перенесена на 25 ноября.",
            "ru",
            {("Kalbajar District", "postponed", "2020-11-15"), ("Kalbajar District", "scheduled", "2020-11-25")},
        ),
    ],
)
def test_a_plan_put_off_in_russian_and_french(azerbaijan, text, language, expected):
    assert events(azerbaijan, text + "\n", "2020-11-16", language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "sont" is the auxiliary of a verb of motion, not a passive: the capital right after the wording is taken.
        ("Les talibans sont entrés dimanche dans Kaboul, la capitale afghane.", "fr", {("Kabul", "completed", "2021-08-15")}),
        # The place before "перешел под контроль", the taker after it.
        ("Кандагар перешел под контроль талибов в пятницу.", "ru", {("Kandahar", "completed", "2021-08-13")}),
        (
            "В пятницу под контроль талибов перешли Кандагар и Гильменд.",
            "ru",
            {("Kandahar", "completed", "2021-08-13"), ("Helmand", "completed", "2021-08-13")},
        ),
    ],
)
def test_a_capital_entered_and_a_province_passing_under_control(afghanistan, text, language, expected):
    assert events(afghanistan, text + "\n", "2021-08-16", language) == expected


@pytest.mark.parametrize("text", ["В пятницу под контроль талибов перешли Кандагар и Гильменд.", "В пятницу под власть талибов перешла провинция Кандагар."])
def test_the_taker_inside_a_wording_after_its_preposition(afghanistan, text):
    gazetteer, capitals, seats = afghanistan
    found = read_report(parse_article(text + "\n", published=dt.date(2021, 8, 16)), gazetteer, language="ru", capitals=capitals, government_seats=seats).events
    assert found and {e.to for e in found} == {"Taliban"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An infinitive with "zu" at its clause's end tells an aim, as "to hand over" does: no change on that day.
        ("Armenien weigerte sich, Agdam am Freitag zu übergeben.", set()),
        ("Armenien versprach, Agdam am Freitag zu übergeben.", set()),
        # ... unless a plan word opens its clause: then a plan.
        ("Armenien hat sich verpflichtet, Agdam bis Freitag zu übergeben.", {("Agdam District", "scheduled", "2020-11-20")}),
    ],
)
def test_a_german_zu_infinitive_is_an_aim_unless_planned(azerbaijan, text, expected):
    assert events(azerbaijan, text + "\n", "2020-11-19", "de") == expected


def test_a_german_denial_written_out_negates(azerbaijan):
    # ("dementiert*" matched no word.)
    text = "Die Armee dementierte den Abzug aus Agdam am Freitag.\n"
    assert events(azerbaijan, text, "2020-11-21", "de") == set()


@pytest.mark.parametrize(
    ("text", "language", "story"),
    [
        ("BAKU, Nov 25 (Agency) - Azerbaijani troops entered Kalbajar on Wednesday, the ministry said.\n", "en", "Azerbaijani troops entered"),
        ("Москва, 25 ноября - Азербайджанская армия вошла в Кельбаджарский район.\n", "ru", "Азербайджанская армия"),
        ("Bakou (Agence) - L'armée est entrée mercredi dans le district de Kalbajar.\n", "fr", "L'armée est entrée"),
        # No dateline: the evidence is the whole sentence.
        ("Kalbajar – a mountain district – was handed over to Azerbaijan on Wednesday.\n", "en", "Kalbajar – a mountain"),
    ],
)
def test_a_lede_s_evidence_is_its_story_not_its_dateline(azerbaijan, text, language, story):
    gazetteer, capitals, seats = azerbaijan
    article = parse_article(text, published=dt.date(2020, 11, 25))
    (event,) = read_report(article, gazetteer, language=language, capitals=capitals, government_seats=seats).events
    assert event.district == "Kalbajar District"
    assert event.evidence.startswith(story)
    assert " ".join(article.text[event.evidence_start : event.evidence_end].split()) == event.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday beside a verb in the past dates that act, even in a sentence that looks forward: the deadline was
        # extended last Sunday, which is not the date put off (no such date is told).
        ("Baku agreed on Sunday to extend the deadline for Kalbajar to 25 November.", {("Kalbajar District", "scheduled", "2020-11-25")}),
        ("On Sunday, Baku agreed to extend the deadline for the handover of Kalbajar until 25 November.", {("Kalbajar District", "scheduled", "2020-11-25")}),
        # The date put off, told before.
        (
            "Kalbajar was due to be handed over on 15 November. Azerbaijan on Sunday extended the deadline for Armenia to leave Kalbajar to 25 November.",
            {
                ("Kalbajar District", "scheduled", "2020-11-15"),
                ("Kalbajar District", "postponed", "2020-11-15"),
                ("Kalbajar District", "scheduled", "2020-11-25"),
            },
        ),
        # A plan's weekday is still the next one: "to be returned", "agreed to hand over".
        ("Lachin is to be returned on Sunday.", {("Lachin District", "scheduled", "2020-11-22")}),
        ("Armenia agreed to hand over Agdam on Friday.", {("Agdam District", "scheduled", "2020-11-20")}),
    ],
)
def test_a_weekday_beside_a_verb_in_the_past_looks_back_in_a_sentence_that_looks_forward(azerbaijan, text, expected):
    assert events(azerbaijan, text + "\n", "2020-11-16", "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        # A name's letters are no language's evidence: English with a German or Spanish name.
        "Taliban fighters captured Herat Sunday, Jürgen Müller reported.",
        "Taliban fighters captured Herat in fierce fighting Sunday, Jürgen Müller reported.",
        "Taliban fighters captured Herat Sunday, José Pérez reported.",
    ],
)
def test_a_foreign_name_s_letters_do_not_change_the_language(text):
    assert detect_language(text) == "en"


def test_a_russian_text_quoting_much_english_is_russian():
    text = "Талибы захватили Кундуз в воскресенье, передает Reuters со ссылкой на Taliban spokesman Zabihullah Mujahid Akhundzada Kandahari."
    assert detect_language(text) == "ru"


@pytest.mark.parametrize(
    "text",
    [
        # A part of a place taken, named with its place after "in": the part, not the place (as in English).
        "Am Sonntag eroberten die Taliban den Flughafen in Kandahar.",
        "Die Taliban haben am Sonntag das Gefängnis in Kundus eingenommen.",
        "Die Regierungstruppen übergaben am Sonntag den Stützpunkt in Helmand an die Taliban.",
    ],
)
def test_a_german_part_in_a_place_is_not_the_place(afghanistan, text):
    assert events(afghanistan, text + "\n", "2021-08-16", "de") == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # One day, the new one, for a postponement: no day put off.
        ("Die Frist für den Abzug aus Kalbadschar wurde bis zum 25. November verlängert.", "de"),
        ("Die Übergabe von Kalbadschar soll auf den 25. November verschoben werden.", "de"),
        ("Armenia will have until November 25 to withdraw from Kalbajar, after Azerbaijan agreed to extend the deadline.", "en"),
        ("Армения должна до 25 ноября вывести войска из Кельбаджара: срок продлён.", "ru"),
        ("La remise de Kelbajar est désormais prévue au 25 novembre, après avoir été reportée.", "fr"),
        # The day of the decision, beside a perfect's auxiliary or participle, is neither the next such day nor the day put off.
        ("Aserbaidschan hat am Sonntag die Frist für den Abzug aus Kalbadschar bis zum 25. November verlängert.", "de"),
        ("Am Sonntag hat Aserbaidschan die Frist für den Abzug aus Kalbadschar bis zum 25. November verlängert.", "de"),
        ("L'Azerbaïdjan a accepté dimanche de prolonger jusqu'au 25 novembre le délai pour le retrait de Kalbajar.", "fr"),
    ],
)
def test_a_postponement_s_only_day_is_its_new_one(azerbaijan, text, language):
    assert events(azerbaijan, text + "\n", "2020-11-16", language) == {("Kalbajar District", "scheduled", "2020-11-25")}


@pytest.mark.parametrize(
    ("text", "language", "taker"),
    [
        # A party after "to" inside a wording's gap is not the taker unless it stands right before the wording's last word.
        ("On Friday Azerbaijani troops drove forces loyal to Armenia out of Lachin.", "en", "Azerbaijan"),
        ("Am Freitag vertrieben aserbaidschanische Truppen die an Armenien gebundenen Kämpfer aus Latschin.", "de", "Azerbaijan"),
        ("Am 20. November gab Armenien den Bezirk Lachin an Aserbaidschan zurück.", "de", "Azerbaijan"),
    ],
)
def test_the_taker_inside_a_wording_stands_right_before_its_last_word(azerbaijan, text, language, taker):
    gazetteer, capitals, seats = azerbaijan
    found = read_report(
        parse_article(text + "\n", published=dt.date(2020, 11, 26)), gazetteer, language=language, capitals=capitals, government_seats=seats
    ).events
    assert [(e.district, e.to) for e in found] == [("Lachin District", taker)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Dashes around an aside, or a sentence opening with a function word: no dateline, the evidence is the whole sentence.
        ("On 20 November, Kalbajar - the second of three districts - was handed over to Azerbaijan by Armenia.", "en"),
        ("Kalbajar (Karvachar) - the district in the mountains - was handed over to Azerbaijan on Friday, officials said.", "en"),
        ("Кельбаджар (Карвачар) — второй из трёх районов — был передан Азербайджану 25 ноября.", "ru"),
        ("Le 25 novembre, Kalbajar - le deuxième district - a été rendu à l'Azerbaïdjan.", "fr"),
    ],
)
def test_a_dash_of_an_aside_is_no_dateline(azerbaijan, text, language):
    gazetteer, capitals, seats = azerbaijan
    article = parse_article(text + "\n", published=dt.date(2020, 11, 26))
    (event,) = read_report(article, gazetteer, language=language, capitals=capitals, government_seats=seats).events
    assert event.evidence == text


@pytest.mark.parametrize(
    "text",
    [
        # Who said it, after the plan's weekday: the weekday still looks forward.
        "Kalbajar will be returned to Azerbaijan on Sunday, Aliyev confirmed on Thursday.",
        "Armenian forces must leave Kalbajar by Sunday, President Aliyev insisted.",
    ],
)
def test_a_speaker_after_a_plan_s_weekday_does_not_turn_it_back(azerbaijan, text):
    assert {day for _, _, day in events(azerbaijan, text + "\n", "2020-11-12", "en")} == {"2020-11-15"}


@pytest.mark.parametrize(
    ("text", "language", "district", "taker"),
    [
        ("Под контроль талибов в пятницу перешел Кандагар.", "ru", "Kandahar", "Taliban"),
        ("Armenien gab Kalbadschar an Aserbaidschan am Mittwoch zurück.", "de", "Kalbajar District", "Azerbaijan"),
    ],
)
def test_the_taker_inside_a_wording_before_its_day(afghanistan, azerbaijan, text, language, district, taker):
    gazetteer, capitals, seats = afghanistan if language == "ru" else azerbaijan
    found = read_report(
        parse_article(text + "\n", published=dt.date(2021, 8, 14)), gazetteer, language=language, capitals=capitals, government_seats=seats
    ).events
    assert [(e.district, e.to) for e in found] == [(district, taker)]


def test_a_text_of_one_short_sentence_is_its_own_story(afghanistan):
    # Five words: no paragraph was long enough to be prose, so the whole text was page furniture.
    assert events(afghanistan, "Талибы захватили Кандагар в пятницу.\n", "2021-08-16", "ru") == {("Kandahar", "captured", "2021-08-13")}
    # Beside a paragraph of prose, short lines are still furniture ("Share this.").
    article = parse_article("Share this story.\n\nThe Taliban captured Kandahar on Friday after days of fighting, officials said.\n")
    assert [p.body for p in article.paragraphs] == [False, True]


def test_a_latin_surname_made_from_a_place_is_no_place_in_any_language(afghanistan):
    text = "Талибы захватили Кундуз в воскресенье, сообщил их представитель Mohammad Akhundzada Kandahari.\n"
    assert events(afghanistan, text, "2021-08-16", "ru") == {("Kunduz", "captured", "2021-08-15")}


@pytest.mark.parametrize(
    "text",
    [
        # The weekday opens its clause after an opener or a dateline: the day of agreeing, not a day put off.
        "However, on Sunday, Azerbaijan agreed to extend the deadline for Armenia to leave Kalbajar until November 25.",
        "BAKU, Nov 16 (Agency) - On Sunday, Azerbaijan agreed to extend the deadline for Armenia to leave Kalbajar until November 25.",
        "BAKOU, 16 novembre (Agence) - Dimanche, Bakou a accepté de reporter au 25 novembre la remise de Kalbajar.",
    ],
)
def test_a_weekday_opening_a_clause_after_an_opener_or_dateline_dates_the_agreement(azerbaijan, text):
    assert events(azerbaijan, text + "\n", "2020-11-16") == {("Kalbajar District", "scheduled", "2020-11-25")}


@pytest.mark.parametrize(
    ("text", "story"),
    [
        # A dateline with a date or a place in capitals stays one, whatever dashes follow; "THE HAGUE" is a place.
        ("KABUL, Aug 16 (Agency) - The Taliban captured Kandahar - the country's second city - on Friday, officials said.", "The Taliban captured"),
        ("THE HAGUE, Aug 16 (Agency) - The Taliban captured Kandahar on Friday, officials said.", "The Taliban captured"),
    ],
)
def test_a_strong_dateline_is_cut_whatever_follows(afghanistan, text, story):
    gazetteer, capitals, seats = afghanistan
    (event,) = read_report(parse_article(text + "\n", published=dt.date(2021, 8, 16)), gazetteer, capitals=capitals, government_seats=seats).events
    assert event.evidence.startswith(story)


@pytest.mark.parametrize(
    "text",
    [
        # Captions, and a list of headlines, are no story even where no paragraph is long.
        "Photo: Taliban fighters enter Herat on Thursday after capturing the city.\n",
        "Taliban fighters in Kandahar, which fell on Friday.\nPhoto: AFP\n",
        "Related stories:\nTaliban seize Lashkar Gah.\nKandahar falls overnight.\nGhazni governor arrested.\n",
    ],
)
def test_short_captions_and_headline_lists_are_no_story(afghanistan, text):
    assert events(afghanistan, text, "2021-08-16", "en") == set()


@pytest.mark.parametrize(
    "text",
    [
        # A promise is a plan, and its weekday the next one.
        "Armenia promised to hand over Kalbajar on Sunday.",
        "Armenia pledged to withdraw from Kalbajar by Sunday.",
        "Armenia pledged to complete the handover of Kalbajar on Sunday.",
    ],
)
def test_a_promise_is_a_plan(azerbaijan, text):
    assert events(azerbaijan, text + "\n", "2020-11-12", "en") == {("Kalbajar District", "scheduled", "2020-11-15")}


@pytest.mark.parametrize("text", ["Food prices fell in Herat on Thursday.", "Temperatures fell sharply in Kabul on Sunday."])
def test_something_falling_in_a_place_is_no_fall_of_the_place(afghanistan, text):
    assert events(afghanistan, text + "\n", "2021-08-16", "en") == set()
