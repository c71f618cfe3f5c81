"""The command line: ``python -m helpers build``, ``report``, ``export``, ``collect``, ``evaluate`` and ``train-kind``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from helpers import paths


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run one command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build data/processed/ from data/raw/")
    build.add_argument("--raw", default=str(paths.RAW_DIR), help="raw folder (read only)")
    build.add_argument("--processed", default=str(paths.PROCESSED_DIR), help="folder for the tables")
    build.add_argument("--workers", type=int, default=0,
                       help="local worker processes (default 0: serial below 8 MB of raw files, else one per core)")
    build.add_argument("--scheduler", default=None, help="address of a Dask distributed scheduler, e.g. tcp://host:8786")
    build.add_argument("--no-cache", action="store_true", help="process every document again")
    build.add_argument("--strict", action="store_true",
                       help="exit 1 and publish no tables when any file is quarantined")
    build.add_argument("--wait", action="store_true",
                       help="wait for another build of the same processed folder instead of exiting 3")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument("--no-reuse", action="store_true", help="skip the text-reuse pass (reuse tables removed)")

    report = commands.add_parser("report", help="run the numbered notebooks into reports/")
    report.add_argument("--processed", default=str(paths.PROCESSED_DIR))
    report.add_argument("--out", default=str(paths.REPORTS_DIR))
    places = report.add_mutually_exclusive_group()
    places.add_argument("--place", default="all", help="a place code, or 'all' for the corpus")
    places.add_argument("--all-places", action="store_true",
                        help="the corpus and then every place with documents")
    report.add_argument("--notebooks", default=None, help="comma-separated numbers, e.g. 01,03")
    report.add_argument("--notebook-dir", default=None, help="folder of the notebooks (default: notebooks/)")
    report.add_argument("--params", default=None, help="a YAML parameter set from notebooks/params/")

    export = commands.add_parser("export", help="write the research panels (Parquet, CSV, Stata .dta) and codebook")
    export.add_argument("--processed", default=str(paths.PROCESSED_DIR), help="folder of the tables")
    export.add_argument("--also", action="append", default=[],
                        help="another processed folder to include (repeatable), e.g. the provincial reports")
    export.add_argument("--out", default=str(paths.PANELS_DIR), help="folder for the panel files")
    export.add_argument("--min-confidence", type=float, default=0.0,
                        help="leave out targets and results whose kind the model is less sure of (0.7: see README)")

    collect = commands.add_parser("collect", help="fetch the pages of SOURCES.csv into data/raw/collected/",
                                  description="Defaults of the options: helpers/collect/settings.py.")
    collect.add_argument("sources", help="CSV with url and optional place, genre, title, published_date, follow")
    collect.add_argument("--raw", default=str(paths.RAW_DIR), help="raw folder (files go to collected/ in it)")
    collect.add_argument("--delay", type=float, default=None, help="seconds between requests to a host")
    collect.add_argument("--timeout", type=float, default=None, help="seconds before a request times out")
    collect.add_argument("--retries", type=int, default=None, help="further tries on time-outs, 429, 5xx")
    collect.add_argument("--user-agent", default=None, help="User-Agent header")
    collect.add_argument("--limit", type=int, default=None, help="stop after this many requests (a trial run)")
    collect.add_argument("--refresh", action="store_true",
                         help="ask again for documents collected before (conditional requests)")
    collect.add_argument("--quiet", action="store_true", help="no progress bar")

    evaluate = commands.add_parser("evaluate", help="score the extractor on hand-labelled documents",
                                   description="Labels: a folder with docs/*.txt and labels/*.yaml, as "
                                               "tests/fixtures/kind_gold (its README says how they are written).")
    evaluate.add_argument("--labels", default=str(paths.KIND_GOLD_DIR), help="folder of labelled documents")
    evaluate.add_argument("--split", default=None,
                          help="only these splits, comma-separated (dev, heldout-55, …; heldout for every "
                               "held-out part); all when left out")
    evaluate.add_argument("--figures", default=None, help="write every labelled figure, label beside extractor, as CSV")
    evaluate.add_argument("--compare", default=None,
                          help="a CSV an earlier --figures wrote: print what became right and what became wrong")

    train = commands.add_parser("train-kind", help="train the kind model on the development labels",
                                description="Writes src/helpers/resources/kind_model.tsv from the labels whose split "
                                            "is dev (needs scikit-learn, a development dependency).")
    train.add_argument("--labels", default=str(paths.KIND_GOLD_DIR), help="folder of labelled documents")
    train.add_argument("--out", default=None, help="where to write the table (default: the package's resources)")
    train.add_argument("--cross-validate", action="store_true",
                       help="only print the accuracy of 5-fold cross-validation by document (writes nothing)")
    train.add_argument("--learning-curve", action="store_true",
                       help="only print the cross-validated accuracy when trained on 1/8, 1/4, 1/2, 3/4 and all of "
                            "the other documents: would labelling more help? (writes nothing)")

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "build":
        return _build(args)
    if args.command == "export":
        return _export(args)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "train-kind":
        from helpers.indicators.kind_training import cross_validate, show_learning_curve, train_kind_model

        if args.learning_curve:
            print(show_learning_curve(args.labels))
        else:
            print(cross_validate(args.labels) if args.cross_validate else train_kind_model(args.labels, args.out))
        return 0
    if args.command == "collect":
        from helpers.collect import main as collect  # httpx is imported only to collect

        return collect(args)
    return _report(args)


def _build(args) -> int:
    from helpers.build.builder import QuarantineError, build_corpus
    from helpers.build.lock import BuildLockedError

    try:
        summary = build_corpus(args.raw, args.processed, workers=args.workers, scheduler=args.scheduler,
                               use_cache=not args.no_cache, progress=not args.quiet, strict=args.strict,
                               wait=args.wait, reuse=not args.no_reuse)
    except BuildLockedError as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    except QuarantineError as error:
        _print_summary(error.summary, args.processed)
        print(f"error: --strict: {error}; the tables in {args.processed} are unchanged", file=sys.stderr)
        return 1
    _print_summary(summary, args.processed)
    return 0


def describe_stage_runs(summary) -> str:
    """Which stages ran, when some of the processed documents' stages came from the cache: a build after an edit to
    themes.yaml said "6 processed, 0 from cache" though it had only tagged themes again. A processed file that no stage
    ran on was not a document (it is in the quarantine).

    >>> from helpers.build.builder import BuildSummary
    >>> describe_stage_runs(BuildSummary(6, 6, 0, 6, 0, 1.0, 100, stage_runs={"themes": 6}))
    ' (themes ran on 6; corpus and indicators from the cache)'
    >>> describe_stage_runs(BuildSummary(6, 6, 0, 6, 0, 1.0, 100, stage_runs={"corpus": 6, "indicators": 6, "themes": 6}))
    ''
    >>> describe_stage_runs(BuildSummary(7, 5, 1, 6, 1, 1.0, 100, stage_runs={"corpus": 5, "indicators": 1, "themes": 1}))
    ' (corpus ran on 5, indicators ran on 1, themes ran on 1; indicators and themes from the cache for the others; 1 not a document)'
    >>> describe_stage_runs(BuildSummary(6, 5, 1, 1, 5, 1.0, 100, stage_runs={}))
    ' (not a document)'
    """
    from helpers.build.cache import STAGES

    runs = summary.stage_runs
    if not summary.n_processed or all(runs.get(stage) == summary.n_processed for stage in STAGES):
        return ""
    documents = max(runs.values(), default=0)
    not_documents = summary.n_processed - documents
    if not documents:
        return " (not a document)" if not_documents == 1 else " (none a document)"
    ran = ", ".join(f"{stage} ran on {runs[stage]:,}" for stage in STAGES if runs.get(stage))
    cached = [stage for stage in STAGES if runs.get(stage, 0) < documents]
    parts = [ran]
    if cached:
        parts.append(f"{' and '.join(cached) if len(cached) < 3 else ', '.join(cached)} from the cache"
                     + (" for the others" if len(cached) < len(STAGES) and any(runs.get(s) for s in cached) else ""))
    if not_documents > 0:
        parts.append(f"{not_documents:,} not a document")
    return f" ({'; '.join(parts)})"


def _print_summary(summary, processed) -> None:
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{summary.n_documents} documents, {summary.n_quarantined} quarantined, "
          f"{summary.n_processed} processed{describe_stage_runs(summary)}, {summary.n_cached} from cache, "
          f"{summary.n_chars:,} characters in {summary.seconds:.2f} s "
          f"({summary.workers} process{'es' if summary.workers > 1 else ''}) -> {processed}")
    if summary.reuse_seconds:
        print(f"reuse: {summary.n_reused_passages:,} passage pairs in {summary.reuse_seconds:.2f} s")
    for raw_path, reason in summary.quarantined:
        print(f"  quarantined {raw_path}: {reason}")


def _export(args) -> int:
    from helpers.targets.export import build_panels, write_panels

    if not 0 <= args.min_confidence <= 1:
        print(f"error: --min-confidence is a probability between 0 and 1, not {args.min_confidence:g}", file=sys.stderr)
        return 2
    try:
        written = write_panels(build_panels([args.processed, *args.also], args.min_confidence), args.out,
                               args.min_confidence)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(", ".join(f"{name}: {n} rows" for name, n in written.rows.items()) + f" -> {written.folder}")
    return 0


def _evaluate(args) -> int:
    import pandas as pd

    from helpers.indicators.evaluation import compare_figure_lists, evaluate_labelled_documents

    split = tuple(args.split.split(",")) if args.split else None
    if not (Path(args.labels) / "labels").is_dir():
        print(f"error: no labels/ folder in {args.labels}", file=sys.stderr)
        return 2
    try:
        result = evaluate_labelled_documents(args.labels, split)
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(result.summary())
    figures = result.figure_table()
    if args.figures:
        figures.to_csv(args.figures, index=False, encoding="utf-8-sig")
        print(f"{len(figures)} figures -> {args.figures}")
    if args.compare:
        try:
            before = pd.read_csv(args.compare, encoding="utf-8-sig")
        except FileNotFoundError:
            print(f"error: --compare: no file {args.compare}", file=sys.stderr)
            return 2
        counts, lines = compare_figure_lists(before, figures)
        print("\n".join(lines + [f"against {args.compare}: {counts}"]))
    return 0


def _report(args) -> int:
    from helpers.reports.runner import run_reports

    return run_reports(args)


if __name__ == "__main__":
    sys.exit(main())
