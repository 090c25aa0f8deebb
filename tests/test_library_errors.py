"""The library's errors and warnings as a notebook or script sees them (issue 12, item 5).

Errors are plain Python exceptions with ``message`` and ``hint`` of their
own; click appears only in ``cli.py``, which maps them to one line and an
exit code, and shows library warnings only while a command runs.
"""

from __future__ import annotations

import ast
import pickle
import subprocess
import sys
import warnings
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import REPO
from handover_map import BoundaryDataError, DownloadError, HandoverMapError, HandoverMapWarning, InputDataError, OptionError, OutputError, read_events
from handover_map._errors import Interrupted
from handover_map.cli import cli

SOURCES = REPO / "src" / "handover_map"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module and not node.level}


def test_click_is_imported_by_the_command_line_only():
    importers = sorted(path.name for path in SOURCES.glob("*.py") if "click" in _imported_modules(path))
    assert importers == ["cli.py"]


def test_the_library_runs_without_loading_click():
    code = "import sys, handover_map\nfrom handover_map import build, export, notebook, render, snapshot, story\nhandover_map.read_events\nprint('click' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\n"


@pytest.mark.parametrize(
    ("kind", "code"), [(HandoverMapError, 1), (OptionError, 2), (InputDataError, 3), (BoundaryDataError, 4), (DownloadError, 5), (OutputError, 6)]
)
def test_each_error_is_a_plain_exception_with_message_hint_and_exit_code(kind, code):
    error = kind("The table has no rows.", hint="add one row per event.")
    assert not isinstance(error, click.ClickException) and isinstance(error, HandoverMapError)
    assert (error.message, error.hint, error.exit_code) == ("The table has no rows.", "add one row per event.", code)
    assert str(error) == "The table has no rows. Hint: add one row per event."
    copy = pickle.loads(pickle.dumps(error))  # crosses process pools as it is
    assert (type(copy), copy.message, copy.hint) == (kind, error.message, error.hint)


def test_an_error_without_a_hint_is_its_message():
    error = InputDataError("Cannot read the table.")
    assert error.hint is None and str(error) == "Cannot read the table."


def test_an_interruption_is_not_an_input_error():
    stop = Interrupted(2, "Ctrl-C (SIGINT)")
    assert not isinstance(stop, HandoverMapError | click.ClickException)
    assert stop.exit_code == 130 and stop.hint
    assert str(stop) == "Interrupted by Ctrl-C (SIGINT); no output was left half-written. Hint: run the command again to finish it."


def test_a_library_caller_gets_the_hint_as_its_own_field(tmp_path):
    table = tmp_path / "events.csv"
    table.write_text("district,date,kind\nAgdam,20 November,completed\n", encoding="utf-8")
    with pytest.raises(InputDataError) as caught:
        read_events(table)
    assert "Hint:" not in caught.value.message and caught.value.hint
    assert str(caught.value) == f"{caught.value.message} Hint: {caught.value.hint}"


def _blank_rows_and_an_unknown_district(tmp_path: Path) -> Path:
    table = tmp_path / "events.csv"
    table.write_text("district,date,kind\nAtlantis,2020-11-20,completed\n,,\n", encoding="utf-8")
    return table


def test_a_command_shows_warnings_and_one_error_line_then_restores_the_warning_display(tmp_path):
    def keep(*args: object, **kwargs: object) -> None:
        """A notebook's own warning display."""

    with warnings.catch_warnings():
        warnings.showwarning = keep
        warnings.simplefilter("ignore", HandoverMapWarning)
        filters = list(warnings.filters)
        result = CliRunner().invoke(cli, ["export", "--events", str(_blank_rows_and_an_unknown_district(tmp_path)), "-o", str(tmp_path / "t.csv")])
        assert warnings.showwarning is keep and warnings.filters == filters
    lines = result.stderr.splitlines()
    assert result.exit_code == 3, result.stderr
    assert lines[0].startswith("Warning: Ignoring 1 blank row(s)")
    assert len(lines) == 2 and lines[1].startswith("Error: District 'Atlantis' matches no boundary feature") and " Hint: " in lines[1]
