"""The display layer, findings, maps, charts, page font and index: what a report shows a reader."""

import datetime as dt
import json
import re
import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, strategies as st  # noqa: E402

from helpers import selection  # noqa: E402
from helpers.corpus import overview  # noqa: E402
from helpers.indicators import indicator_tables, ledger  # noqa: E402
from helpers.lexicon import load_boundaries, load_themes  # noqa: E402
from helpers.reports import display, findings, html_export, maps, plots, runner, shading  # noqa: E402
from helpers.themes import theme_analysis  # noqa: E402

# What a page for people must never show (checked on the text, outside tags and embedded images)
ROUGH_EDGES = re.compile(r"\bNaN\b|\bNone\b|\bnan\b|<NA>|\bNaT\b|dtype:|\b\d(?:\.\d+)?e[+-]?\d+\b")


def page_text(page: str) -> str:
    """The visible text of an HTML page: no styles, scripts, tags or data URIs."""
    import html

    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page, flags=re.S | re.I)
    body = re.sub(r"data:[a-z/+-]+;base64,[A-Za-z0-9+/=]+", " ", body)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def find_rough_edges(page: str) -> list[str]:
    """Each NaN, None, dtype: or number in scientific notation in the page's text, with its context."""
    text = page_text(page)
    return [text[max(0, m.start() - 40):m.end() + 20] for m in ROUGH_EDGES.finditer(text)]


@pytest.mark.parametrize("value, expected", [
    (1.0e11, "100,000,000,000"),  # 1000亿元 printed as 1e+11 in 03
    (5.33e7, "53,300,000"),  # 5330万亩 printed as 5.33e+07 in 04
    (4.5, "4.5"),  # 4.5%左右: a growth rate keeps its decimal
    (42.264, "42.3"),  # theme hits per 10,000 characters: one decimal from 10 up
    (0.8, "0.8"),  # 0.8个百分点
    (303, "303"),  # 303个 projects, an int
    (np.int64(2987), "2,987"),  # a document's characters, a numpy int
    (float("nan"), "–"), (None, "–"), (pd.NA, "–"),  # missing, three ways pandas spells it
    (float("inf"), "–"),  # a division by zero is not a number to show
    (True, "yes"),  # same_document_different_places
])
def test_numbers_are_written_for_people(value, expected):
    assert display.format_number(value) == expected


@pytest.mark.parametrize("value, expected", [
    (pd.Timestamp("2023-10-18"), "2023-10-18"),  # 000's date
    (dt.date(2024, 1, 7), "2024-01-07"),  # 001's delivery line
    (pd.NaT, "–"),  # an undated document
    (np.array(["header", "catalog"]), "header、catalog"),  # catalog_fields, an array
    (np.array([]), "–"),  # no catalog fields
    ("", "–"), ("None", "–"),  # an empty or stringified missing value
    ("项目为王", "项目为王"),
])
def test_cells_are_written_for_people(value, expected):
    assert display.format_value(value) == expected


@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**20, 10**20), st.none()))
def test_no_number_is_ever_shown_in_scientific_notation(value):
    text = display.format_number(value)
    assert not re.search(r"e[+-]?\d", text) and "nan" not in text.lower()


@given(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.none()), max_size=8))
def test_a_column_of_decimals_is_always_written(values):
    # the decimals a column needs are found from its values: infinities, NaN and huge numbers among them too
    written = display.format_decimals(pd.Series(values, dtype=float))
    assert len(written) == len(values) and not any(re.search(r"e[+-]?\d|nan", w.lower()) for w in written)
    assert len({len(w.split(".")[1]) for w in written if "." in w}) <= 1  # one precision


def test_a_table_has_its_caption_unit_shares_and_chinese_theme_names():
    table = pd.DataFrame({"theme": ["projects", "talent"], "share": [0.132075, None],
                          "figures": [3, 5], "note": ["<b>x</b>", None]})
    page = display.show_table(table, "主题 (theme shares)", units={"figures": "个"})._repr_html_()
    assert "<caption" in page and "主题 (theme shares)" in page
    assert "figures (个)" in page and "13.2%" in page and "项目建设" in page and "人才" in page
    assert "&lt;b&gt;x" in page and "<b>x" not in page  # document text is escaped
    assert not find_rough_edges(page)


def test_a_series_of_counts_is_a_table_not_dtype_text():
    # 04 showed `targets["status"].value_counts()` as "Name: count, dtype: int64"
    counts = pd.Series({"not reported": 35, "met": 2}).rename_axis("status").rename("targets")
    page = display.show_table(counts, "目标状态 (targets by status)")._repr_html_()
    assert "not reported" in page and "35" in page and not find_rough_edges(page)


def test_an_empty_table_says_so():
    page = display.show_table(pd.DataFrame(columns=["place", "value"]), "台账 (ledger)")._repr_html_()
    assert "no rows in this selection" in page and "Series([]" not in page


def test_a_long_table_says_how_many_rows_it_holds():
    page = display.show_table(pd.DataFrame({"n": range(250)}), "long", max_rows=200)._repr_html_()
    assert "the first 200 of 250 rows" in page


@pytest.mark.parametrize("args, kwargs, command, extra", [
    (("05", "liaoyang", 2000, 2100), {}, "--notebooks 05 --place liaoyang", None),  # defaults: no YAML
    (("05", "panjin", 2000, 2100), {}, "--place panjin", None),  # the liaoyang profile said --place panjin
    (("02", "all", 2023, 2025), {"theme": "talent"}, "--place all", "start_year: 2023\nend_year: 2025\ntheme: talent"),
])
def test_the_rerun_line_is_made_from_the_run_s_parameters(args, kwargs, command, extra):
    text = display.show_rerun(*args, **kwargs).data
    assert command in text
    assert (extra in text) if extra else "--params" not in text


