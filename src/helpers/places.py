"""Find the places a text names and decide which place a document is about.

The gazetteer is ``resources/places.csv`` (code, standard name, level, parent code, aliases, GB/T 2260
code), a file researchers edit. Counties roll up into their prefecture city when mentions are counted.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from helpers.wordsearch import compile_words


# Which place a document is about shows in its first pages; counting further costs time only.
MENTION_WINDOW = 4_000


@dataclass(frozen=True)
class Place:
    """One row of the gazetteer."""

    code: str
    name: str
    level: str  # country, province, city, district, county, county_city, town
    parent: str | None
    aliases: tuple[str, ...]
    gb_code: str | None = None  # GB/T 2260 administrative code (210000 辽宁, 211021 辽阳县); None for towns and zones


@dataclass(frozen=True)
class Gazetteer:
    """The places, with a regex of every name and alias (longest first)."""

    places: dict[str, Place]
    codes_by_name: dict[str, tuple[str, ...]]

    @cached_property
    def pattern(self) -> re.Pattern:
        """Compiled on first use (0.08 s): a report checks place codes and their parents, and never reads names."""
        return compile_words(self.codes_by_name)

    def ancestors(self, code: str) -> list[str]:
        """The code and its parents up to the country: 辽阳县 → liaoyang_liaoyangxian, liaoyang, …"""
        chain = []
        while code and code in self.places and code not in chain:
            chain.append(code)
            code = self.places[code].parent
        return chain

    def city_of(self, code: str) -> str | None:
        """The prefecture city (or province) a place belongs to."""
        for ancestor in self.ancestors(code):
            if self.places[ancestor].level in ("city", "province", "country"):
                return ancestor
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read ``resources/places.csv``.

    >>> load_gazetteer().places["liaoyang_dengta"].name
    '灯塔市'
    """
    text = resources.files("helpers.resources").joinpath("places.csv").read_text(encoding="utf-8")
    places: dict[str, Place] = {}
    by_name: dict[str, list[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
        place = Place(row["code"], row["name"], row["level"], row["parent"] or None, aliases,
                      row.get("gb_code") or None)
        places[place.code] = place
        for name in (place.name, *aliases):
            by_name.setdefault(name, []).append(place.code)
    return Gazetteer(places, {k: tuple(v) for k, v in by_name.items()})


def count_place_mentions(text: str, gazetteer: Gazetteer | None = None) -> Counter:
    """Mentions per place code, each counted for the place and every ancestor.

    Names shared by two places (铁西区 in 沈阳 and 鞍山) are not counted.

    >>> counts = count_place_mentions("辽阳县滚动实施项目,灯塔市谋划项目,辽阳石化")
    >>> counts["liaoyang"], counts["liaoyang_dengta"]
    (3, 1)
    """
    gazetteer = gazetteer or load_gazetteer()
    counts: Counter = Counter()
    for match in gazetteer.pattern.finditer(text):
        codes = gazetteer.codes_by_name[match.group(0)]
        if len(codes) == 1:
            counts.update(gazetteer.ancestors(codes[0]))
    return counts


def find_first_place(text: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The code of the first unambiguous place named in a short text (a title, a venue).

    >>> find_first_place("在辽阳市第十七届人民代表大会第四次会议上")
    'liaoyang'
    """
    gazetteer = gazetteer or load_gazetteer()
    for match in gazetteer.pattern.finditer(text):
        codes = gazetteer.codes_by_name[match.group(0)]
        if len(codes) == 1:
            return codes[0]
    return None


def rank_document_place(text: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The place a body of text is mostly about, by rolled-up mentions; None when unclear.

    A prefecture city wins when it has at least 3 mentions and 1.5 times the next city; one of its
    counties wins instead when that county alone holds 60% of the city's mentions.

    >>> rank_document_place("辽阳县GDP增长。辽阳县项目。灯塔市项目。辽阳石化。走进辽阳。")
    'liaoyang'
    """
    gazetteer = gazetteer or load_gazetteer()
    counts = count_place_mentions(text[:MENTION_WINDOW], gazetteer)
    cities = [(n, code) for code, n in counts.items()
              if gazetteer.places[code].level == "city"]
    if not cities:
        return None
    cities.sort(reverse=True)
    top_n, top = cities[0]
    second = cities[1][0] if len(cities) > 1 else 0
    if top_n < 3 or top_n < 1.5 * second:
        return None
    below = [(n, code) for code, n in counts.items()
             if code != top and top in gazetteer.ancestors(code)
             and gazetteer.places[code].level in ("county", "county_city", "district")]
    if below:
        n, code = max(below)
        if n >= 0.6 * top_n:
            return code
    return top
