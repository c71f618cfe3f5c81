"""The command line: ``python -m helpers build`` and ``report``."""

from __future__ import annotations

import argparse
import logging
import sys

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


    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "build":
        return _build(args)
    return _report(args)


def _build(args) -> int:
    from helpers.build.builder import QuarantineError, build_corpus
    from helpers.build.lock import BuildLockedError

    try:
        summary = build_corpus(args.raw, args.processed, workers=args.workers, scheduler=args.scheduler,
                               use_cache=not args.no_cache, progress=not args.quiet, strict=args.strict,
                               wait=args.wait)
    except BuildLockedError as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    except QuarantineError as error:
        _print_summary(error.summary, args.processed)
        print(f"error: --strict: {error}; the tables in {args.processed} are unchanged", file=sys.stderr)
        return 1
    _print_summary(summary, args.processed)
    return 0


def _print_summary(summary, processed) -> None:
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{summary.n_documents} documents, {summary.n_quarantined} quarantined, "
          f"{summary.n_processed} processed, {summary.n_cached} from cache, "
          f"{summary.n_chars:,} characters in {summary.seconds:.2f} s "
          f"({summary.workers} process{'es' if summary.workers > 1 else ''}) -> {processed}")
    for raw_path, reason in summary.quarantined:
        print(f"  quarantined {raw_path}: {reason}")


def _report(args) -> int:
    from helpers.reports.runner import run_reports

    return run_reports(args)


if __name__ == "__main__":
    sys.exit(main())
