"""Measure the text-reuse pass against the build on the synthetic corpus, and print a table.

    python benchmarks/bench_reuse.py              # 10 MB corpus
    python benchmarks/bench_reuse.py --mb 100     # 100 MB corpus (the issue's figure)
    python benchmarks/bench_reuse.py --mb 100 --distinct   # text that hardly repeats: the memory case

The corpus is bench_build's ``make_corpus``: documents made of the real paragraphs of data/raw in
random order, so most documents share most of their paragraphs with hundreds of others, the hard
case for pairwise reuse detection (a 100 MB corpus has 2,418 documents: 2.9 million pairs). Each
step runs in its own process: the build without the reuse pass (``--no-reuse``, the default
workers), the reuse pass alone from an empty cache, then a rebuild after one new document (an edited
copy of passages from two others) is added, where only that document's pairs are aligned. Figures:
wall seconds, peak memory of the process (the build's includes its workers), rows written, and the
rows a table of every pair of documents sharing a passage would need.

``--distinct`` replaces every third character of the corpus with a random Chinese character, so
hardly a 5-gram repeats: no paragraph is masked as a verbatim copy and every n-gram of the corpus is
indexed, the case where the pass's memory grows fastest (the default corpus hides it: its copies
are masked before indexing).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import make_corpus  # noqa: E402

# Runs in a child process: a build (or the reuse pass alone) and its peak memory as JSON
CHILD = """
import json, resource, sys, time
from helpers.build.builder import build_corpus
from pathlib import Path
from helpers.build.reuse_stage import build_reuse_tables
from helpers.store import resolve_generation
raw, processed, step = sys.argv[1:4]
started = time.perf_counter()
if step == "reuse":
    result = build_reuse_tables(resolve_generation(processed), Path(processed) / ".cache", use_cache=True)._asdict()
else:
    result = vars(build_corpus(raw, processed, progress=False, reuse=(step != "build")))
result["wall"] = time.perf_counter() - started
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result["children_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(result, default=str))
"""


def run_step(raw: Path, processed: Path, step: str) -> dict:
    """Run one step in a fresh interpreter; its JSON result with the wall time from outside."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(raw), str(processed), step], check=True,
                          capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


def make_distinct(raw: Path, seed: int = 3) -> None:
    """Replace every third character of each document's body (after its six header lines) at random."""
    import random

    rng = random.Random(seed)
    alphabet = [chr(code) for code in range(0x4E00, 0x9FA5)]
    for path in sorted(raw.iterdir()):
        lines = path.read_text(encoding="utf-8").splitlines()
        body = []
        for line in lines[6:]:
            chars = list(line)
            for i in range(rng.randrange(3), len(chars), 3):
                chars[i] = rng.choice(alphabet)
            body.append("".join(chars))
        path.write_text("\n".join(lines[:6] + body), encoding="utf-8")


def add_edited_copy(raw: Path) -> None:
    """A new document: parts of paragraphs of two existing documents, one with a word changed,
    joined in one line with a sentence of its own (so only alignment finds them)."""
    first = (raw / "doc000000.txt").read_text(encoding="utf-8").splitlines()
    second = (raw / "doc000001.txt").read_text(encoding="utf-8").splitlines()
    line = (first[8][:80].replace("项目", "工程", 1) + "本报讯 新增一段说明文字,用于检验增量比对。"
            + second[9][10:90])
    (raw / "zz_new_copy.txt").write_text("\n".join(first[:6] + [line]), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--distinct", action="store_true", help="text that hardly repeats (see the module)")
    args = parser.parse_args()
    import pyarrow.parquet as pq

    from helpers.store import resolve_generation

    with tempfile.TemporaryDirectory() as scratch:
        raw, processed = Path(scratch) / "raw", Path(scratch) / "processed"
        raw.mkdir()
        n_bytes = make_corpus(raw, args.mb)
        if args.distinct:
            make_distinct(raw)
        n_docs = len(list(raw.iterdir()))
        build = run_step(raw, processed, "build")
        reuse = run_step(raw, processed, "reuse")  # empty alignment cache: every candidate pair aligned
        tables = resolve_generation(processed)
        passages = pq.read_table(tables / "reuse.parquet", columns=["cluster_id", "method"])
        clusters = pq.read_table(tables / "reuse_clusters.parquet", columns=["n_docs"])
        duplicates = pq.read_table(tables / "duplicates.parquet", columns=["counted"])
        every_pair = sum(n * (n - 1) // 2 for n in clusters["n_docs"].to_pylist())
        size_mb = sum((tables / f"{name}.parquet").stat().st_size
                      for name in ("reuse", "reuse_clusters", "duplicates")) / 1e6
        add_edited_copy(raw)
        rebuild = run_step(raw, processed, "build+reuse")
        n_aligned = sum(1 for m in passages["method"].to_pylist() if m == "aligned")
        rows = [
            ("corpus", f"{n_bytes / 1e6:.1f} MB, {n_docs} documents, {build['n_chars'] / 1e6:.2f} M cleaned characters, "
                       f"{n_docs * (n_docs - 1) // 2:,} pairs of documents"),
            (f"build without reuse ({build['workers']} process{'es' if build['workers'] > 1 else ''})",
             f"{build['process_seconds']:.2f} s, peak {max(build['peak_mb'], build['children_peak_mb']):.0f} MB"),
            ("reuse pass alone (empty alignment cache)",
             f"{reuse['process_seconds']:.2f} s ({reuse['seconds']:.2f} s in the pass) = "
             f"{reuse['process_seconds'] / build['process_seconds']:.2f} of the build, peak {reuse['peak_mb']:.0f} MB"),
            ("candidate pairs aligned", f"{reuse['n_candidate_pairs']:,}"),
            ("passage rows written", f"{passages.num_rows:,} ({passages.num_rows - n_aligned:,} repeated paragraphs, "
                                     f"{n_aligned:,} aligned), {size_mb:.1f} MB of Parquet"),
            ("passage clusters", f"{clusters.num_rows:,}"),
            ("rows if every pair sharing a passage had one", f"{every_pair:,}"),
            ("reposts (not counted)", f"{sum(1 for c in duplicates['counted'].to_pylist() if not c):,}"),
            ("rebuild after one new document: reuse pass",
             f"{rebuild['reuse_seconds']:.2f} s, {rebuild['n_reuse_pairs_aligned']} pairs aligned "
             f"(whole rebuild {rebuild['process_seconds']:.2f} s)"),
        ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
