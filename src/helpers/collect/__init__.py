"""Collect government pages into ``data/raw/``: ``python -m helpers collect SOURCES.csv``.

A polite, resumable collector that keeps the evidence. Modules, one job each:
:mod:`~helpers.collect.settings` (what a researcher may change: User-Agent, delay, retries),
:mod:`~helpers.collect.sources` (SOURCES.csv to :class:`~helpers.collect.sources.Source` rows),
:mod:`~helpers.collect.robots` (robots.txt rules per site), :mod:`~helpers.collect.fetch` (one URL
over HTTP: delay, retries, redirects, conditional requests), :mod:`~helpers.collect.links` (links of
a list page), :mod:`~helpers.collect.store` (bytes to files under ``collected/``),
:mod:`~helpers.collect.log` (the collection log and the catalog rows) and
:mod:`~helpers.collect.run` (the loop, the progress bar and the summary).

The build and the reports never import this package: only this command touches the network.
Nothing is imported here, so ``import helpers.collect`` stays cheap for the command line.
"""

from __future__ import annotations


def main(args) -> int:
    """Run ``python -m helpers collect`` with parsed arguments; returns the exit status."""
    from helpers.collect.run import run_command

    return run_command(args)
