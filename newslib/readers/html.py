"""Saved web pages (``.html``, ``.htm``, gzipped or not) as articles: body, headline, date, site, URL.

Why trafilatura: separating an article from the navigation, teasers and widgets around it needs
a model of page layout, and trafilatura is the best-measured open extractor for news pages (F1
0.958 on the Zyte article-extraction benchmark, first among the open tools in its published
table), pure Python over lxml, maintained, and it reads the metadata too (``og:title``,
``article:published_time`` and JSON-LD through htmldate, ``og:site_name``, the canonical link).

The settings, all general, none tied to a site or a file (body F1 by the benchmark's metric on
its 88 dev pages, ``benchmarks/eval_html.py``; ``extract()`` with its defaults scores 0.954):

- ``include_comments=False`` (0.961): readers' comments are not the outlet's words, and
  ``extract()`` appends them to the body by default.
- ``favor_precision=True`` (0.969, P 0.965 R 0.973): it drops more teasers, newsletter boxes and
  link lists for little recall. ``favor_recall`` (0.953), ``fast`` (0.958) and ``deduplicate``
  (0.963) all scored lower; even picking the best of the balanced, precise and recall passes
  page by page, knowing the answer, would reach only 0.971, so one pass is run, and the
  balanced one (with trafilatura's rescue heuristics) only when the precise pass finds under
  250 characters.
- tables kept (``include_tables=True``): results tables and fixture lists are part of many
  articles; without them F1 fell to 0.957.
- htmldate's free-text date search only on pages under 10,000 elements: it scans every text
  node, which costs seconds on a huge page, and found one date in 88 the markup lacked.
- one rule of ours (0.974, P 0.969 R 0.979): a body cut by ad slots into containers of the same
  class is put back together and extracted again (trafilatura keeps the first container only).

What this module adds around trafilatura is the defence a file reader needs and a plain-text
result the rest of newslib expects: the size is checked before anything is read, gzip is inflated
as a stream and refused as soon as it passes ``max_bytes`` (a 10 kB bomb can inflate to
gigabytes), the elements are counted by a streaming parse that stops at ``max_elements`` (the
extractor's time grows with the element count: 1.3 million ``<span>`` in one 20 MB line took 150 s
and 1.7 GB), the charset is chosen without guessing libraries (BOM, valid UTF-8, the page's
declared charset, cp1252), and every failure is one :class:`HtmlError` with a one-line reason,
never a traceback. Deep nesting stops at libxml2's depth limit (256) and the HTML parser never
expands entities declared in a DTD, so neither can blow up time or memory.

The body is paragraphs separated by blank lines (line breaks inside a paragraph, list items and
table rows stay single newlines), whitespace runs collapsed, and without the headline when the
page repeats it at the top. The headline is the page's ``<h1>`` when the metadata title is that
``<h1>`` plus decoration ("Opinion | …", "… - Site"), else the metadata title without a segment
naming the site.
"""

from __future__ import annotations

import codecs
import logging
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from .text import outlet_from_url

__all__ = ["HTML_SUFFIXES", "MAX_HTML_BYTES", "MAX_HTML_ELEMENTS", "HtmlError", "HtmlPage",
           "is_html_name", "read_html", "read_html_file"]

LOGGER = logging.getLogger(__name__)

#: Largest page read, in bytes, before and after inflating gzip (``max_bytes=`` overrides).
MAX_HTML_BYTES = 20 * 1024 * 1024
#: Most HTML elements a page may have (``max_elements=`` overrides). The 88 dev pages have at
#: most 1,600; the extractor needs about 3 s for 50,000 and grows faster than linearly beyond.
MAX_HTML_ELEMENTS = 50_000
#: File names read as saved web pages.
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")

