"""Public boundary sources: the pinned manifest, checksummed download, cache.

The manifest (``geodata/sources.toml``) names each file's pinned upstream URL,
SHA-256, licence and attribution. :func:`fetch` returns a local path to a
verified copy: from the offline mirror in ``HANDOVER_MAP_DATA_DIR`` when that
folder holds the file, else from the cache, downloading on first use.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import settings
from ._atomic import writable_folder
from ._errors import BoundaryDataError, DownloadError


@dataclass(frozen=True)
class Source:
    """One boundary file named in the manifest."""

    id: str
    file: str
    url: str
    sha256: str
    description: str
    name_field: str
    licence: str
    attribution: str
    role: str

    def credit(self, lang: str) -> str:
        """The credits' line for the file in ``lang``: its role in the page's words, then the
        publisher's credit as written ("Границы: geoBoundaries (www.geoboundaries.org), ...")."""
        from .words import words

        return words(lang)(f"credits.{self.role}", file=self.attribution)


@cache
def _manifest() -> dict:
    path = settings.package_geodata_dir() / "sources.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


def sources() -> dict[str, Source]:
    """All sources in the manifest, by id."""
    return {key: Source(id=key, **fields) for key, fields in _manifest()["sources"].items()}


def default_case() -> dict[str, str]:
    """What ``handover-map build`` maps when given no events or boundaries."""
    return dict(_manifest()["default"])


def get_source(source_id: str) -> Source:
    """Look a source up by id, failing with the list of known ids."""
    known = sources()
    if source_id not in known:
        raise BoundaryDataError(
            f"No boundary source called '{source_id}'.",
            hint=f"use one of: {', '.join(sorted(known))} (see `handover-map data list`), or a file path.",
        )
    return known[source_id]


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _checked(path: Path, source: Source, where: str) -> Path:
    actual = sha256_of(path)
    if actual != source.sha256:
        raise DownloadError(
            f"{where} copy of {source.file} has SHA-256 {actual[:12]}..., expected {source.sha256[:12]}...: refusing it.",
            hint=f"delete {path} and run `handover-map data fetch {source.id}`, or replace it with the pinned upstream file.",
        )
    return path


def mirrored_path(source: Source) -> Path | None:
    """The source's file in the offline mirror, if the mirror holds it."""
    mirror = settings.mirror_dir()
    if mirror is None:
        return None
    candidate = mirror / source.file
    return candidate if candidate.is_file() else None


def cached_path(source: Source) -> Path:
    """Where the cache keeps the source's file (it may not be there yet)."""
    return settings.cache_dir() / "geodata" / source.file


def fetch(source_id: str, *, progress: bool = False) -> Path:
    """Return a local, checksum-verified path to a source's file.

    Parameters
    ----------
    source_id
        Key of the source in the manifest, e.g. ``"geoboundaries-aze-adm2"``.
    progress
        Show a progress bar while downloading.

    Raises
    ------
    DownloadError
        When a mirrored or cached copy fails its checksum, or the download fails.
    OutputError
        When the cache cannot be written.
    """
    source = get_source(source_id)
    mirrored = mirrored_path(source)
    if mirrored is not None:
        return _checked(mirrored, source, "The mirrored")
    target = cached_path(source)
    if target.is_file():
        return _checked(target, source, "The cached")
    if settings.offline():
        where = f"the mirror {settings.mirror_dir()} or " if settings.mirror_dir() else ""
        raise DownloadError(
            f"{source.file} is not in {where}the cache, and {settings.OFFLINE_ENV} forbids downloading it.",
            hint=f"set {settings.DATA_DIR_ENV} to a folder holding the file, or unset {settings.OFFLINE_ENV}.",
        )
    writable_folder(target.parent, f"the download of {source.file}")
    import pooch  # only a download needs it

    pooch.get_logger().setLevel("WARNING")  # our own errors say what failed; progress shows in `data fetch`
    try:
        fetched = pooch.retrieve(
            source.url,
            known_hash=f"sha256:{source.sha256}",
            fname=source.file,
            path=target.parent,
            progressbar=progress,
        )
    except ValueError as error:  # pooch's checksum mismatch
        raise DownloadError(
            f"The download of {source.file} failed its SHA-256 check ({error}).",
            hint="the upstream file changed; report it, or point HANDOVER_MAP_DATA_DIR at a verified mirror.",
        ) from None
    except Exception as error:  # noqa: BLE001 - network failures come in many classes
        mirror_hint = f" (it holds no {source.file})" if settings.mirror_dir() else ""
        raise DownloadError(
            f"Could not download {source.file} from {source.url}: {type(error).__name__}.",
            hint=f"check the network, or set {settings.DATA_DIR_ENV} to a folder holding the file{mirror_hint}.",
        ) from None
    return Path(fetched)


def status(source: Source) -> str:
    """Where a source's file would come from right now, without fetching it."""
    if mirrored_path(source) is not None:
        return "mirror"
    if cached_path(source).is_file():
        return "cached"
    return "not downloaded"


def resolve(boundaries: str | Path) -> tuple[Path, Source | None]:
    """Turn a ``--boundaries`` value (source id or path) into a local path.

    Returns the path and the manifest entry, if the value named one.
    """
    text = str(boundaries)
    if text in sources():
        return fetch(text), get_source(text)
    path = Path(text)
    if not path.exists():
        raise BoundaryDataError(
            f"Boundary file '{text}' does not exist.",
            hint=f"give a path to a GeoJSON, GeoPackage or Shapefile, or a source id ({', '.join(sorted(sources()))}).",
        )
    return path, None
