"""Text reuse on real documents: shared central wording, edited copies, reposts, incremental runs."""

import datetime as dt
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from rapidfuzz.distance import Indel

from conftest import RAW
from helpers.corpus.documents import process_document
from helpers.reuse.align import align_passages
from helpers.reuse.detect import EXACT, find_reuse
from helpers.reuse.diffusion import find_boilerplate, is_formula
from helpers.reuse.index import PostingSpool, find_candidate_pairs, index_document, match_seeds
from helpers.reuse.ngrams import hash_ngrams

PROVINCES = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "provinces-2026"
if not PROVINCES.is_dir():  # a worktree sits beside shared/; a clone in CI has shared/ beside it too
    PROVINCES = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "provinces-2026"
NEEDS_PROVINCES = pytest.mark.skipif(not PROVINCES.is_dir(), reason="../shared/corpora/provinces-2026 not here")


def _documents(paths):
    found = [process_document(Path(p).read_bytes(), Path(p).name).document for p in paths]
    return {d["doc_id"]: d for d in found}


@pytest.fixture(scope="module")
def provinces():
    return _documents(sorted(PROVINCES.glob("*.txt")))


def _run(documents, cache=None):
    ids = list(documents)
    result = find_reuse(ids, [documents[i]["text"] for i in ids], [documents[i]["published_date"] for i in ids],
                        [documents[i]["genre"] for i in ids], cache)
    return result, pd.DataFrame(result.passages), pd.DataFrame(result.duplicates)


@NEEDS_PROVINCES
def test_provincial_reports_share_the_central_wording_with_exact_offsets(provinces):
    result, passages, _ = _run(provinces)
    assert len(provinces) == 15 and len(passages) > 100
    # every row's offsets cut the same (or nearly the same) text out of both documents
    for row in passages.itertuples():
        a = provinces[row.doc_id_a]["text"][row.start_a:row.end_a]
        b = provinces[row.doc_id_b]["text"][row.start_b:row.end_b]
        assert a == row.text_a and b == (row.text_b if isinstance(row.text_b, str) else a)
        assert Indel.normalized_similarity(a, b) == pytest.approx(row.similarity)
        assert row.similarity >= 0.6 and min(len(a), len(b)) >= 20
        assert a == a.strip() and b == b.strip()
    # 河南 (2026-02-03) and 新疆 (2026-02-12) both write the central economic work conference's line
    central = "着力推动高质量发展,坚持稳中求进工作总基调"
    pair = passages[(passages.doc_id_a == "河南省") & (passages.doc_id_b == "新疆维吾尔自治区")]
    assert any(central in a and central in (b if isinstance(b, str) else a)
               for a, b in zip(pair.text_a, pair.text_b))
    # the earlier document is a: 河南 came before 新疆, so the lag is positive
    assert (pair.lag_days == 9).all()
    # the opening of a work report is shared by every report: boilerplate of the genre
    clusters = pd.DataFrame(result.clusters)
    assert clusters.n_docs.max() == 15 and clusters.share_of_genre.max() == 1.0 and clusters.genre_docs.max() == 15
    assert find_boilerplate(clusters, 0.5)["n_docs"].max() == 15


# (share of the genre, documents of the genre that hold the passage, boilerplate?, why)
BOILERPLATE_CASES = [
    (1.0, 15, True, "every work report of fifteen opens with it"),
    (0.5, 3, True, "half of six, and three documents: the genre's"),
    (1.0, 2, False, "both press conferences of a corpus with two: one may have copied the other"),
    (0.4, 6, False, "under half of the genre: travel, not boilerplate"),
]


def test_copy_links_count_each_character_of_the_later_document_once():
    # 盘锦's press-conference title reached 辽阳's press release in two overlapping pairs (辽阳 19-53 and 21-95): 07 said
    # 108 characters were taken, the sum of the pairs; they cover 76
    from helpers.reuse import diffusion

    pairs = pd.DataFrame({"place_a": ["盘锦市", "盘锦市"], "place_b": ["辽阳市", "辽阳市"], "cluster_id": [0, 0],
                          "doc_id_b": ["000", "000"], "start_b": [21, 19], "end_b": [95, 53], "lag_days": [202, 202],
                          "date_b": [dt.date(2023, 10, 18)] * 2})
    links = diffusion.count_copy_links(pairs)
    assert links[["passages", "chars"]].values.tolist() == [[1, 76]]
    assert links["first_taken"].tolist() == [dt.date(2023, 10, 18)]


