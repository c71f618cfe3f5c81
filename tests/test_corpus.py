"""Summaries of the documents table that the corpus overview shows."""

import pandas as pd
import pytest

from helpers.corpus import overview as corpus


def _docs(rows):
    return pd.DataFrame(rows, columns=["place", "year"]).astype({"year": "Int32"})


@pytest.mark.parametrize("rows, expected_columns, expected", [
    # a year without documents still gets its column: a gap in coverage must show, not vanish
    ([("辽阳市", 2022), ("辽阳市", 2024), ("盘锦市", 2024)], ["2022", "2023", "2024"],
     {"辽阳市": [1, 0, 1], "盘锦市": [0, 0, 1]}),
    # undated documents are counted last, never dropped
    ([("辽阳市", 2023), ("辽阳市", None)], ["2023", "undated"], {"辽阳市": [1, 1]}),
    # a document whose place is unknown is counted under 未知
    ([(None, 2025)], ["2025"], {"未知": [1]}),
    # nothing dated: only the undated column
    ([("辽阳市", None)], ["undated"], {"辽阳市": [1]}),
])
def test_documents_are_counted_by_place_and_every_year_between_the_first_and_last(rows, expected_columns, expected):
    table = corpus.count_documents_by_year(_docs(rows))
    assert table.columns.tolist() == expected_columns
    assert {place: table.loc[place].tolist() for place in table.index} == expected


def test_no_documents_count_as_an_empty_table():
    assert corpus.count_documents_by_year(_docs([])).empty
