"""Write output files atomically: a failed or interrupted write leaves the old file intact.

Each file is written to a temporary file beside its target and renamed over
it; several files (a snapshot's PNG and SVG) are written all or nothing.

- A symbolic link given as output is followed: the file it points to is
  replaced and the link stays a link.
- An existing output keeps its permission mode; a new one gets ``0o666``
  less the umask, like any file a program creates.
- An output that is one of the command's input files is refused
  (:func:`refuse_overwriting_inputs`), and so is one that is a device or a
  pipe, which a rename would replace by a regular file.

Test hook: when the environment variable ``HANDOVER_MAP_TEST_PAUSE_WRITES``
holds a number of seconds, every write pauses that long after its temporary
files are complete and before they are renamed, so that a test can interrupt
a command mid-write. It exists for the test suite only.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from . import settings
from ._errors import OutputError

#: Environment variable of the test hook described above.
PAUSE_ENV = "HANDOVER_MAP_TEST_PAUSE_WRITES"

#: Files that belong to a Shapefile: replacing any of them breaks the boundary file.
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx")


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8, LF line ends) to ``path`` atomically; see :func:`write_bytes_atomic`."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Raises
    ------
    OutputError
        If the folder is missing or not writable, or the path is a folder;
        nothing is left behind.
    """
    return write_files_atomic([(path, data)])[0]


def write_files_atomic(files: list[tuple[str | Path, bytes]]) -> list[Path]:
    """Write several files all or nothing.

    Every file is first written in full to a temporary file beside its
    target; only then are they renamed over the targets. If a rename fails
    (or the process is interrupted), the files already replaced get their
    old content back and the new ones are removed.

    Returns
    -------
    list of Path
        The paths as given.

    Raises
    ------
    OutputError
        If a folder is missing or not writable, a path is a folder, or two
        paths lead to the same file; no output is changed.
    """
    paths = [Path(path) for path, _ in files]
    targets = [_target(path) for path in paths]
    for k, target in enumerate(targets):
        for other in targets[:k]:
            if _same_file(target, other):
                raise OutputError(
                    f"The outputs '{paths[k]}' and '{other}' are the same file.", hint="remove the symbolic link between them, or choose another -o path."
                )
    staged: list[tuple[str, Path]] = []
    # Every temporary file's name, listed before the file exists: an interrupt at any moment leaves none behind.
    temporaries: list[Path] = []
    try:
        for path, target, (_, data) in zip(paths, targets, files):
            staged.append((_stage(path, target, data, temporaries), target))
        _pause_for_tests()
        _commit(staged)
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)  # gone already when renamed
    return paths


def refuse_overwriting_inputs(outputs: Iterable[str | Path], inputs: Iterable[str | Path | None]) -> None:
    """Raise :class:`OutputError` when an output would replace an input file.

    Paths are compared after following symbolic links, and as files (so a
    hard link to an input counts as the input). A Shapefile input protects
    its sidecar files (``.dbf``, ``.shx``, ...) too.
    """
    protected = []
    for given in inputs:
        if given is None:
            continue
        path = Path(given)
        protected.append(path)
        if path.suffix.lower() == ".shp":
            protected += [path.with_suffix(suffix) for suffix in _SHAPEFILE_PARTS]
    for output in outputs:
        target = _target(Path(output))
        for path in protected:
            if _same_file(target, path):
                raise OutputError(f"The output '{output}' is the input file '{path}': writing it would destroy the input.", hint="choose another -o path.")


def writable_folder(folder: Path, what: str) -> Path:
    """Create ``folder`` if needed and check that files can be created in it.

    Raises
    ------
    OutputError
        Naming ``what`` the folder is for, with a hint about the cache setting.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise OutputError(f"Cannot write {what} in '{folder}': {error.strerror}.", hint=f"set {settings.CACHE_DIR_ENV} to a folder you can write to.") from None
    return folder


def _same_file(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): not the same file
        return False


def _target(path: Path) -> Path:
    """The file a write to ``path`` replaces: the end of a symbolic link's chain."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # realpath gives up on a loop
        raise OutputError(f"Output '{path}' is a symbolic link that leads round in a loop.", hint="remove the link, or choose another -o path.")
    return target


def _new_file_mode() -> int:
    # The umask can only be read by setting it: set it straight back.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(path: Path, target: Path, data: bytes, temporaries: list[Path]) -> str:
    """Write ``data`` to a temporary file beside ``target``, with the mode the output will have; its name is added to
    ``temporaries`` before it is created."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Output folder '{folder}' does not exist.", hint="create it first, or choose another -o path.")
    if target.is_dir():
        raise OutputError(f"Output path '{path}' is a folder.", hint="give a file name, e.g. -o map.html.")
    try:
        info = target.stat()
    except FileNotFoundError:
        mode = _new_file_mode()
    except OSError as error:
        raise OutputError(f"Cannot write '{path}': {error.strerror}.", hint="check the path, or choose another -o path.") from None
    else:
        # A rename would replace a device or pipe (even /dev/null, for root) by a regular file.
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"Output '{path}' is not a regular file (a device, pipe or socket).", hint="give the path of a file to create or replace.")
        mode = stat.S_IMODE(info.st_mode)
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
    temporaries.append(temporary)
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise OutputError(f"Cannot write in '{folder}': {error.strerror}.", hint="choose a folder you can write to.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), mode)
    except OSError as error:
        raise OutputError(f"Cannot write '{path}': {error.strerror}.", hint="check the path and free disk space.") from None
    return str(temporary)


def _backup(target: Path, backups: list[Path | None]) -> Path | None:
    """A second name for ``target``'s current content, to restore it, added to ``backups`` before it is made; None if
    it has none."""
    if not target.exists():
        backups.append(None)
        return None
    backup = target.with_name(f".{target.name}.{secrets.token_hex(6)}.bak")
    backups.append(backup)
    try:
        os.link(target, backup)
    except OSError:  # no hard links on this file system: copy instead
        try:
            shutil.copy2(target, backup)
        except OSError as error:
            backup.unlink(missing_ok=True)
            raise OutputError(
                f"Cannot keep a copy of '{target}' while replacing it: {error.strerror}.", hint="check free disk space, or choose another -o path."
            ) from None
    return backup


def _commit(staged: list[tuple[str, Path]]) -> None:
    """Rename the temporary files over their targets; undo them all if one fails."""
    keep_backups = len(staged) > 1  # a single rename is all or nothing by itself
    backups: list[Path | None] = []
    replaced: list[tuple[Path, Path | None]] = []
    try:
        for temporary, target in staged:
            backup = _backup(target, backups) if keep_backups else None
            if keep_backups:  # listed before the rename: undoing a rename that did not happen changes nothing
                replaced.append((target, backup))
            try:
                os.replace(temporary, target)
            except OSError as error:
                raise OutputError(f"Cannot write '{target}': {error.strerror}.", hint="check the path and free disk space.") from None
    except BaseException:
        for target, backup in reversed(replaced):
            with contextlib.suppress(OSError):  # best effort: the error being raised says what went wrong
                if backup is None:
                    target.unlink()
                else:
                    os.replace(backup, target)
        raise
    finally:
        for backup in backups:
            if backup is not None:
                backup.unlink(missing_ok=True)


def _pause_for_tests() -> None:
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        time.sleep(float(seconds))
