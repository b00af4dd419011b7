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
