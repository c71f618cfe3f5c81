"""Incremental, parallel and distributed builds give the tables of a serial build from scratch."""

import multiprocessing
import pickle
import shutil
import sqlite3
import tempfile

import pyarrow.parquet as pq
import pytest
from pathlib import Path

from conftest import RAW
from helpers.build import cache
from helpers.build import pipeline
from helpers import store as tables
from helpers.build.builder import build_corpus
from helpers.cli import describe_stage_runs


def _tables(folder):
    return {name: pq.read_table(folder / f"{name}.parquet") for name in [*tables.SCHEMAS, *tables.CORPUS_SCHEMAS]}


@pytest.fixture
def raw_copy(tmp_path):
    """The raw corpus, plus variants of the seeds so that builds have several batches."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    for i, path in enumerate(sorted(RAW.glob("*.txt"))):
        (raw / f"copy{i}.txt").write_bytes(path.read_bytes() + f"\n第{i}份副本。".encode("utf-8"))
    return raw


@pytest.fixture
def spy(monkeypatch):
    """Count how often each stage really runs."""
    calls = {"corpus": 0, "indicators": 0, "themes": 0}
    for stage, name in (("corpus", "run_corpus_stage"), ("indicators", "run_indicator_stage"),
                        ("themes", "run_theme_stage")):
        original = getattr(pipeline, name)

        def counted(*args, _stage=stage, _original=original):
            calls[_stage] += 1
            return _original(*args)

        monkeypatch.setattr(pipeline, name, counted)
    return calls


def test_rebuild_with_nothing_changed_touches_nothing(raw_copy, tmp_path, spy):
    processed = tmp_path / "processed"
    first = build_corpus(raw_copy, processed, workers=1, progress=False)
    stamps = {p.name: p.stat().st_mtime_ns for p in processed.glob("*.parquet")}
    second = build_corpus(raw_copy, processed, workers=1, progress=False)
    assert second.n_processed == 0 and second.n_cached == first.n_files
    assert spy["corpus"] == first.n_files  # only the first build ran the stages
    assert {p.name: p.stat().st_mtime_ns for p in processed.glob("*.parquet")} == stamps


def test_one_changed_and_one_added_document_are_the_only_ones_processed(raw_copy, tmp_path, spy):
    processed = tmp_path / "processed"
    build_corpus(raw_copy, processed, workers=1, progress=False)
    spy.update(corpus=0, indicators=0, themes=0)
    (raw_copy / "copy0.txt").write_bytes((raw_copy / "copy0.txt").read_bytes() + "新增一句话。".encode("utf-8"))
    (raw_copy / "new.txt").write_bytes((RAW / "002_d766e72967905135.txt").read_bytes())
    summary = build_corpus(raw_copy, processed, workers=1, progress=False)
    assert summary.n_processed == 2
    assert spy == {"corpus": 2, "indicators": 2, "themes": 2}
    fresh = tmp_path / "fresh"
    build_corpus(raw_copy, fresh, workers=1, use_cache=False, progress=False)
    assert _tables(processed) == _tables(fresh)


def test_a_lexicon_change_reruns_only_the_theme_stage(raw_copy, tmp_path, spy, monkeypatch):
    processed = tmp_path / "processed"
    first = build_corpus(raw_copy, processed, workers=1, progress=False)
    versions = dict(cache.stage_versions())
    monkeypatch.setattr(cache, "stage_versions", lambda: {**versions, "themes": "edited-themes-yaml"})
    spy.update(corpus=0, indicators=0, themes=0)
    summary = build_corpus(raw_copy, processed, workers=1, progress=False)
    assert spy == {"corpus": 0, "indicators": 0, "themes": first.n_documents}
    # and the build says so: it had printed "6 processed, 0 from cache" as though everything had run again
    assert summary.stage_runs == {"themes": first.n_documents} and first.stage_runs["corpus"] == first.n_documents
    assert describe_stage_runs(summary) == f" (themes ran on {first.n_documents}; corpus and indicators from the cache)"


@pytest.mark.parametrize("damage, why", [
    (lambda data: data[:len(data) // 2], "an entry cut short"),
    (lambda data: pickle.dumps({"documents": {}}), "an entry in the uncompressed format of earlier versions"),
    (lambda data: b"", "an empty entry"),
])
def test_a_damaged_cache_entry_is_recomputed_not_trusted(raw_copy, tmp_path, spy, damage, why):
    processed = tmp_path / "processed"
    build_corpus(raw_copy, processed, workers=1, progress=False)
    with sqlite3.connect(processed / ".cache" / cache.CACHE_FILE) as connection:
        rowid, value = connection.execute("SELECT rowid, value FROM results WHERE stage = 'themes'").fetchone()
        connection.execute("UPDATE results SET value = ? WHERE rowid = ?", (damage(value), rowid))
    before = _tables(processed)
    (processed / "manifest.json").unlink()  # force a pass over the documents
    spy.update({k: 0 for k in spy})
    build_corpus(raw_copy, processed, workers=1, progress=False)
    assert spy == {"corpus": 0, "indicators": 0, "themes": 1}, why
    assert _tables(processed) == before, why


def test_an_unreadable_cache_file_is_replaced(raw_copy, tmp_path, spy):
    processed = tmp_path / "processed"
    build_corpus(raw_copy, processed, workers=1, progress=False)
    before = _tables(processed)
    (processed / "manifest.json").unlink()
    for path in (processed / ".cache").iterdir():
        path.write_bytes(b"not a database " * 100)  # e.g. a disk error, or another program's file
    spy.update({k: 0 for k in spy})
    build_corpus(raw_copy, processed, workers=1, progress=False)
    assert spy["corpus"] == len(list(raw_copy.iterdir()))  # everything again, nothing trusted
    assert _tables(processed) == before


def test_the_cache_keeps_sentences_as_offsets_and_gives_back_their_texts(tmp_path):
    # A sentence is a slice of the cleaned text; the cache keeps its offsets only (half the time
    # to pack the corpus stage). Read back, the columns are the ones computed, texts included.
    path = sorted(RAW.glob("*.txt"))[4]  # the Traditional seed with pinyin: offsets after cleaning
    computed = pipeline.run_corpus_stage(path.read_bytes(), path.name, None)
    compact = pipeline.compact_corpus(computed)
    assert "text" not in compact["sentences"] and "text" in computed["sentences"]
    cache.write_cached_many(tmp_path, [("k" * 32, "corpus", compact)])
    assert pipeline.expand_cached_corpus(cache.read_cached(tmp_path, "k" * 32, "corpus")) == computed
    quarantined = pipeline.run_corpus_stage(b"", "empty.txt", None)
    assert pipeline.expand_cached_corpus(pipeline.compact_corpus(quarantined)) == quarantined
    assert pipeline.expand_cached_corpus(None) is None
    cache.close_cache(tmp_path)


def _write_entries(folder, worker):
    cache.write_cached_many(folder, [(f"{worker}-{i}", "themes", {"n": [i]}) for i in range(50)])
    return [cache.read_cached(folder, f"{worker}-{i}", "themes") for i in range(50)]


def test_worker_processes_can_open_and_fill_a_new_cache_at_once(tmp_path):
    """Four processes create the cache file together (no prepare_cache): none loses its entries."""
    context = multiprocessing.get_context("fork")
    with context.Pool(4) as pool:
        read_back = pool.starmap(_write_entries, [(tmp_path, w) for w in range(4)])
    assert read_back == [[{"n": [i]} for i in range(50)]] * 4
    assert all(cache.read_cached(tmp_path, f"{w}-{i}", "themes") == {"n": [i]} for w in range(4) for i in range(50))
    cache.close_cache(tmp_path)


def test_cache_entries_round_trip_compressed(tmp_path):
    value = {"documents": {"text": ["全面振兴新突破三年行动" * 1000]}}
    cache.write_cached_many(tmp_path, [("k" * 32, "corpus", value)])
    assert cache.read_cached(tmp_path, "k" * 32, "corpus") == value
    with sqlite3.connect(tmp_path / cache.CACHE_FILE) as connection:
        stored = connection.execute("SELECT value FROM results").fetchone()[0]
    assert stored[:4] == cache.CACHE_MAGIC and len(stored) < 2_000
    # a new cache gets large pages (SQLite ignores the setting once the file has its first table)
    with sqlite3.connect(tmp_path / cache.CACHE_FILE) as connection:
        assert connection.execute("PRAGMA page_size").fetchone()[0] == cache.PAGE_BYTES
    cache.close_cache(tmp_path)


def test_two_workers_build_the_tables_of_a_serial_build(raw_copy, tmp_path, monkeypatch):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    spools = tmp_path / "temporary"  # where the workers' spool files go
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    build_corpus(raw_copy, serial, workers=1, use_cache=False, progress=False, batch_size=2)
    summary = build_corpus(raw_copy, parallel, workers=2, use_cache=False, progress=False, batch_size=2)
    assert summary.workers == 2
    assert _tables(parallel) == _tables(serial)
    assert list(spools.iterdir()) == []  # every spool file read and removed, with its folder


def test_a_failed_parallel_build_removes_its_spool_and_keeps_the_tables(raw_copy, tmp_path, monkeypatch):
    # A worker's error stops the build: the previous tables stay, and no spool file is left behind
    processed, spools = tmp_path / "processed", tmp_path / "temporary"
    spools.mkdir()
    build_corpus(raw_copy, processed, workers=1, use_cache=False, progress=False)
    before = _tables(processed)
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    monkeypatch.setattr(pipeline, "process_batch", _fail)  # the forked workers inherit it
    with pytest.raises(RuntimeError, match="worker failed"):
        build_corpus(raw_copy, processed, workers=2, use_cache=False, progress=False, batch_size=2)
    assert _tables(processed) == before
    assert list(spools.iterdir()) == []


def _fail(*args):
    raise RuntimeError("worker failed")


def test_a_local_dask_cluster_builds_the_tables_of_a_serial_build(raw_copy, tmp_path):
    from distributed import LocalCluster

    serial, distributed = tmp_path / "serial", tmp_path / "dask"
    build_corpus(raw_copy, serial, workers=1, use_cache=False, progress=False, batch_size=3)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build_corpus(raw_copy, distributed, scheduler=cluster.scheduler_address, progress=False, batch_size=3)
    assert _tables(distributed) == _tables(serial)
    # the stage results computed remotely were cached here: a rebuild needs no cluster
    assert build_corpus(raw_copy, distributed, workers=1, progress=False).n_processed == 0


def test_every_resource_file_belongs_to_a_stage_or_to_no_per_document_work():
    """A resource file a stage reads must be in its version, or editing it (a kind cue, a table's column word, a
    story's lead) would leave stale caches: column_kinds.csv and lead_roles.csv were missing until 2026-12-07."""
    from importlib import resources

    staged = {name for _, files in cache.STAGES.values() for name in files}
    # files only the analyses and the reports read
    outside = {"gov_verbs.txt", "hardness.csv", "reference_targets.csv", "formulas.txt", "maps"}
    present = {path.name for path in resources.files("helpers").joinpath("resources").iterdir()
               if not path.name.startswith(("_", "."))}
    assert present - outside - staged == set(), "a resource file read per document is in no stage version"
    assert staged <= present, staged - present


def test_every_helper_module_belongs_to_a_stage_or_to_no_per_document_work():
    """A module a stage runs must be in its version, or editing it would leave stale caches."""
    from importlib import resources

    staged = {module for modules, _ in cache.STAGES.values() for module in modules}
    # modules that never run per document: analysis, reports, the build's own plumbing, the command line
    outside = {"__init__", "__main__", "atomic", "cli", "paths", "store", "selection", "spreadsheet", "text_index",
               "text_search",
               "corpus/__init__", "corpus/overview",
               "indicators/__init__", "indicators/evaluation", "indicators/indicator_tables", "indicators/ledger",
               "indicators/kind_training",
               "themes/__init__", "themes/theme_analysis"}
    root = Path(str(resources.files("helpers")))
    modules = {str(p.relative_to(root))[:-3] for p in root.rglob("*.py")
               if p.parts[len(root.parts)] not in ("build", "reports", "collect", "targets", "reuse")}
    assert modules - outside - staged == set(), "a module that runs per document is in no stage version"
    assert staged <= modules, staged - modules
