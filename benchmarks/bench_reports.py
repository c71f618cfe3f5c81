"""Measure report regeneration: each notebook's run time next to papermill's time for an empty one.

    python benchmarks/bench_reports.py [--repeat 3] [--notebooks 01,03]

Uses data/processed (run `make processed` first) and the project kernel. The time of a notebook
includes the HTML export, as in `python -m helpers report`; the empty notebook has only a parameters
cell, so its time is papermill's start-up plus the kernel's. Two "floor" notebooks: one imports what
every report imports (helpers, pandas) and shows one small shaded table, so no report can be faster;
the other imports matplotlib and draws one small figure, the least a report with a figure costs.
Goal: each ratio at most 3 (with the charts and maps). On a shared machine whose load moves from
minute to minute, each run of a notebook is paired with a run of the empty notebook just before it:
the "paired ratio" is the median of the pairs' ratios, steadier than one median over another. A run also embeds one subset of the CJK font in
its pages (`html_export.embed_font`), once per run, not per notebook: timed on its own row.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {
    "floor: imports + one shaded table + HTML": """from helpers.corpus import overview
from helpers.reports import shading
import pandas as pd
shading.show_heatmap(pd.DataFrame({"2023": [3, 1], "2024": [2, 5]}, index=["辽阳", "盘锦"]), "楼层 (floor)")""",
    "floor with matplotlib: + one small figure": """from helpers.corpus import overview
from helpers.reports import plots
import matplotlib.pyplot as plt
plots.use_chinese_font()
fig, ax = plt.subplots(figsize=(4, 2))
ax.bar(["辽阳", "盘锦"], [3, 5])
ax.set_title("楼层 (floor)")
plt.close(fig)
fig""",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--place", default="liaoyang")
    parser.add_argument("--notebooks", help="comma-separated numbers, such as 01,03; all when left out")
    args = parser.parse_args()
    import nbformat
    import papermill
    from nbformat.v4 import new_code_cell, new_notebook

    from helpers.reports.html_export import embed_font, write_html
    from helpers.reports.runner import (KERNEL_ARGUMENTS, KERNEL_NAME, KERNEL_SHUTDOWN, ensure_kernel, find_notebook_dir,
                                        list_notebooks, run_notebook)

    import os

    load = os.getloadavg()
    kernel = ensure_kernel()
    processed = str(ROOT / "data" / "processed")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        empty = scratch / "empty.ipynb"
        nb = new_notebook(metadata={"kernelspec": {"name": KERNEL_NAME, "display_name": "x", "language": "python"}})
        nb.cells = [new_code_cell("place = 'all'", metadata={"tags": ["parameters"]})]
        nbformat.write(nb, str(empty))
        def run_empty() -> float:
            started = time.perf_counter()
            papermill.execute_notebook(str(empty), str(scratch / "empty-out.ipynb"), parameters={"place": "all"},
                                       kernel_name=kernel, progress_bar=False, extra_arguments=KERNEL_ARGUMENTS,
                                       shutdown_kernel=KERNEL_SHUTDOWN)  # as the runner does
            return time.perf_counter() - started

        baseline = [run_empty() for _ in range(args.repeat)]
        base = statistics.median(baseline)
        started = time.perf_counter()
        write_html(scratch / "empty-out.ipynb", scratch / "empty-out.html")  # nbconvert's first export
        warm_up = time.perf_counter() - started
        rows = [("empty notebook (papermill + kernel start)", f"{base:.2f} s", "1.00", "1.00"),
                ("runner start-up, once: first HTML export", f"{warm_up:.2f} s", "", "")]
        for label, cell in FLOORS.items():  # the least a report can cost
            floor = scratch / "floor.ipynb"
            nb.cells = [nb.cells[0], new_code_cell(cell)]
            nbformat.write(nb, str(floor))
            times, ratios = [], []
            for _ in range(args.repeat):
                empty_time = run_empty()
                started = time.perf_counter()
                run_notebook(floor, scratch / "floor-out.ipynb", {"place": "all"}, kernel)
                times.append(time.perf_counter() - started)
                ratios.append(times[-1] / empty_time)
            median = statistics.median(times)
            rows.append((label, f"{median:.2f} s", f"{median / base:.2f}", f"{statistics.median(ratios):.2f}"))
        for notebook in list_notebooks(find_notebook_dir(), args.notebooks):
            times, ratios = [], []
            for _ in range(args.repeat):
                empty_time = run_empty()
                started = time.perf_counter()
                run_notebook(notebook, scratch / notebook.name,
                             {"processed_dir": processed, "output_dir": str(scratch), "place": args.place}, kernel)
                times.append(time.perf_counter() - started)
                ratios.append(times[-1] / empty_time)
            median = statistics.median(times)
            rows.append((notebook.stem, f"{median:.2f} s", f"{median / base:.2f}", f"{statistics.median(ratios):.2f}"))
        pages = sorted(scratch.glob("[0-9][0-9]_*.html"))
        started = time.perf_counter()
        size = embed_font(pages)  # once per run, over the run's pages
        rows.append((f"font subset for the run's {len(pages)} pages", f"{time.perf_counter() - started:.2f} s",
                     f"{size / 1024:.0f} KB", ""))
        for page in pages:
            rows.append((f"  page size: {page.stem}", f"{page.stat().st_size / 1024:.0f} KB", "", ""))
    import os

    print(f"load average before and after: {load[0]:.1f} -> {os.getloadavg()[0]:.1f}")
    print(f"{'notebook':<42}  {'median':>8}  {'ratio':>5}  {'paired ratio':>12}")
    for name, seconds, ratio, paired in rows:
        print(f"{name:<42}  {seconds:>8}  {ratio:>5}  {paired:>12}")


if __name__ == "__main__":
    main()
