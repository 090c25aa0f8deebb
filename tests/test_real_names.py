"""benchmarks/real_names.py: the labels' spellings of places, looked up as extraction looks them up."""

from __future__ import annotations

import pytest

from conftest import load_benchmark
from handover_map.gazetteer import Gazetteer
from handover_map.lexicon import load
from handover_map.reading import place_finder


@pytest.fixture(scope="module")
def names():
    return load_benchmark("real_names")


def test_every_labelled_event_gives_its_spelling(names, tmp_path):
    (tmp_path / "h1a-en.toml").write_text(
        '[[report]]\nid = "a"\nboundaries = "geoboundaries-aze-adm2"\nlanguage = "en"\n'
        'events = [["Agdam District", "completed", "2020-11-20", "Armenia", "Azerbaijan", "Aghdam"],'
        ' ["Lachin District", "scheduled", "2020-12-01", "", "", "Lachin corridor"]]\n\n'
        '[[report]]\nid = "b"\nboundaries = "geoboundaries-aze-adm2"\nlanguage = "ru"\nevents = []\n',
        encoding="utf-8",
    )
    (tmp_path / "h2a-en.toml").write_text("", encoding="utf-8")
    assert names.spellings(tmp_path) == [
        ("geoboundaries-aze-adm2", "en", "Agdam District", "Aghdam"),
        ("geoboundaries-aze-adm2", "en", "Lachin District", "Lachin corridor"),
    ]
    assert names.spellings(tmp_path, ["h2a-en"]) == []


def test_a_spelling_is_right_wrong_or_none_by_the_features_it_names(names):
    finder = place_finder(Gazetteer(["Agdam District", "Lachin District", "Kalbajar District"], {}), load("en"))
    assert names.outcome(finder, "Agdam District", "the Aghdam region") == "right"
    assert names.outcome(finder, "Agdam District", "Kelbajar") == "wrong"
    assert names.outcome(finder, "Agdam District", "the occupied territories") == "none"


def test_the_labels_in_the_repository_are_all_read(names):
    rows = names.spellings()
    assert len(rows) > 3000
    assert {language for _, language, _, _ in rows} == {"en", "fr", "de", "ru"}
