"""Every notebook through papermill: defaults (on the seeds) and another corpus."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import DEMO, ROOT, make_notebook

from newslib.cli import main
from newslib.report import ReportError, run_notebook, run_reports

NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
pytestmark = pytest.mark.slow


def _images(ipynb):
    nb = json.loads(ipynb.read_text(encoding="utf-8"))
    return sum("image/png" in o.get("data", {}) for c in nb["cells"] for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    code = run_reports(corpus=str(DEMO), out=str(out), jobs=2, progress=False)
    return out, code


def test_report_on_demo_corpus_writes_everything(demo_report):
    out, code = demo_report
    assert code == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        assert (out / f"{nb}.html").is_file() and f'href="{nb}.html"' in index
        assert _images(out / f"{nb}.ipynb") >= 1, f"{nb} produced no figure"
        html = (out / f"{nb}.html").read_text(encoding="utf-8")
        executed = json.loads((out / f"{nb}.ipynb").read_text(encoding="utf-8"))
        outputs = [o for c in executed["cells"] for o in c.get("outputs", [])]
        assert not [o for o in outputs if o["output_type"] == "error"
                    or o.get("name") == "stderr" and "Traceback" in "".join(o.get("text", ""))], nb
        assert "<!DOCTYPE html>" in html
    files = out / "02_term_frequency_files"
    key = pd.read_csv(files / "keyness.csv")
    assert {"term", "g2", "log_ratio", "z", "only_in"} <= set(key.columns) and len(key) > 20
    for chart in ("top_terms", "keyness_bars", "scatter", "dispersion"):
        assert (files / f"{chart}.png").is_file() and (files / f"{chart}.csv").is_file()
    quotes = pd.read_csv(out / "03_quote_attribution_files" / "quotes.csv")
    assert "Piet Adler" in set(quotes["speaker"]) and {"direct", "partial"} <= set(quotes["type"])
    assert len(pd.read_csv(out / "01_corpus_tour_files" / "removed_lines.csv")) >= 8
    status = pd.read_csv(out / "04_framing_comparison_files" / "alignment_status.csv")
    assert {"matched", "unique"} <= set(status["status"])
    labels = pd.read_csv(out / "04_framing_comparison_files" / "actor_labels.csv")
    assert "Opposition leader" in set(labels["label"])


def test_every_notebook_on_bbc_grouped_by_folder(bbc_small, tmp_path, monkeypatch):
    """A second parameter set on another corpus (BBC folders, no metadata) for every notebook;
    the first run keeps the corpus in the on-disk cache, which the notebooks then share."""
    import yaml

    monkeypatch.setenv("NEWSLIB_CACHE_DIR", str(tmp_path / "cache"))   # inherited by the kernels
    runs = [{"name": "bbc", "corpus": str(bbc_small), "params": {"group_by": "folder", "cache": True}},
            {"name": "bbc_bigrams", "corpus": str(bbc_small),
             "params": {"group_by": "folder", "compare": ["politics", "business"], "kwic_term": "tax",
                        "terms": ["tax", "Blair"], "ngram": 2, "min_count": 1}}]
    pf = tmp_path / "runs.yaml"
    pf.write_text(yaml.safe_dump(runs))
    out = tmp_path / "out"
    code = run_reports(out=str(out), params_file=str(pf), notebooks=None, jobs=2, progress=False,
                       notebook_filter=lambda run, nb: run == "bbc" or nb == "02_term_frequency")
    assert code == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="bbc/04_framing_comparison.html"' in index and 'href="bbc_bigrams/02_term_frequency.html"' in index
    key = pd.read_csv(out / "bbc_bigrams" / "02_term_frequency_files" / "keyness.csv")
    assert len(key) > 50 and key["term"].str.contains(" ").all()
    kw = pd.read_csv(out / "bbc_bigrams" / "02_term_frequency_files" / "kwic.csv")
    assert set(kw["group"]) <= {"politics", "business"} and len(kw) >= 1
    frames = pd.read_csv(out / "bbc" / "04_framing_comparison_files" / "frames_generic.csv")
    assert set(frames["group"]) == {"business", "politics"}
    econ = frames[frames.frame == "economic"].set_index("group")["per_1000"]
    assert econ["business"] > econ["politics"]   # business news leans on the economic frame
    quotes = pd.read_csv(out / "bbc" / "03_quote_attribution_files" / "quotes.csv")
    assert len(quotes) >= 10 and quotes["speaker"].notna().mean() > 0.6
    # share of voice counts each quoted word once and each citation once
    voice = pd.read_csv(out / "bbc" / "03_quote_attribution_files" / "share_of_voice.csv")
    assert {"group", "speaker", "attributions", "quotes", "words"} <= set(voice.columns)
    assert (voice["attributions"] <= voice["quotes"]).all() and (voice["attributions"] < voice["quotes"]).any()
    assert voice["words"].sum() < quotes["quote"].str.split().str.len().sum()     # nested fragments not twice
    assert (out / "bbc" / "05_event_report_files" / "pair1_frames.png").is_file()
    # one cache entry for the corpus, holding the tables the notebooks computed
    entries = [p for p in (tmp_path / "cache").iterdir() if p.is_dir()]
    assert len(entries) == 1
    assert {"articles.parquet", "tokens.parquet", "quotes.parquet"} <= {p.name for p in entries[0].iterdir()}


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_notebook_defaults_on_seeds(nb, tmp_path):
    res = run_notebook(ROOT / "notebooks" / f"{nb}.ipynb", tmp_path, {"output_dir": str(tmp_path / "files")})
    assert res.status == "ok", res.error
    files = tmp_path / "files"
    if nb in ("03_quote_attribution", "05_event_report"):
        # what each outlet did to Raisi's words, as a table and a chart with its data (issue 19)
        fid = pd.read_csv(files / "quote_fidelity.csv")
        pair = fid[fid["group_b"].notna()]
        assert pair[["quote_a", "quote_b", "labels"]].values.tolist() == [
            ["war crimes and genocide", "genocide", "trimmed; verb changed; distancing added"]]
        changes = pd.read_csv(files / "quote_changes.csv")
        assert {"group", "change", "quotes"} <= set(changes.columns) and (files / "quote_changes.png").is_file()
    if nb == "03_quote_attribution":
        kinds = pd.read_csv(files / "speaker_kinds.csv")
        assert set(kinds["speaker_kind"]) <= {"person", "organisation", "group", "unresolved"}
        quotes = pd.read_csv(files / "quotes.csv")
        assert set(quotes.loc[quotes["speaker"].str.contains("Raisi", na=False), "speaker"]) == {"Ebrahim Raisi"}


def test_bad_parameter_and_unknown_notebook_are_one_line_errors(capsys, tmp_path):
    with pytest.raises(ReportError, match=r"unknown parameter\(s\) nope; valid: actor_aliases, .*group_by"):
        run_reports(corpus=str(DEMO), out=str(tmp_path), params=["nope=1"], progress=False)
    with pytest.raises(ReportError, match="must be int"):
        run_reports(corpus=str(DEMO), out=str(tmp_path), notebooks=["02_term_frequency"], params=["top_n=many"],
                    progress=False)
    assert main(["report", "--corpus", str(DEMO), "--out", str(tmp_path), "--notebooks", "99_none"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslib: error: unknown notebook") and err.count("\n") == 1
    assert main(["report", "--corpus", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    assert "corpus not found" in capsys.readouterr().err


def test_failing_notebook_is_reported_and_the_rest_run(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    for name, code in (("01_ok", "x = 1"), ("02_boom", "raise RuntimeError('deliberate failure')")):
        make_notebook(nbdir, name, code)
    out = tmp_path / "out"
    code = run_reports(out=str(out), notebook_dir=nbdir, progress=False)
    assert code == 1
    index = json.loads((out / "index.json").read_text())
    status = {r["notebook"]: r for r in index}
    assert status["01_ok"]["status"] == "ok"
    assert status["02_boom"]["status"] == "failed" and "deliberate failure" in status["02_boom"]["error"]
    assert (out / "02_boom.failed.ipynb").is_file()
    assert "#cf222e" in (out / "index.html").read_text()


def test_student_edition_has_no_solutions(tmp_path):
    import nbformat

    assert main(["student", "--notebooks-dir", str(ROOT / "notebooks"), "--out", str(tmp_path)]) == 0
    for p in tmp_path.glob("*.ipynb"):
        nb = nbformat.read(str(p), as_version=4)
        assert not any("solution" in c.metadata.get("tags", []) for c in nb.cells)
        assert not any("# Solution" in c.source for c in nb.cells)
    src = nbformat.read(str(ROOT / "notebooks" / "02_term_frequency.ipynb"), as_version=4)
    assert any("solution" in c.metadata.get("tags", []) for c in src.cells)


def test_student_edition_runs(tmp_path):
    from newslib.report import write_student_edition

    student = tmp_path / "student"
    write_student_edition(ROOT / "notebooks", student)
    code = run_reports(corpus=str(DEMO), out=str(tmp_path / "out"), notebook_dir=student,
                       notebooks=["00_start_here", "02_term_frequency", "06_explore"], progress=False)
    assert code == 0
    html = (tmp_path / "out" / "06_explore.html").read_text(encoding="utf-8")
    assert "Frames marked in this article" in html      # static views drawn in batch


def test_parameters_are_typed_before_running(tmp_path):
    import nbformat

    from newslib.report import _check

    nb = nbformat.v4.new_notebook()
    p = nbformat.v4.new_code_cell('article_a: str = ""  # id\ntop_n: int = 5  # n\nterms: list = []  # t\n'
                                  'interactive: bool = True  # i')
    p.metadata["tags"] = ["parameters"]
    nb.cells = [p]
    path = tmp_path / "01_x.ipynb"
    nbformat.write(nb, str(path))
    got = _check(path, {"article_a": "007", "top_n": "12", "terms": "oil,gas", "interactive": "no"})
    assert got == {"article_a": "007", "top_n": 12, "terms": ["oil", "gas"], "interactive": False}
    with pytest.raises(ReportError, match="top_n .* must be int"):
        _check(path, {"top_n": "1.5"})


def test_failed_rerun_keeps_the_previous_good_report(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()

    def write(code):
        make_notebook(nbdir, "01_story", code)

    out = tmp_path / "out"
    write("print('good version')")
    assert run_reports(out=str(out), notebook_dir=nbdir, progress=False) == 0
    good = (out / "01_story.html").read_text(encoding="utf-8")
    write("raise ValueError('broken edit')")
    assert run_reports(out=str(out), notebook_dir=nbdir, progress=False) == 1
    assert (out / "01_story.html").read_text(encoding="utf-8") == good      # untouched
    assert "broken edit" in (out / "01_story.failed.html").read_text(encoding="utf-8")
    assert not list(out.glob(".*.running.ipynb"))                          # no half-written leftovers