# (a shared passage, is it a genre's conventional wording?, why): real passages of the bundled corpus
FORMULA_CASES = [
    ("政府工作报告\n——2024年1月7日在辽阳市第十七届人民代表大会第四次会议上\n市长 郭云峰\n各位代表:\n现在,我代表辽阳市人民政府向大会"
     "报告工作,请予审议,并请市政协委员和其他列席人员提出意见。\n一、2023年工作回顾", True,
     "辽阳 2024 and 辽宁 2026 open alike: the salutation, spaced and punctuated its own way"),
    ("以习近平新时代中国特色社会主义思想为指导,深入贯彻党的二十大和二十届二中全会精神,全面落实习近平总书记关于东北、辽宁振兴发展的重要讲话和",
     True, "the guiding-thought formula of a year's general requirements"),
    ("“贯彻党的二十大精神——实施全面振兴新突破三年行动”主题系列新闻发布会(第二场)召开\n3月30日,市政府新闻办召开“贯", False,
     "the campaign's press-conference series title, shared by 盘锦 and 辽阳: travel worth seeing"),
    ("以习近平新时代中国特色社会主义思想为指导," + "全市新开工亿元以上项目200个以上,固定资产投资增长10%," * 5, False,
     "longer than 150 characters: room for copying beyond the formula"),
    ("我们要更加紧密地团结在以习近平同志为核心的党中央周围,高举习近平新时代中国特色社会主义思想伟大旗帜", True,
     "辽宁 2026's closing: the Party-leadership formula every genre uses (07 had called a chain of it the passage that "
     "travelled furthest)"),
]


@pytest.mark.parametrize("text, expected, why", FORMULA_CASES)
def test_formula_passages(text, expected, why):
    assert is_formula(text) is expected, why


@pytest.mark.parametrize("share, genre_docs, expected, why", BOILERPLATE_CASES)
def test_boilerplate_needs_a_share_and_documents(share, genre_docs, expected, why):
    clusters = pd.DataFrame({"cluster_id": [7], "share_of_genre": [share], "genre_docs": [genre_docs], "text": ["甲"]})
    assert (len(find_boilerplate(clusters, 0.5)) == 1) is expected, why


# 河北: the first 160 characters of its 雄安 paragraph; 浙江: the first 200 of its 绿色低碳 section
HEBEI_CUT = ("这五年,雄安新区拔节生长", 160)
ZHEJIANG_CUT = ("(八)全力推进绿色低碳发展", 200)
FILLER = "本报讯 记者从市政府新闻办获悉,我市召开专题会议,听取各部门关于今年以来重点工作推进情况的汇报。"


@NEEDS_PROVINCES
def test_a_document_of_edited_copies_is_linked_to_both_sources_with_the_right_offsets():
    documents = _documents([PROVINCES / "河北省.txt", PROVINCES / "浙江省.txt", PROVINCES / "河南省.txt"])
    hebei, zhejiang = documents["河北省"]["text"], documents["浙江省"]["text"]
    start_h = hebei.index(HEBEI_CUT[0])
    copy_h = hebei[start_h:start_h + HEBEI_CUT[1]]
    start_z = zhejiang.index(ZHEJIANG_CUT[0])
    copy_z = zhejiang[start_z:start_z + ZHEJIANG_CUT[1]]
    # a few characters changed in the first copy, a sentence inserted in the middle of the second
    edited_h = copy_h.replace("日新月异", "日日更新").replace("5300多栋", "5400多栋")
    assert edited_h != copy_h
    middle = len(copy_z) // 2
    inserted = "我们还将进一步加强湿地保护和修复工作,推动生态环境持续改善。"
    edited_z = copy_z[:middle] + inserted + copy_z[middle:]
    text = "\n".join([FILLER, edited_h, FILLER[:30], edited_z, FILLER[5:40]])
    documents["copy"] = {"text": text, "published_date": dt.date(2026, 3, 1), "genre": "news"}
    _, passages, duplicates = _run(documents)
    offset_h, offset_z = text.index(edited_h), text.index(edited_z)
    for source, source_start, copy, copy_start, edited in (("河北省", start_h, copy_h, offset_h, edited_h),
                                                         ("浙江省", start_z, copy_z, offset_z, edited_z)):
        rows = passages[(passages.doc_id_a == source) & (passages.doc_id_b == "copy")]
        assert len(rows) == 1, source  # one passage, not pieces broken at the edits
        row = rows.iloc[0]
        assert (row.start_a, row.end_a) == (source_start, source_start + len(copy)), source
        assert (row.start_b, row.end_b) == (copy_start, copy_start + len(edited)), source
        assert 0.8 < row.similarity < 1.0
    # 河南 shares nothing with the copy, and nothing here is a repost
    assert not ((passages.doc_id_b == "copy") & (passages.doc_id_a == "河南省")).any()
    assert duplicates.counted.all()


