"""Mistakes a new user made with the ``newslib`` command: each is one line on stderr and exit
status 2, found before any notebook starts; reports in a reused folder say which files are
this run's; counts are said right ("1 article", not "1 articles")."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, SEEDS, make_notebook

from newslib.cli import main
from newslib.report import run_reports


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("newslib: error: ") and err.count("\n") == 1, err
    return err


def _nothing_ran(out: Path) -> bool:
    return not out.exists() or not [p for p in out.rglob("*") if p.suffix in (".html", ".json", ".ipynb")]


def _corpus(root: Path, n: int = 2) -> Path:
    """``n`` short articles of two outlets, with metadata (one extra column: ``region``)."""
    root.mkdir()
    rows = ["id,outlet,date,region"]
    for i in range(n):
        outlet = "Daily Bugle" if i % 2 == 0 else "Planet"
        (root / f"a{i}.txt").write_text(f"Port deal {i}\n\nThe port deal was signed, officials said. "
                                        f"“It is a good day,” Ana Silva said.", encoding="utf-8")
        rows.append(f"a{i},{outlet},2024-01-0{i + 1},north")
    (root / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


# ---------------------------------------------------------------- 1. a corpus without articles
def test_report_on_an_empty_corpus_is_the_one_line_info_gives_and_runs_nothing(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["info", str(empty)]) == 2
    info_err = _one_line_error(capsys)
    out = tmp_path / "out"
    assert main(["report", "--corpus", str(empty), "--out", str(out), "--quiet"]) == 2
    assert _one_line_error(capsys) == info_err
    assert "no article found" in info_err
    assert _nothing_ran(out)


def test_a_corpus_of_unreadable_files_names_the_reason(tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "blank.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "--corpus", str(bad), "--out", str(out), "--notebooks", "01"]) == 2
    err = _one_line_error(capsys)
    assert "no article found" in err and "blank.txt" in err
    assert _nothing_ran(out)


# ---------------------------------------------------------------- 2. parameters checked up front
BAD = [
    (["-p", "top_n=-5"], "top_n"),
    (["-p", "top_n=0"], "top_n"),
    (["-p", "top_n=100000"], "top_n"),
    (["-p", "ngram=7"], "ngram"),
    (["-p", "ngram=0"], "ngram"),
    (["-p", "min_count=-1"], "min_count"),
    (["-p", "max_pairs=-2"], "max_pairs"),
    (["-p", "group_by=nosuchcolumn"], "group_by"),
    (["-p", "group_by=captions"], "group_by"),
    (["-p", "group_by=removed"], "group_by"),
    (["-p", "compare=foo"], "compare"),
    (["-p", "compare=Daily Bugle,foo"], "compare"),
    (["-p", "frame_lexicon=no_such_lexicon.csv"], "frame_lexicon"),
    (["-p", "policy_lexicon=nowhere/policy.csv"], "policy_lexicon"),
    (["-p", "actor_aliases=no_aliases.csv"], "actor_aliases"),
    # a table of another kind: shipped or the user's, its name passed and the notebook failed
    (["-p", "frame_lexicon=actors.csv"], "frame_lexicon"),
    (["-p", "actor_aliases=frames_generic.csv"], "actor_aliases"),
    (["-p", "article_a=no_such_article"], "article_a"),
    (["--jobs", "0"], "jobs"),
    (["--jobs", "-1"], "jobs"),
    (["--timeout", "0"], "timeout"),
    (["--timeout", "-3"], "timeout"),
]


@pytest.mark.parametrize("extra, name", BAD, ids=[" ".join(e) for e, _ in BAD])
def test_a_bad_parameter_is_one_line_before_any_notebook_runs(tmp_path, capsys, extra, name):
    corpus = _corpus(tmp_path / "c")
    out = tmp_path / "out"
    code = main(["report", "--corpus", str(corpus), "--out", str(out), "--quiet",
                 "--notebooks", "02", "04", *extra])
    assert code == 2
    assert name in _one_line_error(capsys)
    assert _nothing_ran(out)


def test_group_by_offers_only_columns_that_make_groups(tmp_path, capsys):
    corpus = _corpus(tmp_path / "c")
    assert main(["report", "--corpus", str(corpus), "--out", str(tmp_path / "out"),
                 "--notebooks", "02", "-p", "group_by=nosuchcolumn"]) == 2
    err = _one_line_error(capsys)
    choices = err.rsplit(":", 1)[1]
    for good in ("outlet", "folder", "id", "date", "region"):        # region: the corpus's own metadata
        assert good in choices
    for meaningless in ("captions", "removed", "text", "words", "source_path"):
        assert meaningless not in choices


def test_the_default_corpus_is_checked_too(tmp_path, capsys):
    """Without --corpus the notebooks read their default (the seeds): group_by and compare are
    checked against it all the same."""
    assert main(["report", "--out", str(tmp_path / "out"), "--notebooks", "02", "-p", "compare=foo"]) == 2
    err = _one_line_error(capsys)
    assert "compare" in err and "Iran International" in err          # the seeds' outlets


def test_good_parameters_pass_the_check_and_file_paths_become_absolute(tmp_path, monkeypatch):
    """Bounds that the notebooks support are accepted; a lexicon given relative to where the
    command runs reaches the kernel (which runs in the notebook folder) as an absolute path."""
    corpus = _corpus(tmp_path / "c", n=3)
    nothing = {"notebook_filter": lambda run, nb: False, "progress": False}
    ok = ["top_n=1", "ngram=3", "min_count=1", "max_pairs=1", "group_by=date", "group_by=region",
          "compare=Planet", "compare=Daily Bugle,Planet", "frame_lexicon=policy", "article_a=a1"]
    for p in ok:
        assert run_reports(corpus=str(corpus), out=str(tmp_path / "out"), params=[p], **nothing) == 0, p
    # one group under group_by: the notebooks set compare aside and compare articles instead
    assert run_reports(corpus=str(corpus), out=str(tmp_path / "out"), params=["group_by=region", "compare=x"],
                       **nothing) == 0
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('frame_lexicon: str = "generic"  # l\noutput_dir: str = ""  # o')
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell("x = 1")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(nbs / "01_lex.ipynb"))
    (tmp_path / "mine.csv").write_text("term,frame,provenance\nport,economic,test\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out2"
    assert run_reports(out=str(out), notebook_dir=nbs, params=["frame_lexicon=mine.csv"], progress=False) == 0
    (row,) = json.loads((out / "index.json").read_text())
    assert row["params"]["frame_lexicon"] == str(tmp_path / "mine.csv")


# ---------------------------------------------------------------- 3. student --out a file
def test_student_into_an_existing_file_is_one_line_like_report(tmp_path, capsys):
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    assert main(["report", "--corpus", str(SEEDS), "--out", str(blocker), "--notebooks", "00"]) == 2
    report_err = _one_line_error(capsys)
    assert main(["student", "--notebooks-dir", str(ROOT / "notebooks"), "--out", str(blocker)]) == 2
    student_err = _one_line_error(capsys)
    assert student_err == report_err and "cannot write to" in student_err
    assert blocker.read_text(encoding="utf-8") == "x"


# ---------------------------------------------------------------- 4. a reused output folder
def test_a_notebook_that_succeeds_again_leaves_no_failed_copy(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    out = tmp_path / "out"
    make_notebook(nbs, "01_story", "raise ValueError('broken edit')")
    assert run_reports(out=str(out), notebook_dir=nbs, progress=False) == 1
    assert (out / "01_story.failed.html").is_file() and (out / "01_story.failed.ipynb").is_file()
    make_notebook(nbs, "01_story", "print('fixed')")
    assert run_reports(out=str(out), notebook_dir=nbs, progress=False) == 0
    assert sorted(p.name for p in out.glob("01_story*")) == ["01_story.html", "01_story.ipynb"]


def test_the_index_says_which_reports_are_from_an_earlier_run(tmp_path, capsys):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    out = tmp_path / "out"
    make_notebook(nbs, "01_a", "x = 1")
    make_notebook(nbs, "02_b", "y = 2")
    assert run_reports(out=str(out), notebook_dir=nbs, progress=False) == 0
    # this run: 01_a only, and it fails; 02_b.html and the good 01_a.html stay from the first run
    make_notebook(nbs, "01_a", "raise ValueError('broken edit')")
    assert run_reports(out=str(out), notebook_dir=nbs, notebooks=["01_a"], progress=False) == 1
    rows = [(r["notebook"], r["html"], r["status"]) for r in json.loads((out / "index.json").read_text())]
    assert rows == [("01_a", "01_a.failed.html", "failed")]             # this run's notebooks only
    page = (out / "index.html").read_text(encoding="utf-8")
    this_run, earlier = page.split("From an earlier run")
    assert 'href="01_a.failed.html"' in this_run and 'href="01_a.html"' not in this_run
    assert 'href="01_a.html"' in earlier and 'href="02_b.html"' in earlier
    assert "01_a.failed" not in earlier


# ---------------------------------------------------------------- 5. counts said right
def test_counts_are_said_right(tmp_path, capsys):
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_text("Head\n\nBody of the text here.", encoding="utf-8")
    (one / "skipped.txt").write_text("", encoding="utf-8")
    assert main(["info", str(one)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 article, ") and "\n1 problem\n" in out
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs, "01_a", "x = 1")
    assert main(["student", "--notebooks-dir", str(nbs), "--out", str(tmp_path / "student")]) == 0
    assert capsys.readouterr().out.startswith("wrote 1 student notebook to ")
    assert run_reports(out=str(tmp_path / "rep"), notebook_dir=nbs, progress=False) == 0
    assert capsys.readouterr().out.startswith("1 of 1 notebook ok in ")
    page = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert "1 notebook ·" in page