def test_findings_count_documents_and_say_when_there_is_nothing(built_corpus):
    docs = overview.load_documents(built_corpus)
    hits = theme_analysis.load_theme_hits(built_corpus)
    found = findings.summarize_documents(docs) + findings.summarize_themes(hits, docs)
    assert found[0].documents == len(docs) and f"{len(docs)} documents" in found[0].text
    assert all(f.documents <= len(docs) for f in found)
    # liaoyang has no document from 2026 on
    empty_docs = overview.load_documents(built_corpus, "liaoyang", start_year=2026)
    empty = findings.summarize_documents(empty_docs) + findings.summarize_themes(
        theme_analysis.load_theme_hits(built_corpus, "liaoyang", start_year=2026), empty_docs)
    assert "no documents" in empty[0].text and all(f.documents == 0 for f in empty)
    assert "0 documents" in findings.show_findings(empty).data


@pytest.mark.parametrize("place, warning", [
    # the corpus: 2022 is two city news stories, 2026 the provincial work report: other places and another genre
    ("all", "differ in genre (2022: 新闻报道; 2026: 政府工作报告) and place (2022: 盘锦市、葫芦岛市; 2026: 辽宁省)"),
    # 辽阳: a press conference of 2023, the work report of 2024: the same city, another genre
    ("liaoyang", "differ in genre (2023: 新闻发布会; 2024: 政府工作报告):"),
])
def test_a_trend_between_unlike_documents_says_so(built_corpus, place, warning):
    docs = overview.load_documents(built_corpus, place)
    assert warning in findings.summarize_themes(theme_analysis.load_theme_hits(built_corpus, place), docs)[-1].text


def test_a_trend_between_two_single_documents_says_it_compares_two_documents(built_corpus):
    # 盘锦's 结构调整 "rose from 17.1% to 48.5%" between one news story and one press conference (the page review)
    docs = overview.load_documents(built_corpus, "liaoyang")  # 2023: one press conference; 2024: one work report
    trend = findings.summarize_themes(theme_analysis.load_theme_hits(built_corpus, "liaoyang"), docs)[-1].text
    assert "Each of the two years rests on one document: this compares two documents, not a trend." in trend
    corpus = findings.summarize_themes(theme_analysis.load_theme_hits(built_corpus, "all"),
                                       overview.load_documents(built_corpus, "all"))[-1].text
    assert "rests on one document" not in corpus  # 2022: two news stories


def test_a_trend_that_rests_on_an_incomplete_document_says_so(built_corpus):
    # 辽阳's 2023→2024 shift (动员话语 19.4% → 1.4%) rests on the 2024 report its site calls incomplete
    docs = overview.load_documents(built_corpus, "liaoyang")
    trend = findings.summarize_themes(theme_analysis.load_theme_hits(built_corpus, "liaoyang"), docs)[-1].text
    assert trend.endswith("A document of 2024 may be incomplete (see above).")


def test_a_work_report_too_short_to_be_whole_is_named(built_corpus):
    # 辽阳's 2024 work report is 2,266 characters and stops inside its review (the site kept a part); 04 and 06 then
    # found no target, and a reader would conclude 辽阳 set none
    found = findings.summarize_documents(selection.select(built_corpus, place="liaoyang").documents)
    assert found[-1].documents == 1
    assert ("政府工作报告 (辽阳市, 2024-01-07): 2,266 characters, short for a work report, and its source site, 博县网, says its "
            "copy may not be whole") in found[-1].text
    assert len(findings.summarize_documents(selection.select(built_corpus, start_year=2025).documents)) == 1  # 18,805


def test_a_copy_its_site_calls_incomplete_keeps_the_notice_in_read_notes(built_corpus):
    # 博县网's copy of 辽阳's 2024 report ends with "…本站展示并非全部都完整…建议您…下载完整版本": the build removed it with
    # the footer, and nothing in the documents table said the text was cut
    documents = selection.select(built_corpus).documents.set_index("doc_id")["read_notes"].fillna("")
    noticed = documents[documents.str.contains("may be incomplete")]
    assert noticed.index.tolist() == ["001_e097eca750060dbf"] and "本站展示并非全部都完整" in noticed.iat[0]


@pytest.mark.parametrize("place, compared_with_itself", [("liaoning", True), ("liaoyang", False)])
def test_a_place_that_holds_the_whole_corpus_says_it_is_compared_with_itself(built_corpus, place, compared_with_itself):
    # 辽宁省 holds every document: its profile against the corpus was all +0.0, unexplained
    from helpers.reports import profile

    chosen = selection.select(built_corpus, place=place)
    table = profile.compare_theme_profile(chosen.count_theme_hits("genre"), chosen.widen().count_theme_hits("genre"))
    page = display.show_table(table.drop(columns=["zh"]), "主题构成与语料对比")._repr_html_()
    assert ("compared with itself" in page) == compared_with_itself
    if compared_with_itself:  # the theme 05 maps is the one it stresses most, not any of a column of +0.0
        assert table["share_here"].is_monotonic_decreasing


def test_a_selection_without_documents_has_no_theme_shares_to_compare(built_corpus):
    # 05 for a place and years without documents had listed 0.0% of every theme against the corpus (-20.0 points)
    from helpers.reports import profile

    chosen = selection.select(built_corpus, place="panjin", start_year=2010, end_year=2011)
    table = profile.compare_theme_profile(chosen.count_theme_hits("genre"), selection.select(built_corpus).count_theme_hits("genre"))
    page = display.show_table(table.drop(columns=["zh"]), "主题构成与语料对比")._repr_html_()
    assert table["share_here"].isna().all() and table["difference_points"].isna().all()
    assert "no theme hit in this selection" in page and "-20.0" not in page
    assert table["share_corpus"].is_monotonic_decreasing  # 05 maps the first: the corpus's theme, not the last one


