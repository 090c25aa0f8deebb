"""Hostile input to the file and process side (issue 9): nothing leaked, nothing lost.

- No local path in anything written: only file names reach credits, popups,
  tables and images.
- An output that would replace an input is refused, through symbolic and hard
  links too.
- A snapshot's PNG and SVG are written all or nothing.
- Ctrl-C and SIGTERM leave no temporary file and exit 130 / 143 with one line.
- A symbolic link as output is followed; an existing output keeps its mode.
- A corrupted derived cache is rebuilt; mathtext never sees a title.
- Output is byte-identical whatever the working folder or locale.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import geopandas as gpd
import pytest

from conftest import AZE_ADM2, MIRROR, REPO, SHARED, run_command
from handover_map import OutputError, _atomic
from handover_map._atomic import write_files_atomic, write_text_atomic

ARTICLE = SHARED / "articles" / "2020-11-25-kalbajar-handover.txt"
EVENTS = REPO / "geodata" / "events" / "karabakh-2020.csv"
ALIASES = REPO / "geodata" / "aliases.csv"
COUNTRIES = MIRROR / "ne_50m_admin_0_countries.json"
DISPUTED = MIRROR / "ne_10m_admin_0_disputed_areas.json"


def run(*args, cwd: Path | None = None, env: dict | None = None, umask: int | None = None) -> subprocess.CompletedProcess:
    """The command in its own process: only where the process is the point (its umask, its
    locale, a hang guard); elsewhere :func:`conftest.run_command` runs it in this process."""

    def child() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [sys.executable, "-m", "handover_map", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR), **(env or {})},
        preexec_fn=child,
    )


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("Warning:")]


def leftovers(folder: Path) -> list[Path]:
    """Temporary or backup files a write left behind."""
    return [p for p in folder.rglob(".*") if p.suffix in (".tmp", ".bak")]


# -- 1. no local path leaks -------------------------------------------------------------------------


def test_no_local_path_in_any_output(tmp_path):
    home = tmp_path / "home-QX7LEAK"
    downloads = home / "Downloads-ZZ9LEAK"
    downloads.mkdir(parents=True)
    for source in (ARTICLE, AZE_ADM2, ALIASES, COUNTRIES, DISPUTED):
        shutil.copy(source, downloads / source.name)
    out = tmp_path / "out"
    out.mkdir()
    env = {"HOME": str(home), "HANDOVER_MAP_CACHE_DIR": str(home / ".cache" / "handover-map")}
    article = downloads / ARTICLE.name
    inputs = ["--boundaries", downloads / AZE_ADM2.name, "--name-field", "shapeName", "--aliases", downloads / ALIASES.name]
    maps = [
        *inputs,
        "--article",
        article,
        "--context",
        downloads / COUNTRIES.name,
        "--held-area",
        downloads / DISPUTED.name,
        "--held-area-field",
        "BRK_NAME",
        "--held-area-name",
        "Nagorno-Karabakh",
    ]
    results = [
        run_command(["build", *maps, "-o", out / "map.html"], env),
        run_command(["snapshot", *maps, "-o", out / "snap"], env),
        run_command(["extract", article, *inputs, "-o", out / "events.csv"], env),
        run_command(["extract", article, *inputs, "--format", "json", "-o", out / "events.json"], env),
    ]
    stdout = run_command(["extract", article, *inputs, "--format", "json"], env)
    for result in [*results, stdout]:
        assert result.returncode == 0, result.stderr
    written = {p.name: p.read_bytes() for p in out.iterdir()}
    written["stdout"] = stdout.stdout.encode()
    assert set(written) == {"map.html", "snap.png", "snap.svg", "events.csv", "events.json", "stdout"}
    cited = b"Azerbaijan Army Moves into Second District Handed Back by Armenia, 2020-11-25"
    assert cited in written["events.csv"]  # the report's headline and date are the citation...
    assert cited in written["snap.svg"]  # (the SVG carries the credits as text)
    for name, data in written.items():  # ...never a folder, nor the file's name (issue 11)
        for secret in (b"LEAK", ARTICLE.name.encode(), str(home).encode(), str(Path.home()).encode() + b"/", str(tmp_path).encode()):
            assert secret not in data, (name, secret)


# -- 2. an output never replaces an input ----------------------------------------------------------


def _shapefile(folder: Path) -> Path:
    path = folder / "districts.shp"
    gpd.read_file(AZE_ADM2)[["shapeName", "geometry"]].to_file(path)
    return path


def _inputs(folder: Path) -> dict[str, Path]:
    paths = {}
    for name, source in (
        ("my.csv", EVENTS),
        ("a.txt", ARTICLE),
        ("b.geojson", AZE_ADM2),
        ("al.csv", ALIASES),
        ("c.json", COUNTRIES),
        ("h.json", DISPUTED),
        ("table.svg", EVENTS),
    ):
        paths[name] = folder / name
        shutil.copy(source, paths[name])
    (folder / "link.csv").symlink_to("my.csv")
    (folder / "out-link.csv").symlink_to("my.csv")
    os.link(folder / "my.csv", folder / "hard.csv")
    return paths


OVERWRITES = [
    ("events", ["build", "--events", "my.csv", "-o", "my.csv"], "my.csv"),
    ("events-through-output-symlink", ["build", "--events", "my.csv", "-o", "out-link.csv"], "my.csv"),
    ("events-through-input-symlink", ["build", "--events", "link.csv", "-o", "my.csv"], "my.csv"),
    ("events-hard-link", ["build", "--events", "hard.csv", "-o", "my.csv"], "my.csv"),
    ("events-absolute-path", ["build", "--events", "my.csv", "-o", "{tmp}/my.csv"], "my.csv"),
    ("article", ["build", "--article", "a.txt", "-o", "a.txt"], "a.txt"),
    ("boundaries", ["build", "--boundaries", "b.geojson", "--name-field", "shapeName", "-o", "b.geojson"], "b.geojson"),
    ("aliases", ["build", "--aliases", "al.csv", "-o", "al.csv"], "al.csv"),
    ("context", ["build", "--context", "c.json", "-o", "c.json"], "c.json"),
    ("held-area", ["build", "--held-area", "h.json", "--held-area-field", "BRK_NAME", "--held-area-name", "Nagorno-Karabakh", "-o", "h.json"], "h.json"),
    ("snapshot-svg", ["snapshot", "--events", "table.svg", "-o", "table"], "table.svg"),
    ("extract-article", ["extract", "a.txt", "-o", "a.txt"], "a.txt"),
    ("extract-aliases", ["extract", "a.txt", "--aliases", "al.csv", "-o", "al.csv"], "al.csv"),
    ("extract-boundaries", ["extract", "a.txt", "--boundaries", "b.geojson", "--name-field", "shapeName", "-o", "b.geojson"], "b.geojson"),
]


@pytest.mark.parametrize(("args", "victim"), [case[1:] for case in OVERWRITES], ids=[case[0] for case in OVERWRITES])
def test_an_output_that_is_an_input_is_refused(tmp_path, args, victim):
    paths = _inputs(tmp_path)
    before = paths[victim].read_bytes()
    result = run_command([a.format(tmp=tmp_path) for a in args], cwd=tmp_path)
    assert result.returncode == 6, result.stderr
    (line,) = errors(result.stderr)
    assert line.startswith("Error: The output ") and "would destroy the input" in line and "Hint: choose another -o path." in line
    assert paths[victim].read_bytes() == before
    assert (tmp_path / "out-link.csv").is_symlink()
    assert not leftovers(tmp_path)


def test_a_shapefile_input_protects_its_sidecar_files(tmp_path):
    shapefile = _shapefile(tmp_path)
    table = shapefile.with_suffix(".dbf")
    before = table.read_bytes()
    result = run_command(["build", "--boundaries", shapefile, "--name-field", "shapeName", "-o", table])
    assert result.returncode == 6, result.stderr
    assert table.read_bytes() == before


def test_outputs_beside_the_inputs_are_written(tmp_path):
    paths = _inputs(tmp_path)
    result = run_command(["build", "--events", "my.csv", "--aliases", "al.csv", "-o", "map.html"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert paths["my.csv"].read_bytes() == EVENTS.read_bytes()


# -- 3. multi-file outputs: all or nothing ---------------------------------------------------------


def test_a_snapshot_that_cannot_write_its_svg_leaves_the_png_alone(tmp_path):
    (tmp_path / "snap.png").write_bytes(b"old png")
    (tmp_path / "snap.svg").mkdir()  # the SVG cannot be written
    result = run_command(["snapshot", "-o", tmp_path / "snap"])
    assert result.returncode == 6, result.stderr
    (line,) = errors(result.stderr)
    assert "is a folder" in line and "Hint:" in line
    assert (tmp_path / "snap.png").read_bytes() == b"old png"
    assert not leftovers(tmp_path)


def _fail_on(monkeypatch, suffix: str) -> None:
    """Make the rename onto the file ending in ``suffix`` fail, as a full disk would."""
    replace = os.replace

    def failing(source, target):
        if str(target).endswith(suffix):
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(_atomic.os, "replace", failing)


def test_a_failed_second_rename_restores_the_first_file(tmp_path, monkeypatch):
    first, second, third = tmp_path / "a.png", tmp_path / "a.svg", tmp_path / "a.txt"
    first.write_bytes(b"old png")
    first.chmod(0o600)
    second.write_bytes(b"old svg")
    _fail_on(monkeypatch, ".svg")
    with pytest.raises(OutputError, match="No space left on device"):
        write_files_atomic([(first, b"new png"), (third, b"new text"), (second, b"new svg")])
    assert first.read_bytes() == b"old png" and first.stat().st_mode & 0o777 == 0o600
    assert second.read_bytes() == b"old svg"
    assert not third.exists()  # it did not exist before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "a.svg"]


def test_write_snapshot_is_all_or_nothing(tmp_path, monkeypatch):
    from handover_map.build import prepare_map
    from handover_map.snapshot import write_snapshot

    inputs = prepare_map()
    (tmp_path / "s.png").write_bytes(b"old png")
    _fail_on(monkeypatch, ".svg")
    with pytest.raises(OutputError):
        write_snapshot(inputs, tmp_path / "s", [dt.date(2020, 11, 25)])
    assert (tmp_path / "s.png").read_bytes() == b"old png"
    assert not (tmp_path / "s.svg").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.png"]


# -- 4. Ctrl-C and SIGTERM ----------------------------------------------------------------------------


def _interrupt(tmp_path: Path, command: list, stop: signal.Signals) -> subprocess.CompletedProcess:
    """Run a command that pauses before renaming its outputs (the documented test hook), and stop it then."""
    # The hook pauses every write, the derived-layer cache's too: fill that cache first, so that the
    # outputs are the first files the paused command writes.
    warm = tmp_path / "warm"
    warm.mkdir()
    subprocess.run(
        [sys.executable, "-m", "handover_map", "build", "-o", str(warm / "m.html")],
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR)},
        check=True,
        capture_output=True,
    )
    shutil.rmtree(warm)
    process = subprocess.Popen(
        [sys.executable, "-m", "handover_map", *map(str, command)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR), _atomic.PAUSE_ENV: "60"},
        # a shell's background job ignores SIGINT, and children inherit that: give the command Ctrl-C back
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".*.tmp")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".*.tmp")), "the command never started writing"
    process.send_signal(stop)
    stdout, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize(("stop", "code", "name"), [(signal.SIGINT, 130, "Ctrl-C (SIGINT)"), (signal.SIGTERM, 143, "SIGTERM")], ids=["sigint", "sigterm"])
@pytest.mark.parametrize("command", ["build", "snapshot"])
def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, stop, code, name, command):
    old = {tmp_path / "m.html": b"previous map"} if command == "build" else {tmp_path / "m.png": b"old png", tmp_path / "m.svg": b"old svg"}
    for path, data in old.items():
        path.write_bytes(data)
    result = _interrupt(tmp_path, [command, "-o", tmp_path / ("m.html" if command == "build" else "m")], stop)
    assert result.returncode == code, result.stderr
    (line,) = errors(result.stderr)
    assert line.startswith(f"Interrupted by {name};") and "Hint:" in line
    assert "aborted" not in result.stderr and "Traceback" not in result.stderr
    assert not leftovers(tmp_path)
    assert {path: path.read_bytes() for path in old} == old


@pytest.mark.parametrize("error", [click.Abort(), KeyboardInterrupt()], ids=repr)
def test_an_abort_is_an_interruption_not_a_bug(tmp_path, monkeypatch, error):
    def stop(*args, **options):
        raise error

    monkeypatch.setattr("handover_map.build.prepare_map", stop)  # the command imports it when it runs
    result = run_command(["build", "-o", tmp_path / "m.html"])
    assert result.returncode == 130
    assert result.stderr.strip() == "Interrupted by Ctrl-C (SIGINT); no output was left half-written. Hint: run the command again to finish it."


# -- 5. symbolic links and modes ---------------------------------------------------------------------


def test_a_symlinked_output_writes_its_target_and_keeps_its_mode(tmp_path):
    target = tmp_path / "real" / "map.html"
    target.parent.mkdir()
    target.write_text("previous map")
    target.chmod(0o640)
    link = tmp_path / "link.html"
    link.symlink_to(target)
    result = run_command(["build", "-o", link])
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert target.stat().st_mode & 0o777 == 0o640
    assert not leftovers(tmp_path)


def test_an_output_that_is_a_pipe_is_refused(tmp_path):
    pipe = tmp_path / "map.html"
    os.mkfifo(pipe)
    result = run("build", "-o", pipe)  # its own process: opening the pipe would hang, and the timeout ends it
    assert result.returncode == 6, result.stderr
    (line,) = errors(result.stderr)
    assert "is not a regular file" in line and "Hint:" in line
    assert pipe.is_fifo()


def test_a_new_output_respects_the_umask(tmp_path):
    result = run("build", "-o", tmp_path / "map.html", umask=0o027)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "map.html").stat().st_mode & 0o777 == 0o640


def test_atomic_writes_keep_modes_and_follow_links(tmp_path):
    existing = tmp_path / "existing.txt"
    existing.write_text("old")
    existing.chmod(0o600)
    write_text_atomic(existing, "new")
    assert existing.read_text() == "new" and existing.stat().st_mode & 0o777 == 0o600

    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "created.txt")
    write_text_atomic(dangling, "through the link")
    assert dangling.is_symlink() and (tmp_path / "created.txt").read_text() == "through the link"

    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(OutputError, match="loop"):
        write_text_atomic(loop, "x")

    twin = tmp_path / "twin.svg"
    twin.symlink_to(existing)
    with pytest.raises(OutputError, match="are the same file"):
        write_files_atomic([(existing, b"a"), (twin, b"b")])
    assert existing.read_text() == "new"


# -- 6. caches and snapshot titles ------------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh_cache(tmp_path_factory) -> tuple[Path, bytes]:
    """A cache filled by one build from nothing, and that build's page."""
    folder = tmp_path_factory.mktemp("fresh-cache")
    first = run_command(["build", "-o", folder / "first.html"], {"HANDOVER_MAP_CACHE_DIR": str(folder / "cache")})
    assert first.returncode == 0, first.stderr
    assert "cached layer" not in first.stderr
    return folder / "cache", (folder / "first.html").read_bytes()


