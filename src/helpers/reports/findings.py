"""Write a report's findings from its tables: a few sentences, each with the number of documents behind it.

In: the frames a notebook already loaded (documents, theme hits, indicator records, the target
ledger). Out: `Finding` sentences whose numbers are computed here, never typed; `show_findings`
renders them as Markdown at the top of a report. A selection too small to say something says so.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from helpers.reports.display import format_share, name_indicator

MIN_DOCUMENTS_FOR_TRENDS = 2  # a theme rises or falls only between two years with documents
MIN_CHANGE_POINTS = 2.0  # a change in a theme's share smaller than this is not called a rise or fall


class Finding(NamedTuple):
    """One sentence of findings and how many documents it rests on."""

    text: str
    documents: int


def summarize_documents(documents: pd.DataFrame) -> list[Finding]:
    """How many documents, from how many places, over which years, of which genres.

    >>> summarize_documents(pd.DataFrame({"doc_id": [], "place": [], "year": [], "genre": []}))[0].text
    'This selection holds no documents: there is nothing to report for these places and years.'
    """
    n = documents["doc_id"].nunique()
    if n == 0:
        return [Finding("This selection holds no documents: there is nothing to report for these places "
                        "and years.", 0)]
    years = documents["year"].dropna().astype(int)
    span = (f"published {years.min()}–{years.max()}" if years.nunique() > 1 else f"published in {years.min()}") \
        if len(years) else "none of them dated"
    undated = int(documents["year"].isna().sum())
    genres = documents["genre"].fillna("unknown").value_counts()
    genre_text = ", ".join(f"{count} {genre.replace('_', ' ')}" for genre, count in genres.items())
    text = (f"{n:,} document{'s' if n != 1 else ''} about {documents['place'].nunique():,} "
            f"place{'s' if documents['place'].nunique() != 1 else ''}, {span}"
            + (f" ({undated} undated)" if undated else "") + f": {genre_text}.")
    return [Finding(text, n)]


def summarize_themes(hits: pd.DataFrame, documents: pd.DataFrame) -> list[Finding]:
    """The theme stressed most, and which themes rose or fell from the first year to the last."""
    if hits.empty:
        return [Finding("No campaign theme keyword was found in this selection.", documents["doc_id"].nunique())]
    from helpers.reports.display import name_theme

    shares = hits["theme"].value_counts(normalize=True)
    n_docs = hits["doc_id"].nunique()
    top = shares.index[0]
    found = [Finding(f"The theme stressed most is {name_theme(top)} ({top}): {format_share(shares.iloc[0])} "
                     f"of {len(hits):,} theme keyword hits.", n_docs)]
    dated = hits.dropna(subset=["year"])
    per_year = dated.groupby("year")["doc_id"].nunique()
    if len(per_year) < 2 or per_year.sum() < MIN_DOCUMENTS_FOR_TRENDS:
        found.append(Finding("Too few dated documents (fewer than two years) to say which themes rise or fall.",
                             int(per_year.sum())))
        return found
    first, last = int(per_year.index.min()), int(per_year.index.max())
    by_year = dated.groupby("year")["theme"].value_counts(normalize=True).unstack(fill_value=0.0)
    change = ((by_year.loc[last] - by_year.loc[first]) * 100).sort_values()
    rise, fall = change.index[-1], change.index[0]
    documents_behind = int(per_year.loc[first] + per_year.loc[last])
    if change.iloc[-1] >= MIN_CHANGE_POINTS:
        found.append(Finding(f"From {first} to {last}, {name_theme(rise)} rose most, from "
                             f"{format_share(by_year.loc[first, rise])} to {format_share(by_year.loc[last, rise])} "
                             f"of theme hits; {name_theme(fall)} fell most, from "
                             f"{format_share(by_year.loc[first, fall])} to {format_share(by_year.loc[last, fall])}.",
                             documents_behind))
    else:
        found.append(Finding(f"From {first} to {last} no theme's share moved by {MIN_CHANGE_POINTS:.0f} points "
                             "or more.", documents_behind))
    return found


def summarize_indicators(records: pd.DataFrame) -> list[Finding]:
    """How many figures, of which kinds, and the indicator reported most."""
    n_docs = records["doc_id"].nunique() if len(records) else 0
    if records.empty:
        return [Finding("No figures were found in this selection.", 0)]
    kinds = records["kind"].value_counts()
    kind_text = ", ".join(f"{count:,} {kind}" for kind, count in kinds.items())
    found = [Finding(f"{len(records):,} figures: {kind_text}.", n_docs)]
    linked = records.dropna(subset=["indicator"])
    if len(linked):
        top = linked["indicator"].value_counts()
        rows = linked[linked["indicator"] == top.index[0]]
        found.append(Finding(f"{format_share(len(linked) / len(records))} of them have a canonical indicator; "
                             f"the one reported most is {name_indicator(top.index[0])} ({top.index[0]}), "
                             f"{top.iloc[0]:,} times in {rows['place'].nunique():,} places.",
                             rows["doc_id"].nunique()))
    return found


def summarize_ledger(ledger: pd.DataFrame) -> list[Finding]:
    """How many targets, and how many of them were met, missed, or not reported later."""
    if ledger.empty:
        return [Finding("No target with a canonical indicator and a period was found in this selection.", 0)]
    status = ledger["status"].value_counts()
    documents = ledger["target_doc"].nunique()
    met, missed, unknown = (int(status.get(s, 0)) for s in ("met", "missed", "not reported"))
    text = f"{len(ledger):,} targets: {met} met, {missed} missed, {unknown} without a later result in this corpus"
    if met + missed:
        text += f"; of those with a result, {format_share(met / (met + missed))} were met."
    else:
        text += ", so nothing can yet be said about whether targets were met."
    return [Finding(text, documents + ledger["result_doc"].dropna().nunique())]


def show_findings(findings: list[Finding]):
    """The findings as a Markdown list, each sentence followed by its number of documents."""
    from IPython.display import Markdown

    lines = ["**Findings.**", ""]
    lines += [f"- {f.text} *({f.documents:,} document{'s' if f.documents != 1 else ''})*" for f in findings]
    return Markdown("\n".join(lines))