def test_one_year_of_documents_is_too_few_for_a_trend(built_corpus):
    docs = overview.load_documents(built_corpus, "huludao")  # one document, 2022
    found = findings.summarize_themes(theme_analysis.load_theme_hits(built_corpus, "huludao"), docs)
    assert "Too few dated documents" in found[-1].text


@pytest.mark.parametrize("statuses, expected", [
    (["met", "missed", "met", "not reported"], "2 met, 1 missed, 1 without"),
    (["not reported"] * 3, "nothing can yet be said"),  # the bundled corpus: no later results yet
])
def test_ledger_findings_count_targets_met(statuses, expected):
    table = pd.DataFrame({"status": statuses, "target_doc": ["a"] * len(statuses),
                          "result_doc": [None if s == "not reported" else "b" for s in statuses]})
    assert expected in findings.summarize_ledger(table)[0].text


@pytest.mark.parametrize("target_confidence, result_confidence, expected", [
    # one target of three and one result of two are doubtful (below 0.7); a target without a result has no
    # result_confidence, and is not counted among the results
    ([0.95, 0.62, 0.99], [0.88, 0.51, None], "less than 0.7 sure of 1 of the 3 targets (`target_confidence`) and of 1 of "
                                              "the 2 results"),
    ([0.95, 0.81, 0.99], [0.88, 0.90, None], "at least 0.7 sure of all 3 targets it weighed (`target_confidence`) and the "
                                              "2 results found."),
    ([0.95, 0.62, 0.99], [None, None, None], "of the 3 targets (`target_confidence`): read"),  # no result to speak of
])
def test_ledger_findings_say_how_many_kinds_are_doubtful(target_confidence, result_confidence, expected):
    found = [c is not None for c in result_confidence]
    table = pd.DataFrame({"status": ["met", "missed", "not reported"], "target_doc": ["a"] * 3,
                          "result_doc": [("b" if f else None) for f in found],
                          "result": [("5%" if f else None) for f in found],
                          "target_confidence": target_confidence, "result_confidence": result_confidence})
    assert expected in findings.summarize_ledger(table)[1].text


def test_ledger_findings_say_nothing_of_doubt_without_the_models_probabilities():
    # a ledger of records extracted before the model, or made by hand, has no target_confidence to count
    table = pd.DataFrame({"status": ["met"], "target_doc": ["a"], "result_doc": ["b"], "result": ["5%"]})
    assert len(findings.summarize_ledger(table)) == 1


def test_the_map_holds_liaoning_its_14_cities_and_their_counties():
    boundaries = load_boundaries()
    cities = [b for b in boundaries if b.level == "city"]
    assert [b.name for b in boundaries if b.level == "province"] == ["辽宁省"]
    assert len(cities) == 14 and {b.adcode for b in cities} == {f"21{n:02d}00" for n in range(1, 15)}
    assert {"辽阳县", "灯塔市"} <= {b.name for b in boundaries if b.city == "辽阳市"}
    for region in boundaries:  # every ring closed, inside Liaoning's box
        for polygon in region.polygons:
            ring = np.asarray(polygon[0])
            assert (ring[0] == ring[-1]).all() and len(ring) >= 4
            assert 118 < ring[:, 0].min() and ring[:, 0].max() < 126 and 38 < ring[:, 1].min() and ring[:, 1].max() < 44


def test_every_city_of_the_gazetteer_has_a_region():
    from helpers.places import load_gazetteer

    names = {b.name for b in load_boundaries()}
    cities = [p.name for p in load_gazetteer().places.values() if p.level == "city" and p.parent == "liaoning"]
    assert len(cities) == 14 and set(cities) <= names  # (宜春市, in Jiangxi, is a city of another corpus)


@pytest.mark.parametrize("code, city, county", [
    ("liaoyang_dengta", "辽阳市", "灯塔市"),  # 000's county-level city
    ("liaoyang", "辽阳市", None),
    ("liaoning", None, None),  # the province is no city: it is left off a map of cities
    (None, None, None),  # a document without a place
])
def test_places_join_the_map_by_name(code, city, county):
    assert maps.name_city(code) == city and maps.name_county(code) == county


def test_theme_share_by_city_uses_only_city_documents(built_corpus):
    hits = theme_analysis.load_theme_hits(built_corpus)
    shares = maps.summarize_theme_share_by_region(hits, "projects")
    assert "辽宁省" not in shares.index and {"辽阳市", "盘锦市"} <= set(shares.index)
    assert ((shares >= 0) & (shares <= 1)).all()


