"""Hostile corpora: every file is an article or a recorded problem, text is decoded faithfully,
offsets hold, long inputs finish, and article text never becomes live HTML."""

from __future__ import annotations

import os
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslib
from newslib.cli import main
from newslib.corpus import MAX_ARTICLE_BYTES
from newslib.quotes import extract_quotes
from newslib.report import run_reports

BODY = "The minister met the delegation on Monday and they discussed trade.\n\n“It went well,” she said."


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    w = lambda name, data: (root / name).parent.mkdir(parents=True, exist_ok=True) or (  # noqa: E731
        (root / name).write_bytes(data) if isinstance(data, bytes) else (root / name).write_text(data, encoding="utf-8"))
    w("empty.txt", b"")
    w("blank.txt", b"  \n\t\n   \n")
    w("noise.txt", os.urandom(4096))
    w("latin1.txt", "Prices in London\n\nA pint costs £5 at the café, said Zoë.".encode("latin-1"))
    w("cp1252.txt", "Curly quotes\n\n\u201cWe won\u201d \u2013 she said \u2018twice\u2019. It cost \u00a35.".encode("cp1252"))
    w("bom_crlf.txt", ("\ufeffWindows file\r\n\r\n" + BODY.replace("\n", "\r\n")).encode("utf-8"))
    w("utf16.txt", ("UTF-16 file\n\n" + BODY).encode("utf-16"))
    w("one_paragraph.txt", "The council voted on Tuesday to close the library, a decision that angered residents "
                           "who had campaigned for months, and the mayor said the budget left no choice.")
    w("quotes_mess.txt", "Quote mess\n\n“Unclosed quote here, he said. ‘Nested “deep” marks’ and ” stray ” marks\"\"\".\n\n"
                         "\"Straight\" and ``latex'' style,'' she said.")
    w("html.txt", "Page with <b>markup</b>\n\n<script>alert('x')</script><p onmouseover=\"alert(1)\">Hello</p> "
                  "<img src=x onerror=alert(1)> the end.")
    w("a/b/c/d/e/deep.txt", "Deep file\n\n" + BODY)
    w("report.pdf", b"%PDF-1.4 binary")
    w("photo.jpg", b"\xff\xd8\xff\xe0" + os.urandom(100))
    big = "Big transcript\n\n" + "".join(f"Part {i}. " + "The senator said \u201cwe will vote,\u201d and the count went on. " * 40
                                          + "\n\n" for i in range(4700))
    w("big.txt", big)
    w("metadata.csv", "id,outlet,date\nlatin1,Paper A,2024-02-30\nbom_crlf,Paper B,yesterday\nghost,Nobody,2024-01-01\n")
    return root


def test_every_file_is_an_article_or_a_problem(hostile):
    c = newslib.load_corpus(hostile)
    files = {p.relative_to(hostile).as_posix() for p in hostile.rglob("*") if p.is_file()} - {"metadata.csv"}
    articles = {a.id + ".txt" for a in c}
    skipped = {p.path for p in c.problems if p.action == "skipped"}
    assert files == articles | skipped, files ^ (articles | skipped)
    reasons = {p.path: p.reason for p in c.problems}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "binary" in reasons["noise.txt"] and "not an article file" in reasons["report.pdf"]
    assert "Latin-1" in reasons["latin1.txt"] and "cp1252" in reasons["cp1252.txt"] and "UTF-16" in reasons["utf16.txt"]
    assert any("bad date" in r for r in reasons.values()) and "metadata:ghost" in reasons
    assert c["latin1"].outlet == "Paper A" and c["latin1"].date is None     # 30 February is no date


def test_text_is_decoded_faithfully(hostile):
    c = newslib.load_corpus(hostile)
    assert "£5 at the café, said Zoë." in c["latin1"].text
    assert "\u201cWe won\u201d \u2013 she said \u2018twice\u2019. It cost £5." in c["cp1252"].text
    assert "\r" not in c["bom_crlf"].text and not c["bom_crlf"].text.startswith("\ufeff")
    assert c["utf16"].title == "UTF-16 file"
    assert c["one_paragraph"].text.startswith("The council voted") and c["one_paragraph"].title.startswith("The council voted")
    assert c["a/b/c/d/e/deep"].outlet == "e"


