"""Read the researcher-edited word lists: themes and slogans, user dictionary, stop words, government verbs.

Each file under ``resources/`` is read by one function, cached for the process. Editing a file
changes the version of the stage that reads it (see :func:`helpers.build.cache.stage_versions`), so a rebuild re-runs
what depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy."""

    code: str
    zh: str
    en: str
    keywords: tuple[str, ...]
    slogans: tuple[str, ...] = ()


def _read(name: str) -> str:
    return resources.files("helpers.resources").joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in _read(name).splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_themes() -> tuple[Theme, ...]:
    """``themes.yaml``: code → zh, en, keywords, slogans (every slogan is a keyword too).

    >>> [t.code for t in load_themes()][:3]
    ['projects', 'investment_attraction', 'industrial_restructuring']
    """
    import yaml

    data = yaml.load(_read("themes.yaml"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C: 9× faster
    themes = []
    for code, spec in data.items():
        slogans = tuple(str(s) for s in spec.get("slogans", ()))
        keywords = tuple(dict.fromkeys([*(str(k) for k in spec["keywords"]), *slogans]))
        themes.append(Theme(code, spec["zh"], spec["en"], keywords, slogans))
    return tuple(themes)


def load_slogans() -> tuple[str, ...]:
    """The slogans declared in ``themes.yaml`` (each theme's ``slogans`` list), in taxonomy order.

    >>> {"项目为王", "三篇大文章", "带土移植", "揭榜挂帅"} <= set(load_slogans())
    True
    """
    return tuple(dict.fromkeys(s for theme in load_themes() for s in theme.slogans))


@lru_cache(maxsize=1)
def load_userdict() -> tuple[tuple[str, int | None], ...]:
    """``userdict.txt``: (term, frequency or None), one per line."""
    entries = []
    for line in _lines("userdict.txt"):
        parts = line.split()
        entries.append((parts[0], int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None))
    return tuple(entries)


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """``stopwords.txt``: function words and document furniture."""
    return frozenset(_lines("stopwords.txt"))


@lru_cache(maxsize=1)
def load_gov_verbs() -> frozenset[str]:
    """``gov_verbs.txt``: generic government verbs (推进, 加快…), switchable in analyses."""
    return frozenset(_lines("gov_verbs.txt"))