_MIN_PRECISE_CHARS = 250  # trafilatura's own MIN_EXTRACTED_SIZE: below it, try the balanced pass
_MIN_BODY_WORDS = 10  # fewer is a menu or a stub that the fallback pass picked up, not an article
_EXTENSIVE_DATE_MAX_ELEMENTS = 10_000
_GZIP_MAGIC = b"\x1f\x8b"
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_DECLARED_CHARSET_RE = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
                                  rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""", re.I)
# Python codecs that a page may name but that are no page charset (transforms, escapes, or
# slow on crafted input); base64, rot13 and the like are refused as non-text encodings
_NOT_PAGE_CHARSETS = frozenset({"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined",
                                "utf-7", "mbcs", "oem"})
_CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORD_RE = re.compile(r"\w+")
_TITLE_SEP_RE = re.compile(r"\s+[|–—•·»:-]{1,2}\s+|:\s+")
_ISO_DATE_RE = re.compile(r"\d{4}-\d\d-\d\d")


class HtmlError(ValueError):
    """A page that cannot be read as an article; ``str(err)`` is a one-line reason.

    ``name`` is the file name (or whatever the caller passed as ``name=``), so a corpus reader
    can record the problem against the file.
    """

    def __init__(self, reason: str, *, name: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.name = name


@dataclass(frozen=True)
class HtmlPage:
    """What a saved page holds as an article.

    ``text`` is the body only (paragraphs separated by blank lines, headline not repeated);
    ``date`` is ISO ``YYYY-MM-DD`` or None; ``site_name`` and ``url`` (the canonical URL) are
    None when the page does not say.
    """

    text: str
    title: str
    date: str | None = None
    site_name: str | None = None
    url: str | None = None


def is_html_name(name: str) -> bool:
    """True for the file names read as saved pages (``.html``, ``.htm``, and those gzipped).

    >>> is_html_name("a/Page.HTML.gz"), is_html_name("story.htm"), is_html_name("notes.txt")
    (True, True, False)
    """
    return name.lower().endswith(HTML_SUFFIXES)


def read_html_file(path: str | Path, *, max_bytes: int = MAX_HTML_BYTES,
                   max_elements: int = MAX_HTML_ELEMENTS) -> HtmlPage:
    """Read a saved page from ``path``; gzip (``.html.gz``) is recognised by its bytes.

    The file's size is checked before it is read, and at most ``max_bytes + 1`` bytes are
    read, so a huge file never sits in memory. Raises :class:`HtmlError` (one line) for a
    file that cannot be read or holds no article.

    >>> read_html_file("/nonexistent/page.html")
    Traceback (most recent call last):
    ...
    newslib.readers.html.HtmlError: cannot read the file: No such file or directory
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise HtmlError(f"file is {_mb(size)}, more than max_bytes ({_mb(max_bytes)}); refused",
                            name=str(path))
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as err:
        raise HtmlError(f"cannot read the file: {err.strerror or type(err).__name__}", name=str(path)) from None
    return read_html(data, name=str(path), max_bytes=max_bytes, max_elements=max_elements)


