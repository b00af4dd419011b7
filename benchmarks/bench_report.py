"""Time `newslib report` against a floor measured in the same run.

    python benchmarks/bench_report.py [--corpus PATH] [--jobs N]

Floor: the same number of notebooks, each only importing newslib, pandas and matplotlib, run by
the same report machinery (papermill, nbconvert, index). The ratio report / floor says how much
the notebooks' own work adds to the unavoidable cost of starting kernels and rendering HTML.
Also prints the import time of newslib (nothing heavy may happen at import). Default corpus:
seeds/ when its article files are present, else examples/demo.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def floor_notebooks(folder: Path, n: int) -> None:
    import nbformat

    for i in range(n):
        nb = nbformat.v4.new_notebook()
        p = nbformat.v4.new_code_cell('corpus: str = "x"  # corpus\noutput_dir: str = ""  # out')
        p.metadata["tags"] = ["parameters"]
        nb.cells = [p, nbformat.v4.new_code_cell("%matplotlib inline\nimport matplotlib.pyplot as plt\n"
                                                 "import pandas as pd\n\nimport newslib")]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, str(folder / f"{i:02d}_floor.ipynb"))


def main(argv: list[str] | None = None) -> int:
    from newslib.report import NOTEBOOK_DIR, run_reports

    seeds = ROOT / "seeds"
    default = seeds if any(seeds.glob("*.txt")) else ROOT / "examples" / "demo"
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", default=str(default))
    p.add_argument("--jobs", type=int, default=2)
    a = p.parse_args(argv)
    imp = subprocess.run([sys.executable, "-X", "importtime", "-c", "import newslib"], capture_output=True, text=True)
    total_us = sum(int(line.split("|")[1]) for line in imp.stderr.splitlines()[1:] if line.count("|") == 2
                   and line.split("|")[1].strip().isdigit())
    bare = subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); import newslib; "
                           "print(time.perf_counter()-t)"], capture_output=True, text=True).stdout.strip()
    n = len(list(NOTEBOOK_DIR.glob("[0-9]*.ipynb")))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "nbs").mkdir()
        floor_notebooks(tmp / "nbs", n)
        t0 = time.perf_counter()
        run_reports(out=str(tmp / "floor"), notebook_dir=tmp / "nbs", jobs=a.jobs, progress=False)
        floor = time.perf_counter() - t0
        t0 = time.perf_counter()
        code = run_reports(corpus=a.corpus, out=str(tmp / "real"), jobs=a.jobs, progress=False)
        real = time.perf_counter() - t0
    print(f"import newslib: {float(bare):.3f} s (cumulative import-time entries {total_us / 1e6:.3f} s)")
    print(f"corpus {a.corpus}; {n} notebooks; jobs {a.jobs}")
    print(f"floor (notebooks that only import): {floor:.1f} s")
    print(f"newslib report: {real:.1f} s (exit {code})")
    print(f"ratio report / floor: {real / floor:.2f}  (target <= 1.5, goal 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
