"""Load a folder (or file) of news articles into clean :class:`Article` records.

Everything a user brings is accounted for: each file becomes an article or a :class:`Problem`
with its reason, and files that were repaired (decoded as Latin-1, UTF-16, …) are recorded too.
Nothing is dropped silently, because a researcher must be able to say what their corpus holds.

>>> import newslib, tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "a.txt").write_text("Talks end\\n\\nThe talks ended on Monday.", encoding="utf-8")
>>> c = newslib.load_corpus(root)
>>> [(a.id, a.title, a.outlet) for a in c.articles], c.problems
([('a', 'Talks end', 'unknown')], [])
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import cache as _cache
from ._parallel import CHUNK_CHARS, chunks_by_chars, imap_chunks, n_jobs, release_memory
from .quotes import quotes_frame, resolve_speakers
from .readers import MAX_ARTICLE_BYTES, decode_bytes, read_articles
from .readers.language import language_of
from .records import Article, CorpusError, Problem
from .tokens import count_words, sentences_frame, tokens_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Article", "Corpus", "CorpusError", "Problem", "load_corpus", "decode_bytes",
    "MAX_ARTICLE_BYTES", "PROJECT_ROOT", "resolve_corpus",
]

log = logging.getLogger(__name__)

#: The folder that holds ``newslib/`` (the repository, for an editable install).
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def resolve_corpus(path: str | os.PathLike, *, cwd: str | os.PathLike | None = None) -> str:
    """The corpus folder or file ``path`` names, as an absolute path.

    A relative path is tried as given (from the working folder), then from the working
    folder's parent (a notebook in ``notebooks/`` or ``work/`` finds ``seeds``), then from the
    project root of the installed package. Raises :class:`CorpusError` with one line naming
    every place it looked.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "seeds").mkdir(); (root / "notebooks").mkdir()
    >>> resolve_corpus("seeds", cwd=root / "notebooks") == str((root / "seeds").resolve())
    True
    >>> resolve_corpus("seeds", cwd=root) == str((root / "seeds").resolve())
    True
    >>> resolve_corpus("nowhere", cwd=root)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    newslib.records.CorpusError: corpus not found: nowhere (looked in .../nowhere, .../nowhere, .../nowhere)
    """
    p = Path(path).expanduser()
    here = Path(cwd) if cwd is not None else Path.cwd()
    candidates = [p] if p.is_absolute() else [here / p, here.parent / p, PROJECT_ROOT / p]
    for cand in candidates:
        if cand.exists():
            return str(cand.resolve())
    looked = list(dict.fromkeys(str(c.resolve()) for c in candidates))
    raise CorpusError(f"corpus not found: {path} (looked in {', '.join(looked)})")


def load_corpus(path: str | os.PathLike, *, max_bytes: int = MAX_ARTICLE_BYTES, cache: bool = False,
                cache_dir: str | os.PathLike | None = None, columns: Mapping[str, str] | None = None) -> Corpus:
    """Load articles from a folder (recursively), one article file, or a ``.csv``/``.jsonl`` table.

    Folder: every ``.txt`` file and every saved web page (``.html``, ``.htm``, gzipped too;
    body, headline, date, site name and canonical URL extracted, see
    :mod:`newslib.readers.html`) is an article, id = its path relative to the folder without
    suffixes (``politics/001``, ``pages/story`` for ``pages/story.html.gz``); ``metadata.csv``
    or ``metadata.jsonl`` at the top (columns ``id, outlet, date, url, title``, any others kept
    in ``Article.meta``) supplies metadata and wins field by field. Without metadata, the outlet
    is a page's site name, else the domain of the article's URL, else the file's parent folder
    name (``unknown`` at the top); ``meta["outlet_from"]`` says which (``metadata``, ``page``,
    ``url``, ``folder``, ``none``). The date comes from a dateline or caption when the text has
    one. Two articles never share an id: a later one keeps its suffix or gets ``-2`` (a problem
    says so). Table: one row per article, its columns recognised by name (Media Cloud's
    ``title, url, publish_date, media_name``; ``text``/``body``/``content``, ``headline``,
    ``source``, ``published`` …, see :data:`newslib.readers.FIELD_NAMES`);
    ``columns={"text": "story", "outlet": "paper"}`` maps any other names.

    ``cache=True`` keeps the cleaned corpus and every table computed from it (sentences, tokens,
    quotes) in Parquet, keyed by the files' contents and the newslib version (see
    :mod:`newslib.cache`); a second load of the same files reads them back.

    Raises :class:`CorpusError` (one line) for a missing path or unreadable metadata;
    everything else becomes a :class:`Problem`.
    """
    root = Path(path).expanduser()
    if not root.exists():
        raise CorpusError(f"corpus not found: {root}")
    if not cache:
        articles, problems = read_articles(root, max_bytes=max_bytes, columns=columns)
        return Corpus(articles, problems, root=root)
    folder = _cache.cache_folder(cache_dir, root)
    options = f"max_bytes={max_bytes}" + (f";columns={sorted(columns.items())}" if columns else "")
    # the entry this corpus had last time starts being read while the key is computed
    ahead = _cache.read_ahead(folder, root, options)
    entry = folder / _cache.corpus_key(root, options=options, memo_dir=folder)
    fault = None
    try:
        hit = _cache.read_articles(entry, ahead=ahead) if entry.is_dir() else None
    except _cache.CacheFault as exc:
        hit, fault = None, exc
    if ahead is not None:
        ahead[1].exception()    # a stale read must end before any worker process is forked
    _cache.remember_entry(folder, root, options, entry)
    if hit is not None:
        corpus = Corpus(hit[0], hit[1], root=hit[2])
    else:
        corpus = load_corpus(root, max_bytes=max_bytes, columns=columns)
        _cache.write_articles(corpus.articles, corpus.problems, corpus.root, entry, replace=fault is not None)
        if fault is not None:
            corpus.problems.append(_cache_problem(entry, fault))
    corpus._cache_entry = entry
    return corpus


def _cache_problem(entry: Path, fault: Exception) -> Problem:
    return Problem(f"cache:{entry}", f"cache entry {fault}; computed again", "repaired")


class Corpus:
    """Articles plus the problems met while loading; tables are built on demand and cached.

    Tables (pandas DataFrames, one row per unit): :meth:`frame` (articles), :meth:`sentences`,
    :meth:`tokens`, :meth:`quotes`, :meth:`problems_frame`, :meth:`removed_frame`.
    """

    def __init__(self, articles: list[Article], problems: list[Problem] | None = None,
                 *, root: str | os.PathLike | None = None) -> None:
        self.articles = list(articles)
        self.problems = list(problems or [])
        self.root = Path(root) if root is not None else None
        #: processes for the per-article stages (None: two on a large corpus, see ``_parallel``)
        self.jobs: int | None = None
        self._cache: dict[str, Any] = {}
        self._cache_entry: Path | None = None  # on-disk cache entry (load_corpus(cache=True))
        self._words: list[int] | None = None   # word tokens per article (word_counts)
        #: processor seconds per stage in the workers, from the last :meth:`prepare` pass
        self.stage_seconds: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __getitem__(self, key: int | str) -> Article:
        if isinstance(key, str):
            for a in self.articles:
                if a.id == key:
                    return a
            raise KeyError(key)
        return self.articles[key]

    def __repr__(self) -> str:
        return f"<Corpus {len(self.articles)} articles, {len(self.problems)} problems, root={self.root}>"

    def require(self, n: int = 2, *, what: str = "this notebook") -> Corpus:
        """Raise :class:`CorpusError` with a clear message unless the corpus has ``n`` articles."""
        if len(self.articles) < n:
            probs = "; ".join(f"{p.path}: {p.reason}" for p in self.problems[:3])
            where = self.root if self.root is not None else "the corpus"
            raise CorpusError(f"{what} needs at least {n} article{'s' if n != 1 else ''}; {where} has "
                              f"{len(self.articles)}" + (f" ({probs})" if probs else ""))
        return self

    def subset(self, ids: Iterable[str]) -> Corpus:
        """A new corpus holding the articles with these ids (order kept)."""
        wanted = set(ids)
        return Corpus([a for a in self.articles if a.id in wanted], self.problems, root=self.root)

    def with_metadata(self, **columns: dict[str, Any]) -> Corpus:
        """Return a corpus whose articles carry extra ``meta`` columns, by id.

        >>> c = Corpus([Article(id="a", title="T", text="T\\n\\nBody.")])
        >>> c.with_metadata(region={"a": "north"}).frame()["region"].tolist()
        ['north']
        """
        arts = []
        for a in self.articles:
            meta = dict(a.meta)
            for col, mapping in columns.items():
                if a.id in mapping:
                    meta[col] = mapping[a.id]
            arts.append(replace(a, meta=meta))
        return Corpus(arts, self.problems, root=self.root)

    # ---- tables -------------------------------------------------------------------------
    def frame(self) -> pd.DataFrame:
        """One row per article: ``id, outlet, date, url, title, words, folder, captions,
        removed, source_path`` plus any extra metadata columns. ``words`` counts the word
        tokens, headline included (:func:`newslib.tokens.count_words`): the words of
        :meth:`tokens` and what per-1,000-word rates divide by, so that every count of words
        a notebook or ``newslib info`` shows is the same number.

        >>> Corpus([Article(id="a", title="Iran’s deal", text="Iran’s deal\\n\\nIt is done.")]).frame()["words"].tolist()
        [6]
        """
        import pandas as pd

        rows = []
        for a, n_words in zip(self.articles, self.word_counts(), strict=True):
            row = {
                "id": a.id, "outlet": a.outlet, "date": a.date, "url": a.url, "title": a.title,
                "words": n_words, "folder": a.folder,
                "captions": len(a.captions), "removed": len(a.removed), "source_path": a.source_path,
            }
            for k, v in a.meta.items():
                row.setdefault(k, v)
            rows.append(row)
        cols = ["id", "outlet", "date", "url", "title", "words", "folder", "captions", "removed", "source_path"]
        return pd.DataFrame(rows, columns=cols + sorted({k for r in rows for k in r} - set(cols)))

    def word_counts(self) -> list[int]:
        """The word tokens of each article, in article order (see :meth:`frame`): read from
        the token table when it is built, else counted (and kept: the frame is asked for often).

        >>> c = Corpus([Article(id="a", title="T", text="T\\n\\nMr. Smith didn't go.")])
        >>> c.word_counts(), int(c.tokens()["is_word"].sum())
        ([6], 6)
        """
        if self._words is None or len(self._words) != len(self.articles):
            if "tokens" in self._cache:
                toks = self._cache["tokens"]
                words = toks.loc[toks["is_word"].to_numpy(), "article_id"].value_counts()
                words.index = words.index.astype(str)
                self._words = [int(words.get(a.id, 0)) for a in self.articles]
            else:
                self._words = [count_words(a.text) for a in self.articles]
        return self._words

    def problems_frame(self) -> pd.DataFrame:
        """One row per problem: ``path, action, reason``."""
        import pandas as pd

        return pd.DataFrame([(p.path, p.action, p.reason) for p in self.problems],
                            columns=["path", "action", "reason"])

    def removed_frame(self) -> pd.DataFrame:
        """One row per line that cleaning removed: ``article_id, reason, line``."""
        import pandas as pd

        return pd.DataFrame([(a.id, r.reason, r.line) for a in self.articles for r in a.removed],
                            columns=["article_id", "reason", "line"])

    def prepare(self, *names: str) -> Corpus:
        r"""Compute the per-article tables ``names`` (default: sentences, tokens and quotes) in
        one pass, and return the corpus; :meth:`sentences`, :meth:`tokens` and :meth:`quotes`
        then return them at once. Tables already computed (or in the on-disk cache) are kept.

        Why: on a large corpus each table is computed in worker processes, piece by piece. One
        pass per piece — its sentences, then its tokens and quotes from them — sends the
        articles once, needs no stacked sentence table in between, and keeps both workers busy
        across what would be three waits for the slowest piece. ``stage_seconds`` then holds
        the processor seconds each stage took in the workers.

        >>> c = Corpus([Article(id="a", title="T", text="T\n\n“We won,” Ana Silva said.")])
        >>> c.prepare() is c, len(c.tokens()), c.quotes()["speaker"].tolist()
        (True, 10, ['Ana Silva'])
        """
        wanted = list(names) or list(_TABLES)
        unknown = [n for n in wanted if n not in _TABLES]
        if unknown:
            raise ValueError(f"unknown table {unknown[0]!r}; choose from {', '.join(_TABLES)}")
        entry = self._cache_entry
        if entry is not None:   # tables stored by an earlier load of the same files
            tables, faults = _cache.read_tables(entry, [n for n in wanted if n not in self._cache])
            self._cache.update(tables)
            if "sentences" not in self._cache and any(n not in self._cache for n in wanted):
                # the missing tables are computed from the sentences: reuse stored ones
                more, also = _cache.read_tables(entry, ["sentences"])
                self._cache.update(more)
                faults += [f for f in also if str(f) not in map(str, faults)]
            self.problems.extend(_cache_problem(entry, f) for f in faults)
        todo = [n for n in _TABLES if n in wanted and n not in self._cache]
        if not todo:
            return self
        if "sentences" in self._cache:
            # the workers need the sentence offsets, not the sentence text: less to send
            sents = self._cache["sentences"][["article_id", "sentence_id", "start", "end"]]
        else:
            sents = None
            todo = ["sentences", *(n for n in todo if n != "sentences")]   # split anyway: keep them
        total = sum(len(a.text) for a in self.articles)
        jobs = n_jobs(total, self.jobs)
        if jobs == 1:
            # one piece: its tables are the tables (no stacking)
            frames, cpu = _prepare_job((self.articles, sents, tuple(todo)))
            for n in todo:
                self._store(n, frames.pop(n))
            self.stage_seconds = {n: cpu[n] for n in todo}
            return self
        # pieces of about CHUNK_CHARS characters, each piece's tables added to the result as they
        # arrive and then dropped: memory stays near one copy of the final tables
        parts = chunks_by_chars(self.articles, jobs * -(-total // (CHUNK_CHARS * jobs)))  # a multiple of jobs
        # every piece's quotes first, then every piece's sentences and tokens: the speakers are
        # resolved here, across the corpus, while the workers tokenise, instead of after them
        # (the quote pass splits its articles' sentences itself, a fiftieth of its work)
        groups = [g for g in (tuple(n for n in todo if n == "quotes"), tuple(n for n in todo if n != "quotes")) if g]
        args = [(p, s, g) for g in groups for p, s in _job_args(parts, sents)]
        builders = {n: FrameBuilder() for n in todo}
        left = dict.fromkeys(todo, len(parts))
        seconds: dict[str, float] = dict.fromkeys(todo, 0.0)
        for k, (frames, cpu) in enumerate(imap_chunks(_prepare_job, args, jobs=jobs)):
            for n, sec in cpu.items():
                seconds[n] = seconds.get(n, 0.0) + sec
            for n, frame in frames.items():
                builders[n].add(frame)
                left[n] -= 1
            del frames
            for n in [n for n in todo if left[n] == 0 and n in builders]:
                self._store(n, builders.pop(n).finish())
                release_memory()
            if k % 8 == 7:
                release_memory()  # the pieces' freed memory, before it piles up
        self.stage_seconds = {n: seconds[n] for n in todo}
        return self

    def _store(self, name: str, table: pd.DataFrame) -> None:
        """Keep a computed table, and write it to the on-disk cache entry when there is one."""
        if name == "quotes":
            # one name per person across the corpus; acronyms and "the ministry" by their article
            table = resolve_speakers(table, texts={a.id: a.text for a in self.articles})
        self._cache[name] = table
        if self._cache_entry is not None:
            _cache.write_table(self._cache_entry, name, table)

    def sentences(self) -> pd.DataFrame:
        """One row per sentence: ``article_id, sentence_id, start, end, text`` (offsets into
        ``Article.text``). See :func:`newslib.tokens.sentence_spans`."""
        if "sentences" not in self._cache:
            self.prepare("sentences")
        return self._cache["sentences"]

    def tokens(self) -> pd.DataFrame:
        """One row per token: ``article_id, sentence_id, token_id, token, lower, start, end,
        is_word, is_stop``. See :func:`newslib.tokens.tokenize`."""
        if "tokens" not in self._cache:
            self.prepare("tokens")      # with the sentences, in the same pass, if not yet split
        return self._cache["tokens"]

    def quotes(self) -> pd.DataFrame:
        """One row per quote in every article (``article_id`` first); see
        :func:`newslib.quotes.extract_quotes`. An article that reads as another language than
        English (a warning in :attr:`problems`) has none: the rules read English."""
        if "quotes" not in self._cache:
            self.prepare("quotes")      # with the sentences, in the same pass, if not yet split
        return self._cache["quotes"]


class FrameBuilder:
    """Stacks frames with the same columns, one at a time, keeping categorical columns
    categorical; :meth:`finish` returns the stacked frame.

    Why not ``pd.concat``: columns whose categories differ come back as Python objects
    (multiplying memory), and ``union_categoricals`` on string categories takes half a second
    per million rows. Here each frame's categories get global codes from one dict (new ones
    appended in order) and its integer codes are remapped with one array lookup; the frame is then dropped, and
    each column is joined and freed in turn, so memory peaks near one copy of the result.

    >>> import pandas as pd
    >>> b = FrameBuilder()
    >>> b.add(pd.DataFrame({"t": pd.Categorical(["x", "y"]), "n": [1, 2]}))
    >>> b.add(pd.DataFrame({"t": pd.Categorical(["z", "x"]), "n": [3, 4]}))
    >>> out = b.finish()
    >>> out["t"].tolist(), list(out["t"].cat.categories), out["n"].tolist()
    (['x', 'y', 'z', 'x'], ['x', 'y', 'z'], [1, 2, 3, 4])
    """

    def __init__(self) -> None:
        self.columns: list[str] | None = None
        self.parts: dict[str, list] = {}
        self.codes: dict[str, dict] = {}    # categorical column -> {category: global code}
        self.first = None

    def add(self, frame: pd.DataFrame) -> None:
        import numpy as np
        import pandas as pd

        if self.columns is None:
            self.columns = list(frame.columns)
            self.first = frame.iloc[:0]
            self.parts = {c: [] for c in self.columns}
            self.codes = {c: {} for c in self.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}
        for col in self.columns:
            x = frame[col]
            if col in self.codes and isinstance(x.dtype, pd.CategoricalDtype):
                # a dict lookup per category of this frame (tens of thousands at most): cheaper
                # than an index search against the growing category index
                known = self.codes[col]
                fc = x.cat.categories.tolist()
                missing = set(fc).difference(known)
                if missing:   # new categories get the next codes, in this frame's order
                    fresh = list(filter(missing.__contains__, fc))
                    known.update(zip(fresh, range(len(known), len(known) + len(fresh)), strict=True))
                idx = np.fromiter(map(known.__getitem__, fc), dtype=np.int32, count=len(fc))
                c = x.cat.codes.to_numpy()
                self.parts[col].append(np.where(c < 0, -1, idx[c] if len(idx) else c).astype(np.int32))
            elif col in self.codes:
                raise TypeError(f"column {col!r} is categorical in one frame and not in another")
            else:
                self.parts[col].append(x.to_numpy() if isinstance(x.dtype, np.dtype) else x)

    def finish(self) -> pd.DataFrame:
        import numpy as np
        import pandas as pd

        if self.columns is None:
            raise ValueError("no frame was added")
        n = sum(len(p) for p in next(iter(self.parts.values()), []))
        cols: dict[str, Any] = {}
        for col in self.columns:
            parts = self.parts.pop(col)
            if col in self.codes:
                cats = pd.Index(list(self.codes.pop(col)), dtype=self.first[col].cat.categories.dtype)
                cols[col] = pd.Categorical.from_codes(np.concatenate(parts), categories=cats, validate=False)
            elif parts and all(isinstance(p, np.ndarray) for p in parts):
                cols[col] = np.concatenate(parts)
            else:
                cols[col] = pd.concat(parts, ignore_index=True).astype(self.first[col].dtype)
            parts.clear()
            # the pieces lie in the C heap and the joined column in a fresh mapping, which
            # never reuses them: hand them back now, or the peak holds the table twice
            release_memory()
        # one constructor call without copying (assigning column by column copied each array)
        return pd.DataFrame(cols, index=pd.RangeIndex(n), copy=False)


def concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """``pd.concat(frames, ignore_index=True)`` that keeps categorical columns categorical
    (see :class:`FrameBuilder`)."""
    if len(frames) == 1:
        return frames[0]
    b = FrameBuilder()
    for f in frames:
        b.add(f)
    return b.finish()


def _job_args(parts: list[list[Article]], sents: pd.DataFrame | None):
    """(articles, their sentences) per chunk. Sentences are stored in article order, so each
    chunk's rows are one slice found by binary search, not a membership test per chunk."""
    import numpy as np
    import pandas as pd

    if sents is None:
        for p in parts:
            yield p, None
        return
    order = [a.id for p in parts for a in p]
    pos = pd.Categorical(sents["article_id"], categories=order).codes.astype(np.int64)
    ordered = bool(len(pos) == 0 or (pos[0] >= 0 and (np.diff(pos) >= 0).all()))
    first = 0
    for p in parts:
        lo, hi = first, first + len(p)
        first = hi
        if ordered:
            a, b = np.searchsorted(pos, [lo, hi])
            yield p, sents.iloc[a:b]
        else:
            yield p, sents[(pos >= lo) & (pos < hi)]


_TABLES = ("sentences", "tokens", "quotes")


def _prepare_job(arg):
    """Sentences (unless given, or only quotes are asked for: their pass splits its own), then
    tokens and quotes of one piece of articles, with the processor seconds each took."""
    articles, sents, todo = arg
    frames, cpu = {}, {}
    if sents is None and ("sentences" in todo or "tokens" in todo):
        t = time.process_time()
        full = sentences_frame(articles)
        if "sentences" in todo:
            frames["sentences"] = full
        sents = full[["article_id", "sentence_id", "start", "end"]]
        cpu["sentences"] = time.process_time() - t
    for name, fn in (("tokens", tokens_frame), ("quotes", quotes_frame)):
        if name in todo:
            t = time.process_time()
            # (the quote rules read English: an article in another language, kept and named in
            # a warning, gave "Jangan" and "Il" as speakers, so it gives no quotes)
            frames[name] = fn(articles if name == "tokens" else [a for a in articles if language_of(a.text) is None],
                              sentences=sents)
            cpu[name] = time.process_time() - t
    return frames, cpu
