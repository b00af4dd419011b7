"""The records every stage passes on: an article, a removed line, a problem, a user's error.

They sit at the bottom of the package and import nothing of newslib, so that readers,
cleaning, tokens, quotes and the cache can all use them without importing one another (see
the layers in ``tests/test_layers.py``). They are small frozen dataclasses, as BBC Citron's and
textacy's records are: values to pass around and compare, never objects with behaviour.

>>> a = Article(id="politics/001", title="Talks end", text="Talks end\\n\\nThe talks ended.")
>>> a.folder, a.n_words
('politics', 5)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "CorpusError", "Problem", "Removed"]


class CorpusError(ValueError):
    """A user's mistake in what was given to :func:`newslib.load_corpus` (one-line message)."""


@dataclass(frozen=True)
class Problem:
    """A file (or metadata row) that was skipped or repaired, and why."""

    path: str
    reason: str
    action: str  # "skipped" | "repaired" | "warning"


@dataclass(frozen=True)
class Removed:
    """One line taken out of an article, with the reason (shown to users, never hidden)."""

    line: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One cleaned article. ``text`` starts with the headline; offsets elsewhere index it."""

    id: str
    title: str
    text: str
    outlet: str = "unknown"
    date: str | None = None
    url: str | None = None
    source_path: str | None = None
    captions: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def folder(self) -> str:
        """The folder part of the id (``politics`` for ``politics/001``; empty at the top)."""
        return self.id.rsplit("/", 1)[0] if "/" in self.id else ""

    @property
    def n_words(self) -> int:
        """Whitespace-separated words of ``text``: a quick size, not the count newslib
        reports (that is the word tokens, :meth:`newslib.Corpus.frame`'s ``words``)."""
        return len(self.text.split())
