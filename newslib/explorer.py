"""An interactive explorer for JupyterLab (ipywidgets), with a static twin for batch runs.

Pick a grouping and two groups, then a term: see its keyword-in-context lines side by side,
where it falls in each article, and its keyness. Pick an article: see it with its quotes
highlighted and the sentences that trigger each frame marked.

Under papermill there is no browser to move the widgets, so ``Explorer.show(interactive=False)``
renders the current selection as plain HTML and figures instead; the batch report passes
``interactive=False`` to notebooks that declare it. All text is escaped (see
:mod:`newslib.display`).
"""

from __future__ import annotations

from typing import Any

from .charts import dispersion
from .corpus import Corpus
from .display import escape, highlight_quotes, table_html
from .framing import frame_evidence
from .terms import article_groups, keyness, kwic, term_counts
from .tokens import normalize_token

__all__ = ["Explorer"]


def _png(fig: Any) -> bytes:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


class Explorer:
    """State and views of the explorer; widgets are created only by :meth:`widgets`.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a", title="T", text="T\\n\\nTrade grew.", outlet="X"),
    ...             Article(id="b", title="U", text="U\\n\\nTrade fell.", outlet="Y")])
    >>> ex = Explorer(c, term="trade")
    >>> "grew" in ex.kwic_html() and "fell" in ex.kwic_html()
    True
    """

    def __init__(self, corpus: Corpus, *, group_by: str = "outlet", group_a: str | None = None,
                 group_b: str | None = None, term: str = "", article: str | None = None) -> None:
        self.corpus = corpus
        self.group_by = group_by
        self._groups = article_groups(corpus, group_by)
        labels = sorted(set(self._groups.values()))
        self.group_a = group_a or (labels[0] if labels else "")
        self.group_b = group_b or (labels[1] if len(labels) > 1 else self.group_a)
        self.term = term
        self.article = article or (corpus.articles[0].id if corpus.articles else "")
        self._counts = None
        self._evidence = None

    # -- state ---------------------------------------------------------------------------
    def set_grouping(self, group_by: str) -> None:
        self._groups = article_groups(self.corpus, group_by)
        self.group_by = group_by
        labels = self.group_labels()
        self.group_a = labels[0] if labels else ""
        self.group_b = labels[1] if len(labels) > 1 else self.group_a
        self._counts = None

    def group_labels(self) -> list[str]:
        return sorted(set(self._groups.values()))

    # -- views ---------------------------------------------------------------------------
    def kwic_html(self, *, width: int = 45) -> str:
        """KWIC lines of the term for group A and group B, side by side (escaped)."""
        if not self.term.strip():
            return "<p>Type a term.</p>"
        k = kwic(self.corpus, self.term, group_by=self.group_by, width=width)
        cols = []
        for g in (self.group_a, self.group_b):
            sub = k[k["group"] == g]
            rows = "".join(f"<tr><td style='text-align:right'>{escape(r.left)}</td><td><b>{escape(r.match)}</b></td>"
                           f"<td>{escape(r.right)}</td></tr>" for r in sub.itertuples())
            cols.append(f"<div style='flex:1;min-width:22em'><h4>{escape(g)} ({len(sub)})</h4>"
                        f"<table>{rows or '<tr><td>no occurrence</td></tr>'}</table></div>")
        return "<div style='display:flex;gap:1.5em'>" + "".join(cols) + "</div>"

    def keyness_row(self):
        """The keyness statistics of the term (A against B) as a one-row DataFrame."""
        if self._counts is None:
            self._counts = term_counts(self.corpus, group_by=self.group_by)
        if self.group_a == self.group_b:
            return self._counts.iloc[0:0]
        key = keyness(self._counts, self.group_a, self.group_b)
        return key[key["term"] == normalize_token(self.term.strip())].round(3)

    def dispersion_figure(self):
        toks = self.corpus.tokens()
        ids = [i for i, g in self._groups.items() if g in (self.group_a, self.group_b)][:6]
        toks = toks[toks["article_id"].isin(ids)]
        return dispersion(toks, [self.term.strip() or "?"], labels=self._groups)

    def article_html(self) -> str:
        """The chosen article with its quotes highlighted and frame-triggering words listed."""
        a = self.corpus[self.article]
        q = self.corpus.quotes()
        html = highlight_quotes(a.text, q[q["article_id"] == a.id], title=f"{a.outlet}: {a.title}")
        if self._evidence is None:
            self._evidence = frame_evidence(self.corpus)
        ev = self._evidence[self._evidence["article_id"] == a.id]
        frames = (ev.groupby("frame", observed=True)["match"].agg(lambda m: ", ".join(sorted(set(m.str.lower()))))
                    .reset_index().rename(columns={"match": "words that triggered it"}))
        return html + "<h4>Frames marked in this article</h4>" + table_html(frames)

    # -- display -------------------------------------------------------------------------
    def show(self, *, interactive: bool = True) -> Any:
        """Display the explorer: widgets in JupyterLab, static HTML and figures otherwise."""
        from IPython.display import HTML, display

        if not interactive:
            display(HTML(f"<h3>“{escape(self.term)}”: {escape(self.group_a)} and {escape(self.group_b)}</h3>"))
            display(HTML(self.kwic_html()))
            display(HTML(table_html(self.keyness_row())))
            display(self.dispersion_figure())
            display(HTML(self.article_html()))
            return None
        box = self.widgets()
        display(box)
        return box

    def widgets(self):
        """Build the ipywidgets interface; callbacks update the views in place."""
        import ipywidgets as w
        from IPython.display import HTML, Image

        cols = [c for c in self.corpus.frame().columns if c not in ("title", "words", "url", "source_path",
                                                                    "captions", "removed")]
        self.w_group_by = w.Dropdown(options=cols, value=self.group_by, description="group by")
        self.w_a = w.Dropdown(options=self.group_labels(), value=self.group_a, description="group A")
        self.w_b = w.Dropdown(options=self.group_labels(), value=self.group_b, description="group B")
        self.w_term = w.Text(value=self.term, description="term", continuous_update=False)
        self.w_article = w.Dropdown(options=[a.id for a in self.corpus], value=self.article, description="article")
        self.out_term = w.Output()
        self.out_article = w.Output()

        def refresh_term(*_: Any) -> None:
            # append_display_data works with or without a front end (and in tests)
            self.out_term.outputs = ()
            self.out_term.append_display_data(HTML(self.kwic_html()))
            self.out_term.append_display_data(HTML(table_html(self.keyness_row())))
            self.out_term.append_display_data(Image(data=_png(self.dispersion_figure())))

        def refresh_article(*_: Any) -> None:
            self.out_article.outputs = ()
            self.out_article.append_display_data(HTML(self.article_html()))

        def on_group_by(change: dict) -> None:
            self.set_grouping(change["new"])
            for dd, val in ((self.w_a, self.group_a), (self.w_b, self.group_b)):
                dd.options = self.group_labels()
                dd.value = val
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
