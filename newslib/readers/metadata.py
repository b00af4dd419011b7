"""Metadata rows — from ``metadata.csv``/``.jsonl`` beside a folder of articles, or from the
columns of a table of articles — as ``{id, title, outlet, date, url, …}``.

Column names vary with the tool a corpus came from: Media Cloud exports ``title, url,
publish_date, media_name``; library databases and scrapers say ``headline``, ``body``,
``source``, ``published``. :data:`FIELD_NAMES` lists the names recognised for each field
without configuration; ``columns=`` maps any other (``{"text": "story", "outlet": "paper"}``).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..cleaning import find_date
from ..records import CorpusError, Problem

__all__ = ["FIELD_NAMES", "META_NAMES", "clean_meta_row", "field_columns", "read_metadata"]

#: Metadata files read at the top of a corpus folder.
META_NAMES = ("metadata.csv", "metadata.jsonl")

#: For each field, the column names that mean it, in order of preference (lower case).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "stories_id", "story_id", "article_id", "doc_id", "uuid"),
    "text": ("text", "body", "content", "article", "article_text", "story_text", "full_text",
             "fulltext", "maintext", "story"),
    "title": ("title", "headline", "heading"),
    "outlet": ("outlet", "media_name", "source", "source_name", "publication", "publisher",
               "newspaper", "site_name", "sitename", "media"),
    "date": ("date", "publish_date", "published", "pub_date", "publication_date", "published_at",
             "date_published", "publishdate", "datetime"),
    "url": ("url", "link", "permalink", "canonical_url", "story_url", "media_url_story"),
}

_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def field_columns(keys: set[str], columns: Mapping[str, str] | None = None) -> dict[str, str]:
    """Which column holds each field: the user's ``columns`` first, then :data:`FIELD_NAMES`.

    >>> field_columns({"title", "url", "publish_date", "media_name", "text"})
    {'text': 'text', 'title': 'title', 'outlet': 'media_name', 'date': 'publish_date', 'url': 'url'}
    """
    given = {k: v.strip().lower() for k, v in (columns or {}).items()}
    unknown = set(given) - set(FIELD_NAMES)
    if unknown:
        raise CorpusError(f"columns= names unknown field(s) {sorted(unknown)}; fields: {', '.join(FIELD_NAMES)}")
    out: dict[str, str] = {}
    for fld, names in FIELD_NAMES.items():
        if fld in given:
            if given[fld] not in keys:
                raise CorpusError(f"columns= maps {fld!r} to {given[fld]!r}, which is not a column "
                                  f"(columns: {', '.join(sorted(keys))})")
            out[fld] = given[fld]
            continue
        taken = set(out.values()) | set(given.values())
        col = next((n for n in names if n in keys and n not in taken), None)
        if col is not None:
            out[fld] = col
    return out


def _valid_date(iso: str) -> bool:
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def clean_meta_row(row: Mapping[str, Any], where: str, problems: list[Problem],
                   fields: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A metadata row with lower-case keys, blank values dropped, recognised columns renamed
    to their field (``media_name`` → ``outlet``) and the date as ``YYYY-MM-DD`` (a bad date is
    a warning, not a failure)."""
    out = {str(k).strip().lower(): (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
    out = {k: v for k, v in out.items() if v not in (None, "")}
    fields = fields if fields is not None else field_columns(set(out))
    for fld, col in fields.items():
        if fld != "text" and col != fld and col in out:
            out[fld] = out.pop(col)
    if "date" in out:
        d = str(out["date"])
        m = _ISO_DATE.match(d)
        parsed = m.group(1) if m else find_date(d)
        if parsed and _valid_date(parsed):
            out["date"] = parsed
        else:
            problems.append(Problem(where, f"bad date {d!r} ignored (use YYYY-MM-DD)", "warning"))
            del out["date"]
    if "id" in out:
        out["id"] = str(out["id"])
    return out


def read_metadata(path: Path, problems: list[Problem]) -> dict[str, dict[str, Any]]:
    """``{id: row}`` from a ``metadata.csv`` or ``metadata.jsonl`` file."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cannot read metadata file {path}: {exc.__class__.__name__}") from None
    rows: list[dict[str, Any]] = []
    try:
        if path.suffix == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    obj = json.loads(line)
                    if not isinstance(obj, dict):
                        raise ValueError(f"line {n} is not an object")
                    rows.append(obj)
        else:
            reader = csv.DictReader(io.StringIO(raw))
            if not reader.fieldnames:
                raise ValueError("no header row")
            rows = list(reader)
    except (ValueError, csv.Error) as exc:
        raise CorpusError(f"cannot parse metadata file {path}: {exc}") from None
    keys = {str(k).strip().lower() for r in rows for k in r if k}
    fields = field_columns(keys)
    if rows and "id" not in fields:
        problems.append(Problem(str(path), "metadata has no 'id' column; ignored", "warning"))
        return {}
    out: dict[str, dict[str, Any]] = {}
    for n, row in enumerate(rows, 2):
        clean = clean_meta_row(row, f"{path}:{n}", problems, fields)
        if "id" not in clean:
            problems.append(Problem(f"{path}:{n}", "metadata row without id; ignored", "warning"))
            continue
        out[clean["id"]] = clean
    return out
