"""The corpora researchers actually have (issue 20): saved web pages, a Media Cloud export, a flat
folder of one outlet's articles — each loaded without configuration, and each reported on by
``newslib report`` with every notebook green."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from conftest import BBC, SHARED

import newslib
from newslib.report import run_reports

PAGES = SHARED / "corpora" / "html_pages" / "pages"
needs_pages = pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/corpora/html_pages is absent")
needs_bbc = pytest.mark.skipif(not BBC.is_dir(), reason="../shared/corpora/bbc is absent")

NO_BODY = b"""<html><head><title>Home | Daily Bugle</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<footer>Subscribe to our newsletter. Copyright Daily Bugle.</footer></body></html>"""


PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour strike ends | The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<link rel="canonical" href="https://www.coastalcourier.example/news/harbour-strike-ends"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour strike ends</h1>
<p>Dock workers at the northern harbour returned to work on Tuesday after a nine-day strike ended
with a pay agreement reached overnight.</p>
<p>Read more: Council approves new bridge over the river</p>
<p>The union said its members had accepted a rise of six per cent over two years, along with new
limits on night shifts, after talks that lasted until the early hours.</p>
<p>"Nobody wanted this to go on," said Marta Lindqvist, the union's regional secretary.</p>
</article><footer><p>&copy; 2024 The Coastal Courier</p></footer></body></html>"""


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for p in sorted(PAGES.iterdir())[:5]:
        shutil.copy(p, folder / p.name)
    return folder


@needs_pages
def test_a_folder_of_saved_pages(pages):
    (pages / "menu.html").write_bytes(NO_BODY)
    first = sorted(pages.glob("*.html.gz"))[0]
    page_id = first.name[:-len(".html.gz")]
    (pages / "metadata.csv").write_text(f"id,outlet\n{page_id},My Outlet\n", encoding="utf-8")
    c = newslib.load_corpus(pages)
    df = c.frame().set_index("id")
    assert len(df) == 5 and page_id in df.index                   # ids without .html.gz
    assert df["title"].str.len().min() > 10 and df["url"].str.startswith("http").all()
    assert df["date"].notna().all() and (df["words"] > 50).all()
    # metadata wins; otherwise the page's own site name is the outlet
    assert df.loc[page_id, "outlet"] == "My Outlet" and df.loc[page_id, "outlet_from"] == "metadata"
    others = df.drop(page_id)
    assert (others["outlet_from"] == "page").all() and others["outlet"].str.len().min() > 2
    # a page without an article body is a recorded problem, with the reason
    probs = c.problems_frame()
    assert probs["path"].tolist() == ["menu.html"]
    assert probs["reason"].iloc[0].startswith("saved page:") and probs["action"].iloc[0] == "skipped"


def test_a_media_cloud_export_without_configuration(tmp_path):
    path = tmp_path / "mediacloud.csv"
    rows = [
        {"stories_id": "101", "publish_date": "2023-12-07 10:00:00", "title": "Raisi meets Putin",
         "url": "https://www.reuters.com/world/raisi-putin", "language": "en", "media_name": "Reuters",
         "media_url": "reuters.com", "text": "Iran's president met Putin in Moscow. “We are ready,” Putin said."},
        {"stories_id": "102", "publish_date": "2023-12-07", "title": "Putin hosts Raisi",
         "url": "https://apnews.com/article/x", "language": "en", "media_name": "", "media_url": "apnews.com",
         "text": "Vladimir Putin hosted Ebrahim Raisi. Trade has grown, the Kremlin said."},
        {"stories_id": "103", "publish_date": "2023-12-08", "title": "No text", "url": "https://x.org/y",
         "language": "en", "media_name": "X", "media_url": "x.org", "text": ""},
    ]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    c = newslib.load_corpus(path)
    df = c.frame()
    assert df["title"].tolist() == ["Raisi meets Putin", "Putin hosts Raisi"]
    assert df["outlet"].tolist() == ["Reuters", "apnews.com"]            # media_name, else the URL's domain
    assert df["outlet_from"].tolist() == ["metadata", "url"]
    assert df["date"].tolist() == ["2023-12-07", "2023-12-07"]
    assert len(c.problems) == 1 and c.problems[0].path.endswith(":4")    # the row without text, by line
    assert "empty text" in c.problems[0].reason


def _all_green(out) -> list[dict]:
    index = json.loads((out / "index.json").read_text())
    assert len(index) == 7
    assert [r["notebook"] for r in index if r["status"] != "ok"] == []
    return index


