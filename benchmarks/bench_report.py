"""Time `newslib report` against a floor measured in the same run.

    python benchmarks/bench_report.py [--corpus PATH] [--jobs N]

Floor: the same number of notebooks, each only importing newslib, pandas and matplotlib, run by
the same report machinery (papermill, nbconvert, index). The ratio report / floor says how much
the notebooks' own work adds to the unavoidable cost of starting kernels and rendering HTML.
Each figure is the fastest of --repeat runs (floor and report alternating). Also prints the import time of newslib (nothing heavy may happen at import). Default corpus:
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
    from newslib.report import DEFAULT_JOBS, NOTEBOOK_DIR, run_reports

    seeds = ROOT / "seeds"
    default = seeds if any(seeds.glob("*.txt")) else ROOT / "examples" / "demo"
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", default=str(default))
    p.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help="newslib report's default")
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args(argv)
    imp = subprocess.run([sys.executable, "-X", "importtime", "-c", "import newslib"], capture_output=True, text=True)
    total_us = sum(int(line.split("|")[1]) for line in imp.stderr.splitlines()[1:] if line.count("|") == 2
                   and line.split("|")[1].strip().isdigit())
    bare = subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); import newslib; "
                           "print(time.perf_counter()-t)"], capture_output=True, text=True).stdout.strip()
    n = len(list(NOTEBOOK_DIR.glob("[0-9]*.ipynb")))
    floors, reals, code = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "nbs").mkdir()
        floor_notebooks(tmp / "nbs", n)
        for k in range(a.repeat):     # alternating, so both meet the same phases of a shared machine
            t0 = time.perf_counter()
            run_reports(out=str(tmp / f"floor{k}"), notebook_dir=tmp / "nbs", jobs=a.jobs, progress=False)
            floors.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            code = run_reports(corpus=a.corpus, out=str(tmp / f"real{k}"), jobs=a.jobs, progress=False) or code
            reals.append(time.perf_counter() - t0)
    floor, real = min(floors), min(reals)
    print(f"import newslib: {float(bare):.3f} s (cumulative import-time entries {total_us / 1e6:.3f} s)")
    print(f"corpus {a.corpus}; {n} notebooks; jobs {a.jobs}; fastest of {a.repeat} runs each, alternating")
    print(f"floor (notebooks that only import): {floor:.1f} s  (runs: {', '.join(f'{x:.1f}' for x in floors)})")
    print(f"newslib report: {real:.1f} s (exit {code})  (runs: {', '.join(f'{x:.1f}' for x in reals)})")
    print(f"ratio report / floor: {real / floor:.2f}  (target <= 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