def _draw(fig):
    """Draw a figure, failing on a missing glyph (a Chinese label drawn as boxes)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        fig.canvas.draw()
    assert isinstance(fig, matplotlib.figure.Figure)
    assert not matplotlib.pyplot.get_fignums()  # closed in pyplot: a notebook shows it once


@pytest.mark.parametrize("place, start_year", [("all", None), ("liaoyang", 2026)])  # the corpus, then nothing
def test_every_chart_draws_chinese_for_a_selection_and_for_nothing(built_corpus, place, start_year):
    years = {"start_year": start_year}
    docs = overview.load_documents(built_corpus, place, **years)
    hits = theme_analysis.load_theme_hits(built_corpus, place, **years)
    records = indicator_tables.load_indicators(built_corpus, place, **years)
    targets = ledger.build_target_ledger(records)
    _draw(plots.plot_documents_over_time(overview.count_documents_by_year(docs)))
    _draw(plots.plot_theme_lines(theme_analysis.pivot_theme_profile(
        theme_analysis.summarize_theme_shares(hits, docs, by="year"), by="year")))
    _draw(plots.plot_theme_bars(theme_analysis.pivot_theme_profile(
        theme_analysis.summarize_theme_shares(hits, docs, by="place"), by="place")))
    _draw(plots.plot_indicator_periods(indicator_tables.compare_indicator(records, "gdp"), "地区生产总值"))
    _draw(plots.plot_targets_against_results(targets))
    _draw(plots.plot_repeated_figures(ledger.find_repeated_figures(records)))
    _draw(plots.plot_map(maps.summarize_theme_share_by_region(hits, "projects"), "项目建设", highlight="辽阳市"))
    _draw(plots.plot_map(maps.count_by_region(docs, "county"), "辽阳", level="county", city="辽阳市", fmt="{:.0f}"))


def test_a_place_report_draws_every_place_with_its_own_outlined(built_corpus):
    """02 on one place compares it with the places of the same years (a bar of its own alone said nothing)."""
    chosen = selection.select(built_corpus, place="liaoyang")
    everywhere = chosen.widen()
    shares = theme_analysis.pivot_theme_profile(theme_analysis.summarize_theme_shares(
        everywhere.count_theme_hits("place"), everywhere.documents, by="place"), by="place")
    fig = plots.plot_theme_bars(shares, highlight=chosen.place_names)
    ax = fig.axes[0]
    outlined = [bar for bar in ax.patches if not bar.get_fill()]
    assert len(shares) > 1 and "辽阳市" in chosen.place_names and "辽阳市" in shares.index
    assert len(outlined) == len(chosen.place_names & set(shares.index)) >= 1
    assert "本报告地区" in ax.get_xlabel()


def test_indicator_periods_get_their_own_panels(built_corpus):
    # gdp in the corpus: 前三季度 (灯塔市, 辽阳县), 2023, 2025, 十四五时期, 2026, 十五五: never one panel, in time order, on
    # one scale (辽阳's 2% was drawn as long as another panel's 6%)
    rows = indicator_tables.compare_indicator(indicator_tables.load_indicators(built_corpus), "gdp")
    fig = plots.plot_indicator_periods(rows, "gdp")
    titles = [ax.get_title() for ax in fig.axes if ax.axison]
    assert titles[:3] == ["前三季度 (2023)", "2023", "2025"] and len(titles) == min(rows["period"].nunique(), 6)
    assert len({ax.get_xlim() for ax in fig.axes if ax.axison}) == 1


def test_a_crowded_period_draws_the_latest_figure_of_each_place_and_kind():
    # a 1 GB corpus gave 12,264 gdp figures in one panel (44 s to draw, unreadable)
    rows = pd.DataFrame({"place": ["辽阳市", "辽阳市", "盘锦市", "盘锦市", "盘锦市"], "period": ["2025"] * 5,
                         "kind": ["actual", "actual", "actual", "target", "target"],
                         "quote": ["5%", "5.2%", "4%", "6%", "6.5%"], "signed": [5.0, 5.2, 4.0, 6.0, 6.5],
                         "unit": ["%"] * 5, "doc_id": list("abcde"),
                         "published_date": pd.to_datetime(["2025-01-01", "2026-01-01", "2026-01-01",
                                                           "2025-01-01", "2026-01-01"]).date})
    fig = plots.plot_indicator_periods(rows, "gdp", max_bars=4)
    ax = next(ax for ax in fig.axes if ax.axison)
    assert ax.get_title() == "2025 (最新 latest per place and kind: 3 of 5)"
    assert [t.get_text() for t in ax.texts] == ["4%", "6.5%", "5.2%"]  # 盘锦 before 辽阳 (code point order)
    assert len(plots.plot_indicator_periods(rows, "gdp").axes[0].texts) == 5


def test_targets_are_drawn_against_their_results():
    table = pd.DataFrame({
        "place": ["辽宁省", "辽宁省", "盘锦市"], "indicator": ["gdp", "unemployment_rate", "fixed_asset_investment"],
        "target": ["5%左右", "5.5%左右", "10%"], "target_value": [5.0, 5.5, 10.0],
        "target_qualifier": ["左右", "左右", None], "result_value": [3.7, 5.2, None],
        "status": ["missed", "met", "not reported"]})
    fig = plots.plot_targets_against_results(table)
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["达成 met: 1", "未达成 missed: 1", "未见结果 not reported: 1 (not drawn)"]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "辽宁省 · 地区生产总值 · 5%左右" in labels and len(labels) == 2  # a target without a result is not drawn at 100%
    _draw(fig)
    # with no result at all, the chart says so instead of a column of marks at 100% that read as met
    nothing = plots.plot_targets_against_results(table[table["result_value"].isna()])
    assert "the one target has no later result" in " ".join(t.get_text() for t in nothing.axes[0].texts)


def test_a_page_names_its_cjk_font_and_the_subset_draws_chinese(tmp_path):
    from fontTools.ttLib import TTFont
    import base64
    import io

    page = tmp_path / "p.html"
    page.write_text(f"<html><head>{html_export.FONT_CSS}</head><body>项目为王 辽阳</body></html>", encoding="utf-8")
    assert html_export.embed_font([page]) > 0
    text = page.read_text(encoding="utf-8")
    assert '"Noto Sans CJK SC"' in text and "@font-face" in text and html_export.FONT_PLACEHOLDER not in text
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", text).group(1)
    cmap = TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap()
    assert {ord(c) for c in "项目为王辽阳A1"} <= set(cmap) and ord("鞍") not in cmap  # a subset: only the page's
    assert html_export.embed_font([page]) == 0  # a page with its font is left as it is


def test_the_index_lists_runs_newest_first_with_place_years_and_documents(tmp_path):
    for run, place, finished, documents, years in [
        ("corpus", "all", "2026-12-01T10:00:00+00:00", 6, (2000, 2100)),
        ("liaoyang-after_2026", "liaoyang", "2026-12-02T10:00:00+00:00", 0, (2026, 2100)),
    ]:
        (tmp_path / run).mkdir()
        (tmp_path / run / "run.json").write_text(json.dumps({
            "run": run, "notebooks": ["01_corpus_overview.ipynb"], "n_documents": documents,
            "parameters": {"place": place, "start_year": years[0], "end_year": years[1]},
            "corpus": {"built_at": "2026-11-30T09:00:00"}, "finished_at": finished}), encoding="utf-8")
    page = runner.write_index(tmp_path).read_text(encoding="utf-8")
    assert page.index("辽阳市 (liaoyang)") < page.index("全部文档")  # newest first
    assert "from 2026" in page and "all years" in page
    assert 'href="corpus/01_corpus_overview.html"' in page and "01 corpus overview" in page
    assert not find_rough_edges(page)


def test_the_index_marks_pages_a_partial_run_kept_from_older_tables(tmp_path):
    """`report --notebooks 01` after a new build kept 02's page of the old tables, and the index listed both under the
    new build's date."""
    (tmp_path / "panjin").mkdir()
    (tmp_path / "panjin" / "run.json").write_text(json.dumps({
        "run": "panjin", "notebooks": ["01_corpus_overview.ipynb", "02_campaign_themes.ipynb"], "n_documents": 2,
        "parameters": {"place": "panjin"}, "corpus": {"built_at": "2026-12-07T23:37:00+00:00"},
        "pages": {"01_corpus_overview.ipynb": {"tables_built_at": "2026-12-07T23:37:00+00:00"},
                  "02_campaign_themes.ipynb": {"tables_built_at": "2026-12-06T10:15:00+00:00"}},
        "finished_at": "2026-12-07T23:40:00+00:00"}), encoding="utf-8")
    page = runner.write_index(tmp_path).read_text(encoding="utf-8")
    assert page.count("older tables") == 1
    assert re.search(r"02 campaign themes</a> <small>\(older tables: built 2026-12-06 10:15\)", page)


