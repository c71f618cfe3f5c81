"""The selection's reading path gives the frames and results of the whole-table path, on the real corpus.

The old path reads every table whole (``store.load_table``) and filters it in pandas
(``overview.load_documents``, ``theme_analysis.load_theme_hits``, ``indicator_tables.load_indicators``);
the selection filters rows and prunes columns while reading, and counts in Arrow. Each test compares
the two on the bundled corpus for several selections.
"""

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, strategies as st

from helpers import selection, text_search
from helpers.corpus import overview
from helpers.indicators import indicator_tables, ledger
from helpers.reports import explore, profile
from helpers.store import load_table
from helpers.themes import theme_analysis

SELECTIONS = [
    ("all", None, None, "all"),  # the corpus: tables keyed by document are read unfiltered
    ("liaoyang", None, None, "all"),  # a city takes its counties' documents
    ("liaoyang", 2023, 2025, "all"),  # the three-year action only
    ("all", 2023, 2025, "all"),
    ("all", 2022, 2022, "all"),  # the baseline year: 盘锦 and 葫芦岛 news
    ("panjin", None, None, "press_conference"),  # a genre: 004 only
    ("all", None, None, "government_work_report"),  # 001 and the provincial report
    ("liaoyang", 2026, None, "all"),  # no documents: empty frames with their columns, not errors
]


def _old_documents(processed, place, start_year, end_year, genre):
    docs = overview.load_documents(processed, place, start_year, end_year)
    return (docs if genre == "all" else docs[docs["genre"] == genre]).reset_index(drop=True)


def _assert_same(new: pd.DataFrame, old: pd.DataFrame):
    # a column read as a dictionary (sentences held once) is a categorical of the same strings
    new = new.astype({c: "str" for c in new.columns if isinstance(new[c].dtype, pd.CategoricalDtype)})
    pd.testing.assert_frame_equal(new.reset_index(drop=True), old.reset_index(drop=True), check_dtype=False,
                                  check_index_type=False)
    assert list(new.columns) == list(old.columns)


@pytest.fixture(scope="module", params=SELECTIONS, ids=lambda p: "-".join(str(v) for v in p))
def pair(request, built_corpus):
    place, start_year, end_year, genre = request.param
    old_docs = _old_documents(built_corpus, place, start_year, end_year, genre)
    return selection.select(built_corpus, place, start_year, end_year, genre), old_docs, request.param


def test_documents_are_the_old_ones_without_their_text(pair):
    chosen, old_docs, _ = pair
    _assert_same(chosen.documents, old_docs.drop(columns="text"))


def test_tables_keyed_by_document_keep_the_selections_rows(pair, built_corpus):
    chosen, old_docs, _ = pair
    for name in ("doc_terms", "sentences", "cleaning_log"):
        table = load_table(name, built_corpus)
        _assert_same(getattr(chosen, name), table[table["doc_id"].isin(old_docs["doc_id"])])


def test_theme_hits_as_load_theme_hits(pair, built_corpus):
    chosen, old_docs, (place, start_year, end_year, genre) = pair
    old = theme_analysis.load_theme_hits(built_corpus, place, start_year, end_year)
    old = old[old["doc_id"].isin(old_docs["doc_id"])]
    _assert_same(chosen.theme_hits, old)
    slogans = ["项目为王", "首战告捷"]
    _assert_same(chosen.find_theme_hits(terms=slogans), old[old["term"].isin(slogans)])
    _assert_same(chosen.find_theme_hits(theme="projects"), old[old["theme"] == "projects"])


def test_indicators_as_load_indicators(pair, built_corpus):
    chosen, _, (place, start_year, end_year, genre) = pair
    for thresholds in (False, True):
        old = indicator_tables.load_indicators(built_corpus, place, start_year, end_year, include_thresholds=thresholds)
        if genre != "all":
            old = old[old["genre"] == genre]
        _assert_same(chosen.load_indicators(include_thresholds=thresholds), old)
    old = chosen.indicators
    _assert_same(chosen.find_indicators("gdp"), old[old["indicator"] == "gdp"])
    _assert_same(chosen.find_indicators(kind="target"), old[old["kind"] == "target"])
    _assert_same(explore.lookup_indicators(chosen, "gdp", "actual"), explore.lookup_indicators(old, "gdp", "actual"))


