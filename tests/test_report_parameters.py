"""Report parameters are checked against the notebooks' declared types before any notebook runs."""

from types import SimpleNamespace

import pytest

from helpers.reports.runner import check_parameters, find_notebook_dir, list_notebooks, run_reports

PARAMS = find_notebook_dir() / "params"


def _args(processed, out, params):
    return SimpleNamespace(processed=str(processed), out=str(out), place="all", all_places=False,
                           notebooks=None, params=str(params), notebook_dir=None)


@pytest.mark.parametrize("yaml_text, message", [
    # the issue: a wrong type failed inside a notebook cell, with a traceback naming the wrong line
    ("start_year: '2023'\n", "parameter start_year in {source} is '2023' (str), but 01_corpus_overview.ipynb "
                             "declares start_year = 2000 (int)"),
    ("end_year: 2025.5\n", "parameter end_year in {source} is 2025.5 (float), but 01_corpus_overview.ipynb"),
    ("start_year: true\n", "parameter start_year in {source} is True (bool)"),  # a bool is no year
    ("indicator: 42\n", "parameter indicator in {source} is 42 (int), but 03_indicators.ipynb declares "
                        'indicator = "gdp" (str)'),
    ("strat_year: 2023\n", "parameter strat_year in {source}: no notebook declares it"),  # a typo
])
def test_a_wrong_parameter_stops_the_report_before_any_notebook_runs(built_corpus, tmp_path, capsys,
                                                                    yaml_text, message):
    params = tmp_path / "bad.yaml"
    params.write_text(yaml_text, encoding="utf-8")
    assert run_reports(_args(built_corpus, tmp_path / "reports", params)) == 2
    assert message.format(source=params) in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()  # nothing ran, nothing written


@pytest.mark.parametrize("name", sorted(p.name for p in PARAMS.glob("*.yaml")))
def test_the_committed_parameter_sets_pass(name):
    import yaml

    values = yaml.safe_load((PARAMS / name).read_text(encoding="utf-8"))
    check_parameters(list_notebooks(find_notebook_dir()), values, name)
