"""Shared paths for the tests: the project's raw corpus and the trimmed fixtures."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def read_seed(name: str) -> bytes:
    """The bytes of one raw document of the corpus."""
    return (RAW / name).read_bytes()


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory):
    """The real corpus built once into a temporary processed folder."""
    from helpers.build.builder import build_corpus

    processed = tmp_path_factory.mktemp("processed")
    build_corpus(RAW, processed, progress=False)
    return processed


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the indicator quality measured on the hand-labelled paragraphs."""
    summary = getattr(config, "indicator_quality", None)
    if summary:
        terminalreporter.write_line(f"indicator quality (tests/fixtures/indicators_gold.yaml): {summary}")
    kinds = getattr(config, "kind_quality", None)
    if kinds:
        terminalreporter.write_line(f"kind quality (tests/fixtures/kind_gold), {kinds}")
