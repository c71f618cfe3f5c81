"""Weigh the rules' kind against what labelled documents teach: a linear model over the evidence around a figure.

The rules of :mod:`helpers.indicators.kinds` read cues, sections, periods and genre and give a kind with its
cue. Written on the development documents, they reach 0.91 there and 0.84 on documents nobody had read
(README, Accuracy). A multinomial logistic model trained on the development labels
(:mod:`helpers.indicators.kind_training`) takes the rules' verdict as one piece of evidence among the words
around the figure, and decides. Its weights are a plain table, ``resources/kind_model.tsv``: one row per
feature, one column per kind; a researcher can read which words push a figure towards a target.

Each figure's features are strings, prefixed by where they come from (the `kind_evidence` column names them):

- ``rule=<kind>``, ``rule=<kind>|<hi/mid/lo>`` (the rules' kind and how sure they were), ``cue=<cue>`` and
  ``cuehead=<cue before its colon>`` (the rules' deciding evidence);
- ``role=``, ``genre=``, ``unit=``, ``qual=``, ``dir=`` (the section's role, the genre, unit, qualifier,
  direction), ``pdelta=<-2…2>`` (the figure's year less the year the text was published, also by season of
  publication as ``pdelta|m=``), ``period=none`` or ``period=undated``;
- ``cb:<2–3 characters>`` from the figure's clause before it, ``sb:<2 characters>`` from its sentence before it,
  ``ca:<2–3 characters>`` from its clause after it, ``cbstart:`` and ``sbstart:`` (how the clause and sentence
  open);
- ``h:<2 characters>`` from the heading of the figure's section.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import numpy as np

from helpers.corpus.sections import Section

MODEL_FILE = "kind_model.tsv"
# What the model reads around a figure, in characters: the end of its clause before it, the end of its sentence
# before it (beyond the clause), the start of its clause after it; the start of the heading of its section. Chosen by
# cross-validation over development documents, 1,582 of them: single characters, 30 characters of the sentence and
# 3-character pieces of the heading made it no better (0.914-0.915 either way) and took half again as long; three
# headings and the title made it no better either (0.916 against 0.917 on 1,562 documents)
CLAUSE_BEFORE = 20
SENTENCE_BEFORE = 15
CLAUSE_AFTER = 10
HEADING_CHARS = 30
LOOK_BEHIND = 80  # how far back the sentence before is looked for
LOOK_AHEAD = 40
# What ends a clause ("全年地区生产总值增长5%左右,力争" | "6%") and a sentence
CLAUSE_END = re.compile(r"[,,;;。!?!?::\n]")
SENTENCE_END = re.compile(r"[。\n]")
EVIDENCE_SHOWN = 3  # the features named in kind_evidence
# How sure the model must be of a figure's kind for it to count as sure: of the held-out figures it is at least this
# sure of, 0.901 have the kind their labellers gave; of those it is 0.5-0.7 sure of, 0.550 (README, Accuracy)
SURE_KIND = 0.7


class KindModel(NamedTuple):
    kinds: tuple[str, ...]
    index: dict[str, int]  # feature -> row of weights
    weights: np.ndarray  # (features + 1) x kinds; the last row is the intercept
    names: list[str]  # the features, by row


class Weighed(NamedTuple):
    kind: str
    confidence: float  # the model's probability of its kind
    evidence: str  # the features that pushed most towards that kind, with their weights


def confidence_band(confidence: float) -> str:
    """How sure the rules were, in three bands (a feature of the model)."""
    return "hi" if confidence >= 0.7 else "mid" if confidence >= 0.5 else "lo"


def _grams(text: str, sizes: Sequence[int], prefix: str) -> list[str]:
    return [prefix + text[i:i + n] for n in sizes for i in range(len(text) - n + 1)]


def describe_context(before: str, after: str) -> list[str]:
    """The features of the words around a figure: ``before`` is up to LOOK_BEHIND characters before it, ``after``
    the characters after it.

    >>> describe_context("全市生产总值增长5%左右,力争", "以上")
    ['cb:力争', 'sb:全市', 'sb:市生', 'sb:生产', 'sb:产总', 'sb:总值', 'sb:值增', 'sb:增长', 'sb:长5', 'sb:5%', 'sb:%左', 'sb:左右', 'sb:右,', 'ca:以上', 'cbstart:力争', 'sbstart:全市']
    """
    clause = before
    for clause_end in CLAUSE_END.finditer(before):
        clause = before[clause_end.end():]
    sentence_start = 0
    for sentence_end in SENTENCE_END.finditer(before):
        sentence_start = sentence_end.end()
    sentence = before[sentence_start:len(before) - len(clause)][-SENTENCE_BEFORE:]
    closing = CLAUSE_END.search(after)
    clause_after = after[:closing.start()] if closing else after
    clause = clause[-CLAUSE_BEFORE:]
    clause_after = clause_after[:CLAUSE_AFTER]
    return (_grams(clause, (2, 3), "cb:") + _grams(sentence, (2,), "sb:") + _grams(clause_after, (2, 3), "ca:")
            + [f"cbstart:{clause[:2]}", f"sbstart:{sentence[:2]}"])


def describe_heading(heading: str | None) -> list[str]:
    """The features of the heading of a figure's section.

    >>> describe_heading("(一)主要预期目标")
    ['h:(一', 'h:一)', 'h:)主', 'h:主要', 'h:要预', 'h:预期', 'h:期目', 'h:目标']
    """
    return _grams((heading or "")[:HEADING_CHARS], (2,), "h:")


def describe_record(rule_kind: str, cue: str | None, confidence: float, role: str | None, genre: str | None,
                    unit: str | None, qualifier: str | None, direction: str | None, year: int | None,
                    published: dt.date | None) -> list[str]:
    """The features of the rules' verdict and of the record's fields."""
    cue = cue or ""
    features = [f"rule={rule_kind}", f"rule={rule_kind}|{confidence_band(confidence)}", f"cue={cue[:30]}",
                f"cuehead={cue.split(':')[0][:12]}", f"role={role or ''}", f"genre={genre or ''}",
                f"role|genre={role or ''}|{genre or ''}", f"unit={unit or ''}", f"qual={qualifier or ''}",
                f"dir={direction or ''}", f"rule|role={rule_kind}|{role or ''}"]
    if year is None:
        return features + ["period=none"]
    if published is None:
        return features + ["period=undated"]
    delta = max(-2, min(2, year - published.year))
    season = "early" if published.month <= 3 else "late" if published.month >= 10 else "mid"
    return features + [f"pdelta={delta}", f"pdelta|m={delta}|{season}"]


class Described(NamedTuple):
    """A figure's features: its own, and the heading of its section (shared by its neighbours, so weighed once)."""

    own: list[str]
    heading: str | None

    @property
    def features(self) -> list[str]:
        return self.own + describe_heading(self.heading)


