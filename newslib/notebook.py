"""Helpers the notebooks call, so that a notebook holds prose and calls, not logic.

* **Where the corpus is** (:func:`resolve_corpus`, :func:`load`). A notebook runs from
  ``notebooks/`` (JupyterLab, ``newslib report``), from the repository root (``papermill
  notebooks/02_term_frequency.ipynb out.ipynb`` runs the kernel in the caller's folder), or from
  the lab working copy ``work/``. The default ``corpus = "seeds"`` is found from each.
* **What a notebook compares** (:func:`choose_grouping`, :func:`choose_pairs`). Any corpus with
  one article or more runs: with one group (a flat folder without metadata: every outlet is
  ``unknown``) the comparisons compare articles instead; with one article they say what they
  cannot compare; with three or more groups the pairs for pairwise views come from the
  ``compare`` parameter. The notebook prints :attr:`Grouping.note`, one line saying which.
* **Counts said right** (:func:`plural`, :func:`keyness_note`): "1 file", not "1 files".
* **Terms of this corpus** (:func:`newslib.terms.terms_or_shared`, in the notebooks): the term
  defaults name words of the seeds; on another corpus a chart of absent terms would be blank, so
  the words both compared groups use most are shown instead, with a sentence saying so.
* **Charts for any number of groups** (:func:`compare_chart`, :func:`actor_matrix`): bars side
  by side for two groups, an outlet × item heat map for three or more.
* **The lab working copy** (:func:`lab_copy`, used by ``make lab``): JupyterLab autosaves outputs
  into the notebooks it opens, so ``make lab`` opens copies in a folder git ignores, never the
  tracked notebooks.
"""

from __future__ import annotations

import hashlib
import json
import os
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .charts import frame_profile, heatmap
from .corpus import PROJECT_ROOT, Corpus, load_corpus, resolve_corpus
from .display import escape, plural
from .readers.language import NOT_ENGLISH
from .terms import article_groups, article_similarity

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["PROJECT_ROOT", "resolve_corpus", "load", "plural", "Grouping", "choose_grouping",
           "choose_pairs", "first_article", "sample_articles", "chart_articles", "left_out", "kwic_preview",
           "article_labels", "alignment_pairs", "ArticlePair", "MIN_SIMILARITY",
           "keyness_note", "distinctive_words", "actor_matrix", "compare_chart", "read_note", "say",
           "lab_copy"]



# ----------------------------------------------------------------------------- the corpus
def load(corpus: str | os.PathLike, *, cache: bool = False, what: str = "this notebook") -> Corpus:
    """:func:`resolve_corpus`, then :func:`newslib.load_corpus`; at least one article needed."""
    return load_corpus(resolve_corpus(corpus), cache=cache).require(1, what=what)


# ----------------------------------------------------------------------------- words
def _names(items: Sequence[str], limit: int = 6, *, last: str = "and") -> str:
    """``a, b and c`` (at most ``limit`` names, then how many more).

    >>> _names(["a"]), _names(["a", "b"]), _names(list("abcdefgh"), 3)
    ('a', 'a and b', 'a, b, c and 5 more')
    """
    items = [str(i) if str(i) else "(none)" for i in items]
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" {last} {len(items) - limit} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


_KIND = {"outlet": "outlet", "folder": "folder", "id": "article", "date": "date", "title": "title"}


def _kind(by: str, n: int) -> str:
    word = _KIND.get(by)
    return plural(n, word) if word else f"{n:,} {by} groups" if n != 1 else f"1 {by} group"


# ----------------------------------------------------------------------------- grouping
#: beyond this many articles the default pairs are not chosen by likeness (every article is
#: compared with every other: 400 articles are 160,000 pairs, about a second)
ALIKE_MAX_ARTICLES = 600


#: per corpus and grouping, _best_pairs' answer: notebook 05 asks twice (its default pairs and its
#: one-story note), and each answer compares every pair of articles
_BEST_PAIRS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _best_pairs(corpus: Corpus, group_by: str) -> pd.Series:
    """Per pair of groups (in alphabetical order), the similarity of its two most alike articles."""
    memo = _BEST_PAIRS.setdefault(corpus, {})
    if group_by not in memo:
        memo[group_by] = _compute_best_pairs(corpus, group_by)
    return memo[group_by]


def _compute_best_pairs(corpus: Corpus, group_by: str) -> pd.Series:
    gmap = article_groups(corpus, group_by)
    ids = [a.id for a in corpus.articles]
    sim = article_similarity(corpus, ids, ids)
    ga, gb = sim["article_a"].map(gmap), sim["article_b"].map(gmap)
    sim = sim.assign(pair=[tuple(sorted((str(x), str(y)))) for x, y in zip(ga, gb, strict=True)])[ga != gb]
    return sim.groupby("pair")["similarity"].max()


