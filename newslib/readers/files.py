"""A folder of article files: which files are articles, and each one read into an Article.

Every file below the folder becomes an article or a recorded :class:`Problem` (hidden files,
documentation, links, unknown suffixes, files over the size limit, binary data), so a
researcher can always say what their corpus holds. Symbolic links are never followed: a
corpus folder must not make newslib read files outside it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._parallel import chunks, map_chunks, n_jobs
from ..records import Article, Problem
from .html import HTML_SUFFIXES, HtmlError, is_html_name, read_html_file
from .language import language_of, not_english
from .metadata import META_NAMES
from .text import build_article, decode_bytes, repair_markup

__all__ = ["ARTICLE_SUFFIXES", "read_file", "read_files", "walk", "walk_strings"]

_DOC_NAMES = re.compile(r"^(readme|license|licence|copying|changelog|notice|authors)(\.|$)", re.I)

#: File names read as articles (case-insensitive): text files, and saved web pages (gzipped too).
ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)

Read = tuple[Article | None, list[Problem], str | None]


def walk_strings(root: str | os.PathLike) -> Iterator[tuple[str, str]]:
    """Every file below ``root`` in a stable order, as (path relative to root with ``/``, full
    path) strings; plain strings because the cache key walks large corpora on every load."""
    root_s = os.fspath(root)
    cut = len(root_s.rstrip(os.sep)) + 1
    for dirpath, dirnames, filenames in os.walk(root_s, followlinks=False):
        skip = _page_resources(dirnames, filenames)
        dirnames[:] = sorted(d for d in dirnames if d not in skip)
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            yield full[cut:].replace(os.sep, "/"), full


def walk(root: Path) -> Iterator[Path]:
    """:func:`walk_strings` as paths, and every linked folder and saved page's resources folder
    too (neither entered, so that :func:`read_file` records it instead of the walk dropping it
    unseen)."""
    root_s = os.fspath(root)
    for dirpath, dirnames, filenames in os.walk(root_s, followlinks=False):
        skip = _page_resources(dirnames, filenames)
        for name in sorted(dirnames):
            if name in skip or os.path.islink(os.path.join(dirpath, name)):
                yield Path(dirpath, name)
        dirnames[:] = [d for d in dirnames if d not in skip]
    for _, full in walk_strings(root):
        yield Path(full)


def _page_resources(dirnames: list[str], filenames: list[str]) -> set[str]:
    """The folders a browser saved beside a page ("Save Page As…, complete": ``Story.html`` and
    ``Story_files/`` with its images, scripts, styles and ad frames): not articles, and each
    one recorded once as a whole rather than every file in it.

    >>> sorted(_page_resources(["Story_files", "other_files", "politics"], ["Story.html", "a.txt"]))
    ['Story_files']
    """
    pages = {n.lower() for n in filenames if n.lower().endswith((".html", ".htm"))}
    return {d for d in dirnames if d.endswith("_files")
            and (f"{d[:-6]}.html".lower() in pages or f"{d[:-6]}.htm".lower() in pages)}


def read_files(files: list[Path], base: Path, metadata: dict[str, dict[str, Any]],
               max_bytes: int) -> list[Read]:
    """Read, decode and clean ``files``; for each: (article or None, problems, metadata id used).

    In two processes when the files are many (see ``_parallel``): reading is I/O, but decoding
    and cleaning are Python work.
    """
    size = 0
    for f in files[:50]:
        try:
            size += f.stat().st_size
        except OSError:
            pass
    jobs = n_jobs(size * max(1, len(files)) // max(1, min(50, len(files))))
    if jobs > 1 and len(files) > 200:
        parts = map_chunks(_read_chunk, [(c, base, metadata, max_bytes) for c in chunks(files, jobs)], jobs=jobs)
        return [r for part in parts for r in part]
    return _read_chunk((files, base, metadata, max_bytes))


def _read_chunk(arg) -> list[Read]:
    files, base, metadata, max_bytes = arg
    return [read_file(f, base, metadata, max_bytes) for f in files]


def _skip_reason(f: Path, rel: Path, base: Path) -> str | None:
    """Why ``f`` is not read as an article (None: it is one)."""
    if any(part.startswith(".") for part in rel.parts):
        return "hidden file or folder; skipped"
    if f.is_symlink():
        return "symbolic link (not followed); skipped"
    if f.is_dir():
        return "a saved page's resources folder (images, scripts, styles), not articles; skipped"
    if _DOC_NAMES.match(f.name):
        return "documentation file, not an article; skipped"
    if not f.name.lower().endswith(ARTICLE_SUFFIXES):
        return f"not an article file ({f.suffix or 'no suffix'}; articles are .txt, .html, .htm, .html.gz); skipped"
    return None


def read_file(f: Path, base: Path, metadata: dict[str, dict[str, Any]], max_bytes: int) -> Read:
    """One file of a corpus folder: (article or None, problems, metadata id used); an article
    that is not in English is kept, with a warning that says so (see :mod:`.language`)."""
    art, problems, mid = _read_one(f, base, metadata, max_bytes)
    if art is not None and (lang := language_of(art.text)) is not None:
        problems = [*problems, not_english(f.relative_to(base).as_posix(), lang)]
    return art, problems, mid


def _read_one(f: Path, base: Path, metadata: dict[str, dict[str, Any]], max_bytes: int) -> Read:
    rel = f.relative_to(base)
    rel_s = rel.as_posix()
    if f.parent == base and f.name in META_NAMES:
        return None, [], None
    why = _skip_reason(f, rel, base)
    if why:
        return None, [Problem(rel_s, why, "skipped")], None
    try:
        size = f.stat().st_size
        if size > max_bytes:
            return None, [Problem(rel_s, f"file of {size:,} bytes exceeds the {max_bytes:,}-byte limit; skipped",
                                  "skipped")], None
        if is_html_name(f.name):
            return _read_page(f, rel, metadata, max_bytes)
        data = f.read_bytes()
    except OSError as exc:
        return None, [Problem(rel_s, f"cannot read ({exc.strerror or exc.__class__.__name__}); skipped", "skipped")], None
    text, note = decode_bytes(data)
    if text is None:
        return None, [Problem(rel_s, f"{note}; skipped", "skipped")], None
    text, markup = repair_markup(text)
    art_id = rel.with_suffix("").as_posix()
    meta = metadata.get(art_id) or metadata.get(f.stem) or {}
    outlet = rel.parts[-2] if len(rel.parts) > 1 else "unknown"
    art, why = build_article(text, id=art_id, source_path=str(f), meta=meta, default_outlet=outlet)
    mid = meta.get("id") if meta else None
    if art is None:
        return None, [Problem(rel_s, f"{why}; skipped", "skipped")], mid
    return art, [Problem(rel_s, n, "repaired") for n in (note, markup) if n], mid


def _read_page(f: Path, rel: Path, metadata: dict[str, dict[str, Any]], max_bytes: int) -> Read:
    """A saved web page: its body, headline, date, site name and canonical URL (trafilatura,
    see :mod:`newslib.readers.html`), then newslib's cleaning like any article. A metadata row
    for the page wins field by field; the outlet is the metadata's, else the page's site name,
    else the URL's domain, else the folder."""
    rel_s = rel.as_posix()
    try:
        page = read_html_file(f, max_bytes=max_bytes)
    except HtmlError as err:
        return None, [Problem(rel_s, f"saved page: {err.reason}; skipped", "skipped")], None
    art_id = _strip_suffix(rel_s)
    meta = metadata.get(art_id) or metadata.get(Path(art_id).name) or {}
    merged: dict[str, Any] = {"title": page.title, "date": page.date, "url": page.url}
    merged.update({k: v for k, v in meta.items() if v not in (None, "")})
    outlet = rel.parts[-2] if len(rel.parts) > 1 else "unknown"
    notes = []
    if not merged.get("outlet") and page.site_name:
        if len(rel.parts) > 1 and page.site_name != outlet and _outlet_folder(f.parent, rel.parent, metadata):
            # one folder, one outlet (the page's site name beside the folder's name made two)
            merged["outlet"], merged["outlet_from"], merged["page_outlet"] = outlet, "folder", page.site_name
            notes.append(Problem(rel_s, f"the page names its outlet {page.site_name!r}; counted under its folder "
                                        f"{outlet!r} with the folder's text files (a metadata.csv row sets another)",
                                 "warning"))
        else:
            merged["outlet"], merged["outlet_from"] = page.site_name, "page"
    raw = f"{page.title}\n\n{page.text}" if page.title else page.text
    art, why = build_article(raw, id=art_id, source_path=str(f), meta=merged, default_outlet=outlet, extracted=True)
    mid = meta.get("id") if meta else None
    if art is None:
        return None, [Problem(rel_s, f"saved page: {why}; skipped", "skipped")], mid
    return art, notes, mid


