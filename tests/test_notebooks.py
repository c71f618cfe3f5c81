"""Every numbered notebook runs through papermill on the real corpus and exports clean HTML."""

import json
import re
from types import SimpleNamespace

import pytest

from helpers.report import list_notebooks, find_notebook_dir, run_reports

pytestmark = pytest.mark.slow

SECTIONS = {
    "01_corpus_overview": ["Corpus overview", "The documents", "Timeline", "What cleaning changed",
                           "Quarantined files", "Caveats"],
    "02_campaign_themes": ["Campaign themes", "Theme profiles by place", "Themes over time",
                           "Distinctive terms", "Slogan tracker", "Concordances", "Which themes go together",
                           "Word clouds", "Caveats"],
    "03_indicators": ["Indicators", "Figures by place and kind", "Targets, with the sentence",
                      "One indicator across places and periods", "Export", "Caveats"],
    "04_targets_and_results": ["Targets and results", "The ledger", "Identical figures", "Caveats"],
}


def _args(processed, out, **kw):
    base = dict(processed=str(processed), out=str(out), place="all", all_places=False,
                notebooks=None, params=None)
    return SimpleNamespace(**{**base, **kw})


@pytest.fixture(scope="module")
def corpus_report(built_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    assert run_reports(_args(built_corpus, out)) == 0
    return out


def test_every_notebook_ran_and_exported_html(corpus_report):
    for notebook in list_notebooks(find_notebook_dir()):
        html = (corpus_report / "corpus" / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "Traceback" not in html and 'class="jp-OutputArea-output jp-OutputArea-executeResult" data-mime-type="application/vnd.jupyter.stderr"' not in html
        for section in SECTIONS.get(notebook.stem, []):
            assert section in html, (notebook.stem, section)
        assert "<script src=\"https://cdn" not in html  # opens offline
        executed = json.loads((corpus_report / "corpus" / notebook.name).read_text(encoding="utf-8"))
        errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert not errors


def test_indicator_exports_open_in_excel(corpus_report):
    import openpyxl

    csv_bytes = (corpus_report / "corpus" / "indicators.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese as UTF-8
    assert "4.5%左右" in csv_bytes.decode("utf-8-sig")
    sheet = openpyxl.load_workbook(corpus_report / "corpus" / "indicators.xlsx").active
    assert sheet.max_row > 100


def test_code_is_hidden_and_index_lists_the_run(corpus_report):
    html = (corpus_report / "corpus" / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "from helpers import" not in html
    index = (corpus_report / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="corpus/01_corpus_overview.html"', index)


def test_unknown_place_lists_the_known_places(built_corpus, tmp_path, capsys):
    assert run_reports(_args(built_corpus, tmp_path, place="atlantis")) == 2
    message = capsys.readouterr().err
    assert "unknown place 'atlantis'" in message and "liaoyang" in message and "panjin" in message
