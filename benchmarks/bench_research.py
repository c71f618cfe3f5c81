"""Measure the researcher's side on a large corpus: the build, the corpus reports, a place report, and
the exploration calls, with the time and peak memory of every process.

    python benchmarks/bench_research.py --work /tmp/bench --mb 1000            # everything, 1 GB
    python benchmarks/bench_research.py --work /tmp/bench --steps corpus,place # reports on a built corpus
    python benchmarks/bench_research.py --work /tmp/bench --mb 10000 --steps build --jieba-mb 20

``--work`` holds ``raw/`` (a synthetic corpus of the raw documents' real paragraphs, made by
``bench_build.make_corpus`` when missing), ``processed/`` and ``reports/``. Each step runs as its own
command; a sampler reads every process of the command's tree (the report runner and each notebook's
kernel, the build's workers) from /proc five times a second and keeps its peak resident memory
(VmHWM). Exploration calls run each in a fresh process, so the time of the first call includes
reading what it needs. The jieba reference is bare ``jieba.lcut`` over the first ``--jieba-mb`` of the
built texts, scaled to the whole corpus by characters (jieba's time is linear in the text).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_build import make_corpus, time_jieba  # noqa: E402

# Each exploration call in a fresh interpreter: the import of helpers is timed apart from the call
EXPLORE = """
import json, sys, time
started = time.perf_counter()
from helpers import selection
from helpers.reports import explore
from helpers.themes import theme_analysis
imported = time.perf_counter() - started
chosen = selection.select(sys.argv[1], place=sys.argv[2])
call = sys.argv[3]
started = time.perf_counter()
if call == "kwic":
    rows = len(theme_analysis.kwic(sys.argv[4], chosen))
elif call == "search":
    rows = len(explore.search_documents(sys.argv[4], chosen))
else:
    rows = len(explore.lookup_indicators(chosen, indicator=sys.argv[4], kind=sys.argv[5] if len(sys.argv) > 5 else None))
