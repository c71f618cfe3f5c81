"""Score extracted indicator records against hand-labelled figures.

In: a YAML file of labelled paragraphs (see ``tests/fixtures/indicators_gold.yaml``) and folders to
find their documents in. Out: an :class:`Evaluation` with precision, recall, kind accuracy and value
accuracy, and the misses and false records so a developer can see what went wrong.

Also: a folder of labelled whole documents (``tests/fixtures/kind_gold``: ``docs/*.txt`` and
``labels/*.yaml`` with each document's catalog metadata, its ``split`` and, per paragraph,
``[quote, value, unit, qualifier, kind, year]``), scored by :func:`evaluate_labelled_documents` into a
:class:`KindEvaluation`: the same figures overall and per genre, target precision and recall, and
the accuracy of the period's year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpers.corpus.documents import process_document
from helpers.indicators.extract import extract_indicators
from helpers.indicators.figures import load_figure_words
from helpers.indicators.kind_model import SURE_KIND


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


def _score_paragraph(result: Evaluation, text: str, records: dict, case: dict) -> tuple[list, list]:
    """Score one labelled paragraph; return (the record matched to each labelled figure or None,
    the records extracted from the paragraph)."""
    # the line that opens with the paragraph's first characters ("今年贵州省重大工程…" opens a line and, after
    # "摘要:", the summary line before it)
    at_line = text.find("\n" + case["paragraph"])
    start = 0 if text.startswith(case["paragraph"]) else at_line + 1 if at_line >= 0 else text.find(case["paragraph"])
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
    cursor, used, matches = start, set(), []
    base_unit = load_figure_words().base_unit  # a label's 个百分点 is the records' 百分点
    for quote, value, unit, qualifier, kind in case["figures"]:
        unit = base_unit.get(unit, unit)
        result.n_gold += 1
        at = text.find(quote, cursor, end)
        if at < 0:
            raise ValueError(f"{case['doc']}: labelled quote {quote!r} not found in order")
        cursor = at + len(quote)
        match = next((i for i in predicted if i not in used
                      and records["start"][i] < cursor and at < records["end"][i]), None)
        matches.append(match)
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
    return matches, predicted


# The bands of kind_confidence in which kind accuracy is reported (the README's calibration table)
CONFIDENCE_BANDS = (0.4, 0.5, 0.7)
# The floors of kind_confidence at which the ledger's sides are scored (its min_confidence)
LEDGER_FLOORS = (0.0, SURE_KIND, 0.9)
# The labelled set of whole (trimmed) documents: tests/fixtures/kind_gold/{docs,labels}. A label file
# carries the document's catalog metadata and, per paragraph, [quote, value, unit, qualifier, kind, year].
CATALOG_KEYS = ("title", "published_date", "place", "genre")


@dataclass
class KindEvaluation:
    """Scores on labelled documents: overall, per genre, and for targets."""

    overall: Evaluation = field(default_factory=Evaluation)
    by_genre: dict = field(default_factory=dict)
    n_gold_target: int = 0
    n_predicted_target: int = 0
    n_target_right: int = 0  # labelled target, extracted as a target
    n_year_labelled: int = 0
    n_year_right: int = 0
    n_documents: int = 0
    wrong_year: list = field(default_factory=list)
    confidence_checks: list = field(default_factory=list)  # (kind_confidence, kind right) of each figure found
    figures: list = field(default_factory=list)  # one dict per labelled figure: FIGURE_COLUMNS

    @property
    def target_precision(self) -> float:
        return self.n_target_right / self.n_predicted_target if self.n_predicted_target else 0.0

    @property
    def target_recall(self) -> float:
        return self.n_target_right / self.n_gold_target if self.n_gold_target else 0.0

    @property
    def rule_kind_accuracy(self) -> float:
        """Kind accuracy of the rules alone (``rule_kind``), before the model weighs their verdict."""
        found = [row for row in self.figures if row["rule_kind"] is not None]
        return sum(row["rule_kind"] == row["gold_kind"] for row in found) / len(found) if found else 0.0

    @property
    def year_accuracy(self) -> float:
        return self.n_year_right / self.n_year_labelled if self.n_year_labelled else 0.0

    def kind_accuracy_by_confidence(self, bands: tuple[float, ...] = CONFIDENCE_BANDS) -> list[tuple[str, int, float]]:
        """(band, figures, share whose kind is right) for each band of ``kind_confidence``: how far a
        researcher can lean on the confidence column."""
        edges = (0.0, *bands, 1.01)
        rows = []
        for low, high in zip(edges, edges[1:]):
            inside = [right for confidence, right in self.confidence_checks if low <= confidence < high]
            rows.append((f"{low:.2f}–{min(high, 1.0):.2f}", len(inside), sum(inside) / len(inside) if inside else 0.0))
        return rows

    def precision_by_confidence(self, kinds: tuple[str, ...], floors: tuple[float, ...] = LEDGER_FLOORS
                                ) -> list[tuple[float, int, float, float]]:
        """(floor, labelled figures called one of ``kinds`` with kind_confidence at least the floor, the share of
        them labelled one of ``kinds``, the share of the figures labelled so that are kept): what a ledger built
        with ``min_confidence`` gains in precision and loses in targets."""
        rows = []
        labelled = sum(row["gold_kind"] in kinds for row in self.figures)
        for floor in floors:
            called = [row for row in self.figures if row["kind"] in kinds and row["kind_confidence"] >= floor]
            right = sum(row["gold_kind"] in kinds for row in called)
            rows.append((floor, len(called), right / len(called) if called else 0.0,
                         right / labelled if labelled else 0.0))
        return rows

    def figure_table(self):
        """A DataFrame of every labelled figure (FIGURE_COLUMNS): the label's kind and year beside the extractor's,
        with the cue that decided it; ``kind`` is empty for a figure the extractor did not find."""
        import pandas as pd

        return pd.DataFrame(self.figures, columns=list(FIGURE_COLUMNS))

    def summary(self) -> str:
        """A few lines of figures: overall, targets, kind by confidence, per genre."""
        lines = [f"{self.n_documents} documents, " + self.overall.summary(),
                 f"targets: {self.n_gold_target} labelled, {self.n_predicted_target} extracted, precision "
                 f"{self.target_precision:.3f}, recall {self.target_recall:.3f}; period year accuracy "
                 f"{self.year_accuracy:.3f}; kind of the rules alone {self.rule_kind_accuracy:.3f}",
                 "kind right by kind_confidence: " + "; ".join(
                     f"{band} {right:.3f} of {n}" for band, n, right in self.kind_accuracy_by_confidence())]
        for name, kinds in (("targets", ("target",)), ("results and estimates", ("actual", "forecast"))):
            lines.append(f"labelled figures called {name}, by min_confidence: " + "; ".join(
                f"≥ {floor:.1f}: {n} called, {precision:.3f} right, keeping {kept:.3f} of those labelled"
                for floor, n, precision, kept in self.precision_by_confidence(kinds)))
        lines += [f"  {genre}: {e.n_gold} figures, kind accuracy {e.kind_accuracy:.3f}, recall {e.recall:.3f}, "
                  f"precision {e.precision:.3f}" for genre, e in sorted(self.by_genre.items())]
        return "\n".join(lines)


# One row per labelled figure, found or not: `KindEvaluation.figure_table`, and what `python -m helpers evaluate
# --figures` writes
HELD_OUT = "heldout"  # the split name that stands for every held-out part
FIGURE_COLUMNS = ("doc", "split", "genre", "paragraph", "quote", "gold_kind", "kind", "rule_kind", "gold_year", "year",
                  "kind_cue", "kind_confidence", "kind_evidence", "sentence")


def is_in_split(name: object, wanted: str | tuple[str, ...]) -> bool:
    """Whether a label's ``split`` is one of ``wanted``; ``heldout`` stands for every held-out part
    (heldout-55, heldout-402, …), the README's "all held-out parts".

    >>> is_in_split("heldout-55", ("heldout",)), is_in_split("dev", "heldout"), is_in_split("heldout-55", "heldout-56")
    (True, False, False)
    """
    wanted = (wanted,) if isinstance(wanted, str) else wanted
    name = str(name)
    return name in wanted or (HELD_OUT in wanted and name.startswith(HELD_OUT + "-"))


def load_labelled_documents(folder: str | Path, split: str | tuple[str, ...] | None = None) -> list[dict]:
    """The label files of ``folder/labels`` (optionally of one split or several, see :func:`is_in_split`), each with
    its document's bytes."""
    import yaml

    folder = Path(folder)
    labelled = []
    for path in sorted((folder / "labels").glob("*.yaml")):
        label = yaml.safe_load(path.read_text(encoding="utf-8"))
        if split is not None and not is_in_split(label.get("split"), split):
            continue
        _check_values(label, path)
        label["data"] = (folder / "docs" / label["doc"]).read_bytes()
        labelled.append(label)
    return labelled


