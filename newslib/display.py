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

from .quotes import word_diff
from .records import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["highlight_quotes", "table_html", "escape", "side_by_side", "fidelity_html"]

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
    """A DataFrame as an HTML table with every cell escaped (pandas' ``escape=True``), its
    text columns left-aligned.

    Why aligned: notebook and report styles right-align every cell, which suits numbers and
    makes a column of quotes or headlines hard to read; the rule is scoped to tables of this
    column layout, so nothing else on the page moves.

    >>> import pandas as pd
    >>> out = table_html(pd.DataFrame({"quote": ["<b>war</b>"], "n": [2]}))
    >>> "&lt;b&gt;war&lt;/b&gt;" in out, "td:nth-child(1)" in out, "td:nth-child(2)" in out
    (True, True, False)
    """
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    shown = df.head(max_rows)
    text = [k + 1 for k in range(shown.shape[1])
            if not is_numeric_dtype(shown.iloc[:, k]) or is_bool_dtype(shown.iloc[:, k])]
    if not text:
        return shown.to_html(index=False, escape=True, border=0)
    cls = "newslib-t" + "-".join(map(str, text))
    cells = ",".join(f"table.{cls} td:nth-child({k}),table.{cls} th:nth-child({k})" for k in text)
    return f"<style>{cells}{{text-align:left}}</style>" + shown.to_html(index=False, escape=True, border=0,
                                                                        classes=cls)


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


#: a cell of the fidelity table: text reads from the left (report styles right-align cells)
_CELL = "vertical-align:top;text-align:left;padding:4px 8px;border-top:1px solid #ddd"


def fidelity_html(pairs: pd.DataFrame | pd.Series | dict, *, max_rows: int = 100) -> str:
    """Matched quotes of :func:`newslib.quotes.compare_quotes` side by side, per speaker, with
    the words only version A has struck through and those only B has underlined; verbs,
    distancing and labels beside them. Every piece of text is escaped. ``pairs`` is the
    table or one row of it (``df.iloc[0]``, or a dict).

    >>> import pandas as pd
    >>> row = {"speaker": "R", "group_a": "W", "quote_a": "war crimes and genocide", "verb_a": "accused",
    ...        "distancing_a": "", "group_b": "P", "quote_b": "genocide", "verb_b": "termed",
    ...        "distancing_b": "what he termed", "labels": "trimmed"}
    >>> "<del>war crimes and</del>" in fidelity_html(pd.DataFrame([row]))
    True
    >>> fidelity_html(row) == fidelity_html(pd.Series(row)) == fidelity_html(pd.DataFrame([row]))
    True
    """
    rows = [dict(pairs)] if isinstance(pairs, dict) or getattr(pairs, "ndim", 2) == 1 else pairs.to_dict("records")
    matched = [r for r in rows if isinstance(r.get("group_b"), str) and r["group_b"]][:max_rows]
    if not matched:
        return "<p>No quote of one speaker appears in two groups.</p>"
    out = ['<table style="border-collapse:collapse;font-size:0.95em">',
           "<tr>" + "".join(f'<th style="text-align:left">{h}</th>'
                            for h in ("speaker", "version A", "version B", "what changed")) + "</tr>"]
    for r in matched:
        a_parts, b_parts = [], []
        for op, words in word_diff(str(r["quote_a"]), str(r["quote_b"])):
            if op in "=-":
                a_parts.append(f"<del>{escape(words)}</del>" if op == "-" else escape(words))
            if op in "=+":
                b_parts.append(f"<ins>{escape(words)}</ins>" if op == "+" else escape(words))

        def cell(group, parts, verb, dist):
            extra = f" · {escape(dist)}" if isinstance(dist, str) and dist else ""
            return (f'<td style="{_CELL}"><b>{escape(group)}</b> '
                    f"({escape(verb)}{extra})<br>“{' '.join(parts)}”</td>")
        out.append(f'<tr><td style="{_CELL}">{escape(r["speaker"])}</td>'
                   + cell(r["group_a"], a_parts, r.get("verb_a"), r.get("distancing_a"))
                   + cell(r["group_b"], b_parts, r.get("verb_b"), r.get("distancing_b"))
                   + f'<td style="{_CELL}">{escape(r["labels"])}'
                   + (f'<br><small>evidence: {escape(r["evidence"])}</small>' if isinstance(r.get("evidence"), str) else "")
                   + "</td></tr>")
    out.append("</table>")
    return "\n".join(out)
