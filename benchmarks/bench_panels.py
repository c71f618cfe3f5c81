"""Measure the research panels: building them and writing Parquet, CSV and Stata from the tables.

    python benchmarks/bench_panels.py [--provinces ../shared/corpora/provinces-2026]

The corpus (data/raw) and the provincial 2026 reports are built once into a temporary folder; then
``build_panels`` (ledger, hardness, escalation, theme counts) and ``write_panels`` (three formats and
the codebook) each run five times, best of 5, one core. Prints rows, seconds and file sizes.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--provinces", default=str(ROOT.parent / "shared" / "corpora" / "provinces-2026"))
    args = parser.parse_args()
    from helpers.build.builder import build_corpus
    from helpers.targets.export import build_panels, write_panels

    with tempfile.TemporaryDirectory() as folder:
        raw, processed, out = Path(folder) / "raw", Path(folder) / "processed", Path(folder) / "panels"
        shutil.copytree(ROOT / "data" / "raw", raw)
        if Path(args.provinces).is_dir():
            shutil.copytree(args.provinces, raw / "provinces")
        summary = build_corpus(raw, processed, progress=False)
        build_times, write_times = [], []
        for _ in range(5):
            started = time.perf_counter()
            panels = build_panels([processed])
            build_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            written = write_panels(panels, out)
            write_times.append(time.perf_counter() - started)
        rows = [("corpus", f"{summary.n_documents} documents, {summary.n_chars:,} characters"),
                ("build_panels", f"{min(build_times):.3f} s"),
                ("write_panels", f"{min(write_times):.3f} s (Parquet, CSV, .dta, codebook)")]
        rows += [(name, f"{n} rows") for name, n in written.rows.items()]
        rows += [(path.name, f"{path.stat().st_size / 1024:.1f} KB") for path in written.files]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
