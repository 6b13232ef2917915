"""One exception hierarchy; the CLI and the API translate it at the edges."""

from __future__ import annotations


class CounterclaimError(Exception):
    """Base of every error counterclaim raises on purpose."""

    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class InputError(CounterclaimError):
    """An input file or stream cannot be read as a document."""

    def __init__(self, source: str, reason: str, *, hint: str | None = None) -> None:
        super().__init__(f"{source}: {reason}", hint=hint)
        self.source = source
        self.reason = reason


class SettingsError(CounterclaimError):
    """An unknown setting or a setting with an invalid value."""


class StoreError(CounterclaimError):
    """The database cannot be opened or written."""


class NotFoundError(CounterclaimError):
    """A document, claim or incident id that is not in the store."""


class KnowledgeBaseError(CounterclaimError):
    """A knowledge-base or lexicon data file is malformed."""