def read_html(data: bytes, *, name: str = "", max_bytes: int = MAX_HTML_BYTES,
              max_elements: int = MAX_HTML_ELEMENTS) -> HtmlPage:
    """Turn the bytes of a saved web page (gzipped or not) into an :class:`HtmlPage`.

    ``name`` only labels the :class:`HtmlError` raised when the page is refused or holds no
    article (too large, a gzip bomb, binary data, too many elements, no body found).

    >>> page = read_html(b'''<html><head><title>Talks end | Daily Bugle</title>
    ... <meta property="og:site_name" content="Daily Bugle"></head><body>
    ... <nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks end</h1>
    ... <p>The talks ended on Monday without an agreement, officials in both delegations said.</p>
    ... <p>A second round is planned for next month, according to the organisers.</p>
    ... </article></body></html>''')
    >>> page.title, page.site_name
    ('Talks end', 'Daily Bugle')
    >>> print(page.text)
    The talks ended on Monday without an agreement, officials in both delegations said.
    <BLANKLINE>
    A second round is planned for next month, according to the organisers.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"read_html expects bytes, not {type(data).__name__}")
    data = bytes(data)
    try:
        if len(data) > max_bytes:
            raise HtmlError(f"page is {_mb(len(data))}, more than max_bytes ({_mb(max_bytes)}); refused")
        if data.startswith(_GZIP_MAGIC):
            data = _gunzip(data, max_bytes=max_bytes)
        html = _decode(data)
        tree = _parse_bounded(html, max_elements=max_elements)
        return _extract(html, tree)
    except HtmlError as err:
        err.name = name
        raise
    except RecursionError:
        raise HtmlError("page nests too deeply for the extractor; refused", name=name) from None
    except Exception as err:
        # trafilatura, htmldate and lxml meeting hostile input: one line, never a traceback
        LOGGER.debug("extraction failed for %s", name, exc_info=True)
        raise HtmlError(f"the page could not be parsed ({type(err).__name__}: {_one_line(err)})",
                        name=name) from None


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.3g} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:160]


def _gunzip(data: bytes, *, max_bytes: int) -> bytes:
    """Inflate gzip members as a stream, refusing as soon as the output passes ``max_bytes``.

    ``max_length`` bounds every step's output, so a bomb costs at most ``max_bytes`` of memory
    and the time to inflate that much, never its full size.
    """
    out = bytearray()
    rest = data
    while rest.startswith(_GZIP_MAGIC):
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            chunk = inflater.decompress(rest, max_bytes + 1 - len(out))
            while True:
                out += chunk
                if len(out) > max_bytes:
                    raise HtmlError(f"gzip file inflates past {_mb(max_bytes)}; refused")
                if inflater.eof:
                    break
                chunk = inflater.decompress(inflater.unconsumed_tail, max_bytes + 1 - len(out))
                if not chunk and not inflater.unconsumed_tail:
                    raise HtmlError("gzip file is truncated")
        except zlib.error as err:
            raise HtmlError(f"gzip file is corrupt ({_one_line(err)})") from None
        rest = inflater.unused_data  # a second member follows, or trailing bytes (ignored, as gzip does)
    return bytes(out)


def _decode(data: bytes) -> str:
    """Bytes to text: BOM, else UTF-8 if valid, else the declared charset, else cp1252.

    Valid UTF-8 wins over a declared charset because pages re-saved by a browser are UTF-8
    while keeping their original ``<meta charset>``; a page that is not UTF-8 is decoded
    with its declared charset, and bytes it cannot map become U+FFFD rather than an error.
    """
    if not data.strip():
        raise HtmlError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    head = data[:4096]
    if b"\x00" in head:
        # UTF-16 without a BOM: ASCII markup leaves every other byte zero
        if head[1::2].count(0) > 0.9 * (len(head) // 2):
            return data.decode("utf-16-le", errors="replace")
        if head[0::2].count(0) > 0.9 * (len(head) // 2):
            return data.decode("utf-16-be", errors="replace")
        raise HtmlError("binary data (NUL bytes), not an HTML page")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
        match = _DECLARED_CHARSET_RE.search(data[:8192])
        if match:
            declared = (match.group(1) or match.group(2)).decode("ascii").lower()
            try:
                info = codecs.lookup(declared)
                if info._is_text_encoding and info.name not in _NOT_PAGE_CHARSETS \
                        and not info.name.startswith(("utf-16", "utf-32")):
                    text = data.decode(info.name, errors="replace")
            except (LookupError, ValueError, TypeError):
                text = None  # an unknown codec named by the page: ignore it
        if text is None:
            text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    if len(_CTRL_RE.findall(sample)) > 0.05 * len(sample):
        raise HtmlError("binary data (control characters), not an HTML page")
    if "<" not in text[:65536]:
        raise HtmlError("no HTML markup in the file")
    return text


def _parse_bounded(html: str, *, max_elements: int) -> Any:
    """Parse ``html`` as a stream, refusing once it holds more than ``max_elements`` elements.

    The pull parser builds the tree as it goes, so a refused page costs at most
    ``max_elements`` elements of memory; the tree of an accepted page is returned.
    """
    parser = etree.HTMLPullParser(events=("start",), no_network=True, remove_comments=True,
                                  remove_pis=True)
    count = 0
    step = 1 << 16
    for start in range(0, len(html), step):
        parser.feed(html[start:start + step])
        count += sum(1 for _ in parser.read_events())
        if count > max_elements:
            raise HtmlError(f"page has more than {max_elements:,} HTML elements; refused "
                            "(raise max_elements= to read it)")
    root = parser.close()
    count += sum(1 for _ in parser.read_events())
    if count > max_elements:
        raise HtmlError(f"page has more than {max_elements:,} HTML elements; refused "
                        "(raise max_elements= to read it)")
    if root is None:
        raise HtmlError("no HTML elements in the file")
    return root


def _extract(html: str, tree: Any) -> HtmlPage:
    import trafilatura  # imported here: it takes a tenth of a second and only pages need it

    n_elements = sum(1 for _ in tree.iter())
    date_params = {"extensive_search": n_elements <= _EXTENSIVE_DATE_MAX_ELEMENTS, "original_date": True}
    options: dict[str, Any] = {"with_metadata": True, "include_comments": False,
                               "include_tables": True, "date_extraction_params": date_params}
    precise = True
    doc = trafilatura.bare_extraction(html, favor_precision=True, **options)
    found = len(doc.text or "") if doc is not None else 0
    if found < _MIN_PRECISE_CHARS:
        balanced = trafilatura.bare_extraction(html, **options)
        if balanced is not None and len(balanced.text or "") > found:
            doc, precise = balanced, False
    if doc is None or doc.body is None:
        raise HtmlError("no article body found in the page")
    h1s = _h1s(tree)
    paragraphs = _paragraphs(doc.body)
    merged = _merge_split_body(tree, paragraphs)  # changes the tree: h1s read before
    if merged is not None:
        again = trafilatura.bare_extraction(merged, favor_precision=precise, **options)
        if again is not None and again.body is not None:
            more = _paragraphs(again.body)
            if len(_words("\n".join(more))) > len(_words("\n".join(paragraphs))):
                paragraphs = more
    title = _headline(doc.title or "", doc.sitename or "", doc.url or "", h1s)
    paragraphs = _drop_leading_headline(paragraphs, {title, doc.title or "", *h1s[:1]})
    n_words = len(_words("\n".join(paragraphs)))
    if n_words < _MIN_BODY_WORDS:
        detail = f" (only {n_words} word{'s' if n_words != 1 else ''})" if n_words else ""
        raise HtmlError(f"no article body found in the page{detail}")
    date = doc.date if doc.date and _ISO_DATE_RE.fullmatch(doc.date) else None
    return HtmlPage(text="\n\n".join(paragraphs), title=title, date=date,
                    site_name=site_name(doc.sitename or "", doc.url or "", declared=_declared_site(tree)),
                    url=doc.url or None)


def _declared_site(tree: Any) -> str | None:
    """The page's ``og:site_name`` as written (trafilatura capitalises a lower-case one)."""
    found = tree.xpath('//meta[@property="og:site_name"]/@content')
    return str(found[0]) if found else None