def test_share_met_by_city_counts_only_judged_targets():
    # a ledger names its places; 灯塔市's target counts for 辽阳市, the province's for no city
    table = pd.DataFrame({"place": ["辽阳市", "灯塔市", "盘锦市", "辽宁省", "盘锦市"],
                          "status": ["met", "missed", "not reported", "met", "met"]})
    shares = maps.summarize_met_share_by_region(table)
    assert shares.to_dict() == {"盘锦市": 1.0, "辽阳市": 0.5}
    assert maps.count_by_region(table).to_dict() == {"盘锦市": 2, "辽阳市": 2}


def test_a_theme_has_one_colour_in_every_chart():
    # 02 drew 项目建设 orange among the bars and green among the lines: each chart coloured by its own order
    shares = pd.DataFrame({"项目建设": [0.4, 0.1], "科技创新": [0.1, 0.5], "招商引资": [0.5, 0.4]}, index=["2023", "2024"])
    bars = plots.plot_theme_bars(shares.rename(index={"2023": "辽阳市", "2024": "盘锦市"}))
    lines = plots.plot_theme_lines(shares[["科技创新", "项目建设"]])
    bar_colours = {c.get_label(): c.patches[0].get_facecolor()[:3] for c in bars.axes[0].containers if c.get_label()}
    line_colours = {line.get_label(): matplotlib.colors.to_rgb(line.get_color()) for line in lines.axes[0].lines}
    assert line_colours["项目建设"] == pytest.approx(bar_colours["项目建设"])
    assert line_colours["科技创新"] == pytest.approx(bar_colours["科技创新"])
    assert len({plots.colour_theme(t.zh) for t in load_themes()}) == len(load_themes())  # no two themes alike
    assert plots.colour_theme("其他 other") == "0.6"


def test_two_maps_share_one_figure():
    fig = plots.plot_maps([plots.MapPanel(pd.Series({"辽阳市": 0.12}), "项目建设"),
                           plots.MapPanel(pd.Series({"辽阳市": 2023, "盘锦市": 2022}), "项目为王", "{:.0f}", True, from_zero=False)])
    titles = [ax.get_title() for ax in fig.axes]
    assert "项目建设" in titles and "项目为王" in titles
    _draw(fig)


def _panel(rows):
    columns = ["place", "target_doc", "hardness", "parent_target_mid", "escalated", "status", "result_doc"]
    return pd.DataFrame(rows, columns=columns)


@pytest.mark.parametrize("rows, expected", [
    ([], ["No headline target with a canonical indicator and a year was found in this selection."]),
    # 辽宁's 2026 GDP target (5%左右: soft) beside the nation's 4.5%-5%, and 辽阳's 确保 target met
    ([("辽宁省", "d1", "soft", 4.75, 1, "not reported", None),
      ("辽阳市", "d2", "binding_floor", None, None, "met", "d3")],
     ["2 headline targets in 2 places: 1 binding (确保, 不低于, 以上, 以内), 1 soft (左右, 力争), 0 a bare value or a range.",
      # (5%左右 is the top of the nation's range: more than its middle, 4.75, which the finding now says it measures)
      "1 of 1 target with a parent's target asks for more than the parent (层层加码), measured against the middle of "
      "the parent's target: against a range (4.5%—5%), a target at its top (5%) counts as more.",
      "1 of the one target with a later result was met."]),
    ([("盘锦市", "d1", "point", None, None, "not reported", None)],
     ["1 headline target in 1 place: 0 binding (确保, 不低于, 以上, 以内), 0 soft (左右, 力争), 1 a bare value or a range.",
      "No target has a parent's target for the same indicator, year and unit, so escalation (层层加码) cannot be "
      "measured here.",
      "No target has a later result in this corpus, so none can be judged met or missed."]),
])
def test_target_setting_findings_count_hardness_escalation_and_met(rows, expected):
    assert [f.text for f in findings.summarize_target_setting(_panel(rows))] == expected


