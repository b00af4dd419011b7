"""The notebooks on a corpus that is not the seeds: a ferry strike on a fictional island,
reported by three outlets written here (two compared, a third with a word of its own). What a new
user found on their own corpus (a coal-mine closure): narrative and default terms of the seeds'
event, an explorer starting on a word the compared outlets never use, a keyness table showing one
side only, a who-is-quoted table cutting speakers silently, and a message and chart in 4b that
misread what was checked. Each test reads what the executed notebooks wrote: outputs, CSV files.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

A, B, C = "harbour_herald", "isle_times", "zeta_wire"     # compared: A and B (the first pair)

ARTICLES = {
    (A, "2024-05-02_strike"): (
        "Ferry crews strike as Kestrel Isle harbour falls silent\n\n"
        "Ferry crews on Kestrel Isle walked out on Thursday, leaving the harbour silent and the "
        "island cut off from the mainland. The harbour master said no ferry would sail before Monday. "
        "\"We have been patient for two years and the harbour board has ignored every letter,\" "
        "said Moira Quinn, who leads the ferry crews' union. "
        "The harbour board said the strike was unlawful and that the ferry timetable would be restored. "
        "\"The ferry is the island's lifeline, and the harbour board is strangling it,\" Quinn said. "
        "Fishermen moored in the harbour said the ferry strike would cost them their catch."),
    (A, "2024-05-03_board"): (
        "Harbour board offers ferry crews talks\n\n"
        "The harbour board offered the ferry crews talks on Friday as the harbour stayed closed. "
        "Board chairman Victor Hale said the harbour board wanted the ferry back within days. "
        "\"Our door is open to the ferry crews,\" Hale said. "
        "Moira Quinn said the union would meet the harbour board but would not end the ferry strike "
        "\"for a handshake and a promise\"."),
    (B, "2024-05-02_island"): (
        "Islanders run short of bread and medicine as ferry strike bites\n\n"
        "Shops on Kestrel Isle ran short of bread and medicine on Thursday as the ferry strike left "
        "shelves empty. \"Pensioners cannot wait for their medicine,\" said pharmacist Tomas Reyes. "
        "Baker Lena Ortiz said she had flour for two more days of bread. "
        "\"Every family on this island is paying for a quarrel they did not start,\" said teacher Ada Finch. "
        "Councillor Rory Dunn said the council would ask the mainland for an emergency boat with medicine. "
        "Moira Quinn said the crews were sorry for the islanders but had no other choice."),
    (B, "2024-05-04_school"): (
        "School closes on Kestrel Isle as teachers stranded by ferry strike\n\n"
        "The island school closed on Saturday because teachers who live on the mainland were "
        "stranded by the ferry strike. \"Children are losing lessons they will never get back,\" "
        "said head teacher Ada Finch. Parents said the pensioners and the children were paying "
        "the price. \"Bread, medicine, lessons: the island runs on that ferry,\" said Councillor Rory Dunn. "
        "Victor Hale said the harbour board was ready to talk."),
    (C, "2024-05-03_tonnage"): (
        "Tonnage figures for Kestrel Isle shipping\n\n"
        "Tonnage data show tonnage fell. Tonnage in April, tonnage in March and tonnage in February "
        "all fell; tonnage forecasts put tonnage lower again. Analysts said tonnage would recover "
        "once tonnage contracts are renewed, and tonnage insurers watch tonnage closely. "
        + "Tonnage, tonnage and tonnage again. " * 6),     # the corpus's most frequent word
}


def _corpus(root: Path) -> Path:
    for (outlet, name), text in ARTICLES.items():
        (root / outlet).mkdir(parents=True, exist_ok=True)
        (root / outlet / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return root


NOTEBOOKS = {"00_start_here": {}, "01_corpus_tour": {}, "02_term_frequency": {"top_n": 5},
             "05_event_report": {"top_n": 3}, "06_explore": {"interactive": False}}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Each notebook once on the ferry corpus, with its default terms: {name: (cells, files)}."""
    from newslib.report import run_notebook

    tmp = tmp_path_factory.mktemp("any_corpus")
    corpus = _corpus(tmp / "ferry")
    out = {}
    for nb, params in NOTEBOOKS.items():
        files = tmp / "out" / f"{nb}_files"
        res = run_notebook(ROOT / "notebooks" / f"{nb}.ipynb", tmp / "out",
                           {"corpus": str(corpus), "output_dir": str(files), **params})
        assert res.status == "ok", f"{nb}: {res.error}"
        cells = json.loads((tmp / "out" / f"{nb}.ipynb").read_text(encoding="utf-8"))["cells"]
        out[nb] = (cells, files)
    return out