def _check_values(label: dict, path: Path) -> None:
    """Raise ValueError naming the label file and the quote when a figure's value is not one number (a range is
    written as its low end: ``[4.5-5%, 4.5, "%", …]``)."""
    for case in label.get("paragraphs") or ():
        for figure in case.get("figures") or ():
            value = figure[1] if len(figure) > 1 else None
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{path.name}: the value of {figure[0]!r} is {value!r}, not one number "
                                 "(a range is written as its low end)")


def catalog_row(label: dict) -> dict:
    """The catalog row a label file gives its document (title, date, place, genre) as strings; a
    place outside ``resources/places.csv`` (中华人民共和国) is left for the text to say."""
    from helpers.places import load_gazetteer

    row = {key: str(label[key]) for key in CATALOG_KEYS if label.get(key)}
    known = {name for place in load_gazetteer().places.values() for name in (place.name, *place.aliases)}
    if row.get("place") not in known:
        row.pop("place", None)
    return row


def evaluate_labelled_documents(folder: str | Path, split: str | tuple[str, ...] | None = None) -> KindEvaluation:
    """Run the extractor on each labelled document (with its catalog metadata) and compare."""
    result = KindEvaluation()
    for label in load_labelled_documents(folder, split):
        processed = process_document(label["data"], label["doc"], catalog_row(label))
        if not hasattr(processed, "document"):
            raise ValueError(f"{label['doc']}: quarantined ({processed.reason})")
        document = processed.document
        records = extract_indicators(document, processed.sentences)
        genre = label.get("genre") or document["genre"]
        result.n_documents += 1
        for case in label.get("paragraphs") or ():
            years = [figure[5] if len(figure) > 5 else None for figure in case.get("figures") or ()]
            case = clean_case(label["doc"], case)
            per_genre = result.by_genre.setdefault(genre, Evaluation())
            for evaluation in (result.overall, per_genre):
                pairs = _score_paragraph(evaluation, document["text"], records, case)
            _score_targets_and_years(result, records, case, years, pairs)
            result.figures.extend(_list_case(label, genre, case, years, pairs[0], records))
    return result