def test_target_setting_findings_count_the_documents_targets_not_the_nations():
    # the corpus report's panel holds the nation's documented 2026 target: its findings said 31 targets in 4 places
    # where the documents hold 30 in 3
    rows = [("辽宁省", "d1", "soft", 4.75, 1, "not reported", None),
            ("全国", "国务院政府工作报告", "range", None, None, "not reported", None)]
    table = _panel(rows).assign(target_ref=["d1#4@10-14", "resources/reference_targets.csv#1"])
    assert findings.summarize_target_setting(table)[0].text == (
        "1 headline target in 1 place: 0 binding (确保, 不低于, 以上, 以内), 1 soft (左右, 力争), 0 a bare value or a range. "
        "Not counted: 1 documented national target (resources/reference_targets.csv), the parent of the provinces' "
        "targets.")
    assert findings.summarize_target_setting(table.iloc[[1]])[0].text.startswith("No headline target")


def test_hardness_tables_count_the_documents_targets_not_the_nations():
    # 06's met-or-missed table counted the nation's documented target (range, not reported) and its chart drew 全国
    from helpers.targets import tables

    panel = pd.DataFrame({"place": ["辽宁省", "全国"], "year": [2026, 2026], "hardness": ["soft", "range"],
                          "status": ["not reported", "not reported"],
                          "target_ref": ["d1#4@10-14", "resources/reference_targets.csv#1"]})
    assert tables.count_hardness(panel)["place"].tolist() == ["辽宁省"]
    assert tables.count_status_by_hardness(panel)["hardness"].tolist() == ["soft"]


def test_target_setting_findings_count_the_targets_and_results_the_model_doubts():
    # 辽宁's soft target (the model 0.62 sure) with no result, 辽阳's target (0.95) met by a result it is 0.55 sure of;
    # the nation's documented target carries no probability and is not counted as doubtful
    rows = [("辽宁省", "d1", "soft", 4.75, 1, "not reported", None), ("辽阳市", "d2", "binding_floor", None, None, "met", "d3"),
            ("全国", "resources/reference_targets.csv", "range", None, None, "not reported", None)]
    table = _panel(rows).assign(target_confidence=[0.62, 0.95, None], result_confidence=[None, 0.55, None],
                                result_quote=[None, "5.2%", None])
    assert findings.summarize_target_setting(table)[-1].text == (
        "The kind model is less than 0.7 sure of 1 of the 3 targets (`target_confidence`) and of 1 of the 1 results "
        "found (`result_confidence`): read their sentences before counting them, or re-run with `min_confidence`.")
    assert findings.summarize_target_setting(table.assign(target_confidence=[0.9, 0.8, None], result_confidence=[None, 0.8, None]))[-1].text == (
        "The kind model is at least 0.7 sure of all 2 targets it weighed (`target_confidence`) and the 1 results found.")
    assert len(findings.summarize_target_setting(_panel(rows))) == 3  # no probabilities: nothing said about them


def test_reuse_findings_name_the_passage_that_travelled_furthest_and_count_reposts():
    reuse = pd.DataFrame({"doc_id_a": ["a", "a"], "doc_id_b": ["b", "c"], "cluster_id": [0, 0]})
    travel = pd.DataFrame({"n_docs": [3], "first_place": ["盘锦市"], "first_date": [pd.Timestamp("2023-03-30")]})
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "counted": [True, True, False]})
    texts = [f.text for f in findings.summarize_reuse(reuse, documents, travel)]
    assert texts == ["2 passage pairs link 3 documents; they hold 1 distinct passage. The one that travelled furthest "
                     "is in 3 documents, first in 盘锦市 on 2023-03-30; the later ones may have it from a common source "
                     "(a provincial series title, the central government's report) rather than from the first: read "
                     "the passage.",
                     "1 of the 3 documents is a repost of an earlier one and counts once."]
    nothing = findings.summarize_reuse(reuse.iloc[0:0], documents.iloc[0:0], travel.iloc[0:0])
    assert nothing[0].text.startswith("This selection holds no documents")
    # the genre's boilerplate is counted apart: 07 named a work report's opening formula as the passage that
    # travelled furthest, though its own table listed it as boilerplate
    formula = pd.DataFrame({"doc_id_a": ["a"], "doc_id_b": ["c"], "cluster_id": [7]})
    texts = [f.text for f in findings.summarize_reuse(reuse, documents, travel, boilerplate=formula)]
    assert texts[0].startswith("2 passage pairs link 3 documents; they hold 1 distinct passage (1 more passage is the "
                               "genre's boilerplate, left out).")
    only = findings.summarize_reuse(reuse.iloc[0:0], documents, travel.iloc[0:0], boilerplate=formula)
    assert only[0].text == ("No passage of these documents is found in another document of the corpus, beyond the "
                            "genre's boilerplate (1 passage).")


def test_document_findings_name_genres_in_words_with_plurals():
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "place": ["辽阳市"] * 3, "year": [2024, 2024, 2025],
                              "genre": ["news_report", "news_report", "press_conference"]})
    assert findings.summarize_documents(documents)[0].text == (
        "3 documents about 1 place, published 2024–2025: 2 news reports, 1 press conference.")


@pytest.mark.parametrize("indicators, places, expected", [
    # one leader: named with its places, and its figures in all ("94 figures each" had read as 94 per place)
    (["gdp", "gdp", "fixed_asset_investment"], ["辽阳市", "盘锦市", "辽阳市"], "the one reported most is 地区生产总值 (2 places): 2 figures."),
    # a tie of single figures: "1 figure each", not "1 figures each"
    (["gdp", "cpi"], ["辽阳市", "盘锦市"], "equally often, are 居民消费价格涨幅 (1 place), 地区生产总值 (1 place): 1 figure each."),
    # a tie (the reviewer's 03: 雏鹰瞪羚独角兽 named alone beside 固定资产投资, reported as often in more places): every
    # leader, the one in more places first
    (["eagle_gazelle_unicorn", "fixed_asset_investment", "fixed_asset_investment", "eagle_gazelle_unicorn"],
     ["辽阳市", "辽阳市", "盘锦市", "辽阳市"],
     "the ones reported most, equally often, are 固定资产投资 (2 places), 雏鹰、瞪羚、独角兽企业 (1 place): 2 figures each"),
])
def test_indicator_findings_name_every_leader_of_a_tie(indicators, places, expected):
    records = pd.DataFrame({"doc_id": ["d"] * len(indicators), "kind": ["actual"] * len(indicators),
                            "indicator": indicators, "place": places})
    assert expected in findings.summarize_indicators(records)[1].text