@pytest.mark.slow
@needs_bbc
def test_report_on_a_flat_folder_of_one_outlet(tmp_path):
    folder = tmp_path / "four"
    folder.mkdir()
    for name in ("010", "011", "012", "013"):
        shutil.copy(BBC / "politics" / f"{name}.txt", folder / f"{name}.txt")
    out = tmp_path / "out"
    assert run_reports(corpus=str(folder), out=str(out), progress=False) == 0
    _all_green(out)
    # one group: the comparison notebooks compare the articles, and say so
    assert "each article is its own group" in (out / "05_event_report.html").read_text(encoding="utf-8")


@pytest.mark.slow
@needs_pages
def test_report_on_saved_pages_and_on_a_media_cloud_csv(pages, tmp_path):
    out = tmp_path / "out_pages"
    assert run_reports(corpus=str(pages), out=str(out), progress=False) == 0
    _all_green(out)
    export = tmp_path / "export.csv"
    c = newslib.load_corpus(pages)
    with export.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["stories_id", "publish_date", "title", "url", "media_name", "text"])
        for a in c:
            w.writerow([a.id[:8], a.date, a.title, a.url, a.outlet, a.text[len(a.title):].strip()])
    out2 = tmp_path / "out_csv"
    assert run_reports(corpus=str(export), out=str(out2), progress=False) == 0
    _all_green(out2)


def test_cleaning_rules_that_misfired_on_extracted_pages():
    from newslib.cleaning import _is_caption_credit, clean_text

    cap = "Vladimir Putin and Ebrahim Raisi at the Kremlin on Thursday in Moscow today"
    raw = f"Talks end\n\n{cap}\n\nThe talks ended.\n\n{cap}\n\nhttps://amzn.to/2iJFhRj\n\nMore text here."
    scraped = clean_text(raw)
    assert cap not in scraped.text and list(scraped.captions) == [cap]     # a caption shown twice
    assert "https://amzn.to" not in scraped.text                           # a share link in a scrape
    page = clean_text(raw, extracted=True)
    assert page.text.count(cap) == 2 and "https://amzn.to/2iJFhRj" in page.text
    # three times is content (a meal plan's portions), and so is a table row, in any text
    row = "| Pos | Player | Plays | % | Stats | and | more | words | here |"
    line = "Portion Fix Containers: 1 Green, 1 Purple, 1 Red, 1 Yellow, 1 tsp."
    kept = clean_text(f"T\n\n{line}\n\nA.\n\n{line}\n\nB.\n\n{line}\n\n{row}\n\n{row}\n\nEnd.")
    assert kept.text.count(line) == 3 and kept.text.count(row) == 2
    # an acronym that ends in an agency's name is no photo credit
    assert not _is_caption_credit("- Einrichtungsübergreifende Patientenakte (eEPA)")
    assert _is_caption_credit("A protester in Gaza City on Friday (EPA)")


def test_media_cloud_search_export_of_today(tmp_path):
    """search.mediacloud.org's story list: ``id, indexed_date, language, media_name, media_url,
    publish_date, title, url`` (and ``text`` when the researcher adds it)."""
    path = tmp_path / "mc-search.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "indexed_date", "language", "media_name", "media_url", "publish_date", "title", "url",
                    "text"])
        w.writerow(["a1b2", "2024-03-06T01:02:03.456789", "en", "coastalcourier.example", "coastalcourier.example",
                    "2024-03-05", "Harbour strike ends", "https://coastalcourier.example/a",
                    "Dock workers returned to work on Tuesday, the union said."])
        w.writerow(["a1b2", "2024-03-06T01:02:03", "en", "coastalcourier.example", "coastalcourier.example",
                    "2024-03-05", "Harbour strike ends", "https://coastalcourier.example/a",
                    "Dock workers returned to work on Tuesday, the union said."])
    c = newslib.load_corpus(path)
    df = c.frame()
    assert df["id"].tolist() == ["a1b2", "a1b2-2"]               # a story exported twice: ids stay distinct
    assert df["date"].tolist() == ["2024-03-05"] * 2 and (df["outlet_from"] == "metadata").all()
    assert [(p.reason, p.action) for p in c.problems] == [("id 'a1b2' is another article's; read as 'a1b2-2'",
                                                          "repaired")]


