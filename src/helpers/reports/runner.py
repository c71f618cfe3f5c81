"""Run the numbered notebooks with papermill into reports/, export HTML, and index the reports.

In: the processed tables (never rebuilt here) and ``notebooks/NN_*.ipynb``. Out: for each run
(``corpus`` or a place code) a folder ``reports/<run>/`` with the executed notebooks, their HTML
(code hidden, figures and a subset of the CJK font embedded) and ``run.json`` (with the selection's
number of documents); then ``reports/index.html``, every run newest first. The corpus run also
writes the research panels (:mod:`helpers.targets.export`) into ``reports/corpus/panels/``. A run is written to a
temporary folder and moved into place only when every notebook succeeded, so a failure leaves the
previous report of that name as it was.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from helpers.paths import NOTEBOOK_DIR
from helpers.reports.html_export import FONT_CSS, embed_font, write_html

KERNEL_NAME = "liaoning-workbench"
KERNEL_DISPLAY = "Liaoning workbench"
# The batch kernel logs nothing below CRITICAL: ipykernel warns on every start that its local TCP sockets
# are unencrypted (25 times in one `make reports`), and jupyter_client interrupts every kernel before
# shutting it down, so a successful run printed "ERROR | KeyboardInterrupt caught in kernel" when the
# interrupt landed while the kernel answered a last message (3 runs of 24). A failing cell still fails
# the run: its error comes back in papermill's reply, not in the kernel's log.
# Nor does it keep every cell's value in ``Out`` (IPython's output cache): a report never reads it back,
# and it held every figure and table a report showed until the kernel ended (whole tables at 1 GB; notebook
# 02's figures made its kernel 0.1 s slower to collect garbage and to exit).
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL", "--InteractiveShell.cache_size=0"]
# Once the last cell has answered, the kernel is stopped at once (nbclient's documented ``shutdown_kernel``
# setting) rather than asked to exit and waited for: every output is already in the notebook, and a report
# kernel's exit hooks only end IPython's history session. Its interpreter took 0.3 s to tear down pandas,
# matplotlib and notebook 02's tables (02: 2.78 s -> 2.41 s; the empty notebook 0.72 s -> 0.65 s).
KERNEL_SHUTDOWN = "immediate"
NOTEBOOK_NAME = re.compile(r"^(\d{2})_[a-z0-9_]+\.ipynb$")
REPORT_NOTEBOOKS_FROM = 1  # 00_explore is for JupyterLab, not for reports
STOPPED_STATUS = 130  # the shell's status for a command stopped by Ctrl-C


@dataclass(frozen=True)
class NotebookFailure(Exception):
    """A notebook that failed, with the cell that failed."""

    notebook: str
    cell: int | None
    error: str

    def __str__(self) -> str:
        where = f"cell {self.cell}" if self.cell is not None else "start-up"
        return f"notebook {self.notebook} failed in {where}: {self.error}"


def find_notebook_dir() -> Path:
    """The project's notebooks/ folder (the package is installed editable from src/)."""
    return NOTEBOOK_DIR


def list_notebooks(notebook_dir: Path, only: str | None = None) -> list[Path]:
    """Numbered report notebooks, optionally only the given numbers ("02,03")."""
    wanted = {n.strip().zfill(2) for n in only.split(",")} if only else None
    found = []
    for path in sorted(notebook_dir.glob("*.ipynb")):
        match = NOTEBOOK_NAME.match(path.name)
        if not match or int(match.group(1)) < REPORT_NOTEBOOKS_FROM:
            continue
        if wanted is None or match.group(1) in wanted:
            found.append(path)
    if wanted and len(found) != len(wanted):
        known = ", ".join(p.name for p in sorted(notebook_dir.glob("[0-9][0-9]_*.ipynb")))
        raise ValueError(f"--notebooks {only}: not all found; the notebooks are {known}")
    return found


def needs_place(notebook: Path) -> bool:
    """A notebook about one place (05_place_profile) is skipped in the corpus run."""
    metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    return bool(metadata.get("workbench", {}).get("needs_place"))