def site_name(found: str, url: str, *, declared: str | None = None) -> str | None:
    """The outlet's name from what trafilatura found for the site (``og:site_name``, else the
    Twitter handle, capitalised), read as a reader of a chart would need it; ``declared`` is the
    page's own ``og:site_name`` as written.

    Why: a page's own name for itself is sometimes a slug, a handle or a slogan. "nj" (shown as
    "Nj") and "cleveland" are nj.com and cleveland.com, not a state and a city; the handle
    "@Wday_" is wday.ru; "LinkNaija | Nigeria's popular news platform" is LinkNaija on every
    chart's axis. A name written with capitals ("Gizmodo", "Vox") is kept.

    >>> site_name("Nj", "https://www.nj.com/x", declared="nj"), site_name("Wday_", "https://www.wday.ru/a")
    ('nj.com', 'wday.ru')
    >>> site_name("LinkNaija | Nigeria's popular news platform", ""), site_name("Gizmodo", "https://gizmodo.com/", declared="Gizmodo")
    ('LinkNaija', 'Gizmodo')
    """
    name = _clean_line(found)
    for sep in (" | ", " – ", " — ", " - "):
        if sep in name and name.split(sep)[0].strip():
            name = name.split(sep)[0].strip()   # a slogan or a list of sections after the name
            break
    domain = outlet_from_url(url)
    slug = declared is not None and declared.strip().islower() and name.lower() == declared.strip().lower()
    handle = name.startswith("_") or name.endswith("_")
    if domain and (slug or handle) and re.sub(r"[\s_@.-]", "", name.lower()) == domain.split(".")[0].replace("-", ""):
        return domain   # a slug or a handle of the domain's own name ("nj", "Wday_", "cleveland")
    return name or None


def _paragraphs(body: Any) -> list[str]:
    """One paragraph per top-level block of trafilatura's body; lines inside kept, whitespace tidied."""
    from trafilatura.xml import xmltotxt

    out = [_clean_line(body.text)] if body.text and body.text.strip() else []  # text outside blocks
    for block in body:
        lines = [_clean_line(ln) for ln in xmltotxt(block, False).split("\n")]
        text = "\n".join(ln for ln in lines if ln)
        if text:
            out.append(text)
    return out


def _clean_line(line: str) -> str:
    return " ".join(line.split())


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD_RE.findall(text))


def _h1s(tree: Any) -> list[str]:
    heads = []
    for h1 in tree.iter("h1"):
        text = _clean_line(" ".join(h1.itertext()))
        if text and len(heads) < 5:
            heads.append(text)
    return heads