def describe_figures(columns: dict, text: str, sections: Sequence[Section], document: dict) -> list[Described]:
    """The features of each record of ``columns`` (as the rules left them) in ``document``'s ``text``."""
    headings = {section.section_id: section.heading for section in sections}
    genre, published = document.get("genre"), document.get("published_date")
    described = []
    for i, start in enumerate(columns["start"]):
        period_end = columns["period_end"][i] or columns["period_start"][i]
        end = columns["end"][i]
        own = (describe_record(columns["kind"][i], columns["kind_cue"][i], columns["kind_confidence"][i],
                               columns["section_role"][i], genre, columns["unit"][i], columns["qualifier"][i],
                               columns["direction"][i], period_end.year if period_end else None, published)
               + describe_context(text[max(0, start - LOOK_BEHIND):start], text[end:end + LOOK_AHEAD]))
        described.append(Described(own, headings.get(columns["section_id"][i])))
    return described


@lru_cache(maxsize=1)
def load_kind_model() -> KindModel | None:
    """The trained weights (``resources/kind_model.tsv``), or None where there are none yet."""
    path = resources.files("helpers.resources").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    kinds = tuple(lines[0].split("\t")[1:])
    names, rows = [], []
    intercept = None
    for line in lines[1:]:
        if line.startswith("#"):
            continue
        name, *values = line.split("\t")
        if name == "(intercept)":
            intercept = [float(value) for value in values]
        else:
            names.append(name)
            rows.append([float(value) for value in values])
    weights = np.array(rows + [intercept], dtype=np.float64)
    return KindModel(kinds, {name: i for i, name in enumerate(names)}, weights, names)


def weigh_kinds(model: KindModel, described: Sequence[Described]) -> list[Weighed]:
    """The model's kind for each figure (its features), its probability, and the features that weighed most for it
    against the runner-up. A feature counts once however often it occurs, as in training.

    >>> model = KindModel(("actual", "target"), {"cb:力争": 0, "rule=actual": 1, "h:目标": 2},
    ...                   np.array([[-1.0, 2.0], [0.5, 0.0], [0.0, 0.1], [0.2, 0.0]]), ["cb:力争", "rule=actual", "h:目标"])
    >>> weigh_kinds(model, [Described(["rule=actual", "cb:力争", "cb:力争"], "目标"), Described(["rule=actual", "cb:未知"], None)])
    [Weighed(kind='target', confidence=0.917, evidence='cb:力争 +3.00; h:目标 +0.10'), Weighed(kind='actual', confidence=0.668, evidence='rule=actual +0.50')]
    """
    if not described:
        return []
    index = model.index.get
    by_heading: dict[str | None, set[int]] = {}
    flat: list[int] = []
    offsets = [0]
    for figure in described:
        shared = by_heading.get(figure.heading)
        if shared is None:
            shared = by_heading[figure.heading] = {i for i in map(index, describe_heading(figure.heading)) if i is not None}
        own = set(map(index, figure.own))
        own.discard(None)
        flat.extend(own | shared)
        offsets.append(len(flat))
    flat_rows = np.array(flat, dtype=np.int64)
    ends = np.array(offsets)
    lengths = np.diff(ends)
    owner = np.repeat(np.arange(len(described)), lengths)
    # each figure's sum of its rows' weights: differences of a running sum at the figures' ends
    running = np.vstack([np.zeros((1, len(model.kinds))), np.cumsum(model.weights[flat_rows], axis=0)])
    scores = running[ends[1:]] - running[ends[:-1]] + model.weights[-1]
    order = np.argsort(scores, axis=1)
    best, runner_up = order[:, -1], order[:, -2]
    exponents = np.exp(scores - scores[np.arange(len(described)), best][:, None])
    confidence = np.round(1.0 / exponents.sum(axis=1), 3)
    push = model.weights[flat_rows, best[owner]] - model.weights[flat_rows, runner_up[owner]]
    ranked = np.lexsort((-push, owner))  # by figure, the strongest push first
    names, kinds = model.names, model.kinds
    push, ranked = push.tolist(), ranked.tolist()  # Python numbers: a numpy scalar costs more to read one at a time
    weighed = []
    for start, end, winner, sure in zip(offsets, offsets[1:], best.tolist(), confidence.tolist()):
        evidence = "; ".join(f"{names[flat[j]]} {push[j]:+.2f}" for j in ranked[start:min(start + EVIDENCE_SHOWN, end)]
                             if push[j] > 0)
        weighed.append(Weighed(kinds[winner], sure, evidence))
    return weighed