def clean_case(doc: str, case: dict) -> dict:
    """A labelled paragraph as the extractor's text has it: its opening, and each figure's [quote, value, unit,
    qualifier, kind] with quote, unit and qualifier as the cleaned text writes them (個 is 个, 超過 is 超过)."""
    return {"doc": doc, "paragraph": _cleaned(case["paragraph"]),
            "figures": [[_cleaned_quote(str(f[0])), f[1], *(_cleaned(x) if isinstance(x, str) else x for x in f[2:4]), f[4]]
                        for f in case.get("figures") or ()]}


def _list_case(label: dict, genre: str, case: dict, years: list, matches: list, records: dict) -> list[dict]:
    rows = []
    for figure, year, match in zip(case["figures"], years, matches):
        found = match is not None
        end, start = (records["period_end"][match], records["period_start"][match]) if found else (None, None)
        rows.append({"doc": label["doc"], "split": str(label.get("split")), "genre": genre, "paragraph": case["paragraph"],
                     "quote": figure[0], "gold_kind": figure[4], "kind": records["kind"][match] if found else None,
                     "rule_kind": records["rule_kind"][match] if found else None,
                     "gold_year": None if year is None else int(year),
                     "year": (end or start).year if (end or start) else None,
                     "kind_cue": records["kind_cue"][match] if found else None,
                     "kind_confidence": float(records["kind_confidence"][match]) if found else None,
                     "kind_evidence": records["kind_evidence"][match] if found else None,
                     "sentence": records["sentence"][match] if found else None})
    return rows


