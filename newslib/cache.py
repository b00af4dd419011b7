"""On-disk cache of a loaded corpus and its tables, in Parquet.

A cache entry is keyed by the newslib version, the contents of ``newslib/data`` (rules and
lexicons change the results), the loading options and the *contents* of every file of the
corpus — not their dates, which copies and checkouts change — so it is invalidated exactly when
the result could differ. Entries live in the platform's cache folder (``~/.cache/newslib`` on
Linux, ``~/Library/Caches/newslib`` on macOS, ``%LOCALAPPDATA%\\newslib\\Cache`` on Windows),
or in ``NEWSLIB_CACHE_DIR``, never inside the corpus itself.

Why Parquet: typed columns, compressed (LZ4: the fastest to read back), and read back an
order of magnitude faster than re-tokenising.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ._version import __version__
from .lexicons import data_digest
from .readers import walk_strings
from .records import Article, CorpusError, Problem, Removed

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CacheFault", "cache_root", "corpus_key", "read_articles", "write_articles", "write_table",
           "read_table", "read_tables"]


class CacheFault(Exception):
    """A cache entry or table that exists but cannot be trusted (truncated, empty, from another
    newslib version): the caller records it as a problem and computes the table again."""

_SCHEMA = "5"
KEEP_ENTRIES = 20
#: Parquet compression of cache entries. Why LZ4 and not Parquet's usual Snappy: on the BBC
#: corpus the article and sentence tables read back three times faster (12 -> 4 ms each) for
#: 3 % more bytes on disk.
COMPRESSION = "lz4"


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


def corpus_key(root: Path, *, options: str, memo_dir: str | os.PathLike | None = None) -> str:
    """Hex key of a corpus: version, rules, options, and every file's path and contents.

    The walk is the loader's own (``readers.walk_strings``), so both see the same files. With
    ``memo_dir``, each file's content digest is remembered there beside its size, inode and
    modification and change times (as git's index does), and a file whose four are unchanged
    is not read again: on a cached reload, reading every file was a third of the time. A
    file changed within two seconds of the memo being written is always read again (the
    clock may not have moved), and the change time cannot be set back by a user, so an edit
    is never missed. When no path and none of the four changed anywhere, one digest of the
    whole listing finds the remembered contents digest without reading the per-file memo.
    """
    root_s = os.fspath(root)
    entries = [(os.path.basename(root_s), root_s)] if os.path.isfile(root_s) else list(walk_strings(root_s))
    sigs: list[tuple] = []
    for rel, full in entries:
        try:
            st = os.stat(full)
            sigs.append((rel, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
        except OSError:
            sigs.append((rel, -1, 0, 0, 0))
    listing = hashlib.sha1(repr(sigs).encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()
    newest = max((max(sg[2], sg[3]) for sg in sigs), default=0)
    head_path = files_path = None
    head: dict = {}
    if memo_dir is not None:
        tag = hashlib.sha1(os.path.abspath(root_s).encode("utf-8", "surrogateescape"), usedforsecurity=False)
        head_path = Path(memo_dir) / f"files-{tag.hexdigest()[:16]}.json"
        files_path = head_path.with_name(head_path.stem + "-digests.json")
        try:
            head = json.loads(head_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            head = {}
    contents = None
    if head.get("listing") == listing and isinstance(head.get("written"), int) \
            and newest < head["written"] - 2_000_000_000:
        contents = head.get("contents")
    if not isinstance(contents, str):
        contents = _contents_digest(entries, sigs, head, files_path)
        if head_path is not None:
            _write_json(files_path, {"files": {sg[0]: [*sg[1:], d] for sg, d in contents[1].items()}})
            _write_json(head_path, {"written": time.time_ns(), "listing": listing, "contents": contents[0]})
        contents = contents[0]
    h = hashlib.sha256(f"{_SCHEMA}|{__version__}|{options}|{data_digest()}|{contents}".encode())
    return h.hexdigest()[:32]


def _contents_digest(entries, sigs, head: dict, files_path: Path | None):
    """Digest of every file's path and contents (per-file digests reused from the memo where a
    file's size, times and inode are unchanged), and the per-file digests to remember."""
    known: dict[str, list] = {}
    if files_path is not None and isinstance(head.get("written"), int):
        try:
            known = json.loads(files_path.read_text(encoding="utf-8"))["files"]
        except (OSError, ValueError, KeyError, TypeError):
            known = {}
    trust_before = head.get("written", 0) - 2_000_000_000 if known else 0
    h = hashlib.sha256()
    remember: dict[tuple, str] = {}
    for (rel, full), sg in zip(entries, sigs, strict=True):
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        old = known.get(rel)
        if sg[1] >= 0 and old is not None and list(old[:4]) == list(sg[1:]) and max(sg[2], sg[3]) < trust_before:
            digest = old[4]
        else:
            try:
                with open(full, "rb") as fh:
                    digest = hashlib.sha1(fh.read(), usedforsecurity=False).hexdigest()
            except OSError:
                h.update(b"unreadable")
                continue
        if sg[1] >= 0:
            remember[sg] = digest
        h.update(digest.encode())
    return h.hexdigest(), remember


def _write_json(path: Path, data: dict) -> None:
    """Write ``data`` to ``path`` atomically; a read-only cache folder is not an error (the key
    is still right, only slower to compute next time)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def cache_folder(cache_dir: str | os.PathLike | None, corpus_root: Path) -> Path:
    """The cache root for ``corpus_root``; raises CorpusError when it lies inside the corpus
    (the cache would be loaded as articles, and the corpus folder is the user's)."""
    root = cache_root(cache_dir).resolve()
    base = corpus_root.resolve() if corpus_root.is_dir() else corpus_root.resolve().parent
    if root == base or base in root.parents:
        raise CorpusError(f"the cache folder {root} must not be inside the corpus {base}")
    return root


def _last_entry_path(folder: Path, root: Path, options: str) -> Path:
    tag = hashlib.sha1(f"{os.path.abspath(root)}|{options}".encode("utf-8", "surrogateescape"),
                       usedforsecurity=False).hexdigest()[:16]
    return folder / f"last-{tag}.txt"


def read_ahead(folder: Path, root: Path, options: str):
    """``(entry, future)``: the article table of the entry this corpus used last time, being
    read in a thread, or None. Why: the corpus key (a walk and a stat of every file) and
    Arrow's decoding of the articles (which does not hold Python's lock) overlap; the read is
    used only if the key names the same entry."""
    try:
        last = folder / _last_entry_path(folder, root, options).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not last.name or not (last / "articles.parquet").is_file():
        return None
    import threading
    from concurrent.futures import Future

    import pyarrow.parquet as pq

    fut: Future = Future()

    def work() -> None:
        try:
            fut.set_result(pq.ParquetFile(last / "articles.parquet").read())
        except Exception as exc:   # read again, in the open, if it is used
            fut.set_exception(exc)

    threading.Thread(target=work, name="newslib-read-ahead", daemon=True).start()
    return last, fut


def remember_entry(folder: Path, root: Path, options: str, entry: Path) -> None:
    """Note ``entry`` as this corpus's entry, for :func:`read_ahead` next time."""
    path = _last_entry_path(folder, root, options)
    try:
        if path.read_text(encoding="utf-8").strip() == entry.name:
            return
    except OSError:
        pass
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(entry.name, encoding="utf-8")
    except OSError:
        pass


def read_articles(entry: Path, *, ahead=None) -> tuple[list[Article], list[Problem], str] | None:
    """The articles, problems and corpus root stored in ``entry``, or None when there is none
    (or it is unreadable); ``ahead`` is what :func:`read_ahead` started."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = None
    if ahead is not None and ahead[0] == entry:
        try:
            table = ahead[1].result()
        except Exception:
            table = None
    _check_version(entry)
    try:
        # plain Python lists straight from Arrow: no DataFrame in between, no per-row pandas work
        if table is None:
            table = pq.ParquetFile(entry / "articles.parquet").read()
        cols = table.to_pydict()
        probs = pq.ParquetFile(entry / "problems.parquet").read().to_pydict()
        root = json.loads((entry / "root.json").read_text(encoding="utf-8"))["root"]
        want = ("id", "title", "text", "outlet", "date", "url", "source_path", "captions", "removed", "meta")
        if not all(k in cols for k in want) or not all(k in probs for k in ("path", "reason", "action")):
            raise ValueError("columns missing")
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException) as exc:
        raise CacheFault(f"{entry.name} unreadable ({_why(exc)})") from None

    def some(v):
        return None if v is None or v != v else v   # missing (None or NaN) -> None

    # most articles have no captions, removed lines or metadata: skip the JSON parser for those
    articles = [Article(id=i, title=t, text=x, outlet=o, date=some(d), url=some(u), source_path=some(sp),
                        captions=() if c == "[]" else tuple(json.loads(c)),
                        removed=() if r == "[]" else tuple(Removed(*v) for v in json.loads(r)),
                        meta={} if m == "{}" else json.loads(m))
                for i, t, x, o, d, u, sp, c, r, m in zip(
                    cols["id"], cols["title"], cols["text"], cols["outlet"], cols["date"], cols["url"],
                    cols["source_path"], cols["captions"], cols["removed"], cols["meta"], strict=True)]
    problems = [Problem(*r) for r in zip(probs["path"], probs["reason"], probs["action"], strict=True)]
    return articles, problems, root


def _why(exc: BaseException) -> str:
    """One line on what was wrong with a cached file."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return text[:120]


def _check_version(entry: Path) -> None:
    """Raise :class:`CacheFault` unless ``entry`` was written by this newslib version and
    cache schema (the key holds both, but a copied or hand-edited cache folder need not)."""
    try:
        meta = json.loads((entry / "version.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CacheFault(f"{entry.name} has no readable version record ({_why(exc)})") from None
    if not isinstance(meta, dict) or meta.get("version") != __version__ or meta.get("schema") != _SCHEMA:
        got = meta.get("version") if isinstance(meta, dict) else meta
        raise CacheFault(f"{entry.name} was written by newslib {got!r}, not {__version__!r}") from None


def write_articles(corpus: list[Article], problems: list[Problem], root: object, entry: Path, *,
                   replace: bool = False) -> None:
    """Store ``articles`` (``corpus``), ``problems`` and the corpus ``root`` in ``entry``,
    atomically: the folder is written under a temporary name and renamed into place, so a
    reader sees a whole entry or none. When another process put the entry there first, its
    copy is kept (the contents are the same); ``replace=True`` swaps out a faulty entry.
    A cache folder that cannot be written is not an error: the tables are only not kept."""
    try:
        _write_articles(corpus, problems, root, entry, replace=replace)
    except OSError:
        pass


def _write_articles(corpus: list[Article], problems: list[Problem], root: object, entry: Path, *,
                    replace: bool) -> None:
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
    }).to_parquet(tmp / "articles.parquet", index=False, compression=COMPRESSION)
    pd.DataFrame([(p.path, p.reason, p.action) for p in problems],
                 columns=["path", "reason", "action"]).to_parquet(tmp / "problems.parquet", index=False,
                                                                compression=COMPRESSION)
    (tmp / "root.json").write_text(json.dumps({"root": str(root)}), encoding="utf-8")
    (tmp / "version.json").write_text(json.dumps({"version": __version__, "schema": _SCHEMA}), encoding="utf-8")
    if replace and entry.exists():
        old = entry.with_name(entry.name + f".old{os.getpid()}")
        try:
            os.replace(entry, old)
        except OSError:
            old = None              # another process moved it first
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    try:
        os.replace(tmp, entry)      # fails when the entry exists: renaming never mixes two
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(entry.parent)


def write_table(entry: Path, name: str, frame: pd.DataFrame) -> None:
    """Store one table in ``entry``, atomically (written aside, then renamed over)."""
    tmp = entry / f".{name}.{os.getpid()}.parquet"
    try:
        frame.to_parquet(tmp, index=False, compression=COMPRESSION)
        os.replace(tmp, entry / f"{name}.parquet")
    except OSError:
        tmp.unlink(missing_ok=True)


def _fast_frame(path: Path) -> pd.DataFrame | None:
    """A table of numbers (whole numbers with gaps as Int64), booleans, strings and
    categoricals of strings, converted without pandas' generic path; None when a column is of
    another kind: read that table with ``pd.read_parquet``.

    Why: pandas rebuilds each categorical's categories through a generic path that took two
    thirds of a token table's reload; here the Parquet dictionary becomes the categories and
    its indices the codes, as they are, and string columns stay the Arrow arrays they are read
    as. The dtypes are those ``pd.read_parquet`` gives (a test compares the two).
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    tab = pq.ParquetFile(path).read()   # not pq.read_table: that loads pyarrow.dataset first
    cols = {}
    text_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    for name, col in zip(tab.column_names, tab.columns, strict=True):
        typ = col.type
        if pa.types.is_string(typ) or pa.types.is_large_string(typ):
            cols[name] = pd.array(col, dtype=text_dtype)
            continue
        if col.num_chunks == 0:
            return None
        if col.null_count:
            if not pa.types.is_integer(typ):
                return None
            # whole numbers with gaps (a quote's mention offsets): pandas' nullable Int64, as
            # the pandas metadata stored beside them says
            values = col.fill_null(0).to_numpy().astype(np.int64)
            cols[name] = pd.arrays.IntegerArray(values, col.is_null().to_numpy())
            continue
        if pa.types.is_dictionary(typ) and pa.types.is_string(typ.value_type):
            first = col.chunks[0].dictionary
            if not all(c.dictionary.equals(first) for c in col.chunks[1:]):
                return None
            codes = np.concatenate([c.indices.to_numpy() for c in col.chunks])
            cols[name] = _categorical(codes, pd.Index(first, dtype=str))
        elif pa.types.is_integer(typ) or pa.types.is_boolean(typ) or pa.types.is_floating(typ):
            cols[name] = col.to_numpy()
        else:
            return None
    return pd.DataFrame(cols, index=pd.RangeIndex(tab.num_rows), copy=False)


def _categorical(codes, categories: pd.Index):
    """``pd.Categorical.from_codes(codes, categories=categories)`` for categories known to be
    unique (a Parquet dictionary is). Why: pandas checks uniqueness by hashing every category
    again, ten milliseconds per token column on a cached reload; its fast-path constructor skips
    that (private in pandas, hence the fallback to the public call)."""
    import pandas as pd

    try:
        dtype = pd.CategoricalDtype._from_fastpath(categories, False)
    except (AttributeError, TypeError):
        return pd.Categorical.from_codes(codes, categories=categories, validate=False)
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


def read_table(entry: Path, name: str) -> pd.DataFrame | None:
    """A stored table, or None when the entry has none; :class:`CacheFault` when the file is
    there but truncated, empty or otherwise unreadable."""
    import pandas as pd
    import pyarrow as pa

    path = entry / f"{name}.parquet"
    if not path.is_file():
        return None
    try:
        df = _fast_frame(path)
        if df is None:
            df = pd.read_parquet(path)
    except (OSError, ValueError, TypeError, pa.ArrowException) as exc:
        raise CacheFault(f"{entry.name}/{name}.parquet unreadable ({_why(exc)})") from None
    for col in ("mention_start", "mention_end"):
        if col in df.columns:
            df[col] = df[col].astype("Int64")
    return df


def read_tables(entry: Path, names: list[str]) -> tuple[dict[str, pd.DataFrame], list[CacheFault]]:
    """The tables ``names`` stored in ``entry`` (those present and readable), read at once,
    and the faults met (tables present but unreadable, to be computed again).

    Why threads: Arrow decodes a file without holding Python's lock, so one table's file is
    decoded while another is turned into a DataFrame (on the BBC corpus 62 -> 51 ms, fastest of
    nine fresh processes).
    """
    def one(name: str) -> pd.DataFrame | CacheFault | None:
        try:
            return read_table(entry, name)
        except CacheFault as exc:
            return exc

    if len(names) <= 1:
        found = {n: one(n) for n in names}
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=len(names)) as ex:
            found = dict(zip(names, ex.map(one, names), strict=True))
    tables = {n: t for n, t in found.items() if t is not None and not isinstance(t, CacheFault)}
    return tables, [t for t in found.values() if isinstance(t, CacheFault)]


def _prune(root: Path) -> None:
    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:        # removed meanwhile by another process
            return 0.0

    entries = sorted((p for p in root.iterdir() if p.is_dir() and ".tmp" not in p.name and ".old" not in p.name),
                     key=mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        shutil.rmtree(old, ignore_errors=True)
