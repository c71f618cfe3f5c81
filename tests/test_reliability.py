"""A build that can be killed anywhere: readers see one whole set of tables, leftovers go, workers die.

Builds are killed for real (SIGKILL) in forked processes at chosen file operations, found with Python's
audit hooks (``os.rename`` is raised by ``os.replace`` too), so nothing in the build is patched.
"""

import json
import multiprocessing
import os
import shutil
import signal
import sys
import threading
import time

import pyarrow.parquet as pq
import pytest

from conftest import RAW
from helpers import store as tables
from helpers.build.builder import build_corpus
from helpers.build.generations import GENERATIONS_DIR
from helpers.build.lock import BuildLockedError, hold_build_lock
from helpers.cli import main

# Every table a build publishes: the per-document ones and the corpus-wide reuse tables
ALL_TABLES = [*tables.SCHEMAS, *tables.CORPUS_SCHEMAS]

SEED = (RAW / "000_c314c07c1d40f028.txt").read_bytes()
# File operations of a build, in the order they happen; an audit hook sees each one before it is done
FILE_EVENTS = {"os.rename", "os.symlink", "os.remove", "shutil.rmtree", "os.mkdir"}
FORK = multiprocessing.get_context("fork")


def _raw(folder, extra=""):
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(RAW.glob("00[0-2]*.txt")):
        (folder / path.name).write_bytes(path.read_bytes() + extra.encode("utf-8"))
    return folder


def _read_complete_set(processed):
    """What a reader gets: every table through load_table from one generation, and its build id."""
    folder = tables.resolve_generation(processed)
    loaded = {name: tables.load_table(name, folder) for name in ALL_TABLES}
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    # the names an older script opens lead to the same build
    for name in ALL_TABLES:
        metadata = pq.read_schema(processed / f"{name}.parquet").metadata
        assert metadata[tables.BUILD_ID_KEY].decode() == manifest["build_id"], name
    return manifest["build_id"], loaded


def _leftovers(processed):
    """Everything in the processed folder that is not the published set, the cache or the lock."""
    published = {f"{name}.parquet" for name in ALL_TABLES} | {"manifest.json", "current", ".cache",
                                                                  ".build.lock", GENERATIONS_DIR}
    found = [p.name for p in processed.iterdir() if p.name not in published]
    current = (processed / "current").resolve().name
    previous = json.loads((processed / "current" / "manifest.json").read_text())["previous_generation"]
    found += [g.name for g in (processed / GENERATIONS_DIR).iterdir() if g.name not in (current, previous)]
    found += [p.name for p in (processed / GENERATIONS_DIR).rglob("*") if p.name.startswith(".")]
    return found


def _build_killed_at(raw, processed, event_number, workers=1, batch_size=16):
    """Run a build in a forked process that kills itself (SIGKILL) before its event_number-th file
    operation; return how many file operations it saw when it was not killed."""
    queue = FORK.Queue()

    def child():
        seen = [0]

        def hook(event, args):
            if event in FILE_EVENTS:
                seen[0] += 1
                if seen[0] == event_number:
                    os.kill(os.getpid(), signal.SIGKILL)

        sys.addaudithook(hook)
        build_corpus(raw, processed, progress=False, workers=workers, batch_size=batch_size)
        queue.put(seen[0])

    process = FORK.Process(target=child)
    process.start()
    process.join()
    return queue.get() if process.exitcode == 0 else None


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory):
    """A processed folder built from the old raw files, and the new raw files with what they give."""
    base = tmp_path_factory.mktemp("kill")
    old_raw, new_raw = _raw(base / "old"), _raw(base / "new", "\n新增一句:全市新开工项目120个。")
    old = base / "processed-old"
    build_corpus(new_raw, old, progress=False)  # a generation before the old one: a rebuild removes it
    build_corpus(old_raw, old, progress=False)
    new = base / "processed-new"
    build_corpus(new_raw, new, progress=False)
    return old, new_raw, _read_complete_set(old), _read_complete_set(new)[1]


