"""newslib.readers.html: saved web pages as articles, on real dev pages, pages written here, and
hostile input (issue 22 item 5), each hostile case run in a fresh interpreter that reports the
time and the peak memory the call added, so a guard that stops working fails its test."""

from __future__ import annotations

import gzip
import importlib.util
import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslib.readers.html import HtmlError, HtmlPage, is_html_name, read_html, read_html_file

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
PAGES = SHARED / "corpora" / "html_pages"
needs_pages = pytest.mark.skipif(not (PAGES / "ground_truth.jsonl").is_file(),
                                 reason="../shared/corpora/html_pages is absent")

ARTICLE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour strike ends after talks | The Coastal Courier</title>
<meta property="og:title" content="Harbour strike ends after talks">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<link rel="canonical" href="https://www.coastalcourier.example/news/2024/03/05/harbour-strike-ends">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Harbour strike ends after talks</h1>
<p>Dock workers at the northern harbour returned to work on Tuesday after a nine-day strike ended
with a pay agreement reached overnight.</p>
<p>The union said its members had accepted a rise of six per cent over two years, along with new
limits on night shifts, after talks that lasted until the early hours.</p>
<p>"Nobody wanted this to go on," said Marta Lindqvist, the union's regional secretary. "But the
night shifts were breaking people."</p>
<p>Shipping companies had diverted more than forty vessels to other ports during the stoppage,
and local businesses reported losses running into millions.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Council approves new bridge</a></li>
<li><a href="/b">Storm warning for the weekend</a></li></ul></aside>
<footer><p>Subscribe to our newsletter</p><p>&copy; 2024 The Coastal Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
</body></html>"""

NO_BODY = b"""<html><head><title>The Coastal Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<footer><a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a> &copy; 2024</footer>
</body></html>"""

PARA = "<p>" + "This is a sentence of the article body with words. " * 10 + "</p>"


# --- pages written here ----------------------------------------------------------------------

def test_article_page_gives_body_and_metadata_without_furniture():
    page = read_html(ARTICLE)
    assert isinstance(page, HtmlPage)
    assert page.title == "Harbour strike ends after talks"
    assert page.date == "2024-03-05"
    assert page.site_name == "The Coastal Courier"
    assert page.url == "https://www.coastalcourier.example/news/2024/03/05/harbour-strike-ends"
    paragraphs = page.text.split("\n\n")
    assert len(paragraphs) == 4 and paragraphs[0].startswith("Dock workers at the northern harbour")
    assert paragraphs[-1].endswith("losses running into millions.")
    for furniture in ("Home", "Weather", "Most read", "Council approves", "Subscribe", "All rights",
                      "Privacy", "Contact us", "Harbour strike ends"):
        assert furniture not in page.text, furniture


def test_a_sites_slug_handle_or_slogan_becomes_a_readable_outlet():
    # the saved pages had outlets "Nj" (og:site_name "nj" on nj.com), "Cleveland", "Wday_" (a
    # Twitter handle) and "LinkNaija | Nigeria's popular news platform" on every chart's axis
    def page(site_meta: bytes, url: bytes) -> HtmlPage:
        html = ARTICLE.replace(b'<meta property="og:site_name" content="The Coastal Courier">', site_meta)
        return read_html(html.replace(b"https://www.coastalcourier.example", url))

    assert page(b'<meta property="og:site_name" content="nj">', b"https://www.nj.com").site_name == "nj.com"
    assert page(b'<meta name="twitter:site" content="@Wday_">', b"https://www.wday.ru").site_name == "wday.ru"
    assert page(b'<meta property="og:site_name" content="LinkNaija | Nigeria&#39;s popular news platform">',
                b"https://www.linknaija.example").site_name == "LinkNaija"
    # a name written with capitals, or another name than the domain's, is the page's own
    assert page(b'<meta property="og:site_name" content="Gizmodo">', b"https://gizmodo.com").site_name == "Gizmodo"
    assert page(b'<meta property="og:site_name" content="Experience">', b"https://www.expapp.com").site_name \
        == "Experience"


def test_page_without_an_article_body_is_an_error_with_a_reason():
    with pytest.raises(HtmlError, match=r"^no article body found in the page \(only 3 words\)$"):
        read_html(NO_BODY, name="front.html")
    try:
        read_html(NO_BODY, name="front.html")
    except HtmlError as err:
        assert err.name == "front.html" and "\n" not in str(err)


def test_gzipped_file_reads_like_the_plain_one(tmp_path):
    (tmp_path / "a.html").write_bytes(ARTICLE)
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(ARTICLE))
    assert read_html_file(tmp_path / "a.html.gz") == read_html_file(tmp_path / "a.html")
    assert is_html_name("a.html.gz") and is_html_name("B.HTM") and not is_html_name("a.txt")


def test_headline_opening_a_block_is_not_repeated_in_the_body():
    html = ARTICLE.replace(b"<h1>Harbour strike ends after talks</h1>\n<p>",
                           b"<p>Harbour strike ends after talks<br>")
    page = read_html(html)
    assert page.text.startswith("Dock workers") and "Harbour strike ends" not in page.text


def test_title_loses_the_site_name_and_section_but_keeps_its_own_colon():
    html = ARTICLE.replace(b'<meta property="og:title" content="Harbour strike ends after talks">', b"")
    assert read_html(html).title == "Harbour strike ends after talks"  # "<title> | The Coastal Courier"
    html = html.replace(b"<title>Harbour strike ends after talks | The Coastal Courier</title>",
                        b"<title>Analysis | Harbour strike ends after talks</title>")
    assert read_html(html).title == "Harbour strike ends after talks"  # the <h1> inside the title
    html = html.replace(b"<title>Analysis | Harbour strike ends after talks</title>",
                        b"<title>Strike over: dockers back at work</title>").replace(b"<h1>", b"<h2>")
    assert read_html(html.replace(b"</h1>", b"</h2>")).title == "Strike over: dockers back at work"


def test_body_split_between_ad_slots_is_read_whole():
    first = "".join(f"<p>First half paragraph {i}: the council met on Monday and voted on the harbour "
                    "plan after a long debate.</p>" for i in range(5))
    second = "".join(f"<p>Second half paragraph {i}: opponents said the plan would raise rents and "
                     "promised to appeal the decision.</p>" for i in range(5))
    html = f"""<html><head><title>Council backs harbour plan</title></head><body>
    <nav><a href="/">Home</a></nav><main><h1>Council backs harbour plan</h1>
    <div class="story-chunk"><div class="story-body body-text">{first}</div><aside class="rail"></aside></div>
    <div class="ad-slot"><span>Advertisement</span></div>
    <div class="story-chunk"><div class="story-body body-text">{second}</div><aside class="rail"></aside></div>
    </main><footer>About us</footer></body></html>"""
    text = read_html(html.encode()).text
    assert "First half paragraph 0" in text and "Second half paragraph 4" in text
    assert "Advertisement" not in text and text.count("\n\n") == 9


def test_next_story_of_an_endless_scroll_page_is_not_merged():
    def story(title: str, words: str) -> str:
        paras = "".join(f"<p>{words} paragraph {i} goes on long enough to read as a real sentence.</p>"
                        for i in range(5))
        return f'<article><h1>{title}</h1><div class="story-body">{paras}</div></article>'

    html = ("<html><head><title>Council backs harbour plan</title></head><body>"
            + story("Council backs harbour plan", "Harbour") + '<div class="ad-slot">Advertisement</div>'
            + story("Storm warning for the weekend", "Storm") + "</body></html>")
    text = read_html(html.encode()).text
    assert "Harbour paragraph 4" in text and "Storm" not in text
    flat = html.replace("<article>", "<div>").replace("</article>", "</div>")
    assert "Storm" not in read_html(flat.encode()).text  # a headline between: another story


def test_charsets_declared_undeclared_and_wrongly_declared():
    body = "<p>“Le café était fermé”, a-t-il dit. " * 20 + "</p>"
    cp1252 = f'<html><head><meta charset="windows-1252"><title>t</title></head><body><article>{body}</article></body></html>'
    assert "“Le café était fermé”" in read_html(cp1252.encode("cp1252")).text
    undeclared = cp1252.replace('<meta charset="windows-1252">', "")
    assert "“Le café était fermé”" in read_html(undeclared.encode("cp1252")).text
    # declared Latin-1, saved as UTF-8 by a browser: valid UTF-8 wins
    wrong = cp1252.replace("windows-1252", "iso-8859-1")
    assert "“Le café était fermé”" in read_html(wrong.encode("utf-8")).text
    assert "“Le café était fermé”" in read_html(cp1252.encode("utf-16")).text  # with a BOM
    assert "“Le café était fermé”" in read_html(undeclared.encode("utf-16-le")).text  # without


def test_file_larger_than_max_bytes_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.html"
    path.write_bytes(ARTICLE)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    with pytest.raises(HtmlError, match="more than max_bytes"):
        read_html_file(path, max_bytes=1000)
    with pytest.raises(HtmlError, match="cannot read the file"):
        read_html_file(tmp_path / "missing.html")


def test_too_many_elements_is_refused_with_the_option_to_raise():
    with pytest.raises(HtmlError, match=r"more than 20 HTML elements; refused \(raise max_elements="):
        read_html(ARTICLE, max_elements=20)
    assert read_html(ARTICLE, max_elements=40).title


# --- real pages (the dev half of the Zyte article-extraction benchmark) --------------------------

def _dev(prefix: str) -> tuple[Path, dict]:
    path = next((PAGES / "pages").glob(f"{prefix}*.html.gz"))
    with open(PAGES / "ground_truth.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return path, next(r for r in rows if r["id"].startswith(prefix))


def _scorer():
    spec = importlib.util.spec_from_file_location("score_bodies", PAGES / "score_bodies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_pages
@pytest.mark.parametrize("prefix, title, date, site", [
    ("04a6711c", "Republicans Are Following Trump to Nowhere", "2019-11-19", "NYTimes"),  # "Opinion | …"
    ("1ace8c85", "New York State Attorney General reportedly investigating WeWork", "2019-11-18", "TechCrunch"),
    ("05844573", "New SUVs and electric vehicles highlight L.A. Auto Show", "2019-11-20", "Connecticut Post"),
    ("2f42ef1d", "The Future of Banking Is … You're Broke", "2019-11-14", "Wired"),  # body split by ads
    ("65bf3048", "16-inch MacBook Pro review: The keyboard is probably enough to convince those waiting",
     "2019-11-18", "AppleInsider"),
    ("3c6d3381", "Самые популярные кулинарные блоги и фудблогеры в Инстаграм по версии Wday.ru: список",
     "2018-09-24", None),
])
def test_dev_pages(prefix, title, date, site):
    path, truth = _dev(prefix)
    page = read_html_file(path)
    assert (page.title, page.date) == (title, date)
    assert site is None or page.site_name == site
    assert page.url and page.url.startswith("http")
    assert title not in page.text.split("\n\n")[0] and "\n\n\n" not in page.text
    f1 = _scorer().score({prefix: truth["body"]}, {prefix: page.text})["f1"]
    assert f1 >= 0.9, f1


@needs_pages
@pytest.mark.slow
def test_dev_set_body_f1_through_the_loader_at_least_095_and_above_trafilatura(tmp_path):
    """The benchmark's target on what a corpus holds: the 88 dev pages copied to a folder and
    read by load_corpus (extraction, then cleaning), scored beside trafilatura alone."""
    import logging
    import shutil

    import trafilatura

    import newslib

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    folder = tmp_path / "pages"
    shutil.copytree(PAGES / "pages", folder)
    with open(PAGES / "ground_truth.jsonl", encoding="utf-8") as f:
        truth = {row["id"]: row["body"] for row in map(json.loads, filter(str.strip, f))}
    c = newslib.load_corpus(folder)
    assert len(c) == len(truth)
    # no page skipped or repaired; the eight in Korean, Russian, German, Italian, Portuguese and
    # Indonesian are kept with a warning
    assert sorted(p.reason.split(',')[0] for p in c.problems) == [
        'reads as Cyrillic script', 'reads as German', 'reads as Indonesian', 'reads as Indonesian',
        'reads as Italian', 'reads as Korean', 'reads as Portuguese', 'reads as Portuguese']
    ours = {a.id: a.text[len(a.title):].strip() for a in c}
    assert all(a.text.startswith(a.title) for a in c)
    base = {k: trafilatura.extract(gzip.decompress((folder / f"{k}.html.gz").read_bytes())) or ""
            for k in truth}
    scorer = _scorer()
    f1, ref = scorer.score(truth, ours)["f1"], scorer.score(truth, base)["f1"]
    assert f1 >= 0.95 and f1 >= ref, (f1, ref)


# --- hostile input: each in a fresh interpreter, timed, peak memory measured ----------------------

def _isolated(build: str, call: str = "read_html(data)", timeout: float = 120) -> dict:
    """Run ``call`` on the ``data`` that ``build`` makes, in a fresh interpreter.

    Returns the outcome ('page' or the HtmlError message, or the escaping exception's type),
    the seconds the call took and the megabytes it added to the process's peak memory.
    """
    code = textwrap.dedent("""
        import json, resource, sys, time, zlib
        from newslib.readers.html import HtmlError, read_html, read_html_file
        PARA = {para!r}
    """).format(para=PARA) + textwrap.dedent(build) + textwrap.dedent(f"""
        ordinary = ("<html><body><article>" + PARA * 40 + "</article></body></html>").encode()
        unit = 1e9
        for _ in range(3):      # the time of one ordinary page, on this machine, now
            t = time.perf_counter()
            read_html(ordinary)
            unit = min(unit, time.perf_counter() - t)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        try:
            page = {call}
            outcome, text = "page", page.text
        except HtmlError as err:
            outcome, text = "HtmlError: " + str(err), ""
        except BaseException as err:
            outcome, text = "ESCAPED " + type(err).__name__, ""
        seconds = time.perf_counter() - t0
        added = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(json.dumps({{"outcome": outcome, "seconds": seconds, "pages": seconds / unit, "mb": added,
                          "chars": len(text)}}))
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


# Time as a ratio, never in seconds: each hostile page against one ordinary page (40 paragraphs)
# read in the same interpreter just before it ("pages"), so a busy or slow machine moves both.
# Measured alone (ninth session): gzip bomb 4.5, nesting 20 and 1.4, entities 0.2 and 195, 20 MB
# of text 50, 20 MB of tags 6, 49,000 paragraphs 720; each limit is about four times that —
# a quadratic path would be thousands of times over.
MB = 600


def test_gzip_bomb_is_refused_while_inflating(tmp_path):
    # 512 MB of zeros in 0.5 MB: inflating it whole before checking would add > 512 MB
    r = _isolated(f"""
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = bytes(1 << 20)
        data = b"".join([c.compress(zeros) for _ in range(512)] + [c.flush()])
        open({str(tmp_path / "bomb.html.gz")!r}, "wb").write(data)
    """, call=f"read_html_file({str(tmp_path / 'bomb.html.gz')!r})")
    assert r["outcome"] == "HtmlError: gzip file inflates past 20 MB; refused"
    assert r["mb"] < 100 and r["pages"] < 20, r


def test_gzip_bomb_of_many_members_is_refused():
    member = gzip.compress(bytes(1 << 20), compresslevel=9)
    with pytest.raises(HtmlError, match="inflates past 5 MB"):
        read_html(member * 6, max_bytes=5 << 20)


def test_enormous_nesting_is_bounded():
    r = _isolated("""data = ("<html><body>" + "<div>" * 100_000 + PARA + "</div>" * 100_000 + "</body></html>").encode()""")
    assert r["outcome"] == "page" or r["outcome"].startswith("HtmlError: "), r
    assert r["pages"] < 100 and r["mb"] < MB, r
    r = _isolated("""data = ("<html><body><article>" + PARA.replace("This", "Before") + "</article>"
                             + "<span>" * 100_000 + "</body></html>").encode()""")
    assert r["outcome"] == "page" and r["pages"] < 20 and r["mb"] < MB, r


def test_entities_that_expand_are_bounded():
    laughs = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefgh", "bcdefghi", strict=True))
              + "]>")
    r = _isolated(f"""data = ({laughs!r} + "<html><body><article>" + PARA
                              + "<p>" + "&i;" * 100 + "</p></article></body></html>").encode()""")
    assert r["outcome"] == "page" and r["chars"] < 10_000, r  # 10**10 characters if expanded
    assert r["pages"] < 20 and r["mb"] < MB, r
    r = _isolated("""data = ("<html><body><article>" + PARA + "<p>" + "&#x41;&amp;&nbsp;&eacute;" * 600_000
                             + "</p></article></body></html>").encode()""")
    assert r["outcome"] == "page" and r["pages"] < 800 and r["mb"] < MB, r


