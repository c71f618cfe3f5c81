"""Segmentation, theme tagging and theme analysis on the real corpus."""

import difflib
import math
import re
import warnings

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from conftest import RAW  # noqa: E402
from helpers import selection  # noqa: E402
from helpers.corpus import overview as corpus  # noqa: E402
from helpers.reports import plots  # noqa: E402
from helpers.reuse import diffusion  # noqa: E402
from helpers.themes import theme_analysis  # noqa: E402
from helpers.corpus.documents import process_document  # noqa: E402
from helpers.lexicon import load_gov_verbs, load_stopwords, load_themes  # noqa: E402
from helpers.themes.segment import load_reference_segmenter, load_segmenter  # noqa: E402
from helpers.store import load_table  # noqa: E402
from helpers.themes.tagging import count_terms, extract_theme_hits  # noqa: E402

CHINESE = re.compile("[\u4e00-\u9fff]")


@pytest.mark.parametrize("text, slogan", [
    ("坚持项目为纲、项目为王", "项目为王"),  # 000: a stock segmenter gives 项目/为/王
    ("做深产业结构调整“三篇大文章”", "三篇大文章"),  # 000: 三篇/大/文章
    ("新引进15个“带土移植”团队", "带土移植"),  # 000: 带/土/移植
    ("实施市级“揭榜挂帅”攻关20项", "揭榜挂帅"),  # 000
    ("以“三破三立”解放思想", "三破三立"),  # 003
    ("实施好“千人助千企”专项行动", "千人助千企"),  # 002
    ("实现三年行动首战告捷", "首战告捷"),  # 000 campaign rhetoric
    ("大力实施全面振兴新突破三年行动", "全面振兴新突破三年行动"),  # the campaign's name
])
def test_slogans_are_whole_tokens(text, slogan):
    assert slogan in load_segmenter().cut(text)


def test_rjieba_agrees_with_jieba_on_the_corpus():
    """The fast engine gives the reference's Chinese tokens on every raw document."""
    reference = load_reference_segmenter()
    compared = differing = 0
    for path in sorted(RAW.rglob("*.txt")):
        text = process_document(path.read_bytes(), path.name).document["text"]
        fast = [t for t in load_segmenter().cut(text) if CHINESE.search(t)]
        slow = [t for t in reference.lcut(text, HMM=False) if CHINESE.search(t)]
        compared += len(slow)
        opcodes = difflib.SequenceMatcher(a=fast, b=slow, autojunk=False).get_opcodes()
        differing += sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")
    assert compared > 13_000  # every Chinese token of the six documents
    assert differing == 0


def test_cut_gives_the_text_back():
    text = process_document((RAW / "003_7ac959c10e8bad84.txt").read_bytes(), "003.txt").document["text"]
    assert "".join(load_segmenter().cut(text)) == text


def test_taxonomy_has_named_themes():
    themes = load_themes()
    assert len(themes) >= 12
    assert all(t.zh and t.en and len(t.keywords) >= 5 for t in themes)


def test_term_counts_leave_out_stop_words_and_numbers():
    counts = count_terms("2023年,我们坚持项目为王,推进项目建设的 500 个项目。")
    assert counts["项目为王"] == 1 and counts["项目建设"] == 1
    assert not {"的", "我们", "2023", "500"} & set(counts)
    assert "推进" in counts  # government verbs stay in the table; analyses switch them off
    assert "推进" in load_gov_verbs() and "的" in load_stopwords()


def test_theme_hits_cite_offsets():
    text = "市发改委坚持项目为纲、项目为王。逐步完善科技创新制度体系,引进“带土移植”团队。"
    hits = extract_theme_hits(text, [0, 16])
    assert all(text[start:end] == term for _, _, term, start, end in hits)
    assert {(s, theme, term) for s, theme, term, _, _ in hits} >= {
        (0, "projects", "项目为纲"), (0, "projects", "项目为王"), (1, "innovation", "科技创新"),
        (1, "innovation", "带土移植")}


def test_a_keyword_of_two_themes_gives_a_hit_for_each(monkeypatch):
    # themes.yaml may list one keyword under two themes (none does today): each theme gets the hit,
    # and the theme_hits columns stay aligned
    from helpers.themes import tagging as themes
    from helpers.wordsearch import WordFinder

    themes_of = {"项目为王": ("projects", "business_environment"), "带土移植": ("innovation",)}
    monkeypatch.setattr(themes, "_keyword_index", lambda: (WordFinder(themes_of), themes_of))
    columns = themes.extract_theme_columns("d", "坚持项目为王。推动带土移植。", [0, 7])["theme_hits"]
    assert list(zip(columns["sentence_id"], columns["theme"], columns["term"], columns["start"])) == [
        (0, "projects", "项目为王", 2), (0, "business_environment", "项目为王", 2), (1, "innovation", "带土移植", 9)]
    assert columns["doc_id"] == ["d"] * 3