def one_story_note(corpus: Corpus, group_by: str) -> str:
    """One sentence on whether the groups' articles seem to report one story: how many pairs of
    groups have two articles alike enough (:data:`SURE_SIMILARITY`), and a warning when none
    has. Empty for one group or beyond :data:`ALIKE_MAX_ARTICLES` articles.

    Why: the event report compares what each outlet left out; on 35 articles of 35 stories it
    listed whole articles as "reported by one outlet only", under the title "one event".

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a", title="Cup", text="Cup\\n\\nThe team won the cup final.", outlet="A"),
    ...             Article(id="b", title="Ferry", text="Ferry\\n\\nThe ferry strike shut the harbour.", outlet="B")])
    >>> one_story_note(c, "outlet")
    'No two outlets have articles alike enough to be reports of one story (similarity 0.3 or more; the most alike: 0.00): this corpus seems to hold different stories, so what one outlet reports and another does not is no omission.'
    """
    groups = set(article_groups(corpus, group_by).values())
    if len(groups) < 2 or len(corpus) > ALIKE_MAX_ARTICLES:
        return ""
    best = _best_pairs(corpus, group_by)
    total = len(groups) * (len(groups) - 1) // 2
    sure = int((best >= SURE_SIMILARITY).sum())
    kind = _KIND.get(group_by, "group")
    if sure and total == 1:
        return (f"The two {kind}s have articles alike enough to be reports of one story (similarity "
                f"{SURE_SIMILARITY} or more: {float(best.max()):.2f}).")
    if sure:
        rest = (f" The other {total - sure:,} seem to report different stories: what one {kind} reports and the "
                "other does not is then no omission." if sure * 2 < total else "")
        return (f"{sure:,} of the {total:,} pairs of {kind}s {'has' if sure == 1 else 'have'} two articles alike "
                f"enough to be reports of one story (similarity {SURE_SIMILARITY} or more).{rest}")
    top = float(best.max()) if len(best) else 0.0
    return (f"No two {kind}s have articles alike enough to be reports of one story (similarity {SURE_SIMILARITY} or "
            f"more; the most alike: {top:.2f}): this corpus seems to hold different stories, so what one {kind} "
            "reports and another does not is no omission.")


def pairs_by_likeness(corpus: Corpus, group_by: str, *, max_pairs: int = 3) -> list[tuple[str, str]] | None:
    """The ``max_pairs`` pairs of groups whose most alike articles are most alike in wording
    (:func:`newslib.terms.article_similarity`), most alike first; each pair in alphabetical
    order. ``None`` when the corpus has more than :data:`ALIKE_MAX_ARTICLES` articles or no two
    articles of different groups share a content word.

    Why: a folder of articles from seven outlets holds several stories, and the first pairs in
    the alphabet compared outlets that reported none in common (a user's 21 articles: every
    default pair below 0.15, no sentence compared), while other pairs shared a story.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a1", title="Cup", text="Cup\\n\\nThe team won the cup final.", outlet="A"),
    ...             Article(id="b1", title="Ferry", text="Ferry\\n\\nThe ferry strike shut the harbour.", outlet="B"),
    ...             Article(id="c1", title="Strike", text="Strike\\n\\nA ferry strike closed the harbour.", outlet="C")])
    >>> pairs_by_likeness(c, "outlet", max_pairs=1)
    [('B', 'C')]
    """
    if len(corpus) > ALIKE_MAX_ARTICLES:
        return None
    gmap = article_groups(corpus, group_by)
    best = _best_pairs(corpus, group_by)
    if not len(best) or best.max() <= 0:
        return None     # no two articles share a content word: nothing to choose by
    groups = sorted({str(g) for g in gmap.values()})
    every = list(combinations(groups, 2))
    order = sorted(range(len(every)), key=lambda i: (-float(best.get(every[i], 0.0)), i))
    return [every[i] for i in order[:max_pairs]]


def choose_pairs(groups: Sequence[str], compare: Iterable[Any] = (), *, max_pairs: int = 3) -> list[tuple[str, str]]:
    """The pairs of groups that pairwise views (keyness, alignment) show.

    ``compare`` empty: the first ``max_pairs`` pairs in alphabetical order. Two or more names:
    every pair among them, in the order given. One name: that group against each other one.
    A list of pairs: those pairs. A name that is not a group is a one-line ``ValueError``.

    >>> choose_pairs(["a", "b", "c"])
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    >>> choose_pairs(["a", "b", "c"], ["c", "a"])
    [('c', 'a')]
    >>> choose_pairs(["a", "b", "c"], ["b"])
    [('b', 'a'), ('b', 'c')]
    >>> choose_pairs(["a", "b", "c"], [["a", "c"], ["b", "c"]])
    [('a', 'c'), ('b', 'c')]
    >>> choose_pairs(["a"])
    []
    >>> choose_pairs(["a", "b"], ["x"])
    Traceback (most recent call last):
    ValueError: compare names x, which is not a group; the groups are: a and b
    """
    groups = [str(g) for g in groups]
    compare = list(compare or [])
    if compare and all(isinstance(c, list | tuple) for c in compare):
        pairs = [(str(c[0]), str(c[1])) for c in compare if len(c) == 2]
        named = [n for p in pairs for n in p]
    else:
        named = list(dict.fromkeys(str(c) for c in compare))
        pairs = []
    unknown = [n for n in dict.fromkeys(named) if n not in groups]
    if unknown:
        verb = "which is not a group" if len(unknown) == 1 else "which are not groups"
        raise ValueError(f"compare names {_names(unknown, 10)}, {verb}; the groups are: {_names(groups, 12)}")
    if pairs:
        return [p for p in pairs if p[0] != p[1]]
    if len(named) == 1:
        return [(named[0], g) for g in groups if g != named[0]]
    if len(named) >= 2:
        return list(combinations(named, 2))
    return list(combinations(sorted(groups), 2))[:max_pairs]


