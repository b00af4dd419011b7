"""Larger than memory: 1x, 5x and 10x the BBC corpus through newslib.cluster, time and peak memory.

    python benchmarks/bench_cluster.py [--corpus PATH] [--copies 1,5,10] [--repeat 3]
                                       [--workers 2] [--memory-limit 1GB] [--files-per-partition 250]
                                       [--dask-log-length 100]

Builds the larger corpora under a temporary folder as hard links to the same files (no copy
of the texts; a plain copy where hard links are refused), each copy under its own folder
``copyNN/`` so that every article has its own id; the outlet folders stay the same. Each run is
a fresh Python process that starts a ``dask.distributed.LocalCluster`` (``--workers`` worker
processes, one thread each, ``--memory-limit`` per worker), imports newslib in the workers,
then times :func:`newslib.cluster.process_corpus` writing every table to Parquet. Peak
memory is measured where it happens:

* per worker: ``ru_maxrss`` of each worker process (the kernel's high-water mark), read in
  the worker at the end; beside it the worker's resident memory once newslib is imported,
  before any work (so the difference is what processing adds);
* client: ``ru_maxrss`` of the run's own process, which in a LocalCluster holds the client,
  the scheduler and the nannies;
* in all: the largest total resident memory of the run's process and every process below it
  (the workers), sampled every 20 ms while ``process_corpus`` runs (not during the cluster's
  start-up, when processes being forked count this process's pages twice).

``CPU s`` is the processor time the workers used while ``process_corpus`` ran: on a shared
machine it grows less with other people's work than the seconds do, so it is the steadier
check that the work is linear.

Dask keeps recent diagnostics for ``distributed.admin.low-level-log-length`` entries (1000 by
default): the scheduler the last messages to each worker (each holding a partition's file
names) and every worker a one-second profile per entry. Both are bounded, but until they fill
(about 1000 partitions per worker) they grow with the run and hide whether newslib's memory is
flat; the benchmark sets 100 (``--dask-log-length``, 0 for Dask's default).

The sizes alternate round by round so that every size meets the same phases of a shared
machine; seconds and CPU seconds are the fastest of ``--repeat`` rounds (other work only adds
time), memory the largest of the rounds (the conservative figure). Ratios are against 1x in the
same run. From the rate at the largest size it prints what a 1,000,000-article corpus would
take here and on 16 workers, assuming time linear in articles and in workers at the same
per-worker rate (scheduler overhead ignored); and the same from the processor time, for workers
that each have a core to themselves.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "bbc"
MB = 1024 * 1024


def build_copies(src: Path, dest: Path, copies: int) -> int:
    """``dest/copyNN/<outlet>/<file>`` for NN in 1..copies, hard-linked to the ``.txt`` files of
    ``src`` (newslib does not follow symbolic links); returns how many files."""
    files = sorted(p for p in src.rglob("*.txt") if p.parent != src)
    for k in range(1, copies + 1):
        for f in files:
            target = dest / f"copy{k:02d}" / f.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(f, target)
            except OSError:
                shutil.copyfile(f, target)
    return len(files) * copies


def _rss_tree(proc) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _worker_maxrss() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux


def _cpu() -> float:
    """Processor seconds (user + system) this worker process has used."""
    import psutil

    t = psutil.Process().cpu_times()
    return t.user + t.system


def _warm() -> int:
    """What a first task would do once: import newslib and look up ``malloc_trim`` (which runs
    ``ldconfig`` in a forked child, briefly counted twice by the sampling); the worker's
    resident memory then."""
    import psutil

    import newslib.cluster  # noqa: F401
    from newslib import _parallel

    _parallel.release_memory()
    return psutil.Process().memory_info().rss


def one_run(corpus: str, workers: int, memory_limit: str, files_per_partition: int) -> dict:
    """In a fresh process: start the cluster, process ``corpus`` to Parquet, measure."""
    import resource

    import psutil
    from dask.distributed import Client, LocalCluster

    from newslib.cluster import process_corpus

    me = psutil.Process()
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], _rss_tree(me))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    out_dir = Path(tempfile.mkdtemp(prefix="newslib_bench_cluster_out_"))
    try:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=memory_limit,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            start = list(client.run(_warm).values())
            sampler.start()  # from here: start-up forks (copies of this process) are not counted
            cpu0 = client.run(_cpu)
            t = time.perf_counter()
            summary = process_corpus(corpus, out_dir, client=client, files_per_partition=files_per_partition)
            seconds = time.perf_counter() - t
            cpu = sum(c - cpu0[w] for w, c in client.run(_cpu).items())
            worker_peaks = list(client.run(_worker_maxrss).values())
            stop.set()
            sampler.join()
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        parquet = sum(f.stat().st_size for f in out_dir.rglob("*.parquet"))
    finally:
        stop.set()
        shutil.rmtree(out_dir, ignore_errors=True)
    return {"articles": summary["articles"], "partitions": summary["partitions"], "seconds": seconds,
            "cpu": cpu, "worker_peaks": worker_peaks, "worker_start": start, "self_peak": self_peak, "total_peak": peak[0], "parquet": parquet}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--copies", default="1,5,10")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--memory-limit", default="1GB")
    ap.add_argument("--files-per-partition", type=int, default=250)
    ap.add_argument("--dask-log-length", type=int, default=100,
                    help="distributed.admin.low-level-log-length for the run (Dask's default: 1000); 0 keeps "
                         "Dask's default")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: one run on this folder, JSON out
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.workers, args.memory_limit, args.files_per_partition)))
        return

    src = Path(args.corpus)
    if not src.is_dir():
        sys.exit(f"corpus folder not found: {src}")
    copies = [int(c) for c in args.copies.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="newslib_bench_cluster_"))
    try:
        folders = {}
        for c in copies:
            folders[c] = tmp / f"x{c}"
            build_copies(src, folders[c], c)
        runs: dict[int, list[dict]] = {c: [] for c in copies}
        env = dict(os.environ)
        if args.dask_log_length:  # the workers are spawned from the run process: they inherit it
            env["DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH"] = str(args.dask_log_length)
        for r in range(args.repeat):
            for c in copies:
                cmd = [sys.executable, __file__, "--one", str(folders[c]), "--workers", str(args.workers),
                       "--memory-limit", args.memory_limit, "--files-per-partition", str(args.files_per_partition)]
                done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
                if done.returncode:
                    sys.exit(f"run failed ({c}x):\n{done.stderr[-3000:]}")
                res = json.loads(done.stdout.strip().splitlines()[-1])
                runs[c].append(res)
                print(f"  round {r + 1} {c:>2}x: {res['seconds']:6.1f} s, worker peak "
                      f"{max(res['worker_peaks']) / MB:5.0f} MB, in all {res['total_peak'] / MB:5.0f} MB",
                      file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    load = os.getloadavg()
    print(f"newslib.cluster on a LocalCluster: {args.workers} workers x 1 thread, memory_limit={args.memory_limit} "
          f"per worker, {args.files_per_partition} files per partition, distributed.admin.low-level-log-length="
          f"{args.dask_log_length or 'default'}; fastest of {args.repeat} "
          f"(memory: largest of {args.repeat}); load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    head = (f"{'copies':>6} {'articles':>8} {'parts':>5} {'seconds':>7} {'art/s':>5} {'CPU s':>6} "
            f"{'worker MB':>9} {'(start)':>7} {'client MB':>9} {'all MB':>6} {'time/1x':>7} {'CPU/1x':>6} "
            f"{'worker/1x':>9} {'all/1x':>6}")
    print(head)
    print("-" * len(head))
    base = None
    rows = []
    for c in copies:
        rs = runs[c]
        sec = min(r["seconds"] for r in rs)
        cpu = min(r["cpu"] for r in rs)
        wpk = max(max(r["worker_peaks"]) for r in rs)
        start = max(max(r["worker_start"]) for r in rs)
        cli = max(r["self_peak"] for r in rs)
        tot = max(r["total_peak"] for r in rs)
        row = (c, rs[0]["articles"], rs[0]["partitions"], sec, wpk, tot, rs[0]["parquet"], cpu)
        rows.append(row)
        if base is None:
            base = row
        print(f"{c:>5}x {row[1]:>8,} {row[2]:>5} {sec:>7.1f} {row[1] / sec:>5.0f} {cpu:>6.1f} {wpk / MB:>9.0f} "
              f"{start / MB:>7.0f} {cli / MB:>9.0f} {tot / MB:>6.0f} {sec / base[3]:>6.2f}x {cpu / base[7]:>5.2f}x "
              f"{wpk / base[4]:>8.2f}x {tot / base[5]:>5.2f}x")
    last = rows[-1]
    rate = last[1] / last[3]
    per_worker = rate / args.workers
    n = 1_000_000
    here, wide = n / rate, n / (per_worker * 16)
    cpu_rate = last[1] / last[7]  # articles per worker processor second
    print(f"\nrate at {last[0]}x: {rate:.0f} articles/s on {args.workers} workers ({per_worker:.0f} per worker); "
          f"{cpu_rate:.0f} articles per worker processor second")
    print(f"1,000,000 articles: {here / 60:.0f} min here ({args.workers} workers); {wide / 60:.1f} min on 16 "
          f"workers (time linear in articles and in workers at the same per-worker rate; scheduler ignored)")
    print(f"  from the processor time (each worker with a core of its own, as on an idle machine): "
          f"{n / cpu_rate / args.workers / 60:.0f} min here; {n / cpu_rate / 16 / 60:.1f} min on 16 workers")
    print(f"Parquet written: {last[6] / MB:.0f} MB for {last[1]:,} articles, so about "
          f"{last[6] / last[1] * n / 1024**3:.1f} GB for 1,000,000")

if __name__ == "__main__":
    main()