def test_theme_tables_of_the_build(built_corpus):
    hits = load_table("theme_hits", built_corpus)
    documents = load_table("documents", built_corpus).set_index("doc_id")
    assert all(documents.loc[h.doc_id, "text"][h.start:h.end] == h.term for h in hits.itertuples())
    assert len(load_table("doc_terms", built_corpus)) > 2000


def test_distinctive_terms_of_panjin(built_corpus):
    documents = load_table("documents", built_corpus)
    terms = load_table("doc_terms", built_corpus)
    top = set(theme_analysis.rank_distinctive_terms(terms, documents, "panjin", n=10)["term"])
    assert {"精细化工", "头部企业"} <= top  # 盘锦's petrochemical base and its anchor firms
    assert not top & load_gov_verbs()


def test_place_names_are_no_distinctive_terms_even_short(built_corpus):
    # 灯塔 (灯塔市 without 市) was among 辽阳's distinctive terms while the page said place names are left out; a
    # district's short name can be a word of the campaign (振兴区 of 丹东: 振兴), so districts keep theirs
    documents, terms = corpus.load_documents(built_corpus), load_table("doc_terms", built_corpus)
    top = set(theme_analysis.rank_distinctive_terms_by_place(terms, documents, "liaoyang", n=40)["term"])
    assert not top & {"灯塔", "辽阳", "灯塔市", "辽阳县"} and "灯塔" in set(terms["term"])
    kept = theme_analysis.drop_terms(pd.DataFrame({"term": ["振兴", "灯塔", "新民", "项目"]}), gov_verbs=True)
    assert kept["term"].tolist() == ["振兴", "项目"]


def test_every_place_scored_at_once_ranks_as_each_place_alone(built_corpus):
    # one pass over the terms for all places; a city's block counts its districts' documents too
    documents, terms = corpus.load_documents(built_corpus), load_table("doc_terms", built_corpus)
    by_place = theme_analysis.rank_distinctive_terms_by_place(terms, documents, n=12)
    # the same from the terms summed per place (what a selection gives at scale)
    pd.testing.assert_frame_equal(by_place, theme_analysis.rank_distinctive_terms_by_place(
        selection.select(built_corpus).count_terms(), documents, n=12))
    names = {"辽阳市": "liaoyang", "盘锦市": "panjin", "葫芦岛市": "huludao"}
    assert set(by_place["place"]) == set(names)  # 辽宁省 holds every document: nothing to compare
    for name, code in names.items():
        alone = theme_analysis.rank_distinctive_terms(terms, documents, code, n=12)
        block = by_place[by_place["place"] == name].drop(columns="place").reset_index(drop=True)
        pd.testing.assert_frame_equal(block, alone)


@pytest.mark.parametrize("n_here, n_elsewhere, reason", [
    (60_000, 1_000_000, "a term's count times a place's total passes 2^31"),
    (3, 40_000_000, "a rare term in a large corpus"),
])
def test_keyness_of_large_counts_does_not_overflow(n_here, n_elsewhere, reason):
    # doc_terms stores n as int32; the expected counts multiply two corpus-wide totals
    terms = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "term": ["项目", "振兴", "项目", "振兴"],
                          "n": pd.array([n_here, n_here, 10, n_elsewhere], dtype="int32")})
    ranked = theme_analysis.score_keyness(terms, pd.DataFrame({"doc_id": ["a"], "code": ["x"]}), min_count=1)
    row = ranked.set_index("term").loc["项目"]
    a, b = float(n_here), 10.0
    total_a, total_b = 2.0 * n_here, 10.0 + n_elsewhere
    expected_a, expected_b = (a + b) * total_a / (total_a + total_b), (a + b) * total_b / (total_a + total_b)
    g2 = 2 * (a * math.log(a / expected_a) + b * math.log(b / expected_b))
    assert row["g2"] == pytest.approx(g2, rel=1e-9) and row["g2"] > 0, reason
    assert row["count_here"] == n_here and row["count_elsewhere"] == 10


def test_slogan_tracker_and_kwic(built_corpus):
    hits = theme_analysis.load_theme_hits(built_corpus)
    slogans = theme_analysis.track_slogans(hits).set_index("term")
    assert "辽阳市" in slogans.loc["首战告捷", "places"]
    lines = theme_analysis.kwic("首战告捷", selection.select(built_corpus), window=8)
    assert len(lines) == 4 and (lines["term"] == "首战告捷").all()
    assert lines["left"].str.len().max() <= 8 + 4  # the window (a line break shows as ⏎)