def test_counts_in_arrow_give_the_tables_of_the_rows(pair):
    # every table a notebook shows from a count is the table it showed from the rows
    chosen, docs, _ = pair
    hits, records = chosen.theme_hits, chosen.indicators
    for by in ("place", "year", "genre", "doc_id"):
        _assert_same(theme_analysis.summarize_theme_shares(chosen.count_theme_hits(by), docs, by=by),
                     theme_analysis.summarize_theme_shares(hits, docs, by=by))
    _assert_same(theme_analysis.count_theme_cooccurrence(chosen.count_theme_pairs()),
                 theme_analysis.count_theme_cooccurrence(hits))
    _assert_same(chosen.count_theme_pairs(), chosen._count_theme_pairs_by_join(None if chosen.is_everything
                                                                              else chosen._in_documents()))
    _assert_same(overview.summarize_cleaning(chosen.count_cleaning()),
                 overview.summarize_cleaning(chosen.cleaning_log, docs["doc_id"]))
    for by in (["place", "kind"], ["kind"], ["genre", "unit"]):
        _assert_same(indicator_tables.count_indicators(chosen.count_indicators(by), by),
                     indicator_tables.count_indicators(records, by))
    _assert_same(indicator_tables.rank_indicators(chosen.count_indicators(["indicator", "place", "doc_id"])),
                 indicator_tables.rank_indicators(records))
    counted = chosen.count_terms()
    assert theme_analysis.summarize_term_frequencies_by_place(counted, docs) == \
        theme_analysis.summarize_term_frequencies_by_place(chosen.doc_terms, docs)


def test_a_places_comparison_reads_the_corpus_of_the_same_years(pair, built_corpus):
    chosen, _, (place, start_year, end_year, genre) = pair
    wide = chosen.widen()
    if place != "all" and len(wide.documents) > len(chosen.documents):
        _assert_same(theme_analysis.rank_distinctive_terms_by_place(wide.count_terms(), wide.documents, place),
                     theme_analysis.rank_distinctive_terms_by_place(wide.doc_terms, wide.documents, place))
    _assert_same(profile.compare_theme_profile(chosen.count_theme_hits("genre"), wide.count_theme_hits("genre")),
                 profile.compare_theme_profile(chosen.theme_hits, wide.theme_hits))


def test_searches_read_the_texts_of_the_selection(pair, built_corpus):
    chosen, old_docs, _ = pair
    texts = load_table("documents", built_corpus)
    texts = texts[texts["doc_id"].isin(old_docs["doc_id"])]  # the table's order, as the old kwic read it
    for term, regex in (("项目", False), ("首战告捷", False), ("项目为[王纲]", True), ("不在语料里", False)):
        # a frame of documents has no sentences to cite; the selection finds them (test_themes)
        _assert_same(theme_analysis.kwic(term, chosen, limit=None, regex=regex).drop(columns="sentence_id"),
                     theme_analysis.kwic(term, texts, limit=None, regex=regex).drop(columns="sentence_id"))
        _assert_same(theme_analysis.kwic(term, chosen, limit=3, regex=regex).drop(columns="sentence_id"),
                     theme_analysis.kwic(term, texts, limit=3, regex=regex).drop(columns="sentence_id"))
    found = explore.search_documents("项目", chosen)
    expected = old_docs.assign(matches=old_docs["text"].str.count("项目"))
    expected = expected[expected["matches"] > 0].sort_values("matches", ascending=False, ignore_index=True)
    assert found["doc_id"].tolist() == expected["doc_id"].tolist()
    assert found["matches"].tolist() == expected["matches"].tolist()
    _assert_same(explore.search_documents("项目", chosen), explore.search_documents("项目", chosen, regex=True))