def _texts(cells) -> list[str]:
    """Every output a reader sees, one string per output (streams, HTML or plain text)."""
    texts = []
    for cell in cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            texts.append("".join(o.get("text", "")) or "".join(data.get("text/html", ""))
                         or "".join(data.get("text/plain", "")))
    return texts


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", html, flags=re.S)))


def _table(cells, header: str) -> pd.DataFrame:
    """The HTML table of the output whose text holds ``header``."""
    html = next(t for t in _texts(cells) if header in t and "<table" in t)
    return pd.read_html(io.StringIO(html))[0]


# ----------------------------------------------------------------------------- fault 1
@pytest.mark.parametrize("nb", ["00_start_here", "05_event_report"])
def test_the_seed_event_is_labelled_and_this_corpus_is_described_from_its_articles(runs, nb):
    cells, _ = runs[nb]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            for para in "".join(cell["source"]).split("\n\n"):
                if re.search(r"Raisi|Putin|Iran International", para):
                    assert para.startswith("*With the default corpus (`seeds/`)*"), para
    shown = " ".join(_plain(t) for t in _texts(cells))
    assert not re.search(r"Raisi|Putin|Iran", shown)
    assert f"This corpus holds 5 articles from 3 outlets: {A} (2), {B} (2) and {C} (1)." in shown
    if nb == "05_event_report":     # (00 leaves who is named most to 04 and 05: it reads every actor)
        assert "Named in the most articles: Kestrel Isle (4), Moira Quinn (3)" in shown


def test_02_default_terms_fall_back_to_words_both_compared_outlets_use(runs):
    cells, files = runs["02_term_frequency"]
    shown = "\n".join(_texts(cells))
    assert f"“genocide” does not occur in this corpus; shown instead: ferry, the word {A} and {B} both use most." in shown
    kw = pd.read_csv(files / "kwic.csv")
    assert set(kw["match"].str.lower()) == {"ferry"} and {A, B} <= set(kw["group"])
    drawn = pd.read_csv(files / "dispersion.csv")                  # the dispersion plot's data
    assert len(drawn) and not set(drawn["term"]) & {"Raisi", "Putin", "Israel", "Iran", "Russia"}
    # no term given (the default): the words the compared outlets both use, said so, on any corpus
    assert "No term was given; shown instead:" in shown


# ----------------------------------------------------------------------------- fault 2
def test_the_explorer_starts_on_a_term_both_compared_outlets_use(runs):
    cells, files = runs["06_explore"]
    row = pd.read_csv(files / "term_keyness.csv")
    assert len(row) == 1, "the first view is empty"
    assert row.loc[0, "term"] != "tonnage"                         # the third outlet's word
    assert row.loc[0, "count_a"] > 0 and row.loc[0, "count_b"] > 0
    shown = "\n".join(_texts(cells))
    assert f"“genocide” does not occur in {A} or {B}; starting with “{row.loc[0, 'term']}”" in shown
    assert "does not occur in the articles of" not in shown        # the dispersion has marks


# ----------------------------------------------------------------------------- fault 3
def test_the_keyness_table_shows_the_strongest_terms_of_both_outlets(runs):
    cells, files = runs["02_term_frequency"]
    shown = _table(cells, "key_for")
    assert set(shown["key_for"]) == {A, B} and (shown["g2"] >= 0).all()
    assert {"harbour", "board"} <= set(shown["term"])              # A's strongest
    assert {"medicine", "bread"} <= set(shown["term"])             # B's strongest, hidden before
    saved = pd.read_csv(files / "keyness.csv")                     # the CSV is the same table, every term
    assert {"term", "key_for", "g2", "log_ratio", "z", "only_in"} <= set(saved.columns)
    assert (saved["g2"] >= 0).all() and {A, B} <= set(saved["key_for"])
    for side in (A, B):
        top = saved[saved["key_for"] == side].head(5)
        assert top["term"].tolist() == shown[shown["key_for"] == side]["term"].tolist()
        assert top["g2"].is_monotonic_decreasing
    assert ((saved["log_ratio"] > 0) == (saved["key_for"] == A))[saved["key_for"] != "neither"].all()
    assert "G² is shown unsigned" in "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


