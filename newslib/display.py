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

from ._text import plural
from .quotes import word_diff
from .quotes.fidelity import MIN_CONTAINMENT
from .records import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["highlight_quotes", "table_html", "escape", "side_by_side", "fidelity_html", "top_speakers", "plural"]

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
    text columns left-aligned, a missing value shown as "—" (pandas writes "NaN", which a reader
    takes for a value).

    Why aligned: notebook and report styles right-align every cell, which suits numbers and
    makes a column of quotes or headlines hard to read; the rule is scoped to tables of this
    column layout, so nothing else on the page moves.

    >>> import pandas as pd
    >>> out = table_html(pd.DataFrame({"quote": ["<b>war</b>"], "n": [2]}))
    >>> "&lt;b&gt;war&lt;/b&gt;" in out, "td:nth-child(1)" in out, "td:nth-child(2)" in out
    (True, True, False)
    >>> out = table_html(pd.DataFrame({"id": ["a"], "date": [None]}))
    >>> "NaN" in out, "None" in out, "<td>—</td>" in out
    (False, False, True)
    """
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    shown, note = _cut(df, max_rows)
    if any(shown[c].dtype == object and shown[c].isna().any() for c in shown.columns):
        # (pandas writes a None in a column of objects as "None", whatever na_rep says)
        shown = shown.apply(lambda col: col.where(col.notna(), "—") if col.dtype == object else col)
    text = [k + 1 for k in range(shown.shape[1])
            if not is_numeric_dtype(shown.iloc[:, k]) or is_bool_dtype(shown.iloc[:, k])]
    if not text:
        return shown.to_html(index=False, escape=True, border=0, na_rep="—") + note
    cls = "newslib-t" + "-".join(map(str, text))
    cells = ",".join(f"table.{cls} td:nth-child({k}),table.{cls} th:nth-child({k})" for k in text)
    return f"<style>{cells}{{text-align:left}}</style>" + shown.to_html(index=False, escape=True, border=0,
                                                                        classes=cls, na_rep="—") + note


def _cut(df: pd.DataFrame, max_rows: int) -> tuple[pd.DataFrame, str]:
    """At most ``max_rows`` rows, and a line saying how many were left out. With a ``group``
    (or ``outlet``) column, the first rows of every group, in the table's order: the first 200
    rows of 675 quotes had all been one outlet's, and nothing said the rest were missing.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"group": ["A"] * 5 + ["B"] * 5, "n": range(10)})
    >>> shown, note = _cut(df, 4)
    >>> shown["group"].tolist(), note
    (['A', 'A', 'B', 'B'], '<p><i>4 of 10 rows shown (the first of each group); the whole table is in its DataFrame and, in batch runs, its CSV.</i></p>')
    """
    if len(df) <= max_rows:
        return df, ""
    col = next((c for c in ("group", "outlet") if c in df.columns), None)
    if col is not None and 1 < df[col].nunique() <= max_rows:
        per = max_rows // df[col].nunique()
        shown = df[df.groupby(col, sort=False, observed=True).cumcount() < per]
        how = " (the first of each group)"
    else:
        shown, how = df.head(max_rows), ""
    return shown, (f"<p><i>{len(shown):,} of {len(df):,} rows shown{how}; the whole table is in its DataFrame and, in batch runs, its CSV.</i></p>")


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


def _no_match_html(rows: list[dict], kind: str) -> str:
    """What was checked when no quotation is matched across groups, and which speakers several
    groups quote all the same (with different words)."""
    groups: dict[str, set[str]] = {}
    for r in rows:
        if isinstance(r.get("speaker"), str) and isinstance(r.get("group_a"), str):
            groups.setdefault(r["speaker"], set()).add(r["group_a"])
    several = sorted((sp for sp, g in groups.items() if len(g) > 1), key=lambda sp: (-len(groups[sp]), sp))
    msg = (f"No quotation was matched across {kind}s: no two {kind}s quote the same speaker saying the same "
           f"thing (checked: two quotations of one speaker match when the longer holds at least "
           f"{MIN_CONTAINMENT:.0%} of the shorter one's content words), so there is no pair of versions to "
           "set side by side.")
    if several:
        names = [f"{sp} ({len(groups[sp])} {kind}s)" for sp in several[:8]]
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        more = f", and {len(several) - 8} more" if len(several) > 8 else ""
        msg += (f" The same speakers are quoted by several {kind}s — {listed}{more} — but each {kind} "
                "quotes different words of theirs.")
    return f"<p>{escape(msg)}</p>"


def fidelity_html(pairs: pd.DataFrame | pd.Series | dict, *, max_rows: int = 100, kind: str = "group") -> str:
    """Matched quotes of :func:`newslib.quotes.compare_quotes` side by side, per speaker, with
    the words only version A has struck through and those only B has underlined; verbs,
    distancing and labels beside them. Every piece of text is escaped. ``pairs`` is the
    table or one row of it (``df.iloc[0]``, or a dict). With no matched pair, one paragraph
    says what was checked and names the speakers several groups (``kind``: "outlet", …) quote
    with different words.

    >>> import pandas as pd
    >>> row = {"speaker": "R", "group_a": "W", "quote_a": "war crimes and genocide", "verb_a": "accused",
    ...        "distancing_a": "", "group_b": "P", "quote_b": "genocide", "verb_b": "termed",
    ...        "distancing_b": "what he termed", "labels": "trimmed"}
    >>> "<del>war crimes and</del>" in fidelity_html(pd.DataFrame([row]))
    True
    >>> fidelity_html(row) == fidelity_html(pd.Series(row)) == fidelity_html(pd.DataFrame([row]))
    True
    >>> alone = pd.DataFrame([{"speaker": "Ann", "group_a": "W", "group_b": None, "labels": "only in one group"},
    ...                       {"speaker": "Ann", "group_a": "P", "group_b": None, "labels": "only in one group"}])
    >>> print(fidelity_html(alone, kind="outlet"))  # doctest: +NORMALIZE_WHITESPACE
    <p>No quotation was matched across outlets: no two outlets quote the same speaker saying the same
    thing (checked: two quotations of one speaker match when the longer holds at least 60% of the shorter
    one&#x27;s content words), so there is no pair of versions to set side by side. The same speakers are
    quoted by several outlets — Ann (2 outlets) — but each outlet quotes different words of theirs.</p>
    """
    rows = [dict(pairs)] if isinstance(pairs, dict) or getattr(pairs, "ndim", 2) == 1 else pairs.to_dict("records")
    matched = [r for r in rows if isinstance(r.get("group_b"), str) and r["group_b"]][:max_rows]
    if not matched:
        return _no_match_html(rows, kind)
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


def _percents(shares: list[float]) -> list[int]:
    """Whole percentages of ``shares`` (which add to 1) that add to exactly 100: each share
    rounded down, the missing points given to the largest remainders.

    >>> _percents([1/3, 1/3, 1/3])
    [34, 33, 33]
    """
    raw = [100 * max(0.0, float(x)) for x in shares]
    whole = [int(r) for r in raw]
    target = round(sum(raw))
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - whole[i]), i))
    for i in order[:max(0, target - sum(whole))]:
        whole[i] += 1
    return whole


def top_speakers(speakers: pd.DataFrame, *, top_n: int = 8, kind: str = "group") -> tuple[pd.DataFrame, str]:
    """The ``top_n`` speakers of each group of a :func:`newslib.framing.sourcing` table
    (``group, speaker, quotes, words, types, share_of_words``, most quoted first), the others
    added up in one "N other speakers" row, so each group's shares add to 100 % (whole
    percentages, rounded so that they do); and one sentence saying how many speakers that row
    holds and what share of the quoted words (empty when no group has more than ``top_n``).

    >>> import pandas as pd
    >>> sp = pd.DataFrame({"group": ["X"] * 3 + ["Y"], "speaker": ["Ann", "Bo", "Cy", "Di"],
    ...                    "quotes": [3, 2, 1, 1], "words": [30, 15, 5, 4], "types": ["direct 3", "partial 2", "indirect 1", "direct 1"],
    ...                    "share_of_words": [0.6, 0.3, 0.1, 1.0]})
    >>> table, note = top_speakers(sp, top_n=2, kind="outlet")
    >>> table[["group", "speaker", "words", "share"]].values.tolist()
    [['X', 'Ann', 30, '60%'], ['X', 'Bo', 15, '30%'], ['X', '1 other speaker', 5, '10%'], ['Y', 'Di', 4, '100%']]
    >>> note
    'Only the 2 speakers each outlet quotes most are listed by name; the others are added up in the row “other speakers”: X, 1 other speaker holding 10% of its quoted words.'
    """
    import pandas as pd

    cols = ["group", "speaker", "quotes", "words", "types", "share_of_words"]
    if not len(speakers):
        return pd.DataFrame(columns=cols + ["share"]), ""
    parts, cut = [], []
    for group, sub in speakers.groupby("group", sort=False, observed=True):
        top, rest = sub.head(top_n)[cols], sub.iloc[top_n:]
        if len(rest):
            n = len(rest)
            other = {"group": group, "speaker": f"{plural(n, 'other speaker')}",
                     "quotes": int(rest["quotes"].sum()), "words": int(rest["words"].sum()), "types": "",
                     "share_of_words": float(rest["share_of_words"].sum())}
            top = pd.concat([top, pd.DataFrame([other])], ignore_index=True)
            cut.append((group, n, float(rest["share_of_words"].sum())))
        total = float(top["share_of_words"].sum()) or 1.0
        top = top.assign(share=[f"{p}%" for p in _percents(list(top["share_of_words"] / total))])
        parts.append(top)
    table = pd.concat(parts, ignore_index=True)
    if not cut:
        return table, ""
    pct = _percents
    each = "; ".join(f"{g}, {plural(n, 'other speaker')} holding "
                     f"{pct([sh, 1 - sh])[0] if sh < 1 else 100}% of its quoted words" for g, n, sh in cut)
    return table, (f"Only the {top_n} speakers each {kind} quotes most are listed by name; the others are added up "
                   f"in the row “other speakers”: {each}.")
