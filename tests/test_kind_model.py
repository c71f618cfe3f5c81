"""The kind model: its features on real snippets, its training on development labels only, the shipped table."""

import datetime as dt
import shutil

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from helpers.corpus.sentences import split_sentences
from helpers.indicators.extract import extract_indicators
from helpers.indicators.kind_model import (Described, describe_context, describe_heading, describe_record, load_kind_model,
                                           weigh_kinds)
from helpers.indicators.kind_training import collect_examples, fit_kind_model, predict_kinds, score_by_folds

KIND_GOLD = FIXTURES / "kind_gold"


@pytest.mark.parametrize("before, after, present, absent", [
    # the clause before stops at the comma: 力争 is the clause's, 左右 the sentence's
    ("全市生产总值增长5%左右,力争", "以上", ["cb:力争", "sb:左右", "ca:以上", "cbstart:力争"], ["cb:左右"]),
    # the sentence before stops at 。: the last sentence's 完成 is not this one's
    ("去年完成投资100亿元。今年计划投资", "。", ["cb:计划", "cbstart:今年"], ["sb:完成", "cb:完成"]),
    # a new line is a sentence's end, as in a list under a heading
    ("主要预期目标\n地区生产总值增长", "左右;", ["cb:总值", "ca:左右"], ["sb:目标", "cb:目标"]),
    # nothing before (a figure opening the text) and nothing after
    ("", "", ["cbstart:", "sbstart:"], []),
])
def test_describe_context(before, after, present, absent):
    features = describe_context(before, after)
    assert set(present) <= set(features), features
    assert not set(absent) & set(features), features


@pytest.mark.parametrize("year, published, expected", [
    (2026, dt.date(2026, 1, 27), ["pdelta=0", "pdelta|m=0|early"]),  # a work report's own year, in January
    (2025, dt.date(2026, 1, 27), ["pdelta=-1", "pdelta|m=-1|early"]),  # the year it reviews
    (2035, dt.date(2026, 1, 27), ["pdelta=2", "pdelta|m=2|early"]),  # far ahead is as far as two years
    (2023, dt.date(2023, 10, 18), ["pdelta=0", "pdelta|m=0|late"]),  # a press conference of October
    (None, dt.date(2023, 10, 18), ["period=none"]),
    (2023, None, ["period=undated"]),
])
def test_describe_record_places_the_figure_in_time(year, published, expected):
    features = describe_record("target", "力争", 0.8, "tasks", "government_work_report", "%", "左右", "up", year, published)
    assert features[-len(expected):] == expected
    assert features[:2] == ["rule=target", "rule=target|hi"]


@pytest.mark.parametrize("heading, present", [
    ("(一)主要预期目标", ["h:预期", "h:目标"]),
    (None, []),  # the text before the first heading
    ("一、2024年国民经济和社会发展计划执行情况和2025年计划草案的报告" * 2, ["h:执行"]),  # read to its 30th character
])
def test_describe_heading(heading, present):
    features = describe_heading(heading)
    assert set(present) <= set(features) and len(features) <= 30 - 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.text(max_size=60))
def test_describing_and_weighing_never_raise(before, after):
    model = load_kind_model()
    (weighed,) = weigh_kinds(model, [Described(describe_context(before, after), before + after)])
    assert weighed.kind in model.kinds and 0.25 <= weighed.confidence <= 1.0


def test_the_model_decides_and_the_rules_are_kept():
    """`kind` is the model's; `rule_kind` the rules'; without the model they are the same."""
    text = "一、2023年工作回顾\n预计全市地区生产总值增长5.2%左右。\n二、2024年工作安排\n力争地区生产总值增长6%左右。"
    document = {"doc_id": "d", "text": text, "published_date": dt.date(2024, 1, 10), "genre": "government_work_report",
                "title": "2024年政府工作报告"}
    weighed = extract_indicators(document, split_sentences(text))
    assert list(weighed["kind"]) == ["forecast", "target"] and list(weighed["rule_kind"]) == ["forecast", "target"]
    plain = extract_indicators(document, split_sentences(text), learned_kind=False)
    assert plain["kind"] == plain["rule_kind"] and plain["kind_evidence"] == ("", "")


def test_training_reads_no_held_out_document(tmp_path):
    """Only labels whose split is dev become examples: a held-out label beside them is never read."""
    labels = sorted((KIND_GOLD / "labels").glob("*.yaml"))
    dev = next(p for p in labels if yaml.safe_load(p.read_text(encoding="utf-8"))["split"] == "dev")
    held = next(p for p in labels if str(yaml.safe_load(p.read_text(encoding="utf-8"))["split"]).startswith("heldout"))
    for path in (dev, held):
        (tmp_path / "labels").mkdir(exist_ok=True)
        (tmp_path / "docs").mkdir(exist_ok=True)
        shutil.copy(path, tmp_path / "labels" / path.name)
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))["doc"]
        shutil.copy(KIND_GOLD / "docs" / doc, tmp_path / "docs" / doc)
    _, kinds, documents = collect_examples(tmp_path)
    assert kinds and set(documents) == {yaml.safe_load(dev.read_text(encoding="utf-8"))["doc"]}


def _made_up_examples(informative: bool) -> tuple[list[list[str]], list[str], list[str]]:
    """40 documents of 6 figures; each document's figures share one kind (the four in turn). Every figure names its
    document; where ``informative``, it also carries a word that gives its kind away."""
    kinds = ["actual", "forecast", "plan", "target"]
    features, labels, documents = [], [], []
    for d in range(40):
        for _ in range(6):
            kind = kinds[d % 4]
            features.append([f"doc={d}"] + ([f"cb:{kind}"] if informative else []))
            labels.append(kind)
            documents.append(f"doc-{d}.txt")
    return features, labels, documents


def test_cross_validation_never_scores_a_document_it_trained_on():
    """A figure's document decides its kind and nothing else does: a model that had seen the document would get every
    figure right, one that has not can only guess the commonest kind of its training documents (a quarter)."""
    (score,) = score_by_folds(*_made_up_examples(informative=False), folds=5)
    assert score.accuracy < 0.5, score
    assert score.figures == 240 and score.training_documents == 32


def test_the_learning_curve_trains_on_growing_shares_and_learns_what_can_be_learned():
    """Each share trains on more documents than the one before (an eighth, half and all of each fold's 32); a word that
    gives the kind away is learned wherever the share's documents hold every kind (of 4 documents, some fold's lack
    one: its figures cannot be right)."""
    scores = score_by_folds(*_made_up_examples(informative=True), folds=5, shares=(0.125, 0.5, 1.0))
    assert [score.training_documents for score in scores] == [4, 16, 32]
    assert scores[0].accuracy < 1.0
    assert [score.accuracy for score in scores[1:]] == [1.0, 1.0]


@pytest.mark.slow
def test_the_shipped_model_is_what_the_development_labels_train():
    """Training again on tests/fixtures/kind_gold's development labels gives the shipped table's kinds: the table is
    not edited by hand, nor trained on anything else (if this fails after labels were added: python -m helpers
    train-kind)."""
    features, kinds, _ = collect_examples(KIND_GOLD)
    retrained = fit_kind_model(features, kinds)
    shipped = load_kind_model()
    assert retrained.kinds == shipped.kinds
    agree = np.mean(np.array(predict_kinds(retrained, features)) == np.array(predict_kinds(shipped, features)))
    assert agree >= 0.999, agree
