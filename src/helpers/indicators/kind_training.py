"""Train the kind model (``resources/kind_model.tsv``) on the development part of the labelled documents.

    python -m helpers train-kind                    # writes src/helpers/resources/kind_model.tsv
    python -m helpers train-kind --cross-validate   # how right it is on development documents it was not trained on
    python -m helpers train-kind --learning-curve   # the same, trained on 1/8 ... all of them: would more labels help?

Only documents whose label says ``split: dev`` are read: the held-out parts stay unseen, so that the README's
held-out accuracy is a measure and not a fit. Each labelled figure the rules find becomes one example: its
features (:func:`helpers.indicators.kind_model.describe_figures`, from the rules' output before the model) and
its labelled kind. A multinomial logistic regression (scikit-learn, a development dependency: reports and builds
only read the table) with L2 penalty ``C`` learns one weight per feature and kind; features seen fewer than
``min_count`` times are left out. The regularisation and the windows were chosen by five-fold cross-validation
over development documents (grouped by document); the held-out parts were not used to choose them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from helpers.corpus.documents import process_document
from helpers.corpus.sections import extract_sections
from helpers.indicators.evaluation import (Evaluation, _score_paragraph, catalog_row, clean_case,
                                           load_labelled_documents)
from helpers.indicators.extract import extract_indicators
from helpers.indicators.kind_model import MODEL_FILE, Described, KindModel, describe_figures, weigh_kinds

TRAINING_SPLIT = "dev"
REGULARISATION = 0.1  # C of the logistic regression: 0.05–0.3 gave the same cross-validated accuracy (0.913–0.916)
MIN_COUNT = 5  # features seen in fewer figures are left out (fewer features, the same cross-validated accuracy)
SMALLEST_WEIGHT = 0.005  # a feature whose weights are all smaller is left out of the table
DECIMALS = 4
LEARNING_SHARES = (0.125, 0.25, 0.5, 0.75, 1.0)  # of each fold's training documents, for the learning curve


def collect_examples(folder: str | Path, split: str = TRAINING_SPLIT) -> tuple[list[list[str]], list[str], list[str]]:
    """(features, labelled kind, document) of every labelled figure of ``split`` that the rules find."""
    features, kinds, documents = [], [], []
    for label in load_labelled_documents(folder, split):
        processed = process_document(label["data"], label["doc"], catalog_row(label))
        document = processed.document
        text = document["text"]
        sections = extract_sections(text, document["genre"], document.get("title"), document.get("published_date"))
        records = extract_indicators(document, processed.sentences, sections, learned_kind=False)
        described = describe_figures(records, text, sections, document) if records["start"] else []
        for case in label.get("paragraphs") or ():
            case = clean_case(label["doc"], case)
            matches, _ = _score_paragraph(Evaluation(), text, records, case)
            for figure, match in zip(case["figures"], matches):
                if match is not None:
                    features.append(described[match].features)
                    kinds.append(figure[4])
                    documents.append(label["doc"])
    return features, kinds, documents


def fit_kind_model(features: list[list[str]], kinds: list[str], regularisation: float = REGULARISATION,
                   min_count: int = MIN_COUNT) -> KindModel:
    """A logistic regression of the kinds on the features, as the model the extractor weighs with (weights of every
    feature kept, before the table leaves out the smallest)."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(analyzer=_as_is, min_df=min_count, binary=True)
    matrix = vectorizer.fit_transform(features)
    model = LogisticRegression(C=regularisation, max_iter=5000).fit(matrix, kinds)
    names = vectorizer.get_feature_names_out().tolist()
    return KindModel(tuple(model.classes_), {name: i for i, name in enumerate(names)},
                     np.vstack([model.coef_.T, model.intercept_]), names)


def predict_kinds(model: KindModel, features: list[list[str]]) -> list[str]:
    """The model's kind of each figure, given its features (as :func:`collect_examples` gives them)."""
    return [weighed.kind for weighed in weigh_kinds(model, [Described(figure, None) for figure in features])]


def _as_is(features: list[str]) -> list[str]:
    return features


