"""Matching district names across spellings, on the real geoBoundaries names."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pytest

from conftest import AZE_ADM2, DEFAULT_EVENTS, MIRROR
from handover_map import HandoverMapWarning, InputDataError
from handover_map.events import Event, read_events
from handover_map.gazetteer import Gazetteer, core, fold, join_events, read_aliases, skeleton, written_out


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(list(gpd.read_file(AZE_ADM2)["shapeName"]), read_aliases())


@pytest.mark.parametrize(
    ("name", "boundary"),
    [
        ("Agdam", "Agdam District"),
        ("Aghdam", "Agdam District"),
        ("Agdam District", "Agdam District"),
        ("AĞDAM", "Agdam District"),
        ("  agdam   district ", "Agdam District"),
        ("Ağdam rayonu", "Agdam District"),
        ("Akna", "Agdam District"),
        ("Агдам", "Agdam District"),
        ("Kalbajar", "Kalbajar District"),
        ("Kelbajar", "Kalbajar District"),
        ("Kəlbəcər", "Kalbajar District"),
        ("Karvachar", "Kalbajar District"),
        ("Кельбаджар", "Kalbajar District"),
        ("Lachin", "Lachin District"),
        ("Laçın", "Lachin District"),
        ("Berdzor", "Lachin District"),
        ("Stepanakert", "Khankendi City"),
        ("Baku", "Baku City"),
        ("Ağdaş", "Agdash District"),
        ("Agdas", "Agdash District"),
    ],
)
def test_spellings_find_the_district(gazetteer, name, boundary):
    assert gazetteer.match(name).boundary_name == boundary


def test_small_typos_match_fuzzily(gazetteer):
    found = gazetteer.match("Kalbajr")
    assert (found.boundary_name, found.rule) == ("Kalbajar District", "fuzzy")


@pytest.mark.parametrize("name", ["Shusha", "Lankaran", "Shaki"])
def test_a_city_and_a_district_of_one_name_are_ambiguous(gazetteer, name):
    with pytest.raises(InputDataError, match="could be any of"):
        gazetteer.match(name)


@pytest.mark.parametrize("name", ["Paris", "Karabakh", "Dadivank", "Gyumri"])
def test_unknown_names_are_refused_with_candidates(gazetteer, name):
    with pytest.raises(InputDataError, match="matches no boundary feature; closest:"):
        gazetteer.match(name)


def test_neighbouring_names_never_cross(gazetteer):
    assert gazetteer.match("Agdash").boundary_name == "Agdash District"
    assert gazetteer.match("Aghjabadi").boundary_name == "Aghjabadi District"


def test_normal_forms():
    assert fold("Kəlbəcər") == "kalbacar"
    assert core("Lachin District") == "lachin"
    assert skeleton("Aghdam") == skeleton("Agdam")


@pytest.mark.parametrize(
    ("name", "boundary"),
    [
        ("Western Sahara", "W. Sahara"),
        ("West Sahara", "W. Sahara"),
        ("Northern Cyprus", "N. Cyprus"),
        ("Falkland Islands", "Falkland Is."),
        ("South Georgia", "S. Georgia"),
        ("Tiran and Sanafir Islands", "Tiran and Sanafir Is."),
        ("Abu Musa Island", "Abu Musa I."),
    ],
)
def test_abbreviated_natural_earth_names_match_as_written_out(name, boundary):
    names = list(gpd.read_file(MIRROR / "ne_10m_admin_0_disputed_areas.json")["BRK_NAME"])
    assert Gazetteer(names).match(name).boundary_name == boundary


@pytest.mark.parametrize(
    ("name", "boundary"),
    [
        ("Malouines", "Falkland Is."),
        ("Falklandinseln", "Falkland Is."),
        ("Golanhöhen", "Golan Heights"),
        ("Сектор Газа", "Gaza"),
        ("Westsahara", "W. Sahara"),
        ("Haut-Karabakh", "Nagorno-Karabakh"),
        ("Bergkarabach", "Nagorno-Karabakh"),
        ("Нагорный Карабах", "Nagorno-Karabakh"),
    ],
)
def test_the_alias_table_names_disputed_areas_in_other_languages(name, boundary):
    names = list(gpd.read_file(MIRROR / "ne_10m_admin_0_disputed_areas.json")["BRK_NAME"])
    assert Gazetteer(names, read_aliases()).match(name).boundary_name == boundary


def test_names_joined_by_a_plus_name_a_feature_only_together():
    names = list(gpd.read_file(MIRROR / "ne_10m_admin_0_disputed_areas.json")["BRK_NAME"])
    gazetteer = Gazetteer(names, {"Donbass": ["Donbas", "Donetsk + Luhansk"]})
    assert ("Donetsk", "Luhansk") in gazetteer.joint_names["Donbass"]
    assert gazetteer.match("Donbas").boundary_name == "Donbass"
    # Neither name alone, nor the joined alias as one name, is a spelling of the feature.
    assert gazetteer.exact_names("Donetsk") == gazetteer.exact_names("Donetsk + Luhansk") == set()


def test_a_boundary_name_joined_with_and_is_its_names_told_together():
    gazetteer = Gazetteer(["Tiran and Sanafir Is.", "Trinidad & Tobago", "Kalbajar District", "Bosnia and Bosnia"], {})
    # Each name without its abbreviated level; a name that joins none, or one name twice, is no join.
    assert gazetteer.joined_names == {"Tiran and Sanafir Is.": ("tiran", "sanafir"), "Trinidad & Tobago": ("trinidad", "tobago")}


def test_written_out_forms_only_for_names_with_abbreviations():
    assert written_out("Agdam District") == set()
    assert written_out("Pol-e Khomri") == set()  # a letter of a name, not an abbreviation for "east"
    assert written_out("N. Cyprus") == {"north cyprus", "northern cyprus"}


def test_join_groups_events_by_boundary_name():
    names = list(gpd.read_file(AZE_ADM2)["shapeName"])
    joined = join_events(read_events(DEFAULT_EVENTS), names, read_aliases())
    assert {name: len(events) for name, events in joined.items()} == {
        "Agdam District": 1,
        "Kalbajar District": 3,
        "Lachin District": 2,
    }


def test_join_names_every_bad_district_at_once():
    names = list(gpd.read_file(AZE_ADM2)["shapeName"])
    events = [Event("Atlantis", dt.date(2020, 1, 1), "completed"), Event("Shusha", dt.date(2020, 1, 1), "completed")]
    with pytest.raises(InputDataError) as error:
        join_events(events, names)
    assert "Atlantis" in error.value.message and "Shusha" in error.value.message


def test_fuzzy_join_is_reported():
    names = list(gpd.read_file(AZE_ADM2)["shapeName"])
    with pytest.warns(HandoverMapWarning, match="fuzzy"):
        join_events([Event("Kalbajr", dt.date(2020, 1, 1), "completed")], names)


@pytest.mark.parametrize(
    ("name", "sounds_like"),
    [("Latschin", "Lachin District"), ("Zangelan", "Zangilan District"), ("Gubadli", "Qubadli District"), ("Gazakh", "Goychay District or Qazakh District")],
)
def test_a_name_is_never_joined_by_its_sound_alone_but_the_error_says_what_it_sounds_like(gazetteer, name, sounds_like):
    # A name that sounds like a feature is as often another place: Granada is no Grenada, Colombo no Colombia.
    with pytest.raises(InputDataError, match=f"District '{name}' matches no boundary feature; it sounds like {sounds_like}; closest: "):
        gazetteer.match(name)


def test_other_places_that_sound_like_a_feature_stay_unmatched():
    countries = Gazetteer(list(gpd.read_file(MIRROR / "ne_50m_admin_0_countries.json")["ADMIN"]), read_aliases())
    for name, alike in (("Granada", "Grenada"), ("Colombo", "Colombia"), ("Kazakh", "Czechia"), ("Martuni", "Mauritania")):
        assert countries.sound_alike(name) == {alike}
        assert countries.lookup(name) is None, name


def test_natural_earths_abbreviated_names_join_a_file_named_by_its_admin_field():
    # A table (or the alias table) written with Natural Earth's NAME ("Falkland Is.") and a map of its ADMIN ("Falkland Islands").
    countries = Gazetteer(list(gpd.read_file(MIRROR / "ne_50m_admin_0_countries.json")["ADMIN"]), read_aliases())
    for name, admin in (
        ("Falkland Is.", "Falkland Islands"),
        ("W. Sahara", "Western Sahara"),
        ("N. Cyprus", "Northern Cyprus"),
        ("Malvinas", "Falkland Islands"),
    ):
        assert countries.match(name).boundary_name == admin, name
    assert countries.lookup("Falkland") is None  # a part of the name is no abbreviation


@pytest.fixture(scope="module")
def provinces() -> Gazetteer:
    return Gazetteer(list(gpd.read_file(MIRROR / "geoBoundaries-AFG-ADM1_simplified.geojson")["shapeName"]), read_aliases())


@pytest.mark.parametrize(
    ("name", "boundary"),
    # geoBoundaries writes Ghazni "Ghanzi", and the province's full name is Maidan Wardak: aliases.
    [("Ghazni", "Ghanzi"), ("Maidan Wardak", "Wardak")],
)
def test_an_events_table_may_name_afghan_provinces_as_reports_do(provinces, name, boundary):
    found = provinces.match(name)
    assert (found.boundary_name, found.rule) == (boundary, "alias")


def test_a_table_in_other_transliterations_stops_with_what_each_name_sounds_like(provinces):
    events = [Event(name, dt.date(2021, 8, 13), "captured") for name in ("Nimroz", "Hilmand", "Ghazni", "Sari Pul")]
    with pytest.raises(InputDataError) as error:
        join_events(events, provinces.names, read_aliases())
    for told in (
        "'Nimroz' matches no boundary feature; it sounds like Nimruz",
        "'Hilmand' matches no boundary feature; it sounds like Helmand",
        "'Sari Pul' matches no boundary feature; it sounds like Sar-e Pol",
    ):
        assert told in error.value.message
    assert "Ghazni" not in error.value.message


def test_a_name_of_many_abbreviated_words_is_not_written_out_every_way():
    # Each word written out doubles the forms: 23 of them would be 8 million strings (a hostile table or alias table).
    from handover_map.gazetteer import MAX_ABBREVIATED_WORDS, written_out

    assert written_out("N. S. Cyprus") == {f"{a} {b} cyprus" for a in ("north", "northern") for b in ("south", "southern")}
    assert written_out("N." * (MAX_ABBREVIATED_WORDS + 1) + " Cyprus") == set()
    countries = Gazetteer(list(gpd.read_file(MIRROR / "ne_50m_admin_0_countries.json")["ADMIN"]), read_aliases())
    assert countries.lookup("N." * 23) is None


def test_an_abbreviation_for_one_word_is_written_out_for_readers():
    from handover_map.build import _default_title
    from handover_map.cartography import district_label
    from handover_map.events import Event
    from handover_map.gazetteer import spelled_out

    assert spelled_out("Falkland Is.") == "Falkland Islands"
    assert spelled_out("Abu Musa I.") == "Abu Musa Island"
    # A name in capitals keeps them: not "ABU MUSA Island".
    assert [spelled_out(name) for name in ("ABU MUSA I.", "HEARD I. AND MCDONALD IS.", "FALKLAND IS. (Malvinas)")] == [
        "ABU MUSA ISLAND",
        "HEARD ISLAND AND MCDONALD ISLANDS",
        "FALKLAND ISLANDS (Malvinas)",
    ]
    # Two words it may stand for, or no full stop, or inside a word: as written.
    assert [spelled_out(name) for name in ("W. Sahara", "N. Cyprus", "Is Island", "Paris.")] == ["W. Sahara", "N. Cyprus", "Is Island", "Paris."]
    # Before punctuation too; "I." only at the end or before "and": not an initial nor an ordinal.
    assert spelled_out("Senkaku Is., Diaoyu Is. (Diaoyutai Is.)") == "Senkaku Islands, Diaoyu Islands (Diaoyutai Islands)"
    assert [spelled_out(name) for name in ("Charles I. Land", "I. kerület", "Is.", "FALKLAND IS.")] == [
        "Charles I. Land",
        "I. kerület",
        "Is.",
        "FALKLAND ISLANDS",
    ]
    # Letters that change length or case oddly (Turkish dotted I, long s) are left as they are, never an error.
    assert [spelled_out(name) for name in ("Adalar İ.", "Adalar ı.", "Adalar Iſ.")] == ["Adalar İ.", "Adalar ı.", "Adalar Iſ."]
    # Of two spellings, the shorter once written out: not "Heard Island and McDonald Islands".
    heard = [Event("Heard I. and McDonald Is.", dt.date(2000, 1, 1), "completed"), Event("Heard and McDonald Islands", dt.date(2000, 1, 2), "completed")]
    assert district_label("Heard I. and McDonald Is.", heard) == "Heard and McDonald Islands"
    events = [Event("Falkland Is.", dt.date(1982, 4, 2), "captured")]
    assert district_label("Falkland Is.", events) == "Falkland Islands"
    assert _default_title(events) == "Changes of control: Falkland Islands"