print(json.dumps({"import_s": imported, "call_s": time.perf_counter() - started, "rows": rows}))
"""
EXPLORE_CALLS = [
    ("kwic 项目为王 (first 200 lines)", "all", ["kwic", "项目为王"]),
    ("kwic 辽沈战役 (rare: every text searched)", "all", ["kwic", "辽沈战役"]),
    ("kwic 不在语料里 (absent: every text searched)", "all", ["kwic", "不在语料里"]),
    ("kwic 带土移植, one place (liaoyang)", "liaoyang", ["kwic", "带土移植"]),
    ("search_documents 带土移植 (every text counted)", "all", ["search", "带土移植"]),
    ("search_documents 辽沈战役, one place (panjin)", "panjin", ["search", "辽沈战役"]),
    ("lookup_indicators gdp", "all", ["lookup", "gdp"]),
    ("lookup_indicators gdp target, one place (liaoyang)", "liaoyang", ["lookup", "gdp", "target"]),
]


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry))
            except (OSError, IndexError, ValueError):  # the process ended while we looked
                continue
    return found


def _peak_kb(pid: int) -> tuple[int, str] | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:  # the process ended while we looked
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]), command
    return None


def run_measured(command: list[str], **kwargs) -> tuple[float, dict[int, tuple[int, str]], subprocess.CompletedProcess]:
    """(wall seconds, {pid: (peak kB, command line)} of every process of the tree, the finished process)."""
    peaks: dict[int, tuple[int, str]] = {}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    done = threading.Event()

    def sample():
        while not done.is_set():
            tree, queue = [], [process.pid]
            while queue:
                pid = queue.pop()
                tree.append(pid)
                queue.extend(_children(pid))
            for pid in tree:
                peak = _peak_kb(pid)
                if peak and peak[0] >= peaks.get(pid, (0, ""))[0]:
                    peaks[pid] = peak
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return seconds, peaks, subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _kind(command: str) -> str:
    if "ipykernel" in command:
        return "kernel"
    if "helpers report" in command or "helpers build" in command:
        return "runner" if "report" in command else "build"
    return "explore" if command.rstrip().split(" ")[1:2] and command.split(" ")[1].endswith(".py") else command[:30]


def summarize_peaks(peaks: dict[int, tuple[int, str]]) -> str:
    by_kind: dict[str, list[int]] = {}
    for kb, command in peaks.values():
        by_kind.setdefault(_kind(command), []).append(kb)
    return "; ".join(f"{kind} ×{len(kbs)} max {max(kbs) / 1024:,.0f} MB" for kind, kbs in sorted(by_kind.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", required=True, help="folder for raw/, processed/ and reports/")
    parser.add_argument("--mb", type=float, default=1000, help="corpus size when raw/ is made")
    parser.add_argument("--steps", default="build,corpus,place,explore")
    parser.add_argument("--place", default="liaoyang")
    parser.add_argument("--jieba-mb", type=float, default=10, help="text jieba is timed on (then scaled)")
    args = parser.parse_args()
    work = Path(args.work)
    raw, processed, reports = work / "raw", work / "processed", work / "reports"
    steps = set(args.steps.split(","))
    python = sys.executable
    rows = []
    if "build" in steps:
        if not raw.exists():
            raw.mkdir(parents=True)
            make_corpus(raw, args.mb)
        seconds, peaks, done = run_measured([python, "-m", "helpers", "build", "--raw", str(raw), "--processed",
                                             str(processed), "--quiet", "--no-cache"])
        assert done.returncode == 0, done.stderr
        import pyarrow.parquet as pq

        n_chars = sum(pq.read_table(processed / "documents.parquet", columns=["n_chars"])["n_chars"].to_pylist())
        texts, sampled = [], 0
        for batch in pq.ParquetFile(processed / "documents.parquet").iter_batches(columns=["text"], batch_size=64):
            for text in batch.column(0).to_pylist():
                texts.append(text)
                sampled += len(text)
            if sampled >= args.jieba_mb * 1e6 / 3:  # about 3 bytes of UTF-8 per character
                break
        jieba_s = time_jieba(texts) * n_chars / sampled
        rows.append(("build (--no-cache, default workers)", f"{seconds:.1f} s; {n_chars / 1e6:.1f} M chars; "
                     f"jieba.lcut ≈ {jieba_s:.0f} s (timed on {sampled / 1e6:.1f} M chars); ratio "
                     f"{seconds / jieba_s:.3f}", summarize_peaks(peaks)))
    if "corpus" in steps:
        seconds, peaks, done = run_measured([python, "-m", "helpers", "report", "--processed", str(processed),
                                             "--out", str(reports)])
        rows.append(("corpus report (every notebook)", f"{seconds:.1f} s, exit {done.returncode}", summarize_peaks(peaks)))
        print(done.stdout, done.stderr[-2000:], file=sys.stderr)
    if "place" in steps:
        seconds, peaks, done = run_measured([python, "-m", "helpers", "report", "--processed", str(processed),
                                             "--out", str(reports), "--place", args.place])
        rows.append((f"place report {args.place} (every notebook)", f"{seconds:.1f} s, exit {done.returncode}",
                     summarize_peaks(peaks)))
        print(done.stdout, done.stderr[-2000:], file=sys.stderr)
    if "explore" in steps:
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
            script.write(EXPLORE)
        for label, place, call in EXPLORE_CALLS:
            seconds, peaks, done = run_measured([python, script.name, str(processed), place, *call])
            assert done.returncode == 0, done.stderr
            result = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append((label, f"call {result['call_s']:.2f} s ({result['rows']} rows); import "
                                f"{result['import_s']:.2f} s; process {seconds:.2f} s", summarize_peaks(peaks)))
        os.unlink(script.name)
    width = max(len(r[0]) for r in rows)
    for label, timing, memory in rows:
        print(f"{label:<{width}}  {timing}  | peak: {memory}")


if __name__ == "__main__":
    main()