def test_slogan_concordances_spread_over_documents_earliest_first(built_corpus):
    # 02 showed six lines of one 辽阳 release for 全面振兴新突破三年行动, which 盘锦 had used 202 days before
    chosen = selection.select(built_corpus)
    lines = theme_analysis.kwic_slogans(chosen, theme_analysis.track_slogans(chosen.theme_hits), slogans=1)
    firsts = lines.drop_duplicates("doc_id")
    assert len(firsts) == 4 and firsts.index.tolist() == [0, 1, 2, 3]
    assert firsts["date"].astype(str).tolist() == sorted(firsts["date"].astype(str)) and firsts["place"].iat[0] == "盘锦市"


def test_concordance_lines_and_first_uses_cite_their_sentences(built_corpus):
    """A researcher listing every sentence on 营商环境 had to join sentences.parquet by hand: kwic gave no sentence."""
    chosen = selection.select(built_corpus)
    sentences = chosen.sentences.set_index(["doc_id", "sentence_id"])
    texts = load_table("documents", built_corpus).set_index("doc_id")["text"]
    lines = theme_analysis.kwic("营商环境", chosen, limit=None)
    assert len(lines) == 14 and lines["sentence_id"].notna().all()
    for line in lines.itertuples():
        sentence = sentences.loc[(line.doc_id, line.sentence_id)]
        assert sentence["start"] <= line.start < line.end <= sentence["end"]
        assert texts[line.doc_id][line.start:line.end] == "营商环境"
    # the same from a frame of sentences, whose numbers it carries
    from_sentences = theme_analysis.kwic("营商环境", chosen.sentences, limit=None)
    assert sorted(zip(from_sentences["doc_id"], from_sentences["sentence_id"], from_sentences["start"])) == \
        sorted(zip(lines["doc_id"], lines["sentence_id"], lines["start"]))
    # a slogan's first use, as the tracker and the adoption table cite it
    hits = chosen.find_theme_hits(terms=["三篇大文章"])
    first = theme_analysis.track_slogans(hits, ["三篇大文章"])["first_ref"].iat[0]
    adoption = diffusion.track_slogan_adoption(hits, ["三篇大文章"])
    assert first == adoption["first_ref"].iat[0]
    doc_id, rest = first.split("#")
    start, end = map(int, rest.split("@")[1].split("-"))
    assert texts[doc_id][start:end] == "三篇大文章"


@pytest.mark.parametrize("start_year, end_year, dates", [
    (None, None, {"2022-02-18", "2022-09-11", "2023-03-30", "2023-10-18", "2024-01-07", "2026-02-01"}),
    (2023, 2025, {"2023-03-30", "2023-10-18", "2024-01-07"}),  # the three-year action only
    (2026, None, {"2026-02-01"}),  # the provincial report that reviews it
])
def test_concordances_keep_to_the_years_of_the_report(built_corpus, start_year, end_year, dates):
    # a report on 2023-2025 must not quote a 2022 baseline document as campaign evidence
    years = selection.select(built_corpus, start_year=start_year, end_year=end_year)
    lines = theme_analysis.kwic("项目", years, limit=None)
    assert {str(d) for d in lines["date"]} == dates
    chosen = theme_analysis.kwic_slogans(years, theme_analysis.track_slogans(years.theme_hits))
    assert len(chosen) and {str(d) for d in chosen["date"]} <= dates


@pytest.mark.parametrize("start_year, end_year, places", [
    (None, None, {"辽宁省", "盘锦市", "辽阳市", "葫芦岛市"}),
    (2023, 2025, {"盘锦市", "辽阳市"}),  # 葫芦岛's only document and the provincial report fall outside
])
def test_word_clouds_and_distinctive_terms_keep_to_the_years_of_the_report(built_corpus, start_year, end_year, places):
    documents = corpus.load_documents(built_corpus, start_year=start_year, end_year=end_year)
    terms = load_table("doc_terms", built_corpus)
    totals = terms[terms["doc_id"].isin(documents["doc_id"])].groupby("term")["n"].sum()
    clouds = theme_analysis.summarize_term_frequencies_by_place(terms, documents)
    assert set(clouds) == places
    assert all(n <= totals[term] for counts in clouds.values() for term, n in counts.items())
    assert clouds == theme_analysis.summarize_term_frequencies_by_place(
        selection.select(built_corpus, start_year=start_year, end_year=end_year).count_terms(), documents)
    ranked = theme_analysis.rank_distinctive_terms_by_place(terms, documents, place="liaoyang")
    # here and elsewhere together: the term's count over the report's documents, no more
    assert len(ranked) and ((ranked["count_here"] + ranked["count_elsewhere"]).values
                            == totals[ranked["term"]].values).all()