def _ledger_by_scanning(records):
    """The ledger as it was built before: every target scans every result (the reference)."""
    better = indicator_tables.load_indicator_names().set_index("code")["better"].to_dict()
    targets = records[(records["kind"] == "target") & records["indicator"].notna() & records["period_end"].notna()]
    # a target a document states twice is one target, its first statement
    targets = targets.assign(year=pd.to_datetime(targets["period_end"]).dt.year)
    if "start" in targets:
        targets = targets.sort_values(["doc_id", "start"], kind="stable")
    targets = targets.drop_duplicates(["doc_id", "place_code", "indicator", "unit", "year", "value", "value_high", "is_average"])
    results = records[records["kind"].isin(["actual", "forecast"]) & records["indicator"].notna()
                      & records["period_end"].notna()]
    found = []
    for target in targets.itertuples():
        candidates = results[
            (results["indicator"] == target.indicator) & (results["place_code"] == target.place_code)
            & (results["unit"] == target.unit) & (results["is_average"] == target.is_average)
            & (results["published_date"] > target.published_date)
            & (pd.to_datetime(results["period_end"]).dt.year == pd.Timestamp(target.period_end).year)]
        result = candidates.sort_values(["kind", "published_date"]).iloc[0] if len(candidates) else None
        found.append((result["quote"] if result is not None else None,
                      ledger._status(target, result, better.get(target.indicator, "higher"))))
    return found


def test_the_ledger_finds_the_result_the_scan_found(pair):
    chosen, _, _ = pair
    records = chosen.indicators
    built = ledger.build_target_ledger(records)
    assert list(zip(built["result"], built["status"])) == _ledger_by_scanning(records)
    # from only the records and columns each table needs (sentences held once): the same tables
    _assert_same(ledger.build_target_ledger(chosen.find_indicators(with_indicator=True, columns=ledger.LEDGER_INPUT_COLUMNS)),
                 built)
    _assert_same(ledger.find_repeated_figures(chosen.find_indicators(columns=ledger.REPEATED_INPUT_COLUMNS,
                                                                     with_documents=False)),
                 ledger.find_repeated_figures(records))
    slim = chosen.find_indicators(columns=indicator_tables.ANALYSIS_COLUMNS)
    _assert_same(ledger.build_target_ledger(slim), built)
    # notebook 05: the records with an indicator, listed and linked
    listed = chosen.find_indicators(columns=indicator_tables.ANALYSIS_COLUMNS, with_indicator=True)
    _assert_same(ledger.build_target_ledger(listed), built)
    _assert_same(listed[listed["indicator"].notna()][indicator_tables.READING_COLUMNS],
                 records[records["indicator"].notna()][indicator_tables.READING_COLUMNS])
    _assert_same(indicator_tables.count_indicators(slim, ["kind"]), indicator_tables.count_indicators(records, ["kind"]))
    _assert_same(slim[slim["indicator"].notna()][indicator_tables.READING_COLUMNS],
                 records[records["indicator"].notna()][indicator_tables.READING_COLUMNS])
    # notebook 03's tables from the records of one kind or one indicator, read alone
    _assert_same(indicator_tables.select_headline_figures(chosen.find_indicators(
        kind="target", columns=indicator_tables.ANALYSIS_COLUMNS)), indicator_tables.select_headline_figures(records))
    gdp = chosen.find_indicators("gdp", columns=indicator_tables.ANALYSIS_COLUMNS)
    _assert_same(indicator_tables.compare_indicator(gdp, "gdp"), indicator_tables.compare_indicator(records, "gdp"))
    _assert_same(indicator_tables.summarize_indicator(gdp, "gdp"), indicator_tables.summarize_indicator(records, "gdp"))


