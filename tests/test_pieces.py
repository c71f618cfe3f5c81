"""A text too large to hold whole is read in pieces, with the records of a document read whole."""

import pyarrow as pa
import pytest

from conftest import RAW
from helpers import store as tables
from helpers.build.builder import build_corpus
from helpers.build.pieces import LARGE_DOCUMENT_BYTES, iter_pieces, read_large_document
from helpers.build.pipeline import process_batch

# The seeds on one line, as the 200 MB file: one line, no paragraph to cut after
ONE_LINE = b"".join(p.read_bytes().replace(b"\n", b"") for p in sorted(RAW.glob("00[0-3]*.txt")))


def _concatenated(parts):
    found = {}
    for part in parts:
        for name, table in part.items():
            found.setdefault(name, []).append(table)
    return {name: pa.concat_tables(found_tables) for name, found_tables in found.items()}


# The columns of a figure itself; its period, kind and place may come from earlier sentences of its
# paragraph, which a cut inside the paragraph hides (here the whole file is one paragraph)
FIGURE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "quote", "sentence", "value", "value_high", "unit",
                  "qualifier", "approximate", "metric", "indicator", "direction", "is_threshold"]


@pytest.mark.parametrize("piece_characters, cut_inside_carried_context", [
    (12_000, False), (15_000, False),  # cuts between paragraphs' carried periods: every record the same
    (10_000, True), (7_000, True),  # a cut after "去年…" / "2023年…": the period is not carried across it
])
def test_pieces_give_the_records_of_the_whole_document(tmp_path, piece_characters, cut_inside_carried_context):
    (tmp_path / "one.txt").write_bytes(ONE_LINE * 3)
    whole, _, _ = process_batch([("one.txt", None, None, None)], str(tmp_path), None)
    parts = list(read_large_document(str(tmp_path), "one.txt", None, piece_characters=piece_characters))
    assert len(parts) >= 4  # the piecewise path, cut inside the one line (and the last part)
    pieces = _concatenated(parts)
    for name in ("sentences", "theme_hits"):
        assert pieces[name].equals(whole[name]), name
    # the same edits at the same offsets; logged piece by piece (not step by step), and the context
    # around an edit stops at the edge of its piece
    keys = [("step_index", "ascending"), ("start", "ascending")]
    columns = ["doc_id", "step_index", "step", "rule", "start", "end", "removed", "inserted"]
    assert pieces["cleaning_log"].select(columns).sort_by(keys).equals(whole["cleaning_log"].select(columns).sort_by(keys))
    assert pieces["doc_terms"].sort_by("term").equals(whole["doc_terms"].sort_by("term"))
    assert pieces["indicators"].select(FIGURE_COLUMNS).equals(whole["indicators"].select(FIGURE_COLUMNS))
    assert pieces["indicators"].equals(whole["indicators"]) != cut_inside_carried_context
    document, expected = pieces["documents"].to_pylist()[0], whole["documents"].to_pylist()[0]
    assert {k: v for k, v in document.items() if k != "read_notes"} == \
        {k: v for k, v in expected.items() if k != "read_notes"}
    assert "read in pieces" in document["read_notes"]


@pytest.mark.parametrize("chunks, size, expected", [
    (["甲乙。丙丁。戊", "己。"], 4, [("甲乙。", False), ("丙丁。", False), ("戊己。", False)]),  # after sentence ends
    (["一行\n二行。三行。", "四"], 8, [("一行\n", True), ("二行。三行。四", False)]),  # a line break first
    (["没有句号的长长一行文字"], 4, [("没有句号", False), ("的长长一", False), ("行文字", False)]),  # no sentence end
    (["做好四季度工作;“别着急。”下一句"], 14, [("做好四季度工作;“别着急。”", False), ("下一句", False)]),  # quotes stay
])
def test_pieces_are_cut_after_a_line_or_a_sentence(chunks, size, expected):
    assert list(iter_pieces(iter(chunks), size)) == expected


@pytest.mark.slow
def test_a_build_reads_a_large_single_line_file_in_pieces(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "one-line.txt").write_bytes(ONE_LINE * (LARGE_DOCUMENT_BYTES // len(ONE_LINE) + 1))
    build_corpus(raw, tmp_path / "processed", progress=False)
    documents = tables.load_table("documents", tmp_path / "processed")
    sentences = tables.load_table("sentences", tmp_path / "processed")
    assert "read in pieces of 1,000,000 characters" in documents["read_notes"][0]
    text = documents["text"][0]
    assert len(text) == documents["n_chars"][0] and len(sentences) == documents["n_sentences"][0]
    assert all(text[row.start:row.end] == row.text for row in sentences.itertuples())
    assert sentences["sentence_id"].tolist() == list(range(len(sentences)))
