"""A table of articles (``.csv`` or ``.jsonl``): one row per article, as tools export them.

The text column and the metadata columns are recognised by name (see
:data:`newslib.readers.metadata.FIELD_NAMES`: Media Cloud's ``title, url, publish_date,
media_name``, and ``headline/body/content/source/published`` variants); ``columns=`` maps any
other. A row without text, a line that is not JSON, an id that would name a path outside the
corpus are recorded problems, never a crash and never silently dropped.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..records import CorpusError, Problem
from .metadata import FIELD_NAMES, clean_meta_row, field_columns
from .text import MAX_ARTICLE_BYTES, normalise_letters

__all__ = ["iter_table", "safe_id"]

_BAD_ID = re.compile(r"[\x00-\x1f\x7f\\]|^/|^[A-Za-z]:|(^|/)\.\.?(/|$)")


def safe_id(art_id: str) -> bool:
    """Whether an id from a table can be used as a name: no control characters, no absolute
    path, no ``..`` or ``.`` segment, at most 200 characters. Ids travel into file names of
    reports and caches, so one that could climb out of a folder is replaced, not trusted.

    >>> safe_id("politics/001"), safe_id("../../etc/passwd"), safe_id("/abs"), safe_id("a\\x00b")
    (True, False, False, False)
    """
    return bool(art_id) and len(art_id) <= 200 and not _BAD_ID.search(art_id)


def _rows_jsonl(path: Path, problems: list[Problem]) -> list[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cannot read {path}: {exc.__class__.__name__}") from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            problems.append(Problem(f"{path}:{n}", "not valid JSON; line skipped", "skipped"))
            continue
        if not isinstance(obj, dict):
            problems.append(Problem(f"{path}:{n}", "not a JSON object; line skipped", "skipped"))
            continue
        rows.append((n, obj))
    return rows


def _rows_csv(path: Path, problems: list[Problem], max_bytes: int) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a CSV file, read as a stream (a 100 MB cell never sits in memory twice).

    Why ``strict``: Python's lenient CSV mode reads an unclosed quote character to the end of
    the file, silently turning every following row into one article's text; strict mode stops
    there, and the rows from the broken one on are recorded as skipped instead.
    """
    csv.field_size_limit(min(sys.maxsize, max(max_bytes, 1)))
    for encoding in ("utf-8-sig", "cp1252"):
        rows: list[tuple[int, dict[str, Any]]] = []
        broken: Problem | None = None
        try:
            with open(path, encoding=encoding, errors="strict" if encoding == "utf-8-sig" else "replace",
                      newline="") as fh:
                reader = csv.DictReader(fh, strict=True)
                start = 2
                while True:
                    try:
                        row = next(reader)
                    except StopIteration:
                        break
                    except csv.Error as exc:
                        broken = Problem(f"{path}:{start}", f"CSV error ({exc}); this row and "
                                         "the rest of the file skipped", "skipped")
                        break
                    rows.append((start, row))   # where the row starts (it may span lines)
                    start = reader.line_num + 1
        except UnicodeDecodeError:
            continue
        except OSError as exc:
            raise CorpusError(f"cannot read {path}: {exc.__class__.__name__}") from None
        if encoding != "utf-8-sig":
            problems.append(Problem(str(path), "decoded as cp1252 (not valid UTF-8)", "repaired"))
        if broken:
            problems.append(broken)
        return rows
    return []


def iter_table(path: Path, problems: list[Problem], *, columns: Mapping[str, str] | None = None,
               max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(id, raw text, metadata)`` for each row of a ``.csv`` or ``.jsonl`` table; the
    headline (when a column holds it) is put on the first line of the raw text."""
    if path.suffix.lower() == ".jsonl":
        rows = _rows_jsonl(path, problems)
    else:
        rows = _rows_csv(path, problems, max_bytes)
    if not rows:
        return
    keys = {str(k).strip().lower() for _, r in rows for k in r if k}
    fields = field_columns(keys, columns)
    if "text" not in fields:
        raise CorpusError(f"{path} has no text column (expected one of: {', '.join(FIELD_NAMES['text'])}; "
                          "or name it with columns={'text': ...})")
    width = max(3, len(str(len(rows))))
    for i, (n, row) in enumerate(rows):
        row = {str(k).strip().lower(): v for k, v in row.items() if k}
        text = row.pop(fields["text"], None)
        if not (isinstance(text, str) and text.strip()):
            # rows of one table may name their text differently (JSON Lines from several tools)
            text = next((row.pop(c) for c in FIELD_NAMES["text"] if isinstance(row.get(c), str) and row[c].strip()),
                        text)
        where = f"{path}:{n}"
        meta = clean_meta_row(row, where, problems, fields)
        art_id = meta.get("id") or str(i).zfill(width)
        if not safe_id(art_id):
            problems.append(Problem(where, f"id {art_id[:40]!r} cannot name a file; row number used", "repaired"))
            art_id = meta["id"] = str(i).zfill(width)
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(where, "empty text; row skipped", "skipped"))
            continue
        if len(text) > max_bytes:
            problems.append(Problem(where, f"text of {len(text):,} characters exceeds the {max_bytes:,} limit; "
                                    "row skipped", "skipped"))
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text, repaired = normalise_letters(text)     # (as decode_bytes does for files)
        if repaired:
            problems.append(Problem(where, repaired, "repaired"))
        if meta.get("title") and not text.lstrip().startswith(str(meta["title"])):
            text = f"{meta['title']}\n\n{text}"
        yield art_id, text, meta
