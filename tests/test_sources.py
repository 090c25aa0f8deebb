"""The pinned boundary sources: manifest, mirror, cache and checksums."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import MIRROR, SHARED
from handover_map import BoundaryDataError, DownloadError, sources


def test_manifest_matches_the_mirror_readme():
    readme = (SHARED / "geodata" / "README.md").read_text()
    for source in sources.sources().values():
        assert source.sha256 in readme and source.url in readme and source.file in readme
        assert re.search(r"/[0-9a-f]{40}/", source.url), source.url  # pinned to a commit


def test_every_source_verifies_from_the_mirror():
    for source_id, source in sources.sources().items():
        path = sources.fetch(source_id)
        assert path == MIRROR / source.file
        assert sources.sha256_of(path) == source.sha256


def test_a_tampered_mirror_file_is_refused(tmp_path, monkeypatch):
    source = sources.get_source("geoboundaries-aze-adm2")
    tampered = tmp_path / source.file
    shutil.copy(MIRROR / source.file, tampered)
    with tampered.open("ab") as handle:
        handle.write(b" ")
    monkeypatch.setenv("HANDOVER_MAP_DATA_DIR", str(tmp_path))
    with pytest.raises(DownloadError, match="mirrored copy .* refusing it"):
        sources.fetch("geoboundaries-aze-adm2")


def test_the_cache_is_used_when_the_mirror_lacks_a_file(tmp_path, monkeypatch):
    source = sources.get_source("geoboundaries-aze-adm2")
    cache = tmp_path / "cache"
    (cache / "geodata").mkdir(parents=True)
    shutil.copy(MIRROR / source.file, cache / "geodata" / source.file)
    monkeypatch.setenv("HANDOVER_MAP_DATA_DIR", str(tmp_path / "empty-mirror"))
    monkeypatch.setenv("HANDOVER_MAP_CACHE_DIR", str(cache))
    assert sources.status(source) == "cached"
    assert sources.fetch(source.id) == cache / "geodata" / source.file


def test_no_network_and_no_mirror_is_one_clear_error(tmp_path, monkeypatch):
    # Port 9 (discard) on loopback refuses the connection: a real network failure.
    unreachable = sources.Source(**{**sources.get_source("ne-50m-countries").__dict__, "url": "http://127.0.0.1:9/x.json"})
    monkeypatch.setattr(sources, "sources", lambda: {unreachable.id: unreachable})
    monkeypatch.setenv("HANDOVER_MAP_DATA_DIR", str(tmp_path / "empty-mirror"))
    monkeypatch.setenv("HANDOVER_MAP_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(DownloadError, match="Could not download .* HANDOVER_MAP_DATA_DIR"):
        sources.fetch(unreachable.id)
    assert not any(Path(tmp_path / "cache").rglob("*.json"))


def test_unknown_source_ids_list_the_known_ones():
    with pytest.raises(BoundaryDataError, match="geoboundaries-aze-adm2"):
        sources.resolve("no-such-source")