def test_theme_lines_keep_a_missing_year_as_a_gap():
    # 2022, 2023, 2024 and 2026 with documents, 2025 without: 2024 → 2026 is two years apart, not one, and the line
    # breaks there (it ran straight across 2025 as if it had a share)
    shares = pd.DataFrame({"项目建设": [0.2, 0.3, 0.25, 0.4]}, index=[2022, 2023, 2024, 2026])
    ax = plots.plot_theme_lines(shares).axes[0]
    line = ax.get_lines()[0]
    assert list(line.get_xdata()) == [2022, 2023, 2024, 2025, 2026] and np.isnan(line.get_ydata()[3])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2022", "2023", "2024", "2026"]


def test_a_heatmap_shows_no_header_for_the_columns_own_name():
    table = pd.DataFrame({"项目建设": [0.25], "营商环境": [0.75]}, index=pd.Index(["辽阳市"], name="place"))
    table.columns.name = "zh"
    html = shading.show_heatmap(table, "主题 (theme shares)").to_html()
    assert ">zh<" not in html and "辽阳市" in html


def test_a_map_without_any_value_says_so():
    # 04's share of targets met when no target has a result yet: grey everywhere, and a line saying why
    fig = plots.plot_maps([plots.MapPanel(pd.Series(dtype=float), "目标达成率 (share of targets met)")])
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any("no region has a value" in t for t in texts)
    _draw(fig)


def test_a_place_outside_liaoning_gets_a_note_not_a_map_of_liaoning():
    # a 河北 profile had drawn Liaoning's cities and a county map of all Liaoning, saying "this place is outlined"
    fig = plots.plot_maps([plots.MapPanel(pd.Series({"辽阳市": 0.12}), "项目建设")], place="hebei")
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert texts == ["河北省 (hebei) 不在地图上 (not on the maps, which cover Liaoning, its cities and counties)"]
    _draw(fig)


@pytest.mark.parametrize("value, unit, expected", [
    (1e11, "元", "1,000亿"),  # 03 printed 100,000,000,000 元 for 1000亿元
    (5.26e10, "斤", "526亿"),  # 粮食产量 526亿斤
    (4.5e5, "人", "45万"),  # 城镇新增就业45万人
    (7100.0, "公里", "7,100"),  # under 100 thousand: as written
    (5.5, "%", "5.5"),
])
def test_amounts_in_a_base_unit_are_written_with_yi_and_wan(value, unit, expected):
    row = display.format_frame(pd.DataFrame({"value": [value], "unit": [unit]})).iloc[0]
    assert (row["value"], row["unit"]) == (expected, unit)


def test_every_region_is_named_inside_its_own_outline_with_room_for_the_label():
    # the middle of the bounding box fell outside 8 of the 115 regions; the centroid of the largest ring fell inside
    # all cities but put 辽阳's white "12.3%" half over the gap its C-shaped outline wraps round, where it read "3%"
    import numpy as np
    from matplotlib.path import Path as MatplotlibPath

    from helpers.lexicon import load_boundaries

    regions = load_boundaries()
    for region in regions:
        ring = max((p[0] for p in region.polygons), key=len)
        x, y = plots._label_point(ring)
        outline = MatplotlibPath(ring)
        assert outline.contains_point((x, y)), region.name
        if region.level == "city":  # a stretch of 0.3 of the city's width, centred on the label, is all inside it
            width = np.ptp([point[0] for point in ring])
            assert all(outline.contains_point((x + d * width, y)) for d in np.linspace(-0.15, 0.15, 21)), region.name


def test_codes_are_shown_by_the_names_a_reader_knows():
    # 01 showed genre government_work_report, 04 and 05 the repeated figures' what as projects_5m_plus
    from helpers.corpus.metadata import GENRES

    assert set(display.GENRE_NAMES) == set(GENRES)
    shown = display.format_frame(pd.DataFrame({"genre": ["government_work_report", "unknown"]}))["genre"].tolist()
    assert shown == ["政府工作报告", "unknown"]
    records = pd.DataFrame({"doc_id": ["000", "000"], "value": [303.0, 303.0], "unit": ["个", "个"],
                            "place": ["辽阳县", "灯塔市"], "metric": ["500万元以上项目", "500万元以上项目"],
                            "indicator": ["projects_5m_plus"] * 2, "quote": ["303个", "303个"],
                            "sentence": ["辽阳县500万元以上项目303个", "灯塔市500万元以上项目303个"]})
    assert ledger.find_repeated_figures(records)["what"].tolist() == [display.name_indicator("projects_5m_plus")]
    assert display.name_indicator("projects_5m_plus") != "projects_5m_plus"


def test_a_column_of_decimals_is_written_to_one_precision():
    # 02's theme density per 10,000 characters printed 9.188 beside 42.3 and 112.1
    table = display.format_frame(pd.DataFrame({"per_10k_chars": [9.188, 42.3, 112.1, 0.0]}))
    assert table["per_10k_chars"].tolist() == ["9.2", "42.3", "112.1", "0.0"]
    # a code is written as it is: 06's panel showed gb_code 210,000
    assert display.format_frame(pd.DataFrame({"gb_code": [210000, 100000]}))["gb_code"].tolist() == ["210000", "100000"]


