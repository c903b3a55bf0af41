"""Input readers: formats, ids, dates, and every kind of bad input as one Skip with a clear reason."""
from __future__ import annotations

import gzip
import io
import json

from hadath.io import Article, Skip, read_inputs
from hadath.io.decode import MAX_ARTICLE_BYTES


def items(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_txt_takes_id_from_stem_and_flags(tmp_path):
    p = tmp_path / "gaza-strike.txt"
    p.write_text("قصفت إسرائيل غزة.", encoding="utf-8")
    (a,) = items(p, date="2023-05-10", source="wafa")
    assert isinstance(a, Article)
    assert (a.id, a.date, a.source, a.text) == ("gaza-strike", "2023-05-10", "wafa", "قصفت إسرائيل غزة.")


def test_jsonl_field_variants_and_line_ids(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [{"id": "a", "text": "نص", "date": "2020-01-01"},
             {"title": "عنوان", "content": "محتوى", "published": "2021-02-02", "url": "http://x"},
             {"content": "محتوى آخر", "date_extracted": "2015-07-21 02:51:32", "source": "aawsat"}]
    p.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    a, b, c = items(p)
    assert (a.id, a.text, a.date) == ("a", "نص", "2020-01-01")
    assert (b.id, b.text, b.title, b.date, b.url) == ("feed:2", "محتوى", "عنوان", "2021-02-02", "http://x")
    assert (c.id, c.date, c.source) == ("feed:3", "2015-07-21 02:51:32", "aawsat")


def test_gzip_is_streamed_and_recognised_by_magic(tmp_path):
    p = tmp_path / "x.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        for i in range(50):
            f.write(json.dumps({"text": f"خبر {i}"}, ensure_ascii=False) + "\n")
    got = items(p)
    assert [a.id for a in got][:2] == ["x:1", "x:2"] and len(got) == 50


def test_csv_with_quoted_newlines(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text('ID, Title ,Content,date\nc1,ع,"نص، مع\nسطر ثان",2021-02-03\n,ع2,نص2,\n', encoding="utf-8")
    a, b = items(p)
    assert (a.id, a.text, a.date) == ("c1", "نص، مع\nسطر ثان", "2021-02-03")
    assert b.id == "t:2" and b.date is None


def test_directory_is_recursive_with_relative_ids(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("خبر", encoding="utf-8")
    (tmp_path / "two.txt").write_text("خبر آخر", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    got = items(tmp_path)
    assert sorted(a.id for a in got) == ["sub/one", "two"]


def test_utf16_with_bom_is_decoded(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes("التقى الوفد بالوزير.".encode("utf-16"))
    (a,) = items(p)
    assert a.text == "التقى الوفد بالوزير."
    q = tmp_path / "w.jsonl"
    q.write_bytes((json.dumps({"text": "نص"}, ensure_ascii=False) + "\n").encode("utf-16"))
    (b,) = items(q)
    assert b.text == "نص"


def test_html_page_is_reduced_to_its_text(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<!DOCTYPE html><html><head><title>عنوان</title>"
                 '<meta property="article:published_time" content="2019-05-05T10:00:00Z">'
                 "<script>var x = 'لا';</script></head><body><nav>القائمة</nav>"
                 "<p>التقى الرئيس بالوفد.</p><p>وأكد الدعم.</p></body></html>", encoding="utf-8")
    (a,) = items(p)
    assert a.text == "التقى الرئيس بالوفد.\nوأكد الدعم."
    assert a.title == "عنوان" and a.date.startswith("2019-05-05")


def _reason(item):
    assert isinstance(item, Skip), item
    return item.reason


def test_bad_files_each_give_one_reason_and_the_rest_is_read(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (tmp_path / "latin.txt").write_bytes("نص".encode("cp1256"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("خبر جيد", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    got = {(i.origin.rsplit("/", 1)[-1]): i for i in items(tmp_path)}
    assert "binary" in _reason(got["bin.txt"])
    assert "not valid UTF-8" in _reason(got["latin.txt"])
    assert _reason(got["empty.txt"]) == "empty file"
    assert "not a supported input" in _reason(got["notes.docx"])
    assert isinstance(got["good.txt"], Article)


def test_bad_jsonl_lines_are_skipped_with_line_numbers(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"text": "\xd9\x86\xd8\xb5"}\n{broken\n\xff\xfe{"text": "x"}\n[1]\n{"id": "q"}\n\n'
                  b'{"text": "\xd8\xa2\xd8\xae\xd8\xb1"}\n')
    got = items(p)
    assert [type(i).__name__ for i in got] == ["Article", "Skip", "Skip", "Skip", "Skip", "Article"]
    assert got[1].origin.endswith("mixed.jsonl:2") and "malformed JSON" in got[1].reason
    assert got[2].origin.endswith(":3") and "not valid UTF-8" in got[2].reason
    assert "not a JSON object" in got[3].reason
    assert "no article text" in got[4].reason
    assert got[5].id == "mixed:7"


def test_oversized_article_is_rejected_without_reading_it_all(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.seek(MAX_ARTICLE_BYTES * 3)
        f.write(b"x")
    (s,) = items(p)
    assert "too big for one article" in _reason(s)


def test_oversized_jsonl_line_is_skipped_and_reading_goes_on(tmp_path):
    p = tmp_path / "long.jsonl"
    with p.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"text": "أ" * (MAX_ARTICLE_BYTES // 2 + 10)}) + "\n")  # > limit in bytes
        f.write(json.dumps({"text": "قصير"}, ensure_ascii=False) + "\n")
    s, a = items(p)
    assert "too big" in _reason(s) and s.origin.endswith(":1")
    assert a.text == "قصير" and a.id == "long:2"


def test_stdin_jsonl_and_plain_text():
    got = list(read_inputs(["-"], stdin=io.BytesIO('{"id": "s1", "text": "نص"}\n'.encode())))
    assert got[0].id == "s1"
    (a,) = list(read_inputs(["-"], stdin=io.BytesIO("خبر عادي".encode()), date="2022-01-01"))
    assert a.text == "خبر عادي" and a.date == "2022-01-01" and len(a.id) == 16


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    data = gzip.compress(b"".join(json.dumps({"text": f"n{i}"}).encode() + b"\n" for i in range(2000)))
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    got = items(p)
    assert isinstance(got[-1], Skip) and "unreadable from here on" in got[-1].reason
    assert sum(isinstance(i, Article) for i in got) > 0


def test_json_array_file(tmp_path):
    p = tmp_path / "dump.json"
    p.write_text(json.dumps([{"id": "j1", "text": "نص"}, {"text": "آخر"}, 5], ensure_ascii=False),
                 encoding="utf-8")
    a, b, c = items(p)
    assert (a.id, b.id, b.text) == ("j1", "dump:2", "آخر")
    assert isinstance(c, Skip) and c.origin.endswith("dump.json[3]")
    (tmp_path / "bad.json").write_text("[{", encoding="utf-8")
    (s,) = items(tmp_path / "bad.json")
    assert "malformed JSON" in s.reason
