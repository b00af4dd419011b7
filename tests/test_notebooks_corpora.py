"""Every notebook on the corpora a user brings: the seeds found from the repository root with no
corpus given, a flat folder of BBC articles (one outlet: articles compared instead), three
outlets (heat maps, every pair), and a single article. Executed with papermill, each cell under a
timeout, two notebooks at a time; the tests read what the notebooks wrote (outputs and CSV files),
not only that they ran.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
from conftest import BBC, ROOT, SEED_IDS, SEEDS

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
COMPARING = ["02_term_frequency", "04_framing_comparison", "05_event_report", "06_explore"]
TIMEOUT = 120  # seconds per cell


def _execute(task: tuple[str, str, str, dict]) -> tuple[str, str]:
    """Run one notebook with papermill in ``cwd``; return (output path, error or "")."""
    import papermill as pm

    nb, out, cwd, params = task
    os.environ.pop("MPLBACKEND", None)      # Agg would drop every figure silently
    try:
        pm.execute_notebook(nb, out, parameters=params, kernel_name="python3", cwd=cwd, progress_bar=False,
                            execution_timeout=TIMEOUT, log_output=False)
    except Exception as exc:  # noqa: BLE001 - reported by the test that reads it
        return out, f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}"
    return out, ""


def _corpora(tmp: Path) -> dict[str, Path | None]:
    one = tmp / "one"                           # one seed article, no metadata: outlet "unknown"
    one.mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[1]}.txt", one / "article.txt")
    found: dict[str, Path | None] = {"one": one, "flat": None, "three": None}
    if BBC.is_dir():
        flat = tmp / "flat"                     # four BBC politics articles, one folder, no metadata
        flat.mkdir()
        for i in range(1, 5):
            shutil.copy(BBC / "politics" / f"{i:03d}.txt", flat / f"{i:03d}.txt")
        three = tmp / "three"                   # three outlets named in metadata.csv
        three.mkdir()
        rows = ["id,outlet,date,url,title"]
        for desk in ("business", "politics", "tech"):
            for i in (1, 2):
                shutil.copy(BBC / desk / f"{i:03d}.txt", three / f"{desk}_{i}.txt")
                rows.append(f"{desk}_{i},The {desk.title()} Desk,,,")
        (three / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        found.update(flat=flat, three=three)
    return found


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Execute every (corpus, notebook) once, two at a time; {(corpus, notebook): (out, error)}."""
    tmp = tmp_path_factory.mktemp("nb_corpora")
    corpora = _corpora(tmp)
    tasks, keys = [], []
    for name, corpus in (("seeds", None), *corpora.items()):
        if name != "seeds" and corpus is None:
            continue
        for nb in NOTEBOOKS:
            if name == "three" and nb not in ("04_framing_comparison", "05_event_report"):
                continue
            out_dir = tmp / "out" / name
            out_dir.mkdir(parents=True, exist_ok=True)
            params = {"output_dir": str(out_dir / f"{nb}_files")}
            if corpus is not None:           # seeds: no corpus parameter, the default must be found
                params["corpus"] = str(corpus)
                if nb == "06_explore":
                    params["interactive"] = False
            # from the repository root, as `papermill notebooks/02_term_frequency.ipynb out.ipynb` runs
            tasks.append((str(ROOT / "notebooks" / f"{nb}.ipynb"), str(out_dir / f"{nb}.ipynb"), str(ROOT), params))
            keys.append((name, nb))
    with ProcessPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(_execute, tasks))
    return dict(zip(keys, results, strict=True)), corpora


