"""`python -m helpers evaluate`: scores on labelled documents, every figure as a CSV, and what changed between runs."""

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from helpers.cli import main
from helpers.indicators.evaluation import FIGURE_COLUMNS

GOLD = Path(__file__).parent / "fixtures" / "kind_gold"
# Two real labelled documents: 柳州's tourism goals of March 2016 (a horizon carried past ;) and 海城's 2020 bulletin
# (figures in a table's cells)
DOCUMENTS = ("news-liuzhou-2016-03-x6", "bulletin-haicheng-2020-z6")


@pytest.fixture
def labels(tmp_path):
    for folder in ("docs", "labels"):
        (tmp_path / folder).mkdir()
    for name in DOCUMENTS:
        shutil.copy(GOLD / "docs" / f"{name}.txt", tmp_path / "docs")
        shutil.copy(GOLD / "labels" / f"{name}.yaml", tmp_path / "labels")
    return tmp_path


def _labelled_figures(folder: Path) -> int:
    return sum(len(case.get("figures") or ()) for path in (folder / "labels").glob("*.yaml")
               for case in yaml.safe_load(path.read_text(encoding="utf-8"))["paragraphs"])


def test_evaluate_writes_every_labelled_figure_beside_the_extractors(labels, tmp_path, capsys):
    out = tmp_path / "figures.csv"
    assert main(["evaluate", "--labels", str(labels), "--figures", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("2 documents, ") and "statistical_bulletin" in printed
    figures = pd.read_csv(out, encoding="utf-8-sig")
    assert list(figures.columns) == list(FIGURE_COLUMNS)
    assert len(figures) == _labelled_figures(labels)
    cells = figures[figures["paragraph"].str.startswith("全市总人口 |")]  # the table's first row
    assert list(zip(cells["quote"], cells["kind"], cells["year"])) == [("1056955", "actual", 2020), ("100", "actual", 2020)]


def test_compare_counts_what_became_right_and_what_became_wrong(labels, tmp_path, capsys):
    before = tmp_path / "before.csv"
    assert main(["evaluate", "--labels", str(labels), "--figures", str(before)]) == 0
    figures = pd.read_csv(before, encoding="utf-8-sig")
    right = figures.index[figures["kind"] == figures["gold_kind"]]
    figures.loc[right[0], "kind"] = "plan" if figures.loc[right[0], "gold_kind"] != "plan" else "actual"  # wrong before
    figures.to_csv(before, index=False, encoding="utf-8-sig")
    capsys.readouterr()
    assert main(["evaluate", "--labels", str(labels), "--compare", str(before)]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[-1].endswith("kind +1 -0; year +0 -0")
    assert printed.splitlines()[-2].startswith("+ kind ")


@pytest.mark.parametrize("arguments, message", [
    (["--compare", "no-such.csv"], "--compare: no file no-such.csv"),  # a run to compare with that is not there
    (["--labels", "no-such-folder"], "no labels/ folder in no-such-folder"),  # a labels folder that is not there
])
def test_evaluate_says_what_is_missing(labels, arguments, message, capsys, monkeypatch):
    monkeypatch.chdir(labels)
    arguments = arguments if "--labels" in arguments else ["--labels", str(labels), *arguments]
    assert main(["evaluate", *arguments]) == 2
    assert message in capsys.readouterr().err


def test_a_range_written_as_two_values_is_refused_with_its_file_and_quote(labels, capsys):
    """A labeller who wrote a range as [low, high] (part 193 did, before review) gets the file and the quote, not a
    TypeError from deep in the scorer."""
    path = labels / "labels" / "news-liuzhou-2016-03-x6.yaml"
    label = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = label["paragraphs"][0]["figures"][0]
    first[1] = [first[1], first[1] * 2]
    path.write_text(yaml.safe_dump(label, allow_unicode=True), encoding="utf-8")
    assert main(["evaluate", "--labels", str(labels)]) == 2
    err = capsys.readouterr().err
    assert "news-liuzhou-2016-03-x6.yaml" in err and repr(first[0]) in err and "low end" in err


@pytest.mark.parametrize("split, documents", [
    ("heldout", 1),  # every held-out part, whatever its number (the README's "all held-out parts")
    ("heldout-7", 1),  # one part by name
    ("heldout-8", 0),  # a part with no document here
    ("dev", 1),
    ("dev,heldout", 2),
])
def test_split_names_pick_the_documents(labels, split, documents, capsys):
    path = labels / "labels" / "news-liuzhou-2016-03-x6.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("split: dev", "split: heldout-7", 1), encoding="utf-8")
    main(["evaluate", "--labels", str(labels), "--split", split])
    printed = capsys.readouterr().out
    assert printed.startswith(f"{documents} documents, "), printed[:80]
