"""benchmarks/first_contacts.py: the blind batches' first contacts as recorded, one by one and pooled."""

from __future__ import annotations

import pytest

from conftest import load_benchmark


@pytest.fixture(scope="module")
def contacts():
    return load_benchmark("first_contacts")


def test_pooling_counts_whole_events_of_each_batch(contacts):
    # 10 events found 8 of with 10 predictions, and 30 found 15 of with 20: 23 of 40 true, 30 predicted.
    events, precision, recall, f1 = contacts.pooled([(1, 0.8, 0.8, 10), (2, 0.75, 0.5, 30)])
    assert (events, precision, recall) == (40, 23 / 30, 23 / 40)
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_each_numbered_batch_is_read_from_its_results_file(contacts, tmp_path):
    header = "# First contact\n\n43 reports, 41 labelled events\n\n   P R F1 n\n"
    (tmp_path / "2026-11-27-first-contact-h26.txt").write_text(header + "all  0.703  0.634  0.667   41    0.741\n", encoding="utf-8")
    (tmp_path / "2026-11-26-first-contact-h9.txt").write_text(header + "all  0.697  0.688  0.693   77    0.3\n", encoding="utf-8")
    (tmp_path / "2026-11-25-first-contact-dev.txt").write_text(header + "all  0.7  0.1  0.2   127\n", encoding="utf-8")  # no batch number: not blind
    assert contacts.first_contacts(tmp_path) == [(9, 0.697, 0.688, 77), (26, 0.703, 0.634, 41)]


def test_the_recorded_first_contacts_are_all_read(contacts):
    batches = contacts.first_contacts()
    assert [number for number, *_ in batches] == sorted({number for number, *_ in batches})
    assert {2, 26, 27} <= {number for number, *_ in batches}