def test_character_offsets_are_written_as_a_program_reads_them():
    # 02's concordance printed start 1,010: an offset cites a place in a text, and is copied into code
    table = display.format_frame(pd.DataFrame({"start": [34, 1010], "end_a": [12345, None], "hits": [1010, 2]}))
    assert table["start"].tolist() == ["34", "1010"] and table["end_a"].tolist() == ["12345", "–"]
    assert table["hits"].tolist() == ["1,010", "2"]  # a count keeps its separator


def test_an_indicator_is_named_once():
    # 03's ranking showed 地区生产总值 twice: the indicator column (written in Chinese) and name_zh beside it
    table = display.format_frame(pd.DataFrame({"indicator": ["gdp"], "figures": [7], "name_zh": ["地区生产总值"],
                                               "name_en": ["GDP (regional)"]}))
    assert table.columns.tolist() == ["indicator", "figures", "name_en"] and table["indicator"].iat[0] == "地区生产总值"


@pytest.mark.parametrize("sentence, quote, expected", [
    # 04's ledger repeated the whole 130-character sentence of 辽宁's 2026 goals beside each of its five targets
    ("全省经济社会发展的主要预期目标是:地区生产总值增长4.5%左右,在实际工作中努力争取更好结果,一般公共预算收入增长2.5%左右,"
     "城镇新增就业45万人以上", "2.5%左右", "…5%左右,在实际工作中努力争取更好结果,一般公共预算收入增长【2.5%左右】,城镇新增就业45万人以上"),
    # a short sentence is whole, with the figure marked
    ("社会消费品零售总额增长4%左右。", "4%左右", "社会消费品零售总额增长【4%左右】。"),
    # a quote found twice: which one is meant would be a guess, so the sentence stays whole (湘乡 2023)
    ("年计划完成地方一般公共预算收入16.34亿元(调整后),全年预计完成16.34亿元", "16.34亿元",
     "年计划完成地方一般公共预算收入16.34亿元(调整后),全年预计完成16.34亿元"),
    # no sentence: the missing mark, not "nan"
    (None, "5%", "–"),
])
def test_a_figure_is_shown_in_its_context(sentence, quote, expected):
    assert display.quote_in_context(sentence, quote) == expected
    table = display.format_frame(pd.DataFrame({"quote": [quote], "sentence": [sentence]}))
    assert table["sentence"].iat[0] == expected


def test_differences_in_percentage_points_read_like_the_shares():
    # 05's comparison showed 13.2% beside 7.8% and a difference of 5.397 points
    table = display.format_frame(pd.DataFrame({"share_here": [0.132, 0.071], "share_corpus": [0.078, 0.137],
                                               "difference_points": [5.397, -6.652]}))
    assert table["difference_points"].tolist() == ["+5.4", "-6.7"] and table["share_here"].tolist() == ["13.2%", "7.1%"]


def test_years_of_a_theme_profile_print_as_years():
    # an undated document made the year a float: 02's table by year printed 2,022 and 2,023 (the corpus with the
    # provincial reports)
    from helpers.themes import theme_analysis

    shares = pd.DataFrame({"year": [2022.0, 2023.0], "zh": ["项目建设", "项目建设"], "share": [0.2, 0.1]})
    table = theme_analysis.pivot_theme_profile(shares, by="year")
    html = shading.show_heatmap(table, "主题构成的年度变化 (theme shares by year)").to_html()
    assert ">2022<" in html and "2,022" not in html


def test_a_timeline_of_many_places_names_nine_and_groups_the_others():
    # the corpus with the provincial reports: 21 places cycled ten colours and the legend stopped at 13
    names = ["辽宁省", "辽阳市", "盘锦市", "葫芦岛市", "北京市", "河北省", "山西省", "江苏省", "浙江省", "江西省", "河南省",
             "湖北省", "海南省", "贵州省", "陕西省", "甘肃省"]
    counts = pd.DataFrame({"2024": range(len(names), 0, -1), "2026": 1}, index=names)
    fig = plots.plot_documents_over_time(counts)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels[1:10] == names[:9] and labels[10] == "其他 7 地 (other places)"
    _draw(fig)


def test_indicator_periods_draw_those_with_the_most_figures_and_say_how_many():
    # the corpus with the provincial reports: the first six periods were drawn, all before 2025, and 51 of 63 figures
    # (2025 results, 2026 targets, the plans) were not
    periods = ["2021", "2022", "前三季度 (2023)", "2023", "2024", "2025", "2026", "十五五"]
    sizes = [1, 1, 1, 2, 1, 5, 15, 3]
    rows = pd.DataFrame([{"place": f"地{i}", "period": period, "kind": "target", "quote": "5%", "signed": 5.0,
                          "unit": "%", "published_date": None}
                         for period, size in zip(periods, sizes) for i in range(size)])
    fig = plots.plot_indicator_periods(rows, "地区生产总值")
    assert [ax.get_title() for ax in fig.axes if ax.axison] == ["2021", "2022", "2023", "2025", "2026", "十五五"]
    assert "6 of 8 periods drawn" in fig._suptitle.get_text()


def test_the_hardness_chart_names_its_classes_and_counts_whole_targets():
    # 06's legend printed the codes (binding_floor), and 盘锦's five targets had ticks at 0.5
    counts = pd.DataFrame({"place": ["盘锦市"], "year": [2025], "point": [3], "binding_floor": [2]})
    fig = plots.plot_hardness(counts)
    _draw(fig)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["定值 point", "下限 floor (确保, 以上)"]
    assert all(float(tick).is_integer() for tick in ax.get_xticks())


def test_status_and_hardness_read_in_chinese_with_their_codes():
    # 04's ledger printed "not reported" and 06's tables "binding_floor" among Chinese words; the codes stay for filters
    html = display.show_table(pd.DataFrame({"status": ["met", "not reported"], "hardness": ["soft", "binding_floor"]}),
                              "目标台账 (the ledger)").to_html()
    assert "达成 met" in html and "未见结果 not reported" in html and "软 soft" in html and "下限 binding_floor" in html