def test_an_exact_repost_is_grouped_with_its_original_and_counted_once():
    documents = _documents([RAW / "000_c314c07c1d40f028.txt", RAW / "001_e097eca750060dbf.txt",
                            RAW / "002_d766e72967905135.txt"])
    repost = dict(documents["002_d766e72967905135"])
    documents["repost"] = repost  # the same text on another site, same date: the longer-then-id rule
    result, passages, duplicates = _run(documents)
    groups = duplicates.set_index("doc_id")
    assert groups.loc["repost", "duplicate_cluster"] == groups.loc["002_d766e72967905135", "duplicate_cluster"]
    assert groups.loc["002_d766e72967905135", "counted"] and not groups.loc["repost", "counted"]
    assert groups.loc["repost", "match"] == "same paragraphs" and groups.loc["repost", "n_members"] == 2
    assert groups.drop(index=["repost", "002_d766e72967905135"]).counted.all()
    copied = passages[passages.doc_id_b == "repost"]
    assert (copied.method == EXACT).all() and (copied.doc_id_a == "002_d766e72967905135").all()


def test_a_paragraph_in_many_documents_gives_rows_per_copy_not_per_pair():
    # the hard case of the benchmark: n copies give n - 1 rows (and one cluster), not n(n-1)/2
    paragraph = "全年实施亿元以上项目500个以上,新开工项目300个,坚持项目为王,推进全面振兴新突破三年行动。"
    texts = [f"第{i}号文件\n{paragraph}\n附:联系电话{i}" for i in range(12)]
    dates = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(12)]
    result = find_reuse([f"d{i:02d}" for i in range(12)], texts, dates)
    passages = pd.DataFrame(result.passages)
    assert len(passages) == 11 and (passages.doc_id_a == "d00").all()
    assert passages.lag_days.tolist() == list(range(1, 12))
    assert passages.cluster_id.nunique() == 1 and (passages.n_docs == 12).all()


@NEEDS_PROVINCES
def test_a_new_document_is_aligned_only_with_the_documents_it_shares_ngrams_with(provinces):
    cache = {}
    first, _, _ = _run(dict(list(provinces.items())[:14]), cache)
    assert first.n_aligned_pairs == first.n_candidate_pairs > 0
    second, passages, _ = _run(provinces, cache)
    new = list(provinces)[14]
    assert 0 < second.n_aligned_pairs < second.n_candidate_pairs
    again, passages_again, _ = _run(provinces, cache)
    assert again.n_aligned_pairs == 0
    pd.testing.assert_frame_equal(passages, passages_again)
    assert new in set(passages.doc_id_a) | set(passages.doc_id_b)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="项目为王全面振兴新突破三年行动,。\n 12", max_size=300),
       st.text(alphabet="项目为王全面振兴新突破三年行动,。\n 12", max_size=300))
def test_alignment_never_raises_and_keeps_offsets_inside_the_texts(a, b):
    seeds = match_seeds(index_document(hash_ngrams(a)), index_document(hash_ngrams(b)))
    for p in align_passages(a, b, *seeds):
        assert 0 <= p.start_a < p.end_a <= len(a) and 0 <= p.start_b < p.end_b <= len(b)
        assert 0.6 <= p.similarity <= 1.0