@dataclass(frozen=True)
class Grouping:
    """What a notebook compares: the column it groups by (``by``, which may differ from the
    ``requested`` one), the groups, the pairs for pairwise views, and a one-line ``note``."""

    requested: str
    by: str
    groups: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    note: str

    @property
    def switched(self) -> bool:
        """True when the requested grouping gave one group and articles are compared instead."""
        return self.by != self.requested

    @property
    def pair(self) -> tuple[str, str] | tuple[None, None]:
        """The first pair, or ``(None, None)`` when there is nothing to compare."""
        return self.pairs[0] if self.pairs else (None, None)

    @property
    def kind(self) -> str:
        """What one group is, in words: ``outlet``, ``article``, ``folder``, … (else ``group``)."""
        return _KIND.get(self.by, "group")

    def skipped(self, what: str) -> str:
        """The sentence a view prints instead of a comparison it cannot make.

        >>> Grouping("outlet", "outlet", ("a",), (), "").skipped("Keyness")
        'Keyness compares two groups: left out, because this corpus has one article.'
        """
        why = "this corpus has one article" if len(self.groups) <= 1 else "no pair of groups was chosen"
        return f"{what} compares two groups: left out, because {why}."

    def first_groups(self, limit: int = 6) -> list[str]:
        """Up to ``limit`` groups for charts with a panel per group: the compared ones first.

        >>> Grouping("id", "id", ("a", "b", "c", "d"), (("c", "d"),), "").first_groups(3)
        ['c', 'd', 'a']
        """
        order = [g for p in self.pairs for g in p] + list(self.groups)
        return list(dict.fromkeys(order))[:limit]


def choose_grouping(corpus: Corpus, group_by: str = "outlet", *, compare: Iterable[Any] = (),
                    max_pairs: int = 3, for_readers: bool = False) -> Grouping:
    """Decide what a comparison notebook compares, and say it in one line.

    * two or more groups: those, with the pairs from :func:`choose_pairs`;
    * one group and several articles (a flat folder without metadata: every outlet is
      ``unknown``): each article becomes its own group (``by == "id"``), and ``compare``
      (names of the requested groups) is set aside;
    * one article: nothing to compare (no pairs); the notebook shows the rest.

    >>> from newslib.corpus import Corpus, Article
    >>> arts = [Article(id=i, title="T", text="T\\n\\nBody.") for i in ("a", "b")]
    >>> g = choose_grouping(Corpus(arts))
    >>> g.by, g.pairs, g.switched
    ('id', (('a', 'b'),), True)
    >>> g.note
    'All 2 articles have the same outlet (unknown), so this notebook compares articles instead: each article is its own group (grouped by id).'
    >>> choose_grouping(Corpus(arts[:1])).note
    'One article only (a): there is nothing to compare it with, so the comparisons are left out and the rest is shown.'
    >>> arts = [Article(id=i, title="T", text="T\\n\\nBody.", outlet=i.upper()) for i in "abc"]
    >>> g = choose_grouping(Corpus(arts), compare=["C"])
    >>> g.pairs, g.note
    ((('C', 'A'), ('C', 'B')), 'Comparing 3 outlets (A, B and C); pairwise views: C with A and C with B.')
    >>> choose_grouping(Corpus(arts), max_pairs=1).note
    'Comparing 3 outlets (A, B and C); pairwise views: A with B (the pair of 3 whose articles are most alike; set compare to choose others).'

    ``for_readers`` words the note for a report's readers, who set no parameter (notebook 05):
    no "set compare", and the pairs in the words of the report.

    >>> choose_grouping(Corpus(arts), max_pairs=1, for_readers=True).note
    'Comparing 3 outlets (A, B and C); pair by pair: A with B (the pair of 3 whose articles are most alike in wording).'

    Up to twelve groups are named ("and 1 more" hid a name as long as itself).

    """
    groups = sorted(set(article_groups(corpus, group_by).values()))
    compare = list(compare or [])
    n = len(corpus)
    if n <= 1:
        only = corpus.articles[0].id if n else ""
        note = (f"One article only ({only}): there is nothing to compare it with, so the comparisons "
                "are left out and the rest is shown.")
        return Grouping(group_by, group_by, tuple(groups), (), note)
    if len(groups) == 1:
        ids = sorted(a.id for a in corpus.articles)
        pairs = choose_pairs(ids, (), max_pairs=max_pairs)
        label = groups[0] or "(none)"
        note = (f"All {n:,} articles have the same {group_by} ({label}), so this notebook compares "
                "articles instead: each article is its own group (grouped by id).")
        if compare and not for_readers:
            note = note[:-1] + f"; compare ({_names([str(c) for c in compare])}) is set aside."
        return Grouping(group_by, "id", tuple(ids), tuple(pairs), note)
    pairs = choose_pairs(groups, compare, max_pairs=max_pairs)
    total = len(groups) * (len(groups) - 1) // 2
    alike = None
    if not compare and len(pairs) < total:
        alike = pairs_by_likeness(corpus, group_by, max_pairs=max_pairs)
        pairs = alike or pairs
    if len(groups) == 2 and len(pairs) == 1:
        note = f"Comparing {_kind(group_by, 2)}: {pairs[0][0]} with {pairs[0][1]}."
    else:
        shown = _names([f"{a} with {b}" for a, b in pairs], 6) if pairs else "none"
        cut = not compare and len(pairs) < total
        which = ("the pair" if len(pairs) == 1 else f"the {len(pairs)} pairs") + f" of {total:,} whose articles are most alike"
        if for_readers:
            more = (f" ({which} in wording)" if alike else
                    f" ({'the first' if len(pairs) == 1 else f'the first {len(pairs)}'} of the {total:,} pairs, "
                    "in alphabetical order)") if cut else ""
            note = f"Comparing {_kind(group_by, len(groups))} ({_names(groups, 12)}); pair by pair: {shown}{more}."
        else:
            more = (f" ({which}; set compare to choose others)" if alike else
                    f" ({'the first pair' if len(pairs) == 1 else f'the first {len(pairs)} pairs'} of {total:,}; "
                    "set compare to choose others)") if cut else ""
            note = f"Comparing {_kind(group_by, len(groups))} ({_names(groups, 12)}); pairwise views: {shown}{more}."
    return Grouping(group_by, group_by, tuple(groups), tuple(pairs), note)


