"""Readers: whatever a researcher brings — a folder of ``.txt`` files, a table exported from a
tool, saved web pages — into :class:`~newslib.records.Article` records and the
:class:`~newslib.records.Problem` list that says what was skipped or repaired and why.

One module per kind of input (``text``: bytes and cleaning; ``files``: a folder; ``tables``:
CSV/JSONL; ``metadata``: metadata files and column names; ``html``: saved pages); this module
chooses among them. The :class:`~newslib.corpus.Corpus` above only orchestrates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..records import Article, CorpusError, Problem
from .files import read_files, walk, walk_strings
from .language import language_of, not_english
from .metadata import FIELD_NAMES, META_NAMES, read_metadata
from .tables import iter_table
from .text import MAX_ARTICLE_BYTES, build_article, decode_bytes, outlet_from_url

__all__ = ["FIELD_NAMES", "MAX_ARTICLE_BYTES", "META_NAMES", "build_article", "decode_bytes",
           "folder_metadata", "outlet_from_url", "read_articles", "read_files", "read_metadata",
           "walk", "walk_strings"]

TABLE_SUFFIXES = (".csv", ".jsonl")


def folder_metadata(root: Path, problems: list[Problem]) -> dict[str, dict[str, Any]]:
    """``{id: row}`` from the metadata files at the top of a corpus folder."""
    metadata: dict[str, dict[str, Any]] = {}
    for name in META_NAMES:
        if (root / name).is_file():
            metadata.update(read_metadata(root / name, problems))
    return metadata


def read_articles(root: Path, *, max_bytes: int = MAX_ARTICLE_BYTES,
                  columns: Mapping[str, str] | None = None) -> tuple[list[Article], list[Problem]]:
    """Every article of a folder, a single article file or a table, and the problems met.

    Raises :class:`CorpusError` (one line) for a missing path or unreadable metadata.
    """
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"corpus not found: {root}")
    problems: list[Problem] = []
    articles: list[Article] = []
    if root.is_file() and root.suffix.lower() in TABLE_SUFFIXES:
        for art_id, raw, meta in iter_table(root, problems, columns=columns, max_bytes=max_bytes):
            art, why = build_article(raw, id=art_id, source_path=str(root), meta=meta, default_outlet="unknown")
            if art is None:
                problems.append(Problem(f"{root}#{art_id}", f"{why}; skipped", "skipped"))
            else:
                articles.append(art)
                if (lang := language_of(art.text)) is not None:
                    problems.append(not_english(f"{root}#{art_id}", lang))
        return _unique_ids(one_spelling(articles, problems), problems, root), problems
    if columns:
        raise CorpusError("columns= applies to a .csv or .jsonl table of articles, not to a folder")
    if root.is_file():
        files, base, metadata = [root], root.parent, {}
    else:
        files, base, metadata = list(walk(root)), root, folder_metadata(root, problems)
    used_meta: set[str] = set()
    for art, probs, mid in read_files(files, base, metadata, max_bytes):
        problems.extend(probs)
        if mid:
            used_meta.add(mid)
        if art is not None:
            articles.append(art)
    for mid in metadata:
        if mid not in used_meta:
            problems.append(Problem(f"metadata:{mid}", "metadata id matches no article file", "warning"))
    return _unique_ids(one_spelling(articles, problems), problems, base), problems


def one_spelling(articles: list[Article], problems: list[Problem]) -> list[Article]:
    """Outlet names that differ only in letter case or spacing read as one outlet, under the
    spelling most articles use (ties: the first met), with a warning naming each spelling.

    Why: a ``metadata.csv`` that covers some files says "NYT" while the folder of the others
    says "nyt"; every chart then split one outlet in two, and nothing said why.

    >>> arts = [Article(id=str(i), title="T", text="T", outlet=o) for i, o in enumerate(["NYT", "nyt", "NYT", "BBC"])]
    >>> probs = []
    >>> [a.outlet for a in one_spelling(arts, probs)], probs[0].reason
    (['NYT', 'NYT', 'NYT', 'BBC'], "outlet names 'NYT' (2 articles) and 'nyt' (1) differ only in letter case or spacing: all 3 read as 'NYT'")
    """
    from collections import Counter
    from dataclasses import replace

    spellings: dict[str, Counter] = {}
    for a in articles:
        spellings.setdefault(" ".join(a.outlet.split()).casefold(), Counter())[a.outlet] += 1
    chosen = {}
    for forms in spellings.values():
        if len(forms) > 1:
            (best, n), *rest = sorted(forms.items(), key=lambda kv: -kv[1])     # (stable: ties keep the first met)
            named = f"'{best}' ({n} article{'s' if n != 1 else ''})" + "".join(
                f"{' and' if k == len(rest) - 1 else ','} '{f}' ({m})" for k, (f, m) in enumerate(rest))
            problems.append(Problem(f"outlet:{best}", f"outlet names {named} differ only in letter case or spacing: "
                                    f"all {sum(forms.values())} read as '{best}'", "warning"))
            chosen.update({f: best for f in forms})
    if not chosen:
        return articles
    return [replace(a, outlet=chosen[a.outlet]) if chosen.get(a.outlet, a.outlet) != a.outlet else a
            for a in articles]


def _unique_ids(articles: list[Article], problems: list[Problem], base: Path) -> list[Article]:
    """Articles with distinct ids: a later article whose id is taken gets its file name with
    its suffix (``story.txt`` beside ``story.html``), else ``-2``, ``-3`` … (a story repeated in
    a table), and a problem says so; every table and notebook downstream keys on the id."""
    ids = {a.id for a in articles}
    if len(ids) == len(articles):
        return articles
    taken: set[str] = set()
    out = []
    for art in articles:
        if art.id in taken:
            where, new = f"{base}#{art.id}", art.id
            if base.is_dir() and art.source_path:
                try:
                    where = new = Path(art.source_path).relative_to(base).as_posix()
                except ValueError:
                    pass
            stem, n = new, 2
            while new in taken or new in ids:
                new, n = f"{stem}-{n}", n + 1
            problems.append(Problem(where, f"id {art.id!r} is another article's; read as {new!r}", "repaired"))
            art = dataclasses.replace(art, id=new)
        taken.add(art.id)
        out.append(art)
    return out