def test_the_build_writes_the_reuse_tables_and_counts_a_repost_once(tmp_path):
    from helpers.build.builder import build_corpus
    from helpers.indicators.indicator_tables import load_indicators
    from helpers.themes import theme_analysis

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "reposts").mkdir()
    shutil.copy(RAW / "000_c314c07c1d40f028.txt", raw / "reposts" / "000_copy.txt")
    processed = tmp_path / "processed"
    build_corpus(raw, processed, progress=False)
    duplicates = pd.read_parquet(processed / "duplicates.parquet").set_index("doc_id")
    assert not duplicates.loc["reposts/000_copy", "counted"] and duplicates.loc["000_c314c07c1d40f028", "counted"]
    documents = theme_analysis.load_documents(processed)
    hits = theme_analysis.load_theme_hits(processed)
    once = theme_analysis.summarize_theme_shares(hits, documents, by="place")
    twice = theme_analysis.summarize_theme_shares(hits, documents, by="place", count_reposts_once=False)
    liaoyang_hits = hits[hits.doc_id == "000_c314c07c1d40f028"].shape[0]
    assert twice.hits.sum() - once.hits.sum() == liaoyang_hits > 0
    assert len(load_indicators(processed, count_reposts_once=False)) > len(load_indicators(processed))
    # a rebuild with nothing changed keeps the tables; the reuse pass is part of the manifest
    summary = build_corpus(raw, processed, progress=False)
    assert summary.n_processed == 0 and (processed / "reuse.parquet").exists()
    build_corpus(raw, processed, progress=False, reuse=False)
    assert not (processed / "reuse.parquet").exists()


@pytest.mark.parametrize("texts", [
    [],                                   # an empty corpus (every document quarantined)
    ["项目为王"],                          # one document shorter than an n-gram
    ["", "全年实施亿元以上项目500个以上"],    # an empty cleaned text beside a short one
])
def test_corpora_too_small_to_share_anything_give_empty_tables(texts):
    result = find_reuse([f"d{i}" for i in range(len(texts))], texts, [None] * len(texts))
    assert len(result.passages["doc_id_a"]) == 0 and len(result.clusters["cluster_id"]) == 0
    assert result.duplicates["counted"] == [True] * len(texts)


def test_slogans_are_dated_by_place_and_passages_linked_between_places(built_corpus):
    from helpers.reuse import diffusion, tables
    from helpers.themes import theme_analysis

    adoption = diffusion.track_slogan_adoption(theme_analysis.load_theme_hits(built_corpus))
    rows = adoption[adoption.term == "三篇大文章"].set_index("place")
    # 葫芦岛's 2022-09-11 feature has it first; 盘锦's press release of 2023-03-30 follows 200 days later
    assert rows.loc["葫芦岛市", "order"] == 1 and rows.loc["葫芦岛市", "lag_days"] == 0
    assert rows.loc["盘锦市", "lag_days"] == 200
    curves = diffusion.count_adoption_curves(adoption)
    assert curves["三篇大文章"].is_monotonic_increasing and curves["三篇大文章"].iloc[-1] == len(rows)
    reuse = tables.load_reuse(built_corpus)
    links = diffusion.count_copy_links(reuse)
    # 辽阳's 2024 work report and the 2026 provincial report share the work report's opening
    assert ((links.place_a == "辽阳市") & (links.place_b == "辽宁省")).any()
    assert (reuse.date_a <= reuse.date_b).all()
    travel = diffusion.summarize_passage_travel(reuse)
    assert len(travel) == reuse.cluster_id.nunique()


@pytest.mark.parametrize("place, drawn", [
    ("all", True),  # slogans reach two and more places: one line each, nudged apart where they coincide
    ("liaoyang", False),  # one city: every line sat at 1 (07 drew eight flat lines); it says so instead
])
def test_adoption_curves_are_drawn_only_where_a_slogan_spread(built_corpus, place, drawn):
    import matplotlib

    matplotlib.use("Agg")
    from helpers.reports import reuse_plots
    from helpers.reuse import diffusion
    from helpers.themes import theme_analysis

    curves = diffusion.count_adoption_curves(diffusion.track_slogan_adoption(
        theme_analysis.load_theme_hits(built_corpus, place)))
    fig = reuse_plots.plot_adoption_curves(curves)
    lines = fig.axes[0].get_lines()
    assert bool(lines) == drawn
    if drawn:
        assert len({tuple(line.get_ydata()) for line in lines}) == len(lines)  # no line hides another


def test_new_terms_leave_out_known_words_and_rank_a_real_slogan():
    from helpers.reuse import terms

    texts = [(RAW / name).read_text(encoding="utf-8") for name in
             ("000_c314c07c1d40f028.txt", "001_e097eca750060dbf.txt", "003_7ac959c10e8bad84.txt")]
    found = terms.rank_new_terms(texts, min_count=3, n=200)
    known = terms.list_known_terms()
    assert not [term for term in found.term if term in known]
    assert (found["count"] >= 3).all() and found.score.is_monotonic_decreasing
    # 三篇大文章 is a theme keyword: found only when the known terms are set aside
    everything = terms.rank_new_terms(texts, min_count=3, known=frozenset(), n=400, min_chars=5)
    assert "三篇大文章" in set(everything.term)