def _check_old_or_new(processed, old_set, new_tables):
    build_id, loaded = _read_complete_set(processed)
    if build_id == old_set[0]:
        expected = old_set[1]
    else:
        expected = new_tables
    for name in ALL_TABLES:
        assert loaded[name].equals(expected[name]), name
    return "old" if build_id == old_set[0] else "new"


def test_a_build_killed_before_each_file_operation_leaves_a_whole_old_or_new_set(old_and_new, tmp_path):
    # The failure: tables renamed one at a time, a kill after the third rename left documents
    # from the old build and sentences/indicators from the new one. Every file operation of a build
    # (its generation folder, the renames of its tables, the manifest, the switch of `current`, the
    # links, the removal of old generations) is a place to kill it.
    old, new_raw, old_set, new_tables = old_and_new
    processed = tmp_path / "processed"
    shutil.copytree(old, processed, symlinks=True)
    total = _build_killed_at(new_raw, processed, 0)  # not killed: count the operations
    assert total and total > 10
    outcomes = []
    for number in range(1, total + 1):
        shutil.rmtree(processed)
        shutil.copytree(old, processed, symlinks=True)
        assert _build_killed_at(new_raw, processed, number) is None  # killed
        outcomes.append(_check_old_or_new(processed, old_set, new_tables))
        build_corpus(new_raw, processed, progress=False)  # the next build
        assert _check_old_or_new(processed, old_set, new_tables) == "new"
        assert _leftovers(processed) == [], number
    assert outcomes[0] == "old" and outcomes[-1] == "new" and set(outcomes) == {"old", "new"}


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.2, 0.5, 1.0, 1.5, 2.5, 4.0])
def test_a_build_killed_in_the_middle_of_writing_leaves_a_whole_set(old_and_new, tmp_path, delay):
    # a bigger corpus with local workers, killed from outside after a delay: reading, writing row
    # groups, committing, whatever it was doing
    old, _, old_set, _ = old_and_new
    raw = _raw(tmp_path / "raw")
    for i in range(40):
        (raw / f"copy{i}.txt").write_bytes(SEED + f"\n第{i}份副本。".encode("utf-8"))
    build_corpus(raw, tmp_path / "fresh", progress=False)
    new_tables = _read_complete_set(tmp_path / "fresh")[1]
    processed = tmp_path / "processed"
    shutil.copytree(old, processed, symlinks=True)
    process = FORK.Process(target=build_corpus, args=(raw, processed),
                           kwargs={"progress": False, "workers": 2, "batch_size": 2, "use_cache": False})
    process.start()
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    _check_old_or_new(processed, old_set, new_tables)
    build_corpus(raw, processed, progress=False)
    assert _leftovers(processed) == []


def _holds_file(pid, suffix):
    """Whether process pid has a file ending in suffix open (descriptors that close while we look are skipped)."""
    try:
        descriptors = os.listdir(f"/proc/{pid}/fd")
    except OSError:  # the process is gone
        return False
    for fd in descriptors:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}").endswith(suffix):
                return True
        except OSError:
            continue
    return False


