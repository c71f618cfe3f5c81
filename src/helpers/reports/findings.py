"""Write a report's findings from its tables: a few sentences, each with the number of documents behind it.

In: the frames a notebook already loaded (documents, theme hits, indicator records, the target
ledger, the indicator panel, the reuse pairs). Out: `Finding` sentences whose numbers are computed here, never typed; `show_findings`
renders them as Markdown at the top of a report. A selection too small to say something says so.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from helpers.reports.display import format_share, name_indicator

MIN_DOCUMENTS_FOR_TRENDS = 2  # a theme rises or falls only between two years with documents
MIN_CHANGE_POINTS = 2.0  # a change in a theme's share smaller than this is not called a rise or fall
MAX_NAMED = 3  # indicators named in one sentence when several are reported equally often
# A work report shorter than this is taken to be a part of one (a city's or a province's runs to 10,000 characters
# and more; the 2026 provincial reports in ../shared/corpora to 9,800-26,000)
SHORT_WORK_REPORT = 6000
INCOMPLETE_NOTE = "says its copy may be incomplete"  # corpus/boilerplate.find_incomplete_notices, in read_notes
SITE_IN_NOTE = re.compile(r"the source site \((.+?)\) says its copy")  # …and the site, where the notice names it


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
    genre_text = ", ".join(_count_genre(genre, count) for genre, count in genres.items())
    text = (f"{n:,} document{'s' if n != 1 else ''} about {documents['place'].nunique():,} "
            f"place{'s' if documents['place'].nunique() != 1 else ''}, {span}"
            + (f" ({undated} undated)" if undated else "") + f": {genre_text}.")
    return [Finding(text, n), *_find_incomplete_documents(documents)]


def _find_incomplete_documents(documents: pd.DataFrame) -> list[Finding]:
    """Documents that may not be whole: a work report too short to be one (辽阳's of 2024 is 2,266 characters and stops
    inside its review, and 04 and 06 then found no target), or a copy its source site says is not complete (the
    notice the build removed with the site's footer, kept in ``read_notes``). Nothing when the table has neither
    character counts nor notes (each test reads only the column it needs)."""
    short, noticed = _is_short_work_report(documents), _has_incomplete_notice(documents)
    flagged = documents[short | noticed]
    if flagged.empty:
        return []
    named = "; ".join(
        f"{row.title or row.doc_id} ({row.place or 'place unknown'}, "
        f"{row.published_date if pd.notna(row.published_date) else 'undated'}): "
        + ", and ".join(reason for reason, holds in (
            (f"{int(row.n_chars):,} characters, short for a work report", short[row.Index]),
            (f"its source site{_name_site(row)} says its copy may not be whole", noticed[row.Index])) if holds)
        for row in flagged.head(MAX_NAMED).itertuples())
    more = f" and {len(flagged) - MAX_NAMED} more" if len(flagged) > MAX_NAMED else ""
    return [Finding(f"{len(flagged)} document{'s' if len(flagged) != 1 else ''} may be incomplete ({named}{more}); a "
                    "whole work report runs to 10,000 characters and more. What a document lacks, no table here shows: "
                    "a target missing from the ledger may be missing from the text.", len(flagged))]


def _name_site(row) -> str:
    """", 博县网," when the document's read_notes name the site whose notice calls the copy incomplete."""
    named = SITE_IN_NOTE.search(str(getattr(row, "read_notes", "") or ""))
    return f", {named.group(1)}," if named else ""


def _count_genre(genre: str, count: int) -> str:
    """ "2 news reports", "1 press conference", "1 document of unknown genre"."""
    if genre == "unknown":
        return f"{count} document{'s' if count != 1 else ''} of unknown genre"
    return f"{count} {genre.replace('_', ' ')}{'s' if count != 1 else ''}"


def summarize_themes(hits: pd.DataFrame, documents: pd.DataFrame) -> list[Finding]:
    """The theme stressed most, and which themes rose or fell from the first year to the last."""
    if hits.empty:
        return [Finding("No campaign theme keyword was found in this selection.", documents["doc_id"].nunique())]
    from helpers.reports.display import name_theme

    shares = hits["theme"].value_counts(normalize=True)
    n_docs = hits["doc_id"].nunique()
    top = shares.index[0]
    found = [Finding(f"The theme stressed most is {name_theme(top)}: {format_share(shares.iloc[0])} "
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
                             f"{format_share(by_year.loc[first, fall])} to {format_share(by_year.loc[last, fall])}."
                             + (" Each of the two years rests on one document: this compares two documents, not a "
                                "trend." if per_year.loc[first] == 1 and per_year.loc[last] == 1 else "")
                             + _describe_unlike_years(dated, documents, first, last), documents_behind))
    else:
        found.append(Finding(f"From {first} to {last} no theme's share moved by {MIN_CHANGE_POINTS:.0f} points "
                             "or more.", documents_behind))
    return found


def _describe_unlike_years(hits: pd.DataFrame, documents: pd.DataFrame, first: int, last: int) -> str:
    """A warning when two years' documents share no genre or no place: 02 called a city news story of 2022 against
    the provincial work report of 2026 a rise of 民生保障. Empty when they are alike, or unknown."""
    from helpers.reports.display import GENRE_NAMES

    if not {"doc_id", "genre", "place"} <= set(documents.columns):
        return ""
    about = documents.drop_duplicates("doc_id").set_index("doc_id")
    years = {year: about.reindex(hits.loc[hits["year"] == year, "doc_id"].unique()) for year in (first, last)}
    unlike = []
    for column, name, words in (("genre", "genre", GENRE_NAMES), ("place", "place", {})):
        seen = {year: set(rows[column].dropna()) for year, rows in years.items()}
        if seen[first] and seen[last] and not seen[first] & seen[last]:
            unlike.append(f"{name} ({first}: {'、'.join(sorted(words.get(v, v) for v in seen[first]))}; "
                          f"{last}: {'、'.join(sorted(words.get(v, v) for v in seen[last]))})")
    incomplete = sorted(year for year, rows in years.items() if _is_incomplete(rows).any())
    cut = (f" A document of {' and '.join(map(str, incomplete))} may be incomplete (see above)." if incomplete else "")
    return (f" The two years' documents differ in {' and '.join(unlike)}: the change may come from the documents "
            "rather than from time." if unlike else "") + cut


def _is_incomplete(documents: pd.DataFrame) -> pd.Series:
    """Which documents may not be whole: a work report too short to be one, or a copy its site calls incomplete."""
    return _is_short_work_report(documents) | _has_incomplete_notice(documents)


def _is_short_work_report(documents: pd.DataFrame) -> pd.Series:
    if "n_chars" not in documents:
        return pd.Series(False, index=documents.index)
    return (documents["genre"] == "government_work_report") & (documents["n_chars"] < SHORT_WORK_REPORT)


def _has_incomplete_notice(documents: pd.DataFrame) -> pd.Series:
    if "read_notes" not in documents:
        return pd.Series(False, index=documents.index)
    return documents["read_notes"].fillna("").astype(str).str.contains(INCOMPLETE_NOTE, regex=False)


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
        counts = linked.groupby("indicator").agg(figures=("doc_id", "size"), places=("place", "nunique"))
        most = counts[counts["figures"] == counts["figures"].max()].sort_values("places", ascending=False)
        named = ", ".join(f"{name_indicator(code)} ({row.places:,} place{'s' if row.places != 1 else ''})"
                          for code, row in most.head(MAX_NAMED).iterrows())
        more = f" and {len(most) - MAX_NAMED} more" if len(most) > MAX_NAMED else ""
        rows = linked[linked["indicator"].isin(most.index)]
        lead = (f"the one reported most is {named}" if len(most) == 1
                else f"the ones reported most, equally often, are {named}{more}")
        figures = int(most["figures"].iat[0])
        count = f"{figures:,} figure{'s' if figures != 1 else ''}" + (" each" if len(most) > 1 else "")
        found.append(Finding(f"{format_share(len(linked) / len(records))} of them have a canonical indicator; "
                             f"{lead}: {count}.", rows["doc_id"].nunique()))
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
    return [Finding(text, documents + ledger["result_doc"].dropna().nunique()), *_find_doubtful(ledger, documents)]


def _find_doubtful(targets: pd.DataFrame, documents: int, result: str = "result") -> list[Finding]:
    """How many of the targets and of their results the kind model is not sure of (less than SURE_KIND); nothing
    where the table carries no model probabilities. ``result`` names the column of the result's quote."""
    from helpers.indicators.kind_model import SURE_KIND  # here, not at import: every report imports findings

    doubtful = _count_doubtful(targets, SURE_KIND, result)
    if doubtful is None:
        return []
    targets_doubtful, weighed, judged, results_doubtful = doubtful
    if not targets_doubtful and not results_doubtful:
        results = f" and the {judged:,} results found" if judged else ""
        return [Finding(f"The kind model is at least {SURE_KIND:.1f} sure of all {weighed:,} targets it weighed "
                        f"(`target_confidence`){results}.", documents)]
    results = f" and of {results_doubtful:,} of the {judged:,} results found (`result_confidence`)" if judged else ""
    return [Finding(f"The kind model is less than {SURE_KIND:.1f} sure of {targets_doubtful:,} of the {len(targets):,} "
                    f"targets (`target_confidence`){results}: read their sentences before counting them, or re-run "
                    "with `min_confidence`.", documents)]


def _count_doubtful(ledger: pd.DataFrame, sure: float, result: str = "result") -> tuple[int, int, int, int] | None:
    """(targets the model is less than ``sure`` of, targets with a probability, results found, results it is less
    sure of), or None where the ledger carries no model probabilities (records from before the model, made by hand,
    documented targets). ``result`` names the column of the result's quote: ``result`` in the ledger,
    ``result_quote`` in the indicator panel."""
    if "target_confidence" not in ledger:
        return None
    target = pd.to_numeric(ledger["target_confidence"], errors="coerce")
    if target.isna().all():
        return None
    result_sure = pd.to_numeric(ledger["result_confidence"], errors="coerce")
    return (int((target < sure).sum()), int(target.notna().sum()), int(ledger[result].notna().sum()),
            int((result_sure < sure).sum()))


def summarize_target_setting(targets: pd.DataFrame) -> list[Finding]:
    """How hard the headline targets are, how many ask more than their parent's, how many were met
    (``targets``: the indicator panel of notebook 06).

    >>> summarize_target_setting(pd.DataFrame(columns=["target_doc"]))[0].text
    'No headline target with a canonical indicator and a year was found in this selection.'
    """
    from helpers.targets.tables import drop_documented  # here, not at import: every report imports findings

    own = drop_documented(targets)  # the nation's documented targets are there only as parents
    n_documented = len(targets) - len(own)
    targets = own
    if targets.empty:
        return [Finding("No headline target with a canonical indicator and a year was found in this selection.", 0)]
    n_docs = targets["target_doc"].nunique()
    hardness = targets["hardness"].astype(str).value_counts()
    binding = int(hardness.get("binding_floor", 0) + hardness.get("binding_ceiling", 0))
    soft = int(hardness.get("soft", 0))
    n_places = targets["place"].nunique()
    plural = "s" if n_documented != 1 else ""
    beside = (f" Not counted: {n_documented} documented national target{plural} (resources/reference_targets.csv), "
              f"the parent{plural} of the provinces' targets." if n_documented else "")
    found = [Finding(f"{len(targets):,} headline target{'s' if len(targets) != 1 else ''} in {n_places:,} "
                     f"place{'s' if n_places != 1 else ''}: {binding} binding (确保, 不低于, 以上, 以内), {soft} soft "
                     f"(左右, 力争), {len(targets) - binding - soft} a bare value or a range.{beside}", n_docs)]
    with_parent = targets[targets["parent_target_mid"].notna()]
    if with_parent.empty:
        found.append(Finding("No target has a parent's target for the same indicator, year and unit, so "
                             "escalation (层层加码) cannot be measured here.", n_docs))
    else:
        escalated = int(pd.to_numeric(with_parent["escalated"], errors="coerce").fillna(0).sum())
        found.append(Finding(f"{escalated} of {len(with_parent):,} target{'s' if len(with_parent) != 1 else ''} "
                             f"with a parent's target {'ask' if len(with_parent) != 1 else 'asks'} for more than the "
                             "parent (层层加码), measured against the middle of the parent's target: against a range "
                             "(4.5%—5%), a target at its top (5%) counts as more.",
                             with_parent["target_doc"].nunique()))
    status = targets["status"].astype(str).value_counts()
    met, missed = int(status.get("met", 0)), int(status.get("missed", 0))
    if met + missed:
        judged = targets[targets["status"].isin(["met", "missed"])]
        judged_text = (f"the {met + missed} targets with a later result were" if met + missed != 1
                       else "the one target with a later result was")
        found.append(Finding(f"{met} of {judged_text} met.",
                             judged["target_doc"].nunique() + judged["result_doc"].nunique()))
    else:
        found.append(Finding("No target has a later result in this corpus, so none can be judged "
                             "met or missed.", n_docs))
    return found + _find_doubtful(targets, n_docs, result="result_quote")


def summarize_reuse(reuse: pd.DataFrame, documents: pd.DataFrame, travel: pd.DataFrame,
                    boilerplate: pd.DataFrame | None = None) -> list[Finding]:
    """How many passages the selection shares with other documents, the one that travelled furthest,
    and how many documents are reposts (``reuse``: the pairs of notebook 07 without the genre's boilerplate;
    ``travel``: `diffusion.summarize_passage_travel` of them, most travelled first; ``boilerplate``: the pairs left
    out as boilerplate, counted apart: 07 named a work report's opening formula as the passage that travelled
    furthest)."""
    n_docs = documents["doc_id"].nunique()
    if n_docs == 0:
        return [Finding("This selection holds no documents: there is nothing to report for these places "
                        "and years.", 0)]
    n_boilerplate = boilerplate["cluster_id"].nunique() if boilerplate is not None and len(boilerplate) else 0
    aside = (f" ({n_boilerplate:,} more passage{'s are' if n_boilerplate != 1 else ' is'} the genre's boilerplate, "
             "left out)" if n_boilerplate else "")
    if reuse.empty:
        found = [Finding("No passage of these documents is found in another document of the corpus"
                         + (f", beyond the genre's boilerplate ({n_boilerplate:,} passage"
                            f"{'s' if n_boilerplate != 1 else ''})." if n_boilerplate else "."), n_docs)]
    else:
        sharing = pd.unique(pd.concat([reuse["doc_id_a"], reuse["doc_id_b"]]))
        text = (f"{len(reuse):,} passage pair{'s' if len(reuse) != 1 else ''} link {len(sharing):,} documents; "
                f"they hold {reuse['cluster_id'].nunique():,} distinct passage"
                f"{'s' if reuse['cluster_id'].nunique() != 1 else ''}{aside}.")
        if len(travel):
            top = travel.iloc[0]
            first = top["first_date"]
            when = f" on {pd.Timestamp(first):%Y-%m-%d}" if pd.notna(first) else ""
            text += (f" The one that travelled furthest is in {int(top['n_docs']):,} documents, first in "
                     f"{top['first_place']}{when}; the later ones may have it from a common source (a provincial "
                     "series title, the central government's report) rather than from the first: read the passage.")
        found = [Finding(text, len(sharing))]
    if "counted" in documents:
        reposts = int((~documents["counted"].astype(bool)).sum())
        found.append(Finding(f"{reposts:,} of the {n_docs:,} documents "
                             + ("are reposts of an earlier one and count once." if reposts != 1
                                else "is a repost of an earlier one and counts once.") if reposts else
                             "No document is a repost of another: each counts on its own.", n_docs))
    return found


def show_findings(findings: list[Finding]):
    """The findings as a Markdown list, each sentence followed by its number of documents."""
    from IPython.display import Markdown

    lines = ["**Findings.**", ""]
    lines += [f"- {f.text} *({f.documents:,} document{'s' if f.documents != 1 else ''})*" for f in findings]
    return Markdown("\n".join(lines))
