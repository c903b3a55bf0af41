"""Input readers: files, folders and stdin → a stream of ``Article`` (or ``Skip`` with its reason).

Readers stream: a JSONL/CSV file is read line by line (gzip too), so a 100 MB file costs one article of
memory.  Every problem becomes one ``Skip`` naming the file (and line); the caller prints and counts
it and goes on.  Nothing here raises for a user's bad input.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from hadath.doc import content_hash
from hadath.io.decode import (MAX_ARTICLE_BYTES, Rejected, decode_bytes, decode_utf8, open_binary,
                              open_lines, utf16_bom)
from hadath.io.html import html_to_text, looks_like_html

TEXT_FIELDS = ("text", "content", "body", "article")
DATE_FIELDS = ("date", "published", "date_extracted", "publication_date", "pubdate")
LINE_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
KNOWN_SUFFIXES = LINE_SUFFIXES + CSV_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES


@dataclass(slots=True)
class Article:
    """One article as read; ``origin`` says where it came from (file or file:line) for messages."""

    id: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""


@dataclass(slots=True)
class Skip:
    origin: str
    reason: str


Item = Article | Skip


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _stem(name: str) -> str:
    for suffix in sorted(KNOWN_SUFFIXES + (".gz",), key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def _str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def record_to_article(rec: Any, *, default_id: str, origin: str, date: str | None = None,
                      source: str | None = None) -> Item:
    """A JSONL/CSV record with id / text|title+content / date|published|date_extracted / source / url."""
    if not isinstance(rec, dict):
        return Skip(origin, f"not a JSON object (got {type(rec).__name__})")
    text = next((rec[f] for f in TEXT_FIELDS if isinstance(rec.get(f), str) and rec[f].strip()), None)
    title = _str(rec.get("title"))
    if text is None:
        if title is None:
            return Skip(origin, "no article text (expected a 'text' or 'content' field)")
        text = title  # a headline-only record is still a (short) article
    if len(text) > MAX_ARTICLE_BYTES:
        return Skip(origin, f"too big for one article ({_mb(len(text))} of text)")
    rec_date = next((rec[f] for f in DATE_FIELDS if _str(rec.get(f))), None)
    return Article(id=_str(rec.get("id")) or default_id, text=text, title=title,
                   date=_str(rec_date) or date, source=_str(rec.get("source")) or source,
                   url=_str(rec.get("url") or rec.get("link")), origin=origin)


def _text_article(text: str, *, doc_id: str, origin: str, date: str | None,
                  source: str | None) -> Item:
    title = None
    if looks_like_html(text):
        text, title, page_date = html_to_text(text)
        date = date or page_date
        if not text.strip():
            return Skip(origin, "HTML page with no readable text")
    if not text.strip():
        return Skip(origin, "empty file")
    return Article(id=doc_id, text=text, title=title, date=date, source=source, origin=origin)


def read_text_file(path: Path, *, doc_id: str, date: str | None, source: str | None) -> Iterator[Item]:
    origin = str(path)
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        yield Skip(origin, f"too big for one article ({_mb(size)}; put one article per line in "
                           "a .jsonl file instead)")
        return
    with open_binary(path) as f:
        data = f.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        yield Skip(origin, f"too big for one article (over {_mb(MAX_ARTICLE_BYTES)} uncompressed)")
        return
    try:
        text = decode_bytes(data)
    except Rejected as exc:
        yield Skip(origin, str(exc))
        return
    yield _text_article(text, doc_id=doc_id, origin=origin, date=date, source=source)


def _lines(stream: Any) -> Iterator[tuple[int, Any]]:
    """(line number, line) with over-long lines replaced by None after draining them."""
    lineno = 0
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        lineno += 1
        nl = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(nl):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(nl):
                pass
            yield lineno, None
        else:
            yield lineno, line


def read_jsonl_stream(stream: BinaryIO, *, name: str, id_prefix: str, date: str | None,
                      source: str | None) -> Iterator[Item]:
    try:
        lines, _ = open_lines(stream)
    except Rejected as exc:
        yield Skip(name, str(exc))
        return
    lineno = 0
    try:
        for lineno, raw in _lines(lines):
            origin = f"{name}:{lineno}"
            if raw is None:
                yield Skip(origin, f"too big for one article (line over {_mb(MAX_ARTICLE_BYTES)})")
                continue
            try:
                line = raw if isinstance(raw, str) else decode_utf8(raw)
            except Rejected as exc:
                yield Skip(origin, str(exc))
                continue
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skip(origin, f"malformed JSON ({exc.msg} at column {exc.colno})")
                continue
            yield record_to_article(rec, default_id=f"{id_prefix}:{lineno}", origin=origin,
                                    date=date, source=source)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:  # truncated gzip, broken UTF-16
        yield Skip(f"{name}:{lineno + 1}", f"unreadable from here on ({type(exc).__name__}: {exc})")


def read_csv_stream(stream: BinaryIO, *, name: str, id_prefix: str, date: str | None,
                    source: str | None) -> Iterator[Item]:
    try:
        lines, enc = open_lines(stream)
    except Rejected as exc:
        yield Skip(name, str(exc))
        return
    text = lines if enc != "utf-8" else io.TextIOWrapper(lines, encoding="utf-8-sig", newline="")
    csv.field_size_limit(MAX_ARTICLE_BYTES)
    reader = csv.DictReader(text)
    row_no = 0
    try:
        for row_no, row in enumerate(reader, start=1):
            origin = f"{name}:{reader.line_num}"
            # header names as people write them ("Text", " date "); extra unnamed cells dropped
            row = {k.strip().lower(): v for k, v in row.items() if k is not None}
            yield record_to_article(row, default_id=f"{id_prefix}:{row_no}", origin=origin,
                                    date=date, source=source)
    except (csv.Error, OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        reason = "not valid UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)
        yield Skip(f"{name}:{reader.line_num + 1}", f"unreadable from here on ({reason})")


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("jsonl", LINE_SUFFIXES), ("csv", CSV_SUFFIXES), ("txt", TEXT_SUFFIXES),
                           ("txt", HTML_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def _sniff_kind(head: bytes) -> str:
    """'jsonl' when the first visible character is '{', 'json-array' for '[', else 'txt'."""
    text = head.decode("utf-16", "ignore") if utf16_bom(head) else head.decode("utf-8", "ignore")
    first = text.lstrip("\ufeff \t\r\n")[:1]
    return {"{": "jsonl", "[": "json-array"}.get(first, "txt")


MAX_JSON_ARRAY_BYTES = 200_000_000


def read_json_array(path: Path, *, id_prefix: str, date: str | None, source: str | None) -> Iterator[Item]:
    """A .json file holding one array of article objects (loaded whole, so size-capped)."""
    name = str(path)
    with open_binary(path) as f:
        data = f.read(MAX_JSON_ARRAY_BYTES + 1)
    if len(data) > MAX_JSON_ARRAY_BYTES:
        yield Skip(name, "JSON array too big to load; convert it to JSONL (jq -c '.[]' in.json > out.jsonl)")
        return
    try:
        records = json.loads(decode_bytes(data))
    except Rejected as exc:
        yield Skip(name, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield Skip(name, f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    if not isinstance(records, list):
        yield Skip(name, "malformed JSON (expected an array of objects or one object a line)")
        return
    for i, rec in enumerate(records, start=1):
        yield record_to_article(rec, default_id=f"{id_prefix}:{i}", origin=f"{name}[{i}]", date=date,
                                source=source)


def read_file(path: Path, *, doc_id: str, date: str | None, source: str | None) -> Iterator[Item]:
    kind = _kind(path)
    try:
        if kind is None or kind == "jsonl":  # unknown extension, or a .json that may be one array
            with open_binary(path) as f:
                sniffed = _sniff_kind(f.read(64))
            kind = "json-array" if sniffed == "json-array" else kind or sniffed
        if kind == "json-array":
            yield from read_json_array(path, id_prefix=doc_id, date=date, source=source)
            return
        if kind == "txt":
            yield from read_text_file(path, doc_id=doc_id, date=date, source=source)
            return
        with open_binary(path) as f:
            reader = read_jsonl_stream if kind == "jsonl" else read_csv_stream
            yield from reader(f, name=str(path), id_prefix=doc_id, date=date, source=source)
    except (PermissionError, IsADirectoryError) as exc:
        yield Skip(str(path), f"cannot open ({exc.strerror})")
    except (OSError, EOFError, zlib.error) as exc:  # e.g. a truncated or corrupt .gz
        yield Skip(str(path), f"unreadable ({type(exc).__name__}: {exc})")


def read_directory(root: Path, *, date: str | None, source: str | None) -> Iterator[Item]:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue  # hidden files and folders (.git, .DS_Store)
        if _kind(path) is None:
            yield Skip(str(path), "not a supported input (.txt .html .jsonl[.gz] .csv[.gz])")
            continue
        doc_id = _stem(rel.as_posix())
        yield from read_file(path, doc_id=doc_id, date=date, source=source)


def read_stdin(*, date: str | None, source: str | None,
               stream: BinaryIO | None = None) -> Iterator[Item]:
    buf = stream or sys.stdin.buffer
    buf = buf if hasattr(buf, "peek") else io.BufferedReader(buf)  # type: ignore[arg-type]
    head = buf.peek(64)[:64]  # type: ignore[union-attr]
    if _sniff_kind(head) == "jsonl":
        yield from read_jsonl_stream(buf, name="<stdin>", id_prefix="stdin", date=date, source=source)
        return
    data = buf.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        yield Skip("<stdin>", f"too big for one article (over {_mb(MAX_ARTICLE_BYTES)})")
        return
    try:
        text = decode_bytes(data)
    except Rejected as exc:
        yield Skip("<stdin>", str(exc))
        return
    yield _text_article(text, doc_id=content_hash(text)[:16], origin="<stdin>", date=date,
                        source=source)


def missing_inputs(inputs: list[str]) -> list[str]:
    """Inputs that do not exist (a usage error, reported before anything runs)."""
    return [i for i in inputs if i != "-" and not Path(i).exists()]


def read_inputs(inputs: list[str], *, date: str | None = None, source: str | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every article of every input, in order; problems come through as ``Skip`` items."""
    for item in inputs:
        if item == "-":
            yield from read_stdin(date=date, source=source, stream=stdin)
            continue
        path = Path(item)
        if path.is_dir():
            yield from read_directory(path, date=date, source=source)
        elif path.exists():
            yield from read_file(path, doc_id=_stem(path.name), date=date, source=source)
        else:
            yield Skip(item, "no such file or directory")
