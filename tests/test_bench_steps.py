"""The pure helpers of benchmarks/steps.py: sequences, percentiles, paired ratios, sizes, the report."""

from __future__ import annotations

import importlib.util
from itertools import pairwise

import pytest

from conftest import load_benchmark


@pytest.fixture(scope="module")
def steps():
    return load_benchmark("steps")


def test_a_drag_moves_one_day_at_a_time_and_turns_back_at_the_ends(steps):
    days = steps.step_days("adjacent", 5, 30)
    assert len(days) == 30
    assert all(abs(a - b) == 1 for a, b in pairwise(days))
    assert set(days) == set(range(5))  # it reaches both ends and stays within them
    assert steps.step_days("adjacent", 5, 30) == days  # seeded: every tool gets the same steps


def test_a_jump_alternates_the_last_and_first_day(steps):
    assert steps.step_days("jump", 365, 5) == [364, 0, 364, 0, 364]


def test_random_days_stay_in_range_and_never_repeat_in_a_row(steps):
    days = steps.step_days("random", 3, 200)
    assert len(days) == 200 and set(days) <= {0, 1, 2}
    assert all(a != b for a, b in pairwise(days))
    assert steps.step_days("random", 3, 200, seed=2) != days


@pytest.mark.parametrize(("kind", "days"), [("sideways", 10), ("jump", 1)])
def test_a_sequence_that_cannot_be_made_is_refused(steps, kind, days):
    with pytest.raises(ValueError):
        steps.step_days(kind, days, 3)


def test_percentiles_interpolate_between_ranks_like_numpy(steps):
    values = [10.0, 1.0, 4.0, 2.0, 3.0]
    assert steps.percentile(values, 50) == 3.0
    assert steps.percentile(values, 95) == pytest.approx(4 + 0.8 * 6)  # rank 3.8 of 0..4
    assert steps.percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        steps.percentile([], 50)


def test_ratios_pair_each_repeat_and_report_their_range(steps):
    ratios = steps.paired_ratios([2.0, 9.0, 3.0], [4.0, 3.0, 0.0])
    assert ratios == [0.5, 3.0, float("inf")]  # not 14 / 7: a slow repeat is compared with its own
    assert steps.spread(ratios[:2]) == (0.5, 3.0)
    assert steps.span(0.5, 3.0) == "0.50–3.00"
    assert steps.span(1.001, 1.004) == "1.00"
    with pytest.raises(ValueError):
        steps.paired_ratios([1.0], [1.0, 2.0])


def test_sizes_are_raw_gzip_and_brotli_when_it_is_installed(steps):
    data = b"handover " * 1000
    sizes = steps.compressed_sizes(data)
    assert sizes["raw"] == 9000
    assert 0 < sizes["gzip"] < 200
    assert steps.compressed_sizes(data) == sizes  # no timestamp in the gzip header
    if importlib.util.find_spec("brotli"):
        assert 0 < sizes["brotli"] < sizes["gzip"]


def test_the_report_gives_paired_ratios_and_says_what_was_not_run(steps):
    def repeat(cpu: float) -> dict:
        sequence = {"cpu": [cpu, cpu, 2 * cpu], "frame": [16.0, 16.0, 20.0], "process_mean": 10.0}
        return {"ready_ms": 300.0, "heap_mb": 4.0, "errors": [], **dict.fromkeys(steps.SEQUENCES, sequence)}

    def record(cpus: list[float]) -> dict:
        sizes = {"raw": 1000, "gzip": 300, "brotli": 250}
        return {"build_s": 0.1, "html": sizes, "loaded": sizes, "refused": [], "repeats": [repeat(c) for c in cpus]}

    timeline = {**record([1.0, 4.0]), "refused": ["https://cdn.example.org/npm/markers@2/markers.js"]}
    cell = {"N": 100, "T": 365, "tools": {"handover-map": record([2.0, 4.0]), "Timeline": timeline, "TimeSliderChoropleth": {"skipped": "~9 MB estimated"}}}
    meta = {"mode": "quick", "date": "2026-11-26", "commit": "abc", "chromium": "Chromium", "cores": 2, "load_before": (1, 1, 1), "load_after": (1, 1, 1)}
    text = steps.report({**meta, "repeats": 2, "steps": 3, "minutes": 1.0}, [cell], [])
    adjacent = next(line for line in text.splitlines() if "| adjacent | Timeline |" in line)
    assert "**0.50–1.00**" in adjacent  # 1/2 in the first repeat, 4/4 in the second
    assert "not run (~9 MB estimated)" in text
    assert "no page raised an error" in text
    assert "markers.js (Timeline)" in text and "example.org" not in text  # file names, no hosts
    assert "`python benchmarks/steps.py --quick` at commit abc" in text
    # A run with its own cells says how it was started, not that it was a quick run.
    custom = {**meta, "mode": "custom", "command": "python benchmarks/steps.py --n 10000 --tool Timeline"}
    text = steps.report({**custom, "repeats": 2, "steps": 3, "minutes": 1.0}, [cell], [])
    assert "(custom run, 2026-11-26)" in text and "`python benchmarks/steps.py --n 10000 --tool Timeline` at commit abc" in text


def test_a_failed_repeat_is_reported_and_left_out_of_the_pairs(steps):
    sequence = {"cpu": [1.0, 1.0, 1.0], "frame": [16.0, 16.0, 16.0], "process_mean": 10.0}
    good = {"ready_ms": 300.0, "heap_mb": 4.0, "errors": [], **dict.fromkeys(steps.SEQUENCES, sequence)}
    tripled = {**sequence, "cpu": [3.0, 3.0, 3.0]}
    slow = {**good, **dict.fromkeys(steps.SEQUENCES, tripled)}
    sizes = {"raw": 1000, "gzip": 300, "brotli": 250}
    mine = {"build_s": 0.1, "html": sizes, "loaded": sizes, "refused": [], "repeats": [good, good]}
    peer = {**mine, "repeats": [{"failed": "Target crashed"}, slow]}
    gone = {**mine, "repeats": [{"failed": "Timeout 900000ms exceeded."}] * 2}
    cell = {"N": 50_000, "T": 365, "tools": {"handover-map": mine, "Timeline": peer, "TimestampedGeoJson": gone}}
    meta = {"mode": "full", "date": "2026-11-26", "commit": "abc", "chromium": "Chromium", "cores": 2, "load_before": (1, 1, 1), "load_after": (1, 1, 1)}
    text = steps.report({**meta, "repeats": 2, "steps": 3, "minutes": 1.0}, [cell], [])
    timeline = next(line for line in text.splitlines() if "| jump | Timeline |" in line)
    assert "**3.00**" in timeline and "(1 repeat failed)" in timeline
    assert "| jump | TimestampedGeoJson | not run (Timeout 900000ms exceeded.)" in text