KNOWN_TERMS = [  # (term, known?, why)
    ("项目", True, "a word of jieba's dictionary"),
    ("招商引资", True, "jieba's dictionary has it, so 招商 引资 is no collocation"),
    ("项目为王", True, "a theme keyword of themes.yaml"),
    ("三篇大文章", True, "a theme keyword, added to the segmenter's dictionary"),
    ("目为王", False, "a cut-short candidate of 项目为王: in no dictionary"),
    ("经营主体", False, "written in every provincial report, in no dictionary of the project"),
    ("", False, "the empty string is no term"),
]


@pytest.mark.parametrize("term, known, why", KNOWN_TERMS, ids=[case[0] or "empty" for case in KNOWN_TERMS])
def test_known_terms_are_the_segmenter_dictionary(term, known, why):
    from helpers.reuse import terms

    assert (term in terms.list_known_terms()) is known, why


def test_every_word_of_jiebas_dictionary_file_is_known():
    # the known terms are asked of rjieba's dictionary: it must hold all of jieba's dict.txt
    from helpers.paths import find_package_file
    from helpers.reuse import terms

    words = find_package_file("jieba", "dict.txt").read_text(encoding="utf-8").split()[::3]
    known = terms.list_known_terms()
    assert len(words) > 340_000 and not [word for word in words if word not in known]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="项目为王带土移植,。的和 a1", max_size=80), max_size=4))
def test_new_terms_never_raise(texts):
    from helpers.reuse import terms

    table = terms.rank_new_terms(texts, min_count=1, known=frozenset())
    assert list(table.columns) == ["term", "count", "documents", "pmi", "left_entropy", "right_entropy", "score"]


def test_keyness_gives_counts_on_both_sides():
    from helpers.reuse import terms

    counts = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c"], "term": ["项目为王", "发展", "发展", "项目为王", "发展"],
                           "n": [12, 10, 10, 1, 30]})
    table = terms.score_keyness_between(counts, target={"a"})
    row = table.set_index("term").loc["项目为王"]
    assert (row.count_target, row.count_reference) == (12, 1) and row.g2 > 0
    assert "发展" not in set(table.term)  # used less in a than elsewhere


@pytest.mark.parametrize("start, expected", [
    (2023, None),  # 2022 against 2023-2024: a comparison
    # 辽阳's documents are of 2023 and 2024: from 2023 on, nothing is left to compare with (07 showed a bare "no rows")
    (2020, "no document of this selection has a year before 2020, so there is nothing to compare"),
    (2030, "no document of this selection has a year from 2030, so there is nothing to compare"),
])
def test_keyness_without_a_side_says_why_in_the_report(start, expected):
    from helpers.reports import display
    from helpers.reuse import terms

    counts = pd.DataFrame({"year": [2022, 2022, 2023, 2024], "term": ["项目为王", "发展", "项目为王", "发展"],
                           "n": [3, 10, 12, 9]})
    table = display.show_table(terms.score_keyness_from(counts, "year", start, min_count=1), "关键词")
    if expected is None:
        assert table.total > 0
    else:
        assert table.total == 0 and f"no rows: {expected}" in table._repr_html_()


PARAGRAPHS = ["全年实施亿元以上项目500个以上,新开工项目300个。", "坚持项目为王,推进全面振兴新突破三年行动。",
              "盘锦市计划实施投资500万元以上项目600个,其中新开工341个。", "项目为王", "\n", "。"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PARAGRAPHS), max_size=6), min_size=1, max_size=5),
       st.lists(st.one_of(st.none(), st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31))), min_size=5, max_size=5))
def test_reuse_of_any_small_corpus_has_offsets_that_cut_its_texts(bodies, dates):
    texts = ["\n".join(body) for body in bodies]
    result = find_reuse([f"d{i}" for i in range(len(texts))], texts, dates[:len(texts)])
    passages = pd.DataFrame(result.passages)
    for row in passages.itertuples():
        a, b = texts[int(row.doc_id_a[1:])], texts[int(row.doc_id_b[1:])]
        assert a[row.start_a:row.end_a] == row.text_a and row.doc_id_a != row.doc_id_b
        assert b[row.start_b:row.end_b] == (row.text_b if isinstance(row.text_b, str) else row.text_a)
        assert row.lag_days is None or row.lag_days != row.lag_days or row.lag_days >= 0  # a is the earlier
    assert sum(result.duplicates["counted"]) == len(set(result.duplicates["duplicate_cluster"]))


