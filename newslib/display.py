"""HTML views for notebooks: articles with quotes highlighted, side-by-side tables.

Article text is data, never markup: every piece of text (article, title, speaker, metadata)
goes through :func:`html.escape` before it is placed in HTML, so a ``<script>`` in a scraped
page shows as text and never runs in a reader's browser.

>>> "<script>" in highlight_quotes("a <script>x</script> b", [])
False
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["highlight_quotes", "table_html", "escape"]

_TYPE_COLORS = {"direct": "#cfe8ff", "partial": "#ffe7b3", "indirect": "#d8f3dc", "scare": "#eeeeee"}


def escape(value: object) -> str:
    """Escape any value for HTML text or attribute use."""
    return html.escape("" if value is None else str(value), quote=True)


def highlight_quotes(text: str, quotes: pd.DataFrame | list, *, title: str | None = None) -> str:
    """The article as HTML with each quote highlighted by type and its speaker shown beside it."""
    rows = quotes.to_dict("records") if hasattr(quotes, "to_dict") else list(quotes)
    rows = sorted(rows, key=lambda r: r["start"])
    parts, pos = [], 0
    for r in rows:
        s, e = int(r["start"]), int(r["end"])
        if s < pos:
            continue
        parts.append(escape(text[pos:s]))
        color = _TYPE_COLORS.get(r.get("type"), "#eeeeee")
        who = r.get("speaker") or r.get("mention") or "?"
        parts.append(f'<mark style="background:{color}" title="{escape(r.get("type"))}">{escape(text[s:e])}</mark>'
                     f'<sup style="color:#555"> [{escape(who)} · {escape(r.get("verb") or "")}]</sup>')
        pos = e
    parts.append(escape(text[pos:]))
    body = "".join(parts).replace("\n\n", "</p><p>").replace("\n", "<br>")
    head = f"<h3>{escape(title)}</h3>" if title else ""
    legend = " ".join(f'<mark style="background:{c}">{t}</mark>' for t, c in _TYPE_COLORS.items())
    return f'<div style="max-width:50em">{head}<p style="font-size:90%">{legend}</p><p>{body}</p></div>'


def table_html(df: pd.DataFrame, *, max_rows: int = 200) -> str:
    """A DataFrame as an HTML table with every cell escaped (pandas' ``escape=True``)."""
    return df.head(max_rows).to_html(index=False, escape=True, border=0)
