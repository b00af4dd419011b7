"""Charts for newslib tables. Every function returns the matplotlib Figure (and accepts
``ax=``); none calls ``plt.show()`` or sets a backend, so notebooks and batch reports decide.

Style: large type (readable on a projector), colour-blind-safe colours (Okabe & Ito 2008),
no chart junk, the same look everywhere via :func:`style`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from ._io import atomic_write_bytes, atomic_write_csv
from .tokens import normalize_token, tokenize

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["style", "top_terms", "back_to_back", "keyness_bars", "scatter_terms", "dispersion",
           "bar_counts", "save_figure", "save_table", "publish", "frame_profile", "alignment_heatmap", "term_trend",
           "heatmap", "term_hits"]

#: Okabe–Ito palette: distinguishable for the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

_RC = {"font.size": 13, "axes.titlesize": 15, "axes.labelsize": 13, "xtick.labelsize": 12,
       "ytick.labelsize": 12, "axes.spines.top": False, "axes.spines.right": False,
       "figure.dpi": 100, "savefig.dpi": 150, "savefig.bbox": "tight", "pdf.fonttype": 42}


def _t(value: object) -> str:
    """Text from data, made safe for matplotlib: a ``$`` would start mathtext ("$40 and $50"
    renders as maths or fails), so it is escaped."""
    return str(value).replace("$", r"\$")


def _tl(values) -> list[str]:
    return [_t(v) for v in values]


def _short(label: str, limit: int = 44) -> str:
    """A long label cut in the middle, keeping its start and end ("nyt/nyt_2016-09-08_obama-on…
    the-tren"): an article id of 60 characters left its bars a fifth of the chart's width.

    >>> _short("wash-post/wash-post_2016-09-08_virginian-could-make-history-aga")
    'wash-post/wash-post_2016-09-08_…-history-aga'
    """
    return label if len(label) <= limit else label[:limit - 13] + "…" + label[-12:]


def _short_all(labels) -> list[str]:
    """:func:`_short` of each label, unless two would then read alike (a category axis would
    draw them as one bar)."""
    labels = list(labels)
    cut = [_short(v) for v in labels]
    return cut if len(set(cut)) == len(set(labels)) else labels


def style() -> dict:
    """The rcParams newslib charts use (apply with ``plt.rcParams.update(style())``)."""
    return dict(_RC)


def _fig_ax(ax: Axes | None, size: tuple[float, float]):
    import matplotlib.pyplot as plt

    with plt.rc_context(_RC):
        if ax is None:
            fig, ax = plt.subplots(figsize=size)
        else:
            fig = ax.figure
    return fig, ax


#: fonts with the scripts DejaVu Sans lacks (Chinese, Japanese, Korean, Arabic, Hebrew, Indic,
#: Thai), tried in this order for the characters it has no glyph for, where installed: Linux
#: (Noto), macOS and Windows names
FALLBACK_FONTS = ("Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK TC",
                  "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Bengali",
                  "Noto Sans Thai", "Source Han Sans", "WenQuanYi Zen Hei", "Droid Sans Fallback",
                  "Hiragino Sans", "Apple SD Gothic Neo", "PingFang SC", "Geeza Pro", "Malgun Gothic",
                  "Microsoft YaHei", "Yu Gothic", "Nirmala UI", "Arial Unicode MS")
_GLYPH_RE = re.compile(r"Glyph (\d+) \(.*\) missing from font")


def _draw_quietly(fig: Figure, renderer) -> None:
    """Draw ``fig`` without matplotlib's missing-glyph warnings, one per character and per
    drawing (a report of a Korean page held hundreds of lines of them): :func:`_finish` says
    them once, in one line, and makes this each newslib figure's ``draw``. Only newslib's
    figures are quietened: no filter is set for the user's own charts. (A module function
    with ``partial``, not a closure: the figure still pickles.)"""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_GLYPH_RE.pattern, category=UserWarning)
        return type(fig).draw(fig, renderer)


@lru_cache(maxsize=1)
def _font_family() -> tuple[str, ...]:
    """DejaVu Sans (matplotlib's own font, which every chart is drawn in), then the installed
    fonts of :data:`FALLBACK_FONTS`: matplotlib takes a character DejaVu lacks from the first
    of them that has it."""
    from matplotlib import font_manager

    have = {f.name for f in font_manager.fontManager.ttflist}
    return ("DejaVu Sans", *(f for f in FALLBACK_FONTS if f in have))


def _beyond_dejavu(fig: Figure) -> bool:
    """Whether any text of ``fig`` (titles, labels, tick labels, legend) holds a character of a
    script DejaVu Sans lacks: from Hebrew to the end of the Indic and South-East Asian blocks,
    and from the CJK blocks on (not curly quotes, dashes or "…", which it draws)."""
    from matplotlib.text import Text

    texts = [t.get_text() for t in fig.findobj(Text)]
    for ax in fig.axes:
        texts += [t.get_text() for t in (*ax.get_xticklabels(), *ax.get_yticklabels())]
    return any(not t.isascii() and any(0x590 <= ord(ch) < 0x2000 or ord(ch) >= 0x3000 for ch in t) for t in texts)


def _finish(fig: Figure) -> Figure:
    import matplotlib.pyplot as plt
    from matplotlib.text import Text

    family = list(_font_family())
    if len(family) > 1 and _beyond_dejavu(fig):     # (only then: a list of fonts costs drawing time)
        for t in fig.findobj(Text):
            t.set_fontfamily(family)
        for ax in fig.axes:     # (tick labels are made anew when drawn: their axes are told)
            ax.tick_params(labelfontfamily=family)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            fig.tight_layout(rect=getattr(fig, "_newslib_rect", None))   # (a band kept for a suptitle)
        except Exception:  # noqa: BLE001 - layout is cosmetic
            pass
    missing = list(dict.fromkeys(chr(int(m.group(1))) for w in caught if (m := _GLYPH_RE.search(str(w.message)))))
    fig.draw = partial(_draw_quietly, fig)
    if missing:
        warnings.warn(f"{len(missing)} characters of this chart ({', '.join(missing[:5])}{', …' if len(missing) > 5 else ''}) "
                      "are in none of the installed fonts and show as empty boxes: install a font that has "
                      "them (for example Noto Sans CJK, Debian's fonts-noto-cjk)", UserWarning, stacklevel=3)
    # keep the figure out of pyplot's global list so notebooks show it once (when returned)
    # tight_layout leaves a placeholder layout engine behind, and any engine makes savefig draw
    # the whole figure once more before drawing it for real (about a fifth of the time saving
    # a chart takes); the layout is done, so the figure keeps none (the PNG is byte-identical)
    fig.set_layout_engine(None)
    plt.close(fig)
    return fig


def _integer_axis(ax: Axes, values, axis: str = "x") -> None:
    """Ticks at whole numbers when the values are counts (no "0.25 quotes")."""
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    vals = np.asarray(values, dtype=float)
    vals = vals[~np.isnan(vals)]
    if len(vals) and np.all(np.mod(vals, 1) == 0):
        (ax.xaxis if axis == "x" else ax.yaxis).set_major_locator(MaxNLocator(nbins=6, integer=True))


def _note(ax: Axes, text: str) -> None:
    """Say in the chart why it holds nothing (never a blank plot)."""
    ax.text(0.5, 0.5, _t(text), ha="center", va="center", transform=ax.transAxes, wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])


def top_terms(counts: pd.DataFrame, *, top_n: int = 15, value: str = "per_1000",
              title: str | None = None, ncols: int = 3, max_groups: int = 24) -> Figure:
    """Horizontal bars of the top terms of each group (small multiples: one panel per group,
    at most ``ncols`` panels a row), for at most ``max_groups`` groups: those with the largest
    total ``count`` when there are more, as the title then says (a corpus of 72 outlets drew
    a chart 12,000 pixels high; the chart's CSV keeps every group).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"group": [f"g{i}" for i in range(5)], "term": "x", "count": range(5),
    ...                    "per_1000": 1.0})
    >>> fig = top_terms(df, max_groups=2, title="Top")
    >>> [ax.get_title() for ax in fig.axes if ax.get_visible()], fig._suptitle.get_text()
    (['g4', 'g3'], 'Top (2 of 5 groups: those with the most words counted)')
    """
    import math

    import matplotlib.pyplot as plt

    groups = list(dict.fromkeys(counts["group"]))
    if len(groups) > max_groups:
        size = counts.groupby("group", sort=False)["count" if "count" in counts else value].sum()
        shown = list(size.sort_values(ascending=False, kind="stable").index[:max_groups])
        title = f"{title or 'Top terms'} ({max_groups} of {len(groups)} groups: those with the most words counted)"
        groups = shown
    n = max(1, len(groups))
    cols = min(n, ncols)
    rows = math.ceil(n / cols)
    with plt.rc_context(_RC):
        fig, axes = plt.subplots(rows, cols, figsize=(5.5 * cols, (0.35 * top_n + 1.8) * rows), squeeze=False)
        flat = axes.ravel()
        for i, (ax, g) in enumerate(zip(flat, groups, strict=False)):
            sub = counts[counts["group"] == g].nlargest(top_n, value).iloc[::-1]
            ax.barh(_tl(sub["term"]), sub[value], color=PALETTE[i % len(PALETTE)])
            ax.set_title(_t(str(g)[:40]))
            ax.set_xlabel("per 1,000 words" if value == "per_1000" else value)
            if value == "count":
                _integer_axis(ax, sub[value])
        for ax in flat[len(groups):]:
            ax.set_visible(False)
        if not groups:
            flat[0].set_visible(True)
            _note(flat[0], "no terms to show")
        if title:   # above the panels' own titles, in a band kept free (it had overlapped them)
            band = 0.6 / fig.get_figheight()
            fig.suptitle(_t(title), y=1 - band / 4, va="top")
            fig._newslib_rect = (0, 0, 1, 1 - band)
    return _finish(fig)


def back_to_back(key: pd.DataFrame, a: str, b: str, *, top_n: int = 12, ax: Axes | None = None) -> Figure:
    """Back-to-back bars: per-1,000 rates of the most distinctive terms of each side."""
    fig, ax = _fig_ax(ax, (10, 0.4 * 2 * top_n + 1.5))
    sub = _top_both(key, top_n).iloc[::-1]
    y = range(len(sub))
    # (b on the left, a on the right, as keyness_bars draws them: the two charts stand one
    # above the other in notebook 02, and had put the outlets on opposite sides)
    ax.barh(list(y), -sub["per_1000_b"], color=PALETTE[1], label=_t(b))
    ax.barh(list(y), sub["per_1000_a"], color=PALETTE[0], label=_t(a))
    ax.set_yticks(list(y), _tl(sub["term"]))
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel(_t(f"← {b[:25]}   per 1,000 words   {a[:25]} →"))
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{abs(t):g}" for t in ticks])
    ax.legend(loc="lower right", frameon=False)
    return _finish(fig)


def _top_both(key: pd.DataFrame, top_n: int) -> pd.DataFrame:
    import pandas as pd

    pos = key[key["g2"] > 0].nlargest(top_n, "g2")
    neg = key[key["g2"] < 0].nsmallest(top_n, "g2")
    return pd.concat([pos, neg.iloc[::-1]])


def keyness_bars(key: pd.DataFrame, a: str, b: str, *, top_n: int = 12, measure: str = "log_ratio",
                 ax: Axes | None = None) -> Figure:
    """Diverging bars of an effect size (default Log Ratio) for the terms with the largest G²
    on each side; bars of terms reaching p < 0.05 are solid, others hatched."""
    fig, ax = _fig_ax(ax, (9, 0.4 * 2 * top_n + 1.5))
    sub = _top_both(key, top_n).iloc[::-1]
    colors = [PALETTE[0] if v > 0 else PALETTE[1] for v in sub[measure]]
    bars = ax.barh(_tl(sub["term"]), sub[measure], color=colors)
    for bar, p in zip(bars, sub["p"], strict=True):
        if p >= 0.05:
            bar.set_hatch("//")
            bar.set_alpha(0.6)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel(_t(f"{measure.replace('_', ' ')}   (← {b[:25]} | {a[:25]} →)"))
    ax.set_title("Distinctive terms (hatched: not significant at p < 0.05)")
    return _finish(fig)


def scatter_terms(key: pd.DataFrame, a: str, b: str, *, label_n: int = 12, ax: Axes | None = None) -> Figure:
    """Scattertext-style static scatter: rate in A against rate in B (log scales), the most
    distinctive terms labelled; labels are nudged apart to avoid overlaps."""
    import numpy as np

    fig, ax = _fig_ax(ax, (9, 8))
    x = key["per_1000_b"] + 0.05
    y = key["per_1000_a"] + 0.05
    ax.scatter(x, y, s=12, color="#999999", alpha=0.6)
    lab = _top_both(key, label_n // 2 or 1)
    ax.scatter(lab["per_1000_b"] + 0.05, lab["per_1000_a"] + 0.05, s=24,
               color=[PALETTE[0] if g > 0 else PALETTE[1] for g in lab["g2"]])
    ax.set_xscale("log")
    ax.set_yscale("log")
    lim = [min(x.min(), y.min()) * 0.8, max(x.max(), y.max()) * 1.3]
    ax.plot(lim, lim, color="black", lw=0.6)
    ax.set_xlabel(_t(f"{b[:30]}: per 1,000 words (log)"))
    ax.set_ylabel(_t(f"{a[:30]}: per 1,000 words (log)"))
    ax.set_title("Each term's rate in both (a term one never uses sits at the edge, drawn at 0.05)", fontsize=12)
    # label sizes in decades of the log axes (about 0.2 inch a line, 0.09 inch a character of
    # 11 points, on axes about 6.4 by 7 inches): a fixed step had let labels over each other
    span = np.log10(lim[1]) - np.log10(lim[0])
    line, char = 0.2 / 6.4 * span, 0.09 / 7.0 * span
    placed: list[tuple[float, float, float]] = []
    for _, r in lab.iterrows():
        px, py = np.log10(r["per_1000_b"] + 0.05), np.log10(r["per_1000_a"] + 0.05)
        width = char * len(str(r["term"]))
        dy = 0.0
        while any(qx - width < px < qx + qw and abs(py + dy - qy) < line for qx, qy, qw in placed):
            dy += line
        placed.append((px, py + dy, width))
        ax.annotate(_t(r["term"]), (10 ** px, 10 ** py), xytext=(10 ** (px + char), 10 ** (py + dy + line / 3)),
                    fontsize=11, arrowprops={"arrowstyle": "-", "lw": 0.4} if dy else None)     # (beside its dot)
    return _finish(fig)


def _phrase_hits(lower: list[str], target: list[str]) -> list[int]:
    """Positions where the token sequence ``target`` starts in ``lower``.

    >>> _phrase_hits(["what", "he", "termed", "x", "what", "he"], ["what", "he", "termed"])
    [0]
    """
    n = len(target)
    if not n:
        return []
    first = target[0]
    return [i for i, t in enumerate(lower) if t == first and lower[i:i + n] == target]


def term_hits(tokens: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """Every use of each term (a word or a phrase) in a token table: ``article_id, term,
    token_id, position`` (position = share of the article's tokens before it; 0 = headline).
    The data behind :func:`dispersion`."""
    import pandas as pd

    rows = []
    targets = [(t, [normalize_token(w) for w, _, _ in tokenize(str(t))]) for t in terms if str(t).strip()]
    for aid, t in tokens.groupby("article_id", sort=False, observed=True):
        lower = t["lower"].astype(str).tolist()
        ids = t["token_id"].tolist()
        n = max(1, len(lower))
        for term, target in targets:
            rows += [(str(aid), term, int(ids[h]), h / n) for h in _phrase_hits(lower, target)]
    return pd.DataFrame(rows, columns=["article_id", "term", "token_id", "position"])


def dispersion(tokens: pd.DataFrame, terms: list[str], *, labels: dict[str, str] | None = None,
               max_empty: int = 12, ax: Axes | None = None) -> Figure:
    """Where each term occurs along each article (x = position as share of the article).

    A term may be a phrase ("what he termed"): its marks are where the phrase starts. One row
    per term and article; when no term occurs at all, the chart says so instead of staying blank.
    An empty row says "this article never uses the term", worth seeing among a few; among many
    (six outlets × five terms) empty rows bury the marks, so beyond ``max_empty`` of them they are
    left out and the title counts them.
    """
    arts = list(dict.fromkeys(tokens["article_id"]))
    terms = [t for t in terms if str(t).strip()]
    targets = [[normalize_token(w) for w, _, _ in tokenize(str(t))] for t in terms]
    lines = []                                  # (colour index, label, positions) per row
    for ai, aid in enumerate(arts):
        lower = tokens.loc[tokens["article_id"] == aid, "lower"].astype(str).tolist()
        n = max(1, len(lower))
        name = str((labels or {}).get(aid, aid))
        name = name if len(name) <= 36 else name[:35] + "…"
        lines += [(ai, f"{term} · {name}", [h / n for h in _phrase_hits(lower, target)])
                  for term, target in zip(terms, targets, strict=True)]
    empty = sum(1 for *_, xs in lines if not xs)
    if empty > max_empty:
        lines = [line for line in lines if line[2]]
    fig, ax = _fig_ax(ax, (10, 0.45 * max(1, len(lines)) + 1.5))
    if not any(xs for *_, xs in lines):
        what = ", ".join(f"“{t}”" for t in terms) or "no term given"
        _note(ax, f"{what}: no occurrence in these articles" if terms else "no term given")
        return _finish(fig)
    for y, (ai, _, xs) in enumerate(lines):
        ax.scatter(xs, [y] * len(xs), marker="|", s=200, color=PALETTE[ai % len(PALETTE)])
    ax.set_yticks(range(len(lines)), _tl(label for _, label, _ in lines))
    ax.set_xlim(0, 1)
    ax.set_ylim(len(lines) - 0.5, -0.5)
    ax.set_xlabel("position in article (0 = headline, 1 = end)")
    if empty > max_empty:
        ax.set_title(f"{empty} of {empty + len(lines)} term–article rows without an occurrence left out",
                     fontsize=12)
    return _finish(fig)


def bar_counts(df: pd.DataFrame, *, x: str, y: str, hue: str | None = None, title: str = "",
               xlabel: str = "", ax: Axes | None = None, top_n: int = 20) -> Figure:
    """Stacked horizontal bars of ``y`` by ``x`` (and ``hue``, with a legend right of the axes,
    never over the bars, when it has two values or more): quotes per speaker, verbs, …

    >>> import pandas as pd
    >>> df = pd.DataFrame({"speaker": ["A", "B"], "words": [3, 5], "group": ["X", "X"]})
    >>> bar_counts(df, x="speaker", y="words", hue="group").axes[0].get_legend() is None
    True
    >>> df.loc[1, "group"] = "Y"
    >>> fig = bar_counts(df, x="speaker", y="words", hue="group")
    >>> leg = fig.axes[0].get_legend()
    >>> leg is not None and bool(leg.get_window_extent().x0 >= fig.axes[0].get_window_extent().x1)
    True
    """
    from matplotlib.ticker import MaxNLocator

    fig, ax = _fig_ax(ax, (9, 0.45 * min(top_n, df[x].nunique() if len(df) else 1) + 2))
    if not len(df):
        _note(ax, f"{title or y}: nothing to show")
        return _finish(fig)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6))    # (long labels leave the bars little width)
    if hue is None:
        sub = df.nlargest(top_n, y).iloc[::-1]
        ax.barh(_tl(_short_all(sub[x].astype(str))), sub[y], color=PALETTE[0])
    else:
        every = df.pivot_table(index=x, columns=hue, values=y, aggfunc="sum", fill_value=0)
        every = every.loc[every.sum(axis=1).nlargest(top_n).index[::-1]]
        every = every.loc[:, every.sum(axis=0) > 0]     # the groups of the bars shown get the colours
        piv = _fewer_series(every, hue)
        left = None
        for i, col in enumerate(piv.columns):
            lumped = len(every.columns) > len(piv.columns) and i == len(piv.columns) - 1
            colour = OTHER_COLOUR if lumped else PALETTE[i % len(PALETTE)]
            ax.barh(_tl(_short_all(piv.index.astype(str))), piv[col], left=left, color=colour,
                    label=_t(str(col)[:30]))
            left = piv[col] if left is None else left + piv[col]
        if len(piv.columns) > 1:    # one group (a corpus of one outlet): a legend would name only it
            # outside the axes, right of them: inside, it covers the bars (one long stacked bar
            # when every quote falls in one kind of change)
            ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    n = df[x].nunique()
    if n > top_n:   # (the chart's CSV holds them all; a reader of the chart should know)
        title = f"{title} ({top_n} of {n:,}, the largest)" if title else f"{top_n} of {n:,}, the largest"
    ax.set_title(_t(title))
    ax.set_xlabel(_t(xlabel or y))
    _integer_axis(ax, df[y])
    return _finish(fig)


#: the colour of the series that sums the groups a chart cannot give a colour of their own
OTHER_COLOUR = "#BBBBBB"


def _fewer_series(piv: pd.DataFrame, hue: str) -> pd.DataFrame:
    """The columns of ``piv`` (one per group), at most one per colour of :data:`PALETTE`: the
    largest groups by total, then one column summing the rest ("other 65 groups").

    Why: past eight series the palette's colours repeat, so two outlets would share a colour
    and a reader could not tell them apart, and a legend of 72 outlets runs off the figure
    and squeezes the bars. The chart's CSV keeps every group.

    >>> import pandas as pd
    >>> piv = pd.DataFrame({f"o{i}": [i, 1] for i in range(10)}, index=["said", "told"])
    >>> list(_fewer_series(piv, "group").columns)
    ['o9', 'o8', 'o7', 'o6', 'o5', 'o4', 'o3', 'other 3 groups']
    >>> _fewer_series(piv, "group")["other 3 groups"].tolist()
    [3, 3]
    """
    if len(piv.columns) <= len(PALETTE):
        return piv
    keep = list(piv.sum(axis=0).sort_values(ascending=False, kind="stable").index[:len(PALETTE) - 1])
    rest = [c for c in piv.columns if c not in keep]
    out = piv[keep].copy()
    out[f"other {len(rest)} {hue}s"] = piv[rest].sum(axis=1)
    return out


def change_kinds(counts: pd.DataFrame, *, ax: Axes | None = None) -> Figure:
    """What each outlet did to the quotes it shares with others, and the quotes it alone
    carries: bars of :func:`newslib.quotes.change_counts` (``group, change, quotes``), one colour
    per group; the two in panels of their own scale when both occur. The title says which: a
    corpus where no quote is shared has only the second.

    >>> import pandas as pd
    >>> only = pd.DataFrame({"group": ["A", "B"], "change": ["only in one group"] * 2, "quotes": [3, 1]})
    >>> change_kinds(only).axes[0].get_title()
    'No quote is shared: the quotes each outlet alone carries'
    >>> both = pd.concat([only, pd.DataFrame({"group": ["B"], "change": ["trimmed"], "quotes": [1]})])
    >>> [a.get_title() for a in change_kinds(both).axes if a.get_title()]
    ['How each outlet changed the quotes it shares (all in B)', 'Quotes only one outlet carries (its own scale)']
    """
    only = counts[counts["change"] == "only in one group"]
    shared = counts[counts["change"] != "only in one group"]
    if not len(shared) or not len(only) or ax is not None:
        title = ("How each outlet changed the quotes it shares, and the quotes it alone carries" if len(shared)
                 else "No quote is shared: the quotes each outlet alone carries")
        return bar_counts(counts, x="change", y="quotes", hue="group", ax=ax, title=title, xlabel="quotes")
    # two panels, each on its own scale: 40 quotes one outlet alone carries had squashed the
    # bars of 3 trimmed and 2 reworded quotes, the changes this chart is for
    import matplotlib.pyplot as plt

    n1, n2 = min(20, shared["change"].nunique()), min(20, only["group"].nunique())
    with plt.rc_context(_RC):
        fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 0.45 * (n1 + n2) + 4),
                                          gridspec_kw={"height_ratios": [n1 + 1.5, n2 + 1.5]})
    groups = shared["group"].unique()
    bar_counts(shared, x="change", y="quotes", hue="group", ax=top, xlabel="quotes",
               title="How each outlet changed the quotes it shares"
                     + (f" (all in {str(groups[0])[:30]})" if len(groups) == 1 else ""))
    bar_counts(only.groupby("group", as_index=False)["quotes"].sum(), x="group", y="quotes", ax=bottom,
               xlabel="quotes", title="Quotes only one outlet carries (its own scale)")
    return _finish(fig)


def save_figure(fig: Figure, path, *, data: pd.DataFrame | None = None) -> None:
    """Save ``fig`` as PNG (and the chart's data as CSV beside it, same stem), atomically."""
    import io
    from pathlib import Path

    path = Path(path)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    atomic_write_bytes(path.with_suffix(".png"), buf.getvalue())
    if data is not None:
        atomic_write_csv(data, path.with_suffix(".csv"))


def publish(fig: Figure, name: str, output_dir: str, *, data: pd.DataFrame | None = None):
    """Return ``fig`` for display; when ``output_dir`` is set (batch runs) also save it as
    ``output_dir/name.png`` with its data as ``name.csv``, and return that PNG as an image to
    display — the figure is drawn once, not twice (drawing is most of a report's own time)."""
    if not output_dir:
        return fig
    from pathlib import Path

    from IPython.display import Image

    path = Path(output_dir) / name
    save_figure(fig, path, data=data)
    return Image(data=path.with_suffix(".png").read_bytes())


def frame_profile(scores: pd.DataFrame, *, value: str = "per_1000", item: str = "frame",
                  xlabel: str | None = None, title: str = "", order: Sequence[str] | None = None,
                  ax: Axes | None = None) -> Figure:
    """Grouped horizontal bars: each frame's score (per 1,000 words by default) per group.
    ``item`` names another column to profile (``actor``); ``order`` fixes the order of its values."""
    import numpy as np

    items = (list(order) if order is not None else list(dict.fromkeys(scores[item])) if item != "frame"
             else sorted(scores[item].unique()))
    groups = list(dict.fromkeys(scores["group"]))
    fig, ax = _fig_ax(ax, (9, 0.5 * max(1, len(items)) * max(1, len(groups)) / 1.6 + 1.8))
    if not len(scores):
        _note(ax, f"{title or item}: nothing to show")
        return _finish(fig)
    h = 0.8 / max(1, len(groups))
    y = np.arange(len(items))
    for i, g in enumerate(groups):
        sub = scores[scores["group"] == g].drop_duplicates(item).set_index(item).reindex(items)
        ax.barh(y + i * h, sub[value].fillna(0), height=h, color=PALETTE[i % len(PALETTE)], label=_t(str(g)[:30]))
    ax.set_yticks(y + h * (len(groups) - 1) / 2, _tl(str(f).replace("_", " ") for f in items))
    ax.invert_yaxis()
    ax.set_xlabel(_t(xlabel) if xlabel else "matches per 1,000 words" if value == "per_1000" else value.replace("_", " "))
    _integer_axis(ax, scores[value])
    if title:
        ax.set_title(_t(title))
    ax.legend(frameon=False, loc="lower right")
    return _finish(fig)


def heatmap(data: pd.DataFrame, *, row: str = "group", col: str, value: str, label: str = "",
            title: str = "", diverging: bool = False, rows: Sequence[str] | None = None,
            cols: Sequence[str] | None = None, max_rows: int = 30, max_cols: int = 20,
            count: str | None = None, min_count: int = 3, ax: Axes | None = None) -> Figure:
    """A row × column heat map of ``value`` (long-form ``data``), every cell labelled with its
    number: outlets × frames, outlets × actors, any number of outlets.

    Rows and columns keep their order of first appearance (or the order of ``rows``/``cols``). Counts are labelled as whole numbers,
    other values with one or two decimals; an empty cell (no data) shows "–". ``diverging``
    centres a red–blue scale on 0 (tone from −1 to +1). Beyond ``max_rows`` rows or
    ``max_cols`` columns the title says how many were left out: the first columns are drawn,
    and the rows of largest total ``value`` (in their order), not the first ones — with 72 outlets
    the alphabet would choose which outlets a reader sees.

    ``count`` names a column with the number of observations behind each value (sentences
    behind a mean tone): each cell then says "n=…", and a cell resting on fewer than
    ``min_count`` is faded, because a mean of one sentence is that sentence's score, and its
    dark colour would otherwise be the loudest thing on the chart.
    """
    import numpy as np

    rows = [r for r in (rows if rows is not None else dict.fromkeys(data[row])) if r in set(data[row])]
    cols = [c for c in (cols if cols is not None else dict.fromkeys(data[col])) if c in set(data[col])]
    cut = []
    if len(rows) > max_rows:
        # (ranked by the observations behind the values where a count is given: shares or means
        # of one quote had outranked outlets of 61 quotes)
        cut.append(f"{max_rows} of {len(rows)} rows, those of largest total" + (f" {count.replace('_', ' ')}" if count else ""))
        rows = _largest_rows(data, rows, row=row, value=count or value, keep=max_rows)
    if len(cols) > max_cols:
        cut.append(f"first {max_cols} of {len(cols)} columns")
        cols = cols[:max_cols]
    grid = (data.drop_duplicates([row, col]).set_index([row, col])[value].astype(float)
                .reindex([(r, c) for r in rows for c in cols]).to_numpy().reshape(len(rows), len(cols))
            if rows and cols else np.zeros((0, 0)))
    fig, ax = _fig_ax(ax, (min(18, 3.5 + 1.05 * max(1, len(cols))), min(16, 1.8 + 0.6 * max(1, len(rows)))))
    if not grid.size or np.all(np.isnan(grid)):
        _note(ax, f"{title or value}: nothing to show")
        return _finish(fig)
    ns = (data.drop_duplicates([row, col]).set_index([row, col])[count].astype(float)
              .reindex([(r, c) for r in rows for c in cols]).to_numpy().reshape(len(rows), len(cols))
          if count else None)
    vals = grid[~np.isnan(grid)]
    whole = bool(np.all(np.mod(vals, 1) == 0))
    # the colour scale spans the cells that rest on enough observations: one sentence's +0.84
    # would otherwise pale every other cell
    solid = grid[(ns >= min_count) & ~np.isnan(grid)] if ns is not None else vals
    scale = solid if solid.size else vals
    if diverging:
        lim = max(0.05, float(np.nanmax(np.abs(scale))))
        cmap, vmin, vmax = "RdBu", -lim, lim
    else:
        cmap, vmin, vmax = "Blues", 0.0, max(float(np.nanmax(scale)), 1e-9)
    import matplotlib as mpl
    from matplotlib.patches import Rectangle

    cm = mpl.colormaps[cmap].with_extremes(bad="#f2f2f2")
    im = ax.imshow(np.ma.masked_invalid(grid), cmap=cm, vmin=vmin, vmax=vmax, aspect="auto")
    fmt = "{:.0f}" if whole else "{:+.2f}" if diverging else "{:.1f}"
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = grid[i, j]
            if np.isnan(v):
                ax.text(j, i, "–", ha="center", va="center", color="#777777", fontsize=12)
                continue
            dark = min(1.0, abs(v - (0 if diverging else vmin)) / ((vmax - vmin) / (2 if diverging else 1))) > 0.6
            n = None if ns is None or np.isnan(ns[i, j]) else int(ns[i, j])
            thin = n is not None and n < min_count
            if thin:    # faded: a white veil over the cell
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white", alpha=0.7, edgecolor="none"))
            ax.text(j, i - (0.12 if n is not None else 0), "0" if v == 0 else fmt.format(v), ha="center",
                    va="center", fontsize=12, color="white" if dark and not thin else "black")
            if n is not None:
                ax.text(j, i + 0.25, f"n={n}", ha="center", va="center", fontsize=9,
                        color="white" if dark and not thin else "#444444")
    ax.set_xticks(range(len(cols)), _tl(str(c).replace("_", " ")[:22] for c in cols), rotation=35, ha="right",
                  rotation_mode="anchor")     # (anchored: each label ends under its own column)
    ax.set_yticks(range(len(rows)), _tl(str(r)[:30] for r in rows))
    ax.tick_params(length=0)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    bar = fig.colorbar(im, ax=ax, label=_t(label or value.replace("_", " ")), shrink=0.85)
    if whole:
        from matplotlib.ticker import MaxNLocator

        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
    if count and ns is not None and np.nanmin(ns) < min_count:
        cut.append(f"pale: fewer than {min_count} {count.replace('_', ' ')}")
    if title or cut:
        ax.set_title(_t(title + (f" ({'; '.join(cut)})" if cut else "")))
    return _finish(fig)


def _largest_rows(data: pd.DataFrame, rows: list, *, row: str, value: str, keep: int) -> list:
    """The ``keep`` rows of ``rows`` with the largest sum of absolute ``value`` (a tone heat map
    ranks strong scores of either sign alike), in the order of ``rows``; ties keep that order."""
    import pandas as pd

    total = data.assign(_v=pd.to_numeric(data[value], errors="coerce").abs()).groupby(row)["_v"].sum()
    rank = sorted(range(len(rows)), key=lambda i: (-float(total.get(rows[i], 0.0)), i))
    chosen = set(sorted(rank[:keep]))
    return [r for i, r in enumerate(rows) if i in chosen]


def alignment_heatmap(pairs: pd.DataFrame, *, n_a: int, n_b: int, label_a: str = "A", label_b: str = "B",
                      ax: Axes | None = None) -> Figure:
    """Sentence-by-sentence similarity of two articles (rows: A's sentences, columns: B's)."""
    import numpy as np

    grid = np.zeros((max(1, n_a), max(1, n_b)))
    for a, b, s in zip(pairs["a_sentence_id"], pairs["b_sentence_id"], pairs["similarity"], strict=True):
        grid[int(a), int(b)] = s
    fig, ax = _fig_ax(ax, (min(14, 2 + 0.35 * n_b), min(14, 2 + 0.35 * n_a)))
    im = ax.imshow(grid, cmap="Blues", vmin=0, vmax=max(0.6, float(grid.max())), aspect="auto")
    ax.set_xlabel(_t(f"{label_b[:35]}: sentence"))
    ax.set_ylabel(_t(f"{label_a[:35]}: sentence"))
    fig.colorbar(im, ax=ax, label="similarity (TF-IDF cosine)")
    return _finish(fig)


def save_table(frame: pd.DataFrame, name: str, output_dir: str) -> None:
    """Write ``frame`` as ``output_dir/name.csv`` atomically (nothing when ``output_dir`` is
    empty): an interrupted batch run never leaves a half-written CSV behind."""
    if output_dir:
        from pathlib import Path

        atomic_write_csv(frame, Path(output_dir) / f"{name}.csv")


def term_trend(trend: pd.DataFrame, *, value: str = "per_1000", ax: Axes | None = None) -> Figure:
    """Lines: each term's rate (per 1,000 words) per period (see :func:`newslib.terms.term_trend`)."""
    fig, ax = _fig_ax(ax, (10, 5))
    for i, (term, sub) in enumerate(trend.groupby("term", sort=True, observed=True)):
        ax.plot(sub["period"], sub[value], marker="o", color=PALETTE[i % len(PALETTE)], label=_t(term))
    ax.set_ylabel("per 1,000 words" if value == "per_1000" else value)
    ax.set_xlabel("period")
    ax.legend(frameon=False)
    for label in ax.get_xticklabels():
        label.set_rotation(45)
        label.set_ha("right")
    return _finish(fig)
