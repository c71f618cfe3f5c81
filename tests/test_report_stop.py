"""A report run stopped by SIGTERM or Ctrl-C leaves no temporary folder and the previous report."""

import signal
import subprocess
import sys
import time

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers.reports.runner import KERNEL_NAME, STOPPED_STATUS

pytestmark = pytest.mark.slow


def _write_notebook(folder, code: str):
    folder.mkdir(exist_ok=True)
    nb = new_notebook(metadata={"kernelspec": {"name": KERNEL_NAME, "display_name": "x", "language": "python"}})
    nb.cells = [new_code_cell("processed_dir = 'x'\noutput_dir = 'x'\nplace = 'all'", metadata={"tags": ["parameters"]}),
                new_markdown_cell("# Probe"), new_code_cell(code)]
    nbformat.write(nb, str(folder / "01_probe.ipynb"))


def _start_report(processed, notebooks, out):
    return subprocess.Popen([sys.executable, "-m", "helpers", "report", "--processed", str(processed),
                             "--out", str(out), "--notebook-dir", str(notebooks)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])  # a kill, and Ctrl-C
def test_a_stopped_report_leaves_no_temporary_folder(built_corpus, tmp_path, stop):
    notebooks, out = tmp_path / "notebooks", tmp_path / "reports"
    _write_notebook(notebooks, "print('first run')")
    first = _start_report(built_corpus, notebooks, out)
    assert first.wait() == 0, first.stderr.read()
    before = (out / "corpus" / "01_probe.html").read_text(encoding="utf-8")
    _write_notebook(notebooks, "import time\ntime.sleep(120)")  # a notebook still running when stopped
    process = _start_report(built_corpus, notebooks, out)
    staged = []
    while not staged and process.poll() is None:  # the run's temporary folder: reports/.corpus.*
        time.sleep(0.1)
        staged = [p for p in out.iterdir() if p.name.startswith(".corpus.")]
    assert staged, process.stderr.read()
    time.sleep(2)  # inside the notebook
    process.send_signal(stop)
    assert process.wait(timeout=60) == STOPPED_STATUS
    assert "stopped" in process.stderr.read()
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert (out / "corpus" / "01_probe.html").read_text(encoding="utf-8") == before