# ----------------------------------------------------------------------------- fault 4
def test_who_is_quoted_says_how_many_speakers_were_cut_and_shares_add_to_100(runs):
    cells, files = runs["05_event_report"]
    who = _table(cells, "share of the outlet")
    share = who.columns[-1]
    pct = who[share].str.rstrip("%").astype(int)
    assert (pct.groupby(who["outlet"]).sum() == 100).all()
    speakers = pd.read_csv(files / "speakers.csv")
    n = speakers.groupby("group").size()
    cut = n[n > 3]
    assert len(cut), "the corpus should quote more than 3 speakers in one outlet"
    for outlet, k in cut.items():
        rows = who[who["outlet"] == outlet]
        assert len(rows) == 4 and rows["speaker"].iloc[-1] == f"{k - 3} other speaker{'s' if k - 3 > 1 else ''}"
    note = next(_plain(t) for t in _texts(cells) if "other speakers" in t and "<table" not in t)
    assert "Only the 3 speakers each outlet quotes most are listed by name" in note


def test_4b_says_what_was_checked(runs):
    cells, _ = runs["05_event_report"]
    shown = " ".join(_plain(t) for t in _texts(cells))
    assert "No quote of one speaker appears in two groups" not in shown
    assert "No quotation was matched across outlets" in shown
    assert re.search(r"quoted by several outlets — .*Moira Quinn \(2 outlets\)", shown)


def test_4b_chart_legend_does_not_cover_the_bars(runs):
    from newslib import charts

    _, files = runs["05_event_report"]
    counts = pd.read_csv(files / "quote_changes.csv")
    assert counts["group"].nunique() >= 2
    fig = charts.change_kinds(counts)
    fig.canvas.draw()
    ax = fig.axes[0]
    legend = ax.get_legend()
    assert legend is not None
    assert not legend.get_window_extent().overlaps(ax.get_window_extent())


def test_02_with_no_term_left_for_keyness_says_so_and_goes_on(tmp_path):
    # min_count above every term's count left an empty keyness table, and its charts raised a
    # TypeError (then a log-scale ValueError) that failed the notebook
    from newslib.report import run_notebook

    corpus = _corpus(tmp_path / "ferry")
    files = tmp_path / "out" / "02_term_frequency_files"
    res = run_notebook(ROOT / "notebooks" / "02_term_frequency.ipynb", tmp_path / "out",
                       {"corpus": str(corpus), "output_dir": str(files), "min_count": 1000})
    assert res.status == "ok", res.error
    cells = json.loads((tmp_path / "out" / "02_term_frequency.ipynb").read_text(encoding="utf-8"))["cells"]
    said = " ".join(_texts(cells))
    assert f"No term occurs 1000 times or more in {A} and {B} together" in said
    assert (files / "kwic.csv").is_file() and not (files / "scatter.png").exists()


def test_01_side_by_side_shows_every_outlet(runs):
    # the first four articles were all one outlet's when it had four; a third outlet never showed
    cells, _ = runs["01_corpus_tour"]
    assert "Shown: the first article of 3 outlets, 3 of 5 articles." in " ".join(_texts(cells))
    view = next(t for t in _texts(cells) if "<table" not in t and ARTICLES[(C, "2024-05-03_tonnage")][:30] in t)
    for (outlet, name), text in ARTICLES.items():
        first = name == min(n for o, n in ARTICLES if o == outlet)
        assert (text.split("\n")[0] in view) == first, (outlet, name)


