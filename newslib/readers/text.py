"""Bytes to text, and raw text (headline on line one) to a cleaned :class:`Article`.

Every reader ends here: whatever the container (a ``.txt`` file, a table row, a saved web
page), the article's text goes through the same decoding and the same cleaning, so an
article reads the same whichever way it arrived.
"""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from ..cleaning import clean_text, find_date
from ..records import Article

__all__ = ["MAX_ARTICLE_BYTES", "build_article", "decode_bytes", "outlet_from_url", "repair_markup"]

#: Largest article file read, in bytes. A file above it is recorded as a problem and not read,
#: so a 1 GB log renamed to .txt cannot exhaust memory. Override with ``max_bytes=``.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

_CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode article bytes; return ``(text, note)``, ``note`` saying what was repaired.

    UTF-8 (BOM stripped) first; UTF-16 when it carries a BOM; otherwise cp1252 when the bytes
    use its 0x80–0x9F punctuation (curly quotes, dashes), else Latin-1. Returns ``(None,
    reason)`` for binary data. Newlines are normalised to ``\\n``.

    >>> decode_bytes("£5 café".encode("cp1252"))
    ('£5 café', 'decoded as Latin-1 (not valid UTF-8)')
    >>> decode_bytes(b"\\x93quoted\\x94")
    ('“quoted”', 'decoded as cp1252 (not valid UTF-8)')
    """
    note = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
            note = "decoded as UTF-16"
        except UnicodeDecodeError:
            return None, "binary or corrupt UTF-16 data"
    else:
        if b"\x00" in data[:8192]:
            return None, "binary data (NUL bytes), not text"
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if re.search(rb"[\x80-\x9f]", data):
                try:
                    text = data.decode("cp1252")
                    note = "decoded as cp1252 (not valid UTF-8)"
                except UnicodeDecodeError:
                    text = data.decode("latin-1")
                    note = "decoded as Latin-1 (not valid UTF-8)"
            else:
                text = data.decode("latin-1")
                note = "decoded as Latin-1 (not valid UTF-8)"
    sample = text[:4096]
    if sample:
        ctrl = len(_CTRL_RE.findall(sample))
        if ctrl / len(sample) > 0.05:
            return None, "binary data (control characters), not text"
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text, repaired = normalise_letters(text)
    if repaired:
        note = (note + "; " if note else "") + repaired
    return text, note


def normalise_letters(text: str) -> tuple[str, str | None]:
    """Text in Unicode's composed form (NFC) with its mojibake repaired (:func:`fix_mojibake`),
    and the problem's reason when characters were repaired; files and table cells alike.

    Why NFC: "é" typed as e + a combining accent is the same word as the precomposed "é" (two
    forms had counted as two terms), and mojibake is recognised in one form.

    >>> normalise_letters("cafe\u0301 and FranÃÂ§ois")
    ('café and François', '1 double-encoded character repaired (mojibake such as “Ã©” for “é”)')
    """
    if text.isascii():
        return text, None
    text, fixed = fix_mojibake(unicodedata.normalize("NFC", text))
    return text, (mojibake_note(fixed) if fixed else None)


def mojibake_note(fixed: int) -> str:
    """The problem's reason for ``fixed`` repaired characters (files and table cells alike)."""
    return f"{fixed} double-encoded character{'s' if fixed != 1 else ''} repaired (mojibake such as “Ã©” for “é”)"


#: a UTF-8 lead byte and its continuation bytes read as cp1252 or Latin-1 ("Ã©", "â€™"); and
#: the same encoded twice with the C1 control between lost ("ÃÂ§" for "ç", seen in a PolNeAR text)
_MOJIBAKE_RE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                          "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
                          "\u203a\u20ac\u2122]+")
_DOUBLE_RE = re.compile("\u00c3[\u0083\u0192]?\u00c2([\u00a0-\u00bf])")


