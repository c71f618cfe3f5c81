"""Read ``catalog.csv`` of the raw folder into rows by document, with a warning for everything it cannot use.

A catalog problem never costs a document: a malformed row, a row without a key or a key that names no
file is left out, an unknown column and a field whose value cannot be used (a date that is no date,
an unknown genre or place) are ignored, and each is a warning that names the row and the field. The
document keeps what was read from its text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from helpers.corpus.documents import CATALOG_FIELDS, parse_catalog_field

CATALOG_NAME = "catalog.csv"
KEY_COLUMNS = ("raw_path", "doc_id")


@dataclass(frozen=True)
class Catalog:
    """Usable catalog rows by ``raw_path`` (or ``doc_id``), and the warnings reading them gave."""

    rows: dict[str, dict] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def decode_catalog(data: bytes) -> tuple[str, str | None]:
    r"""The catalog's text, and a warning when it is not UTF-8. Excel on a Chinese system saves CSV as GBK, which
    GB18030 reads; anything else keeps its readable bytes and says so.

    >>> decode_catalog("raw_path,place\n000.txt,辽阳市\n".encode("gbk"))[0].splitlines()[1]
    '000.txt,辽阳市'
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        at = error.start
    try:
        return data.decode("gb18030"), (f"{CATALOG_NAME} is not UTF-8 (byte {at}); it was read as GB18030, as Excel "
                                         "saves CSV on a Chinese system: save it as CSV UTF-8 to be sure")
    except UnicodeDecodeError:
        return data.decode("utf-8-sig", errors="replace"), (
            f"{CATALOG_NAME} is neither UTF-8 nor GB18030 (byte {at}): undecodable bytes were replaced; save it as UTF-8")


def read_catalog(raw_dir: str | Path, raw_paths: list[str] | None = None) -> Catalog:
    """The catalog of ``raw_dir`` checked against its files (``raw_paths``, when given); empty without one.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "catalog.csv").write_text("raw_path,published_date,genre\\n000.txt,2023-10-18,新闻\\n")
    >>> catalog = read_catalog(folder, ["000.txt"])
    >>> catalog.rows["000.txt"]["published_date"], catalog.warnings
    ('2023-10-18', ["catalog.csv row 2 (000.txt), field genre: genre '新闻' is not one of the genres (press_conference, government_work_report, plan_report, news_report, statistical_bulletin, other): ignored"])
    """
    path = Path(raw_dir) / CATALOG_NAME
    if not path.is_file():
        return Catalog()
    text, warning = decode_catalog(path.read_bytes())
    warnings = [warning] if warning else []
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip() for name in next(reader, [])]
    known = set(KEY_COLUMNS) | set(CATALOG_FIELDS)
    for name in header:
        if name not in known:
            warnings.append(f"{CATALOG_NAME}: column '{name}' is not one the build reads "
                            f"({', '.join((*KEY_COLUMNS, *CATALOG_FIELDS))}): ignored")
    if not set(KEY_COLUMNS) & set(header):
        warnings.append(f"{CATALOG_NAME} has neither a raw_path nor a doc_id column: no row is used")
        return Catalog({}, warnings)
    files = set(raw_paths) if raw_paths is not None else None
    stems = {p.rsplit(".", 1)[0] for p in raw_paths} if raw_paths is not None else None
    rows: dict[str, dict] = {}
    for values in reader:
        number = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            warnings.append(f"{CATALOG_NAME} row {number}: {len(values)} fields where the header has "
                            f"{len(header)}: the row is ignored")
            continue
        row = {name: value for name, value in zip(header, values) if name in known}
        key = (row.get("raw_path") or row.get("doc_id") or "").strip()
        if not key:
            warnings.append(f"{CATALOG_NAME} row {number}: no raw_path or doc_id: the row is ignored")
            continue
        if files is not None and key not in files and key not in stems:
            warnings.append(f"{CATALOG_NAME} row {number}: '{key}' matches no file in the raw folder")
            continue
        for name in CATALOG_FIELDS:
            value = (row.get(name) or "").strip()
            if not value:
                continue
            try:
                parse_catalog_field(name, value)
            except ValueError as error:  # the field is dropped, the document keeps what its text says
                warnings.append(f"{CATALOG_NAME} row {number} ({key}), field {name}: {error}: ignored")
                row[name] = ""
        if key in rows:
            warnings.append(f"{CATALOG_NAME} row {number}: '{key}' is catalogued again; this row wins")
        rows[key] = row
    return Catalog(rows, warnings)