def test_fallback_terms_are_the_compared_groups_own_and_no_reporting_phrase():
    # a third group's word was offered as the compared pair's, and "hale said" as a phrase
    from newslib import terms as T
    from newslib.corpus import Article, Corpus
    from newslib.explorer import Explorer

    c = Corpus([Article(id="a", title="Talks", text="Talks\n\nVictor Hale said talks began. Hale said talks would go on.",
                        outlet="X"),
                Article(id="b", title="Talks", text="Talks\n\nVictor Hale said talks had begun.", outlet="Y"),
                Article(id="z", title="Tonnage", text="Tonnage\n\nTonnage fell. Tonnage, tonnage.", outlet="Z")])
    top = T.shared_terms(T.term_counts(c, n=2), "X", "Y", n=5)
    assert top and not any("said" in t for t in top) and not any("tonnage" in t for t in top)
    shown, why = T.terms_or_shared(c, ["genocide"], T.term_counts(c, n=2), "X", "Y", n=1)
    assert shown == ["victor hale"] and "the phrase X and Y both use most" in why
    # compared groups without a word of their own: the corpus's word, said in whole sentences
    empty = Corpus([Article(id="a", title="1", text="1\n\n2024. 2025.", outlet="X"),
                    Article(id="b", title="2", text="2\n\n2026.", outlet="Y"),
                    Article(id="z", title="Tonnage", text="Tonnage\n\nTonnage fell.", outlet="Z")])
    ex = Explorer(empty)
    said = ex.choose_term("genocide")
    assert ex.term == "tonnage" and said.startswith("“genocide” does not occur in X or Y. ")


def test_01_and_newslib_info_count_words_one_way(runs, tmp_path, capsys):
    # an article had 709 words in 01's table and 722 in its solution; `newslib info` said 15,620
    # words for a corpus and 01 15,878: spaces split in one place, word tokens in the other
    import newslib
    from newslib.cli import main

    cells, files = runs["01_corpus_tour"]
    table = pd.read_csv(files / "articles.csv").set_index("id")["words"]
    corpus = newslib.load_corpus(_corpus(tmp_path / "ferry"))
    toks = corpus.tokens()
    tokens = toks[toks["is_word"]].groupby("article_id", observed=True).size()
    assert table.to_dict() == {k: int(v) for k, v in tokens.items()}
    assert any(len(a.text.split()) != table[a.id] for a in corpus)      # the two ways differ here
    total = int(table.sum())
    shown = " ".join(_texts(cells))
    assert f"5 articles, {total:,} words, 0 problems" in shown
    assert f"of which {total:,} words (the words of section 1)" in shown
    longest = table.idxmax()
    assert f"Longest: {longest} ({table[longest]:,} words)" in shown      # the solution, same count
    assert main(["info", str(tmp_path / "ferry")]) == 0
    assert capsys.readouterr().out.startswith(f"5 articles, {total:,} words\n")
    assert "word tokens" in "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


# ----------------------------------------------------------------------------- many outlets
# Eight outlets of two articles each on Kestrel Isle: every outlet but one reports the ferry strike
# on its second day (its first article is another story), and "charlie_times" never does. The
# first outlet writes as The New York Times does ("Mr. Hale", "Ms. Quinn").
OUTLETS = ["alpha_post", "bravo_news", "charlie_times", "delta_daily", "echo_wire", "foxtrot_herald",
           "golf_gazette", "hotel_mail"]
OTHER_STORIES = [
    "Kestrel Isle library reopens with a reading room\n\nThe library of Kestrel Isle reopened its doors "
    "with a new reading room, shelves of novels and a corner for poetry. Librarian Ruth Amos lent forty books.",
    "Island football club lifts the county cup\n\nThe Kestrel Isle football club beat Westbay two goals to "
    "nil to lift the county cup. Striker Ben Oduya scored both goals before a crowd of supporters.",
    "Lighthouse on Kestrel Isle painted for its centenary\n\nVolunteers painted the old lighthouse red and "
    "white for its centenary. The lantern, restored by a glazier, will shine again in June.",
    "Kestrel Isle pupils stage a pirate play\n\nPupils staged a pirate play with cardboard galleons, "
    "parrots and a treasure chest. Parents cheered the captain, a nine-year-old called Nell.",
    "Baker wins a prize for Kestrel Isle sourdough\n\nA baker won the regional prize for her sourdough "
    "loaf, proved for two days in a cellar. Judges praised the crust and the rye.",
    "Seal pups counted on Kestrel Isle rocks\n\nWardens counted ninety seal pups on the rocks, the most "
    "since records began. Walkers are asked to keep dogs on a lead near the colony.",
    "Kestrel Isle choir sings in the cathedral\n\nThe choir sang anthems and a motet in the cathedral, "
    "conducted by organist Hugh Pell. Tenors and sopranos rehearsed for months.",
    "Bridge repairs close the Kestrel Isle causeway road\n\nEngineers began repairs to the causeway "
    "bridge, closing the road for a fortnight. Cyclists will be diverted along the dunes.",
    "Kestrel Isle museum shows Viking silver\n\nThe museum put a hoard of Viking silver on show: arm "
    "rings, coins and a brooch found by a farmer ploughing a field.",
]
STRIKE = [
    "Ferry crews on Kestrel Isle went on strike on Thursday and the harbour fell silent.",
    "No ferry will sail before Monday, the harbour master said.",
    "Moira Quinn, who leads the ferry crews' union, said the harbour board had ignored every letter.",
    "The harbour board called the ferry strike unlawful.",
    "Shops ran short of bread and medicine as the ferry strike went on.",
    "Victor Hale, the board chairman, offered the ferry crews talks.",
]


