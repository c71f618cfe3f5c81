"""Measure the corpus build on a synthetic corpus made of real paragraphs, and print a table.

    python benchmarks/bench_build.py              # 10 MB corpus
    python benchmarks/bench_build.py --mb 100     # 100 MB corpus
    python benchmarks/bench_build.py --workers 2  # also a 2-worker build

The corpus: each synthetic document takes the header lines of one raw document of data/raw and
real paragraphs of that same document in random order, so every quirk (pinyin, boilerplate,
full-width punctuation) appears in proportion. Figures: characters per second of the build (the
cleaned characters it produced), the same for bare ``jieba.lcut`` over the cleaned text, their
ratio, the build's peak memory (a separate process, start-up included), and the time of a rebuild
with nothing changed. The parallel build runs three times from scratch and its median counts.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
DOC_BYTES = 40_000


def make_corpus(target: Path, megabytes: float, seed: int = 7, raw: Path = RAW) -> int:
    """Write synthetic documents into ``target`` until it holds ``megabytes``; return the bytes. The paragraphs come
    from the ``.txt`` documents under ``raw``, read as the build reads them (any encoding)."""
    from helpers.corpus.reading import UnreadableError, read_raw

    rng = random.Random(seed)
    sources = []
    for path in sorted(raw.rglob("*.txt")):
        try:  # any encoding the build reads; a file the build would quarantine gives no paragraphs
            lines = read_raw(path.read_bytes(), path.name).text.splitlines()
        except UnreadableError:
            continue
        if lines:
            sources.append((lines[:6], [line for line in lines[6:] if len(line) > 40] or lines))
    if not sources:
        raise SystemExit(f"no readable .txt document under {raw} to make a synthetic corpus from")
    total, index = 0, 0
    while total < megabytes * 1_000_000:
        header, paragraphs = sources[index % len(sources)]
        body, size = [], 0
        while size < DOC_BYTES:
            paragraph = rng.choice(paragraphs)
            body.append(paragraph)
            size += len(paragraph.encode("utf-8"))
        data = "\n".join(header + body).encode("utf-8")
        (target / f"doc{index:06d}.txt").write_bytes(data)
        total += len(data)
        index += 1
    return total


def process_synthetic_corpus(megabytes: float) -> list:
    """The synthetic corpus read, cleaned and split in this process: a DocumentResult per document."""
    from helpers.corpus.documents import process_document

    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch)
        make_corpus(raw, megabytes)
        return [process_document(p.read_bytes(), p.name) for p in sorted(raw.iterdir())]


def run_build(raw: Path, processed: Path, *extra: str) -> tuple[float, float]:
    """(wall seconds including interpreter start, peak RSS in MB) of one build process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "helpers", "build", "--raw", str(raw), "--processed",
                    str(processed), "--quiet", *extra], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024


def time_document_stages(raw: Path, repeat: int = 3) -> tuple[float, int]:
    """(best-of-``repeat`` seconds, cleaned characters) of reading, cleaning, metadata and sentences,
    in this process (the best run is the least disturbed by the rest of the machine)."""
    from helpers.corpus.documents import process_document

    files = [(p.name, p.read_bytes()) for p in sorted(raw.iterdir())]
    process_document(files[0][1], files[0][0])  # warm caches (OpenCC, gazetteer) before timing
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        n_chars = sum(process_document(data, name).document["n_chars"] for name, data in files)
        times.append(time.perf_counter() - started)
    return min(times), n_chars


def time_jieba(texts: list[str]) -> float:
    """Seconds bare jieba.lcut takes over the texts (dictionary loading excluded)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-jieba", action="store_true", help="skip the jieba reference")
    args = parser.parse_args()
    import pyarrow.parquet as pq


    with tempfile.TemporaryDirectory() as scratch:
        raw, processed = Path(scratch) / "raw", Path(scratch) / "processed"
        raw.mkdir()
        n_bytes = make_corpus(raw, args.mb)
        n_docs = len(list(raw.iterdir()))
        build_s, peak_mb = run_build(raw, processed, "--workers", "1")  # empty cache: every document processed
        texts = pq.read_table(processed / "documents.parquet", columns=["text"])["text"].to_pylist()
        n_chars = sum(map(len, texts))
        rebuild_s, _ = run_build(raw, processed, "--workers", "1")
        stages_s, _ = time_document_stages(raw)
        rows = [
            ("corpus", f"{n_bytes / 1e6:.1f} MB, {n_docs} documents, {n_chars / 1e6:.2f} M cleaned characters"),
            ("read+clean+metadata+sentences (1 core, best of 3)", f"{stages_s:.2f} s = {n_chars / stages_s / 1e6:.2f} M chars/s"),
            ("build (1 process, start-up included)", f"{build_s:.2f} s = {n_chars / build_s / 1e6:.2f} M chars/s"),
            ("build peak memory", f"{peak_mb:.0f} MB"),
            ("rebuild, nothing changed", f"{rebuild_s:.2f} s ({rebuild_s / build_s:.0%} of the build)"),
        ]
        parallel_s = None
        if args.workers > 1:  # three builds from scratch (this VM's speed varies): the median counts
            runs = sorted(run_build(raw, Path(scratch) / f"parallel{i}", "--workers", str(args.workers))[0]
                          for i in range(3))
            parallel_s = runs[1]
            rows.append((f"build, {args.workers} workers (median of 3)",
                         f"{parallel_s:.2f} s (runs {runs[0]:.2f}–{runs[2]:.2f} s), speed-up {build_s / parallel_s:.2f}x"))
        if not args.no_jieba:
            jieba_s = time_jieba(texts)
            rows.append(("bare jieba.lcut, same text", f"{jieba_s:.2f} s = {n_chars / jieba_s / 1e6:.2f} M chars/s"))
            rows.append(("build time / jieba.lcut time, 1 process", f"{build_s / jieba_s:.2f}"))
            if parallel_s:
                rows.append((f"build time / jieba.lcut time, {args.workers} workers", f"{parallel_s / jieba_s:.2f}"))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