def write_kind_model(path: str | Path, model: KindModel, note: str) -> int:
    """Write the weights as a table (feature, then one column per kind); returns the features written."""
    lines = ["feature\t" + "\t".join(model.kinds), f"# {note}",
             "(intercept)\t" + "\t".join(f"{w:.{DECIMALS}f}" for w in model.weights[-1])]
    written = 0
    for name, row in sorted(zip(model.names, model.weights[:-1]), key=lambda pair: pair[0]):
        if max(abs(row)) < SMALLEST_WEIGHT or "\t" in name or "\n" in name:
            continue
        lines.append(name + "\t" + "\t".join(f"{w:.{DECIMALS}f}" for w in row))
        written += 1
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


class FoldScore(NamedTuple):
    """The model's kind accuracy on documents it was not trained on, trained on a share of the other documents."""

    share: float  # of each fold's training documents
    training_documents: int  # in the smallest fold
    accuracy: float
    figures: int  # scored


def score_by_folds(features: list[list[str]], kinds: list[str], documents: list[str], folds: int = 5,
                   shares: Sequence[float] = (1.0,), seed: int = 0) -> list[FoldScore]:
    """Cross-validation grouped by document: each fold's documents are scored by a model trained on the others (no
    document is in both), or on the first ``share`` of them in an order shuffled once (``seed``), so that each
    share's documents hold the smaller shares' (a learning curve)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    kinds_array = np.array(kinds)
    names = sorted(set(documents))
    rank = {name: i for i, name in enumerate(np.random.default_rng(seed).permutation(names))}
    by_document: dict[str, list[int]] = {}
    for i, document in enumerate(documents):
        by_document.setdefault(document, []).append(i)
    right = {share: np.zeros(len(kinds), dtype=bool) for share in shares}
    smallest = dict.fromkeys(shares, len(names))
    for train, test in GroupKFold(folds).split(features, kinds, documents):
        training = sorted({documents[i] for i in train}, key=rank.__getitem__)
        for share in shares:
            chosen = training[:max(1, round(share * len(training)))]
            smallest[share] = min(smallest[share], len(chosen))
            rows = [i for document in chosen for i in by_document[document]]
            model = fit_kind_model([features[i] for i in rows], kinds_array[rows].tolist())
            right[share][test] = np.array(predict_kinds(model, [features[i] for i in test])) == kinds_array[test]
    return [FoldScore(share, smallest[share], float(right[share].mean()), len(kinds)) for share in shares]


def cross_validate(folder: str | Path, folds: int = 5) -> str:
    """The model's kind accuracy on development documents it was not trained on, by ``folds``-fold cross-validation
    grouped by document, beside the rules' on the same figures (an upper bound: the rules were written on them)."""
    features, kinds, documents = collect_examples(folder)
    rules = [figure[0].removeprefix("rule=") for figure in features]
    (score,) = score_by_folds(features, kinds, documents, folds)
    rules_right = sum(rule == kind for rule, kind in zip(rules, kinds)) / len(kinds)
    return (f"{folds}-fold cross-validation over {len(set(documents))} development documents, {len(kinds)} figures: "
            f"kind right {score.accuracy:.3f} (the rules, written on these documents: {rules_right:.3f})")


def show_learning_curve(folder: str | Path, folds: int = 5, shares: Sequence[float] = LEARNING_SHARES) -> str:
    """How the cross-validated accuracy grows with the development documents trained on: whether labelling more
    documents like these would help."""
    features, kinds, documents = collect_examples(folder)
    lines = [f"{folds}-fold cross-validation over {len(set(documents))} development documents, {len(kinds)} figures, "
             "trained on a share of each fold's other documents:", "share  documents trained on  kind right"]
    for score in score_by_folds(features, kinds, documents, folds, shares):
        lines.append(f"{score.share:>5.3f}  {score.training_documents:>20,}  {score.accuracy:>10.3f}")
    return "\n".join(lines)


def train_kind_model(folder: str | Path, out: str | Path | None = None) -> str:
    """Train on ``folder``'s development labels and write the model; returns a line saying what was done."""
    from importlib import resources

    features, kinds, documents = collect_examples(folder)
    model = fit_kind_model(features, kinds)
    out = Path(out) if out else Path(str(resources.files("helpers.resources").joinpath(MODEL_FILE)))
    note = (f"trained on {len(kinds)} figures of {len(set(documents))} documents (split {TRAINING_SPLIT}) of "
            f"{Path(folder).name}; logistic regression, C={REGULARISATION}, features seen at least {MIN_COUNT} times")
    written = write_kind_model(out, model, note)
    return f"{note}; {written} features written to {out}"
