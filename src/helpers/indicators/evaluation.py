"""Score extracted indicator records against hand-labelled figures.

In: a YAML file of labelled paragraphs (see ``tests/fixtures/indicators_gold.yaml``) and folders to
find their documents in. Out: an :class:`Evaluation` with precision, recall, kind accuracy and value
accuracy, and the misses and false records so a developer can see what went wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpers.corpus.documents import process_document
from helpers.indicators.extract import extract_indicators


@dataclass
class Evaluation:
    """Counts and the mistakes behind them."""

    n_gold: int = 0
    n_predicted: int = 0
    n_matched: int = 0
    n_kind_right: int = 0
    n_value_right: int = 0
    missed: list = field(default_factory=list)
    false: list = field(default_factory=list)
    wrong_kind: list = field(default_factory=list)
    wrong_value: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.n_matched / self.n_predicted if self.n_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.n_matched / self.n_gold if self.n_gold else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.n_kind_right / self.n_matched if self.n_matched else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.n_value_right / self.n_matched if self.n_matched else 0.0

    def summary(self) -> str:
        """One line of figures."""
        return (f"{self.n_gold} labelled figures, {self.n_predicted} records: precision "
                f"{self.precision:.3f}, recall {self.recall:.3f}, kind accuracy {self.kind_accuracy:.3f}, "
                f"value+unit+qualifier accuracy {self.value_accuracy:.3f}")


def evaluate_indicators(gold_path: str | Path, roots: list[str | Path]) -> Evaluation:
    """Run the extractor on every labelled paragraph's document and compare."""
    import yaml

    cases = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))
    result = Evaluation()
    documents: dict[str, tuple] = {}
    for case in cases:
        name = case["doc"]
        if name not in documents:
            path = next(Path(root) / name for root in roots if (Path(root) / name).exists())
            processed = process_document(path.read_bytes(), name)
            documents[name] = (processed.document, extract_indicators(processed.document, processed.sentences))
        document, records = documents[name]
        _score_paragraph(result, document["text"], records, case)
    return result


def _score_paragraph(result: Evaluation, text: str, records: dict, case: dict) -> None:
    start = text.find(case["paragraph"])
    if start < 0:
        raise ValueError(f"{case['doc']}: no paragraph starting {case['paragraph']!r}")
    start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    predicted = [
        i for i, (s, e, threshold) in enumerate(zip(records["start"], records["end"], records["is_threshold"]))
        if start <= s < end and not threshold
    ]
    result.n_predicted += len(predicted)
    cursor, used = start, set()
    for quote, value, unit, qualifier, kind in case["figures"]:
        result.n_gold += 1
        at = text.find(quote, cursor, end)
        if at < 0:
            raise ValueError(f"{case['doc']}: labelled quote {quote!r} not found in order")
        cursor = at + len(quote)
        match = next((i for i in predicted if i not in used
                      and records["start"][i] < cursor and at < records["end"][i]), None)
        if match is None:
            result.missed.append((case["doc"], quote))
            continue
        used.add(match)
        result.n_matched += 1
        if records["kind"][match] == kind:
            result.n_kind_right += 1
        else:
            result.wrong_kind.append((case["doc"], quote, kind, records["kind"][match]))
        got = (records["value"][match], records["unit"][match], records["qualifier"][match])
        if abs(got[0] - float(value)) <= 1e-6 * max(1.0, abs(float(value))) and got[1] == unit and got[2] == qualifier:
            result.n_value_right += 1
        else:
            result.wrong_value.append((case["doc"], quote, (float(value), unit, qualifier), got))
    result.false.extend((case["doc"], records["quote"][i], records["sentence"][i][:40])
                        for i in predicted if i not in used)
