"""Turning the bytes of an input file into text, or into one clear reason why not.

Decisions (docs/spine.md, "Bad input"):
- UTF-8 (with or without BOM) is the format; UTF-16 with a BOM is decoded, since Windows tools write it.
- Bytes with NULs (and no UTF-16 BOM) are a binary file; invalid UTF-8 is rejected, never "repaired",
  because silently mangled Arabic would produce silently wrong events.
- Gzip is recognised by its magic bytes, whatever the file is called.
"""
from __future__ import annotations

import codecs
import gzip
import io
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 8192

# Anything bigger is not one news article (the longest SaudiNewsNet article is ~60 KB).
MAX_ARTICLE_BYTES = 2_000_000


class Rejected(Exception):
    """An input (file or line) that cannot be read; ``str(exc)`` is the one-line reason."""


def utf16_bom(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    return None


def looks_binary(head: bytes) -> bool:
    return b"\x00" in head and utf16_bom(head) is None


def decode_utf8(data: bytes) -> str:
    """UTF-8 text (a leading BOM dropped) or Rejected naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Rejected(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}; "
                       "convert it, e.g. iconv -f cp1256 -t utf-8)") from None


def decode_bytes(data: bytes) -> str:
    """Whole-file decoding for one-article inputs (.txt, .html)."""
    if not data.strip():
        raise Rejected("empty file")
    enc = utf16_bom(data[:4])
    if enc:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            raise Rejected("has a UTF-16 BOM but is not valid UTF-16") from None
    if looks_binary(data[:SNIFF_BYTES]):
        raise Rejected("binary file (contains NUL bytes), not text")
    return decode_utf8(data)


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, transparently gunzipped when it starts with the gzip magic."""
    raw = path.open("rb")
    head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    if head == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def open_lines(stream: BinaryIO) -> tuple[BinaryIO | io.TextIOWrapper, str]:
    """A line source for a line-oriented file: ('utf-8', binary stream) or ('utf-16', text stream).

    UTF-8 stays binary so one bad line is one skipped line, not a dead file.
    """
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[union-attr]
    if not head.strip():
        raise Rejected("empty file")
    enc = utf16_bom(head)
    if enc:
        return io.TextIOWrapper(buffered, encoding=enc, newline=""), enc  # type: ignore[arg-type]
    if looks_binary(head):
        raise Rejected("binary file (contains NUL bytes), not text")
    return buffered, "utf-8"  # type: ignore[return-value]