@pytest.mark.parametrize("start_year, end_year", [(None, None), (2023, 2025), (2026, None)])
def test_a_places_theme_profile_compares_the_same_years(built_corpus, start_year, end_year):
    from helpers.reports import profile

    here = selection.select(built_corpus, "liaoyang", start_year, end_year)
    table = profile.compare_theme_profile(here.theme_hits, here.widen().theme_hits).set_index("theme")
    counted = profile.compare_theme_profile(here.count_theme_hits("genre"), here.widen().count_theme_hits("genre"))
    pd.testing.assert_frame_equal(table.reset_index(), counted)
    for column, place in (("share_here", "liaoyang"), ("share_corpus", "all")):
        hits = theme_analysis.load_theme_hits(built_corpus, place, start_year, end_year)
        counts = hits.groupby("theme").size()
        if not len(counts):  # liaoyang has no document of 2026: no shares to compare, not 0.0% of each theme
            assert table[column].isna().all(), (column, start_year)
            continue
        expected = (counts / counts.sum()).reindex(table.index).fillna(0.0)
        assert (table[column] - expected).abs().max() < 1e-12, (column, start_year)


@pytest.mark.parametrize("summarize, reason", [
    (lambda hits, docs, d: theme_analysis.summarize_theme_shares(hits, docs, by="place"), "rates over no characters"),
    (lambda hits, docs, d: theme_analysis.pivot_theme_profile(
        theme_analysis.summarize_theme_shares(hits, docs, by="year"), by="year"), "a heatmap of nothing"),
    (lambda hits, docs, d: theme_analysis.count_theme_cooccurrence(hits), "crosstab of no sentences"),
    (lambda hits, docs, d: theme_analysis.track_slogans(hits), "no slogans"),
    (lambda hits, docs, d: theme_analysis.rank_distinctive_terms_by_place(
        selection.select(d, start_year=2026).count_terms(), docs, "liaoyang"), "a place without documents in the years"),
    (lambda hits, docs, d: pd.DataFrame(theme_analysis.summarize_term_frequencies_by_place(
        selection.select(d, "liaoyang", start_year=2026).count_terms(), docs)), "no clouds to draw"),
    (lambda hits, docs, d: theme_analysis.count_theme_cooccurrence(
        selection.select(d, "liaoyang", start_year=2026).count_theme_pairs()), "no sentences to pair"),
])
def test_a_selection_without_documents_gives_empty_tables(built_corpus, summarize, reason):
    # liaoyang has no document from 2026 on; a report of it must show empty tables, not fail
    hits = theme_analysis.load_theme_hits(built_corpus, "liaoyang", start_year=2026)
    docs = corpus.load_documents(built_corpus, "liaoyang", start_year=2026)
    assert hits.empty and docs.empty
    assert len(summarize(hits, docs, built_corpus)) == 0, reason


def test_cooccurrence_is_symmetric(built_corpus):
    matrix = theme_analysis.count_theme_cooccurrence(theme_analysis.load_theme_hits(built_corpus))
    assert (matrix.values == matrix.values.T).all()


def _render_without_missing_glyphs(figure_function):
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        fig = figure_function()
        fig.canvas.draw()
        matplotlib.pyplot.close(fig)


def test_chinese_figures_have_no_missing_glyphs(built_corpus):
    documents = load_table("documents", built_corpus)
    hits = theme_analysis.load_theme_hits(built_corpus)
    shares = theme_analysis.summarize_theme_shares(hits, documents, by="place")
    _render_without_missing_glyphs(lambda: plots.plot_heatmap(theme_analysis.pivot_theme_profile(shares), "主题构成"))
    _render_without_missing_glyphs(lambda: plots.plot_timeline(documents))


def test_the_glyph_check_fails_without_the_cjk_font():
    """Control: with matplotlib's default font the same check raises, so the test above means something."""
    import matplotlib.pyplot as plt

    with pytest.raises(UserWarning, match="missing"):
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
            with plt.rc_context({"font.family": ["DejaVu Sans"]}):
                fig, ax = plt.subplots()
                ax.set_title("主题构成")
                fig.canvas.draw()
    plt.close("all")


def test_every_resource_table_reads_with_the_fields_its_header_names():
    """A researcher's edit that leaves a comma unquoted in an example stops the build with the file and the row."""
    from importlib import resources

    from helpers.lexicon import _csv_rows

    names = sorted(p.name for p in resources.files("helpers.resources").iterdir() if p.name.endswith(".csv"))
    assert len(names) >= 10
    for name in names:
        assert _csv_rows(name), name
