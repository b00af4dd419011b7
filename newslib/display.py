"""HTML views for notebooks: articles with quotes highlighted, side-by-side tables.

Article text is data, never markup: every piece of text (article, title, speaker, metadata)
goes through :func:`html.escape` before it is placed in HTML, so a ``<script>`` in a scraped
page shows as text and never runs in a reader's browser.

>>> "<script>" in highlight_quotes("a <script>x</script> b", [])
False
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .records import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["highlight_quotes", "table_html", "escape", "side_by_side"]

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


def side_by_side(articles: Iterable[Article], *, max_chars: int = 1500) -> str:
    """Articles in columns side by side (outlet, id, headline, then the text in paragraphs, cut
    after ``max_chars`` characters at a word), escaped: for reading, not a table cell with
    ``\\n`` in it.

    >>> from newslib.records import Article
    >>> html = side_by_side([Article(id="a", title="T", text="T\\n\\nOne.\\n\\nTwo <b>.", outlet="X")])
    >>> "<p>One.</p><p>Two &lt;b&gt;.</p>" in html
    True
    """
    cols = []
    for a in articles:
        body = a.text[len(a.title):].strip() if a.text.startswith(a.title) else a.text
        if len(body) > max_chars:
            cut = body.rfind(" ", 0, max_chars)
            body = body[:cut if cut > 0 else max_chars].rstrip() + " …"
        paras = "".join(f"<p>{escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
        cols.append(f'<div style="flex:1;min-width:20em;max-width:40em"><p style="color:#555">{escape(a.outlet)} · '
                    f'{escape(a.id)}</p><h4>{escape(a.title)}</h4>{paras}</div>')
    return '<div style="display:flex;gap:2em;align-items:flex-start">' + "".join(cols) + "</div>"