def articles_in_turn(corpus: Corpus, group_by: str, limit: int) -> list:
    """Up to ``limit`` articles, each group's in turn (the first of every group, then the
    second …), in corpus order within a group: the first four articles of a corpus had all been
    one outlet's.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id=i, title="T", text="T", outlet=o) for i, o in [("a1", "A"), ("a2", "A"), ("b1", "B")]])
    >>> [a.id for a in articles_in_turn(c, "outlet", 2)]
    ['a1', 'b1']
    """
    gmap = article_groups(corpus, group_by)
    seen: dict[str, int] = {}
    rank = []
    for k, a in enumerate(corpus.articles):
        g = gmap[a.id]
        seen[g] = seen.get(g, 0) + 1
        rank.append((seen[g], k, a))
    return [a for _, _, a in sorted(rank, key=lambda r: (r[0], r[1]))[:limit]]


def first_article(corpus: Corpus, group_by: str, group: str) -> str:
    """The id of the first article of ``group`` (the one a pairwise alignment uses).

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="x/1", title="T", text="T", outlet="X")])
    >>> first_article(c, "outlet", "X")
    'x/1'
    """
    groups = article_groups(corpus, group_by)
    for a in corpus.articles:
        if groups[a.id] == group:
            return a.id
    raise ValueError(f"no article in group {group!r} of {group_by}")


def sample_articles(corpus: Corpus, group_by: str, groups: Iterable[str], *, per_group: int = 3) -> list[str]:
    """Up to ``per_group`` article ids of each of ``groups`` (in that order): the articles a
    per-article chart (dispersion) shows, so that each compared group appears in it.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id=f"{o}{i}", title="T", text="T", outlet=o) for o in "AB" for i in range(3)])
    >>> sample_articles(c, "outlet", ["B", "A"], per_group=2)
    ['B0', 'B1', 'A0', 'A1']
    """
    gmap = article_groups(corpus, group_by)
    out: list[str] = []
    for g in groups:
        out += [a.id for a in corpus.articles if gmap[a.id] == g][:per_group]
    return out


#: Panels a chart of one panel per group draws (:func:`newslib.charts.top_terms`' ``max_groups``).
MAX_PANELS = 24


def left_out(shown: Sequence[str], groups: Sequence[str], *, what: str, kind: str = "group") -> str:
    """The sentence saying which of ``groups`` a chart (``what``) leaves out, or ``""`` when it
    shows them all: a chart never drops a group without saying so.

    >>> left_out(["a", "b"], ["a", "b", "c"], what="The dispersion plot", kind="outlet")
    'The dispersion plot shows 2 of 3 outlets; left out: c.'
    >>> left_out(["a"], ["a"], what="The chart")
    ''
    """
    shown_set = set(shown)
    rest = [g for g in groups if g not in shown_set]
    if not rest:
        return ""
    return f"{what} shows {len(groups) - len(rest):,} of {len(groups):,} {kind}s; left out: {_names(rest, 12)}."


