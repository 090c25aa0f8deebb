"""Errors a user can cause, each with an exit code per category.

They subclass :class:`click.ClickException`, so the CLI prints one line
(``Error: what is wrong. Hint: what to do``) and exits with the category's
code; library callers can catch :class:`HandoverMapError`.
"""

from __future__ import annotations

import click


class HandoverMapError(click.ClickException):
    """Base class: a failure the user can fix. Exit code 1."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.hint = hint
        super().__init__(f"{message} Hint: {hint}" if hint else message)


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


class Interrupted(click.ClickException):
    """The command was stopped by a signal (Ctrl-C, ``kill``): exit code 128 + the signal's number.

    Not a :class:`HandoverMapError`: nothing is wrong with the input. The CLI
    prints it as one line and removes any temporary file first.
    """

    def __init__(self, signal_number: int, signal_name: str) -> None:
        super().__init__(f"Interrupted by {signal_name}; no output was left half-written.")
        self.exit_code = 128 + signal_number  # type: ignore[misc]  # click reads it from the instance
        self.hint = "run the command again to finish it."


class HandoverMapWarning(UserWarning):
    """Something was repaired or guessed; the CLI prints it as ``Warning: ...``."""
