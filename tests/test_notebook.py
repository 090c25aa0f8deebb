"""The walkthrough notebook runs, and its .ipynb and .py twins agree."""

from __future__ import annotations

import os
import subprocess
import sys

import jupytext

from conftest import MIRROR, REPO

NOTEBOOK = REPO / "notebooks" / "walkthrough.py"


def test_walkthrough_runs_end_to_end(tmp_path):
    result = subprocess.run(
        [sys.executable, NOTEBOOK.name],
        cwd=NOTEBOOK.parent,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR), "WALKTHROUGH_OUTPUT": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "walkthrough.html").stat().st_size > 100_000
    assert "2020-12-02 {'Agdam': 'transferred', 'Kalbajar': 'transferred', 'Lachin': 'overdue'}" in result.stdout


def test_ipynb_is_paired_with_the_script():
    script = jupytext.read(NOTEBOOK)
    paired = jupytext.read(NOTEBOOK.with_suffix(".ipynb"))
    assert [c.source for c in script.cells] == [c.source for c in paired.cells]
