"""Write output files atomically: a failed write leaves the old file intact."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ._errors import OutputError


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8, LF line ends) to ``path`` atomically; see :func:`write_bytes_atomic`."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Raises
    ------
    OutputError
        If the folder is missing or not writable; nothing is left behind.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Output folder '{folder}' does not exist.", hint="create it first, or choose another -o path.")
    if path.is_dir():
        raise OutputError(f"Output path '{path}' is a folder.", hint="give a file name, e.g. -o map.html.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"Cannot write in '{folder}': {error.strerror}.", hint="choose a folder you can write to.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"Cannot write '{path}': {error.strerror}.", hint="check the path and free disk space.") from None
    return path
