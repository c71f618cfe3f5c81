"""Parsers that must never raise, whatever they are given (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.build.pipeline import run_document
from helpers.corpus.cleaning import clean_text
from helpers.corpus.sentences import split_sentences

CHINESE_LIKE = st.text(alphabet=st.sampled_from(
    list("实施全面振兴新突破三年行动(shí)（）開複工亿元万%０１２３４.,。;:—-“”[]\n \u3000\u2002\r")
    + [chr(c) for c in range(0x4E00, 0x4E40)]), max_size=300)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.pdf", "a", "a.docx"]))
def test_every_stage_never_raises_on_any_bytes(data, name):
    columns = run_document(name, data, None, "key", None, None, [])
    assert columns.get("documents") or columns.get("quarantine")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), CHINESE_LIKE))
def test_cleaning_never_raises_and_sentences_point_into_the_text(text):
    body = clean_text(text).body
    for sentence in split_sentences(body):
        assert body[sentence.start:sentence.end] == sentence.text


# Print-layout text: look-alike radicals, page numbers, repeated headers, lines broken in numbers
PRINT_LIKE = st.text(alphabet=st.sampled_from(
    list("⽣⻓⽬⺟⻅⾧\uf900\u2fd5\u2e80\u2eff— -第页共/12.5亿元万%以上下内。,;:\n一二、()公报")
    + [chr(c) for c in range(0x4E00, 0x4E10)]), max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), PRINT_LIKE))
def test_print_layout_steps_never_raise_and_cite_their_input(text):
    """normalize_lookalikes, strip_running_headers and join_broken_lines: any Unicode, edits that
    cite their input, and the output is the input with the edits applied."""
    from helpers.corpus.layout import join_broken_lines, strip_running_headers
    from helpers.corpus.normalize import normalize_lookalikes

    for step in (normalize_lookalikes, strip_running_headers, join_broken_lines):
        output, edits = step(text)
        pieces, last = [], 0
        for edit in edits:
            assert text[edit.start:edit.end] == edit.removed, (step.__name__, edit)
            pieces += [text[last:edit.start], edit.inserted]
            last = edit.end
        pieces.append(text[last:])
        assert "".join(pieces) == output, step.__name__
        text = output


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), PRINT_LIKE, CHINESE_LIKE),
       st.sampled_from(["government_work_report", "news_report", "press_conference"]))
def test_sections_never_raise_and_nest(text, genre):
    """Every section lies inside its parent, and the document section covers the text (a story's
    lead, read for words that frame it, included)."""
    import datetime as dt

    from helpers.corpus.sections import ROLES, extract_sections

    sections = extract_sections(text, genre, text[:20], dt.date(2025, 2, 27))
    assert (sections[0].start, sections[0].end) == (0, len(text))
    for section in sections[1:]:
        parent = sections[section.parent_id]
        assert parent.start <= section.start <= section.end <= parent.end
        assert section.role in ROLES and parent.level < section.level


# Goals named after their figure: digits, ranges, the words between and the goal words themselves
GOAL_LIKE = st.lists(st.sampled_from(
    ["目标", "目标任务", "的", "年度", "全年", "预期", "控制", "低于", "高于", "增长", "项", "个", "%", "—", "至",
     "1", "4.5", "20", "3.9万", "12345678901234567890", ",", "。", "、", "未达", "完成", "实现", "“", "”", "左右"]), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(GOAL_LIKE)
def test_goals_named_after_are_found_as_a_whole_text_scan_finds_them(text):
    """The scan before each 目标 finds exactly the matches of GOAL_NAMED_AFTER over the whole text."""
    from helpers.indicators.kinds import GOAL_NAMED_AFTER, _find_goals_named_after

    assert [m.span() for m in _find_goals_named_after(text)] == [m.span() for m in GOAL_NAMED_AFTER.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=120), CHINESE_LIKE), st.integers(-5, 400), st.text(max_size=20))
def test_a_figures_list_item_is_read_whatever_the_text(sentence, position, clause):
    """Hardness reads the cue that opens a figure's list item: any sentence, any offset (the quote may not be found)."""
    from helpers.targets.hardness import find_clause_before, find_item_cue

    item = find_item_cue(sentence, position, clause)
    assert item in sentence and not any(c.isdigit() for c in item if c.isascii())
    assert find_clause_before(sentence, position) in sentence


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(-1e6, 1e6, allow_nan=False), st.floats(-1e6, 1e6, allow_nan=False)), max_size=12))
def test_a_map_label_point_is_found_for_any_ring(ring):
    """Any ring of points, degenerate ones too (a line, a point, nothing), gives a label point of two finite numbers."""
    import math

    from helpers.reports.plots import _label_point

    x, y = _label_point(ring)
    assert math.isfinite(x) and math.isfinite(y)
