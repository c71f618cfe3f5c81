"""Measure segmentation, term counts and theme tagging against bare jieba.lcut, and print a table.

    python benchmarks/bench_themes.py [--mb 10]

Both run over the cleaned text of the synthetic corpus of bench_build.py, in this process, one core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import process_synthetic_corpus, time_jieba  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10)
    args = parser.parse_args()
    from helpers.themes.segment import load_segmenter
    from helpers.themes.tagging import extract_theme_columns

    documents = process_synthetic_corpus(args.mb)
    texts = [d.document["text"] for d in documents]
    n_chars = sum(map(len, texts))
    started = time.perf_counter()
    load_segmenter()
    load_seconds = time.perf_counter() - started
    times = []
    for _ in range(3):  # best of 3: the run least disturbed by the rest of the machine
        started = time.perf_counter()
        hits = terms = 0
        for document in documents:
            columns = extract_theme_columns("d", document.document["text"], document.sentences.starts)
            hits += len(columns["theme_hits"]["term"])
            terms += len(columns["doc_terms"]["term"])
        times.append(time.perf_counter() - started)
    seconds = min(times)
    jieba_seconds = time_jieba(texts)
    rows = [
        ("corpus", f"{len(texts)} documents, {n_chars / 1e6:.2f} M cleaned characters"),
        ("segmenter start (dictionary + project terms)", f"{load_seconds:.2f} s"),
        ("segment + count terms + tag themes (1 core, best of 3)", f"{seconds:.2f} s = {n_chars / seconds / 1e6:.2f} M chars/s "
                                                         f"({terms} document terms, {hits} theme hits)"),
        ("bare jieba.lcut, same text", f"{jieba_seconds:.2f} s = {n_chars / jieba_seconds / 1e6:.2f} M chars/s"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
