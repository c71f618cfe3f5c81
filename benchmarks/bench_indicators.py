"""Measure indicator extraction: speed on a 10 MB corpus, linear time, quality on labelled text.

    python benchmarks/bench_indicators.py [--mb 10]

Speed: characters per second of ``extract_indicators`` alone (and without its kind model), one core, best of 5 runs, over documents already
read and cleaned (the synthetic corpus of bench_build.py). That corpus repeats each real paragraph many
times, so the caches of metric phrases (``clean_metric``, ``parse_indicator``) nearly always hit; a
second figure gives the speed over distinct real documents (data/raw and ../shared/corpora) with those
caches emptied before each run: the speed on text the extractor has not seen. Linear time: one sentence of 25k, 50k and
100k characters. Quality: precision, recall and kind accuracy on tests/fixtures/indicators_gold.yaml.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import ROOT, process_synthetic_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10)
    args = parser.parse_args()
    from helpers.indicators.evaluation import evaluate_indicators
    from helpers.indicators.extract import extract_indicators
    from helpers.corpus.sentences import split_sentences

    documents = process_synthetic_corpus(args.mb)
    n_chars = sum(d.document["n_chars"] for d in documents)
    times = []
    for _ in range(5):  # best of 5: the run least disturbed by the rest of the machine
        started = time.perf_counter()
        n_records = sum(len(extract_indicators(d.document, d.sentences)["quote"]) for d in documents)
        times.append(time.perf_counter() - started)
    seconds = min(times)
    plain = []
    for _ in range(5):  # the same without the kind model: what weighing the rules' kinds costs
        started = time.perf_counter()
        for d in documents:
            extract_indicators(d.document, d.sentences, learned_kind=False)
        plain.append(time.perf_counter() - started)
    rows = [("corpus", f"{len(documents)} documents, {n_chars / 1e6:.2f} M cleaned characters"),
            ("extraction (1 core, best of 5)", f"{seconds:.2f} s = {n_chars / seconds / 1e6:.2f} M chars/s, "
                                               f"{n_records} records (one per {n_chars / max(1, n_records):.0f} chars); "
                                               f"all 5 runs {min(times):.2f}–{max(times):.2f} s"),
            ("  the rules alone, without the kind model", f"{min(plain):.2f} s: the model adds "
                                                          f"{(seconds - min(plain)) / max(1, n_records) * 1e6:.0f} µs a record")]
    distinct = read_distinct_documents()
    n_distinct = sum(d.document["n_chars"] for d in distinct)
    times = []
    for _ in range(5):
        empty_phrase_caches()
        started = time.perf_counter()
        n_records = sum(len(extract_indicators(d.document, d.sentences)["quote"]) for d in distinct)
        times.append(time.perf_counter() - started)
    rows.append((f"distinct documents ({len(distinct)}, {n_distinct / 1e3:.0f}k chars), caches emptied",
                 f"{min(times):.3f} s = {n_distinct / min(times) / 1e6:.2f} M chars/s, {n_records} records; "
                 f"all 5 runs {min(times):.3f}–{max(times):.3f} s"))
    sentence = "全市实施投资500万元以上项目1000个、亿元以上项目330个,增长35.9%" * 2500
    times = []
    for size in (25_000, 50_000, 100_000):
        body = sentence[:size]
        document = {"doc_id": "x", "text": body, "published_date": None, "place": None, "place_code": None}
        started = time.perf_counter()
        extract_indicators(document, split_sentences(body))
        times.append(time.perf_counter() - started)
    rows.append(("one sentence of 25k / 50k / 100k chars",
                 " / ".join(f"{t:.3f} s" for t in times) + f" (100k/25k = {times[2] / times[0]:.1f}, linear = 4)"))
    quality = evaluate_indicators(ROOT / "tests/fixtures/indicators_gold.yaml",
                                  [ROOT / "data/raw", ROOT / "tests/fixtures"])
    rows.append(("quality on labelled paragraphs", quality.summary()))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


def read_distinct_documents() -> list:
    """The raw documents and the shared corpora, read and cleaned, each text once."""
    from helpers.corpus.documents import DocumentResult, process_document

    paths = sorted((ROOT / "data" / "raw").rglob("*.*"))
    corpora = ROOT.parent / "shared" / "corpora"
    if corpora.is_dir():
        paths += sorted(p for p in corpora.iterdir() if p.suffix in (".txt", ".html"))
    documents, seen = [], set()
    for path in paths:
        result = process_document(path.read_bytes(), path.name)
        if isinstance(result, DocumentResult) and result.document["text"] not in seen:
            seen.add(result.document["text"])
            documents.append(result)
    return documents


def empty_phrase_caches() -> None:
    from helpers.indicators import extract as indicators
    from helpers.indicators import metrics

    metrics.clean_metric.cache_clear()
    metrics.parse_indicator.cache_clear()
    indicators._whole_year.cache_clear()


if __name__ == "__main__":
    main()