def _children(pid):
    """Live (not zombie) child processes of pid, from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:  # gone while we looked
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:  # no such process
        return False


def _many_batches(tmp_path):
    raw = _raw(tmp_path / "raw")
    for i in range(12):
        (raw / f"copy{i}.txt").write_bytes(SEED + f"\n第{i}份副本。".encode("utf-8"))
    return raw


def test_no_worker_survives_a_killed_build(tmp_path):
    # The issue: workers still ran 40 s after their build was killed. The build is killed when it reads
    # its first batch back (its first spool file removed), while both workers are busy.
    raw = _many_batches(tmp_path)
    receiver, sender = FORK.Pipe(duplex=False)  # a pipe: its send is written before the kill

    def child():
        def hook(event, args):
            if event == "os.remove" and str(args[0]).endswith(".arrow"):
                sender.send(_children(os.getpid()))
                os.kill(os.getpid(), signal.SIGKILL)

        sys.addaudithook(hook)
        build_corpus(raw, tmp_path / "processed", progress=False, workers=2, batch_size=1, use_cache=False)

    process = FORK.Process(target=child)
    process.start()
    workers = receiver.recv()
    process.join()
    assert process.exitcode == -signal.SIGKILL
    assert len(workers) == 2
    deadline = time.monotonic() + 30  # the kernel kills them at once; this only bounds a failing wait
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
    build_corpus(raw, tmp_path / "processed", progress=False)
    assert _leftovers(tmp_path / "processed") == []


def test_ctrl_c_stops_the_workers_at_once_and_publishes_nothing(tmp_path):
    # Ctrl-C in a terminal, or "interrupt kernel" in JupyterLab: KeyboardInterrupt in the build's
    # process. The workers are terminated before the build returns, not left to finish their batches.
    raw = _many_batches(tmp_path)
    processed = tmp_path / "processed"
    queue = FORK.Queue()

    def child():
        pressed = []

        def hook(event, args):
            if event == "os.remove" and str(args[0]).endswith(".arrow") and not pressed:
                pressed.append(True)  # once: Ctrl-C pressed, not held down
                os.kill(os.getpid(), signal.SIGINT)

        sys.addaudithook(hook)
        try:
            build_corpus(raw, processed, progress=False, workers=2, batch_size=1, use_cache=False)
        except KeyboardInterrupt:
            queue.put(("interrupted", _children(os.getpid())))
            return
        queue.put(("finished", []))

    process = FORK.Process(target=child)
    process.start()
    outcome, children = queue.get()
    process.join()
    assert (outcome, children) == ("interrupted", [])
    assert not (processed / "current").exists()  # nothing published
    assert [p.name for p in (processed / GENERATIONS_DIR).iterdir()] == []  # its generation removed


def test_a_second_build_of_the_same_folder_is_refused_with_a_message(tmp_path, capsys):
    # The issue: two builds on one folder both ran to the end. A second one exits 3 and names the first.
    raw = _raw(tmp_path / "raw")
    processed = tmp_path / "processed"
    with hold_build_lock(processed):
        with pytest.raises(BuildLockedError, match=f"another build is writing .* \\(process {os.getpid()}"):
            build_corpus(raw, processed, progress=False)
        assert main(["build", "--raw", str(raw), "--processed", str(processed), "--quiet"]) == 3
        assert "another build is writing" in capsys.readouterr().err
    assert not (processed / "current").exists()
    assert build_corpus(raw, processed, progress=False).n_documents == 3  # the lock went with its holder


def test_a_second_build_can_wait_for_the_first(tmp_path):
    raw = _raw(tmp_path / "raw")
    processed = tmp_path / "processed"
    held, release = threading.Event(), threading.Event()

    def first():
        with hold_build_lock(processed):
            held.set()
            release.wait()

    thread = threading.Thread(target=first)
    thread.start()
    held.wait()
    threading.Timer(0.3, release.set).start()
    assert build_corpus(raw, processed, progress=False, wait=True).n_documents == 3
    thread.join()


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    # what builds killed before this design left: temporary tables beside the tables, forever
    raw = _raw(tmp_path / "raw")
    processed = tmp_path / "processed"
    build_corpus(raw, processed, progress=False)
    (processed / ".documents.parquet.k2j3h4.tmp").write_bytes(b"PAR1 half a table")
    (processed / ".manifest.json.abc123.tmp").write_text("{")
    (processed / GENERATIONS_DIR / "20261204T000000000000-99999-abcdef").mkdir()  # never published
    (processed / GENERATIONS_DIR / "20261204T000000000000-99999-abcdef" / "documents.parquet").write_bytes(b"x")
    build_corpus(raw, processed, progress=False)  # nothing changed: still cleans up
    assert _leftovers(processed) == []


def test_an_older_folder_of_plain_tables_is_taken_over(tmp_path):
    # a processed folder written before generations: real files at the top, replaced by links
    raw = _raw(tmp_path / "raw")
    processed = tmp_path / "processed"
    build_corpus(raw, tmp_path / "built", progress=False)
    shutil.copytree(tmp_path / "built", processed)  # links followed: plain files, as older builds left
    shutil.rmtree(processed / GENERATIONS_DIR)
    (processed / "current").unlink() if (processed / "current").is_symlink() else shutil.rmtree(processed / "current")
    (processed / "manifest.json").unlink()
    build_corpus(raw, processed, progress=False)
    assert all((processed / f"{name}.parquet").is_symlink() for name in tables.SCHEMAS)
    _read_complete_set(processed)
    assert _leftovers(processed) == []


def test_the_reader_refuses_a_table_from_another_build(tmp_path):
    raw = _raw(tmp_path / "raw")
    build_corpus(raw, tmp_path / "a", progress=False)
    build_corpus(_raw(tmp_path / "raw2", "\n补充一句。"), tmp_path / "b", progress=False)
    a, b = tables.resolve_generation(tmp_path / "a"), tables.resolve_generation(tmp_path / "b")
    shutil.copyfile(b / "sentences.parquet", a / "sentences.parquet")  # a mixed set, as the issue found
    with pytest.raises(ValueError, match="sentences.parquet does not belong to the build its manifest"):
        tables.load_table("sentences", tmp_path / "a")
    assert len(tables.load_table("documents", tmp_path / "a")) == 3  # the others still read


def test_links_out_of_the_raw_folder_are_not_read_and_are_listed(tmp_path):
    # The issue: a link to README.md became a document and /etc/passwd was read.
    from conftest import ROOT
    from helpers.build.pipeline import read_raw_bytes

    raw = _raw(tmp_path / "raw")
    (raw / "readme.txt").symlink_to(ROOT / "README.md")
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    (raw / "sub").mkdir()
    (raw / "sub" / "up.txt").symlink_to("../../outside.txt")  # a relative link that climbs out
    (tmp_path / "outside.txt").write_bytes(SEED)
    (raw / "again.txt").symlink_to(raw / "000_c314c07c1d40f028.txt")  # inside: read
    (raw / "linked-folder").symlink_to(tmp_path, target_is_directory=True)  # a folder: not walked
    summary = build_corpus(raw, tmp_path / "processed", progress=False)
    documents = tables.load_table("documents", tmp_path / "processed")
    quarantine = tables.load_table("quarantine", tmp_path / "processed").set_index("raw_path")["reason"]
    assert sorted(documents["raw_path"]) == ["000_c314c07c1d40f028.txt", "001_e097eca750060dbf.txt",
                                             "002_d766e72967905135.txt", "again.txt"]
    assert quarantine["passwd.txt"] == "symbolic link to /etc/passwd, outside the raw folder: not read"
    assert quarantine["readme.txt"].startswith(f"symbolic link to {ROOT / 'README.md'}, outside")
    assert quarantine["sub/up.txt"].startswith(f"symbolic link to {tmp_path / 'outside.txt'}, outside")
    assert "links to folders are not followed" in quarantine["linked-folder"]
    assert summary.n_documents + summary.n_quarantined == summary.n_files == 8
    with pytest.raises(OSError, match="outside the raw folder"):
        read_raw_bytes(str(raw), "passwd.txt")  # a file swapped for a link after the listing


def test_workers_never_hold_the_build_lock(tmp_path):
    # a killed build's workers die a moment after it; holding the lock in that moment, they refused
    # the next build (found by killing a build 0.2 s after its start)
    raw = _many_batches(tmp_path)
    processed = tmp_path / "processed"
    receiver, sender = FORK.Pipe(duplex=False)

    def child():
        def hook(event, args):
            if event == "os.remove" and str(args[0]).endswith(".arrow"):
                sender.send([_holds_file(pid, ".build.lock") for pid in _children(os.getpid())])
                os.kill(os.getpid(), signal.SIGKILL)

        sys.addaudithook(hook)
        build_corpus(raw, processed, progress=False, workers=2, batch_size=1, use_cache=False)

    process = FORK.Process(target=child)
    process.start()
    sender.close()  # so that a child that dies before it reports ends recv() with EOFError instead of a hang
    holding = receiver.recv()
    process.join()
    assert holding and not any(holding)  # every worker alive at that moment (one may have finished its batches)
    assert build_corpus(raw, processed, progress=False).n_documents == 15