def fix_mojibake(text: str) -> tuple[str, int]:
    """Text whose UTF-8 was decoded as cp1252 or Latin-1 somewhere upstream, repaired where the
    bytes are unambiguous, and how many characters were repaired (a run is changed only when it
    decodes as UTF-8 to fewer characters: "São" stays).

    >>> fix_mojibake("Franâ€™s cafÃ© and FranÃÂ§ois Hollande; São Paulo")
    ('Fran’s café and François Hollande; São Paulo', 3)
    """
    if not ("Ã" in text or "â€" in text or "Â" in text or "Ä" in text or "Å" in text):
        return text, 0
    n = 0

    def double(m: re.Match) -> str:
        nonlocal n
        n += 1
        return bytes([0xC3, ord(m.group(1))]).decode("utf-8")

    def one(m: re.Match) -> str:
        nonlocal n
        run = m.group()
        try:
            raw = b"".join(ch.encode("cp1252") if ord(ch) > 0xFF else ch.encode("latin-1") for ch in run)
            fixed = raw.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return run
        if len(fixed) >= len(run) or _CTRL_RE.search(fixed):
            return run
        n += len(fixed)
        return fixed

    text = _DOUBLE_RE.sub(double, text)
    return _MOJIBAKE_RE.sub(one, text), n


#: HTML left in a plain-text file by a crude scrape: character references ("Jos&#233;",
#: "&amp;") and inline tags ("<b>Update</b>", "<br>")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z]{2,8});")
_INLINE_TAG_RE = re.compile(r"</?(?:b|i|u|em|strong|span|font|small|big|sup|sub|a)(?:\s[^<>\n]{0,200})?>", re.IGNORECASE)
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INVERTED_QUESTION_RE = re.compile(r"(?<=[^\W\d_])¿(?=[^\W\d_])")


def repair_markup(text: str) -> tuple[str, str | None]:
    """Decode the HTML character references and drop the inline tags a plain-text article
    carries; return ``(text, note)``, ``note`` saying what was repaired (None when nothing was).

    Why: a reader sees "José" where the file has "Jos&#233;", and a tokeniser would count
    "Jos", "#233" and, from "<b>", a word "b" (a keyness table once led with it). Only inline
    tags go (``<br>`` becomes a line break): a text that discusses "<div>" keeps it, and an
    unknown name after "&" (``&foo;``) stays as written.

    >>> repair_markup("Jos&#233; said <b>no</b> &amp; left")
    ('José said no & left', 'decoded 2 HTML character references and removed 2 HTML tags (plain text)')
    >>> repair_markup("Mr Blair&#191;s plan")
    ('Mr Blair’s plan', 'decoded 1 HTML character reference and read 1 “¿” inside a word as an apostrophe (plain text)')
    >>> repair_markup("AT&T said <div> is a tag")
    ('AT&T said <div> is a tag', None)
    """
    if "&" not in text and "<" not in text:
        return text, None
    n_ref = 0

    def ref(m: re.Match[str]) -> str:
        nonlocal n_ref
        out = html.unescape(m.group())
        n_ref += out != m.group()
        return out.replace("\xa0", " ")

    text = _ENTITY_RE.sub(ref, text) if "&" in text else text
    # "Mr Blair&#191;s": an apostrophe the scrape turned into "¿" (a Spanish question opens a
    # word, never sits inside one)
    text, n_apos = _INVERTED_QUESTION_RE.subn("’", text) if "¿" in text else (text, 0)
    n_tag = 0
    if "<" in text:
        text, n_br = _BR_RE.subn("\n", text)
        text, n_tag = _INLINE_TAG_RE.subn("", text)
        n_tag += n_br
    done = [f"decoded {n_ref} HTML character reference{'s' * (n_ref != 1)}" if n_ref else "",
            f"read {n_apos} “¿” inside a word as an apostrophe" if n_apos else "",
            f"removed {n_tag} HTML tag{'s' * (n_tag != 1)}" if n_tag else ""]
    done = [d for d in done if d]
    return text, (" and ".join(done) + " (plain text)") if done else None


