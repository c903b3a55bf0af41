"""Whatever bytes a file holds, reading it never raises: every item is an Article or a Skip."""
from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.io import Article, Skip, read_inputs

SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".jsonl.gz", ".dat")
pieces = st.sampled_from([b"{", b"}", b'"text"', b":", b'"\xd9\x86\xd8\xb5"', b"\n", b",", b"\x00", b"\xff",
                          b"\xff\xfe", b"\xef\xbb\xbf", b"<html>", b"<p>", b"\r\n", b'"', b"id,text\n",
                          "خبر".encode()])
contents = st.one_of(st.binary(max_size=300), st.lists(pieces, max_size=40).map(b"".join))


@settings(max_examples=150, deadline=None)
@given(data=contents, suffix=st.sampled_from(SUFFIXES))
def test_reading_never_raises(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        for item in read_inputs([str(path)]):
            assert isinstance(item, (Article, Skip))
            if isinstance(item, Article):
                assert item.text.strip() and item.id
            else:
                assert item.reason and "\n" not in item.reason


@settings(max_examples=100, deadline=None)
@given(data=contents)
def test_stdin_never_raises(data):
    import io
    for item in read_inputs(["-"], stdin=io.BytesIO(data)):
        assert isinstance(item, (Article, Skip))