def _many_outlets(root: Path) -> Path:
    for k, outlet in enumerate(OUTLETS):
        folder = root / outlet
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "2024-05-01_other.txt").write_text(OTHER_STORIES[k] + "\n", encoding="utf-8")
        if outlet == "charlie_times":
            second = OTHER_STORIES[8]
        else:
            body = " ".join(STRIKE[(k + i) % len(STRIKE)] for i in range(5))
            if outlet == "alpha_post":
                body = body.replace("Victor Hale", "Mr. Hale").replace("Moira Quinn", "Ms. Quinn")
                body += (" Mr. Hale said the ferry would sail. Mr. Hale met Ms. Quinn. Mr. Hale left, and Mr. Dunn"
                         " and Mr. Reyes stayed with Ms. Quinn.")
            second = f"Ferry strike on Kestrel Isle, day {k + 1}\n\n{body}"
        (folder / "2024-05-02_strike.txt").write_text(second + "\n", encoding="utf-8")
    return root


def _run(tmp: Path, nb: str, corpus: Path, **params) -> tuple[list, Path]:
    from newslib.report import run_notebook

    files = tmp / "out" / f"{nb}_files"
    res = run_notebook(ROOT / "notebooks" / f"{nb}.ipynb", tmp / "out",
                       {"corpus": str(corpus), "output_dir": str(files), **params})
    assert res.status == "ok", f"{nb}: {res.error}"
    return json.loads((tmp / "out" / f"{nb}.ipynb").read_text(encoding="utf-8"))["cells"], files


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """Notebooks 02, 04 and 05 on the eight outlets: {name: (cells, files)}."""
    tmp = tmp_path_factory.mktemp("many_outlets")
    corpus = _many_outlets(tmp / "kestrel")
    return {"02": _run(tmp / "02", "02_term_frequency", corpus, top_n=5, terms=["Kestrel Isle"]),
            "02_id": _run(tmp / "02_id", "02_term_frequency", corpus, top_n=5, group_by="id",
                          terms=["Kestrel Isle"]),
            "04": _run(tmp / "04", "04_framing_comparison", corpus, top_n=5),
            "05": _run(tmp / "05", "05_event_report", corpus, top_n=3),
            "05_cmp": _run(tmp / "05_cmp", "05_event_report", corpus, top_n=3,
                           compare=["alpha_post", "bravo_news", "charlie_times"]),
            "05_named": _run(tmp / "05_named", "05_event_report", corpus, top_n=3,
                             article_a="bravo_news/2024-05-01_other", article_b="delta_daily/2024-05-01_other"),
            "corpus": corpus}


def test_02_charts_every_outlet_and_names_any_left_out(many):
    # "Top terms by outlet (6 of 7 groups)": the seventh outlet was missing, and the dispersion
    # plot dropped it without a word
    from PIL import Image

    cells, files = many["02"]
    shown = " ".join(_texts(cells))
    assert set(pd.read_csv(files / "top_terms.csv")["group"]) == set(OUTLETS)
    w, h = Image.open(files / "top_terms.png").size
    assert h / w > 0.55, "fewer than three rows of panels: not every outlet is drawn"
    hits = pd.read_csv(files / "dispersion.csv")
    assert {a.split("/")[0] for a in hits["article_id"]} == set(OUTLETS)
    assert "left out" not in shown
    # grouped by article: 16 groups, all in the top terms; the dispersion draws 12 and names the others
    cells, files = many["02_id"]
    shown = " ".join(_texts(cells))
    assert pd.read_csv(files / "top_terms.csv")["group"].nunique() == 16
    w, h = Image.open(files / "top_terms.png").size
    assert h / w > 1.2, "fewer than six rows of panels: not every article is drawn"
    assert "The chart shows 12 of 16 articles; left out: " in shown
    assert pd.read_csv(files / "dispersion.csv")["article_id"].nunique() == 12


