"""Which articles are not in English: newslib's stopwords, lexicons and quote rules read English
only, so an article in another language is kept but flagged, with the language it reads as.

Why flag and not drop: a researcher who saved an Italian page with the English ones should see
it in the corpus and decide; a silent drop, or English rules run silently on Italian, would both
mislead. Why function words: every text in a language is full of its articles, prepositions
and conjunctions, whatever it is about, and counting a few dozen of them costs one pass of a
regular expression (about a tenth of a second over the BBC corpus). An English page that is
mostly a list (a recipe, a team sheet) has few English function words but none of another
language, so it is never flagged; a page in another script is named by its script.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import data_rows
from ..records import Problem

__all__ = ["NOT_ENGLISH", "language_of", "not_english"]

#: the words of every such warning's reason, by which notebooks count them
NOT_ENGLISH = "not English"

#: scripts by their letters' code points, for text mostly outside the Latin alphabet
_SCRIPTS = (("Cyrillic script", 0x0400, 0x052F), ("Greek", 0x0370, 0x03FF), ("Hebrew", 0x0590, 0x05FF),
            ("Arabic script", 0x0600, 0x06FF), ("Devanagari script", 0x0900, 0x097F), ("Bengali", 0x0980, 0x09FF),
            ("Thai", 0x0E00, 0x0E7F), ("Georgian", 0x10A0, 0x10FF), ("Korean", 0x1100, 0x11FF),
            ("Japanese", 0x3040, 0x30FF), ("Chinese or Japanese", 0x4E00, 0x9FFF), ("Korean", 0xAC00, 0xD7AF))
_LETTER_RE = re.compile(r"[^\W\d_]")
_NON_LATIN_RE = re.compile(r"[^\W\d_\u0000-\u036f]")     # a letter past Latin
#: the characters read: the opening of an article tells its language as well as the whole
SAMPLE_CHARS = 2000
#: at least this many words before a verdict: a headline alone says little
MIN_WORDS = 40
#: another language's function words must be at least this share of the words, and more than
#: English's (BBC's English articles: 10–45% English function words, under 2% of any other's)
MIN_SHARE = 0.05


@lru_cache(maxsize=1)
def _function_words() -> tuple[dict[str, str], re.Pattern[str]]:
    """``{word: language}`` from ``function_words.csv`` (a word of two languages: the first)
    and the pattern of a word."""
    out: dict[str, str] = {}
    for row in data_rows("function_words.csv"):
        out.setdefault(row["word"].strip().lower(), row["language"].strip())
    return out, re.compile(r"[^\W\d_]+")


def _script(letters: list[str], total: int) -> str | None:
    """The script most of ``letters`` (those of ``total`` letters outside Latin) are in, when
    they are at least half of ``total``."""
    if len(letters) < total / 2:
        return None
    counts: dict[str, int] = {}
    for ch in letters:
        o = ord(ch)
        for name, lo, hi in _SCRIPTS:
            if lo <= o <= hi:
                counts[name] = counts.get(name, 0) + 1
                break
    if not counts:
        return None
    name, n = max(counts.items(), key=lambda kv: kv[1])
    return name if n >= total / 2 else None


def language_of(text: str) -> str | None:
    """The language ``text`` reads as when it is not English (``None`` for English, or when it
    is too short or too list-like to tell).

    >>> language_of("Il governo ha detto che la legge è stata approvata per il bene della nazione, "
    ...             "e che non ci sono altre strade: il ministro della salute ha parlato alla camera "
    ...             "e ha spiegato che gli ospedali sono pronti per l'inverno, anche se i medici del nord "
    ...             "chiedono più personale per i reparti del pronto soccorso.")
    'Italian'
    >>> language_of("The minister said that the law had been passed for the good of the nation, and "
    ...             "that there was no other way: the health secretary spoke to the house and said the "
    ...             "hospitals were ready for the winter, although doctors in the north asked for more "
    ...             "staff for their emergency wards, as the unions have done for years.") is None
    True
    >>> language_of("서울 시내 극장에서 열린 공연에는 많은 관객이 모였다. " * 8)
    'Korean'
    >>> language_of("北京市政府周二宣布，新的地铁线路将于明年开通，连接市中心和机场。" * 5)
    'Chinese or Japanese'
    """
    sample = text[:SAMPLE_CHARS].lower()
    n_words = sample.count(" ") + sample.count("\n") + 1
    if not sample.isascii():    # (first: Chinese and Japanese put no spaces between words)
        others = _NON_LATIN_RE.findall(sample)
        if len(others) >= 50 and (script := _script(others, len(_LETTER_RE.findall(sample)))) is not None:
            return script
    if n_words < MIN_WORDS:
        return None
    if sample.count(" the ") + sample.count(" of ") + sample.count(" and ") >= 0.04 * n_words:
        return None     # (plainly English: most articles stop here, at the cost of three counts)
    lang, pattern = _function_words()
    counts: dict[str, int] = {}
    for w in pattern.findall(sample):
        if (name := lang.get(w)) is not None:
            counts[name] = counts.get(name, 0) + 1
    english = counts.pop("English", 0)
    if not counts:
        return None
    best, n = max(counts.items(), key=lambda kv: kv[1])
    return best if n > english and n >= MIN_SHARE * n_words else None


def not_english(where: str, language: str) -> Problem:
    """The warning for an article at ``where`` that reads as ``language``.

    >>> not_english("it/page.html", "Italian").reason
    'reads as Italian, not English: kept, but its stopwords, terms and quotes are read with English rules'
    """
    return Problem(where, f"reads as {language}, {NOT_ENGLISH}: kept, but its stopwords, terms and quotes "
                          "are read with English rules", "warning")