def test_a_damaged_alignment_cache_is_aligned_again_not_trusted(built_corpus, tmp_path):
    from helpers import store
    from helpers.build import reuse_stage

    processed = tmp_path / "processed"
    shutil.copytree(built_corpus, processed)
    tables, cache = store.resolve_generation(processed), processed / ".cache"
    first = reuse_stage.build_reuse_tables(tables, cache)
    expected = pd.read_parquet(tables / "reuse.parquet")
    assert reuse_stage.build_reuse_tables(tables, cache).n_aligned_now == 0  # all from the cache
    (cache / reuse_stage.CACHE_NAME).write_bytes(b"ARROW1 damaged")
    again = reuse_stage.build_reuse_tables(tables, cache)
    assert again.n_aligned_now == first.n_candidate_pairs > 0
    pd.testing.assert_frame_equal(pd.read_parquet(tables / "reuse.parquet"), expected)


@NEEDS_PROVINCES
def test_collocations_are_word_pairs_not_yet_known_ranked_by_log_likelihood(provinces):
    from helpers.reuse import terms

    table = terms.rank_collocations([d["text"] for d in provinces.values()], n=100)
    pairs = set(zip(table["first"], table["second"]))
    # 经营主体 (business entities) is written in every report and in no dictionary of the project
    assert ("经营", "主体") in pairs
    assert not [a + b for a, b in pairs if a + b in terms.list_known_terms()]
    assert table.g2.is_monotonic_decreasing and (table["count"] >= terms.MIN_COUNT).all()
    assert (table.documents <= len(provinces)).all()


def test_nearly_identical_paragraphs_join_their_source_and_leave_the_index():
    # the same paragraph in 12 documents, every other copy with one figure changed: still one
    # cluster of 11 rows from the first holder, none of them found again by alignment
    paragraph = "全年实施亿元以上项目500个以上,新开工项目300个,坚持项目为王,推进全面振兴新突破三年行动。"
    texts = [f"第{i}号文件\n{paragraph if i % 2 == 0 else paragraph.replace('300', '350')}\n附:联系电话{i}"
             for i in range(12)]
    dates = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(12)]
    result = find_reuse([f"d{i:02d}" for i in range(12)], texts, dates)
    passages = pd.DataFrame(result.passages)
    assert len(passages) == 11 and (passages.doc_id_a == "d00").all() and passages.cluster_id.nunique() == 1
    assert set(passages.method) == {"exact paragraph", "similar paragraph"}
    similar = passages[passages.method == "similar paragraph"]
    assert (similar.similarity > 0.9).all() and similar.text_b.str.contains("350").all()
    assert result.n_candidate_pairs == 0


@NEEDS_PROVINCES
@pytest.mark.parametrize("slices", [1, 3, 16, 64])
def test_candidate_pairs_do_not_depend_on_the_slices(provinces, slices, tmp_path):
    """The postings are spooled and sorted a slice of the hash space at a time to bound memory: the 16
    provincial reports give the same candidate pairs and frequent n-grams however the hash space is cut,
    and the spool leaves nothing behind."""
    texts = [d["text"] for d in provinces.values()]

    def find(n_slices, folder):
        folder.mkdir()
        with PostingSpool(folder, slices=n_slices) as spool:
            for text in texts:
                spool.add(index_document(hash_ngrams(text)).hashes)
            found = find_candidate_pairs(spool, max_df=8)  # (n-grams of more than 8 of the 16 reports are frequent)
        assert not any(folder.iterdir())
        return found

    whole, whole_frequent = find(1, tmp_path / "one")
    pairs, frequent = find(slices, tmp_path / "sliced")
    assert len(whole.a) > 50  # provincial reports share much central wording
    for name in ("a", "b", "shared"):
        assert getattr(pairs, name).tolist() == getattr(whole, name).tolist()
    assert frequent.tolist() == whole_frequent.tolist() and frequent.size > 0

def _spool(tmp_path, texts):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from helpers.reuse.texts import spool_texts

    table = pa.table({"text": pa.array(texts, pa.string())})
    pq.write_table(table, tmp_path / "documents.parquet", row_group_size=3)  # several row groups
    return spool_texts(tmp_path / "documents.parquet", tmp_path)