def test_the_ledger_prefers_an_actual_then_the_earliest_later_result():
    # made-up records around one real target: 2023's GDP target of 辽阳 (5.5%左右)
    base = dict(indicator="gdp", place="辽阳市", place_code="liaoyang", unit="%", is_average=False, direction="up",
                period="2023年", period_end=pd.Timestamp("2023-12-31").date(), sentence="…", qualifier=None, value_high=None)
    rows = [
        dict(base, kind="target", quote="增长5.5%左右", value=5.5, qualifier="左右", doc_id="t",
             published_date=pd.Timestamp("2023-01-10").date()),
        dict(base, kind="forecast", quote="预计增长5.6%", value=5.6, doc_id="f", published_date=pd.Timestamp("2023-12-20").date()),
        dict(base, kind="actual", quote="增长5.2%", value=5.2, doc_id="a2", published_date=pd.Timestamp("2024-03-01").date()),
        dict(base, kind="actual", quote="增长5.3%", value=5.3, doc_id="a1", published_date=pd.Timestamp("2024-01-07").date()),
        dict(base, kind="actual", quote="增长5.1%", value=5.1, doc_id="a0", published_date=pd.Timestamp("2023-01-10").date()),
    ]
    records = pd.DataFrame(rows)
    row = ledger.build_target_ledger(records).iloc[0]
    # an actual wins over the earlier forecast; the earliest later actual; the same day is not later
    assert (row["result"], row["result_doc"], row["status"]) == ("增长5.3%", "a1", "met")  # 5.3 within 5% of 5.5
    assert _ledger_by_scanning(records) == [("增长5.3%", "met")]


def test_large_exports_are_written_from_arrow_without_a_workbook(built_corpus, tmp_path):
    chosen = selection.select(built_corpus)
    small = indicator_tables.write_indicator_exports(chosen, tmp_path / "small")
    assert [p.name for p in small] == ["indicators.csv", "indicators.xlsx"]
    assert small[0].read_bytes() == indicator_tables.write_indicator_exports(chosen.indicators, tmp_path / "old")[0].read_bytes()
    # more records than a workbook should hold: the CSV alone
    middle = indicator_tables.write_indicator_exports(chosen, tmp_path / "middle", max_workbook_rows=10)
    assert [p.name for p in middle] == ["indicators.csv"] and middle[0].read_bytes() == small[0].read_bytes()
    large = indicator_tables.write_indicator_exports(chosen, tmp_path / "large", max_sheet_rows=10)
    assert [p.name for p in large] == ["indicators.parquet"]
    _assert_same(pd.read_parquet(large[0]), chosen.indicators.drop(columns="year"))
    assert not [p for p in (tmp_path / "large").iterdir() if p.name.startswith(".")]


def test_an_unknown_place_names_the_known_ones(built_corpus):
    with pytest.raises(ValueError, match="unknown place code 'atlantis'.*liaoyang"):
        selection.select(built_corpus, "atlantis")


@pytest.mark.parametrize("place, code, why", [
    ("辽阳市", "liaoyang", "the name documents.place holds: it raised ValueError"),
    ("灯塔市", "liaoyang_dengta", "a county-level city by its name"),
    ("liaoyang", "liaoyang", "a code as it is"),
])
def test_a_place_may_be_named_in_chinese(built_corpus, place, code, why):
    assert selection.select(built_corpus, place).place == code, why


def test_a_name_two_places_share_is_refused_with_both_codes(built_corpus):
    with pytest.raises(ValueError, match="shenyang_tiexi, anshan_tiexi"):
        selection.select(built_corpus, "铁西区")


