"""Analyse campaign themes across places and time: shares, distinctive terms, slogans, concordance.

In: frames of a selection of the processed tables (:mod:`helpers.selection`: ``documents``,
``doc_terms`` or their per-place counts, ``theme_hits``). Out: DataFrames. ``kwic`` is the
concordance a researcher types first in JupyterLab:
``theme_analysis.kwic("项目为王", selection.select("../data/processed"))``.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.paths import PROCESSED_DIR
from helpers.corpus.overview import filter_place, filter_years, load_documents
from helpers.indicators.indicator_tables import build_record_refs
from helpers.lexicon import load_gov_verbs, load_slogans, load_themes
from helpers.places import load_gazetteer
from helpers.store import load_table

GROUPS = ("doc_id", "place", "year", "genre")
PLACE_SUFFIXES = ("省", "市", "县")  # dropped to give a place's short name (灯塔市 → 灯塔); not 区: 振兴区 → 振兴


def load_theme_hits(processed_dir: str | Path = PROCESSED_DIR, place: str = "all",
                    start_year: int | None = None, end_year: int | None = None) -> pd.DataFrame:
    """Theme hits with their document's place, date, year, genre and length.

    Reads the whole table: notebooks read ``Selection.theme_hits`` or its counts, and the tests
    compare the two.
    """
    docs = load_documents(processed_dir, place, start_year, end_year)
    hits = load_table("theme_hits", processed_dir)
    return hits.merge(docs[["doc_id", "place", "place_code", "published_date", "year", "genre", "n_chars"]],
                      on="doc_id", how="inner")


def name_themes() -> pd.DataFrame:
    """Theme codes with their Chinese and English names, in taxonomy order."""
    return pd.DataFrame([(t.code, t.zh, t.en) for t in load_themes()], columns=["theme", "zh", "en"])


def summarize_theme_shares(hits: pd.DataFrame, documents: pd.DataFrame, by: str = "place",
                           count_reposts_once: bool = True) -> pd.DataFrame:
    """Hits per theme and group: count, per 10,000 characters, and share of the group's hits.

    ``by`` is one of doc_id, place, year, genre. Per-10k rates let long work reports and short news
    stories be compared; shares show what a group stresses whatever its length. ``hits``: theme hits,
    or hits counted per ``by`` and theme already (a ``hits`` column: ``Selection.count_theme_hits``).
    A repost counts once: documents whose ``counted`` column (from ``load_documents``) is False are
    left out, unless ``count_reposts_once`` is False (a selection leaves reposts out as it reads).
    """
    if by not in GROUPS:
        raise ValueError(f"by must be one of {GROUPS}")
    if count_reposts_once and "counted" in documents:
        documents = documents[documents["counted"]]
        if "doc_id" in hits:
            hits = hits[hits["doc_id"].isin(documents["doc_id"])]
    chars = documents.groupby(by)["n_chars"].sum()
    if "hits" in hits.columns:
        counts = hits.groupby([by, "theme"])["hits"].sum().astype("int64").reset_index()
    else:
        counts = hits.groupby([by, "theme"]).size().rename("hits").reset_index()
    # as float: with no hits (a place without documents in the years) map keeps the groups' dtype
    counts["per_10k_chars"] = counts["hits"] / counts[by].map(chars).astype("float64") * 10_000
    counts["share"] = counts["hits"] / counts.groupby(by)["hits"].transform("sum")
    return counts.merge(name_themes(), on="theme").sort_values([by, "hits"], ascending=[True, False],
                                                               ignore_index=True)


def pivot_theme_profile(shares: pd.DataFrame, by: str = "place", value: str = "share") -> pd.DataFrame:
    """Groups × themes (Chinese names) of one value, for a heatmap; themes in taxonomy order."""
    table = shares.pivot_table(index=by, columns="zh", values=value, fill_value=0.0)
    if by == "year" and len(table) and pd.api.types.is_float_dtype(table.index):
        table.index = table.index.astype("Int64")  # 2022, not 2022.0 (printed 2,022) when a year was missing
    order = [zh for zh in name_themes()["zh"] if zh in table.columns]
    return table[order]


def _place_names() -> frozenset[str]:
    """Every place's name, its aliases and its name without 省, 市 or 县 (灯塔 of 灯塔市 was among 02's
    distinctive terms), and the words a text uses for its own place."""
    gazetteer = load_gazetteer()
    names = {name for place in gazetteer.places.values() for name in (place.name, *place.aliases)}
    short = {name[:-1] for name in names if len(name) >= 3 and name.endswith(PLACE_SUFFIXES)}
    return frozenset(names | short | {"我市", "我省", "全市", "全省"})


def drop_terms(terms: pd.DataFrame, gov_verbs: bool = False, place_names: bool = False) -> pd.DataFrame:
    """Term rows without the generic government verbs and/or place names (each switchable)."""
    unwanted: set[str] = set()
    if not gov_verbs:
        unwanted |= load_gov_verbs()
    if not place_names:
        unwanted |= _place_names()
    return terms[~terms["term"].isin(unwanted)] if unwanted else terms


DISTINCTIVE_COLUMNS = ["place", "term", "count_here", "count_elsewhere", "g2", "log_ratio"]


def rank_distinctive_terms(terms: pd.DataFrame, documents: pd.DataFrame, place: str, n: int = 20,
                           gov_verbs: bool = False, min_count: int = 2,
                           place_names: bool = False) -> pd.DataFrame:
    """Terms over-used in one place's documents against all the others, by log-likelihood (G²).

    ``place`` is a place code (documents inside it count as its own). Only over-used terms are
    returned, strongest first, with their counts and the log ratio of relative frequencies.
    ``gov_verbs=False`` leaves the generic government verbs out, ``place_names=False`` place names.
    """
    inside = filter_place(documents, place)["doc_id"]
    if inside.empty:
        raise ValueError(f"no documents for place {place!r}")
    terms = drop_terms(terms, gov_verbs, place_names)
    ranked = score_keyness(terms, pd.DataFrame({"doc_id": inside.values, "code": place}), min_count)
    if ranked is None:
        raise ValueError("keyness needs documents both inside and outside the place")
    return ranked.head(n).drop(columns="code").reset_index(drop=True)


def rank_distinctive_terms_by_place(doc_terms: pd.DataFrame, documents: pd.DataFrame, place: str = "all",
                                    n: int = 12, gov_verbs: bool = False) -> pd.DataFrame:
    """Distinctive terms of ``place`` against the rest of ``documents``, or of every place with
    documents (place "all"), one block of ``n`` rows per place. Every place is scored in one pass.

    ``documents``: what the place is compared with (a selection of every place within the years,
    ``Selection.widen().documents``). ``doc_terms``: their word counts, per document (doc_id, term,
    n) or already summed per place (place_code, term, n: ``Selection.count_terms()``), which gives
    the same counts without a row per document and word.
    """
    counts = sum_terms_by(doc_terms, documents, "place_code")
    counts = drop_terms(counts, gov_verbs, place_names=False)
    codes = [place] if place != "all" else sorted(documents["place_code"].dropna().unique())
    inside = list_documents_inside(documents, codes)
    # a document is inside a place by its own place code: score the codes, not the documents
    own = inside["doc_id"].map(documents.set_index("doc_id")["place_code"])
    pairs = pd.DataFrame({"doc_id": own.values, "code": inside["code"].values}).drop_duplicates()
    ranked = score_keyness(counts.rename(columns={"place_code": "doc_id"}), pairs)
    if ranked is None:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    ranked = ranked.groupby("code", sort=True).head(n)
    names = {code: place.name for code, place in load_gazetteer().places.items()}
    return ranked.assign(place=ranked["code"].map(names))[DISTINCTIVE_COLUMNS].reset_index(drop=True)


def sum_terms_by(doc_terms: pd.DataFrame, documents: pd.DataFrame, column: str) -> pd.DataFrame:
    """(column, term, n): word counts of ``documents`` summed per value of one of their columns
    (place_code, place…); a missing value is a group of its own. ``doc_terms`` counted per document
    are kept to ``documents``; counted per ``column`` already, they are taken as they are."""
    if column not in doc_terms.columns:
        doc_terms = doc_terms[doc_terms["doc_id"].isin(documents["doc_id"])]
        doc_terms = doc_terms.assign(**{column: doc_terms["doc_id"].map(documents.set_index("doc_id")[column])})
    summed = doc_terms.groupby([column, "term"], dropna=False)["n"].sum().astype("int64")
    return summed.reset_index()


def list_documents_inside(documents: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """(doc_id, code) for every document inside each place code (its own code or a part of it).

    A place whose documents are none or all of them is left out: there is nothing to compare it
    with (the province, in a corpus of its cities)."""
    gazetteer, wanted = load_gazetteer(), set(codes)
    pairs = [(doc_id, code) for doc_id, own in zip(documents["doc_id"], documents["place_code"])
             if isinstance(own, str) for code in gazetteer.ancestors(own) if code in wanted]
    inside = pd.DataFrame(pairs, columns=["doc_id", "code"])
    sizes = inside["code"].value_counts()
    return inside[inside["code"].map(sizes) < len(documents)]


def score_keyness(terms: pd.DataFrame, inside: pd.DataFrame, min_count: int = 2) -> pd.DataFrame | None:
    """G² and log ratio of every term over-used inside each place against the rest of ``terms``.

    ``inside``: (doc_id, code) pairs. Out: code, term, count_here, count_elsewhere, g2, log_ratio,
    the strongest first within each code; None when there is nothing to compare (no place, or no
    term outside any place). Counts are summed as integers and scored as floats (a product of two
    corpus-wide counts overflows the table's int32 past 2^31)."""
    totals = terms.groupby("term")["n"].sum().astype("int64")
    grand = int(totals.sum())
    here = (terms[["doc_id", "term", "n"]].merge(inside, on="doc_id").groupby(["code", "term"])["n"].sum()
            .astype("int64").rename("count_here").reset_index())
    total_here = here["code"].map(here.groupby("code")["count_here"].sum()).astype("float64")
    comparable = total_here < grand  # a place holding every counted term has nothing to be compared with
    here, total_here = here[comparable].copy(), total_here[comparable]
    if here.empty:
        return None
    total_elsewhere = grand - total_here
    here["count_elsewhere"] = here["term"].map(totals).astype("int64") - here["count_here"]
    a, b = here["count_here"].astype("float64"), here["count_elsewhere"].astype("float64")
    expected_a = (a + b) * total_here / grand
    expected_b = (a + b) * total_elsewhere / grand
    here["g2"] = 2 * (_xlogx(a, expected_a) + _xlogx(b, expected_b))
    here["log_ratio"] = np.log2((a + 0.5) / total_here / ((b + 0.5) / total_elsewhere))
    here = here[(here["count_here"] >= min_count) & (here["log_ratio"] > 0)]
    return here.sort_values(["code", "g2", "term"], ascending=[True, False, True], ignore_index=True)


def _xlogx(observed: pd.Series, expected: pd.Series) -> pd.Series:
    """observed × ln(observed / expected), 0 where nothing was observed."""
    return observed * np.log((observed / expected).where(observed > 0, 1.0))


def track_slogans(hits: pd.DataFrame, slogans: list[str] | None = None) -> pd.DataFrame:
    """Which places use which slogan, in how many documents, first and last date, and where it is first used
    (``first_ref``: document#sentence@start-end; undated documents last).

    Slogans are the ones declared in ``resources/themes.yaml`` (each theme's ``slogans``: 项目为王,
    三篇大文章, 带土移植, 揭榜挂帅, 三破三立, 千人助千企…), or the terms given.
    """
    wanted = set(slogans) if slogans else set(load_slogans())
    rows = hits[hits["term"].isin(wanted)]
    rows = rows.drop_duplicates(["doc_id", "term", "start"])
    table = rows.groupby("term").agg(
        theme=("theme", "first"), documents=("doc_id", "nunique"), hits=("start", "size"),
        first_date=("published_date", "min"), last_date=("published_date", "max"))
    earliest = rows.sort_values(["published_date", "doc_id", "start"], na_position="last").drop_duplicates("term")
    table["first_ref"] = build_record_refs(earliest).set_axis(earliest["term"]).reindex(table.index)
    places = (rows[["term", "place"]].dropna().drop_duplicates().sort_values(["term", "place"])
              .groupby("term")["place"].agg("、".join))  # not a lambda per group: 0.04 -> 0.02 s
    table.insert(1, "places", places.reindex(table.index).fillna(""))
    return table.sort_values(["documents", "hits"], ascending=False).reset_index()


def count_theme_cooccurrence(hits: pd.DataFrame) -> pd.DataFrame:
    """Themes × themes: in how many sentences both occur (the diagonal: sentences with the theme).

    ``hits``: theme hits, or theme pairs counted already (theme_a, theme_b, sentences:
    ``Selection.count_theme_pairs``), which gives the same table.
    """
    names = name_themes().set_index("theme")["zh"]
    if "sentences" in hits.columns:
        if hits.empty:
            return pd.DataFrame(dtype="int64")
        matrix = hits.pivot(index="theme_a", columns="theme_b", values="sentences").fillna(0).astype("int64")
        order = [t for t in names.index if t in matrix.index]
        matrix = matrix.loc[order, order]
        matrix.index = matrix.columns = [names[t] for t in order]
        return matrix
    pairs = hits[["doc_id", "sentence_id", "theme"]].drop_duplicates()
    if pairs.empty:  # no documents in the selection: an empty table, not crosstab's error
        return pd.DataFrame(dtype="int64")
    onehot = pd.crosstab([pairs["doc_id"], pairs["sentence_id"]], pairs["theme"]).clip(upper=1)
    matrix = onehot.T @ onehot
    order = [t for t in names.index if t in matrix.index]
    matrix = matrix.loc[order, order]
    matrix.index = matrix.columns = [names[t] for t in order]
    return matrix


def summarize_term_frequencies(terms: pd.DataFrame, doc_ids, gov_verbs: bool = False, n: int = 150,
                               place_names: bool = True) -> dict[str, int]:
    """{term: count} over some documents, stop words and (by default) government verbs left out."""
    rows = drop_terms(terms[terms["doc_id"].isin(set(doc_ids))], gov_verbs, place_names)
    counts = rows.groupby("term")["n"].sum().sort_values(ascending=False).head(n)
    return counts.to_dict()


def summarize_term_frequencies_by_place(doc_terms: pd.DataFrame, documents: pd.DataFrame,
                                        gov_verbs: bool = False, places: int = 4) -> dict[str, dict[str, int]]:
    """{place name: {term: count}} for the ``places`` places of ``documents`` with most text.

    ``doc_terms``: word counts per document (doc_id, term, n) or summed per place already (place,
    term, n: ``Selection.count_terms()``).
    """
    biggest = documents.groupby("place")["n_chars"].sum().sort_values(ascending=False).head(places)
    counts = sum_terms_by(doc_terms, documents, "place")
    return {name: summarize_term_frequencies(counts[counts["place"] == name].assign(doc_id=name), [name],
                                             gov_verbs, place_names=False)
            for name in biggest.index}


def kwic_slogans(source, tracked: pd.DataFrame, slogans: int = 3, window: int = 20,
                 per_slogan: int = 6) -> pd.DataFrame:
    """Concordances of the ``slogans`` slogans used in most documents: the first rows of
    ``tracked`` (a `track_slogans` table), each in ``source`` (a selection, or documents with text). Each slogan's
    ``per_slogan`` lines come from as many documents as hold it, the earliest first (02 showed six lines of one
    辽阳 release for a slogan 盘锦 had used first): of the first SPREAD_FROM × ``per_slogan`` lines found, each
    document's first, by date, then the others."""
    frames = []
    for term in tracked["term"].head(slogans):
        lines = kwic(term, source, window, limit=per_slogan * SPREAD_FROM)
        first = ~lines.duplicated("doc_id")
        lines = lines.assign(_later=~first, _date=pd.to_datetime(lines["date"], errors="coerce"))
        frames.append(lines.sort_values(["_later", "_date", "doc_id", "start"], na_position="last", kind="stable")
                      .head(per_slogan).drop(columns=["_later", "_date"]))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=KWIC_OUTPUT)