def ensure_kernel() -> str:
    """Register the project's own kernel (this interpreter) under a fixed name if needed."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    try:
        spec = manager.get_kernel_spec(KERNEL_NAME)
        if Path(spec.argv[0]).resolve() == Path(sys.executable).resolve():
            return KERNEL_NAME
    except NoSuchKernel:  # first run on this machine: register it below
        pass
    from ipykernel.kernelspec import install

    install(kernel_name=KERNEL_NAME, display_name=KERNEL_DISPLAY, prefix=sys.prefix)
    return KERNEL_NAME


def run_notebook(notebook: Path, output: Path, parameters: dict, kernel: str) -> None:
    """Execute one notebook with papermill and export it to HTML beside the output notebook."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name=kernel,
            progress_bar=False, cwd=str(notebook.parent), start_timeout=120,
            request_save_on_cell_execute=False,  # one write at the end (or at the failure), not one per cell
            extra_arguments=KERNEL_ARGUMENTS, shutdown_kernel=KERNEL_SHUTDOWN,
        )
    except PapermillExecutionError as error:
        raise NotebookFailure(notebook.name, _original_cell_number(output, error.cell_index),
                              f"{error.ename}: {error.evalue} (in: {error.source.splitlines()[0][:80]})") from None
    write_html(output, output.with_suffix(".html"))


def _original_cell_number(executed: Path, index: int) -> int:
    """The failing cell's number (from 1) in the notebook as written, without papermill's injected cell."""
    import nbformat

    try:
        cells = nbformat.read(str(executed), as_version=4).cells
    except (OSError, ValueError):  # papermill did not get to write the output
        return index + 1
    injected = [i for i, c in enumerate(cells) if "injected-parameters" in c.metadata.get("tags", [])]
    return index + (0 if injected and injected[0] < index else 1)



def run_reports(args) -> int:
    """The ``report`` command: returns the exit status."""
    from helpers import selection
    from helpers.corpus import overview as corpus

    processed = Path(args.processed).resolve()
    out = Path(args.out).resolve()
    try:
        everything = selection.select(processed)
        docs, manifest = everything.documents, everything.manifest
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    known = sorted(docs["place_code"].dropna().unique())
    extra = load_parameter_set(args.params) if args.params else {}
    if "place" in extra and args.place == "all" and not args.all_places:
        args.place = str(extra["place"])  # a parameter set may name its place
    if args.all_places:
        targets = ["all", *known]
    else:
        try:
            args.place = corpus.resolve_place(args.place)  # a code, or a Chinese name (辽阳市)
        except ValueError as error:
            reason = str(error) if " names " in str(error) else f"unknown place {args.place!r}"
            print(f"error: {reason}. Places with documents: "
                  f"{', '.join(known)} (or 'all' for the corpus)", file=sys.stderr)
            return 2
        targets = [args.place]
    notebook_dir = Path(getattr(args, "notebook_dir", None) or find_notebook_dir())
    try:
        notebooks = list_notebooks(notebook_dir, args.notebooks)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        check_parameters(notebooks, extra, args.params or "the parameters", notebook_dir)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    suffix = f"-{Path(args.params).stem}" if args.params else ""  # a parameter set has its own run folder
    kernel = ensure_kernel()
    out.mkdir(parents=True, exist_ok=True)
    status = 0
    with stop_on_sigterm():
        for target in targets:
            run = ("corpus" if target == "all" else target) + suffix
            selected = [n for n in notebooks if target != "all" or not needs_place(n)]
            try:
                seconds = run_one(selected, processed, out, run, target, extra, kernel, manifest)
                print(f"report {run}: {len(selected)} notebooks in {seconds:.1f} s -> {out / run}")
            except NotebookFailure as failure:
                print(f"error: report {run}: {failure}; the previous report {out / run} is unchanged",
                      file=sys.stderr)
                status = 1
            except KeyboardInterrupt as stop:
                print(f"report {run} stopped ({stop or 'Ctrl-C'}); the previous report {out / run} is unchanged",
                      file=sys.stderr)
                write_index(out)
                return STOPPED_STATUS
    write_index(out)
    return status


