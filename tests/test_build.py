"""The corpus build on the real corpus and on a folder of awkward inputs."""

import hashlib
import os
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import FIXTURES, RAW
from helpers import store as tables
from helpers.build.builder import build_corpus
from helpers.cli import main
from helpers.corpus.normalize import strip_pinyin

SEED = (RAW / "000_c314c07c1d40f028.txt").read_bytes()
TRADITIONAL = (RAW / "004_87c328761f19b533.txt").read_bytes()


def _fingerprint(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    """The issue's list of bad inputs, each next to the reason it is there."""
    raw = tmp_path_factory.mktemp("raw")
    text = SEED.decode("utf-8")
    (raw / "empty.txt").write_bytes(b"")  # an empty file
    (raw / "random.txt").write_bytes(os.urandom(3000))  # random bytes named .txt
    (raw / "seed-gbk.txt").write_bytes(text.encode("gbk", errors="ignore"))  # same text in GBK
    (raw / "seed-big5.txt").write_bytes(  # the Traditional seed, pinyin removed, in Big5
        strip_pinyin(TRADITIONAL.decode("utf-8"))[0].encode("big5", errors="ignore"))
    (raw / "seed-utf16.txt").write_bytes(text.encode("utf-16"))  # and in UTF-16
    (raw / "cut.txt").write_bytes(SEED[:-1])  # UTF-8 cut in the middle of a character
    (raw / "fullwidth.txt").write_bytes(  # full-width digits
        "今年,全市计划实施６００个项目,固定资产投资增长１０％,确保三年行动首战告捷。".encode("utf-8"))
    (raw / "chrome.txt").write_bytes(  # a page that is only boilerplate
        "政讯通中心\n欢迎来到廉政法治网!\n当前所在:首页 > 廉政舆情 > 正文\n网站地图\n廉政法治网 版权所有。\n".encode("utf-8"))
    (raw / "page.html").write_bytes(  # an HTML page with scripts
        ("<html><head><script>alert('脚本不是正文')</script></head><body><article><p>"
         + "盘锦市计划实施投资500万元以上项目600个,其中新开工341个、续建259个。" * 4
         + "</p></article></body></html>").encode("utf-8"))
    (raw / "big.txt").write_bytes(SEED * (20_000_000 // len(SEED) + 1))  # a file of 20 MB
    (raw / "folder.txt").mkdir()  # a folder whose name ends in .txt
    (raw / "folder.txt" / "inside.txt").write_bytes(SEED)
    (raw / "slides.pptx").write_bytes(b"PK\x03\x04" + os.urandom(200))  # a type we do not read
    (raw / "bulletin.html").write_bytes((FIXTURES / "jiangxi-stat-bulletin-2022.html").read_bytes())
    before = _fingerprint(raw)
    processed = tmp_path_factory.mktemp("processed")
    summary = build_corpus(raw, processed, progress=False)
    assert _fingerprint(raw) == before  # nothing under the raw folder changed
    return processed, summary


def test_awkward_inputs_are_read_or_quarantined_with_a_reason(awkward):
    processed, summary = awkward
    docs = tables.load_table("documents", processed).set_index("raw_path")
    quarantine = tables.load_table("quarantine", processed).set_index("raw_path")["reason"]
    assert set(docs.index) == {"seed-gbk.txt", "seed-big5.txt", "seed-utf16.txt", "cut.txt",
                               "fullwidth.txt", "page.html", "big.txt", "folder.txt/inside.txt",
                               "bulletin.html"}
    assert quarantine["empty.txt"] == "empty file (0 bytes)"
    assert "not text in any supported encoding" in quarantine["random.txt"]
    assert quarantine["chrome.txt"].startswith("no body text")
    assert "unsupported file type '.pptx'" in quarantine["slides.pptx"]
    assert summary.n_documents + summary.n_quarantined == summary.n_files == 13


def test_awkward_inputs_are_read_right(awkward):
    processed, _ = awkward
    docs = tables.load_table("documents", processed).set_index("raw_path")
    assert docs.loc["seed-gbk.txt", "encoding"] == "gb18030"
    assert docs.loc["seed-big5.txt", "encoding"] == "big5"
    assert docs.loc["seed-big5.txt", "place_code"] == "panjin"
    assert "工业增长三年行动" in docs.loc["seed-big5.txt", "text"]  # Simplified after OpenCC
    assert docs.loc["seed-utf16.txt", "text"] == docs.loc["folder.txt/inside.txt", "text"]
    assert "middle of a UTF-8 character" in docs.loc["cut.txt", "read_notes"]
    assert "600个项目" in docs.loc["fullwidth.txt", "text"]
    assert "脚本不是正文" not in docs.loc["page.html", "text"]
    assert docs.loc["big.txt", "n_bytes"] > 20_000_000


def test_real_corpus_tables(built_corpus):
    docs = tables.load_table("documents", built_corpus)
    sentences = tables.load_table("sentences", built_corpus)
    log = tables.load_table("cleaning_log", built_corpus)
    assert len(docs) == 6 and docs["doc_id"].is_unique
    assert (docs["sha256"] == [hashlib.sha256((RAW / p).read_bytes()).hexdigest()
                               for p in docs["raw_path"]]).all()
    # every sentence is exactly the span of the cleaned text its offsets give
    text = docs.set_index("doc_id")["text"]
    assert all(text[row.doc_id][row.start:row.end] == row.text for row in sentences.itertuples())
    # the cleaning log cites offsets that hold the removed text
    assert set(log["rule"]) >= {"pinyin_annotation", "traditional_to_simplified", "disclaimer"}
    assert "(shí)" not in text["004_87c328761f19b533"] and "本文地址" not in text["001_e097eca750060dbf"]


def test_rebuild_uses_the_cache_and_gives_identical_tables(built_corpus, tmp_path):
    copy = tmp_path / "processed"
    shutil.copytree(built_corpus, copy)
    summary = build_corpus(RAW, copy, progress=False)
    assert summary.n_cached == 6 and summary.n_processed == 0
    for name in tables.SCHEMAS:
        assert pq.read_table(copy / f"{name}.parquet").equals(pq.read_table(built_corpus / f"{name}.parquet"))


def test_interrupted_write_leaves_the_previous_table(tmp_path, monkeypatch):
    path = tmp_path / "quarantine.parquet"
    tables.save_table(tables.build_table("quarantine", [{"raw_path": "a.txt", "reason": "old"}]), path)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # the build is stopped in the middle of writing

    monkeypatch.setattr(pq, "write_table", crash)
    with pytest.raises(KeyboardInterrupt):
        tables.save_table(tables.build_table("quarantine", [{"raw_path": "b.txt", "reason": "new"}]), path)
    monkeypatch.undo()
    assert pd.read_parquet(path)["reason"].tolist() == ["old"]
    assert [p.name for p in tmp_path.iterdir()] == ["quarantine.parquet"]  # no temporary left


def test_cli_exit_status_with_quarantined_files(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "seed.txt").write_bytes(SEED)
    assert main(["build", "--raw", str(raw), "--processed", str(tmp_path / "p"), "--quiet"]) == 0
    assert "quarantined empty.txt: empty file" in capsys.readouterr().out
    assert main(["build", "--raw", str(raw), "--processed", str(tmp_path / "p"), "--quiet", "--strict"]) == 1
    assert "the tables in" in capsys.readouterr().err


def test_the_command_line_process_flushes_its_report_and_exits_with_its_status(tmp_path):
    # python -m helpers ends with os._exit (no interpreter teardown): what it printed into a pipe
    # must still arrive, and --strict must still exit 1 when a file is quarantined
    import subprocess
    import sys

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "seed.txt").write_bytes(SEED)
    command = [sys.executable, "-m", "helpers", "build", "--raw", str(raw), "--processed", str(tmp_path / "p"), "--quiet"]
    done = subprocess.run(command + ["--strict"], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stdout.startswith("1 documents, 1 quarantined")
    assert done.stdout.rstrip().endswith("quarantined empty.txt: empty file (0 bytes)")  # the last line
    assert not (tmp_path / "p" / "manifest.json").exists()  # --strict fails before publishing anything
    assert subprocess.run(command, capture_output=True, text=True).returncode == 0
    assert (tmp_path / "p" / "manifest.json").is_file()


def test_a_spooled_batch_reads_back_as_the_same_tables_and_its_file_is_gone(tmp_path):
    # Worker processes hand their batches over in spool files, not through a pipe. A real batch
    # (Chinese text, dates, lists, nulls) and empty tables.
    from helpers.build.pipeline import process_batch

    jobs = [(path.name, None, None, None) for path in sorted(RAW.glob("*.txt"))[:2]]
    batch, _, _ = process_batch(jobs, str(RAW), None)
    assert batch["documents"].num_rows == 2 and batch["quarantine"].num_rows == 0
    path = tmp_path / "000000.arrow"
    index = tables.spool_tables(batch, path)
    assert [name for name, _, _ in index] == list(batch)
    read = tables.read_spooled(path, index)
    assert not path.exists()
    # no table keeps the file: a small table held for many batches once kept every batch's file
    # mapped, deleted but not freed (4.2 GB resident and as much disk at 1 GB)
    assert str(path) not in Path("/proc/self/maps").read_text()
    assert list(read) == list(batch)
    for name, table in batch.items():
        assert read[name].equals(table), name
        assert read[name].schema == tables.SCHEMAS[name], name


def test_a_build_process_imports_parquet_only_to_write():
    # The workers are forked from the command line's process before it writes a table: what it has
    # imported then, every worker has to have loaded, and they never write Parquet (20 ms)
    import subprocess
    import sys

    script = (
        "import sys\n"
        "import helpers.build.builder, helpers.build.pipeline, helpers.store\n"
        "assert 'pyarrow.parquet' not in sys.modules, 'pyarrow.parquet was imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_table_writers_hold_small_batches_and_write_them_as_one_row_group(tmp_path):
    # A batch of 16 documents is a few hundred KB per table; a row group per batch cost 0.06 s per
    # 10 MB build. The writer holds batches until ROW_GROUP_BYTES, and the rows come out unchanged.
    batches = [tables.build_table("quarantine", [{"raw_path": f"{i}.txt", "reason": "empty file"}]) for i in range(5)]
    with tables.TableWriters(tmp_path / "held") as writers:
        for batch in batches:
            writers.write("quarantine", batch)
    with tables.TableWriters(tmp_path / "each", row_group_bytes=1) as writers:  # every batch is "full"
        for batch in batches:
            writers.write("quarantine", batch)
    held, each = pq.ParquetFile(tmp_path / "held" / "quarantine.parquet"), pq.ParquetFile(tmp_path / "each" / "quarantine.parquet")
    assert (held.metadata.num_row_groups, each.metadata.num_row_groups) == (1, 5)
    assert held.read().column("raw_path").to_pylist() == [f"{i}.txt" for i in range(5)]
    assert held.read().equals(each.read())


def test_table_writers_that_fail_while_committing_leave_every_previous_table(tmp_path, monkeypatch):
    # commit writes the last row groups of all tables in parallel threads; one failing must leave
    # all the previous tables as they were and no temporary file
    for name in ("quarantine", "doc_terms"):
        tables.save_table(tables.SCHEMAS[name].empty_table(), tmp_path / f"{name}.parquet")
    before = _fingerprint(tmp_path)
    original = tables.TableWriters._flush

    def flush(self, name):
        if name == "doc_terms":
            raise OSError("disk full")
        original(self, name)

    monkeypatch.setattr(tables.TableWriters, "_flush", flush)
    with pytest.raises(OSError, match="disk full"):
        with tables.TableWriters(tmp_path) as writers:
            writers.write("quarantine", tables.build_table("quarantine", [{"raw_path": "new.txt", "reason": "new"}]))
            writers.write("doc_terms", tables.build_table("doc_terms", [{"doc_id": "d", "term": "项目为王", "n": 2}]))
    assert _fingerprint(tmp_path) == before


def test_table_writers_stopped_with_held_rows_leave_the_previous_table(tmp_path):
    tables.save_table(tables.build_table("quarantine", [{"raw_path": "old.txt", "reason": "old"}]),
                      tmp_path / "quarantine.parquet")
    with pytest.raises(KeyboardInterrupt):
        with tables.TableWriters(tmp_path) as writers:
            writers.write("quarantine", tables.build_table("quarantine", [{"raw_path": "new.txt", "reason": "new"}]))
            raise KeyboardInterrupt  # Ctrl-C while the new rows are still held
    assert pd.read_parquet(tmp_path / "quarantine.parquet")["reason"].tolist() == ["old"]
    assert [p.name for p in tmp_path.iterdir()] == ["quarantine.parquet"]


def test_a_rebuilt_table_is_read_again_and_a_loaded_frame_is_the_callers_own(tmp_path):
    # load_table keeps the Arrow table it read; a table renamed into place by a rebuild is a new file
    save = lambda reason: tables.save_table(  # noqa: E731
        tables.build_table("quarantine", [{"raw_path": "a.txt", "reason": reason}]), tmp_path / "quarantine.parquet")
    save("first build")
    first = tables.load_table("quarantine", tmp_path)
    first.loc[0, "reason"] = "edited in a notebook"
    assert tables.load_table("quarantine", tmp_path)["reason"].tolist() == ["first build"]
    save("second build")
    assert tables.load_table("quarantine", tmp_path)["reason"].tolist() == ["second build"]


@pytest.mark.parametrize("umask, mode", [
    (0o022, 0o644),  # the usual: everyone may read the tables, only the owner write them
    (0o002, 0o664),  # a shared group folder: the group may write too
    (0o077, 0o600),  # a private umask stays private
])
def test_tables_and_manifest_get_the_permissions_of_a_new_file(tmp_path, umask, mode):
    # mkstemp alone makes every file 0600: a colleague could not read a shared processed folder
    from helpers import atomic

    atomic._umask.cache_clear()
    old = os.umask(umask)
    try:
        tables.save_table(tables.build_table("quarantine", []), tmp_path / "quarantine.parquet")
        with tables.TableWriters(tmp_path / "built") as writers:
            writers.write("quarantine", tables.build_table("quarantine", [{"raw_path": "a", "reason": "b"}]))
    finally:
        os.umask(old)
        atomic._umask.cache_clear()
    written = [tmp_path / "quarantine.parquet", *(tmp_path / "built").glob("*.parquet")]
    assert {path.stat().st_mode & 0o777 for path in written} == {mode}
