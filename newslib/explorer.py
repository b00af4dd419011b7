"""An interactive explorer for JupyterLab (ipywidgets), with a static twin for batch runs.

Pick a grouping and two groups, then a term (a word or a phrase such as "what he termed"): see
its keyword-in-context lines side by side, where it falls in each article, and its keyness. Pick
an article: see it with its quotes highlighted and the sentences that trigger each frame marked.

Every view says in one sentence what it compares, or why it is empty (no term typed, a term
that does not occur, a grouping with one value, the same group on both sides): a table with a
header only or a blank plot tells a reader nothing. A phrase is counted as a phrase (its
n-grams, stopwords included), so its keyness and dispersion match its KWIC lines.

Under papermill there is no browser to move the widgets, so ``Explorer.show(interactive=False)``
renders the current selection as plain HTML and figures instead; the batch report passes
``interactive=False`` to notebooks that declare it. All text is escaped (see
:mod:`newslib.display`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .charts import dispersion
from .corpus import Corpus
from .display import escape, highlight_quotes, table_html
from .framing import frame_evidence
from .terms import article_groups, keyness, kwic, shared_terms, term_counts
from .tokens import normalize_token, term_stopwords, tokenize

__all__ = ["Explorer"]

#: Articles per group drawn in the dispersion plot (those using the term most).
MAX_DISPERSION_ARTICLES = 4


def _png(fig: Any) -> bytes:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _times(n: int) -> str:
    return "not once" if n == 0 else "once" if n == 1 else "twice" if n == 2 else f"{n:,} times"


def _p(msg: str) -> str:
    return f"<p>{escape(msg)}</p>"


class Explorer:
    """State and views of the explorer; widgets are created only by :meth:`widgets`.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a", title="T", text="T\\n\\nTrade grew.", outlet="X"),
    ...             Article(id="b", title="U", text="U\\n\\nTrade fell.", outlet="Y")])
    >>> ex = Explorer(c, term="trade")
    >>> "grew" in ex.kwic_html() and "fell" in ex.kwic_html()
    True
    >>> ex.term = "tariff"
    >>> ex.status()
    '“tariff” does not occur in X or Y.'
    """

    def __init__(self, corpus: Corpus, *, group_by: str = "outlet", group_a: str | None = None,
                 group_b: str | None = None, term: str = "", article: str | None = None) -> None:
        self.corpus = corpus
        self.group_by = group_by
        self._groups = article_groups(corpus, group_by)
        labels = self.group_labels()
        self.group_a = group_a or (labels[0] if labels else "")
        self.group_b = group_b or (labels[1] if len(labels) > 1 else self.group_a)
        self.term = term
        self.article = article or (corpus.articles[0].id if corpus.articles else "")
        self._counts: dict[tuple[str, int, bool], Any] = {}
        self._kwic: tuple[tuple[str, str], Any] | None = None
        self._evidence = None

    # -- state ---------------------------------------------------------------------------
    def set_grouping(self, group_by: str) -> None:
        self._groups = article_groups(self.corpus, group_by)
        self.group_by = group_by
        labels = self.group_labels()
        self.group_a = labels[0] if labels else ""
        self.group_b = labels[1] if len(labels) > 1 else self.group_a

    def choose_term(self, wanted: str) -> str:
        """Start with ``wanted`` when the compared groups use it; otherwise with a word of theirs
        — the one both use most (:func:`newslib.terms.shared_terms`), or, when they share none,
        the most frequent word of either — and return a sentence saying so (empty when
        ``wanted`` is kept). A default term of the sample corpus on another corpus would
        otherwise leave every view empty.

        >>> from newslib.corpus import Corpus, Article
        >>> c = Corpus([Article(id="a", title="T", text="T\\n\\nThe pit shut. The fund.", outlet="X"),
        ...             Article(id="b", title="U", text="U\\n\\nThe pit and the mine.", outlet="Y"),
        ...             Article(id="c", title="V", text="V\\n\\nA year. A year.", outlet="Z")])
        >>> ex = Explorer(c)
        >>> ex.choose_term("year")
        '“year” does not occur in X or Y (it occurs twice in other groups); starting with “pit”, the word X and Y both use most (once in X, once in Y).'
        >>> ex.term, ex.choose_term("fund"), ex.term
        ('pit', '', 'fund')
        """
        self.term = wanted.strip()
        sides = self._sides()
        lines = self._lines() if self.term else None
        if lines is not None and lines["group"].isin(sides).any():
            return ""
        counts = self._term_counts(1, True)
        counts = counts[counts["group"].isin(sides)]
        a, b = (sides + [None])[:2]
        top = shared_terms(counts, a, b, n=1)
        if not top:     # the compared groups have no word: the corpus's most frequent one, if any
            every = shared_terms(self._term_counts(1, True), None, None, n=1)
            said = (f"“{self.term}” does not occur in {' or '.join(sides) or 'this corpus'}. " if self.term
                    else "No term was given. ")
            if not every:
                return said + "The corpus has no word to start with."
            self.term = every[0]
            return said + (f"{' and '.join(sides)} have no word of their own; " if sides else "") + \
                f"starting with “{every[0]}”, the most frequent word of the corpus."
        absent = (f"“{self.term}” does not occur in {' or '.join(sides)}" if self.term else "No term was given")
        if self.term and lines is not None and len(lines):
            absent += f" (it occurs {_times(len(lines))} in other groups)"
        self.term = top[0]
        per = counts[counts["term"] == top[0]].groupby("group", observed=True)["count"].sum()
        uses = ", ".join(f"{_times(int(per.get(g, 0)))} in {g}" for g in sides)
        why = (f"the word {a} and {b} both use most" if b is not None and all(per.get(g, 0) for g in sides)
               else f"the most frequent word of {' and '.join(sides)}")
        return f"{absent}; starting with “{top[0]}”, {why} ({uses})."

    def group_labels(self) -> list[str]:
        return sorted(set(self._groups.values()))

    def _words(self) -> list[str]:
        """The term's word tokens, normalised (punctuation typed with it is ignored)."""
        return [normalize_token(t) for t, _, _ in tokenize(self.term.strip()) if re.search(r"\w", t)]

    def _lines(self):
        """KWIC lines of the term in the whole corpus (kept until the term or grouping changes)."""
        key = (self.term.strip(), self.group_by)
        if self._kwic is None or self._kwic[0] != key:
            self._kwic = (key, kwic(self.corpus, self.term.strip(), group_by=self.group_by))
        return self._kwic[1]

    def _problem(self) -> str:
        """Why there is nothing to compare (empty when there is something)."""
        labels = self.group_labels()
        if len(self.corpus) < 2:
            return "This corpus has one article: there is nothing to compare it with."
        if len(labels) < 2:
            only = labels[0] if labels else "none"
            return (f"Grouping by {self.group_by} gives one group only ({only or '(none)'}), so there is "
                    "nothing to compare; choose another grouping (id compares articles).")
        if self.group_a == self.group_b:
            return (f"Group A and group B are both {self.group_a}: choose two different groups to "
                    "compare.")
        return ""

    def _sides(self) -> list[str]:
        return [self.group_a] if self._problem() else [self.group_a, self.group_b]

    # -- views ---------------------------------------------------------------------------
    def status(self) -> str:
        """One sentence: what the views compare, or why they are empty."""
        term = self.term.strip()
        if not term:
            return "Type a term (a word or a phrase) to see it in context, where it falls and its keyness."
        lines = self._lines()
        sides = self._sides()
        shown = lines[lines["group"].isin(sides)]
        where = " or ".join(sides) if len(sides) > 1 else sides[0]
        if shown.empty:
            elsewhere = len(lines)
            return (f"“{term}” does not occur in {where}"
                    + (f" (it occurs {_times(elsewhere)} in other groups)." if elsewhere else "."))
        problem = self._problem()
        if problem:
            return f"“{term}” occurs {_times(len(shown))} in {sides[0]}. {problem}"
        n_a = int((shown["group"] == self.group_a).sum())
        n_b = int((shown["group"] == self.group_b).sum())
        return (f"Comparing “{term}” in {self.group_a} ({_times(n_a)}) and in {self.group_b} "
                f"({_times(n_b)}), grouped by {self.group_by}.")

    def kwic_html(self, *, width: int = 45) -> str:
        """KWIC lines of the term for group A and group B, side by side (escaped)."""
        term = self.term.strip()
        if not term:
            return _p("Type a term (a word or a phrase) to see its lines in context.")
        k = self._lines()
        if k.empty:
            return _p(f"“{term}” does not occur in this corpus, so there are no lines to show.")
        if width != 45:
            k = kwic(self.corpus, term, group_by=self.group_by, width=width)
        cols = []
        for g in self._sides():
            sub = k[k["group"] == g]
            rows = "".join(f"<tr><td style='text-align:right'>{escape(r.left)}</td><td><b>{escape(r.match)}</b></td>"
                           f"<td>{escape(r.right)}</td></tr>" for r in sub.itertuples())
            empty = f"<tr><td>“{escape(term)}” does not occur in {escape(g)}.</td></tr>"
            cols.append(f"<div style='flex:1;min-width:22em'><h4>{escape(g)} ({len(sub)})</h4>"
                        f"<table>{rows or empty}</table></div>")
        return (_p(self.status()) + "<div style='display:flex;gap:1.5em'>" + "".join(cols) + "</div>")

    def _term_counts(self, n: int, drop: bool):
        key = (self.group_by, n, drop)
        if key not in self._counts:
            self._counts[key] = term_counts(self.corpus, group_by=self.group_by, n=n, drop_stopwords=drop)
        return self._counts[key]

    def keyness_row(self):
        """The keyness statistics of the term (A against B) as a one-row DataFrame (no row when
        the term is empty, absent from both groups, or there are not two groups). A phrase is
        counted as a phrase: keyness over the n-grams of its length, stopwords included."""
        words = self._words()
        cols = ["term", "count_a", "count_b", "per_1000_a", "per_1000_b", "g2", "p", "log_ratio",
                "pct_diff", "log_odds", "z", "only_in"]
        import pandas as pd

        empty = pd.DataFrame(columns=cols)
        if not words or self._problem():
            return empty
        drop = len(words) == 1 and words[0] not in term_stopwords()
        counts = self._term_counts(len(words), drop)
        if not {self.group_a, self.group_b} <= set(counts["group"]):
            return empty
        key = keyness(counts, self.group_a, self.group_b)
        return key[key["term"] == " ".join(words)].round(3).reset_index(drop=True)

    def keyness_html(self) -> str:
        """The keyness row with one sentence that reads it (or says why there is none)."""
        term = self.term.strip()
        if not term:
            return _p("Type a term to see its keyness (how typical it is of one group).")
        problem = self._problem()
        if problem:
            return _p(f"Keyness compares two groups. {problem}")
        row = self.keyness_row()
        if row.empty:
            return _p(f"“{term}” does not occur in {self.group_a} or {self.group_b}: no keyness to compute.")
        r = row.iloc[0]
        a, b = self.group_a, self.group_b
        side = a if r["log_ratio"] > 0 else b
        signif = "significant at p < 0.05" if r["p"] < 0.05 else "not significant at p < 0.05"
        msg = (f"“{term}”: {_times(int(r['count_a']))} in {a} ({r['per_1000_a']:.1f} per 1,000 words), "
               f"{_times(int(r['count_b']))} in {b} ({r['per_1000_b']:.1f}); Log Ratio {r['log_ratio']:+.2f} "
               f"(more typical of {side}), G² {abs(r['g2']):.2f}, p = {r['p']:.3f}: {signif}.")
        return _p(msg) + table_html(row)

    def dispersion_figure(self):
        """Where the term falls in the articles of A and B (up to four per group, those using
        it most), or ``None`` when there is nothing to draw (see :meth:`dispersion_note`)."""
        ids = self._dispersion_ids()
        if not ids:
            return None
        toks = self.corpus.tokens()
        toks = toks[toks["article_id"].isin(ids)]
        toks = toks.assign(article_id=toks["article_id"].astype(str))
        order = {i: k for k, i in enumerate(ids)}
        toks = toks.sort_values(["article_id", "token_id"], key=lambda s: s.map(order) if s.name == "article_id" else s)
        per_group = Counter(self._groups[i] for i in ids)
        labels = {i: (self._groups[i] if per_group[self._groups[i]] == 1 or self._groups[i] == i
                      else f"{self._groups[i]} · {i}") for i in ids}
        return dispersion(toks, [self.term.strip()], labels=labels)

    def _dispersion_ids(self) -> list[str]:
        if not self.term.strip():
            return []
        lines = self._lines()
        ids = []
        for g in self._sides():
            used = lines[lines["group"] == g]["article_id"].astype(str).value_counts()
            ids += used.index[:MAX_DISPERSION_ARTICLES].tolist()
        return ids

    def dispersion_note(self) -> str:
        """One sentence: what the dispersion plot shows, or why there is none."""
        term = self.term.strip()
        if not term:
            return "Type a term to see where it falls in each article."
        ids = self._dispersion_ids()
        sides = self._sides()
        if not ids:
            where = " or ".join(sides)
            return f"“{term}” does not occur in the articles of {where}: nothing to plot."
        per = Counter(self._groups[i] for i in ids)
        parts = ", ".join(f"{per[g]} of {g}" for g in sides if per[g])
        n = len(ids)
        return (f"Where “{term}” falls in {n} article{'s that use' if n != 1 else ' that uses'} it ({parts}): "
                "each mark is one use; 0 is the headline, 1 the end.")

    def article_html(self) -> str:
        """The chosen article with its quotes highlighted and frame-triggering words listed."""
        a = self.corpus[self.article]
        q = self.corpus.quotes()
        html = highlight_quotes(a.text, q[q["article_id"] == a.id], title=f"{a.outlet}: {a.title}")
        if self._evidence is None:
            self._evidence = frame_evidence(self.corpus)
        ev = self._evidence[self._evidence["article_id"] == a.id]
        if ev.empty:
            return html + "<h4>Frames marked in this article</h4>" + _p("No frame dictionary word occurs in this article.")
        frames = (ev.groupby("frame", observed=True)["match"].agg(lambda m: ", ".join(sorted(set(m.str.lower()))))
                    .reset_index().rename(columns={"match": "words that triggered it"}))
        return html + "<h4>Frames marked in this article</h4>" + table_html(frames)

    def _term_views(self) -> list[Any]:
        """The term's views as display objects: sentence + KWIC, keyness, dispersion."""
        from IPython.display import HTML, Image

        out: list[Any] = [HTML(self.kwic_html()), HTML(self.keyness_html()), HTML(_p(self.dispersion_note()))]
        fig = self.dispersion_figure()
        if fig is not None:
            out.append(Image(data=_png(fig)))
        return out

    # -- display -------------------------------------------------------------------------
    def show(self, *, interactive: bool = True) -> Any:
        """Display the explorer: widgets in JupyterLab, static HTML and figures otherwise."""
        from IPython.display import HTML, display

        if not interactive:
            title = (f"“{self.term.strip()}”: " if self.term.strip() else "") + " and ".join(self._sides())
            display(HTML(f"<h3>{escape(title)}</h3>"))
            for view in self._term_views():
                display(view)
            display(HTML(self.article_html()))
            return None
        box = self.widgets()
        display(box)
        return box

    def widgets(self):
        """Build the ipywidgets interface; callbacks update the views in place."""
        import ipywidgets as w
        from IPython.display import HTML

        cols = [c for c in self.corpus.frame().columns if c not in ("title", "words", "url", "source_path",
                                                                    "captions", "removed")]
        self.w_group_by = w.Dropdown(options=cols, value=self.group_by, description="group by")
        self.w_a = w.Dropdown(options=self.group_labels(), value=self.group_a, description="group A")
        self.w_b = w.Dropdown(options=self.group_labels(), value=self.group_b, description="group B")
        self.w_term = w.Text(value=self.term, description="term", placeholder="a word or a phrase",
                             continuous_update=False)
        self.w_article = w.Dropdown(options=[a.id for a in self.corpus], value=self.article, description="article")
        self.out_term = w.Output()
        self.out_article = w.Output()
        busy = {"regrouping": False}

        def refresh_term(*_: Any) -> None:
            if busy["regrouping"]:
                return
            # append_display_data works with or without a front end (and in tests)
            self.out_term.outputs = ()
            for view in self._term_views():
                self.out_term.append_display_data(view)

        def refresh_article(*_: Any) -> None:
            self.out_article.outputs = ()
            self.out_article.append_display_data(HTML(self.article_html()))

        def on_group_by(change: dict) -> None:
            self.set_grouping(change["new"])
            busy["regrouping"] = True      # one refresh for the new grouping, not one per dropdown
            try:
                for dd, val in ((self.w_a, self.group_a), (self.w_b, self.group_b)):
                    dd.options = self.group_labels()
                    dd.value = val
            finally:
                busy["regrouping"] = False
            self.group_a, self.group_b = self.w_a.value, self.w_b.value
            refresh_term()

        def on_a(change: dict) -> None:
            self.group_a = change["new"]
            refresh_term()

        def on_b(change: dict) -> None:
            self.group_b = change["new"]
            refresh_term()

        def on_term(change: dict) -> None:
            self.term = change["new"]
            refresh_term()

        def on_article(change: dict) -> None:
            self.article = change["new"]
            refresh_article()

        self.w_group_by.observe(on_group_by, names="value")
        self.w_a.observe(on_a, names="value")
        self.w_b.observe(on_b, names="value")
        self.w_term.observe(on_term, names="value")
        self.w_article.observe(on_article, names="value")
        refresh_term()
        refresh_article()
        return w.VBox([w.HBox([self.w_group_by, self.w_a, self.w_b]), self.w_term, self.out_term,
                       self.w_article, self.out_article])