def test_offsets_hold_and_long_article_finishes(hostile):
    c = newslib.load_corpus(hostile)
    for a in c:
        if a.id == "big":
            continue
        for t, s, e in newslib.tokenize(a.text):
            assert a.text[s:e] == t
        q = extract_quotes(a.text)
        assert all(a.text[s:e] == x for x, s, e in zip(q.quote, q.start, q.end, strict=True))
    big = c["big"]
    assert len(big.text.encode()) > 11_000_000
    # time as a ratio, not in seconds: the whole article against its first hundredth, read just
    # before; linear work gives ~100, a quadratic path ~10,000
    part = big.text[:big.text.index("\n\n", len(big.text) // 100)]
    unit = 1e9
    for _ in range(2):
        t0 = time.perf_counter()
        newslib.tokenize(part)
        extract_quotes(part)
        unit = min(unit, time.perf_counter() - t0)
    t0 = time.perf_counter()
    toks = newslib.tokenize(big.text)
    q = extract_quotes(big.text)
    ratio = (time.perf_counter() - t0) / unit
    assert len(q) > 70_000 and len(toks) > 2_000_000
    assert ratio < 400, f"tokens and quotes of an 11 MB article took {ratio:.0f} times its first hundredth"


def test_size_limit_is_a_recorded_problem(tmp_path):
    (tmp_path / "ok.txt").write_text("Head\n\nBody text of the article.", encoding="utf-8")
    with open(tmp_path / "huge.txt", "wb") as fh:   # sparse: 1 GB on paper, nothing on disk
        fh.truncate(1024 ** 3)
    c = newslib.load_corpus(tmp_path)
    assert [a.id for a in c] == ["ok"]
    assert "exceeds" in c.problems[0].reason and f"{MAX_ARTICLE_BYTES:,}" in c.problems[0].reason


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_quote_extractor_on_arbitrary_unicode(text):
    df = extract_quotes(text)
    assert all(0 <= s <= e <= len(text) and text[s:e] == q for q, s, e in zip(df.quote, df.start, df.end, strict=True))
    assert extract_quotes(text).equals(df)


PAYLOADS = ["<script>alert('xss-newslib')</script>", "<img src=x onerror=alert('xss-newslib')>",
            "<b onmouseover=alert('xss-newslib')>hover</b>"]


def _live(html: str) -> list[str]:
    return [p for p in PAYLOADS if p in html] + re.findall(r"<[^>]+on(?:error|mouseover)=alert\('xss-newslib'\)", html)


@pytest.mark.slow
def test_article_text_is_never_live_html(tmp_path):
    corpus = tmp_path / "evil"
    for outlet, extra in (("gazette", PAYLOADS[0]), ("herald", PAYLOADS[1])):
        (corpus / outlet).mkdir(parents=True)
        (corpus / outlet / "story.txt").write_text(
            f"Minister {PAYLOADS[2]} resigns {extra}\n\n"
            f"“We will not comment {PAYLOADS[0]},” said Anna {PAYLOADS[1]} Berg. The minister resigned on "
            f"Monday after a vote. {PAYLOADS[2]} Trade fell by 5 billion dollars, the ministry said.\n\n"
            f"Critics accused the government of {PAYLOADS[1]} “chaos”.", encoding="utf-8")
    (corpus / "metadata.csv").write_text(
        f"id,outlet,title\ngazette/story,Gazette {PAYLOADS[0]},T {PAYLOADS[1]}\nherald/story,Herald,T2\n",
        encoding="utf-8")
    out = tmp_path / "out"
    assert run_reports(corpus=str(corpus), out=str(out), jobs=2, progress=False) == 0
    html_files = list(out.rglob("*.html"))
    assert len(html_files) >= 6
    for f in html_files:
        assert not _live(f.read_text(encoding="utf-8")), f
    from newslib.display import highlight_quotes, table_html

    c = newslib.load_corpus(corpus)
    assert not _live(highlight_quotes(c["gazette/story"].text, c.quotes()))
    assert not _live(table_html(c.frame()))


def test_cli_faults_are_one_line(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Head\n\nBody of the text.", encoding="utf-8")
    (tmp_path / "c" / "metadata.jsonl").write_text("[1, 2]\n", encoding="utf-8")
    assert main(["info", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslib: error: cannot parse metadata") and err.count("\n") == 1
    (tmp_path / "c" / "metadata.jsonl").unlink()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["report", "--corpus", str(tmp_path / "c"), "--out", str(blocker / "sub"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslib: error: cannot write to") and err.count("\n") == 1


@pytest.mark.slow
def test_hung_notebook_is_stopped_and_reported(tmp_path):
    import json

    from conftest import make_notebook

    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    for name, code in (("01_hang", "import time\ntime.sleep(120)"), ("02_fine", "x = 2")):
        make_notebook(nbdir, name, code)
    out = tmp_path / "out"
    t0 = time.perf_counter()
    assert run_reports(out=str(out), notebook_dir=nbdir, timeout=5, progress=False) == 1
    assert time.perf_counter() - t0 < 100
    status = {r["notebook"]: r for r in json.loads((out / "index.json").read_text())}
    assert status["01_hang"]["status"] == "failed" and "Timeout" in status["01_hang"]["error"]
    assert status["02_fine"]["status"] == "ok"
