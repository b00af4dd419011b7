from __future__ import annotations

import json

import pytest
from conftest import BBC, DEMO, POLNEAR, SEEDS, needs_bbc, needs_polnear

import newslib
from newslib.cleaning import clean_text
from newslib.corpus import CorpusError, decode_bytes
from newslib.tokens import split_sentences


def test_demo_corpus_cleaning_removes_furniture_and_keeps_body():
    c = newslib.load_corpus(DEMO)
    assert len(c) == 2
    nl = c["northern_ledger/2025-03-04_port_deal"]
    reasons = {r.reason for r in nl.removed}
    assert "navigation breadcrumb" in reasons
    assert "repeated caption line" in reasons
    assert {"newsletter prompt", "comments widget", "share widget"} <= reasons
    assert nl.captions and "Photo:" in nl.captions[0]
    assert "Subscribe" not in nl.text and "COMMENTS" not in nl.text
    assert nl.title.startswith("Valdoria and Kestrel sign port deal")
    assert nl.outlet == "northern_ledger"            # parent folder when no metadata
    assert nl.date == "2025-03-04"                   # from the caption's date
    ht = c["harbour_times/port-deal-signed"]
    assert ht.date is None
    assert [r.line for r in ht.removed] == ["News > Valdoria > Politics", "Related stories",
                                            "Dock strike enters second week"]
    # README.md is accounted for, not silently dropped
    assert [p.path for p in c.problems] == ["README.md"]


def test_clean_text_generic_breadcrumb_and_caption_rules():
    raw = ("HomeInternational NewsIsrael-Hamas War\n\nLeaders meet in Moscow\n\n"
           "A leader attends a meeting in Moscow, Russia December 7, 2023. Sputnik/Pool via REUTERS\n\n"
           "The two leaders met on Thursday.\n\nSubscribe to our newsletter\n\nCOMMENTS")
    r = clean_text(raw)
    assert r.title == "Leaders meet in Moscow"
    assert r.text == "Leaders meet in Moscow\n\nThe two leaders met on Thursday."
    assert len(r.captions) == 1
    assert [x.reason for x in r.removed] == ["navigation breadcrumb", "photo caption (kept in captions)",
                                             "newsletter prompt", "comments widget"]


def test_datelines_and_image_credits_of_a_copied_page(tmp_path):
    # what a reader copying a news page by hand brings along: "Published …", "Image source, …",
    # "Image caption, …", "Media caption, …", "Related Topics" — never body words
    raw = ("Minister resigns over leaked memo\n\nPublished 5 December 2023, 14:05 GMT\n\n"
           "Image source, Getty Images\nImage caption, The minister left Downing Street on Monday\n"
           "The minister resigned on Monday after a leaked memo showed she knew of the problem.\n\n"
           "Published in 1999, the report was ignored for years by every government since.\n\n"
           "Media caption, Watch: the minister leaves Downing Street\nRelated Topics\nUK politics\n")
    r = clean_text(raw)
    assert r.text == ("Minister resigns over leaked memo\n\nThe minister resigned on Monday after a leaked memo "
                      "showed she knew of the problem.\n\nPublished in 1999, the report was ignored for years by "
                      "every government since.")
    assert {x.reason for x in r.removed} >= {"publication time", "related-links block"}
    assert len(r.captions) == 3
    # the dateline, though removed from the body, still dates the article
    (tmp_path / "memo.txt").write_text(raw, encoding="utf-8")
    assert newslib.load_corpus(tmp_path)["memo"].date == "2023-12-05"


def test_metadata_csv_and_problems(tmp_path):
    (tmp_path / "a.txt").write_text("Head A\n\nBody of article a is here.", encoding="utf-8")
    (tmp_path / "007.txt").write_text("Head B\n\nBody of article b is here.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "id,outlet,date,url\n007,Daily Bugle,2024-01-02,http://x\na,Planet,not a date,\nzzz,Nobody,,\n",
        encoding="utf-8")
    c = newslib.load_corpus(tmp_path)
    assert c["007"].outlet == "Daily Bugle" and c["007"].date == "2024-01-02"   # id stays "007"
    assert c["a"].outlet == "Planet" and c["a"].date is None
    reasons = [p.reason for p in c.problems]
    assert any("bad date" in r for r in reasons)
    assert any("matches no article" in r for r in reasons)


def test_unreadable_metadata_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Head\n\nBody text here.", encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="cannot parse metadata"):
        newslib.load_corpus(tmp_path)