def chart_articles(corpus: Corpus, grouping: Grouping, *, max_articles: int = 12) -> tuple[list[str], str]:
    """The articles a per-article chart (the dispersion plot) draws, and the sentence naming the
    groups it leaves out (``""`` when none): up to three articles of each group while they fit
    in ``max_articles``, else one of each of the first ``max_articles`` groups (the compared
    ones first). Every group, up to that limit: a chart of six groups had left a seventh out
    without a word.

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id=f"{o}{i}", title="T", text="T", outlet=o) for o in "ABCDE" for i in range(2)])
    >>> g = choose_grouping(c)
    >>> chart_articles(c, g, max_articles=4)
    (['A0', 'B0', 'C0', 'D0'], 'The chart shows 4 of 5 outlets; left out: E.')
    >>> chart_articles(c, g)[0]
    ['A0', 'A1', 'B0', 'B1', 'C0', 'C1', 'D0', 'D1', 'E0', 'E1']
    """
    groups = grouping.first_groups(max_articles)
    per_group = max(1, min(3, max_articles // max(1, len(groups))))
    ids = sample_articles(corpus, grouping.by, groups, per_group=per_group)
    return ids, left_out(groups, grouping.groups, what="The chart", kind=grouping.kind)


def kwic_preview(kw: pd.DataFrame, term: str, *, limit: int = 25, saved: str = "",
                 kind: str = "group") -> tuple[pd.DataFrame, str]:
    """At most ``limit`` lines of a :func:`newslib.terms.kwic` table to show, taken from every
    group in turn (the first lines of each; ``kind`` names a group in the sentence), and the
    sentence that counts them and says where all the lines are: ``saved`` (a CSV file of a batch run), else the table itself. ``limit``
    0 shows every line.

    Why: a frequent term printed in full (307 lines of "trump") made a report of 1 MB and
    16,000 pixels; a reader reads 25 lines, and the rest stay in the table.

    >>> import pandas as pd
    >>> kw = pd.DataFrame({"group": list("AAAAB"), "match": "oil"})
    >>> shown, said = kwic_preview(kw, "oil", limit=3, saved="kwic.csv")
    >>> shown.index.tolist(), said
    ([0, 1, 4], '“oil”: 5 lines; shown: 3, the first of each group in turn; all 5 are in kwic.csv.')
    >>> kwic_preview(kw, "oil", limit=0)[1]
    '“oil”: 5 lines.'
    """
    n = len(kw)
    if not limit or n <= limit:
        return kw, f"“{term}”: {plural(n, 'line')}."
    rank = kw.groupby("group", sort=False, observed=True).cumcount()
    order = sorted(range(n), key=lambda i: (int(rank.iloc[i]), i))[:limit]
    shown = kw.iloc[sorted(order)]
    where = saved or "the table kw (display(kw) shows them)"
    return shown, (f"“{term}”: {plural(n, 'line')}; shown: {limit:,}, the first of each {kind} in turn; "
                   f"all {n:,} are in {where}.")


def article_labels(corpus: Corpus, group_by: str, ids: Iterable[str]) -> dict[str, str]:
    """A short label for each article of a per-article chart: its group when it is the only
    article of its group there, else ``group · id`` (just the id when grouping by id).

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id=i, title="T", text="T", outlet=o) for i, o in (("a1", "A"), ("a2", "A"), ("b1", "B"))])
    >>> article_labels(c, "outlet", ["a1", "a2", "b1"])
    {'a1': 'A · a1', 'a2': 'A · a2', 'b1': 'B'}
    """
    from collections import Counter

    ids = list(ids)
    gmap = article_groups(corpus, group_by)
    n = Counter(gmap[i] for i in ids)
    return {i: i if group_by == "id" else gmap[i] if n[gmap[i]] == 1 else f"{gmap[i]} · {i}" for i in ids}


#: Least similarity (:func:`newslib.terms.article_similarity`) of two articles whose sentences
#: are worth comparing. Measured: two reports of one event 0.35 (the seeds) and 0.26 to 0.43
#: (same-story pairs of 150 BBC politics articles, where 90 % of all pairs are below 0.07); among
#: 21 PolNeAR articles of seven US outlets on the 2016 campaign (mostly different stories) the
#: most alike pair of every outlet pair lies between 0.04 and 0.18, the highest the two reports
#: of one candidates' forum.
MIN_SIMILARITY = 0.15
#: above this, two articles are most likely reports of one story (two reports of one event:
#: 0.35 the seeds, 0.26-0.43 same-story BBC pairs; but unrelated stories of one campaign reached
#: 0.23-0.25 among 35 US political articles, a new user's audit)
SURE_SIMILARITY = 0.3
_MAYBE_OTHER_STORIES = (" Below 0.3, two articles may still report different stories of one topic: read both "
                        "before taking a sentence of one as left out by the other.")


@dataclass(frozen=True)
class ArticlePair:
    """Two articles whose sentences a pairwise view compares: their groups, ids, how alike they
    are (:func:`newslib.terms.article_similarity`) and whether the user ``named`` them."""

    group_a: str
    group_b: str
    article_a: str
    article_b: str
    similarity: float
    shared: int
    named: bool = False

    @property
    def alike(self) -> bool:
        """True when the two share enough wording to compare their sentences (``MIN_SIMILARITY``)."""
        return self.similarity >= MIN_SIMILARITY

    def note(self, *, kind: str = "group") -> str:
        """One sentence saying which two articles are compared, how alike they are, and, when
        they share too little, that their sentences are better not compared.

        >>> ArticlePair("A", "B", "a/1", "b/2", 0.3123, 40).note(kind="outlet")
        'A and B: the two articles most alike in wording, a/1 and b/2 (similarity 0.31 on a scale from 0, no content word in common, to 1; 40 content words in common).'
        >>> ArticlePair("A", "B", "a/1", "b/2", 0.25, 30).note(kind="outlet").endswith("left out by the other.")
        True
        >>> ArticlePair("A", "B", "a/1", "b/2", 0.04, 3).note(kind="outlet")
        'A and B: no article of A shares enough wording with one of B to compare their sentences: the most alike, a/1 and b/2, have a similarity of 0.04 (0.15 is needed; 3 content words in common). They seem to report different stories.'
        """
        scale = "on a scale from 0, no content word in common, to 1"
        words = plural(self.shared, "content word")
        if self.named:
            head = f"{self.group_a} and {self.group_b}: the articles named, {self.article_a} and {self.article_b}"
            if self.alike:
                return f"{head} (similarity {self.similarity:.2f} {scale}; {words} in common)."
            return (f"{head}, have a similarity of {self.similarity:.2f} ({MIN_SIMILARITY} or more shows articles "
                    f"of one story; {words} in common): they may report different stories.")
        if self.alike:
            return (f"{self.group_a} and {self.group_b}: the two articles most alike in wording, {self.article_a} and "
                    f"{self.article_b} (similarity {self.similarity:.2f} {scale}; {words} in common)."
                    + (_MAYBE_OTHER_STORIES if self.similarity < SURE_SIMILARITY else ""))
        return (f"{self.group_a} and {self.group_b}: no article of {self.group_a} shares enough wording with one of "
                f"{self.group_b} to compare their sentences: the most alike, {self.article_a} and {self.article_b}, "
                f"have a similarity of {self.similarity:.2f} ({MIN_SIMILARITY} is needed; {words} in common). "
                "They seem to report different stories.")


def _most_alike(corpus: Corpus, ids_a: list[str], ids_b: list[str]) -> tuple[str, str, float, int]:
    ids_b = [i for i in ids_b if i not in set(ids_a)] or ids_b
    best = article_similarity(corpus, ids_a, ids_b, top=1)
    if not len(best):
        return ids_a[0], ids_b[0], 0.0, 0
    row = best.iloc[0]
    return str(row["article_a"]), str(row["article_b"]), float(row["similarity"]), int(row["shared"])


def alignment_pairs(corpus: Corpus, grouping: Grouping, article_a: str = "", article_b: str = "") -> list[ArticlePair]:
    """The two articles each pairwise sentence comparison (notebooks 04 and 05) uses, one
    :class:`ArticlePair` per chosen pair of groups: the article of each group most alike in
    wording to one of the other (:func:`newslib.terms.article_similarity`; ties: the first),
    with how alike they are. ``article_a``/``article_b``, when given, name the articles of the
    first pair (one comparison); one named alone is paired with the article of the other group
    most alike to it.

    Why not the first article of each group: with three articles an outlet, those were two
    different stories (a vice-presidential candidate's speech against a piece on the "birther"
    claim), and ~100 sentences a pair were listed as "reported by one outlet only".

    >>> from newslib.corpus import Corpus, Article
    >>> c = Corpus([Article(id="a1", title="Cup", text="Cup\\n\\nThe team won the cup.", outlet="A"),
    ...             Article(id="a2", title="Ferry", text="Ferry\\n\\nThe ferry strike shut the harbour.", outlet="A"),
    ...             Article(id="b1", title="Strike", text="Strike\\n\\nA ferry strike closed the harbour.", outlet="B")])
    >>> g = choose_grouping(c)
    >>> [(p.article_a, p.article_b, p.alike) for p in alignment_pairs(c, g)]
    [('a2', 'b1', True)]
    >>> [(p.article_a, p.article_b, p.alike, p.named) for p in alignment_pairs(c, g, article_a="a1")]
    [('a1', 'b1', False, True)]
    """
    gmap = article_groups(corpus, grouping.by)
    members: dict[str, list[str]] = {}
    for a in corpus.articles:
        members.setdefault(gmap[a.id], []).append(a.id)
    if article_a or article_b:
        for i in (article_a, article_b):
            if i and i not in gmap:
                raise ValueError(f"article {i!r} is not in the corpus")
        if grouping.pairs:
            ga, gb = grouping.pairs[0]
        else:
            ga = gb = grouping.groups[0] if grouping.groups else ""
        if article_a and article_b:
            a_id, b_id = article_a, article_b
        elif article_a:   # the article of the other group most alike to it
            other = gb if gmap[article_a] != gb else ga
            a_id, b_id, *_ = _most_alike(corpus, [article_a], members.get(other, []) or [article_a])
        else:
            other = ga if gmap[article_b] != ga else gb
            b_id, a_id, *_ = _most_alike(corpus, [article_b], members.get(other, []) or [article_b])
        row = article_similarity(corpus, [a_id], [b_id]).iloc[0]
        return [ArticlePair(gmap[a_id], gmap[b_id], a_id, b_id, float(row["similarity"]), int(row["shared"]), True)]
    out = []
    for ga, gb in grouping.pairs:
        a_id, b_id, sim, shared = _most_alike(corpus, members[ga], members[gb])
        out.append(ArticlePair(ga, gb, a_id, b_id, sim, shared))
    return out


def keyness_note(key: pd.DataFrame, *, plain: bool = False) -> str:
    """The one-line finding of a keyness table, with the count said right; ``plain`` words it
    for readers who do not know what G² is (the event report).

    >>> import pandas as pd
    >>> keyness_note(pd.DataFrame({"p": [0.01, 0.2]}))
    '1 term reaches p < 0.05 (G², uncorrected).'
    >>> keyness_note(pd.DataFrame({"p": [0.01, 0.02]}), plain=True)
    '2 words differ by more than chance would easily give (p < 0.05); the others describe these articles rather than the outlets.'
    """
    n = int((key["p"] < 0.05).sum()) if len(key) else 0
    if plain:
        if not n:
            return ("No word differs by more than chance would easily give (p < 0.05): read these lists "
                    "as descriptions of these articles, not of the outlets.")
        return (f"{plural(n, 'word')} {'differs' if n == 1 else 'differ'} by more than chance would easily "
                "give (p < 0.05); the others describe these articles rather than the outlets.")
    if not n:
        return key.attrs.get("note") or "No term reaches p < 0.05."
    return f"{plural(n, 'term')} {'reaches' if n == 1 else 'reach'} p < 0.05 (G², uncorrected)."


def distinctive_words(key: pd.DataFrame, a: str, b: str, *, top_n: int = 8) -> pd.DataFrame:
    """Two columns for readers: the ``top_n`` words most typical of ``a`` (largest G²) and of
    ``b``, each word on one side only (a short keyness table would otherwise show a word on
    both sides).

    >>> import pandas as pd
    >>> key = pd.DataFrame({"term": ["oil", "war", "west"], "g2": [4.0, 1.0, -3.0]})
    >>> distinctive_words(key, "A", "B").values.tolist()
    [['oil', 'west'], ['war', '']]
    """
    import pandas as pd

    more_a = key[key["g2"] > 0].sort_values("g2", ascending=False, kind="stable")["term"].head(top_n).tolist()
    more_b = key[key["g2"] < 0].sort_values("g2", kind="stable")["term"].head(top_n).tolist()
    n = max(len(more_a), len(more_b))
    return pd.DataFrame({f"more typical of {a}": more_a + [""] * (n - len(more_a)),
                         f"more typical of {b}": more_b + [""] * (n - len(more_b))})


# ----------------------------------------------------------------------------- charts
def actor_matrix(summary: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """Outlet × actor mentions for the ``top`` actors of the whole corpus, zeros filled in:
    ``group, actor, mentions, per_1000`` (from :func:`newslib.framing.actor_summary` run with a
    large ``top_n``). A missing cell would read as "not counted"; a zero says "not mentioned".
    The top actors are those the most articles name (then the most mentions), so one long
    article listing regions cannot fill the chart.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"group": ["A", "B"], "actor": ["Iran", "Iran"], "mentions": [3, 1],
    ...                   "per_1000": [3.0, 1.0]})
    >>> s = pd.concat([s, pd.DataFrame({"group": ["A"], "actor": ["Oman"], "mentions": [1], "per_1000": [1.0]})])
    >>> actor_matrix(s).values.tolist()
    [['A', 'Iran', 3, 3.0], ['A', 'Oman', 1, 1.0], ['B', 'Iran', 1, 1.0], ['B', 'Oman', 0, 0.0]]
    """
    import pandas as pd

    agg = summary.groupby(["group", "actor"], as_index=False, observed=True)[["mentions", "per_1000"]].sum()
    by = ["articles", "mentions"] if "articles" in summary else ["mentions"]
    rank = summary.groupby("actor", observed=True)[by].sum()
    actors = rank.sort_values(by, ascending=False, kind="stable").head(top).index.tolist()
    groups = sorted(agg["group"].unique())
    grid = pd.MultiIndex.from_product([groups, actors], names=["group", "actor"])
    out = agg.set_index(["group", "actor"]).reindex(grid, fill_value=0).reset_index()
    out["mentions"] = out["mentions"].astype(int)
    order = {a: i for i, a in enumerate(actors)}
    return (out.sort_values(["group", "actor"], key=lambda s: s.map(order) if s.name == "actor" else s)
               .reset_index(drop=True))


def compare_chart(scores: pd.DataFrame, *, item: str, value: str, label: str, title: str = "",
                  diverging: bool = False, items: Sequence[str] | None = None, count: str | None = None) -> Figure:
    """The chart that compares ``value`` of every ``item`` across the groups of ``scores``
    (long form: ``group, <item>, <value>``).

    Two groups (or one): bars side by side, one colour per group, easiest to read. Three or
    more: an outlet × item heat map with the value in each cell — grouped bars of many colours
    no longer let the eye compare one outlet with the others. ``diverging`` centres the colours
    on 0 (tone): there a heat map is used for any number of groups, since bars of mean scores
    side by side invite adding them up. ``items`` fixes the order of the items. ``count`` names
    the column of how many observations each value rests on (sentences behind a mean tone): the
    heat map prints it and fades the cells resting on fewer than three.
    """
    if scores["group"].nunique() <= 2 and not diverging:
        return frame_profile(scores, value=value, item=item, xlabel=label, title=title, order=items)
    return heatmap(scores, row="group", col=item, value=value, label=label, title=title,
                   diverging=diverging, cols=items, count=count)


def read_note(corpus: Corpus) -> str:
    """One sentence on how the corpus was read: articles, then files skipped, files repaired
    and warnings (articles kept that are not in English, metadata matching no file), each
    counted apart: a warning is no skipped file.

    >>> from newslib.corpus import Corpus, Article
    >>> from newslib.records import Problem
    >>> c = Corpus([Article(id="a", title="T", text="T")], [Problem("README.md", "documentation", "skipped"),
    ...     Problem("it/p.html", "reads as Italian, not English: kept", "warning")])
    >>> read_note(c)
    '1 article read; 1 file skipped, 1 warning (1 article not in English); notebook 01 lists each with its reason'
    >>> read_note(Corpus([Article(id="a", title="T", text="T")]))
    '1 article read; no file skipped or repaired'
    """
    by: dict[str, int] = {}
    for p in corpus.problems:
        by[p.action] = by.get(p.action, 0) + 1
    parts = [f"{plural(by[a], 'file')} {a}" for a in ("skipped", "repaired") if by.get(a)]
    if by.get("warning"):
        foreign = sum(p.action == "warning" and NOT_ENGLISH in p.reason for p in corpus.problems)
        parts.append(plural(by["warning"], "warning") + (f" ({plural(foreign, 'article')} not in English)" if foreign else ""))
    if not parts:
        return f"{plural(len(corpus), 'article')} read; no file skipped or repaired"
    return f"{plural(len(corpus), 'article')} read; {', '.join(parts)}; notebook 01 lists each with its reason"


def say(text: str) -> Any:
    """A sentence for the reader, as escaped HTML (shown in JupyterLab and in HTML reports)."""
    from IPython.display import HTML

    return HTML(f"<p style='font-size:110%'><b>{escape(text)}</b></p>")


# ----------------------------------------------------------------------------- lab copy
_MANIFEST = ".newslib-copies.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lab_copy(src: str | os.PathLike = "notebooks", dst: str | os.PathLike = "work") -> list[str]:
    """Copy the notebooks of ``src`` into ``dst`` for JupyterLab; return what was done, one
    line per notebook.

    A copy is written when it is missing, or when the notebook in ``src`` changed and the copy
    is still exactly what was copied last time (remembered in ``dst/.newslib-copies.json``).
    A copy the user changed (edited, run, saved) is never overwritten, only reported. ``dst``
    gets a ``.gitignore`` of ``*``, so git ignores the working copies wherever they are.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "nb").mkdir(); _ = (root / "nb" / "01_a.ipynb").write_text("v1")
    >>> lab_copy(root / "nb", root / "work")
    ['copied 01_a.ipynb']
    >>> _ = (root / "nb" / "01_a.ipynb").write_text("v2")
    >>> lab_copy(root / "nb", root / "work"), (root / "work" / "01_a.ipynb").read_text()
    (['updated 01_a.ipynb'], 'v2')
    >>> _ = (root / "work" / "01_a.ipynb").write_text("my edits")
    >>> _ = (root / "nb" / "01_a.ipynb").write_text("v3")
    >>> lab_copy(root / "nb", root / "work")  # doctest: +ELLIPSIS
    ['kept your edited 01_a.ipynb (... has a newer version: rename or delete your copy to get it)']
    >>> (root / "work" / "01_a.ipynb").read_text()
    'my edits'
    >>> _ = (root / "work" / "01_a.ipynb").write_text("v3")   # back in step: nothing to say
    >>> lab_copy(root / "nb", root / "work")
    []
    """
    import shutil

    src, dst = Path(src), Path(dst)
    if not src.is_dir():
        raise FileNotFoundError(f"notebook folder not found: {src}")
    dst.mkdir(parents=True, exist_ok=True)
    ignore = dst / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# working copies of the notebooks (make lab): never committed\n*\n", encoding="utf-8")
    manifest_path = dst / _MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    done = []
    for nb in sorted(src.glob("*.ipynb")):
        copy = dst / nb.name
        new = _digest(nb)
        if not copy.exists():
            action = "copied"
        else:
            mine, last = _digest(copy), manifest.get(nb.name)
            if mine == new:
                manifest[nb.name] = new
                continue
            if last == new:          # the notebook did not change; the copy holds the user's work
                continue
            if last != mine:
                done.append(f"kept your edited {nb.name} ({src / nb.name} has a newer version: "
                            "rename or delete your copy to get it)")
                continue
            action = "updated"
        tmp = copy.with_name(f".{copy.name}.tmp")
        shutil.copyfile(nb, tmp)
        os.replace(tmp, copy)
        manifest[nb.name] = new
        done.append(f"{action} {nb.name}")
    tmp = manifest_path.with_name(manifest_path.name + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, manifest_path)
    return done


if __name__ == "__main__":  # python -m newslib.notebook SRC DST (make lab)
    import sys

    for line in lab_copy(*sys.argv[1:3]) or ["the working copies are up to date"]:
        print(line)
