"""The walkthrough notebook runs as a notebook (an ipykernel kernel, through
nbclient, offline), its stored outputs are current and name no local folder,
and its .ipynb and .py twins agree.

After changing the notebook or what it shows, store its outputs again with
``.venv/bin/python tests/test_notebook.py`` (the offline mirror beside the checkout is found without a variable).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "walkthrough.ipynb"
SCRIPT = NOTEBOOK.with_suffix(".py")

#: folium's element ids are random, and a plain object's repr holds its address; everything else a run shows is reproducible.
_RANDOM_IDS = re.compile(r"[0-9a-f]{32}|\b0x[0-9a-f]+\b")


def execute(cwd: Path) -> nbformat.NotebookNode:
    """The notebook, run from the top in a fresh kernel working in ``cwd``."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return notebook


def _shown(notebook: nbformat.NotebookNode) -> list[list[str]]:
    """What each code cell shows: its text, tables and pages, folium's random ids set aside.

    Consecutive text on one stream is one text: the kernel sends what a cell prints in
    as many messages as its flushes, and a busy machine flushes more often."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        shown: list[str] = []
        stream: str | None = None
        for output in cell.outputs:
            if output.output_type == "stream" and output.name == stream:
                shown[-1] += output.text
            elif output.output_type == "stream":
                shown.append(f"{output.name}: {output.text}")
            elif output.output_type in ("execute_result", "display_data"):
                shown += [f"{kind}: {_RANDOM_IDS.sub('ID', value)}" for kind, value in sorted(output.data.items())]
            else:
                shown.append(json.dumps(output))
            stream = output.name if output.output_type == "stream" else None
        cells.append(shown)
    return cells


def test_the_notebook_runs_in_a_kernel_offline_and_its_stored_outputs_are_current(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOVER_MAP_OFFLINE", "1")  # the kernel inherits it: nothing may be downloaded
    fresh = execute(tmp_path)
    shown = _shown(fresh)
    assert not any("Traceback" in line or "Warning" in line for cell in shown for line in cell)
    pages = [line for cell in shown for line in cell if line.startswith("text/html:")]
    assert any("<iframe srcdoc=" in page and "hm-slider" in page and "sandbox=" in page for page in pages)  # HandoverMap, inline
    assert any("HandoverLayer" in page or "hm-slider" in page for page in pages[-1:])  # the user's own folium map with the layer
    assert (tmp_path / "output" / "two-districts.html").stat().st_size > 100_000  # saved self-contained
    assert shown == _shown(nbformat.read(NOTEBOOK, as_version=4)), "stored outputs are stale: run `python tests/test_notebook.py`"


def test_the_stored_notebook_shows_its_outputs_and_names_no_local_folder():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    assert all(cell.outputs for cell in code[1:])
    text = NOTEBOOK.read_text(encoding="utf-8")
    for folder in ("/work/", "/tmp/", "/root/", "/home/", str(REPO), str(Path.home())):
        assert folder not in text


def test_ipynb_is_paired_with_the_script():
    script = jupytext.read(SCRIPT)
    paired = jupytext.read(NOTEBOOK)
    assert [c.source for c in script.cells] == [c.source for c in paired.cells]


if __name__ == "__main__":
    # Store the outputs of a fresh run, with the cells the script twin holds.
    source = jupytext.read(SCRIPT)
    nbformat.write(source, NOTEBOOK)
    with tempfile.TemporaryDirectory() as folder:
        executed = execute(Path(folder))
    executed.metadata.pop("language_info", None)  # the interpreter's exact version: not the notebook's business
    for cell in executed.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(executed, NOTEBOOK)
