"""The library's exception family and the CLI's exit codes.

Library code raises these; the CLI turns each into one line on stderr and the exit code
named by the exception, so no traceback reaches a user for bad input.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``timeline`` command (documented in the README)."""

    OK = 0
    FAILURE = 1  # an unexpected internal error (a bug: please report it)
    USAGE = 2  # bad option or argument (unknown format, bad date, ...)
    NO_INPUT = 3  # a named source does not exist, or no article could be read
    OUTPUT = 4  # the output could not be written
    STALE = 5  # embed --check: a timeline block of the document is out of date
    PARTIAL = 6  # the output was made, but some inputs could not be read and were skipped
    INTERRUPTED = 130  # Ctrl-C


class TimelineError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code: ExitCode = ExitCode.FAILURE


class UsageError(TimelineError):
    """An option or argument the library cannot act on."""

    exit_code = ExitCode.USAGE


class SourceNotFoundError(TimelineError):
    """A path the user named does not exist."""

    exit_code = ExitCode.NO_INPUT


class NoArticlesError(TimelineError):
    """Nothing readable was found in the sources."""

    exit_code = ExitCode.NO_INPUT


class StrictInputError(TimelineError):
    """An input that could not be read, under ``--strict``: the run stops, writing nothing."""

    exit_code = ExitCode.NO_INPUT


class ArticleReadError(TimelineError):
    """One article could not be read; the run goes on without it."""

    exit_code = ExitCode.NO_INPUT

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class OutputError(TimelineError):
    """The output could not be written."""

    exit_code = ExitCode.OUTPUT


class UnknownFormatError(UsageError):
    """An output format, summariser or other registry name that does not exist."""


class TemplateError(UsageError):
    """A user's template (--template) that does not load or fails to render."""


class EmbedError(UsageError):
    """A briefing whose timeline markers cannot be acted on (missing, unbalanced or nested
    markers, an unknown block option or a bad value); the document is left untouched."""