def test_twenty_megabyte_single_line_of_text_is_bounded():
    r = _isolated("""data = ("<html><body><article>" + PARA + "<p>" + ("word " * 4_000_000)[:19_900_000]
                             + "</p></article></body></html>").encode()""")
    assert r["outcome"] == "page" or r["outcome"].startswith("HtmlError: "), r
    assert r["pages"] < 200 and r["mb"] < MB, r


def test_twenty_megabyte_single_line_of_tags_is_refused_fast():
    # 1.3 million elements on one line: trafilatura alone needs 150 s and 1.7 GB for it
    r = _isolated("""data = ("<html><body><article>" + "<span>ab</span>" * 1_300_000 + "</article></body></html>").encode()""",
                  timeout=60)
    assert r["outcome"].startswith("HtmlError: page has more than 50,000 HTML elements"), r
    assert r["pages"] < 25 and r["mb"] < MB, r


def test_page_at_the_element_limit_is_read_in_bounded_time():
    r = _isolated("""data = ("<html><body><article>" + "".join(
        f"<p>Paragraph {i} of the article says something new about the harbour.</p>" for i in range(49_000))
        + "</article></body></html>").encode()""")
    assert r["outcome"] == "page" and r["pages"] < 3000 and r["mb"] < MB, r


_rng = random.Random(20)
BAD_BYTES = {
    "empty": b"",
    "whitespace": b"  \n\t ",
    "binary junk": bytes(_rng.randrange(256) for _ in range(5000)),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "junk without NUL": bytes(_rng.randrange(1, 256) for _ in range(5000)),
    "control characters": b"<html>" + b"\x01\x02\x03\x04" * 500,
    "truncated gzip": gzip.compress(ARTICLE)[:200],
    "corrupt gzip": b"\x1f\x8b\x08\x00" + bytes(_rng.randrange(256) for _ in range(300)),
    "gzip of junk": gzip.compress(bytes(_rng.randrange(256) for _ in range(3000))),
    "unknown charset": b'<html><head><meta charset="x-no-such-charset"></head><body><p>caf\xe9 \xff\xfe</p></body></html>',
    "non-text codec": b'<html><head><meta charset="base64"></head><body><p>caf\xe9</p></body></html>',
    "punycode codec": b'<html><head><meta charset="punycode"></head><body><p>' + b"a-\xff" * 5000 + b"</p></body></html>",
    "rot13 codec": b'<html><head><meta charset="rot13"></head><body><p>caf\xe9</p></body></html>',
    "utf-16 declared, bytes are not": b'<html><head><meta charset="utf-16"></head><body><p>caf\xe9</p></body></html>',
    "lone surrogates": "<html><body><p>\ud800 x</p></body></html>".encode("utf-8", "surrogatepass"),
    "no markup": b"just a line of plain text, no markup at all",
    "empty html": b"<html></html>",
    "unclosed everything": b"<html><body><div><p><table><tr><td><a href='",
    "odd bytes in tags": b"<ht\xffml><bo\x80dy>" + PARA.encode() + b"</b\xfeody>",
}