def test_a_page_saved_complete_beside_a_text_copy(tmp_path):
    """'Save Page As…, complete' writes Story.html and Story_files/ (images, scripts, ad frames):
    the folder is one recorded problem, not a problem per file nor articles; a .txt copy of the
    same story keeps its suffix in its id; a single page can be the corpus."""
    folder = tmp_path / "saved" / "courier"
    (folder / "Story_files").mkdir(parents=True)
    (folder / "Story.htm").write_bytes(PAGE)
    (folder / "Story_files" / "app.js").write_text("var x = 1;")
    (folder / "Story_files" / "ad.html").write_text("<html><body><p>Buy now</p></body></html>")
    (folder / "Story.txt").write_text("Harbour strike ends\n\nDock workers returned to work on Tuesday.\n")
    c = newslib.load_corpus(tmp_path / "saved")
    df = c.frame().set_index("id")
    assert df.index.tolist() == ["courier/Story", "courier/Story.txt"]
    page = df.loc["courier/Story"]
    # (the page's site name gives way to its folder, which the text copy takes as its outlet)
    assert (page["title"], page["outlet"], page["outlet_from"], page["date"]) == \
        ("Harbour strike ends", "courier", "folder", "2024-03-05")
    assert page["url"] == "https://www.coastalcourier.example/news/harbour-strike-ends"
    assert df.loc["courier/Story.txt", "outlet_from"] == "folder"
    assert [(p.path, p.action) for p in c.problems] == [("courier/Story_files", "skipped"),
                                                        ("courier/Story.htm", "warning"),
                                                        ("courier/Story.txt", "repaired")]
    # newslib's cleaning ran after extraction: the teaser link is gone, and listed
    assert "Council approves" not in c["courier/Story"].text
    assert c.removed_frame()["reason"].tolist() == ["link to another story"]
    one = newslib.load_corpus(folder / "Story.htm")
    assert [a.id for a in one] == ["Story"] and not one.problems


def test_furniture_a_page_extractor_leaves_in_the_body():
    from newslib.cleaning import boilerplate_reason, clean_text

    furniture = {
        "Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing": "link to another story",
        "[Related: Salesforce Dreamforce Keynote: AI, Integration, Alicia Keys And Protestors]":
            "link to another story",
        "SEE MORE: Hong Kong protests: 800 students under siege in university": "link to another story",
        "DON'T MISS": "related-links block",
        "You may also like...": "related-links block",
        "Tell us what YOU think...": "comments widget",
        "Like this story? Share it with a friend!": "share widget",
        "Pick Six Newsletter": "newsletter prompt",
        "Filed under: Khawarij |": "tag list",
        "Tempo de leitura: 2 minutos": "reading time",
        "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.": "author social prompt",
    }
    assert {line: boilerplate_reason(line) for line in furniture} == furniture
    # body lines that start like them are the article's
    for line in ("More than 40 people were hurt, police said.", "Related charges were dropped on Monday.",
                 "Read more about the plan on the council's website, she said.", "Tags were sold at £5.",
                 "The newsletter was sent to 4,000 members, the party said."):
        assert boilerplate_reason(line) is None, line
    r = clean_text("Talks end\n\nThe talks ended.\n\nRead more: Storm warning for the weekend\n\nThey resume soon.",
                   extracted=True)
    assert r.text == "Talks end\n\nThe talks ended.\n\nThey resume soon."


def test_a_saved_page_in_an_outlet_folder_is_that_outlet(tmp_path):
    # one folder per outlet, one of its stories saved as a web page: one outlet, not two (the
    # page's site name beside the folder's name set the paper against itself in every report)
    courier = tmp_path / "coastal_courier"
    courier.mkdir()
    (courier / "strike.html").write_bytes(PAGE)
    (courier / "day1.txt").write_text("Strike begins\n\nDock workers walked out on Monday, the union said.\n",
                                      encoding="utf-8")
    dump = tmp_path / "saved"       # a folder of saved pages only keeps each page's site name
    dump.mkdir()
    (dump / "strike.html").write_bytes(PAGE)
    c = newslib.load_corpus(tmp_path)
    df = c.frame().set_index("id")
    assert df.loc["coastal_courier/strike", "outlet"] == df.loc["coastal_courier/day1", "outlet"] == "coastal_courier"
    assert df.loc["saved/strike", "outlet"] == "The Coastal Courier"
    warned = c.problems_frame()
    assert warned["action"].tolist() == ["warning"] and "The Coastal Courier" in warned["reason"].iloc[0]


def test_a_date_in_a_file_name_dates_the_article(tmp_path):
    # hand-saved articles are named by date; a text file has nowhere else to keep one
    (tmp_path / "courier").mkdir()
    (tmp_path / "courier" / "2024-03-01_closure.txt").write_text(
        "Pit to close\n\nThe mine will close, the company said on Friday.\n", encoding="utf-8")
    (tmp_path / "courier" / "closure_update.txt").write_text(
        "Pit closes\n\nThe mine closed, the union said.\n", encoding="utf-8")
    (tmp_path / "courier" / "2024-02-30_typo.txt").write_text(     # no such day: no date
        "Pit row\n\nThe row went on, the mayor said.\n", encoding="utf-8")
    dates = newslib.load_corpus(tmp_path).frame().set_index("id")["date"]
    assert dates["courier/2024-03-01_closure"] == "2024-03-01"
    assert dates[["courier/closure_update", "courier/2024-02-30_typo"]].isna().all()