def run_one(notebooks: list[Path], processed: Path, out: Path, run: str, place: str,
            extra: dict, kernel: str, manifest: dict) -> float:
    """Run every notebook for one place into a temporary folder, then move it to out/run."""
    import papermill

    started = time.perf_counter()
    retired = None
    staging = Path(tempfile.mkdtemp(prefix=f".{run}.", dir=out))
    staging.chmod(0o755)  # mkdtemp makes it private; a report folder is for everyone
    final = out / run
    previous = _read_run_info(final)
    if final.is_dir():  # a partial run (--notebooks 03) keeps the other notebooks' reports
        shutil.copytree(final, staging, dirs_exist_ok=True)
    try:
        parameters = {**{k: v for k, v in extra.items() if k != "place"},
                      "processed_dir": str(processed), "output_dir": str(staging), "place": place}
        if place == "all":  # the panels cover every place; written first, so notebook 06 shows them
            from helpers.targets.export import build_panels, write_panels

            write_panels(build_panels([processed]), staging / "panels")
        for notebook in notebooks:  # each notebook gets the parameters it declares (papermill warns of any other)
            declared = papermill.inspect_notebook(str(notebook))
            run_notebook(notebook, staging / notebook.name, {k: v for k, v in parameters.items() if k in declared},
                         kernel)
        embed_font(sorted(staging.glob("*.html")))  # one subset of the CJK font for the run's pages
        names = sorted(set(previous.get("notebooks", [])) | {n.name for n in notebooks})
        finished = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        # which tables each page was made from: a partial run (--notebooks 03) keeps pages of older tables
        pages = {**previous.get("pages", {}),
                 **{n.name: {"tables_built_at": manifest.get("built_at"), "finished_at": finished} for n in notebooks}}
        info = {"run": run, "parameters": {**parameters, "output_dir": str(out / run)},
                "n_documents": count_selected_documents(processed, place, parameters),
                "notebooks": names, "pages": pages, "corpus": manifest, "finished_at": finished,
                "seconds": round(time.perf_counter() - started, 2)}
        (staging / "run.json").write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
        if final.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{run}.old.", dir=out))
            final.rename(retired / run)
        staging.rename(final)
    finally:  # also when stopped (Ctrl-C, or SIGTERM: see stop_on_sigterm)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if retired is not None:
            if not final.exists() and (retired / run).exists():  # stopped between the two renames
                (retired / run).rename(final)
            shutil.rmtree(retired, ignore_errors=True)
    return time.perf_counter() - started


def count_selected_documents(processed: Path, place: str, parameters: dict) -> int:
    """How many documents a run's selection holds: its place and years (undated documents included), a repost
    counted once as the pages count it (the index had said 26 where the pages said 25)."""
    from helpers import selection

    chosen = selection.select(processed, place, parameters.get("start_year"), parameters.get("end_year"))
    return len(chosen.documents)