@pytest.mark.parametrize("case", list(BAD_BYTES))
def test_bad_bytes_give_a_page_or_a_one_line_error(case):
    try:
        page = read_html(BAD_BYTES[case], name=case)
    except HtmlError as err:
        assert str(err) and "\n" not in str(err) and err.name == case
    else:
        assert isinstance(page, HtmlPage)


def test_undecodable_declared_charset_falls_back_to_cp1252():
    html = b'<html><head><meta charset="x-no-such-charset"></head><body><article>' + PARA.encode() + \
        b"<p>" + "Caf\xe9 cr\xe8me, na\xefve. ".encode("latin-1") * 5 + b"</p></article></body></html>"
    assert "Café crème, naïve." in read_html(html).text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000) | st.text(max_size=2000).map(lambda s: f"<html><body><p>{s}</p>".encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_never_raise_anything_but_html_error(data):
    try:
        read_html(data)
    except HtmlError as err:
        assert "\n" not in str(err)


def test_read_html_expects_bytes():
    with pytest.raises(TypeError, match="expects bytes"):
        read_html("<html></html>")  # type: ignore[arg-type]


def test_gzip_of_concatenated_members_reads_whole():
    half = len(ARTICLE) // 2
    two = gzip.compress(ARTICLE[:half]) + gzip.compress(ARTICLE[half:])
    assert read_html(two) == read_html(ARTICLE)
