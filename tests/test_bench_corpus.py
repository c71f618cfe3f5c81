"""The benchmarks' synthetic corpus is made from whatever a user put in data/raw/, as the build reads it."""

import sys
from pathlib import Path

from conftest import RAW

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_build import make_corpus  # noqa: E402


def test_synthetic_corpus_from_any_encoding_and_past_an_empty_file(tmp_path):
    """A GB18030 file stopped `make bench` with a UnicodeDecodeError, and an empty one with an IndexError."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir(), out.mkdir()
    seed = next(RAW.rglob("*.txt")).read_text(encoding="utf-8")
    (raw / "gb.txt").write_bytes(seed.encode("gb18030"))
    (raw / "empty.txt").write_bytes(b"")
    assert make_corpus(out, 0.1, raw=raw) >= 100_000
    first = sorted(out.iterdir())[0].read_text(encoding="utf-8")
    assert first.splitlines()[0] == seed.splitlines()[0]