def test_csv_and_jsonl_tables(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text('id,title,outlet,text\nx1,T1,O1,"Body one is here."\nx2,T2,O2,"Body two is here."\n', encoding="utf-8")
    c = newslib.load_corpus(p)
    assert [a.id for a in c] == ["x1", "x2"] and c["x1"].title == "T1" and c["x1"].text.startswith("T1\n\n")
    j = tmp_path / "c.jsonl"
    j.write_text(json.dumps({"body": "Head\n\nSome body text."}) + "\nnot json\n", encoding="utf-8")
    c = newslib.load_corpus(j)
    assert len(c) == 1 and any("not valid JSON" in p.reason for p in c.problems)


def test_decoding_latin1_cp1252_utf16_bom():
    assert decode_bytes("£5".encode("latin-1"))[0] == "£5"
    assert decode_bytes(b"\x93hi\x94 \x96 ok")[0] == "“hi” – ok"
    assert decode_bytes("\ufeffa\r\nb".encode("utf-8"))[0] == "a\nb"
    assert decode_bytes("héllo".encode("utf-16"))[0] == "héllo"
    assert decode_bytes(bytes(range(256)) * 10)[0] is None


def test_seeds_metadata_rows():
    rows = (SEEDS / "metadata.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id,outlet,date,url,title"
    assert rows[1].startswith("000_b2f73600e7ed8564,Iran International,2023-12-07,https://iranintl.com/en/202312075342")
    assert rows[2].startswith("001_5d07a8dc69e627f0,The Election Post,2023-12-07,")


@needs_bbc
def test_bbc_loads_everything_and_accounts_for_every_file():
    c = newslib.load_corpus(BBC)
    assert len(c) == 2225
    probs = {p.path: p for p in c.problems}
    assert probs["sport/199.txt"].action == "repaired" and "Latin-1" in probs["sport/199.txt"].reason
    assert probs["README.TXT"].action == "skipped"
    # 25 files carry HTML character references ("Jos&#233;"): decoded, and each one recorded
    html = [p for p in c.problems if "HTML character reference" in p.reason]
    assert len(html) == 25 and {p.action for p in html} == {"repaired"}
    assert len(c.problems) == 27
    assert "José Manuel Barroso" in c["tech/342"].text and "Mr Blair’s government" in c["politics/352"].text
    assert c["politics/001"].outlet == "politics"
    # no body sentence removed by cleaning anywhere in BBC
    assert c.removed_frame().empty
    assert "a £15.8m sig" in c["sport/199"].text   # the one Latin-1 byte (0xA3) decoded as £


@needs_bbc
def test_bbc_body_sentences_all_kept():
    c = newslib.load_corpus(BBC)
    for a in list(c)[::50]:
        raw = (BBC / f"{a.id}.txt").read_bytes().decode("utf-8", errors="replace")
        body = raw.split("\n", 1)[1]
        for s in split_sentences(body):
            assert " ".join(s.split()) in " ".join(a.text.split()) or "\ufffd" in s


@needs_polnear
def test_polnear_texts_lose_no_sentence():
    docs = [json.loads(ln) for ln in POLNEAR.read_text(encoding="utf-8").splitlines()]
    lost = 0
    for d in docs:
        r = clean_text(d["text"])
        kept = " ".join(r.text.split())
        for s in split_sentences(d["text"]):
            if len(s.split()) > 12 and " ".join(s.split()) not in kept:
                lost += 1
    assert lost == 0


def test_cli_info_and_errors(capsys, tmp_path):
    from newslib.cli import main

    assert main(["info", str(DEMO)]) == 0
    out = capsys.readouterr().out
    assert "2 articles" in out and "northern_ledger" in out and "README.md" in out
    assert main(["info", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslib: error: corpus not found") and err.count("\n") == 1
    (tmp_path / "empty").mkdir()
    assert main(["info", str(tmp_path / "empty")]) == 2
    assert "no article found" in capsys.readouterr().err


def test_metadata_without_id_column_is_recorded(tmp_path):
    (tmp_path / "a.txt").write_text("Head\n\nBody text here.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("outlet,date\nX,2024-01-01\n", encoding="utf-8")
    c = newslib.load_corpus(tmp_path)
    assert len(c) == 1 and c["a"].outlet == "unknown"
    assert any("no 'id' column" in p.reason for p in c.problems)


def test_cli_quotes_names_each_quotes_outlet(capsys):
    # the quotes command is for comparing outlets: each row says whose article it is
    import io

    import pandas as pd

    from newslib.cli import main

    assert main(["quotes", str(DEMO), "--format", "csv"]) == 0
    q = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(q.columns[:2]) == ["article_id", "outlet"]
    assert set(q["outlet"]) == {"harbour_times", "northern_ledger"}
    assert (q["outlet"] == q["article_id"].str.split("/").str[0]).all()
