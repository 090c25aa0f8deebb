"""Third-party web assets (Leaflet), pinned and checksummed, never committed.

A map built with ``--cdn`` references them by URL like any folium map. A
self-contained map (the default) inlines them; for that they are fetched
once into the cache (``handover-map assets fetch``, or the first build): with ``npm pack`` from the npm registry when npm is on the
machine, otherwise from the CDN URL that serves the same npm files. Either
way each file must match its pinned SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import settings
from ._atomic import writable_folder
from ._errors import DownloadError, OutputError


@dataclass(frozen=True)
class NpmPackage:
    """A pinned npm package and the files of it the map uses, with SHA-256s."""

    name: str
    version: str
    integrity: str  # the registry's sha512 of the tarball
    files: dict[str, str]

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    def cdn_url(self, file: str) -> str:
        """A CDN URL serving the same file as the npm tarball."""
        return f"https://cdn.jsdelivr.net/npm/{self.spec}/{file}"


#: The Leaflet release folium 0.20 pins.
LEAFLET = NpmPackage(
    name="leaflet",
    version="1.9.3",
    integrity="sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
    files={
        "dist/leaflet.js": "5819285cec137b229c94e1ee5ad73e8b6b84345a4367d60f75fe477fe0fb7b03",
        "dist/leaflet.css": "90b693d86392a4779c861b28cf307e7e59c3fb35328c4d8b95f58f814d38c722",
        "dist/images/layers.png": "1dbbe9d028e292f36fcba8f8b3a28d5e8932754fc2215b9ac69e4cdecf5107c6",
        "dist/images/layers-2x.png": "066daca850d8ffbef007af00b06eac0015728dee279c51f3cb6c716df7c42edf",
        "dist/images/marker-icon.png": "574c3a5cca85f4114085b6841596d62f00d7c892c7b03f28cbfa301deb1dc437",
    },
)

LEAFLET_JS = "dist/leaflet.js"
LEAFLET_CSS = "dist/leaflet.css"


def package_dir(package: NpmPackage) -> Path:
    """Cache folder holding the package's files, laid out as in the tarball."""
    return settings.cache_dir() / "assets" / package.spec


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _complete(package: NpmPackage) -> bool:
    root = package_dir(package)
    return all((root / f).is_file() and _sha256(root / f) == digest for f, digest in package.files.items())


def _fetch_with_npm(package: NpmPackage, npm: str) -> None:
    with tempfile.TemporaryDirectory() as work:
        done = subprocess.run(
            [npm, "pack", package.spec, "--pack-destination", work, "--silent"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        tarballs = list(Path(work).glob("*.tgz"))
        if done.returncode != 0 or len(tarballs) != 1:
            raise DownloadError(
                f"`npm pack {package.spec}` failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}.", hint="check that npm can reach its registry."
            )
        algorithm, expected = package.integrity.split("-", 1)
        actual = base64.b64encode(hashlib.new(algorithm, tarballs[0].read_bytes()).digest()).decode()
        if actual != expected:
            raise DownloadError(
                f"The npm tarball of {package.spec} does not match its pinned integrity.", hint="the registry served other bytes; do not use them."
            )
        root = package_dir(package)
        with tarfile.open(tarballs[0]) as archive:
            for file in package.files:
                member = archive.extractfile(f"package/{file}")
                target = root / file
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(member.read())  # type: ignore[union-attr]  # regular files only
                except OSError as error:
                    raise OutputError(
                        f"Cannot write {package.spec} into the cache: {error.strerror}.", hint=f"set {settings.CACHE_DIR_ENV} to a folder you can write to."
                    ) from None


def _fetch_from_cdn(package: NpmPackage) -> None:
    import pooch  # only a download needs it

    root = package_dir(package)
    for file, digest in package.files.items():
        try:
            pooch.retrieve(package.cdn_url(file), known_hash=f"sha256:{digest}", fname=Path(file).name, path=(root / file).parent)
        except Exception as error:  # noqa: BLE001 - network failures come in many classes
            raise DownloadError(
                f"Could not fetch {package.spec}/{file}: {type(error).__name__}.",
                hint="install npm (it fetches from the npm registry) or check the network; pages built with --cdn need no assets.",
            ) from None


def fetch_assets(package: NpmPackage = LEAFLET) -> Path:
    """Make sure the package's pinned files are cached and verified.

    Returns the cache folder. Raises :class:`DownloadError` when they cannot
    be fetched (or ``HANDOVER_MAP_OFFLINE`` forbids it) or fail their
    checksums, :class:`OutputError` when the cache cannot be written.
    """
    if _complete(package):
        return package_dir(package)
    writable_folder(package_dir(package), f"the web assets ({package.spec})")
    if settings.offline():
        raise DownloadError(
            f"{package.spec} is not in the cache, and {settings.OFFLINE_ENV} forbids downloading it.",
            hint=f"run `handover-map assets fetch` once online, or unset {settings.OFFLINE_ENV}.",
        )
    npm = shutil.which("npm")
    if npm:
        _fetch_with_npm(package, npm)
    else:
        _fetch_from_cdn(package)
    if not _complete(package):
        raise DownloadError(f"The cached files of {package.spec} fail their SHA-256 checks.", hint=f"delete {package_dir(package)} and try again.")
    return package_dir(package)


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()


def inline_leaflet() -> tuple[str, str]:
    """Leaflet's JavaScript and CSS as text to inline in a page.

    Image references in the CSS become data URIs, so the page asks for no
    file beside it.
    """
    root = fetch_assets(LEAFLET)
    script = (root / LEAFLET_JS).read_text(encoding="utf-8")
    css = (root / LEAFLET_CSS).read_text(encoding="utf-8")

    def embed(match: re.Match) -> str:
        image = root / "dist" / match.group(1)
        return f"url({_data_uri(image)})" if image.is_file() else match.group(0)

    return script, re.sub(r"url\((images/[\w.-]+\.png)\)", embed, css)
