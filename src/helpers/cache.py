"""Version the build's stages and keep each document's stage results on disk between builds.

A stage's version is a hash of the code and the resource files it depends on, so editing
``themes.yaml`` changes only the themes stage: a rebuild re-tags themes from the cached corpus stage
and leaves reading, cleaning and indicators alone. A document's cache key is the hash of its bytes,
its path and its catalog row. Cached results are pickled column dicts under ``processed/.cache``.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from functools import lru_cache
from importlib import resources
from pathlib import Path

# What each stage reads: its modules and resource files. The corpus stage feeds the other two.
STAGES = {
    "corpus": (("reading", "normalize", "boilerplate", "edits", "cleaning", "metadata", "places",
                "sentences", "documents", "wordsearch"), ("places.csv",)),
    "indicators": (("figures", "periods", "indicators", "metrics", "wordsearch", "places"),
                   ("indicators.csv", "not_figures.txt", "places.csv")),
    "themes": (("themes", "segment", "lexicon", "wordsearch"),
               ("themes.yaml", "userdict.txt", "stopwords.txt")),
}
# The tables each stage writes
STAGE_TABLES = {
    "corpus": ("documents", "sentences", "cleaning_log", "quarantine"),
    "indicators": ("indicators",),
    "themes": ("doc_terms", "theme_hits"),
}


@lru_cache(maxsize=1)
def stage_versions() -> dict[str, str]:
    """{stage: hash of its modules and resources}; the downstream stages include the corpus stage's."""
    package = resources.files("helpers")
    versions = {}
    for stage, (modules, files) in STAGES.items():
        digest = hashlib.sha256(stage.encode())
        for module in sorted(modules):
            digest.update(package.joinpath(f"{module}.py").read_bytes())
        for name in sorted(files):
            digest.update(package.joinpath("resources", name).read_bytes())
        if stage != "corpus":
            digest.update(versions["corpus"].encode())
        versions[stage] = digest.hexdigest()[:16]
    return versions


def document_key(data: bytes, raw_path: str, catalog_row: dict | None) -> str:
    """The cache key of one raw file: its bytes, its path and its catalog row."""
    digest = hashlib.sha256(data)
    digest.update(raw_path.encode())
    digest.update(json.dumps(catalog_row or {}, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:32]


def cache_path(cache_dir: Path, key: str, stage: str) -> Path:
    """Where one document's result of one stage is kept."""
    return cache_dir / f"{key}.{stage}-{stage_versions()[stage]}.pkl"


def read_cached(cache_dir: Path, key: str, stage: str):
    """A cached stage result, or None when there is none (or it cannot be read)."""
    path = cache_path(cache_dir, key, stage)
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError):  # not cached yet, or a cut file: recompute
        return None


def write_cached(cache_dir: Path, key: str, stage: str, value) -> None:
    """Keep a stage result (written to a temporary file and renamed)."""
    path = cache_path(cache_dir, key, stage)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # one writer per process and key
    temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, path)


def prune_cache(cache_dir: Path, live_keys: set[str]) -> int:
    """Delete cache files of documents no longer in the corpus or of old stage versions."""
    current = {f"{stage}-{version}" for stage, version in stage_versions().items()}
    removed = 0
    for entry in cache_dir.glob("*.pkl"):
        key, _, rest = entry.name.partition(".")
        if key not in live_keys or rest[: -len(".pkl")] not in current:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed
