"""Take a screenshot of every report page (and the index) in headless Chromium, to look at before a release.

    python benchmarks/screenshot_reports.py [--reports reports] [--out /tmp/report-screenshots] [--height 4000]

Needs Chromium (``apt-get install chromium``); the test suite does not. Prints each page with its PNG,
its size and the number of charts it embeds. Look at the PNGs: Chinese text must show as characters,
not boxes, on this machine without a CJK font of its own (the pages carry a subset of Noto Sans CJK SC).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
# Nothing leaves the machine: no updates, sync or background requests
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def find_browser() -> str:
    """The path of a headless-capable Chromium."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("Chromium is not installed: apt-get update && apt-get install -y chromium")


def write_screenshot(browser: str, page: Path, png: Path, width: int, height: int) -> None:
    """One PNG of the top ``height`` pixels of the page."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                        f"--window-size={width},{height}", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", default=str(ROOT / "reports"))
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "report-screenshots"))
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=4000)
    args = parser.parse_args()
    browser, reports, out = find_browser(), Path(args.reports), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(reports.glob("index.html")) + sorted(reports.glob("*/[0-9][0-9]_*.html"))
    if not pages:
        raise SystemExit(f"no report pages under {reports}: run `make reports` first")
    print(f"{'page':<44} {'KB':>6} {'charts':>6}  screenshot")
    for page in pages:
        name = page.stem if page.parent == reports else f"{page.parent.name}-{page.stem}"
        png = out / f"{name}.png"
        write_screenshot(browser, page, png, args.width, args.height)
        charts = len(re.findall(r"<img ", page.read_text(encoding="utf-8")))
        print(f"{str(page.relative_to(reports)):<44} {page.stat().st_size / 1024:>6.0f} {charts:>6}  {png}")


if __name__ == "__main__":
    main()
