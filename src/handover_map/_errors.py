"""Errors a user can cause, each with an exit code per category.

Plain Python exceptions: each has a ``message`` (what is wrong) and a
``hint`` (what to do) of its own; ``str(error)`` joins them into the line the
command line prints (``Error: what is wrong. Hint: what to do``). The
``exit_code`` of each class is data for the command line (``cli.py``), which
alone knows about click; library callers catch :class:`HandoverMapError`.
"""

from __future__ import annotations


class HandoverMapError(Exception):
    """Base class: a failure the user can fix. Exit code 1.

    Parameters
    ----------
    message
        What is wrong, as one sentence.
    hint
        What to do about it, or None.
    """

    exit_code: int = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} Hint: {self.hint}" if self.hint else self.message


class OptionError(HandoverMapError):
    """An option's value cannot be used (a malformed URL, an impossible number). Exit code 2."""

    exit_code = 2


class InputDataError(HandoverMapError):
    """The events table or article is missing, unreadable or inconsistent. Exit code 3."""

    exit_code = 3


class BoundaryDataError(HandoverMapError):
    """The boundary file is missing, unreadable or unfit for a map. Exit code 4."""

    exit_code = 4


class DownloadError(HandoverMapError):
    """A source could not be fetched or failed its checksum. Exit code 5."""

    exit_code = 5


class OutputError(HandoverMapError):
    """The output file could not be written. Exit code 6."""

    exit_code = 6


class Interrupted(Exception):
    """A command was stopped by a signal (Ctrl-C, ``kill``): exit code 128 + the signal's number.

    Not a :class:`HandoverMapError`: nothing is wrong with the input. The CLI
    prints it as one line and removes any temporary file first.
    """

    def __init__(self, signal_number: int, signal_name: str) -> None:
        self.message = f"Interrupted by {signal_name}; no output was left half-written."
        self.hint = "run the command again to finish it."
        self.exit_code = 128 + signal_number
        super().__init__(signal_number, signal_name)

    def __str__(self) -> str:
        return f"{self.message} Hint: {self.hint}"


class HandoverMapWarning(UserWarning):
    """Something was repaired or guessed; the CLI prints it as ``Warning: ...``."""
