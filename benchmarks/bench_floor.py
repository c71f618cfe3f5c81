"""How fast could the build be without figure extraction? The floor under the speed goal of issue #16.

    python benchmarks/bench_floor.py [--mb 10] [--workers 2]

Builds bench_build's synthetic corpus twice per run, alternating: once as `python -m helpers build`
does, and once with the figure extractor (`extract_indicators`, the pure-Python stage that reads
figures, their metrics, periods and kinds) replaced by one that returns the empty table of a short
document. Everything else runs as in a real build: reading, cleaning, metadata, sentences,
sections, themes, the tables, the reuse pass. Each build is a process of its own (start-up included,
as in bench_build); bare ``jieba.lcut`` over the same cleaned text is the reference. If the build
without figures is already above the goal, no tuning of the extractor can reach it.

The replacement is made in this script's own process before the build starts, so local worker
processes (forked) inherit it; nothing under ``src/`` changes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import make_corpus, time_jieba  # noqa: E402

WITHOUT_FIGURES = """
import sys
import helpers.build.pipeline as pipeline
from helpers.corpus.documents import process_document

_short = process_document(("标题\\n" + "全市工作稳步推进。" * 20).encode(), "short.txt")
_empty = pipeline.extract_indicators(_short.document, _short.sentences, [])
pipeline.extract_indicators = lambda document, sentences, sections: _empty
from helpers import cli
sys.argv = ["helpers", *sys.argv[1:]]
cli.main()
"""


def run(raw: Path, processed: Path, workers: int, figures: bool) -> float:
    """Wall seconds of one build process from an empty cache."""
    command = [sys.executable, "-m", "helpers"] if figures else [sys.executable, "-c", WITHOUT_FIGURES]
    started = time.perf_counter()
    subprocess.run([*command, "build", "--raw", str(raw), "--processed", str(processed), "--quiet",
                    "--no-cache", "--workers", str(workers)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "raw"
        raw.mkdir()
        make_corpus(raw, args.mb)
        full, floor = [], []
        for i in range(args.repeat):
            full.append(run(raw, Path(scratch) / f"full{i}", args.workers, figures=True))
            floor.append(run(raw, Path(scratch) / f"floor{i}", args.workers, figures=False))
        texts = pq.read_table(Path(scratch) / "full0" / "documents.parquet", columns=["text"])["text"].to_pylist()
        records = pq.read_metadata(Path(scratch) / "full0" / "indicators.parquet").num_rows
        jieba_s = time_jieba(texts)
    full_s, floor_s = statistics.median(full), statistics.median(floor)
    rows = [
        ("corpus", f"{args.mb:g} MB, {sum(map(len, texts)) / 1e6:.2f} M cleaned characters, {records:,} figures"),
        (f"build, {args.workers} workers (median of {args.repeat})", f"{full_s:.2f} s (runs {min(full):.2f}–{max(full):.2f} s)"),
        ("the same without figure extraction", f"{floor_s:.2f} s (runs {min(floor):.2f}–{max(floor):.2f} s)"),
        ("bare jieba.lcut, same text", f"{jieba_s:.2f} s"),
        ("build / jieba", f"{full_s / jieba_s:.2f}"),
        ("without figure extraction / jieba", f"{floor_s / jieba_s:.2f}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
