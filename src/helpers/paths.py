"""Where the project's folders are by default: one place for every default path.

Commands take these as defaults and notebooks as parameters; a function that reads the processed
tables takes the folder as an argument whose default comes from here.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

# The project root: src/helpers/paths.py is two folders below it (the package is installed editable)
PROJECT_ROOT = Path(__file__).resolve().parents[2]
RAW_DIR = Path("data/raw")
PROCESSED_DIR = Path("data/processed")
REPORTS_DIR = Path("reports")
PANELS_DIR = REPORTS_DIR / "panels"  # python -m helpers export; a corpus report writes reports/corpus/panels/
NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
KIND_GOLD_DIR = PROJECT_ROOT / "tests" / "fixtures" / "kind_gold"  # python -m helpers evaluate: the labelled documents
RESOURCES_PACKAGE = "helpers.resources"
# In a processed folder: the link to the generation of tables a build published last, and each
# generation's manifest (see helpers.build.generations)
CURRENT_LINK = "current"
MANIFEST_NAME = "manifest.json"


def find_package_file(package: str, *parts: str) -> Path:
    """A data file of an installed package (the CJK font of mplfonts, jieba's dict.txt), located without
    importing the package, whose import may be slow (mplfonts imports matplotlib, jieba pkg_resources)."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the {package} package is not installed: run `make install`")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
