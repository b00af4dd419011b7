"""Any corpus a researcher has: folders without metadata, tool exports, broken tables, links."""

from __future__ import annotations

import json
import os

import pytest
from conftest import BBC, needs_bbc

import newslib
from newslib.readers import outlet_from_url
from newslib.records import CorpusError

BODY = "The minister met the delegation on Monday.\n\n“It went well,” she said."

# Media Cloud's story export (title, url, publish_date, media_name, plus ids and language),
# with the story text in a text column, as its API gives it when text is asked for.
MEDIA_CLOUD = (
    "stories_id,publish_date,title,url,language,media_id,media_name,media_url,text\n"
    "2456,2023-12-07 14:31:02,Raisi meets Putin,https://www.reuters.com/world/raisi-putin,en,1,Reuters,"
    "http://reuters.com,\"Iran's president met Putin in Moscow on Thursday.\n\nThey discussed Gaza, officials said.\"\n"
    "2457,2023-12-07T09:00:00Z,Putin hosts Raisi,https://apnews.com/article/x,en,2,AP,http://apnews.com,"
    "\"The Russian president hosted his Iranian counterpart.\"\n"
    "2458,2023-12-08,No text here,https://apnews.com/article/y,en,2,AP,http://apnews.com,\n"
)


def test_media_cloud_export_is_read_without_configuration(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(MEDIA_CLOUD, encoding="utf-8")
    c = newslib.load_corpus(path)
    f = c.frame().set_index("id")
    assert list(f.index) == ["2456", "2457"]
    assert f.loc["2456", "outlet"] == "Reuters" and f.loc["2456", "date"] == "2023-12-07"
    assert f.loc["2457", "date"] == "2023-12-07" and f.loc["2457", "url"] == "https://apnews.com/article/x"
    assert f.loc["2456", "title"] == "Raisi meets Putin" and f.loc["2456", "outlet_from"] == "metadata"
    # the row without text is a recorded problem, not a silent gap
    assert [(p.path.endswith(":6"), p.action, "empty text" in p.reason) for p in c.problems] == [(True, "skipped", True)]


def test_headline_body_source_published_variants(tmp_path):
    rows = [{"headline": "Talks end", "body": BODY, "source": "The Ledger", "published": "7 December 2023"},
            {"headline": "Talks go on", "content": BODY, "link": "https://www.example.co.uk/a"}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    f = newslib.load_corpus(path).frame()
    assert f.title.tolist() == ["Talks end", "Talks go on"]
    assert f.outlet.tolist() == ["The Ledger", "example.co.uk"]       # no outlet column: the URL's domain
    assert f.outlet_from.tolist() == ["metadata", "url"]
    assert f.date.tolist()[0] == "2023-12-07"


def test_columns_maps_any_other_names(tmp_path):
    path = tmp_path / "library.csv"
    path.write_text("doc,paper,words,when\n1,Daily Bugle,\"Spider sighting\n\nA man climbed a wall.\",2024-01-02\n",
                    encoding="utf-8")
    with pytest.raises(CorpusError, match="no text column"):
        newslib.load_corpus(path)
    c = newslib.load_corpus(path, columns={"text": "words", "outlet": "paper", "date": "when", "id": "doc"})
    assert [(a.id, a.outlet, a.date, a.title) for a in c] == [("1", "Daily Bugle", "2024-01-02", "Spider sighting")]
    with pytest.raises(CorpusError, match="'headline', which is not a column"):
        newslib.load_corpus(path, columns={"text": "words", "title": "headline"})
    with pytest.raises(CorpusError, match="unknown field"):
        newslib.load_corpus(path, columns={"body_text": "words"})


def test_a_broken_quote_character_is_a_problem_not_a_swallowed_file(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('title,text\nA,"Body one is here."\nB,"Broken body starts here\nC,more text\n', encoding="utf-8")
    c = newslib.load_corpus(path)
    assert [a.title for a in c] == ["A"]      # lenient CSV would have made row B swallow row C
    (p,) = c.problems
    assert p.action == "skipped" and "CSV error" in p.reason and p.path.endswith(":3")


def test_a_huge_cell_is_a_problem_in_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('title,text\nT,"')
        for _ in range(100):
            fh.write("word " * 210_000)          # about 100 MB in one cell
        fh.write('"\n')
    c = newslib.load_corpus(path)
    assert len(c) == 0 and "field larger than field limit" in c.problems[0].reason


def test_ids_that_could_climb_out_are_replaced(tmp_path):
    rows = [{"id": "../../escaped", "text": BODY}, {"id": "/etc/passwd", "text": BODY}, {"id": "a\x00b", "text": BODY},
            {"id": "x" * 5000, "text": BODY}, {"id": "politics/001", "text": BODY}]
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    c = newslib.load_corpus(path)
    assert [a.id for a in c] == ["000", "001", "002", "003", "politics/001"]
    assert sum("cannot name a file" in p.reason for p in c.problems) == 4


def test_outlet_from_url_folder_or_none(tmp_path):
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "a.txt").write_text("Talks\n\n" + BODY, encoding="utf-8")
    (tmp_path / "flat" / "b.txt").write_text("More talks\n\n" + BODY, encoding="utf-8")
    (tmp_path / "flat" / "metadata.csv").write_text("id,url\nb,https://news.bbc.co.uk/1/hi/x.stm\n", encoding="utf-8")
    f = newslib.load_corpus(tmp_path / "flat").frame().set_index("id")
    assert (f.loc["a", "outlet"], f.loc["a", "outlet_from"]) == ("unknown", "none")
    assert (f.loc["b", "outlet"], f.loc["b", "outlet_from"]) == ("bbc.co.uk", "url")
    assert outlet_from_url("https://m.theguardian.com/world") == "theguardian.com"
    assert outlet_from_url("http://192.168.0.1/x") is None


def test_one_outlet_spelt_two_ways_is_one_outlet_with_a_warning(tmp_path):
    # a metadata.csv covering some files says "NYT"; the folder of the others says "nyt": every
    # chart split one outlet in two, and nothing said why
    for name in ("a", "b", "c"):
        (tmp_path / "nyt").mkdir(exist_ok=True)
        (tmp_path / "nyt" / f"{name}.txt").write_text(f"Talks {name}\n\n" + BODY, encoding="utf-8")
    (tmp_path / "bbc").mkdir()
    (tmp_path / "bbc" / "d.txt").write_text("Talks d\n\n" + BODY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("id,outlet\nnyt/a,NYT\nnyt/b,NYT \n", encoding="utf-8")
    c = newslib.load_corpus(tmp_path)
    assert sorted(c.frame()["outlet"]) == ["NYT", "NYT", "NYT", "bbc"]
    warned = [p for p in c.problems if p.action == "warning" and "letter case" in p.reason]
    assert len(warned) == 1 and "'NYT' (2 articles)" in warned[0].reason and "'nyt' (1)" in warned[0].reason


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_links_out_of_the_corpus_are_recorded_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nNot part of the corpus at all.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks\n\n" + BODY, encoding="utf-8")
    os.symlink(outside, corpus / "linked_folder")
    os.symlink(outside / "secret.txt", corpus / "linked.txt")
    c = newslib.load_corpus(corpus)
    assert [a.id for a in c] == ["a"]
    assert {p.path: p.reason for p in c.problems} == {
        "linked_folder": "symbolic link (not followed); skipped", "linked.txt": "symbolic link (not followed); skipped"}
    assert not any("Secret" in a.text for a in c)


def test_html_left_in_a_plain_text_file_is_repaired_and_recorded(tmp_path):
    # a crude scrape: character references and inline tags in a .txt; a reader sees "José",
    # a tokeniser must not count "b" or "#233"
    d = tmp_path / "wire"
    d.mkdir()
    (d / "a.txt").write_text("EU talks\n\n<b>Update:</b> EC President Jos&#233; Manuel Barroso told MEPs that "
                             "the plan would go ahead.<br>Ministers met in R&amp;D talks, he said.\n", encoding="utf-8")
    (d / "b.txt").write_text("Plain\n\nAT&T said the tag <div> is fine.\n", encoding="utf-8")
    c = newslib.load_corpus(tmp_path)
    a = c["wire/a"]
    assert "José Manuel Barroso" in a.text and "<b>" not in a.text and "R&D" in a.text
    assert "Ministers met" in a.text.split("\n")[-1]      # <br> is a line break
    assert [(p.path, p.action) for p in c.problems] == [("wire/a.txt", "repaired")]
    assert "2 HTML character references" in c.problems[0].reason and "3 HTML tags" in c.problems[0].reason
    assert c["wire/b"].text.endswith("AT&T said the tag <div> is fine.")     # nothing to repair
    words = set(c.tokens()["lower"].astype(str))
    assert "b" not in words and "josé" in words
    assert "José Manuel Barroso" in c.quotes()["speaker"].tolist()


# Articles in other languages, written for this test: a corpus of saved pages often holds some
# (the 88 pages of the web benchmark hold eight: Korean, Russian, German, Italian, Portuguese,
# Indonesian), and English rules read them wrongly without a word said.
ITALIAN = ("Il governo approva la riforma della scuola\n\nIl governo ha approvato ieri la riforma della scuola "
           "che era stata annunciata in primavera. Il ministro ha detto che le nuove regole sono necessarie per "
           "il futuro del paese e che gli insegnanti avranno più tempo per preparare le lezioni. I sindacati "
           "hanno criticato il testo, perché non ci sono fondi per le assunzioni, e hanno chiesto un incontro "
           "con il presidente del consiglio prima della fine del mese.")
GERMAN = ("Stadtrat beschließt neuen Radweg\n\nDer Stadtrat hat am Dienstag den Bau eines neuen Radwegs "
          "beschlossen, der die Innenstadt mit dem Bahnhof verbinden soll. Die Kosten sind höher als geplant, "
          "aber die Mehrheit der Mitglieder hält das Projekt für notwendig. Der Bürgermeister sagte, dass die "
          "Arbeiten im Frühjahr beginnen und bis zum Ende des Jahres abgeschlossen sein sollen, auch wenn "
          "einige Anwohner sich über den Lärm beschweren.")
KOREAN = "시의회 새 자전거 도로 승인\n\n" + "시의회는 화요일 도심과 기차역을 잇는 새 자전거 도로 건설을 승인했다. " * 6
# English, but a list: few English function words, none of another language's
RECIPE = ("Overnight oats for busy mornings\n\nIngredients\n\n1 cup rolled oats\n1 cup milk\n½ cup Greek yogurt\n"
          "1 tbsp. chia seeds\n1 tsp. honey\n½ cup blueberries\n2 tbsp. almond butter\nPinch cinnamon\n"
          "Pinch salt\n1 banana, sliced\n2 tbsp. walnuts, chopped\n1 tsp. vanilla extract\n\nMethod\n\n"
          "Combine oats, milk, yogurt, chia seeds, honey, vanilla. Stir well. Cover. Refrigerate overnight. "
          "Top with blueberries, banana, walnuts, almond butter. Serve cold.")


def test_articles_not_in_english_are_kept_and_named_with_their_language(tmp_path):
    for name, text in {"it.txt": ITALIAN, "de.txt": GERMAN, "ko.txt": KOREAN, "recipe.txt": RECIPE,
                       "en.txt": "Council backs cycle path\n\n" + BODY * 4}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    c = newslib.load_corpus(tmp_path)
    assert sorted(a.id for a in c) == ["de", "en", "it", "ko", "recipe"]        # none dropped
    assert sorted((p.path, p.action, p.reason.split(",")[0]) for p in c.problems) == [
        ("de.txt", "warning", "reads as German"), ("it.txt", "warning", "reads as Italian"),
        ("ko.txt", "warning", "reads as Korean")]
    assert all(p.reason.endswith("read with English rules") for p in c.problems)


def test_a_table_row_not_in_english_is_named_too(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,title,text\n1,Riforma,\"" + ITALIAN + "\"\n2,Talks,\"" + BODY + "\"\n", encoding="utf-8")
    c = newslib.load_corpus(path)
    assert len(c) == 2
    assert [(p.path.endswith("#1"), p.action, p.reason.startswith("reads as Italian")) for p in c.problems] == [
        (True, "warning", True)]


@needs_bbc
def test_no_bbc_article_is_taken_for_another_language():
    c = newslib.load_corpus(BBC)
    assert [p for p in c.problems if "not English" in p.reason] == []


def test_mojibake_and_decomposed_accents_are_repaired_and_recorded(tmp_path):
    # a PolNeAR text reads "French President FranÃ\x83Â§ois Hollande" (UTF-8 decoded twice, in
    # decomposed form): the speaker had become "Hollande" and "François" a word no one wrote
    (tmp_path / "a.txt").write_text("Summit\n\nFrench President Fran" + "A\u0303\x83A\u0302\xa7" + "ois Hollande met "
                                    "the caf\u00c3\u00a9 owners, who said it\u00e2\u20ac\u2122s fine.",
                                    encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,title,text\nx,Vote,\"Ren\u00c3\u00a9 said it was fine.\"\n", encoding="utf-8")
    c = newslib.load_corpus(tmp_path / "a.txt")
    assert "François Hollande" in c.articles[0].text and "café" in c.articles[0].text and "it’s" in c.articles[0].text
    assert any(p.action == "repaired" and "double-encoded" in p.reason for p in c.problems)
    t = newslib.load_corpus(tmp_path / "b.csv")
    assert "René said" in t.articles[0].text and any("double-encoded" in p.reason for p in t.problems)