@pytest.mark.parametrize("damage", ["truncated", "emptied", "garbage"])
def test_a_corrupted_derived_cache_is_rebuilt_with_a_warning(tmp_path, fresh_cache, damage):
    cache, first = fresh_cache
    shutil.copytree(cache, tmp_path / "cache")
    env = {"HANDOVER_MAP_CACHE_DIR": str(tmp_path / "cache")}
    cached = sorted((tmp_path / "cache" / "derived").glob("*.geojson"))
    assert cached
    for path in cached:
        data = path.read_bytes()
        path.write_bytes({"truncated": data[: len(data) // 2], "emptied": b'{"type":"FeatureCollection","features":[]}', "garbage": b"\x00\xff" * 100}[damage])
    again = run_command(["build", "-o", tmp_path / "again.html"], env)
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("Warning: The cached layer") == len(cached)
    assert (tmp_path / "again.html").read_bytes() == first
    third = run_command(["build", "-o", tmp_path / "third.html"], env)  # rebuilt: no warning any more
    assert third.returncode == 0, third.stderr
    assert "cached layer" not in third.stderr


def test_a_read_only_cache_with_self_contained_is_an_output_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache's folder would be")
    result = run_command(
        ["build", "--self-contained", "-o", tmp_path / "map.html"], {"HANDOVER_MAP_CACHE_DIR": str(blocker / "cache"), "HANDOVER_MAP_OFFLINE": "1"}
    )
    assert result.returncode == 6, result.stderr
    (line,) = errors(result.stderr)
    assert "Cannot write the web assets" in line and "HANDOVER_MAP_CACHE_DIR" in line
    assert not (tmp_path / "map.html").exists()


@pytest.mark.parametrize("title", [r"$\foo$", "a $x$ b", r"\$ and $$ {{ x }}"])
def test_snapshot_titles_are_drawn_literally(tmp_path, title):
    result = run_command(["snapshot", "--title", title, "--date", "2020-11-25", "-o", tmp_path / "s"])
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "s.svg").read_text()
    assert f">{title}</text>" in svg  # one text element, as typed (mathtext would split it into glyphs)


# -- 7. determinism whatever the folder or locale ----------------------------------------------------


#: The console command run once for each list of arguments, in one process (a process per folder and locale, not per command).
COMMANDS = """
import json, sys
from handover_map.cli import main
for args in json.loads(sys.argv[1]):
    sys.argv = ["handover-map", *args]
    try:
        main()
    except SystemExit as stop:
        if stop.code:
            raise
"""


def test_output_is_the_same_from_any_folder_and_locale(tmp_path):
    shared = tmp_path / "articles"
    shared.mkdir()
    shutil.copy(ARTICLE, shared / ARTICLE.name)
    runs = {
        "a": (tmp_path / "a" / "deep", "C", Path("..") / ".." / "articles" / ARTICLE.name),
        "b": (shared, "C.UTF-8", Path(ARTICLE.name)),
    }
    for cwd, locale, article in runs.values():
        cwd.mkdir(parents=True, exist_ok=True)
        commands = [
            ["build", "-o", "default.html"],
            ["snapshot", "-o", "default"],
            ["build", "--article", str(article), "-o", "article.html"],
            ["snapshot", "--article", str(article), "-o", "article"],
        ]
        result = subprocess.run(
            [sys.executable, "-c", COMMANDS, json.dumps(commands)],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=cwd,
            env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR), "LC_ALL": locale, "LANG": locale},
        )
        assert result.returncode == 0, result.stderr
    for name in ("default.html", "default.png", "default.svg", "article.html", "article.png", "article.svg"):
        assert (runs["a"][0] / name).read_bytes() == (runs["b"][0] / name).read_bytes(), name


def test_an_interrupt_right_after_a_temporary_file_is_made_leaves_none(tmp_path, monkeypatch):
    """The moment between making a temporary file and noting it for clean-up: Ctrl-C there left the file behind
    (the interrupted-write test above caught it now and then)."""
    made = _atomic._stage

    def then_interrupted(*args):
        made(*args)
        raise KeyboardInterrupt

    monkeypatch.setattr(_atomic, "_stage", then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        _atomic.write_files_atomic([(tmp_path / "m.png", b"png"), (tmp_path / "m.svg", b"svg")])
    assert list(tmp_path.iterdir()) == []