def _outputs(path: str) -> tuple[str, int]:
    """All text the reader sees (streams, HTML, plain text) and the number of images."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    texts, images = [], 0
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            if o["output_type"] == "error":
                texts.append(f"ERROR {o.get('ename')}: {o.get('evalue')}")
            texts.append("".join(o.get("text", "")))
            data = o.get("data", {})
            texts.append("".join(data.get("text/html", "")) or "".join(data.get("text/plain", "")))
            images += "image/png" in data
    return "\n".join(texts), images


def _result(runs, corpus: str, nb: str) -> tuple[str, int, Path]:
    results, corpora = runs
    if (corpus, nb) not in results:
        pytest.skip(f"corpus {corpus!r} needs ../shared/corpora/bbc")
    out, error = results[(corpus, nb)]
    assert not error, f"{nb} on {corpus}: {error}"
    text, images = _outputs(out)
    assert "ERROR" not in text and "Traceback" not in text, f"{nb} on {corpus}"
    return text, images, Path(out).parent / f"{nb}_files"


BAD_PLURALS = re.compile(r"(?<![\d,.])1 (files|problems|articles|sentences|quotes|terms|lines)\b")


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_defaults_from_the_repository_root_find_the_seeds(runs, nb):
    text, images, files = _result(runs, "seeds", nb)
    assert "corpus not found" not in text
    assert "Series([]" not in text                       # every solution shows something
    assert not BAD_PLURALS.search(text), BAD_PLURALS.search(text)
    if nb != "06_explore":                               # 06's figure lives in its widgets
        assert images >= 1, f"{nb} drew no figure"
    if nb in COMPARING:
        assert "Comparing 2 outlets: Iran International with The Election Post." in text
    if nb == "00_start_here":
        assert set(pd.read_csv(files / "articles.csv")["id"]) == set(SEED_IDS)
        assert "2 articles read; 1 file skipped; notebook 01" in text     # the seeds' README.md, said in the singular
    if nb == "02_term_frequency":
        kw = pd.read_csv(files / "kwic.csv")
        assert len(kw) == 4 and set(kw["group"]) == {"Iran International", "The Election Post"}
    if nb == "03_quote_attribution":
        assert "direct" in text and "partial" in text    # the crosstab, not an empty Series
    if nb == "05_event_report":
        assert {"frames.csv", "actors.csv", "tone.csv", "pair1_frames.png", "pair1_unique_sentences.csv"} <= \
            {p.name for p in files.iterdir()}


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_one_outlet_compares_articles_instead(runs, nb):
    text, _, files = _result(runs, "flat", nb)
    if nb in COMPARING:
        assert text.count("compares articles instead") >= 1, nb
        assert "All 4 articles have the same outlet (unknown)" in text
    if nb == "02_term_frequency":
        key = pd.read_csv(files / "keyness.csv")
        assert len(key) > 20                              # article 001 against article 002
    if nb == "04_framing_comparison":
        assert set(pd.read_csv(files / "frames_generic.csv")["group"].astype(str).str.zfill(3)) == {"001", "002", "003", "004"}
        assert pd.read_csv(files / "alignment_status.csv")["pair"].nunique() == 3    # max_pairs
    if nb == "05_event_report":
        assert (files / "pair1_frames.png").is_file() and "Reported by one article only" in text


@pytest.mark.parametrize("nb", ["04_framing_comparison", "05_event_report"])
def test_three_outlets_are_compared_together_and_pair_by_pair(runs, nb):
    from PIL import Image

    text, images, files = _result(runs, "three", nb)
    outlets = {"The Business Desk", "The Politics Desk", "The Tech Desk"}
    assert all(o in text for o in outlets)
    assert "Comparing 3 outlets (The Business Desk, The Politics Desk and The Tech Desk)" in text
    frames = "frames_generic" if nb == "04_framing_comparison" else "frames"
    for chart in (frames, "actors"):
        data = pd.read_csv(files / f"{chart}.csv")
        assert set(data["group"]) == outlets, chart       # every outlet in one chart
        w, h = Image.open(files / f"{chart}.png").size
        assert w > 1.8 * h, f"{chart} is not an outlet × item heat map ({w}×{h})"
    assert images >= 5
    if nb == "04_framing_comparison":
        pairs = set(pd.read_csv(files / "alignment_status.csv")["pair"])
        assert len(pairs) == 3 and (files / "alignment_3.png").is_file()
    else:
        assert all((files / f"pair{k}_frames.png").is_file() for k in (1, 2, 3))


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_one_article_says_what_it_cannot_compare(runs, nb):
    text, images, files = _result(runs, "one", nb)
    if nb in COMPARING:
        assert "One article only (article)" in text
    if nb == "02_term_frequency":
        assert "Keyness, with the charts and intervals that follow, compares two groups: left out" in text
        assert not (files / "keyness.csv").exists() and (files / "kwic.csv").is_file()   # the rest is shown
    if nb == "04_framing_comparison":
        assert "Alignment compares two groups: left out" in text and (files / "frames_generic.csv").is_file()
    if nb == "05_event_report":
        assert (files / "frames.csv").is_file() and not (files / "pair1_frames.png").exists()
    if nb not in ("06_explore",):
        assert images >= 1


def test_notebooks_declare_the_installed_kernel_and_05_hides_its_code():
    import nbformat
    from ipykernel.kernelspec import get_kernel_dict

    installed = get_kernel_dict()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        spec = nbformat.read(str(path), as_version=4).metadata["kernelspec"]
        assert spec == {"name": "python3", "display_name": installed["display_name"], "language": "python"}, path
    meta = nbformat.read(str(ROOT / "notebooks" / "05_event_report.ipynb"), as_version=4).metadata
    assert meta["newslib"] == {"no_input": True}


def test_the_lab_copy_leaves_the_tracked_notebooks_alone(tmp_path, monkeypatch):
    """`make lab` works on copies in a self-ignoring folder; from there the seeds are found."""
    from newslib.notebook import lab_copy, resolve_corpus

    before = {p.name: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")}
    work = tmp_path / "work"
    assert len(lab_copy(ROOT / "notebooks", work)) == len(before)
    (work / "02_term_frequency.ipynb").write_text("{}")          # the user's edits and outputs
    assert lab_copy(ROOT / "notebooks", work) == []               # kept, nothing to say
    assert (work / "02_term_frequency.ipynb").read_text() == "{}"
    assert (work / ".gitignore").read_text().strip().endswith("*")
    assert {p.name: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")} == before
    monkeypatch.chdir(ROOT / "notebooks")
    assert resolve_corpus("seeds") == str(SEEDS.resolve())
    assert "-m newslib.notebook" in (ROOT / "Makefile").read_text()