@NEEDS_PROVINCES
def test_spooled_texts_give_the_tables_a_list_gives(provinces, tmp_path):
    """The build reads the texts from a spool file, one at a time: the 16 provincial reports and two
    copies of one of them give the same passages, clusters and reposts as from a list of strings."""
    documents = dict(provinces)
    first = next(iter(documents.values()))
    documents["copy"] = {**first, "doc_id": "copy"}
    documents["edited"] = {**first, "doc_id": "edited", "text": first["text"].replace("高质量发展", "高水平发展")}
    ids = list(documents)
    texts = [documents[i]["text"] for i in ids]
    dates = [documents[i]["published_date"] for i in ids]
    genres = [documents[i]["genre"] for i in ids]
    listed = find_reuse(ids, texts, dates, genres)
    with _spool(tmp_path, texts) as spooled:
        assert spooled.lengths.tolist() == [len(t) for t in texts]
        read = find_reuse(ids, spooled, dates, genres, workdir=tmp_path)
    assert listed.n_candidate_pairs > 50 and read.n_candidate_pairs == listed.n_candidate_pairs
    for name in ("passages", "clusters", "duplicates"):
        assert pd.DataFrame(getattr(read, name)).equals(pd.DataFrame(getattr(listed, name))), name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents.parquet"]  # spool and postings removed


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=40)), max_size=8))
def test_a_spooled_text_reads_back_as_written(tmp_path_factory, texts):
    """Any text (astral characters, empty, missing) reads back from the spool as it went in, in any order."""
    folder = tmp_path_factory.mktemp("spool")
    with _spool(folder, texts) as spooled:
        assert list(spooled) == [t or "" for t in texts]
        backwards = spooled.take(list(range(len(texts)))[::-1])
        assert list(backwards) == [t or "" for t in texts][::-1]
        assert backwards.lengths.tolist() == [len(t or "") for t in texts][::-1]


@NEEDS_PROVINCES
def test_passage_rows_come_the_same_in_batches(provinces, tmp_path):
    """The build writes the reuse table a batch of rows at a time (a row group each): the batches give
    the rows all of them give at once, and the file holds them with the build's id."""
    import pyarrow.parquet as pq

    from helpers import store

    result, passages, _ = _run(provinces)
    assert len(passages) > 20
    import pyarrow as pa

    batches = [store.build_table("reuse", columns) for columns in result.rows.batches(7)]
    assert pa.concat_tables(batches).equals(store.build_table("reuse", result.passages))
    path = tmp_path / "reuse.parquet"
    written = store.save_table_batches(store.CORPUS_SCHEMAS["reuse"],
                                       (store.build_table("reuse", c) for c in result.rows.batches(7)), path,
                                       {store.BUILD_ID_KEY: b"b1"})
    source = pq.ParquetFile(path)
    assert written == len(passages) and source.num_row_groups == -(-len(passages) // 7)
    assert source.schema_arrow.metadata[store.BUILD_ID_KEY] == b"b1"
    empty = store.save_table_batches(store.CORPUS_SCHEMAS["reuse"], iter(()), tmp_path / "none.parquet")
    assert empty == 0 and pq.read_table(tmp_path / "none.parquet").num_rows == 0


def test_pairs_with_a_repost_on_either_side_are_left_out():
    # 07 listed 辽宁省 → 辽宁省 (the work report and its repost) among the followers, and each pair twice
    from helpers.reuse.tables import REUSE_DOCUMENT_COLUMNS, join_reuse

    pairs = pd.DataFrame({"doc_id_a": ["gwr", "gwr", "zhejiang"], "doc_id_b": ["gwr-repost", "heilongjiang", "gwr-repost"]})
    documents = pd.DataFrame({column: [None] * 4 for column in REUSE_DOCUMENT_COLUMNS})
    documents["doc_id"] = ["gwr", "gwr-repost", "heilongjiang", "zhejiang"]
    kept = join_reuse(pairs, documents, ["gwr", "gwr-repost", "heilongjiang", "zhejiang"], reposts=["gwr-repost"])
    assert kept[["doc_id_a", "doc_id_b"]].values.tolist() == [["gwr", "heilongjiang"]]
    assert len(join_reuse(pairs, documents, ["gwr"])) == 2  # without reposts named: every pair of the document
