"""The compiled extraction modules (mypyc, helpers/native.py) give the records the .py files give.

The tests run on whichever form ``import helpers`` loads: after ``make install``, the compiled one.
These tests run the pure-Python form beside it in a child process and compare.
"""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, RAW, ROOT
from helpers import native

COMPILED = native.find_reason_for_python() is None
needs_compiled = pytest.mark.skipif(not COMPILED, reason=native.describe_compiled_modules())

# Every record of every document, and the figures of odd strings, as JSON lines (run in a child)
EXTRACT_ALL = r"""
import json, random, sys
from pathlib import Path
from helpers.documents import process_document
from helpers.figures import find_figures
from helpers.indicators import extract_indicators
from helpers.metrics import clean_metric
from helpers.periods import find_period_phrases
out = {"module": __import__("helpers.indicators").indicators.__file__, "records": [], "odd": []}
for path in sys.argv[1:]:
    result = process_document(Path(path).read_bytes(), Path(path).name)
    if hasattr(result, "sentences"):
        columns = extract_indicators(result.document, result.sentences)
        out["records"] += [repr(row) for row in zip(*columns.values())]
rng = random.Random(11)
pieces = ["5", "4.5", "-", "—", "至", "%", "亿元", "万", "个百分点", "以上", "左右", "超", "近", "十", "两", "个",
          "项目", "增长", "下降", "分别", "和", "、", "“", "”", "《", "》", "(", ")", "2023年", "前三季度", "年均",
          "到2025年末", "力争", "预计", "第", "翻一番", "两位数增长", ",", "。", "\n", "1,234", "0", "１", "\ud800"]
for _ in range(3000):
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
    out["odd"].append(repr([tuple(f) for f in find_figures(text)] + [p for p, _ in find_period_phrases(text)]
                           + [clean_metric(text)]))
print(json.dumps(out, ensure_ascii=False))
"""


def _extract_in_child(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_PYTHON_VARIABLE}
    if pure:
        env[native.PURE_PYTHON_VARIABLE] = "1"
    documents = sorted(str(p) for p in RAW.rglob("*.*")) + sorted(str(p) for p in FIXTURES.glob("*.*")
                                                                    if p.suffix in (".txt", ".html"))
    run = subprocess.run([sys.executable, "-c", EXTRACT_ALL, *documents], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(run.stdout)


@needs_compiled
def test_the_compiled_modules_give_the_same_records_as_the_python_ones():
    """Every record of the corpus and the fixtures, and the figures, periods and metrics of 3,000
    random strings of figure fragments (lone surrogates, full-width digits, broken quotes): mypyc
    checks types at run time, so a None where the annotations promise a str would raise here."""
    compiled, pure = _extract_in_child(pure=False), _extract_in_child(pure=True)
    assert compiled["module"].endswith(native.importlib.machinery.EXTENSION_SUFFIXES[0])
    assert pure["module"].endswith("indicators.py")
    assert len(compiled["records"]) > 1000
    for a, b in zip(compiled["records"], pure["records"]):
        assert a == b
    assert len(compiled["records"]) == len(pure["records"])
    assert compiled["odd"] == pure["odd"]


@needs_compiled
def test_the_test_session_runs_the_compiled_modules():
    import helpers.figures
    import helpers.indicators

    assert not helpers.indicators.__file__.endswith(".py")
    assert type(helpers.figures.find_figures).__name__ == "builtin_function_or_method"


@needs_compiled
def test_the_doctests_of_the_compiled_modules_pass_in_python():
    """pytest collects no doctests from a compiled module: they run here on the .py files."""
    env = {**os.environ, native.PURE_PYTHON_VARIABLE: "1"}
    paths = [f"src/helpers/{module}.py" for module in native.COMPILED_MODULES]
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *paths],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-2000:]
    passed = int(re.search(r"(\d+) passed", run.stdout).group(1))
    assert passed >= 14  # the doctests of the five modules


def test_an_edited_module_turns_the_whole_group_back_to_python(tmp_path):
    """Compiled modules call each other in C: after an edit to one, none of them may be loaded."""
    if not (native.NATIVE_DIR / "manifest.json").is_file() or not COMPILED:
        pytest.skip(native.describe_compiled_modules())
    package = tmp_path / "helpers"
    shutil.copytree(native.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    with open(package / "figures.py", "a", encoding="utf-8") as source:
        source.write("\n# edited\n")
    probe = ("import helpers, helpers.indicators, helpers.native as n; "
             "print(helpers.__file__, helpers.indicators.__file__, n.describe_compiled_modules(), sep='|')")
    env = {k: v for k, v in os.environ.items() if k != native.PURE_PYTHON_VARIABLE}
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env=env, cwd=tmp_path)  # the working folder comes first on sys.path
    package_file, indicators_file, description = run.stdout.strip().split("|")
    assert package_file.startswith(str(tmp_path))
    assert indicators_file == str(package / "indicators.py")
    assert description.startswith("pure Python (figures changed since compilation")


def test_without_a_manifest_the_python_modules_run(tmp_path):
    package = tmp_path / "helpers"
    shutil.copytree(native.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__", "_native"))
    probe = "import helpers.indicators as i, helpers.native as n; print(i.__file__, n.describe_compiled_modules(), sep='|')"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    indicators_file, description = run.stdout.strip().split("|")
    assert indicators_file == str(package / "indicators.py")
    assert description.startswith("pure Python (not compiled")


def test_the_makefile_recompiles_when_any_compiled_module_changes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    listed = makefile.split("NATIVE_SOURCES := $(patsubst %,src/helpers/%.py,")[1].split(")")[0].split()
    assert tuple(listed) == native.COMPILED_MODULES