@contextmanager
def stop_on_sigterm():
    """While inside, SIGTERM stops the report as Ctrl-C does (KeyboardInterrupt), so the temporary
    folders are removed on the way out; outside, the previous handler is back."""
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return

    def stop(signum, frame):
        raise KeyboardInterrupt(f"stopped by signal {signum}")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _read_run_info(folder: Path) -> dict:
    try:
        return json.loads((folder / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no previous run, or a damaged run.json: start afresh
        return {}


# What a value must be for the type papermill infers from a parameter's default (or annotation)
PARAMETER_TYPES = {"int": (int,), "float": (int, float), "str": (str,), "bool": (bool,), "list": (list,),
                   "dict": (dict,)}


def check_parameters(notebooks: list[Path], values: dict, source: str, notebook_dir: Path | None = None) -> None:
    """Raise a ValueError naming the first parameter that no notebook declares or whose value has
    another type than a notebook's parameters cell declares; checked before any notebook runs.

    A parameter set may hold parameters for other notebooks than those run (``--notebooks 03``), so
    a name is unknown only when no notebook of ``notebook_dir`` declares it.
    """
    import papermill

    declared = {notebook.name: papermill.inspect_notebook(str(notebook)) for notebook in notebooks}
    everywhere = set()
    for notebook in sorted((notebook_dir or find_notebook_dir()).glob("[0-9][0-9]_*.ipynb")):
        everywhere |= set(declared.get(notebook.name) or papermill.inspect_notebook(str(notebook)))
    for name, value in values.items():
        if name not in everywhere and name != "place":
            raise ValueError(f"parameter {name} in {source}: no notebook declares it "
                             f"(the parameters are {', '.join(sorted(everywhere))})")
        for notebook, parameters in declared.items():
            if name not in parameters:
                continue
            kind = parameters[name]["inferred_type_name"]
            allowed = PARAMETER_TYPES.get(kind)
            if allowed is None:  # None or an annotation papermill does not name: any value
                continue
            if isinstance(value, bool) and bool not in allowed or not isinstance(value, allowed):
                raise ValueError(
                    f"parameter {name} in {source} is {value!r} ({type(value).__name__}), but {notebook} "
                    f"declares {name} = {parameters[name]['default']} ({kind})")


def load_parameter_set(path: str) -> dict:
    """A YAML parameter set from notebooks/params/ (a place in it is used when --place is not given)."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        values = yaml.safe_load(handle) or {}
    if not isinstance(values, dict):
        raise ValueError(f"{path}: a parameter set is a mapping of parameter names to values")
    return values


def write_index(out: Path) -> Path:
    """reports/index.html, where a researcher starts: each run with its place, years, build date, number of
    documents and links to its reports, newest first."""
    from helpers.places import load_gazetteer

    places = load_gazetteer().places
    runs = []
    for info_path in out.glob("*/run.json"):
        try:
            runs.append((info_path.parent.name, json.loads(info_path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):  # a damaged run.json: that run is left out of the index
            continue
    runs.sort(key=lambda item: item[1].get("finished_at", ""), reverse=True)
    rows = []
    for run, info in runs:
        parameters = info.get("parameters", {})
        place = str(parameters.get("place", "all"))
        name = "全部文档 (whole corpus)" if place == "all" else (
            f"{places[place].name} ({place})" if place in places else place)
        years = _describe_years(parameters.get("start_year"), parameters.get("end_year"))
        corpus = info.get("corpus", {})
        links = "<br>".join(
            f'<a href="{html.escape(run)}/{html.escape(Path(n).stem)}.html">'
            f'{html.escape(Path(n).stem.replace("_", " "))}</a>' + _describe_older_tables(info, n, corpus)
            for n in info.get("notebooks", []))
        others = ", ".join(f"{k}={v}" for k, v in parameters.items()
                           if k not in ("processed_dir", "output_dir", "place", "start_year", "end_year"))
        documents = info.get("n_documents")
        rows.append(
            f"<tr><td><b>{html.escape(name)}</b><br><small>{html.escape(run)}</small></td>"
            f"<td>{html.escape(years)}</td>"
            f"<td style='text-align:right'>{'–' if documents is None else f'{documents:,}'}</td>"
            f"<td>{links}</td>"
            f"<td>{html.escape(str(info.get('finished_at', '–'))[:16].replace('T', ' '))}"
            f"<br><small>tables built {html.escape(str(corpus.get('built_at', '–'))[:16].replace('T', ' '))}</small></td>"
            f"<td><small>{html.escape(others) or '–'}</small></td></tr>")
    empty = "" if rows else "<p>No reports yet: run <code>make reports</code>.</p>"
    page = (
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>Reports</title>"
        "<style>body{margin:2em;max-width:75em}td,th{padding:.4em .8em;border-bottom:1px solid #ddd;"
        "text-align:left;vertical-align:top}th{background:#f4f4f4}small{color:#666}</style>"
        + FONT_CSS + "</head><body>"
        "<h1>辽宁全面振兴新突破三年行动: 报告 (reports)</h1>"
        "<p>Each run is one place (or the whole corpus) and a span of publication years; newest first. "
        "Start with <i>corpus overview</i>, then the themes, indicators and targets.</p>"
        f"{empty}<table><tr><th>place</th><th>years</th><th>documents<br><small>(with the places inside it; a repost once)</small></th><th>reports</th>"
        "<th>generated</th><th>other parameters</th></tr>" + "".join(rows) + "</table></body></html>")
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    embed_font([index])
    return index


def _describe_older_tables(info: dict, notebook: str, corpus: dict) -> str:
    """A note beside a page that a partial run kept from older tables than the run's newest pages; nothing for a page
    of the newest tables, or of a run written before pages were recorded (its run.json has no "pages").

    >>> info = {"pages": {"03_indicators.ipynb": {"tables_built_at": "2026-12-07T23:33:35+00:00"}}}
    >>> _describe_older_tables(info, "03_indicators.ipynb", {"built_at": "2026-12-08T09:00:00+00:00"})
    ' <small>(older tables: built 2026-12-07 23:33)</small>'
    """
    built = info.get("pages", {}).get(notebook, {}).get("tables_built_at")
    if not built or built == corpus.get("built_at"):
        return ""
    return f" <small>(older tables: built {html.escape(str(built)[:16].replace('T', ' '))})</small>"


def _describe_years(start, end) -> str:
    """'all years', '2023–2025', 'from 2026', 'until 2022' (undated documents always count)."""
    start = None if start in (None, 2000) else start
    end = None if end in (None, 2100) else end
    if start is None and end is None:
        return "all years"
    if start is None:
        return f"until {end}"
    if end is None:
        return f"from {start}"
    return f"{start}–{end}"
