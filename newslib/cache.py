"""On-disk cache of a loaded corpus and its tables, in Parquet.

A cache entry is keyed by the newslib version, the contents of ``newslib/data`` (rules and
lexicons change the results), the loading options and the *contents* of every file of the
corpus — not their dates, which copies and checkouts change — so it is invalidated exactly when
the result could differ. Entries live in the platform's cache folder (``~/.cache/newslib`` on
Linux, ``~/Library/Caches/newslib`` on macOS, ``%LOCALAPPDATA%\\newslib\\Cache`` on Windows),
or in ``NEWSLIB_CACHE_DIR``, never inside the corpus itself.

Why Parquet: typed columns, compressed, and read back an order of magnitude faster than
re-tokenising.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Corpus

__all__ = ["cache_root", "corpus_key", "read_corpus", "write_articles", "write_table", "read_table"]

_SCHEMA = "1"
KEEP_ENTRIES = 20


def cache_root(cache_dir: str | os.PathLike | None = None) -> Path:
    """The folder holding cache entries (argument, then ``NEWSLIB_CACHE_DIR``, then platform)."""
    if cache_dir:
        return Path(cache_dir).expanduser()
    if os.environ.get("NEWSLIB_CACHE_DIR"):
        return Path(os.environ["NEWSLIB_CACHE_DIR"]).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "newslib" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "newslib"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newslib"


def _data_digest() -> str:
    h = hashlib.sha256()
    data = resources.files("newslib.data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".csv", ".txt")):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    return h.hexdigest()


def corpus_key(root: Path, *, options: str) -> str:
    """Hex key of a corpus: version, rules, options, and every file's path and contents.

    The walk is the loader's own (``corpus._walk_strings``), so both see the same files; on a
    cached reload this walk and the reading are most of the time spent.
    """
    from . import __version__

    h = hashlib.sha256(f"{_SCHEMA}|{__version__}|{options}|{_data_digest()}".encode())
    from .corpus import _walk_strings

    root_s = os.fspath(root)
    entries = [(os.path.basename(root_s), root_s)] if os.path.isfile(root_s) else _walk_strings(root_s)
    for rel, full in entries:
        h.update(rel.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        try:
            with open(full, "rb") as fh:
                h.update(hashlib.sha1(fh.read(), usedforsecurity=False).digest())
        except OSError:
            h.update(b"unreadable")
    return h.hexdigest()[:32]


def entry_dir(key: str, cache_dir: str | os.PathLike | None, corpus_root: Path) -> Path:
    from .corpus import CorpusError

    root = cache_root(cache_dir).resolve()
    base = corpus_root.resolve() if corpus_root.is_dir() else corpus_root.resolve().parent
    if root == base or base in root.parents:
        raise CorpusError(f"the cache folder {root} must not be inside the corpus {base}")
    return root / key


def read_corpus(entry: Path) -> Corpus | None:
    """The corpus stored in ``entry``, or None when there is none (or it is unreadable)."""
    import pandas as pd

    from .cleaning import Removed
    from .corpus import Article, Corpus, Problem

    try:
        arts = pd.read_parquet(entry / "articles.parquet")
        probs = pd.read_parquet(entry / "problems.parquet")
        root = json.loads((entry / "root.json").read_text(encoding="utf-8"))["root"]
    except (OSError, ValueError, KeyError):
        return None

    def some(v):
        return None if v is None or v != v else v   # missing (None or NaN) -> None

    # most articles have no captions, removed lines or metadata: skip the JSON parser for those
    cols = {c: arts[c].tolist() for c in arts.columns}   # plain lists: no per-row pandas work
    articles = [Article(id=i, title=t, text=x, outlet=o, date=some(d), url=some(u), source_path=some(sp),
                        captions=() if c == "[]" else tuple(json.loads(c)),
                        removed=() if r == "[]" else tuple(Removed(*v) for v in json.loads(r)),
                        meta={} if m == "{}" else json.loads(m))
                for i, t, x, o, d, u, sp, c, r, m in zip(
                    cols["id"], cols["title"], cols["text"], cols["outlet"], cols["date"], cols["url"],
                    cols["source_path"], cols["captions"], cols["removed"], cols["meta"], strict=True)]
    problems = [Problem(r.path, r.reason, r.action) for r in probs.itertuples(index=False)]
    c = Corpus(articles, problems, root=root)
    c._cache_entry = entry
    return c


def write_articles(corpus: Corpus, entry: Path) -> None:
    """Store the articles and problems of ``corpus`` in ``entry`` (atomically, as a folder)."""
    import pandas as pd

    tmp = entry.with_name(entry.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({
        "id": [a.id for a in corpus], "title": [a.title for a in corpus], "text": [a.text for a in corpus],
        "outlet": [a.outlet for a in corpus], "date": [a.date for a in corpus], "url": [a.url for a in corpus],
        "source_path": [a.source_path for a in corpus],
        "captions": [json.dumps(list(a.captions), ensure_ascii=False) for a in corpus],
        "removed": [json.dumps([[r.line, r.reason] for r in a.removed], ensure_ascii=False) for a in corpus],
        "meta": [json.dumps(a.meta, ensure_ascii=False, default=str) for a in corpus],
    }).to_parquet(tmp / "articles.parquet", index=False)
    pd.DataFrame([(p.path, p.reason, p.action) for p in corpus.problems],
                 columns=["path", "reason", "action"]).to_parquet(tmp / "problems.parquet", index=False)
    (tmp / "root.json").write_text(json.dumps({"root": str(corpus.root)}), encoding="utf-8")
    if entry.exists():
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        os.replace(tmp, entry)
    _prune(entry.parent)


def write_table(entry: Path, name: str, frame: pd.DataFrame) -> None:
    tmp = entry / f".{name}.{os.getpid()}.parquet"
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, entry / f"{name}.parquet")


def read_table(entry: Path, name: str) -> pd.DataFrame | None:
    import pandas as pd

    path = entry / f"{name}.parquet"
    if not path.is_file():
        return None
    try:
        df = pd.read_parquet(path)
    except (OSError, ValueError):
        return None
    for col in ("mention_start", "mention_end"):
        if col in df.columns:
            df[col] = df[col].astype("Int64")
    return df


def _prune(root: Path) -> None:
    entries = sorted((p for p in root.iterdir() if p.is_dir() and ".tmp" not in p.name),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        shutil.rmtree(old, ignore_errors=True)