def compare_figure_lists(before, after) -> tuple[str, list[str]]:
    """What changed between two figure tables (`KindEvaluation.figure_table`) of the same labels: a line of counts ("kind +3 -1; year +0
    -0": figures whose kind or year became right, and became wrong) and a line per changed figure."""
    keys = ["doc", "paragraph", "quote"]
    before = before.assign(n=before.groupby(keys).cumcount())  # a quote said twice in a paragraph is two figures
    after = after.assign(n=after.groupby(keys).cumcount())
    joined = before.merge(after, on=[*keys, "n"], suffixes=("_before", "_after"))
    counts, lines = {"kind": [0, 0], "year": [0, 0]}, []
    for row in joined.itertuples(index=False):
        for field_, gold in (("kind", row.gold_kind_after), ("year", row.gold_year_after)):
            if field_ == "year" and _missing(gold):
                continue
            was = _same(getattr(row, f"{field_}_before"), gold)
            now = _same(getattr(row, f"{field_}_after"), gold)
            if was != now:
                counts[field_][0 if now else 1] += 1
                lines.append(f"{'+' if now else '-'} {field_} {row.doc} {row.quote} gold {gold}: "
                             f"{getattr(row, f'{field_}_before')} -> {getattr(row, f'{field_}_after')} "
                             f"({row.kind_cue_after}) | {str(row.sentence_after)[:80]}")
    return "; ".join(f"{name} +{gained} -{lost}" for name, (gained, lost) in counts.items()), lines


def _missing(value) -> bool:
    return value is None or value != value  # None, or NaN from a CSV


def _same(got, gold) -> bool:
    if _missing(got) or _missing(gold):
        return False
    try:
        return int(float(got)) == int(float(gold))
    except ValueError:
        return str(got) == str(gold)


def _cleaned(text: str) -> str:
    """A labelled quote as the cleaned text has it (labels quote the raw text: Traditional, full width)."""
    from helpers.corpus.cleaning import clean_text

    return clean_text(text).body or text


# A quote stands inside a line, after other words: cleaned behind one, it is cleaned as the text around it was
# ("6835. 27億元" after 生產總值 loses the space after its decimal point; a line's opening "3. 137项" keeps it)
RUNNING_TEXT = "为"


def _cleaned_quote(quote: str) -> str:
    """A labelled quote as the cleaned text has it inside a line."""
    cleaned = _cleaned(RUNNING_TEXT + quote)
    return cleaned[len(RUNNING_TEXT):] if cleaned.startswith(RUNNING_TEXT) else _cleaned(quote)


def _score_targets_and_years(result: KindEvaluation, records: dict, case: dict, years: list,
                             pairs: tuple[list, list]) -> None:
    matches, predicted = pairs
    result.n_predicted_target += sum(records["kind"][i] == "target" for i in predicted)
    for figure, year, match in zip(case["figures"], years, matches):
        gold_target = figure[4] == "target"
        result.n_gold_target += gold_target
        if match is None:
            continue
        result.confidence_checks.append((records["kind_confidence"][match], records["kind"][match] == figure[4]))
        result.n_target_right += gold_target and records["kind"][match] == "target"
        if year is None:
            continue
        result.n_year_labelled += 1
        end, start = records["period_end"][match], records["period_start"][match]
        got = (end or start).year if (end or start) else None
        if got == int(year):
            result.n_year_right += 1
        else:
            result.wrong_year.append((case["doc"], figure[0], int(year), got, records["period"][match]))