# second-level labels under a country code that belong to the registrant's name
# (bbc.co.uk, abc.net.au): the outlet is then the last three labels, not two
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL names: its registered domain, without ``www.`` or ``m.``.

    Why the registered domain and not the host: ``www.bbc.co.uk`` and ``news.bbc.co.uk`` are
    one outlet, and a grouping by outlet must not split them.

    >>> outlet_from_url("https://www.bbc.co.uk/news/uk-123"), outlet_from_url("https://edition.cnn.com/x")
    ('bbc.co.uk', 'cnn.com')
    >>> outlet_from_url("not a url") is None
    True
    """
    if not url or "." not in url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    labels = [p for p in host.lower().split(".") if p]
    if len(labels) < 2 or not all(re.fullmatch(r"[a-z0-9-]+", p) for p in labels) or labels[-1].isdigit():
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_NAME_DATE_RE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?![0-9])")


def date_from_name(article_id: str) -> str | None:
    """The date a file's name starts or holds as year, month, day (``2024-03-01_mine.txt``,
    ``20240301-mine``), as ISO ``YYYY-MM-DD``; None when it holds none.

    Why: people who save articles by hand name them by date (the demo corpus does), and a
    plain-text file has no other place for one; a page's own dateline still comes first.

    >>> date_from_name("valley/2024-03-01_mine_closure"), date_from_name("bbc/20231207-raisi")
    ('2024-03-01', '2023-12-07')
    >>> date_from_name("politics/001"), date_from_name("x/2024-02-30_no_such_day")
    (None, None)
    """
    m = _NAME_DATE_RE.search(article_id.rsplit("/", 1)[-1])
    if m is None:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def build_article(raw: str, *, id: str, source_path: str | None, meta: dict[str, Any],
                  default_outlet: str, outlet_from: str = "folder",
                  extracted: bool = False) -> tuple[Article | None, str | None]:
    """Clean ``raw`` (headline on line one) into an Article, or ``(None, reason)``.

    The outlet is the metadata's, else the domain of the article's URL, else ``default_outlet``
    (the parent folder, or ``unknown``); ``meta["outlet_from"]`` says which, so a reader of the
    corpus tour knows what "outlet" means for each article.

    >>> a, _ = build_article("Talks end\\n\\nThe talks ended.", id="x", source_path=None,
    ...                      meta={"url": "https://www.reuters.com/a"}, default_outlet="unknown")
    >>> a.outlet, a.meta["outlet_from"]
    ('reuters.com', 'url')
    """
    result = clean_text(raw, extracted=extracted)
    if not result.text.strip():
        return None, "empty or whitespace only"
    body = result.text[len(result.title):].strip()
    if not body:
        # one paragraph with no headline line: the paragraph is the body; title = first words
        title = " ".join(result.title.split()[:12])
        if len(result.title.split()) <= 12:
            return None, "headline only, no body"
    else:
        title = result.title
    # a dateline removed as page furniture ("Published 5 December 2023") still dates the article
    datelines = [r.line for r in result.removed if r.reason == "publication time"]
    date = meta.get("date") or (find_date(" ".join(datelines)) if datelines else None) \
        or date_from_name(id) or find_date(" ".join([*result.captions, result.text[:500]]))
    extra = {k: v for k, v in meta.items() if k not in ("id", "title", "outlet", "date", "url")}
    domain = outlet_from_url(meta.get("url"))
    if meta.get("outlet"):
        outlet, extra["outlet_from"] = str(meta["outlet"]), extra.get("outlet_from", "metadata")
    elif domain:
        outlet, extra["outlet_from"] = domain, "url"
    else:
        outlet, extra["outlet_from"] = default_outlet, outlet_from if default_outlet != "unknown" else "none"
    article = Article(
        id=id,
        title=str(meta.get("title") or title),
        text=result.text,
        outlet=outlet,
        date=date,
        url=meta.get("url") or None,
        source_path=source_path,
        captions=result.captions,
        removed=result.removed,
        meta=extra,
    )
    return article, None
