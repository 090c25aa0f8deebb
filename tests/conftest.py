"""Shared fixtures: the real data in ../shared, built maps, headless Chromium.

The test data is the offline mirror ``../shared/geodata`` (sources, licences
and checksums in its README and in ``geodata/sources.toml``) and the seed
article in ``../shared/articles``; tests read them in place and copy nothing
into the repository.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MIRROR = Path(os.environ.get("HANDOVER_MAP_DATA_DIR", SHARED / "geodata"))
AZE_ADM2 = MIRROR / "geoBoundaries-AZE-ADM2.geojson"
#: The default map's table: the three handovers told by three reports (20 and 25 November, 1 December 2020).
DEFAULT_EVENTS = REPO / "geodata" / "events" / "karabakh-2020-story.csv"
#: One report alone, the seed report of 25 November 2020 (Lachin still to come): for tests of what one report knows.
ONE_REPORT_EVENTS = REPO / "geodata" / "events" / "karabakh-2020.csv"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(autouse=True)
def _mirror(monkeypatch):
    """Every test reads boundary data from the offline mirror."""
    if not AZE_ADM2.is_file():
        pytest.fail(f"the offline mirror is missing: {MIRROR} (set HANDOVER_MAP_DATA_DIR)")
    monkeypatch.setenv("HANDOVER_MAP_DATA_DIR", str(MIRROR))


@pytest.fixture(scope="session")
def default_map(tmp_path_factory) -> Path:
    """The default map, built self-contained once per session."""
    from handover_map import build_map

    os.environ.setdefault("HANDOVER_MAP_DATA_DIR", str(MIRROR))
    return build_map(tmp_path_factory.mktemp("map") / "default.html", self_contained=True)


def chromium_path() -> str:
    found = os.environ.get("HANDOVER_MAP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        pytest.fail("Chromium is not installed: run `make test`, which installs Debian's chromium")
    return found


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """A fresh headless Chromium profile, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=chromium_path(),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1200, "height": 800},
        )
        yield context
        context.close()


def load_benchmark(name: str):
    """A script of benchmarks/ as a module (they are scripts, not a package), for tests of its pure helpers."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script runs
    spec.loader.exec_module(module)
    return module


def wait_until_still(page) -> None:
    """Wait until the map stands still after a zoom or a pan: no pan animation runs (a view
    outside the region pans back inside its bounds) and no name or popup that left is still
    fading out (Leaflet leaves a removed tooltip or popup in the page, transparent, for 200 ms)."""
    page.wait_for_function(
        "!document.querySelector('.leaflet-pan-anim') && ![...document.querySelectorAll('.leaflet-tooltip, .leaflet-popup')].some(t => t.style.opacity === '0')",
        timeout=5_000,
    )


class OfflinePage:
    """A page in which every non-file request is blocked and recorded."""

    def __init__(self, context, path: Path) -> None:
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.page = context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("requestfailed", lambda request: self.failed.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.handoverMap !== undefined", timeout=10_000)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def js(self, expression: str, arg=None):
        """Evaluate ``expression`` in the page and return its value.

        Leaflet's methods return their map or layer, which Playwright then
        serialises whole (seconds for one call): an expression run only for
        its effect starts with ``void`` or is a function with a block body.
        """
        return self.page.evaluate(expression, arg)

    def settle(self) -> None:
        """Wait until the map stands still (see :func:`wait_until_still`)."""
        wait_until_still(self.page)

    def click_district(self, name: str) -> None:
        """Click a district at its label point (inside its coloured part)."""
        point = self.js(
            """name => {
                const d = handoverMap.districts().find(d => d.name === name);
                const p = handoverMap.map.latLngToContainerPoint(d.labelAt);
                const r = handoverMap.map.getContainer().getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            name,
        )
        self.page.mouse.click(*point)


@pytest.fixture
def open_offline(browser_context):
    """Open a local HTML file with the network blocked; closes it afterwards."""
    pages = []

    def opener(path: Path) -> OfflinePage:
        page = OfflinePage(browser_context, path)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.page.close()


def open_sized(browser_context, path: Path, width: int, height: int = 800, address: str = ""):
    """A new page of ``browser_context`` at a window size, with ``path`` open (``address``: a
    fragment such as ``#date=2020-11-25``) and its map ready; the caller closes it."""
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    page.goto(path.resolve().as_uri() + address)
    page.wait_for_function("window.handoverMap !== undefined")
    return page


@dataclass
class Outcome:
    """What a command run in-process left: its exit code, stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def run_command(args: list, env: dict | None = None, cwd: Path | None = None) -> Outcome:
    """The console command's entry point run in this process (a subprocess costs a second of
    imports per case): its exit code, stdout and stderr, with ``env`` set and ``cwd`` the
    working folder while it runs."""
    argv, previous_handler = sys.argv, signal.getsignal(signal.SIGTERM)
    folder = contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext()
    with folder, CliRunner().isolation(env={"HANDOVER_MAP_DATA_DIR": str(MIRROR), **(env or {})}) as (stdout, stderr, _):
        sys.argv = ["handover-map", *map(str, args)]
        try:
            from handover_map.cli import main  # imported late: collecting the tests stays light

            main()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        finally:
            sys.argv = argv
            signal.signal(signal.SIGTERM, previous_handler)
        return Outcome(code, stdout.getvalue().decode(), stderr.getvalue().decode())
