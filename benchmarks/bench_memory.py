"""Measure the build's peak memory on single huge documents, and kill builds at random moments.

    python benchmarks/bench_memory.py                 # 200 MB single line, 600 MB document, 1 M sentences
    python benchmarks/bench_memory.py --only 20       # one 20 MB single line (a quick look)
    python benchmarks/bench_memory.py --kills 20      # also 20 builds of 10 MB killed at random moments

Each build runs in its own process (``python -m helpers build --no-cache``), and its peak resident
memory is the kernel's count for that process (``os.wait4``), start-up included. The documents are the
raw seeds: on one line (newlines removed) for the single-line files, as they are for the 600 MB
document, and as one-sentence lines ("增长5%。") for the many-sentences file.
The kill loop (``--kills``) builds a 10 MB corpus over a processed folder that holds an older build,
SIGKILLs it after a random 0.3–5 s, and checks that a reader then gets one whole set (the old or the
new), that the next build leaves nothing behind, and that no worker outlived the killed build.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
sys.path.insert(0, str(ROOT / "benchmarks"))


def write_single_line(path: Path, megabytes: float) -> int:
    """The seeds without their line breaks, repeated to ``megabytes`` on one line."""
    seed = b"".join(p.read_bytes().replace(b"\n", b"") for p in sorted(RAW.glob("*.txt")))
    return _write_repeated(path, seed, megabytes)


def write_document(path: Path, megabytes: float) -> int:
    """The seeds as they are (paragraphs on their own lines), repeated into one document."""
    seed = b"\n".join(p.read_bytes() for p in sorted(RAW.glob("*.txt"))) + b"\n"
    return _write_repeated(path, seed, megabytes)


def write_tiny_sentences(path: Path, n: int) -> int:
    """``n`` one-sentence lines of 12 bytes or so: "增长5%。" with a changing number."""
    with open(path, "wb") as out:
        for start in range(0, n, 100_000):
            out.write("".join(f"增长{i % 97}%。\n" for i in range(start, min(n, start + 100_000))).encode())
    return path.stat().st_size


def _write_repeated(path: Path, seed: bytes, megabytes: float) -> int:
    target = int(megabytes * 1_000_000)
    with open(path, "wb") as out:
        written = 0
        while written < target:
            out.write(seed)
            written += len(seed)
    return written


def measure_build(raw: Path, processed: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, the build's summary line) of one build in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "helpers", "build", "--raw", str(raw), "--processed",
                                str(processed), "--quiet", "--no-cache"], stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the build failed: {output}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, output.strip().splitlines()[0]


def run_memory(cases, scratch: Path) -> None:
    print("| input | size | build time | peak memory | peak / size |")
    print("|---|---|---|---|---|")
    for label, write, amount in cases:
        raw = scratch / "raw"
        shutil.rmtree(raw, ignore_errors=True)
        raw.mkdir()
        size = write(raw / "document.txt", amount)
        seconds, peak, summary = measure_build(raw, scratch / "processed")
        shutil.rmtree(scratch / "processed")
        print(f"| {label} | {size / 1e6:.0f} MB | {seconds:.1f} s | {peak:,.0f} MB | {peak / (size / 1e6):.2f}× |",
              flush=True)
        print(f"<!-- {summary} -->", flush=True)


def run_kills(n: int, scratch: Path, seed: int = 11) -> None:
    """Kill builds at random moments and check what a reader gets; print a line of counts."""
    from bench_build import make_corpus
    from helpers import store
    from helpers.build.builder import build_corpus

    rng = random.Random(seed)
    old_raw, raw = scratch / "old-raw", scratch / "kill-raw"
    for folder in (old_raw, raw):
        folder.mkdir()
    make_corpus(old_raw, 2)
    make_corpus(raw, 10, seed=3)
    old = scratch / "old"
    build_corpus(old_raw, old, progress=False)
    old_id = json.loads((old / "manifest.json").read_text())["build_id"]
    outcomes = {"old": 0, "new": 0, "finished": 0}
    for _ in range(n):
        processed = scratch / "kill-processed"
        shutil.rmtree(processed, ignore_errors=True)
        shutil.copytree(old, processed, symlinks=True)
        process = subprocess.Popen([sys.executable, "-m", "helpers", "build", "--raw", str(raw), "--processed",
                                    str(processed), "--quiet", "--workers", "2"], stdout=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 5.0))
        children = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        outcomes["finished"] += process.wait() == 0
        folder = store.resolve_generation(processed)
        for name in store.SCHEMAS:  # raises if a table does not belong to the manifest's build
            store.load_table(name, folder)
        build_id = json.loads((folder / "manifest.json").read_text())["build_id"]
        outcomes["old" if build_id == old_id else "new"] += 1
        time.sleep(0.2)
        survivors = [pid for pid in children if Path(f"/proc/{pid}").exists()
                     and Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
        assert not survivors, f"workers outlived the build: {survivors}"
        build_corpus(raw, processed, progress=False)
        leftovers = [p.name for p in processed.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]
        assert not leftovers, leftovers
    print(f"{n} builds killed at random moments: {outcomes['old']} left the old set, {outcomes['new']} the new "
          f"one ({outcomes['finished']} had finished before the kill), none a mix; no worker outlived its build; "
          "the next build left no temporary file")


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # gone while we looked
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", type=float, default=None, help="one single-line file of this many MB")
    parser.add_argument("--kills", type=int, default=0, help="builds to kill at random moments")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as scratch:
        scratch = Path(scratch)
        if args.only:
            cases = [(f"single line, {args.only:g} MB", write_single_line, args.only)]
        else:
            cases = [("1,000,000 tiny sentences", write_tiny_sentences, 1_000_000),
                     ("single line, 200 MB", write_single_line, 200),
                     ("one document, 600 MB", write_document, 600)]
        run_memory(cases, scratch)
        if args.kills:
            run_kills(args.kills, scratch)


if __name__ == "__main__":
    main()