def test_02_kwic_shows_25_lines_once_and_keeps_all_in_the_csv(many):
    # the fallback term gave 307 lines, printed in full in section 4 and again in a solution
    cells, files = many["02"]
    kw = pd.read_csv(files / "kwic.csv")
    assert set(kw["match"].str.lower()) == {"ferry"} and len(kw) > 25
    tables = [t for t in _texts(cells) if "<table" in t and ">left<" in t and ">right<" in t]
    assert len(tables) == 1, "the KWIC lines are shown more than once"
    lines = pd.read_html(io.StringIO(tables[0]))[0]
    assert len(lines) == 25 and lines["group"].nunique() >= 7           # every outlet's first lines
    shown = " ".join(_texts(cells))
    assert f"“ferry”: {len(kw)} lines; shown: 25, the first of each outlet in turn; all {len(kw)} are in kwic.csv." in shown


def test_02_top_terms_and_fallbacks_show_no_title(many):
    # The New York Times' "Mr." was its second top term and the fallback KWIC term
    cells, files = many["02"]
    top = pd.read_csv(files / "top_terms.csv")
    assert not {"mr.", "ms.", "mr", "ms"} & set(top["term"])
    assert "mr." not in set(pd.read_csv(files / "kwic.csv")["match"].str.lower())


def test_05_by_default_compares_the_outlets_whose_articles_are_most_alike(many):
    # the first pairs in the alphabet: on a user's 21 articles of 7 outlets every default pair
    # told different stories, and no sentence was compared
    cells, files = many["05"]
    pairs = pd.read_csv(files / "article_pairs.csv")
    assert len(pairs) == 3 and "charlie_times" not in set(pairs["group_a"]) | set(pairs["group_b"])
    assert (pairs["similarity"] >= 0.15).all() and pairs["article_a"].str.endswith("_strike").all()
    shown = " ".join(_plain(t) for t in _texts(cells))
    assert "(the 3 pairs of 28 whose articles are most alike in wording)" in shown
    assert "seem to report different stories" not in shown
    # how many pairs of outlets seem to report one story (the strike: every pair but those with charlie_times)
    assert "21 of the 28 pairs of outlets have two articles alike enough to be reports of one story" in shown
    for k in (1, 2, 3):
        assert (files / f"pair{k}_unique_sentences.csv").is_file()


def test_05_compares_the_two_articles_most_alike_and_says_when_none_are(many):
    # "Each pair compares the first article of each outlet": a speech against a piece on another
    # story, and ~100 sentences a pair listed as reported by one outlet only
    cells, files = many["05_cmp"]
    pairs = pd.read_csv(files / "article_pairs.csv")
    assert list(zip(pairs["group_a"], pairs["group_b"], strict=True)) == [
        ("alpha_post", "bravo_news"), ("alpha_post", "charlie_times"), ("bravo_news", "charlie_times")]
    strike = pairs[pairs["group_b"] != "charlie_times"]
    assert (strike["article_a"] == "alpha_post/2024-05-02_strike").all()
    assert set(strike["article_b"]) == {"bravo_news/2024-05-02_strike"}
    assert (strike["similarity"] >= 0.15).all() and not pairs["named"].any()
    none = pairs[pairs["group_b"] == "charlie_times"].iloc[0]
    assert none["similarity"] < 0.15
    shown = " ".join(_plain(t) for t in _texts(cells))
    assert ("alpha_post and bravo_news: the two articles most alike in wording, alpha_post/2024-05-02_strike "
            "and bravo_news/2024-05-02_strike (similarity ") in shown
    assert ("alpha_post and charlie_times: no article of alpha_post shares enough wording with one of "
            "charlie_times to compare their sentences") in shown
    assert not (files / "pair2_unique_sentences.csv").exists()          # nothing listed for other stories
    unique = pd.read_csv(files / "pair1_unique_sentences.csv")
    assert not unique["text"].str.contains("library|football|lighthouse").any()