def _headline(meta_title: str, site_name: str, url: str, h1s: list[str]) -> str:
    """The article's headline, without the site name or section the page title carries.

    >>> _headline("Opinion | Trade talks end", "NYTimes", "", ["Trade talks end"])
    'Trade talks end'
    >>> _headline("Trade talks end - Daily Bugle", "Daily Bugle", "", [])
    'Trade talks end'
    """
    title = _clean_line(meta_title)
    words = _words(title)
    for h1 in h1s:
        h = _words(h1)
        # the h1 inside a longer title: the title is the h1 decorated with site or section
        if len(h) >= 3 and len(h) < len(words) and _contains(words, h):
            return h1
    if not title:
        return h1s[0] if h1s else ""
    site_keys = {_words(site_name), _words(_domain_label(url))} - {()}
    parts = _TITLE_SEP_RE.split(title)
    if len(parts) >= 2:
        seps = _TITLE_SEP_RE.findall(title)
        if _words(parts[-1]) in site_keys:
            return _rejoin(parts[:-1], seps[:-1])
        if _words(parts[0]) in site_keys:
            return _rejoin(parts[1:], seps[1:])
        # a site name that itself contains separators ("Site | Tagline: Headline")
        for i in range(1, len(parts)):
            if _words(_rejoin(parts[:i], seps[:i - 1])) in site_keys:
                return _rejoin(parts[i:], seps[i:])
            if _words(_rejoin(parts[i:], seps[i:])) in site_keys:
                return _rejoin(parts[:i], seps[:i - 1])
    return title


def _rejoin(parts: list[str], seps: list[str]) -> str:
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip()


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(words[i:i + n] == part for i in range(len(words) - n + 1))


def _domain_label(url: str) -> str:
    """``https://www.zdnet.com/x`` -> ``zdnet``: the name a title suffix often repeats."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].split(":", 1)[0]
    labels = [x for x in host.split(".") if x and x not in ("www", "m", "amp")]
    return labels[-2] if len(labels) >= 2 else ""


def _drop_leading_headline(paragraphs: list[str], headlines: set[str]) -> list[str]:
    """Paragraphs without the headline the page repeats at the top of the body.

    >>> _drop_leading_headline(["Kicker", "Talks end\\nThe talks ended."], {"Talks End"})
    ['Kicker', 'The talks ended.']
    """
    keys = {_words(h) for h in headlines} - {()}
    out = list(paragraphs)
    for i, para in enumerate(out[:3]):
        first, _, rest = para.partition("\n")  # the headline may open a block of its own
        if _words(first) in keys:
            return out[:i] + ([rest] if rest else []) + out[i + 1:]
    return out


def _signature(el: Any) -> tuple[str, str] | None:
    cls = " ".join((el.get("class") or "").split())
    return (el.tag, cls) if cls and isinstance(el.tag, str) else None


def _merge_split_body(tree: Any, paragraphs: list[str]) -> str | None:
    """The page with its article body put back together, when ad slots split it; else None.

    Some sites cut the body into several containers of the same class (and the same kind of
    parent) between advertisements; trafilatura keeps the first container only. When the
    paragraphs it returned sit in such a container and its twins hold prose it left out, the
    twins' children are moved into the first container and the page is extracted again.
    A twin in another ``<article>`` or after another ``<h1>`` is another story, left alone.
    """
    wanted = {_words(p) for p in paragraphs if len(_words(p)) >= 8}
    if not wanted:
        return None
    hits: dict[Any, int] = {}
    for p in tree.iter("p"):
        if _words(" ".join(p.itertext())) in wanted:
            parent = p.getparent()
            if parent is not None:
                hits[parent] = hits.get(parent, 0) + 1
    if not hits:
        return None
    home = max(hits, key=hits.get)
    sig, parent = _signature(home), home.getparent()
    if sig is None or parent is None:
        return None
    psig = _signature(parent) or (parent.tag, "")
    order = {el: i for i, el in enumerate(tree.iter())}
    headlines = [order[h] for h in tree.iter("h1")]
    story = next(home.iterancestors("article"), None)
    twins = []
    for el in tree.iter(home.tag):
        if el is home or _signature(el) != sig:
            continue
        par = el.getparent()
        if par is None or (_signature(par) or (par.tag, "")) != psig:
            continue
        if any(a is home for a in el.iterancestors()) or any(a is el for a in home.iterancestors()):
            continue
        # the next story of an endless-scroll page is not the rest of this one: it has an
        # <article> of its own, or a headline of its own between the two
        low, high = sorted((order[home], order[el]))
        if next(el.iterancestors("article"), None) is not story or any(low < h < high for h in headlines):
            continue
        prose = [p for p in el.findall("p") if len(_words(" ".join(p.itertext()))) >= 12
                 and _words(" ".join(p.itertext())) not in wanted]
        if prose:
            twins.append(el)
    if not twins:
        return None
    for el in twins:
        for child in list(el):
            home.append(child)
    return etree.tostring(tree, encoding="unicode", method="html")
