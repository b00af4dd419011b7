from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BBC = SHARED / "corpora" / "bbc"
POLNEAR = SHARED / "eval" / "polnear" / "polnear_dev.jsonl"
SYNTHETIC = SHARED / "eval" / "synthetic_cases.jsonl"
DEMO = ROOT / "examples" / "demo"
SEEDS = ROOT / "seeds"
SEED_IDS = ["000_b2f73600e7ed8564", "001_5d07a8dc69e627f0"]

needs_bbc = pytest.mark.skipif(not BBC.is_dir(), reason="../shared/corpora/bbc is absent")
needs_polnear = pytest.mark.skipif(not POLNEAR.is_file(), reason="../shared/eval/polnear is absent")


@pytest.fixture(scope="session")
def bbc_small(tmp_path_factory):
    """Twelve BBC articles (politics and business) copied to a temporary folder."""
    if not BBC.is_dir():
        pytest.skip("../shared/corpora/bbc is absent")
    root = tmp_path_factory.mktemp("bbc_small")
    for folder in ("politics", "business"):
        (root / folder).mkdir()
        for i in range(1, 7):
            src = BBC / folder / f"{i:03d}.txt"
            (root / folder / src.name).write_bytes(src.read_bytes())
    return root


def make_notebook(folder, name: str, code: str) -> None:
    """Write a tiny notebook with a parameters cell (corpus, output_dir) and one code cell."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    p = nbformat.v4.new_code_cell('corpus: str = "x"  # c\noutput_dir: str = ""  # o')
    p.metadata["tags"] = ["parameters"]
    nb.cells = [p, nbformat.v4.new_code_cell(code)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(folder / f"{name}.ipynb"))