def test_05_honours_article_a_and_article_b_as_04_does(many):
    # `newslib report -p article_a=...` was accepted (valid for 04) and 05 dropped it silently
    from newslib.report import notebook_parameters

    for nb in ("04_framing_comparison", "05_event_report"):
        assert {"article_a", "article_b"} <= set(notebook_parameters(ROOT / "notebooks" / f"{nb}.ipynb"))
    cells, files = many["05_named"]
    pairs = pd.read_csv(files / "article_pairs.csv")
    assert pairs[["article_a", "article_b"]].values.tolist() == [["bravo_news/2024-05-01_other",
                                                                  "delta_daily/2024-05-01_other"]]
    assert pairs["named"].all()
    shown = " ".join(_plain(t) for t in _texts(cells))
    assert "bravo_news and delta_daily: the articles named, bravo_news/2024-05-01_other and delta_daily/2024-05-01_other" in shown
    assert "they may report different stories" in shown
    assert (files / "pair1_unique_sentences.csv").is_file()             # named: compared all the same


def test_04_aligns_the_two_articles_most_alike(many):
    cells, files = many["04"]
    status = pd.read_csv(files / "alignment_status.csv")
    by_pair = status.groupby("pair")["article_id"].apply(set).to_dict()
    assert len(by_pair) == 3        # the pairs of outlets whose articles are most alike: the strike's
    for pair, ids in by_pair.items():
        a, b = pair.split(" | ")
        assert ids == {f"{a}/2024-05-02_strike", f"{b}/2024-05-02_strike"}
    shown = " ".join(_texts(cells))
    assert "no article of" not in shown and "whose articles are most alike; set compare to choose others" in shown


def _markdown(cells) -> str:
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_wording_written_for_the_two_seed_articles_fits_any_corpus(runs, many):
    # 00 asked for words "in the top ten of one outlet but not the other", 01 "Which article is
    # longer", 05 kept the Raisi–Putin paragraph, named six outlets "and 1 more" and told readers
    # who set no parameter to "set compare to choose others"
    cells, _ = runs["00_start_here"]
    md = _markdown(cells)
    assert "but not the other" not in md and "of no other outlet" in md
    assert "longer, and by how many" not in _markdown(runs["01_corpus_tour"][0])
    only_here = next(t for t in _texts(cells) if t.startswith("{") and A in t)
    assert all(g in only_here for g in (A, B, C))                   # every outlet's words of its own
    cells, _ = many["05"]
    md = _markdown(cells)
    assert not re.search(r"Raisi|Putin|Iran|Election Post", md)
    shown = " ".join(_plain(t) for t in _texts(cells))
    assert "set compare" not in shown and "1 more" not in shown
    assert re.search(rf"Comparing 8 outlets \({', '.join(OUTLETS[:-1])} and {OUTLETS[-1]}\); pair by pair: "
                     r"\w+ with \w+, \w+ with \w+ and \w+ with \w+ \(the 3 pairs of 28 whose articles are most "
                     r"alike in wording\)\.", shown)
    assert "the other's" not in md


@pytest.mark.parametrize("nb", sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9]*.ipynb")))
def test_every_notebook_opens_with_its_purpose_and_closes_with_limitations_and_exercises(nb):
    # 00 had no limitations section; the other six open with purpose, audience, time and data and
    # close with limitations and exercises
    cells = json.loads((ROOT / "notebooks" / f"{nb}.ipynb").read_text(encoding="utf-8"))["cells"]
    first = "".join(cells[0]["source"])
    assert re.search(r"\*\*Time", first) and re.search(r"\*\*Data|the articles of this report", first), nb
    assert re.search(r"\*\*Audience|for readers who do not code", first), nb
    md = _markdown(cells)
    tasks = [md.find(h) for h in ("## Your turn", "## Questions to discuss") if h in md]
    assert tasks, nb
    limits = re.search(r"^## [^\n]*limitations|Known limits", md, flags=re.M | re.I)
    assert limits and limits.start() < tasks[0], nb                                   # limits, then exercises
    assert not re.search(r"^## \d", md[limits.start():], flags=re.M), nb              # no section after them
