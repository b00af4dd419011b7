"""Words for messages: counts said right ("1 file", "2,225 articles").

At the bottom of the layers, so that every module that writes a sentence for a reader (terms,
display, notebook, report, cli) says counts the same way.
"""

from __future__ import annotations

__all__ = ["plural"]


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the word, in the singular for one.

    >>> plural(1, "file"), plural(2, "file"), plural(0, "entry"), plural(1_200, "speech")
    ('1 file', '2 files', '0 entries', '1,200 speeches')
    >>> plural(3, "person", "people")
    '3 people'
    """
    if n == 1:
        return f"1 {word}"
    if many is None:
        if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
            many = word[:-1] + "ies"
        elif word.endswith(("s", "x", "ch", "sh")):
            many = word + "es"
        else:
            many = word + "s"
    return f"{n:,} {many}"