def _outlet_folder(folder: Path, rel_folder: Path, metadata: dict[str, dict[str, Any]]) -> bool:
    """Whether ``folder`` holds a text article whose outlet is the folder (no metadata row gives
    it one): then a saved page beside it is that outlet too.

    Why from the folder's listing, not from the articles read: the Dask path reads a corpus in
    partitions, and both paths must give a page the same outlet. Why: a user who sorts articles
    into one folder per outlet and saves one of them as a web page means one outlet; a folder of
    saved pages only (a dump of many sites) keeps each page's own site name.
    """
    try:
        key = (str(folder), folder.stat().st_mtime_ns)
    except OSError:
        return False
    if key not in _OUTLET_FOLDERS:
        found = False
        with os.scandir(folder) as it:
            for e in it:
                name = e.name
                if not name.lower().endswith(".txt") or name.startswith(".") or _DOC_NAMES.match(name) \
                        or not e.is_file(follow_symlinks=False):
                    continue
                row = metadata.get((rel_folder / name[:-4]).as_posix()) or metadata.get(name[:-4]) or {}
                if not row.get("outlet"):
                    found = True
                    break
        if len(_OUTLET_FOLDERS) > 10_000:
            _OUTLET_FOLDERS.clear()
        _OUTLET_FOLDERS[key] = found
    return _OUTLET_FOLDERS[key]


#: (folder, its modification time) -> whether it holds a text article of the folder's outlet:
#: read once per folder, again when a file is added or removed
_OUTLET_FOLDERS: dict[tuple[str, int], bool] = {}


def _strip_suffix(rel_s: str) -> str:
    """``news/page.html.gz`` → ``news/page``."""
    low = rel_s.lower()
    for suf in sorted(ARTICLE_SUFFIXES, key=len, reverse=True):
        if low.endswith(suf):
            return rel_s[:-len(suf)]
    return rel_s
