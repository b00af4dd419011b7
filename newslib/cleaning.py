"""Separate an article's body from the page furniture around it.

Scraped articles arrive with navigation breadcrumbs, photo captions (often twice: once under
the picture, once in the gallery), newsletter boxes, share buttons and comment widgets. Counting
those as the outlet's words would distort every statistic downstream, but deleting them silently
would hide what was done. So :func:`clean_text` returns the body *and* a record of every removed
line with the reason, and keeps captions apart (they are editorial text, just not body text).

The rules are general, never tied to one site: a breadcrumb is a short line before the headline
made of joined or separated menu items; a caption is a line carrying a photo credit or repeated
verbatim; a footer starts at a short line matching ``data/boilerplate.csv``. A line that reads as
a sentence (ends with . ? ! or a quotation mark and has more than twelve words) is never treated
as furniture, which is what keeps article bodies whole.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicons import data_rows
from .records import Removed

__all__ = ["CleanResult", "Removed", "boilerplate_reason", "clean_text", "find_date"]

_MAX_FURNITURE_WORDS = 12


@dataclass(frozen=True)
class CleanResult:
    title: str
    text: str
    captions: tuple[str, ...]
    removed: tuple[Removed, ...]


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    rows = []
    for row in data_rows("boilerplate.csv"):
        rows.append((re.compile(rf"(?:{row['pattern']})", re.I), row["reason"], row["kind"]))
    return tuple(rows)


_SEP_RE = re.compile(r"\s(?:>|»|›|\||/|→)\s|^(?:>|»|›)|\s(?:>|»|›)$")
_CAMEL_JOIN_RE = re.compile(r"[a-z][A-Z]")
_HOME_RE = re.compile(r"^Home(?=[A-Z]|\s*[>»›|/])")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$")
_CREDIT_RE = re.compile(
    r"(?:/|\bvia\b|\(|\bPhotos?:|\bCredit:|©)\s*(?:[\w.'-]+\s*/?\s*){0,6}"
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA-EFE|EPA|Getty Images|Getty|Anadolu(?: Agency)?|Sputnik|"
    r"WANA|IRNA|Xinhua|TASS|Shutterstock|Alamy|Pool|Handout|Bloomberg)\b[^.!?]{0,40}\)?\.?\s*$"
)
_URL_ONLY_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_DATE_RES = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(rf"\b(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_ALT})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
)


def find_date(text: str) -> str | None:
    """Return the first full date written in ``text`` as ISO ``YYYY-MM-DD``, or None.

    Used on datelines and captions when no metadata gives a date.

    >>> find_date("Moscow, Russia December 7, 2023. Sputnik/Pool via REUTERS")
    '2023-12-07'
    >>> find_date("7 Dec 2023") , find_date("no date here")
    ('2023-12-07', None)
    """
    if not _YEAR_RE.search(text):
        return None  # every form needs a year: a cheap test first
    best = None
    for rx in _DATE_RES:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else _MONTHS[g["mon"].lower()]
            day = int(g["d"])
            try:
                iso = datetime.date(int(g["y"]), month, day).isoformat()
            except ValueError:
                continue  # 30 February is not a date
            best = (m.start(), iso)
    return best[1] if best else None


def _words(line: str) -> int:
    return len(line.split())


def _is_sentence(line: str) -> bool:
    return _words(line) > _MAX_FURNITURE_WORDS and bool(_SENTENCE_END_RE.search(line))


def _is_breadcrumb(line: str) -> bool:
    if _words(line) > 10 or _SENTENCE_END_RE.search(line):
        return False
    if _SEP_RE.search(line) and len(re.split(r"\s*(?:>|»|›|\||/|→)\s*", line)) >= 2:
        return True
    return bool(_HOME_RE.match(line)) or len(_CAMEL_JOIN_RE.findall(line)) >= 2


_CREDIT_HINT_RE = re.compile(r"REUTERS|Reuters|AFP|\bAP\b|EPA|Getty|Anadolu|Sputnik|WANA|IRNA|Xinhua|TASS|"
                             r"Shutterstock|Alamy|Pool|Handout|Bloomberg")


def _is_caption_credit(line: str) -> bool:
    # the full credit pattern backtracks; most lines name no agency at all, so look for one first
    return _words(line) <= 60 and bool(_CREDIT_HINT_RE.search(line)) and bool(_CREDIT_RE.search(line))


def boilerplate_reason(line: str) -> str | None:
    """Why ``line`` is page furniture (a row of ``data/boilerplate.csv``), or None.

    The quote finder asks it too: a quoted paragraph that is furniture is nobody's words.

    >>> boilerplate_reason("Follow Pam Key on Twitter @pamkeyNEN."), boilerplate_reason("Trade rose.")
    ('author social prompt', None)
    >>> boilerplate_reason('"Follow Pam Key on Twitter @pamkeyNEN."'), boilerplate_reason("Getty/Instagram.")
    ('author social prompt', 'photo credit')
    """
    hit = _match_boilerplate(line)
    return hit[0] if hit else None


def _match_boilerplate(line: str) -> tuple[str, str] | None:
    if _words(line) > _MAX_FURNITURE_WORDS:
        return None
    # (and the quote marks a scrape left around the line: '"Follow Pam Key on Twitter @pamkeyNEN."')
    stripped = line.strip().strip("-–—•*|:").strip().strip('"“”').strip()
    for rx, reason, kind in _boilerplate():
        if rx.fullmatch(stripped):
            return reason, kind
    return None


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def clean_text(raw: str, *, extracted: bool = False) -> CleanResult:
    """Split raw article text into headline, body, captions and removed furniture.

    ``extracted=True`` for text a page extractor already chose as the body (a saved web page):
    a bare link there is a link the article prints (a source, a product), not a share button,
    and a repeated line is content (the extractor drops figure captions); both stay.

    ``raw`` must already be decoded with newlines normalised to ``\\n``. The body keeps the
    article's own paragraphs (blank-line separated); hard-wrapped paragraphs keep their
    single newlines. The headline is the first non-empty line that is not navigation.

    >>> r = clean_text("Home > World > Europe\\n\\nTalks end\\n\\nThe talks ended.\\n\\nSubscribe to our newsletter")
    >>> r.title, r.text
    ('Talks end', 'Talks end\\n\\nThe talks ended.')
    >>> [(x.line, x.reason) for x in r.removed]
    [('Home > World > Europe', 'navigation breadcrumb'), ('Subscribe to our newsletter', 'newsletter prompt')]
    """
    # paragraphs = blocks of consecutive non-empty lines
    lines = [ln.rstrip() for ln in raw.split("\n")]
    removed: list[Removed] = []
    captions: list[str] = []
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.strip():
            key = _norm(ln)
            counts[key] = counts.get(key, 0) + 1

    keep = [bool(ln.strip()) for ln in lines]
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]

    # 1. breadcrumbs: among the first lines, before the headline
    title_idx = None
    for i in nonempty[:4]:
        if _is_breadcrumb(lines[i].strip()) and i != nonempty[-1]:
            keep[i] = False
            removed.append(Removed(lines[i].strip(), "navigation breadcrumb"))
            continue
        m = _match_boilerplate(lines[i])
        if m and m[0] == "navigation":
            keep[i] = False
            removed.append(Removed(lines[i].strip(), "navigation"))
            continue
        title_idx = i
        break
    if title_idx is None:
        title_idx = next((i for i in nonempty if keep[i]), None)
    title = lines[title_idx].strip() if title_idx is not None else ""

    # 2. captions, repeats and footers
    seen_caption: set[str] = set()
    seen_line: set[str] = set()
    footer: str | None = None
    for i in nonempty:
        if not keep[i] or i == title_idx:
            continue
        line = lines[i].strip()
        key = _norm(line)
        if key == _norm(title) and _words(line) <= 30:
            keep[i] = False
            removed.append(Removed(line, "headline repeated"))
            continue
        # a line of 8-60 words shown exactly twice is a photo caption (or pull quote) under the
        # picture and again in the gallery; shorter repeats are often real content (fixture
        # lists, subheadings), and so are lines repeated more often (a recipe's portions on
        # each day of a meal plan) and table rows ("| Pos | Player |")
        # (in a page extractor's body, figure captions are already gone: a repeat there is the
        # page's own content)
        repeated = not extracted and counts[key] == 2 and 8 <= _words(line) <= 60 and line.count("|") < 2
        if _is_caption_credit(line) or repeated:
            keep[i] = False
            if key in seen_caption:
                removed.append(Removed(line, "repeated caption line"))
            else:
                seen_caption.add(key)
                captions.append(line)
                removed.append(Removed(line, "photo caption (kept in captions)"))
            continue
        if key in seen_line and _words(line) > 40:
            keep[i] = False
            removed.append(Removed(line, "repeated paragraph"))
            continue
        seen_line.add(key)
        if not extracted and _URL_ONLY_RE.match(line):
            keep[i] = False
            removed.append(Removed(line, "bare link"))
            continue
        m = _match_boilerplate(line)
        if m:
            reason, kind = m
            keep[i] = False
            if kind == "caption":
                captions.append(line)
                removed.append(Removed(line, "photo caption (kept in captions)"))
            else:
                removed.append(Removed(line, reason))
                if kind == "footer":
                    footer = reason
            continue
        if footer is not None:
            if _words(line) <= _MAX_FURNITURE_WORDS and not _SENTENCE_END_RE.search(line):
                keep[i] = False
                removed.append(Removed(line, f"after {footer}"))
                continue
            footer = None

    # 3. rebuild: title, then kept paragraphs
    paragraphs: list[str] = [title] if title else []
    block: list[str] = []
    for i, ln in enumerate(lines):
        if i == title_idx:
            continue
        if ln.strip() and keep[i]:
            block.append(ln.strip())
        elif not ln.strip() or not keep[i]:
            if block and not ln.strip():
                paragraphs.append("\n".join(block))
                block = []
            elif block and not keep[i]:
                paragraphs.append("\n".join(block))
                block = []
    if block:
        paragraphs.append("\n".join(block))
    return CleanResult(title, "\n\n".join(paragraphs), tuple(captions), tuple(removed))
