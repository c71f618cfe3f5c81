"""Every numbered notebook runs through papermill on the real corpus and exports clean HTML."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import RAW
from helpers.build.builder import build_corpus
from helpers.reports.runner import KERNEL_NAME, ensure_kernel, find_notebook_dir, list_notebooks, run_notebook, run_reports

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
    "05_place_profile": ["place profile", "Documents", "Themes, against the whole corpus", "Slogans",
                         "Distinctive terms", "Targets against results", "Caveats"],
    "06_target_setting": ["Target setting", "Hardness by place and year", "Escalation: city against province",
                          "Met or missed, by hardness", "Conflicting figures", "The panel: first rows",
                          "Caveats"],
    "07_text_reuse": ["Text reuse", "The most reused passages", "Boilerplate of the genre", "Who copied whom",
                      "Reposts counted once", "Slogan adoption", "Candidate new terms",
                      "Keyness against a reference group", "Caveats"],
}


def _args(processed, out, **kw):
    base = dict(processed=str(processed), out=str(out), place="all", all_places=False,
                notebooks=None, params=None, notebook_dir=None)
    return SimpleNamespace(**{**base, **kw})


@pytest.fixture(scope="module")
def corpus_report(built_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    assert run_reports(_args(built_corpus, out)) == 0
    return out


@pytest.fixture(scope="module")
def place_report(built_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("place_reports")
    assert run_reports(_args(built_corpus, out, place="liaoyang")) == 0
    return out


def test_every_notebook_ran_and_exported_html(corpus_report, place_report):
    runs = [(corpus_report / "corpus", n) for n in list_notebooks(find_notebook_dir()) if n.stem != "05_place_profile"]
    runs += [(place_report / "liaoyang", n) for n in list_notebooks(find_notebook_dir())]
    for folder, notebook in runs:
        html = (folder / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "Traceback" not in html and 'class="jp-OutputArea-output jp-OutputArea-executeResult" data-mime-type="application/vnd.jupyter.stderr"' not in html
        for section in SECTIONS.get(notebook.stem, []):
            assert section in html, (notebook.stem, section)
        assert "<script src=\"https://cdn" not in html  # opens offline
        assert "No description has been provided" not in html  # every figure has alt text
        executed = json.loads((folder / notebook.name).read_text(encoding="utf-8"))
        errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert not errors


def test_a_place_and_years_without_documents_give_empty_reports_not_errors(built_corpus, tmp_path):
    # liaoyang has no document from 2026 on: every report of it says so with empty tables
    params = tmp_path / "after_2026.yaml"
    params.write_text("start_year: 2026\nend_year: 2100\n", encoding="utf-8")
    assert run_reports(_args(built_corpus, tmp_path / "out", place="liaoyang", params=str(params))) == 0
    pages = sorted((tmp_path / "out").glob("*/*.html"))
    assert len(pages) == len(list_notebooks(find_notebook_dir()))
    for page in pages:
        assert "Traceback" not in page.read_text(encoding="utf-8"), page.name


def test_the_corpus_report_writes_the_panels_that_notebook_06_lists(corpus_report):
    panels = corpus_report / "corpus" / "panels"
    assert {p.name for p in panels.iterdir()} >= {"indicator_panel.dta", "theme_panel.dta", "codebook.md"}
    html = (corpus_report / "corpus" / "06_target_setting.html").read_text(encoding="utf-8")
    assert "indicator_panel.dta" in html  # the notebook shows where the panel was written


# Charts each report shows at least (03 and 04 several); 02 and 05 show a map, whose section is named "Map"
MIN_CHARTS = {"01_corpus_overview": 1, "02_campaign_themes": 3, "03_indicators": 2, "04_targets_and_results": 3,
              "05_place_profile": 2, "06_target_setting": 1, "07_text_reuse": 1}
MAPS = {"02_campaign_themes", "05_place_profile"}


def _pages(*folders):
    return [page for folder in folders for page in sorted(folder.glob("*/*.html"))]


def test_pages_have_no_rough_edges_and_every_chart_has_alt_text(corpus_report, place_report, tmp_path, built_corpus):
    from test_report_pages import find_rough_edges

    params = tmp_path / "after_2026.yaml"  # a selection without documents, too
    params.write_text("start_year: 2026\nend_year: 2100\n", encoding="utf-8")
    assert run_reports(_args(built_corpus, tmp_path / "out", place="liaoyang", params=str(params))) == 0
    for page in _pages(corpus_report, place_report, tmp_path / "out"):
        text = page.read_text(encoding="utf-8")
        assert not find_rough_edges(text), (page, find_rough_edges(text)[:3])
        images = re.findall(r"<img [^>]*>", text)
        assert len(images) >= MIN_CHARTS[page.stem], page
        assert all(re.search(r'alt="[^"]+"', image) for image in images), page
        if page.stem in MAPS:
            assert 'alt="Figure: Map' in text, page
        assert '"Noto Sans CJK SC"' in text and "@font-face" in text  # the page names and carries its font
    empty = (tmp_path / "out" / "liaoyang-after_2026" / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "This selection holds no documents" in empty


def test_every_report_opens_with_findings_and_its_own_rerun_line_and_captions_every_table(corpus_report, place_report,
                                                                                         built_corpus):
    for folder, place in ((corpus_report, "all"), (place_report, "liaoyang")):
        pages = _pages(folder)
        assert len(pages) >= 6
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert "<strong>Findings.</strong>" in text, page
            # the tests' tables are not the project's own: the line names them
            rerun = (f"Re-run.</strong> <code>python -m helpers report --notebooks {page.stem[:2]} --place {place} "
                     f"--processed {Path(built_corpus)}</code>")
            assert rerun in text, page
            assert 'class="dataframe"' not in text, page  # a table for people, not pandas' own
            assert text.count("<table") == text.count("<caption"), page


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


def test_a_place_may_be_named_in_chinese_on_the_command_line(built_corpus, tmp_path):
    # `report --place 辽阳市` had failed with "unknown place" though select() takes the name
    assert run_reports(_args(built_corpus, tmp_path, place="辽阳市", notebooks="01")) == 0
    assert (tmp_path / "liaoyang" / "01_corpus_overview.html").exists()


def test_each_notebook_gets_only_the_parameters_it_declares(built_corpus, tmp_path, caplog):
    # a parameter set for 06 (compare_processed_dir) made papermill warn "Passed unknown parameter" in 04's run
    params = tmp_path / "params.yaml"
    params.write_text(f"compare_processed_dir: {built_corpus}\n", encoding="utf-8")
    assert run_reports(_args(built_corpus, tmp_path / "out", notebooks="04", params=str(params))) == 0
    assert "unknown parameter" not in caplog.text


def test_place_profile_names_the_place(place_report):
    html = (place_report / "liaoyang" / "05_place_profile.html").read_text(encoding="utf-8")
    assert "<title>辽阳市 (liaoyang): place profile" in html
    assert "--place liaoyang" in html and "--place panjin" not in html  # the Re-run line is its own


def test_explore_notebook_runs(built_corpus, tmp_path):
    notebook = find_notebook_dir() / "00_explore.ipynb"
    output = tmp_path / "00_explore.ipynb"
    run_notebook(notebook, output, {"processed_dir": str(built_corpus), "output_dir": str(tmp_path)}, ensure_kernel())
    executed = nbformat.read(str(output), as_version=4)
    widgets = [o for c in executed.cells for o in c.get("outputs", [])
               if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widgets) == 2


def _write_notebook(folder, fail: bool):
    folder.mkdir(exist_ok=True)
    nb = new_notebook(metadata={"kernelspec": {"name": KERNEL_NAME, "display_name": "x", "language": "python"}})
    nb.cells = [new_code_cell("processed_dir = 'x'\noutput_dir = 'x'\nplace = 'all'", metadata={"tags": ["parameters"]}),
                new_markdown_cell("# Probe"),
                new_code_cell("1 / 0" if fail else "print('fine')")]
    nbformat.write(nb, str(folder / "01_probe.ipynb"))


def test_failing_notebook_names_the_cell_and_keeps_the_previous_report(built_corpus, tmp_path, capsys):
    notebooks, out = tmp_path / "notebooks", tmp_path / "reports"
    _write_notebook(notebooks, fail=False)
    assert run_reports(_args(built_corpus, out, notebook_dir=str(notebooks))) == 0
    before = (out / "corpus" / "01_probe.html").read_text(encoding="utf-8")
    _write_notebook(notebooks, fail=True)
    assert run_reports(_args(built_corpus, out, notebook_dir=str(notebooks))) == 1
    error = capsys.readouterr().err
    assert "notebook 01_probe.ipynb failed in cell 3: ZeroDivisionError" in error and "1 / 0" in error
    assert (out / "corpus" / "01_probe.html").read_text(encoding="utf-8") == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging folder left


def test_document_text_reaches_html_escaped(tmp_path):
    raw, processed, out = tmp_path / "raw", tmp_path / "processed", tmp_path / "reports"
    raw.mkdir()
    (raw / "seed.txt").write_bytes((RAW / "000_c314c07c1d40f028.txt").read_bytes())
    (raw / "evil.txt").write_text("<script>alert('x')</script>辽阳市新闻发布会\n"
                                  + "辽阳市全市实施投资亿元以上项目330个,项目建设跑出加速度。" * 3, encoding="utf-8")
    build_corpus(raw, processed, progress=False)
    assert run_reports(_args(processed, out, notebooks="01")) == 0
    html = (out / "corpus" / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in html
    assert "<script>alert('x')" not in html




def test_the_index_counts_a_repost_once_as_the_pages_do(tmp_path):
    # the index had said 26 documents where the pages, which count a repost once, said 25
    from helpers.reports.runner import count_selected_documents

    raw = tmp_path / "raw"
    raw.mkdir()
    seed = (RAW / "000_c314c07c1d40f028.txt").read_bytes()
    (raw / "000.txt").write_bytes(seed)
    (raw / "000-repost.txt").write_bytes(seed.replace("辽阳日报".encode(), "辽宁日报".encode(), 1))
    build_corpus(raw, tmp_path / "processed", progress=False)
    assert count_selected_documents(tmp_path / "processed", "all", {}) == 1