def summarize_theme_terms(hits: pd.DataFrame, theme: str) -> dict[str, int]:
    """{keyword: hits} of one theme, for its word cloud."""
    return hits[hits["theme"] == theme].groupby("term").size().sort_values(ascending=False).to_dict()


KWIC_COLUMNS = ["doc_id", "place", "published_date"]
SPREAD_FROM = 20  # kwic_slogans reads this many lines per line it shows, to spread them over documents
KWIC_OUTPUT = ["doc_id", "sentence_id", "place", "date", "left", "term", "right", "start", "end"]


def kwic(term: str, source, window: int = 20, regex: bool = False, limit: int | None = 200) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` with the text around it.

    ``source``: a :class:`helpers.selection.Selection` (its documents' texts are read a row group at
    a time, only documents holding the term become Python strings, and the search stops at
    ``limit``), or a DataFrame with a ``text`` column (documents, or sentences whose ``start`` is
    their offset in the document). Columns: doc_id, sentence_id, place, date, left, term, right, start and end
    (offsets into the cleaned text): each line cites its document, sentence and characters. The sentence is found
    in ``sentences.parquet`` for a selection and read from a frame of sentences; a frame of documents has none.
    ``regex`` makes ``term`` a regular expression (e.g. ``"项目为[王纲]"``). Text is plain data: displayed in HTML
    it is escaped.
    """
    pattern = re.compile(term if regex else re.escape(term))
    if isinstance(source, pd.DataFrame):
        batches = [source]
    else:
        batches = (batch.to_pandas() for batch in source.scan_texts(KWIC_COLUMNS, None if regex else term))
    rows = []
    for frame in batches:
        offsets = frame["start"] if "start" in frame.columns and "text" in frame.columns else [0] * len(frame)
        places = frame["place"] if "place" in frame.columns else [None] * len(frame)
        dates = frame["published_date"] if "published_date" in frame.columns else [None] * len(frame)
        sentences = frame["sentence_id"] if "sentence_id" in frame.columns else [None] * len(frame)
        for doc_id, sentence, place, date, text, offset in zip(frame["doc_id"], sentences, places, dates,
                                                               frame["text"], offsets):
            for match in pattern.finditer(text):
                start, end = match.span()
                rows.append((doc_id, sentence, place, date, text[max(0, start - window):start].replace("\n", " ⏎ "),
                             match.group(), text[end:end + window].replace("\n", " ⏎ "), start + offset,
                             end + offset))
                if limit and len(rows) >= limit:
                    return _cite_sentences(pd.DataFrame(rows, columns=KWIC_OUTPUT), source)
    return _cite_sentences(pd.DataFrame(rows, columns=KWIC_OUTPUT), source)


def _cite_sentences(lines: pd.DataFrame, source) -> pd.DataFrame:
    """The concordance with each line's sentence number, looked up in the selection's sentences."""
    if isinstance(source, pd.DataFrame) or lines.empty:
        return lines.astype({"sentence_id": "Int64"})
    located = source.locate_sentences(lines["doc_id"].tolist(), lines["start"].tolist())
    return lines.assign(sentence_id=pd.array(located, dtype="Int64"))