@pytest.mark.parametrize("texts, query", [
    (["项目为王", "带土移植团队"], "项目"),  # a match at the very start of the first text
    (["新引进15个“带土移植”团队", "下一篇文字"], "团队"),  # at the very end: nothing of the next text
    (["ab😀项目为王" * 10, "x"], "王"),  # four-byte characters in the window before
    (["辽阳" * 50 + "首战告捷" + "盘锦" * 50], "首战告捷"),  # windows cut inside long texts
    (["坚持项目", "为王"], "项目为王"),  # runs from one text into the next: no match in either
    (["辽阳辽阳辽阳"], "辽阳辽阳"),  # non-overlapping, as str.count and re.finditer count
])
def test_phrases_found_in_bytes_are_the_texts_characters(texts, query):
    for column in (pa.array(texts, pa.string()), pa.array(["前面", *texts], pa.large_string()).slice(1)):
        counts, firsts = text_search.find_phrase(column, query)
        assert counts.tolist() == [t.count(query) for t in texts]
        found = [t for t in texts if query in t]
        held = counts > 0
        snippets = text_search.cut_snippets(column.filter(pa.array(held)), firsts[held])
        assert snippets == [t[max(0, t.find(query) - 20):t.find(query) + 40] for t in found]


@given(st.lists(st.text(alphabet="项目为王辽阳\n😀ab", max_size=30), max_size=6), st.text(alphabet="项目为王ab", max_size=3))
def test_finding_a_phrase_never_raises_and_counts_as_str_count(texts, query):
    counts, firsts = text_search.find_phrase(pa.array(texts, pa.string()), query)
    if query:
        assert counts.tolist() == [t.count(query) for t in texts]
        assert [f for f in firsts.tolist()] == [len(t[:t.find(query)].encode()) if query in t else -1 for t in texts]


def test_words_counted_per_year_are_the_doc_terms_summed(pair, built_corpus):
    chosen, old_docs, _ = pair
    terms = load_table("doc_terms", built_corpus).merge(old_docs[["doc_id", "year"]], on="doc_id")
    old = terms.groupby(["year", "term"], dropna=False)["n"].sum().reset_index()
    new = chosen.count_terms_by("year")
    key = ["year", "term"]
    _assert_same(new.sort_values(key, na_position="last", ignore_index=True)[[*key, "n"]],
                 old.sort_values(key, na_position="last", ignore_index=True)[[*key, "n"]])


def test_notebook_07_reads_through_the_selection_what_the_whole_tables_give(built_corpus):
    """Passage pairs and repost groups of a place, from the selection's documents, are those the
    whole-table loaders give; keyness from year counts is keyness between the documents' groups."""
    from helpers.reuse import tables, terms

    every = selection.select(built_corpus, count_reposts_once=False)
    for place, start_year in (("all", None), ("liaoyang", None), ("liaoning", 2026)):
        chosen = every.replace(place=place, start_year=start_year)
        _assert_same(tables.join_reuse(tables.read_reuse(built_corpus), every.documents, chosen.documents["doc_id"]),
                     tables.load_reuse(built_corpus, place, start_year))
        _assert_same(tables.join_repost_groups(tables.load_duplicates(built_corpus), chosen.documents),
                     tables.list_repost_groups(built_corpus, place, start_year))
    documents = overview.load_documents(built_corpus)
    counting = every.replace(count_reposts_once=True)
    by_year = terms.score_keyness_from(counting.count_terms_by("year"), "year", 2023)
    counted = documents[documents["counted"]]
    by_document = terms.score_keyness_between(
        load_table("doc_terms", built_corpus), target=tables.select_document_ids(counted, start_year=2023),
        reference=tables.select_document_ids(counted, end_year=2022))
    assert len(by_year) > 0
    _assert_same(by_year, by_document)


def test_texts_are_taken_up_to_a_budget_and_no_further(built_corpus):
    from helpers.reuse import terms

    batches = [pa.table({"text": ["甲" * 10, "乙" * 10]}), pa.table({"text": ["丙" * 10]})]
    assert terms.take_texts(iter(batches), max_chars=15) == ["甲" * 10, "乙" * 10]
    assert terms.take_texts(iter(batches), max_chars=1000) == ["甲" * 10, "乙" * 10, "丙" * 10]
    read = []
    def scan():
        for batch in batches:
            read.append(batch)
            yield batch
    terms.take_texts(scan(), max_chars=5)
    assert len(read) == 1  # the second batch is never read
