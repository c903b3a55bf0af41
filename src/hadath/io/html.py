"""Plain article text out of a saved HTML page (stdlib parser, no network, no third-party code).

We extract rather than reject: researchers often have folders of saved pages.  We keep the text of
block elements (paragraphs, headings, list items) one per line, drop scripts/styles/navigation, and
take the title and a publication date from the usual <meta> tags when present.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
          "blockquote", "td", "dd", "dt", "figcaption"}
_DATE_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date")
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title = ""
        self.date = ""

    def _flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and not self.date:
                self.date = a.get("content", "")
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip_depth:
            self.current.append(data)


def html_to_text(page: str) -> tuple[str, str | None, str | None]:
    """(body text, title, published date string) of an HTML page."""
    parser = _Extractor()
    parser.feed(page)
    parser.close()
    parser._flush()
    title = re.sub(r"\s+", " ", parser.title).strip() or None
    return "\n".join(parser.lines), title, parser.date or None
