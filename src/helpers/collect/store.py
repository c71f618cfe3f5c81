"""Save fetched bytes under ``collected/<host>/…`` exactly as they came, never over other bytes.

In: a URL, its content type and body. Out: the file's path relative to the raw folder. A file is
written to a temporary name and renamed into place, so an interrupted run never leaves half a file;
a URL whose bytes changed since they were saved gets a second file beside the first (``data/raw``
is write-once).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from helpers.atomic import make_temporary_file

COLLECTED_DIR = "collected"
# List pages (rows with ``follow``) are evidence of where documents were found, not documents:
# kept in a hidden folder, which the build skips.
LISTS_DIR = ".lists"
# The extension the build needs to read a content type, and the suffixes that already say it.
EXTENSIONS = {
    "text/html": (".html", (".html", ".htm", ".shtml", ".xhtml")),
    "application/xhtml+xml": (".html", (".html", ".htm", ".shtml", ".xhtml")),
    "text/plain": (".txt", (".txt",)),
    "application/pdf": (".pdf", (".pdf",)),
}
# characters a file name cannot hold on Windows or macOS: 'a:b', 'x?y', 'c|d', control characters
UNSAFE_CHARACTERS = re.compile(r'[<>:"\\|?*\x00-\x1f]')
MAX_NAME_BYTES = 120


def make_raw_path(url: str, content_type: str, is_list: bool = False) -> str:
    """Where a fetched URL is saved, relative to the raw folder.

    The host and the URL's path (decoded, made safe for any file system) become folders; a query
    adds a short hash of itself; an extension the build reads by is added when the path lacks it.

    >>> make_raw_path("http://fgw.shenyang.gov.cn/fggz/202303/t20230322_4435711.html", "text/html")
    'collected/fgw.shenyang.gov.cn/fggz/202303/t20230322_4435711.html'
    >>> make_raw_path("http://127.0.0.1:8000/tjgb/", "text/html", is_list=True)
    'collected/.lists/127.0.0.1_8000/tjgb/index.html'
    >>> make_raw_path("http://127.0.0.1:8000/show.jsp?id=12", "application/pdf")
    'collected/127.0.0.1_8000/show_2b51366ba7.jsp.pdf'
    """
    parts = urlsplit(url)
    host = UNSAFE_CHARACTERS.sub("_", parts.netloc.lower())
    segments = [make_safe_name(unquote(s)) for s in parts.path.split("/")[1:]] or [""]
    name = segments[-1] or "index"
    if parts.query:
        stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
        digest = hashlib.sha256(parts.query.encode()).hexdigest()[:10]
        name = f"{stem}_{digest}{dot}{suffix}"
    extension, known = EXTENSIONS.get(content_type, ("", ()))
    if extension and not name.lower().endswith(known):
        name += extension
    folders = [s or "_" for s in segments[:-1]]
    prefix = [COLLECTED_DIR, LISTS_DIR] if is_list else [COLLECTED_DIR]
    return str(PurePosixPath(*prefix, host, *folders, name))


def make_safe_name(segment: str) -> str:
    """One path segment as a file or folder name any system accepts.

    >>> make_safe_name("2023年统计公报:全文?.html"), make_safe_name("..")
    ('2023年统计公报_全文_.html', '_')
    """
    name = UNSAFE_CHARACTERS.sub("_", segment).strip()
    if name in (".", ".."):
        return "_"
    if name.startswith("."):
        name = "_" + name[1:]  # a hidden file would be skipped by the build
    if len(name.encode()) > MAX_NAME_BYTES:
        digest = hashlib.sha256(name.encode()).hexdigest()[:10]
        suffix = PurePosixPath(name).suffix[:10]
        name = name.encode()[: MAX_NAME_BYTES - 22].decode("utf-8", "ignore") + f"_{digest}{suffix}"
    return name


def save_body(raw_dir: str | Path, raw_path: str, body: bytes) -> str:
    """Write ``body`` to ``raw_dir/raw_path`` unless those bytes are there already; returns the path.

    When other bytes are there already (the page changed since it was collected), the new bytes go
    beside them as ``name~<first 10 hex digits of their SHA-256>.ext``.
    """
    target = Path(raw_dir) / raw_path
    if target.exists():
        if target.is_file() and target.read_bytes() == body:
            return raw_path
        stem, suffix = PurePosixPath(raw_path).stem, PurePosixPath(raw_path).suffix
        raw_path = str(PurePosixPath(raw_path).with_name(
            f"{stem}~{hashlib.sha256(body).hexdigest()[:10]}{suffix}"))
        target = Path(raw_dir) / raw_path
        if target.is_file() and target.read_bytes() == body:
            return raw_path
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = make_temporary_file(target.parent, ".collect-", ".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(body)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:  # an interrupted or failed write leaves no temporary file behind
        Path(temporary).unlink(missing_ok=True)
        raise
    return raw_path
